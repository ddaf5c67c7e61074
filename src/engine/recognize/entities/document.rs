//! A document as the entity rules see it: tokens with their name-word flags, Title Case headlines, words seen capitalised mid-sentence, and the body's phrases.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use super::lines::{capitals_line_flags, headline_flags};
use super::shape::{is_dotted_abbreviation, starts_upper};
use super::{DocumentView, EntityType, Evidence, Parts, Segment};
use crate::engine::recognize::lexicon::{lexicon, openers};
use crate::engine::recognize::token::{Lower, Token, TokenKind};
use crate::engine::recognize::word_shapes::WordShapes;
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    pub(super) fn new(text: &'a str, tokens: &'a [Token], parts: Parts) -> Self {
        let words: Vec<&'a str> = tokens.iter().map(|t| t.text(text)).collect();
        let in_capitals_line = if parts.capitals_lines {
            capitals_line_flags(text, tokens)
        } else {
            vec![false; tokens.len()]
        };
        // A line in capitals is read like a headline: only known names count.
        let in_headline: Vec<bool> = headline_flags(text, tokens)
            .into_iter()
            .zip(&in_capitals_line)
            .map(|(headline, &capitals)| headline || capitals)
            .collect();
        // Sized for a news document's distinct capitalised words, so that it
        // rarely grows (growing was a tenth of building the view).
        let mut capitalised_mid_sentence =
            HashSet::with_capacity_and_hasher(tokens.len() / 8, Default::default());
        // Only sentence-initial words are ever asked about in lower case: collect
        // those first, then look for them, instead of hashing every word.
        let mut sentence_initial: HashSet<String> = HashSet::default();
        let mut initial_shapes: WordShapes = WordShapes::default();
        let mut opens_a_sentence: HashSet<&str> = HashSet::default();
        let mut opens_sentences_repeatedly: HashSet<&str> = HashSet::default();
        for (i, (t, &w)) in tokens.iter().zip(&words).enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            if starts_upper(w) {
                if !t.sentence_start && !in_headline[i] && !after_opening_quote(text, tokens, i) {
                    capitalised_mid_sentence.insert(w);
                } else {
                    let lower = w.to_lowercase();
                    initial_shapes.add(&lower);
                    sentence_initial.insert(lower);
                    // A plural is mostly a common noun ("Troops moved", "Analysts said").
                    let plural = w.ends_with('s') && !w.ends_with("ss");
                    // The subject of its sentence: a word follows, not a label's colon
                    // or an interjection's comma ("Image:", "Yeah,").
                    let subject = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Word)
                        && !w.contains(['\'', '\u{2019}'])
                        && !plural;
                    if t.sentence_start && !in_headline[i] && subject && !opens_a_sentence.insert(w)
                    {
                        opens_sentences_repeatedly.insert(w);
                    }
                }
            }
        }
        let name_words = tokens
            .iter()
            .zip(&words)
            .enumerate()
            .map(|(i, (t, &w))| {
                t.kind == TokenKind::Word
                    && starts_upper(w)
                    && (!is_never_name(w)
                        || is_dotted_abbreviation(w)
                        || opens_two_word_place(text, tokens, i)
                        || month_in_personal_name(text, tokens, i)
                        || partnership_form(text, tokens, i)
                        || weekday_in_team_name(text, tokens, i))
                    && !in_angle_brackets(text, t)
            })
            .collect();
        let mut seen_lowercase = HashSet::default();
        for (_, &w) in tokens
            .iter()
            .zip(&words)
            .filter(|(t, _)| t.kind == TokenKind::Word)
        {
            if w.as_bytes()[0].is_ascii_lowercase()
                && initial_shapes.may_hold(w)
                && sentence_initial.contains(w)
            {
                seen_lowercase.insert(w);
            }
        }
        DocumentView {
            text,
            tokens,
            words,
            in_headline,
            in_capitals_line,
            capitalised_mid_sentence,
            seen_lowercase,
            opens_sentences_repeatedly,
            name_words,
            body_phrases: OnceCell::new(),
            body_phrase_openers: OnceCell::new(),
            company_names: OnceCell::new(),
            company_first_words: OnceCell::new(),
            capitalised_folded: OnceCell::new(),
            lowercase_words: OnceCell::new(),
            parts,
        }
    }

    /// The text of token `i`, or "" past the end (rules look ahead freely).
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Word
    }

    /// A word that can be part of a name: capitalised, not a closed-class non-name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    pub(super) fn joined(&self, i: usize) -> bool {
        i < self.tokens.len() && !self.tokens[i].space_before && !self.tokens[i].line_start
    }

    pub(super) fn new_line(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].line_start
    }

    pub(super) fn segment(
        &self,
        first: usize,
        end: usize,
        kind: EntityType,
        evidence: Evidence,
    ) -> Segment {
        Segment {
            first,
            end,
            kind,
            evidence,
            role: None,
            place: None,
        }
    }

    /// Skips "Mr", "Dr." and the like before a name ("General" stays: "General Motors").
    pub(super) fn skip_honorifics(&self, mut first: usize, end: usize) -> usize {
        while first + 1 < end && (is_honorific(self.word(first)) || self.word(first) == ".") {
            first += 1;
        }
        first
    }

    /// The text of tokens `first..end`, with whitespace runs folded to one space.
    /// Borrowed unless the span holds line breaks or runs of spaces.
    pub(super) fn span_text(&self, first: usize, end: usize) -> Cow<'a, str> {
        let raw = &self.text[self.tokens[first].start..self.tokens[end - 1].end];
        // Asked many times for every name. Tokens hold no whitespace, so only the
        // gaps between them are read, and a gap of one space or none at a glance.
        let plain = self.tokens[first..end].windows(2).all(|pair| {
            let gap = &self.text.as_bytes()[pair[0].end..pair[1].start];
            match gap {
                [] | [b' '] => true,
                _ => {
                    let mut previous_space = false;
                    gap.iter().all(|&b| {
                        let folds =
                            matches!(b, b'\n' | b'\r' | b'\t') || b == b' ' && previous_space;
                        previous_space = b == b' ';
                        !folds
                    })
                }
            }
        });
        if plain {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
        }
    }

    pub(super) fn at_sentence_start(&self, i: usize) -> bool {
        self.tokens[i].sentence_start || after_opening_quote(self.text, self.tokens, i)
    }

    /// A word with outside evidence of being a name: gazetteer, given name,
    /// or capitalised elsewhere in running text.
    pub(super) fn is_known(&self, w: &str) -> bool {
        self.capitalised_mid_sentence.contains(w)
            || !lexicon().places_named(w).is_empty()
            || lexicon().demonym(w).is_some()
    }

    /// The document writes `lower` (a lower-case word) as a word of its own.
    pub(super) fn writes_in_lowercase(&self, lower: &str) -> bool {
        self.lowercase_words
            .get_or_init(|| {
                // Sized for the distinct words of a long document, so it rarely grows.
                let mut words = HashSet::with_capacity_and_hasher(
                    self.tokens.len().min(1 << 14),
                    Default::default(),
                );
                words.extend(
                    self.tokens
                        .iter()
                        .zip(&self.words)
                        .filter(|(t, _)| t.kind == TokenKind::Word)
                        .map(|(_, &w)| w)
                        .filter(|w| w.chars().all(char::is_lowercase)),
                );
                words
            })
            .contains(lower)
    }

    /// The word, whatever its case, is written capitalised inside a sentence of the body.
    pub(super) fn capitalised_in_body_any_case(&self, word: &str) -> bool {
        self.capitalised_folded
            .get_or_init(|| {
                self.capitalised_mid_sentence
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect()
            })
            .contains(&word.to_lowercase())
    }

    /// Whether `word` may open a body phrase of more than one word.
    pub(super) fn opens_body_phrase(&self, word: &str) -> bool {
        self.body_phrase_openers
            .get_or_init(|| {
                // Builds the phrases first.
                self.body_has_phrase("");
                let phrases = self.body_phrases.get().expect("built just now");
                phrases.iter().flat_map(|p| openers(p)).collect()
            })
            .contains(word)
    }

    /// Whether `name` is a company of the document written elsewhere with its legal
    /// form ("American Brands" after "American Brands Inc.", "Aer Lingus" after "Aer
    /// Lingus Group PLC"): one name, though it opens with a demonym.
    pub(super) fn is_company_of_document(&self, name: &str) -> bool {
        self.company_names
            .get_or_init(|| {
                self.body_has_phrase("");
                let phrases = self.body_phrases.get().expect("built just now");
                let mut names = HashSet::default();
                for phrase in phrases {
                    let Some((head, last)) = phrase.rsplit_once(' ') else {
                        continue;
                    };
                    let (legal_form, company_keyword) =
                        (is_legal_form(last), is_company_keyword(last));
                    if !(legal_form || company_keyword) {
                        continue;
                    }
                    // "Harmon Industrial Holdings, Inc.": the run stops at the comma,
                    // so a company's own keyword names it too; and a name of two
                    // words or more before it is the company ("Huntington Ingalls"
                    // of "Huntington Ingalls Industries"), unless it is a place.
                    if company_keyword {
                        names.insert(*phrase);
                        if head.contains(' ') && lexicon().places_named(head).is_empty() {
                            names.insert(head);
                        }
                    }
                    let head = head.trim_end_matches(',');
                    if legal_form {
                        names.insert(head);
                    }
                    // "Aer Lingus Group PLC": "Aer Lingus" is the company too.
                    if let Some((name, "Group" | "Holdings" | "Holding" | "Corporation")) =
                        head.rsplit_once(' ')
                    {
                        names.insert(name);
                    }
                }
                names
            })
            .contains(name)
    }

    /// Whether `word` alone stands for a company the document names with its legal
    /// form ("Brennan" after "Brennan Foods Inc", "Pickett" after "Pickett Dairy
    /// Co."): the first of its name's words, when that word is no title, place,
    /// nationality, keyword or word the document also writes in lower case
    /// ("General Motors Corp." says nothing of "General").
    pub(super) fn is_company_first_word(&self, word: &str) -> bool {
        self.company_first_words
            .get_or_init(|| {
                self.is_company_of_document("");
                let names = self.company_names.get().expect("built just now");
                let lex = lexicon();
                let candidates: Vec<&str> = names
                    .iter()
                    .filter_map(|name| name.split_once(' ').map(|(first, _)| first))
                    .filter(|first| {
                        starts_upper(first)
                            && !is_title(first)
                            && !is_org_keyword(first)
                            && !is_function_word(first)
                            && lex.demonym(first).is_none()
                            && lex.places_named(first).is_empty()
                    })
                    .collect();
                let lower: Vec<String> = candidates.iter().map(|w| w.to_lowercase()).collect();
                let written = self.which_written_in_lowercase(&lower);
                candidates
                    .into_iter()
                    .zip(written)
                    .filter_map(|(first, written)| (!written).then_some(first))
                    .collect()
            })
            .contains(word)
    }

    /// For each of `words` (lower case), whether the document writes it as a word of
    /// its own, as [`Self::writes_in_lowercase`] answers. A few words are searched
    /// for in the text, which costs less than building the set of every word (a
    /// pass over the tokens per document was a fiftieth of a pack build); more use
    /// the set, so that the cost stays linear in the document.
    pub(super) fn which_written_in_lowercase(&self, words: &[String]) -> Vec<bool> {
        const FEW: usize = 16;
        if words.len() > FEW || self.lowercase_words.get().is_some() {
            return words.iter().map(|w| self.writes_in_lowercase(w)).collect();
        }
        words.iter().map(|w| self.has_lowercase_token(w)).collect()
    }

    /// Whether a word token of the document is `lower`, written all in lower case:
    /// each place the text holds it is looked up among the tokens.
    fn has_lowercase_token(&self, lower: &str) -> bool {
        if lower.is_empty() || !lower.chars().all(char::is_lowercase) {
            return false;
        }
        memchr::memmem::find_iter(self.text.as_bytes(), lower.as_bytes()).any(|at| {
            let k = self.tokens.partition_point(|t| t.start < at);
            self.tokens.get(k).is_some_and(|t| {
                t.start == at && t.end == at + lower.len() && t.kind == TokenKind::Word
            })
        })
    }

    /// The phrase is a name in the body, outside headlines: a whole run of capitalised
    /// words, or one after its titles, or a person's surname. Built on first use.
    pub(super) fn body_has_phrase(&self, phrase: &str) -> bool {
        self.body_phrases
            .get_or_init(|| {
                // Sized as the capitalised words, so that it rarely grows.
                let mut phrases = HashSet::with_capacity_and_hasher(
                    self.capitalised_mid_sentence.len() * 2,
                    Default::default(),
                );
                let mut i = 0;
                while i < self.tokens.len() {
                    if self.in_headline[i] || !self.is_name_word(i) {
                        i += 1;
                        continue;
                    }
                    let mut end = i + 1;
                    while end < self.tokens.len()
                        && self.is_name_word(end)
                        && !self.new_line(end)
                        && !self.in_headline[end]
                    {
                        end += 1;
                    }
                    // The whole run, the run after leading titles or demonyms ("Foreign
                    // Minister Jeyhun Bayramov" gives "Jeyhun Bayramov"), and a person's
                    // surname; not arbitrary sub-phrases ("Shipping Group" of
                    // "Atlantica Shipping Group").
                    let span = |a: usize, b: usize| {
                        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
                    };
                    let mut a = i;
                    loop {
                        phrases.insert(span(a, end));
                        let w = self.word(a);
                        let peelable = is_title(w)
                            || is_portfolio(w)
                            || lexicon().demonym(w).is_some()
                            || is_function_word(w);
                        // Not down to a bare keyword ("Commission" of "European Commission").
                        let rest_is_keyword = end - a == 2
                            && (is_org_keyword(self.word(a + 1))
                                || is_place_keyword(self.word(a + 1)));
                        if a + 1 >= end || !peelable || rest_is_keyword {
                            break;
                        }
                        a += 1;
                    }
                    if end - a >= 2 && !(a..end).any(|k| is_org_keyword(self.word(k))) {
                        phrases.insert(span(end - 1, end));
                    }
                    i = end;
                }
                phrases
            })
            .contains(phrase)
    }
}

