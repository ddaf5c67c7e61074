//! The words a pack's search index holds: lower-case runs of letters and digits, each at most [`MAX_WORD_BYTES`].

use std::borrow::Cow;

use roaring::RoaringBitmap;
use rustc_hash::FxHashMap;

/// Longer words are indexed by their first bytes (a search term is cut the same way).
pub const MAX_WORD_BYTES: usize = 40;

/// A pack's search index being built: the documents of every word. Words are
/// interned, so that a word costs one hash look-up where it occurs and no
/// allocation once seen (a build takes the words of every document); a word's last
/// document is kept beside its set, so that a document joins it once.
#[derive(Default)]
pub struct WordIndex {
    /// Words of up to [`PACKED_WORD_BYTES`], by [`packed`]: hashed and compared as
    /// one number, where a string key is hashed byte by byte and compared through a
    /// call to memcmp (together a twentieth of a build's processor time).
    short_ids: FxHashMap<u128, u32>,
    /// Longer words.
    long_ids: FxHashMap<Box<str>, u32>,
    /// By word id: the word's documents and the last of them.
    sets: Vec<(RoaringBitmap, u32)>,
}

/// The longest word [`packed`] into a number.
const PACKED_WORD_BYTES: usize = 16;

/// A word of up to [`PACKED_WORD_BYTES`] as the number its bytes make, zero-padded
/// (one word per number: a word holds no zero byte, as it is letters and digits).
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut padded = [0; PACKED_WORD_BYTES];
    padded.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(padded))
}

/// The word [`packed`] into `key`.
fn unpacked(key: u128) -> Box<str> {
    let bytes = key.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..len]).into()
}

/// Adds `n`, past every document of `set`, to it: pushed at the end while the set is
/// small enough that all its containers are sorted arrays (a push is then one
/// comparison, where an insert searches the array), inserted otherwise (a push onto
/// a container of bits finds its maximum by scanning from its end).
pub fn add_last(set: &mut RoaringBitmap, n: u32) {
    // A Roaring container turns from an array into bits past 4,096 values.
    const ALL_ARRAYS: u64 = 4096;
    if set.len() >= ALL_ARRAYS || set.try_push(n).is_err() {
        set.insert(n);
    }
}

impl WordIndex {
    /// Adds document `n` (after every document added so far) under the words of
    /// its title and text.
    pub fn add_document(&mut self, n: u32, text: &str, title: &str) {
        // A word to lower is lowered into this buffer, not a new string each time.
        let mut lowered = String::new();
        for (word, plain) in [title, text]
            .into_iter()
            .flat_map(|text| Runs { text, at: 0 })
        {
            let word = if plain {
                cut(word)
            } else {
                lower_cut_into(word, &mut lowered)
            };
            self.add_word(n, word);
        }
    }

    fn add_word(&mut self, n: u32, word: &str) {
        let next = self.sets.len() as u32;
        let (id, new) = match packed(word) {
            Some(key) => {
                // A number key costs nothing to insert: one look-up, seen or not.
                let id = *self.short_ids.entry(key).or_insert(next);
                (id, id == next)
            }
            // A string key is copied only when new: looked up first.
            None => match self.long_ids.get(word) {
                Some(&id) => (id, false),
                None => {
                    self.long_ids.insert(word.into(), next);
                    (next, true)
                }
            },
        };
        if new {
            let mut set = RoaringBitmap::new();
            set.insert(n);
            self.sets.push((set, n));
            return;
        }
        let (set, last) = &mut self.sets[id as usize];
        if *last != n {
            add_last(set, n);
            *last = n;
        }
    }

    /// Every word with its documents, in no particular order.
    pub fn into_sets(self) -> impl Iterator<Item = (Box<str>, RoaringBitmap)> {
        let mut sets: Vec<Option<RoaringBitmap>> =
            self.sets.into_iter().map(|(set, _)| Some(set)).collect();
        let short = self
            .short_ids
            .into_iter()
            .map(|(key, id)| (unpacked(key), id));
        short
            .chain(self.long_ids)
            .map(move |(word, id)| (word, sets[id as usize].take().unwrap_or_default()))
    }
}

/// The words of `text`, lower case and cut to [`MAX_WORD_BYTES`], in order.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    words_in(text).map(Cow::into_owned)
}

