//! Byte offsets to Unicode code-point offsets, for outputs read by tools that index by character.
//!
//! The engine works in byte offsets (cheap slicing in Rust); the evaluation format
//! and JavaScript consumers want code points. Conversion happens only at those boundaries.

/// Converts byte offsets of one text into code-point offsets.
pub struct CharOffsets {
    /// Byte offset of every char start, when the text is not pure ASCII.
    char_starts: Option<Vec<usize>>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let char_starts = (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect());
        CharOffsets {
            char_starts,
            len: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn to_char(&self, byte: usize) -> usize {
        match &self.char_starts {
            None => byte.min(self.len),
            Some(starts) => starts.partition_point(|&s| s < byte),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_byte_to_char_offsets() {
        /// (case name, text, [(byte offset, char offset)])
        type Case = (&'static str, &'static str, &'static [(usize, usize)]);
        let cases: &[Case] = &[
            ("ascii", "abc", &[(0, 0), (2, 2), (3, 3)]),
            (
                "two-byte",
                "Zürich x",
                &[(0, 0), (1, 1), (3, 2), (7, 6), (9, 8)],
            ),
            ("emoji", "a😀b", &[(0, 0), (1, 1), (5, 2), (6, 3)]),
            ("cjk", "東京 Tokyo", &[(3, 1), (6, 2), (7, 3)]),
        ];
        for (name, text, pairs) in cases {
            let offsets = CharOffsets::new(text);
            for &(byte, ch) in *pairs {
                assert_eq!(offsets.to_char(byte), ch, "case {name} byte {byte}");
                assert_eq!(text[..byte].chars().count(), ch, "case {name} self-check");
            }
        }
    }
}