/// The token opens a quotation or bracket: a quoted sentence starts here ('said, "This …').
pub(super) fn after_opening_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mark = &tokens[i - 1];
    let opens = match mark.text(text) {
        "“" | "‘" => true,
        "\"" | "'" => mark.sentence_start || mark.line_start || mark.space_before,
        "(" => mark.sentence_start || mark.line_start,
        _ => false,
    };
    opens && !tokens[i].space_before
}

/// "Tel Aviv": a word that is no name alone ("Tel:" labels a telephone number)
/// opening a two-word place of the gazetteer with the word after it.
fn opens_two_word_place(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|next| {
        next.space_before
            && starts_upper(next.text(text))
            && !lexicon()
                .places_named(&text[tokens[i].start..next.end])
                .is_empty()
    })
}

/// "Leeds 0 Sheffield Wednesday 2", "Sheffield Wednesday beat Leeds": a weekday
/// after a capitalised word on its line, before a score or a result verb, ends a
/// club's name ("in London Wednesday, officials said" stays a date).
fn weekday_in_team_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let weekday = is_weekday_name(tokens[i].text(text));
    let after_name = i > 0
        && tokens[i].space_before
        && !tokens[i].line_start
        && tokens[i - 1].kind == TokenKind::Word
        && starts_upper(tokens[i - 1].text(text));
    // A score, not a day of the month or a time ("Thursday 15 August", "Saturday 4:30").
    let score = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number && !t.line_start)
            && tokens.get(k + 1).is_none_or(|after| {
                after.line_start
                    || !is_month_name(after.text(text)) && !matches!(after.text(text), ":" | ".")
            })
    };
    let before_result = score(i + 1)
        || tokens
            .get(i + 1)
            .is_some_and(|next| !next.line_start && is_result_verb(next.text(text)));
    weekday && after_name && before_result
}

