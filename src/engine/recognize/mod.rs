//! Stage 2, documents to mentions: tokens, the closed word lists and the gazetteer they read, and the entity and date recognisers.

pub mod dates;
pub mod entities;
pub(crate) mod latin_fold;
pub mod lexicon;
pub mod namelike;
pub(crate) mod people_words;
pub(crate) mod place_words;
pub(crate) mod sports_words;
pub mod token;
pub(crate) mod word_shapes;
pub(crate) mod words;

use dates::DateMention;
use entities::{EntityMention, EntityType};

/// Drops the dates written inside a person's or an organisation's name ("June" of
/// "June Carter", "May" of "Theresa May", "Wednesday" of "Sheffield Wednesday"): the
/// entity recogniser has read those words as a name.
/// `entities` are sorted by start (as `entities::recognize` returns them); each date
/// is looked up by binary search, so the cost stays O(d log e).
pub fn drop_dates_inside_names(dates: &mut Vec<DateMention>, entities: &[EntityMention]) {
    let names: Vec<(usize, usize)> = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Organisation))
        .map(|e| (e.start, e.end))
        .collect();
    if names.is_empty() {
        return;
    }
    dates.retain(|d| {
        let after = names.partition_point(|&(start, _)| start <= d.start);
        !(after > 0 && d.end <= names[after - 1].1)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::dates::DateContext;

    #[test]
    fn a_date_word_inside_a_name_is_no_date() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a given name that is a month",
                "June Carter sang there in June 2004.",
                &["June 2004"],
            ),
            (
                "a surname that is a month, with a date after it",
                "Home Secretary Theresa May spoke on May 3.",
                &["May 3"],
            ),
            (
                "a weekday inside a club's name, and one after a town",
                "Results:\nLeeds 0 Sheffield Wednesday 2\nHe arrives in London Wednesday, they said.",
                &["Wednesday"],
            ),
            (
                "a month after a preposition stays a date",
                "In May Smith resigned, and in April he left.",
                &["May", "April"],
            ),
        ];
        for (name, text, expected) in cases {
            let tokens = token::tokenize(text);
            let entities = entities::recognize(text, &tokens);
            let (mut dates, _) = dates::recognize(text, &tokens, DateContext::default());
            drop_dates_inside_names(&mut dates, &entities);
            let found: Vec<&str> = dates.iter().map(|d| &text[d.start..d.end]).collect();
            assert_eq!(found, *expected, "{name}: {text}");
        }
    }
}
