//! The words a pack's search index holds: lower-case runs of letters and digits, each at most [`MAX_WORD_BYTES`].

use std::borrow::Cow;

/// Longer words are indexed by their first bytes (a search term is cut the same way).
pub const MAX_WORD_BYTES: usize = 40;

/// The distinct words of a document's title and text, in first-seen order. A word
/// the text already has in lower case (most of them) is borrowed, not copied: a
/// pack build takes the words of every document.
pub fn document_words<'a>(text: &'a str, title: &'a str) -> Vec<Cow<'a, str>> {
    let mut seen: rustc_hash::FxHashSet<Cow<'a, str>> = Default::default();
    let mut words = Vec::new();
    for word in [title, text].into_iter().flat_map(words_in) {
        if !seen.contains(word.as_ref()) {
            seen.insert(word.clone());
            words.push(word);
        }
    }
    words
}

/// The words of `text`, lower case and cut to [`MAX_WORD_BYTES`], in order.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    words_in(text).map(Cow::into_owned)
}

/// The words of `text` as [`words_of`] gives them, borrowed from `text` where it
/// writes them so (ASCII without capitals: lowering changes nothing).
fn words_in(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(cut(w))
            } else {
                let mut word = w.to_lowercase();
                word.truncate(cut(&word).len());
                Cow::Owned(word)
            }
        })
}

/// `word` cut to at most [`MAX_WORD_BYTES`] at a character boundary.
pub fn cut(word: &str) -> &str {
    cut_at(word, MAX_WORD_BYTES)
}

/// `text` cut to at most `max` bytes at a character boundary.
pub fn cut_at(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_words_are_its_distinct_lower_case_words_in_first_seen_order() {
        let long = "a".repeat(45);
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "title first, then text",
                "Talks in Almaty",
                "the talks went on",
                &["talks", "in", "almaty", "the", "went", "on"],
            ),
            (
                "capitals join the lower-case word",
                "",
                "The the THE tHe",
                &["the"],
            ),
            (
                "letters beyond ASCII lowered",
                "",
                "Ärzte ärzte ÉTÉ",
                &["ärzte", "été"],
            ),
            (
                "digits and punctuation",
                "",
                "May 10-11, 2024; 1991.",
                &["may", "10", "11", "2024", "1991"],
            ),
            (
                "a long word cut to its first bytes",
                "",
                &long,
                &[&long[..MAX_WORD_BYTES]],
            ),
            ("nothing but punctuation", "—", "... !!", &[]),
        ];
        for (name, title, text, expected) in cases {
            let found = document_words(text, title);
            assert_eq!(found, *expected, "{name}");
            // The same words, in the same form, as a search term is split into.
            let each: Vec<String> = [*title, *text].into_iter().flat_map(words_of).collect();
            assert!(found.iter().all(|w| each.iter().any(|e| e == w)), "{name}");
        }
    }
}
