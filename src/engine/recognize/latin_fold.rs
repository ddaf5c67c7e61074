//! Latin letters without their diacritics, so that the ASCII name lists also know "László" and "Łukasz".

/// ASCII forms of the Latin letters U+00C0..=U+017F (Latin-1 and Latin Extended-A),
/// their diacritics dropped ("ł" → "l", "ß" → "ss"); "" for the two signs there.
/// A table of the two blocks names use rather than a Unicode normalisation crate,
/// whose tables would cost the page far more than these 192 entries.
#[rustfmt::skip]
const LATIN_FOLD: [&str; 192] = [
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "Th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
];

/// The word with its Latin diacritics dropped, if it has any and has nothing else
/// outside ASCII (a name in another script has no ASCII form here).
pub(crate) fn ascii_fold(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            _ if c.is_ascii() => out.push(c),
            '\u{c0}'..='\u{17f}' => {
                let folded = LATIN_FOLD[c as usize - 0xc0];
                if folded.is_empty() {
                    return None;
                }
                out.push_str(folded);
            }
            // Romanian s and t with a comma below.
            'ș' => out.push('s'),
            'Ș' => out.push('S'),
            'ț' => out.push('t'),
            'Ț' => out.push('T'),
            _ => return None,
        }
    }
    Some(out)
}
