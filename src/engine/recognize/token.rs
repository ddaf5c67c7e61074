//! Tokens and sentences: the one pass over a document's text that every recogniser reads.
//!
//! Offsets are byte offsets into the document text and always lie on char
//! boundaries. Hyphens, apostrophes and periods are separate tokens except where
//! they belong to a word ("U.S.", "O'Brien", "don't"), so that recognisers can
//! see "Armenian-Azerbaijani" as two words and "Armenia's" as a possessive.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, internal apostrophes or periods ("U.S.").
    Word,
    /// Digits only, possibly with internal separators handled by the date rules.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token with its position and the layout facts recognisers need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break lies between this token and the previous one (or it is the first).
    pub line_start: bool,
    /// This token begins a sentence.
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "no",
    "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mt", "ft", "ave", "dept", "univ", "est", "approx", "fig", "vol", "e.g", "i.e", "u.s",
    "u.k", "u.n", "d.c",
];

/// An ASCII-lowercased copy of a short word, kept on the stack so that hot
/// loops compare words without allocating; empty for long or non-ASCII words,
/// which no closed word list holds.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 16],
    len: u8,
}

impl Lower {
    pub fn new(word: &str) -> Self {
        let mut buf = [0u8; 16];
        if word.len() > buf.len() || !word.is_ascii() {
            return Lower { buf, len: 0 };
        }
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Lower {
            buf,
            len: word.len() as u8,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

/// Whether `word` in lower case is one of `list`, as
/// `list.contains(&Lower::new(word).as_str())` answers, without the copy and its
/// UTF-8 check. Every entry of `list` is lower-case ASCII of at most 16 bytes, so a
/// word beyond ASCII or longer, which `Lower` leaves empty, equals none of them.
pub fn lowered_in(word: &str, list: &[&str]) -> bool {
    debug_assert!(list.iter().all(|entry| {
        !entry.is_empty() && entry.len() <= 16 && entry.is_ascii() && *entry == Lower::new(entry)
    }));
    list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Lower> for &str {
    fn eq(&self, other: &Lower) -> bool {
        *self == other.as_str()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// What a byte is to [`tokenize`]: ASCII bytes classed by one load from
/// [`BYTE_CLASSES`] (a text is mostly ASCII), the first byte of any other character
/// decoded to be tested.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// Space, tab, vertical tab, form feed: whitespace within a line.
    Space,
    LineBreak,
    Digit,
    Letter,
    Apostrophe,
    /// Any other ASCII byte: a punctuation token of its own.
    Symbol,
    BeyondAscii,
}

static BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::BeyondAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = match byte {
            b'\n' | b'\r' => ByteClass::LineBreak,
            // As `char::is_whitespace` has them in ASCII.
            b' ' | b'\t' | 0x0b | 0x0c => ByteClass::Space,
            b'0'..=b'9' => ByteClass::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => ByteClass::Letter,
            b'\'' => ByteClass::Apostrophe,
            _ => ByteClass::Symbol,
        };
        b += 1;
    }
    classes
};

/// Splits `text` into tokens. Never fails; empty input gives no tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut space_before = false;
    let mut line_start = true;
    while let Some(&b) = bytes.get(pos) {
        let start = pos;
        let kind = match BYTE_CLASSES[b as usize] {
            ByteClass::Space => {
                space_before = true;
                pos += 1;
                continue;
            }
            ByteClass::LineBreak => {
                space_before = true;
                line_start = true;
                pos += 1;
                continue;
            }
            ByteClass::Digit | ByteClass::Letter => {
                let (end, all_digits) = word_end(text, pos + 1, b.is_ascii_digit());
                pos = end;
                word_kind(text, start, &mut pos, all_digits)
            }
            ByteClass::Apostrophe | ByteClass::Symbol => {
                pos += 1;
                TokenKind::Punct
            }
            ByteClass::BeyondAscii => {
                let c = next_char(text, pos);
                pos += c.len_utf8();
                if c.is_whitespace() {
                    if c == '\u{2028}' || c == '\u{2029}' {
                        line_start = true;
                    }
                    space_before = true;
                    continue;
                }
                if is_word_char(c) {
                    let (end, all_digits) = word_end(text, pos, c.is_ascii_digit());
                    pos = end;
                    word_kind(text, start, &mut pos, all_digits)
                } else {
                    TokenKind::Punct
                }
            }
        };
        tokens.push(Token {
            start,
            end: pos,
            kind,
            space_before,
            line_start,
            sentence_start: false,
        });
        space_before = false;
        line_start = false;
    }
    mark_sentences(text, &mut tokens);
    tokens
}

/// Where the word whose characters run to `pos` ends: letters and digits, and an
/// apostrophe inside a word ("O'Brien", "don't") but not a possessive "'s".
/// `all_digits` says whether the word so far is ASCII digits only; returned for the
/// whole word.
fn word_end(text: &str, mut pos: usize, mut all_digits: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        let d = match BYTE_CLASSES[b as usize] {
            ByteClass::Letter => {
                all_digits = false;
                pos += 1;
                continue;
            }
            ByteClass::Digit => {
                pos += 1;
                continue;
            }
            ByteClass::Apostrophe => '\'',
            ByteClass::BeyondAscii => next_char(text, pos),
            ByteClass::Space | ByteClass::LineBreak | ByteClass::Symbol => break,
        };
        if is_word_char(d) {
            all_digits &= d.is_ascii_digit();
            pos += d.len_utf8();
            continue;
        }
        if is_apostrophe(d) {
            let after = pos + d.len_utf8();
            let rest = &text[after..];
            let next = rest.chars().next();
            let possessive = matches!(next, Some('s') | Some('S'))
                && !rest[1..].chars().next().is_some_and(is_word_char);
            if !all_digits && !possessive && next.is_some_and(|n| n.is_alphabetic()) {
                pos = after;
                continue;
            }
        }
        break;
    }
    (pos, all_digits)
}

/// The kind of the word from `start` to `pos`, after taking in a dotted
/// abbreviation's letters ("U.S.", "U.S.A.", "e.g.": single letters joined by
/// periods) by moving `pos`. A word of digits (before any periods) is a number.
fn word_kind(text: &str, start: usize, pos: &mut usize, all_digits: bool) -> TokenKind {
    let bytes = text.as_bytes();
    if *pos - start == 1 && bytes.get(*pos) == Some(&b'.') {
        let mut end = *pos;
        let mut n_letters = 1;
        while end + 1 < text.len()
            && bytes[end] == b'.'
            && bytes[end + 1].is_ascii_alphabetic()
            && (end + 2 == text.len() || !bytes[end + 2].is_ascii_alphanumeric())
        {
            end += 2;
            n_letters += 1;
        }
        if n_letters >= 2 {
            // Keep the final period with the abbreviation.
            if end < text.len() && bytes[end] == b'.' {
                end += 1;
            }
            *pos = end;
        }
    }
    if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

fn next_char(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or('\0')
}

/// Marks the first token of each sentence: after a line break, or after
/// sentence-final punctuation (not an abbreviation or an initial) followed by
/// a capital, a digit or a quote.
fn mark_sentences(text: &str, tokens: &mut [Token]) {
    let mut after_stop = true;
    let mut line_first = 0;
    let mut item_first = None;
    for i in 0..tokens.len() {
        if tokens[i].line_start {
            line_first = i;
            item_first = list_item_first(text, &tokens[i..]).map(|k| i + k);
        }
        let t = tokens[i].text(text);
        let kind = tokens[i].kind;
        let closing = kind == TokenKind::Punct && is_closing(t);
        tokens[i].sentence_start =
            (tokens[i].line_start || after_stop || item_first == Some(i)) && !closing;
        if tokens[i].sentence_start {
            after_stop = false;
        }
        if kind == TokenKind::Punct && matches!(t, "." | "!" | "?") {
            // A period joined to an abbreviation ("Mr.", "Inc.") or an initial ("J.")
            // does not end the sentence.
            let is_abbreviation = t == "."
                && !tokens[i].space_before
                && i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && {
                    let w = tokens[i - 1].text(text);
                    lowered_in(w, ABBREVIATIONS)
                        || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                };
            // Nor does a decimal point ("0.7%", "1.5 billion").
            let is_decimal_point = t == "."
                && !tokens[i].space_before
                && i > 0
                && tokens[i - 1].kind == TokenKind::Number
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before);
            if !is_abbreviation && !is_decimal_point {
                after_stop = true;
            }
        } else if kind == TokenKind::Punct
            && matches!(t, "—" | "–" | "-")
            && i > 0
            && tokens[i - 1].text(text) == ")"
        {
            // A wire dateline, "KYIV, March 4 (Reuters) - Ukraine …": the story starts here.
            after_stop = true;
        } else if kind == TokenKind::Punct
            && matches!(t, "—" | "–" | "-")
            && i - line_first <= DATELINE_TOKENS
            && (tokens[i].space_before || i > 0 && tokens[i - 1].text(text) == "-")
            && tokens.get(i + 1).is_some_and(|n| n.space_before)
        {
            // "FORT WORTH, Texas -- The district …": a spaced dash near a line's start
            // ends a dateline.
            after_stop = true;
        } else if kind == TokenKind::Word && t.ends_with('.') {
            // "U.S." at the end of a sentence ends it when a capital follows after space;
            // we cannot tell, so keep going: a name run may continue ("U.S. Army").
        } else if !closing {
            after_stop = false;
        }
    }
}

/// Where the text of a list item starts, as an offset into `line` (the tokens from a
/// line's first on), when the line opens with a list marker: "(d)", "iv)", "•", "- ".
/// Its first word is capitalised as a sentence's is ("(d) Apply to the …"), so it
/// opens a sentence.
fn list_item_first(text: &str, line: &[Token]) -> Option<usize> {
    let word = |k: usize| line.get(k).map(|t| (t.text(text), t.kind));
    let is_enumerator = |k: usize| match word(k) {
        Some((w, TokenKind::Number)) => w.len() <= 3,
        Some((w, TokenKind::Word)) => w.chars().count() == 1 || is_roman_numeral(w),
        _ => false,
    };
    let first = match word(0)? {
        ("(", _) if is_enumerator(1) && word(2)?.0 == ")" => 3,
        (_, _) if is_enumerator(0) && word(1)?.0 == ")" => 2,
        ("•" | "·" | "▪" | "◦" | "●" | "‣" | "*" | "-" | "–" | "—", TokenKind::Punct) => {
            1
        }
        _ => return None,
    };
    let next = line.get(first)?;
    (next.space_before && !next.line_start).then_some(first)
}

/// A small Roman numeral as lists number their items ("iv", "XII").
fn is_roman_numeral(w: &str) -> bool {
    const NUMERALS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    NUMERALS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// How far into a line a dash may end a dateline ("FORT WORTH, Texas --").
const DATELINE_TOKENS: usize = 12;

/// Closing quotes and brackets that stay with the sentence before them.
fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | ")" | "]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_punctuation_and_keeps_dotted_abbreviations() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "Hello world.", &["Hello", "world", "."]),
            (
                "possessive",
                "Armenia's focus",
                &["Armenia", "'", "s", "focus"],
            ),
            ("inner apostrophe", "O'Brien don't", &["O'Brien", "don't"]),
            (
                "hyphen",
                "Armenian-Azerbaijani",
                &["Armenian", "-", "Azerbaijani"],
            ),
            ("dotted", "the U.S. Army", &["the", "U.S.", "Army"]),
            ("dotted end", "in the U.S.", &["in", "the", "U.S."]),
            (
                "initial",
                "J. R. R. Tolkien",
                &["J", ".", "R", ".", "R", ".", "Tolkien"],
            ),
            (
                "numbers",
                "May 10-11, 2024",
                &["May", "10", "-", "11", ",", "2024"],
            ),
            ("non-ascii", "Zürich’s café", &["Zürich", "’", "s", "café"]),
        ];
        for (name, text, expected) in cases {
            assert_eq!(&words(text), expected, "case {name}");
        }
    }

    /// The words that open a sentence in `text`.
    fn sentence_starts(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn marks_sentence_starts() {
        let text = "Then Mr. Smith left. He met Dr. Jones.\nNew line here. Sales rose 0.7% in May. 2024 was";
        assert_eq!(
            sentence_starts(text),
            ["Then", "He", "New", "Sales", "2024"]
        );
    }

    #[test]
    fn the_first_word_of_a_list_item_opens_a_sentence() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "bracketed letter",
                "(d) Apply to the Obligations.",
                &["(", "Apply"],
            ),
            ("letter and bracket", "d) Ship the goods.", &["d", "Ship"]),
            (
                "roman numeral",
                "(iv) Declare all sums due.",
                &["(", "Declare"],
            ),
            ("bullet", "• Declare all sums due.", &["•", "Declare"]),
            ("a bracket mid-line", "The sums (a) Declare", &["The"]),
            ("a bracketed word", "(Reuters) Shares fell.", &["("]),
        ];
        for (name, text, expected) in cases {
            assert_eq!(&sentence_starts(text), expected, "{name}");
        }
    }

    #[test]
    fn a_spaced_dash_near_a_line_start_ends_a_dateline() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("double hyphen", "FORT WORTH, Texas -- The district said.", &["FORT", "The"]),
            ("em dash", "LONDON, Oct. 12 — The bank said.", &["LONDON", "The"]),
            ("after the agency", "KYIV (Reuters) - Ukraine said.", &["KYIV", "Ukraine"]),
            (
                "a dash later in the line is no dateline",
                "The minister met the envoys of three countries in the capital on Monday -- The Times said.",
                &["The"],
            ),
            ("a joined hyphen", "Coca-Cola said.", &["Coca"]),
            ("a dash first is a list's bullet", "- Cola said.", &["-", "Cola"]),
        ];
        for (name, text, expected) in cases {
            assert_eq!(&sentence_starts(text), expected, "{name}");
        }
    }
}