/// The words of `text` as [`words_of`] gives them, borrowed from `text` where it
/// writes them so (ASCII without capitals: lowering changes nothing).
fn words_in(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    Runs { text, at: 0 }.map(|(w, plain)| {
        if plain {
            Cow::Borrowed(cut(w))
        } else {
            let mut word = String::new();
            lower_cut_into(w, &mut word);
            Cow::Owned(word)
        }
    })
}

/// `word` in lower case, cut to [`MAX_WORD_BYTES`], written into `into` (cleared).
fn lower_cut_into<'b>(word: &str, into: &'b mut String) -> &'b str {
    into.clear();
    if word.is_ascii() {
        // Lowering ASCII keeps its length: cut first, copy no more than is kept.
        into.push_str(cut(word));
        into.make_ascii_lowercase();
    } else {
        // The whole word at once: a final sigma lowers by its place in the word.
        into.push_str(&word.to_lowercase());
    }
    into.truncate(cut(into).len());
    into
}

/// The runs of letters and digits of a text (`char::is_alphanumeric`), each with
/// whether it is plain: ASCII without capitals. ASCII bytes are tested as bytes,
/// without decoding a character: a build splits every document's text.
struct Runs<'a> {
    text: &'a str,
    at: usize,
}

/// What a byte is to [`Runs`]: ASCII separators, lower-case letters and digits,
/// capitals, and the bytes of characters beyond ASCII (decoded to be tested).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Separator,
    Plain,
    Capital,
    BeyondAscii,
}

/// [`ByteClass`] by byte: one load per byte where tests of ranges took several.
static BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::BeyondAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            ByteClass::Plain
        } else if byte.is_ascii_uppercase() {
            ByteClass::Capital
        } else {
            ByteClass::Separator
        };
        b += 1;
    }
    classes
};

impl<'a> Iterator for Runs<'a> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        // `i` is always at a character's first byte.
        let mut i = self.at;
        let start = loop {
            let &b = bytes.get(i)?;
            match BYTE_CLASSES[b as usize] {
                ByteClass::Separator => i += 1,
                ByteClass::Plain | ByteClass::Capital => break i,
                ByteClass::BeyondAscii => {
                    let c = self.char_at(i);
                    if c.is_alphanumeric() {
                        break i;
                    }
                    i += c.len_utf8();
                }
            }
        };
        let mut plain = true;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASSES[b as usize] {
                ByteClass::Plain => i += 1,
                ByteClass::Capital => {
                    plain = false;
                    i += 1;
                }
                ByteClass::Separator => {
                    self.at = i + 1;
                    return Some((&self.text[start..i], plain));
                }
                ByteClass::BeyondAscii => {
                    let c = self.char_at(i);
                    if !c.is_alphanumeric() {
                        self.at = i + c.len_utf8();
                        return Some((&self.text[start..i], plain));
                    }
                    plain = false;
                    i += c.len_utf8();
                }
            }
        }
        self.at = bytes.len();
        Some((&self.text[start..], plain))
    }
}

