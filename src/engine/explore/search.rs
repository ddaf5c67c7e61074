//! Full-text search (words and "quoted phrases" at the start of words) and keyword in context.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;

/// The terms of a search: words and "quoted phrases", lowercased for matching.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (k, part) in query.split('"').enumerate() {
        if k % 2 == 1 {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                terms.push(phrase.to_lowercase());
            }
        } else {
            terms.extend(part.split_whitespace().map(str::to_lowercase));
        }
    }
    terms.dedup();
    terms
}

/// Which documents hold every term of a search.
#[derive(Clone, Debug)]
pub struct SearchHits {
    pub query: String,
    pub documents: DocSet,
}

/// Builds the matcher for a search: every term, case-insensitive for ASCII letters;
/// a term with other letters also in its capitalised and upper-case forms.
fn search_matcher(terms: &[String]) -> Option<(AhoCorasick, Vec<usize>)> {
    let mut patterns: Vec<String> = Vec::new();
    let mut term_of: Vec<usize> = Vec::new();
    for (t, term) in terms.iter().enumerate() {
        let mut forms = vec![term.clone(), term.to_uppercase()];
        let mut chars = term.chars();
        if let Some(first) = chars.next() {
            forms.push(first.to_uppercase().chain(chars).collect());
        }
        forms.sort();
        forms.dedup();
        for form in forms {
            patterns.push(form);
            term_of.push(t);
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok()?;
    Some((matcher, term_of))
}

/// A match starts a word: the character before it is not a letter or digit.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

impl SearchHits {
    pub fn new(corpus: &Corpus, query: &str) -> SearchHits {
        let terms = search_terms(query);
        let n = corpus.documents().len();
        let documents = match search_matcher(&terms) {
            Some((matcher, term_of)) if !terms.is_empty() => corpus
                .documents()
                .iter()
                .map(|doc| {
                    let mut found = vec![false; terms.len()];
                    let mut n_found = 0;
                    for (t, _, _) in term_matches(&matcher, &term_of, &doc.text) {
                        if !found[t] {
                            found[t] = true;
                            n_found += 1;
                            if n_found == terms.len() {
                                break;
                            }
                        }
                    }
                    n_found == terms.len()
                })
                .collect(),
            _ => DocSet::all(n),
        };
        SearchHits {
            query: query.to_string(),
            documents,
        }
    }
}

/// Every occurrence of a search pattern, overlapping ones included (so that
/// "peace" is found inside "peace talks" when both are terms): (term, start, end).
fn term_matches<'a>(
    matcher: &'a AhoCorasick,
    term_of: &'a [usize],
    text: &'a str,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    matcher
        .find_overlapping_iter(text)
        .filter(move |m| starts_word(text, m.start()))
        .map(move |m| (term_of[m.pattern().as_usize()], m.start(), m.end()))
}

/// The byte range from `width` characters before `start` to `width` characters
/// after `end` (or the ends of the text): the neighbourhood of a span.
pub fn context_bounds(text: &str, start: usize, end: usize, width: usize) -> (usize, usize) {
    let left = text[..start]
        .char_indices()
        .rev()
        .nth(width.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let right = text[end..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| end + i);
    (left, right)
}

/// One search hit shown in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordInContext {
    pub document: usize,
    /// Byte offsets of the hit in the document text.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// Up to `per_document` hits of the search's terms in each of `documents`, up to
/// `limit` lines in all, each with about `width` characters of context on each side.
pub fn keyword_in_context(
    corpus: &Corpus,
    query: &str,
    documents: &[usize],
    per_document: usize,
    limit: usize,
    width: usize,
) -> Vec<KeywordInContext> {
    let terms = search_terms(query);
    let Some((matcher, term_of)) = search_matcher(&terms) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for &d in documents {
        let text = &corpus.documents()[d].text;
        let mut in_document = 0;
        let mut after = 0;
        for (_, start, end) in term_matches(&matcher, &term_of, text) {
            if start < after {
                continue;
            }
            after = end;
            let (left_start, right_end) = context_bounds(text, start, end, width);
            let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            // Whole words only at the outer edges of the context.
            let mut left = &text[left_start..start];
            if left_start > 0 && !starts_word(text, left_start) {
                left = left
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest);
            }
            let mut right = &text[end..right_end];
            if text[right_end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                right = right
                    .rsplit_once(char::is_whitespace)
                    .map_or("", |(kept, _)| kept);
            }
            lines.push(KeywordInContext {
                document: d,
                start,
                end,
                left: one_line(left),
                hit: text[start..end].to_string(),
                right: one_line(right),
            });
            in_document += 1;
            if lines.len() >= limit {
                return lines;
            }
            if in_document >= per_document {
                break;
            }
        }
    }
    lines
}
