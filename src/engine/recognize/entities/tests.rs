//! Named-case tables for the entity rules, one per rule family.

use super::*;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::token::tokenize;

fn found(text: &str) -> Vec<(String, &'static str)> {
    let tokens = tokenize(text);
    recognize(text, &tokens)
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind.code()))
        .collect()
}

/// (case name, text, expected [(span text, type code)])
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn check(cases: &[Case]) {
    for (name, text, expected) in cases {
        let got = found(text);
        let got: Vec<(&str, &str)> = got.iter().map(|(s, t)| (s.as_str(), *t)).collect();
        assert_eq!(&got, expected, "case {name}: {text}");
    }
}

#[test]
fn headlines_keep_only_known_names() {
    check(&[(
            "title case headline",
            "US Expresses Optimism for Armenia-Azerbaijan Peace Amid Almaty Talks\nThe talks in Almaty went on.",
            &[("US", "LOC"), ("Armenia", "LOC"), ("Azerbaijan", "LOC"), ("Almaty", "LOC"), ("Almaty", "LOC")],
        )]);
}

#[test]
fn titles_stay_out_of_names() {
    check(&[
            (
                "title and demonym",
                "It was Azerbaijani Foreign Minister Jeyhun Bayramov who spoke.",
                &[("Azerbaijani", "NORP"), ("Jeyhun Bayramov", "PER")],
            ),
            (
                "apposition",
                "According to Vedant Patel, the deputy spokesperson for the US Department of State, peace is possible.",
                &[("Vedant Patel", "PER"), ("US Department of State", "ORG")],
            ),
            (
                "surname after full name",
                "They met Murat Nurtleu, the Deputy Prime Minister. Later Nurtleu left.",
                &[("Murat Nurtleu", "PER"), ("Nurtleu", "PER")],
            ),
        ]);
}

#[test]
fn places_lists_possessives_and_compounds() {
    check(&[
        (
            "list",
            "Leaders from India, China and Brazil met.",
            &[("India", "LOC"), ("China", "LOC"), ("Brazil", "LOC")],
        ),
        (
            "possessive",
            "He praised Armenia's focus.",
            &[("Armenia", "LOC")],
        ),
        (
            "hyphenated nationalities",
            "Work on the Armenian-Azerbaijani border went on.",
            &[("Armenian", "NORP"), ("Azerbaijani", "NORP")],
        ),
        (
            "city and state",
            "The plant in Mobile, Alabama closed.",
            &[("Mobile", "LOC"), ("Alabama", "LOC")],
        ),
    ]);
}

#[test]
fn shared_place_names_follow_the_document() {
    let lex = lexicon();
    let country_of = |text: &str, name: &str| {
        let tokens = tokenize(text);
        let mentions = recognize(text, &tokens);
        let found: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
        let m = mentions
            .iter()
            .find(|m| &text[m.start..m.end] == name)
            .unwrap_or_else(|| panic!("{name} not in {found:?}"));
        let place = lex.place(m.place.unwrap());
        (place.country, place.kind)
    };
    let cases: &[(&str, &str, &str, (&str, PlaceKind))] = &[
        (
            "georgia near tbilisi",
            "Protests in Tbilisi, Georgia grew.",
            "Georgia",
            ("GE", PlaceKind::Country),
        ),
        (
            "georgia near atlanta",
            "Voters in Atlanta, Georgia queued.",
            "Georgia",
            ("US", PlaceKind::Region),
        ),
        (
            "georgia alone",
            "Georgia held elections.",
            "Georgia",
            ("GE", PlaceKind::Country),
        ),
        (
            "apposition picks the small namesake",
            "The tour opens in Paris, Texas, then goes to Dallas.",
            "Paris",
            ("US", PlaceKind::City),
        ),
        (
            "apposition picks the state",
            "The plant near Seattle, Washington, will close.",
            "Washington",
            ("US", PlaceKind::Region),
        ),
        (
            "capital before its namesake region",
            "Officials in Washington said the talks would go on.",
            "Washington",
            ("US", PlaceKind::Capital),
        ),
        (
            "a city is not its own oblast",
            "Drones hit Bucha and Irpin, and air defences were active over Kyiv.",
            "Kyiv",
            ("UA", PlaceKind::Capital),
        ),
        (
            "a trailing region word",
            "Fighting continued near Pokrovsk in the Donetsk region.",
            "Donetsk",
            ("UA", PlaceKind::Region),
        ),
        (
            "a dateline in capitals",
            "PORT SUDAN, June 12 — Convoys stalled.",
            "PORT SUDAN",
            ("SD", PlaceKind::City),
        ),
        (
            "hyderabad in sindh",
            "Floods hit Karachi and Hyderabad in Pakistan.",
            "Hyderabad",
            ("PK", PlaceKind::City),
        ),
    ];
    for (name, text, place, expected) in cases {
        assert_eq!(country_of(text, place), *expected, "case {name}");
    }
}

#[test]
fn particles_initials_and_acronyms() {
    check(&[
        (
            "initials",
            "The books of J. R. R. Tolkien sold well.",
            &[("J. R. R. Tolkien", "PER")],
        ),
        (
            "an initial opening a sentence is not the article",
            "It rained. A. Petrova and Dave Miller met.",
            &[("A. Petrova", "PER"), ("Dave Miller", "PER")],
        ),
        (
            "particle von der",
            "On Monday Ursula von der Leyen said no.",
            &[("Ursula von der Leyen", "PER")],
        ),
        (
            "particle bin",
            "Crown Prince Mohammed bin Salman arrived.",
            &[("Mohammed bin Salman", "PER")],
        ),
        (
            "acronyms",
            "Both NATO and the UN responded.",
            &[("NATO", "ORG"), ("UN", "ORG")],
        ),
    ]);
}