impl Runs<'_> {
    /// The character whose first byte is at `i`.
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or_default()
    }
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
    fn a_documents_words_are_its_lower_case_words() {
        let long = "a".repeat(45);
        let long_capitals = "A".repeat(45);
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
            (
                "words past sixteen bytes beside shorter ones",
                "Internationalisation",
                "internationalisation of counterintelligence, intelligence",
                &[
                    "internationalisation",
                    "of",
                    "counterintelligence",
                    "intelligence",
                ],
            ),
            (
                "a final sigma lowered by its place in the word",
                "",
                "ΟΔΟΣ ΣΟΦΙΑ",
                &["\u{3bf}\u{3b4}\u{3bf}\u{3c2}", "σοφια"],
            ),
            (
                "a long word in capitals cut",
                "",
                &long_capitals,
                &[&long[..MAX_WORD_BYTES]],
            ),
        ];
        for (name, title, text, expected) in cases {
            let found = index_of(&[(title, text)]);
            let mut words: Vec<&str> = expected.to_vec();
            words.sort_unstable();
            let expected: Vec<(String, Vec<u32>)> =
                words.iter().map(|w| (w.to_string(), vec![0])).collect();
            assert_eq!(found, expected, "{name}");
            // The same words, in the same form, as a search term is split into.
            let each: Vec<String> = [*title, *text].into_iter().flat_map(words_of).collect();
            assert!(found.iter().all(|(w, _)| each.contains(w)), "{name}");
        }
    }

    #[test]
    fn words_packed_into_numbers_unpack_to_themselves_and_only_short_ones_pack() {
        let sixteen = "abcdefghijklmnop";
        let cases: &[(&str, &str, bool)] = &[
            ("one letter", "a", true),
            ("a word", "almaty", true),
            ("sixteen bytes", sixteen, true),
            ("seventeen bytes", "abcdefghijklmnopq", false),
            ("letters beyond ASCII", "ärzte", true),
            ("eight two-byte letters", "σοφιασοφ", true),
            ("nine two-byte letters", "σοφιασοφι", false),
        ];
        for (name, word, packs) in cases {
            assert_eq!(packed(word).is_some(), *packs, "{name}");
            if let Some(key) = packed(word) {
                assert_eq!(&*unpacked(key), *word, "{name}");
            }
        }
        // A word and the same word with more letters are different numbers.
        assert_ne!(packed("almaty"), packed("almatyy"));
        assert_ne!(packed(&sixteen[..15]), packed(sixteen));
    }

    #[test]
    fn a_word_holds_the_documents_it_occurs_in_once_each() {
        let found = index_of(&[
            (
                "Talks",
                "the talks, the talks; counterintelligence, Counterintelligence",
            ),
            ("", "nothing"),
            ("The end", "THE END of counterintelligence"),
        ]);
        let expected = [
            ("counterintelligence", vec![0, 2]),
            ("end", vec![2]),
            ("nothing", vec![1]),
            ("of", vec![2]),
            ("talks", vec![0]),
            ("the", vec![0, 2]),
        ];
        let expected: Vec<(String, Vec<u32>)> = expected
            .into_iter()
            .map(|(w, d)| (w.to_string(), d))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn runs_are_the_texts_alphanumeric_runs() {
        let cases: &[(&str, &str)] = &[
            ("empty", ""),
            ("separators only", " ,.;\n\t—"),
            ("words and digits", "Talks in Almaty, May 10-11 2024."),
            ("no separator at the ends", "end"),
            ("letters beyond ASCII", "Ärzte über São Paulo ÉTÉ"),
            ("separators beyond ASCII", "a—b\u{a0}c\u{2019}d"),
            ("a combining accent splits", "e\u{301}t\u{e9}"),
            ("other scripts", "Москва 東京 ١٢٣ Ⅻ"),
            ("emoji between words", "a🙂b 🙂"),
        ];
        for (name, text) in cases {
            let runs: Vec<(&str, bool)> = Runs { text, at: 0 }.collect();
            let split: Vec<(&str, bool)> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    (
                        w,
                        w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                    )
                })
                .collect();
            assert_eq!(runs, split, "{name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_split_any_text_as_the_standard_split_does(text in "\\PC{0,64}") {
            let runs: Vec<&str> = Runs { text: &text, at: 0 }.map(|(w, _)| w).collect();
            let split: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(runs, split);
        }
    }

    #[test]
    fn adding_last_gives_the_set_inserting_gives() {
        let dense: Vec<u32> = (0..10_000).collect();
        let spread: Vec<u32> = (0..5_000).map(|k| k * 70_001).collect();
        let cases: &[(&str, &[u32])] = &[
            ("nothing", &[]),
            ("ascending", &[1, 5, 9, 65_536, 200_000]),
            ("past the arrays, into bits", &dense),
            ("many containers", &spread),
            ("repeated and smaller", &[5, 5, 3, 9, 1, 9]),
        ];
        for (name, values) in cases {
            let (mut added, mut inserted) = (RoaringBitmap::new(), RoaringBitmap::new());
            for &v in *values {
                add_last(&mut added, v);
                inserted.insert(v);
            }
            assert_eq!(added, inserted, "{name}");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            added.serialize_into(&mut a).unwrap();
            inserted.serialize_into(&mut b).unwrap();
            assert_eq!(a, b, "{name}: the same bytes in a pack");
        }
    }

    /// The index of documents given as (title, text), as sorted (word, documents).
    fn index_of(documents: &[(&str, &str)]) -> Vec<(String, Vec<u32>)> {
        let mut index = WordIndex::default();
        for (n, (title, text)) in documents.iter().enumerate() {
            index.add_document(n as u32, text, title);
        }
        let mut sets: Vec<(String, Vec<u32>)> = index
            .into_sets()
            .map(|(word, set)| (word.into(), set.iter().collect()))
            .collect();
        sets.sort();
        sets
    }
}
