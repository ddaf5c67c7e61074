//! What a word's letters say: capitalised, an acronym, a dotted abbreviation, a model number.

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_dotted_abbreviation(w: &str) -> bool {
    w.len() >= 3 && w.contains('.') && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// Letters and digits mixed in one word: "A380", "F-35" parts, "iPhone4".
pub(super) fn is_model_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic) && !is_ordinal(w)
}

/// "1st", "22nd", "3rd", "4th": digits and an ordinal ending, no model number.
pub(super) fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// "PORT SUDAN" → "Port Sudan".
pub(super) fn title_case_words(name: &str) -> String {
    // Lines in capitals ask this of every span they hold: ASCII needs no Unicode tables.
    if name.is_ascii() {
        let mut bytes = name.as_bytes().to_vec();
        let mut word_start = true;
        for b in &mut bytes {
            if !word_start {
                b.make_ascii_lowercase();
            }
            word_start = matches!(*b, b' ' | b'-');
        }
        return String::from_utf8(bytes).expect("ASCII stays ASCII");
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = matches!(c, ' ' | '-');
    }
    out
}

/// "NATO", "UN", "EADS": two to six capitals.
pub(super) fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        || is_dotted_abbreviation(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_each_words_first_letter_and_lowers_the_rest() {
        let cases: &[(&str, &str, &str)] = &[
            ("capitals", "PORT SUDAN", "Port Sudan"),
            ("hyphenated", "AL-BURHAN", "Al-Burhan"),
            ("already title case", "New York", "New York"),
            ("accented, not ASCII", "ÉCOLE NORMALE", "École Normale"),
            ("Greek", "ΑΘΗΝΑ ΝΕΑ", "Αθηνα Νεα"),
            ("empty", "", ""),
        ];
        for (name, input, expected) in cases {
            assert_eq!(title_case_words(input), *expected, "{name}");
        }
    }
}