/// "Ashford Hospitality Finance LP", "Zentrix Partners LP": a limited
/// partnership's form after an organisation's keyword or a portfolio word ("an LP"
/// and "the Beatles LP" are records).
fn partnership_form(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[i].text(text) == "LP"
        && i > 0
        && tokens[i].space_before
        && !tokens[i].line_start
        && tokens[i - 1].kind == TokenKind::Word
        && {
            let before = tokens[i - 1].text(text);
            is_org_keyword(before) || is_portfolio(before)
        }
}

/// "Theresa May", "Brian May", "April Ryan", "June Carter": a month after a given
/// name of the lists, or a month that is also a given name before a surname of the
/// lists, is part of a person's name — unless a number follows ("May 10").
fn month_in_personal_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let word_at = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
    };
    let month = tokens[i].text(text);
    if !is_month_name(month)
        || tokens
            .get(i + 1)
            .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let lex = lexicon();
    let before = i.checked_sub(1).and_then(word_at);
    // Not "In July", "Africa December", "My January Favorites".
    let plain = |w: &str| {
        !is_function_word(Lower::new(w).as_str())
            && lex.places_named(w).is_empty()
            && lex.demonym(w).is_none()
    };
    let after_given_name = tokens[i].space_before
        && !tokens[i].line_start
        && before.is_some_and(|w| starts_upper(w) && lex.is_given_name(w) && plain(w));
    // The month opens the name: nothing capitalised or a preposition before it
    // ("singer June Carter"; not "in May Smith", "Homepage May Matter").
    let opens_name = tokens[i].line_start
        || before.is_none_or(|w| !starts_upper(w) && plain(w) || tokens[i].sentence_start);
    let given_before_surname = matches!(month, "April" | "May" | "June")
        && opens_name
        && word_at(i + 1).is_some_and(|w| {
            tokens[i + 1].space_before && !tokens[i + 1].line_start && lex.is_surname(w)
        })
        && !tokens
            .get(i + 2)
            .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()));
    after_given_name || given_before_surname
}

/// "<PAGE>", "<TABLE>" (or "< PAGE >", as text converted from filings spaces them):
/// a word right inside angle brackets is markup (filings keep their SGML page and
/// table tags), never a name.
fn in_angle_brackets(text: &str, token: &Token) -> bool {
    let before = &text[..token.start];
    let after = &text[token.end..];
    let before = before.strip_suffix(' ').unwrap_or(before);
    let after = after.strip_prefix(' ').unwrap_or(after);
    before.ends_with('<') && after.starts_with('>')
}
