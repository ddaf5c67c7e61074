//! A filter of word shapes (length, first and last byte): lets most words skip a set's hash look-up.

/// The shapes (length, first and last byte) of some words in `WORDS` × 64 bits: a
/// test that lets most other words skip a hash look-up. It answers "maybe" for
/// every word added. A few words of a document fit the default 1,024 bits; a
/// closed word list of hundreds takes more (`words::WordSet`).
pub(crate) struct WordShapes<const WORDS: usize = 16>([u64; WORDS]);

impl<const WORDS: usize> Default for WordShapes<WORDS> {
    fn default() -> Self {
        WordShapes([0; WORDS])
    }
}

impl<const WORDS: usize> WordShapes<WORDS> {
    fn bit(word: &str) -> usize {
        let bytes = word.as_bytes();
        let (first, last) = (bytes.first().copied(), bytes.last().copied());
        let mixed =
            (first.unwrap_or(0) as usize) * 31 + (last.unwrap_or(0) as usize) * 7 + bytes.len();
        mixed % (WORDS * 64)
    }

    pub(crate) fn add(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & 1 << (bit % 64) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::WordShapes;

    #[test]
    fn word_shapes_answer_maybe_for_every_word_added_and_no_for_most_others() {
        let added = ["the", "he", "in", "but", "über", "", "a", "analysts"];
        let others = [
            "cat",
            "dog",
            "said",
            "ministers",
            "talks",
            "almaty",
            "x",
            "on",
        ];
        let mut shapes: WordShapes = WordShapes::default();
        for w in added {
            shapes.add(w);
        }
        for w in added {
            assert!(shapes.may_hold(w), "{w}");
        }
        let maybe = others.iter().filter(|w| shapes.may_hold(w)).count();
        assert!(
            maybe <= 1,
            "{maybe} of {} others answered maybe",
            others.len()
        );
    }
}
