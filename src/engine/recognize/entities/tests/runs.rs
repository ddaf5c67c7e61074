//! Named cases for runs of name words, sentence-initial words, headlines and shared place names (runs.rs, headline.rs, link.rs).

use super::*;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};

#[test]
fn headlines_keep_only_known_names() {
    check(&[(
            "title case headline",
            "US Expresses Optimism for Armenia-Azerbaijan Peace Amid Almaty Talks\nThe talks in Almaty went on.",
            &[("US", "LOC"), ("Armenia", "LOC"), ("Azerbaijan", "LOC"), ("Almaty", "LOC"), ("Almaty", "LOC")],
        ), (
            "an event's name in a headline in capitals is none of our names, nor its words",
            "TENNIS - KRAJICEK LOSES IN GRAND SLAM CUP .\nRichard Krajicek lost in the Grand Slam Cup.",
            &[("KRAJICEK", "PER"), ("Richard Krajicek", "PER")],
        ), (
            "a slug's word in capitals that spells a keyword is no acronym",
            "COMPANY NEWS; Zentrix to Buy Stake in Harlow\nThe deal was signed in London.",
            &[("London", "LOC")],
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
            "a named division of a named place is two places",
            "The village lies in Chittoor District of Andhra Pradesh.",
            &[("Chittoor District", "LOC"), ("Andhra Pradesh", "LOC")],
        ),
        (
            "a division or a sea opening the name with of stays one place",
            "He sailed from the District of Columbia to the Bay of Bengal.",
            &[("District of Columbia", "LOC"), ("Bay of Bengal", "LOC")],
        ),
        (
            "an unfamiliar district after in and before a comma and its city",
            "The market in Brixton, London, is busy.",
            &[("Brixton", "LOC"), ("London", "LOC")],
        ),
        (
            "a station whose name holds an organisation keyword stays a place",
            "Buses leave from the Port Authority George Washington Bus Station daily.",
            &[("Port Authority George Washington Bus Station", "LOC")],
        ),
        (
            "townships and empires",
            "He was born in Humberstone Township, then part of the Ottoman Empire.",
            &[("Humberstone Township", "LOC"), ("Ottoman Empire", "LOC")],
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

/// Runs of name words: particles, initials, hyphens, "of the", "&", "for" (runs.rs).
#[test]
fn runs_hold_particles_initials_hyphens_and_connectors() {
    check(&[
        (
            "hyphenated company",
            "Shares of Rolls-Royce rose on Monday.",
            &[("Rolls-Royce", "ORG")],
        ),
        (
            "particle de la",
            "The court heard Maria de la Cruz on Tuesday.",
            &[("Maria de la Cruz", "PER")],
        ),
        (
            "particle hyphenated al",
            "The envoy met Abdel Fattah al-Burhan in Port Sudan.",
            &[("Abdel Fattah al-Burhan", "PER"), ("Port Sudan", "LOC")],
        ),
        (
            "of the inside an organisation",
            "Delegates of the International Committee of the Red Cross arrived.",
            &[("International Committee of the Red Cross", "ORG")],
        ),
        (
            "ampersand in a firm of the curated list",
            "Analysts at Johnson & Johnson said sales grew.",
            &[("Johnson & Johnson", "ORG")],
        ),
        (
            "names joined by an ampersand are a firm",
            "Analysts at Thornbury & Voss said sales grew.",
            &[("Thornbury & Voss", "ORG")],
        ),
        (
            "saint abbreviation",
            "The ferry left St. Petersburg at dawn.",
            &[("St. Petersburg", "LOC")],
        ),
        // FIXME: a bank named after a person, before "analysts", is typed PER.
        (
            "initials joined",
            "Shares fell, said J. P. Morgan analysts.",
            &[("J. P. Morgan", "PER")],
        ),
        // FIXME: "and" inside an organisation name cuts it (issue 21: coordinated names).
        (
            "for after an organisation keyword",
            "The National Commission for Museums and Monuments objected.",
            &[
                ("National Commission for Museums", "ORG"),
                ("Monuments", "ORG"),
            ],
        ),
        (
            "for after a plain name",
            "The award went to Maria Lopez for Chile.",
            &[("Maria Lopez", "PER"), ("Chile", "LOC")],
        ),
        (
            "and inside a country's name",
            "He flew to Bosnia and Herzegovina on Monday.",
            &[("Bosnia and Herzegovina", "LOC")],
        ),
        (
            "a country's name with and opens the sentence",
            "Trinidad and Tobago won the match.",
            &[("Trinidad and Tobago", "LOC")],
        ),
        (
            "two countries with and stay two",
            "Armenia and Azerbaijan signed the text.",
            &[("Armenia", "LOC"), ("Azerbaijan", "LOC")],
        ),
        (
            "line break ends a run",
            "The minister met Anna Petrova\nBerlin was cold.",
            &[("Anna Petrova", "PER"), ("Berlin", "LOC")],
        ),
    ]);
}

/// Sentence-initial words: kept only with outside evidence of being a name (peel.rs).
#[test]
fn sentence_initial_words_need_evidence() {
    check(&[
        (
            "function word dropped",
            "The Kremlin said nothing.",
            &[("Kremlin", "ORG")],
        ),
        ("unknown lone word dropped", "Meanwhile talks went on.", &[]),
        (
            "word also in lower case dropped",
            "Officials met. Officials said the officials were tired.",
            &[],
        ),
        (
            "known place kept",
            "Kazakhstan hosted the talks.",
            &[("Kazakhstan", "LOC")],
        ),
        (
            "particle opens a name",
            "Von der Leyen spoke in Brussels.",
            &[("Von der Leyen", "PER"), ("Brussels", "LOC")],
        ),
        (
            "quoted sentence start",
            "He said, \"This is over,\" and left.",
            &[],
        ),
        (
            "initial not the article",
            "It rained. A. Petrova left early.",
            &[("A. Petrova", "PER")],
        ),
    ]);
}

/// Title Case headlines: only known names (headline.rs).
#[test]
fn headline_words_need_to_be_known() {
    check(&[
        // FIXME: "Rains" in a Title Case headline is kept as ORG.
        (
            "known place in headline",
            "Floods Hit Karachi As Monsoon Rains Continue\nRains fell in Karachi again.",
            &[("Karachi", "LOC"), ("Rains", "ORG"), ("Karachi", "LOC")],
        ),
        (
            "unknown words dropped",
            "Markets Rally On Strong Earnings Report\nShares rose.",
            &[],
        ),
        (
            "body name kept",
            "Petrova Wins Second Term In Landslide\nAnna Petrova won the vote.",
            &[("Petrova", "PER"), ("Anna Petrova", "PER")],
        ),
        (
            "acronym kept",
            "NATO Allies Meet To Discuss Budget\nThe allies met.",
            &[("NATO", "ORG")],
        ),
        // FIXME: "Farmers" in a Title Case headline is kept as ORG.
        (
            "demonym kept",
            "French Farmers Block Roads Again\nFarmers protested.",
            &[("French", "NORP"), ("Farmers", "ORG")],
        ),
    ]);
}
