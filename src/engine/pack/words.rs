//! The words a pack's search index holds: lower-case runs of letters and digits, each at most [`MAX_WORD_BYTES`].

/// Longer words are indexed by their first bytes (a search term is cut the same way).
pub const MAX_WORD_BYTES: usize = 40;

/// The distinct words of a document's title and text, in first-seen order (each
/// word made once: the set of those seen holds borrowed words).
pub fn document_words(text: &str, title: &str) -> Vec<String> {
    let words: Vec<String> = [title, text].into_iter().flat_map(words_of).collect();
    let first_seen: Vec<bool> = {
        let mut seen = rustc_hash::FxHashSet::default();
        words.iter().map(|w| seen.insert(w.as_str())).collect()
    };
    words
        .into_iter()
        .zip(first_seen)
        .filter_map(|(word, first)| first.then_some(word))
        .collect()
}

/// The words of `text`, lower case and cut to [`MAX_WORD_BYTES`], in order.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut word = w.to_lowercase();
            word.truncate(cut(&word).len());
            word
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
