//! Mention extents for scoring against gold annotated as whole noun phrases (MEANTIME, ACE) rather than bare names (CoNLL).
//!
//! The engine's mentions are names: the facets, the reader and the exports show
//! "European Union". Some gold corpora mark the noun phrase a name heads instead,
//! with its determiner: "the European Union said" is one mention, while in "the
//! US economy" the name only modifies "economy" and the determiner belongs to the
//! noun, not to the name (MEANTIME's PRE.NAM). `dossier eval --extent phrase`
//! prints that convention; the default prints names.

use crate::engine::recognize::words::{is_function_word, is_saying_verb, is_title};

/// Which span a predicted mention covers in the evaluation output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Extent {
    /// The name alone (CoNLL, wikigold, GUM, the engine's own mentions).
    #[default]
    Name,
    /// The noun phrase the name heads, with its determiner (MEANTIME, ACE).
    Phrase,
}

/// The byte where the noun phrase headed by the name `start..end` begins: before a
/// person's title ("Senator John McCain"), and before a determiner "the" when
/// the name heads the phrase; at `start` otherwise.
pub fn phrase_start(text: &str, start: usize, end: usize, person: bool) -> usize {
    let start = if person {
        start_of_title(text, start)
    } else {
        start
    };
    let before = &text[..start];
    let Some(without_space) = before.strip_suffix(' ') else {
        return start;
    };
    let determiner_start = without_space.len().saturating_sub(3);
    let Some(determiner) = without_space.get(determiner_start..) else {
        return start;
    };
    let word_boundary = without_space[..determiner_start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if (determiner == "the" || determiner == "The")
        && word_boundary
        && heads_its_phrase(&text[end..])
    {
        determiner_start
    } else {
        start
    }
}

/// The start of a person's title right before `start` ("Senator", "Mr", "President"):
/// one word, capitalised, not an acronym. A chain of titles or a title after a
/// capitalised word ("Prime Minister Gordon Brown", "Apple CEO Steve Jobs") reads
/// as an apposition, whose name these corpora mark alone.
fn start_of_title(text: &str, start: usize) -> usize {
    let word_before = |end: usize| -> Option<(usize, &str)> {
        let before = text[..end].strip_suffix(' ')?;
        let from = before
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
            .map_or(0, |i| i + 1);
        Some((from, &before[from..]))
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some((title_start, title)) = word_before(start) else {
        return start;
    };
    let acronym = title
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if !capitalised(title) || acronym || !is_title(title) {
        return start;
    }
    match word_before(title_start) {
        Some((_, previous)) if capitalised(previous) => start,
        _ => title_start,
    }
}

/// Whether a name followed by `after` heads its noun phrase: it does unless a
/// common noun follows it ("the US economy", "the Boeing-led group").
fn heads_its_phrase(after: &str) -> bool {
    if after.starts_with('-') {
        return false;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return true;
    };
    let next: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let Some(first) = next.chars().next() else {
        return true;
    };
    // What follows a head is a verb, an adverb or a function word; a lower-case
    // word of another kind is the noun the name modifies.
    !first.is_lowercase()
        || is_function_word(next)
        || is_saying_verb(next)
        || next.ends_with("ed")
        || next.ends_with("ly")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named cases: the text, the name in it, whether it is a person's, and the
    /// phrase expected under `Extent::Phrase`.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, bool, &str)] = &[
        ("heads a clause", "the European Union said", "European Union", false, "the European Union"),
        ("sentence start", "The Pentagon rejected it", "Pentagon", false, "The Pentagon"),
        ("before punctuation", "talks with the United Nations.", "United Nations", false, "the United Nations"),
        ("possessive", "the EU's decision", "EU", false, "the EU"),
        ("before a preposition", "the Bank of Japan in Tokyo", "Bank of Japan", false, "the Bank of Japan"),
        ("modifies a noun", "the US economy grew", "US", false, "US"),
        ("modifies a plural noun", "the US troops left", "US", false, "US"),
        ("modifies with a hyphen", "the Boeing-led group", "Boeing", false, "Boeing"),
        ("no determiner", "Airbus said", "Airbus", false, "Airbus"),
        ("another determiner", "their Airbus fleet", "Airbus", false, "Airbus"),
        ("inside a word", "breathe Apple said", "Apple", false, "Apple"),
        // Persons' phrases take one title.
        ("one title", "Senator John McCain said", "John McCain", true, "Senator John McCain"),
        ("title with a period", "said Sen. John McCain", "John McCain", true, "Sen. John McCain"),
        ("honorific", "Mr Howard said", "Howard", true, "Mr Howard"),
        ("title and determiner", "the President-elect Ana Li", "Ana Li", true, "the President-elect Ana Li"),
        ("a chain of titles is an apposition", "Prime Minister Tony Blair", "Tony Blair", true, "Tony Blair"),
        ("after a company", "Apple Computer Chairman Steve Jobs", "Steve Jobs", true, "Steve Jobs"),
        ("an acronym", "CEO Steve Jobs", "Steve Jobs", true, "Steve Jobs"),
        ("a title in lower case stays out", "chief executive Noel Forgeard", "Noel Forgeard", true, "Noel Forgeard"),
        ("no title", "Airbus boss Noel Forgeard", "Noel Forgeard", true, "Noel Forgeard"),
        ("titles count for persons only", "Senator Airbus said", "Airbus", false, "Airbus"),
    ];

    #[test]
    fn phrase_extents() {
        for (name, text, mention, person, expected) in CASES {
            let start = text.find(mention).unwrap();
            let end = start + mention.len();
            let from = phrase_start(text, start, end, *person);
            assert_eq!(&text[from..end], *expected, "{name}");
        }
    }
}
