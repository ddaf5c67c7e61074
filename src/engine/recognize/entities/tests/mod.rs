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
    let mut names = std::collections::HashSet::new();
    for (name, text, expected) in cases {
        assert!(names.insert(name), "duplicate case name {name}");
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
        // FIXME: an organisation named after people ("&") is typed PER.
        (
            "ampersand",
            "Analysts at Johnson & Johnson said sales grew.",
            &[("Johnson & Johnson", "PER")],
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

/// Documents, events, products, indices and currencies are not entities (peel.rs).
#[test]
fn names_of_things_not_extracted_are_skipped() {
    check(&[
        (
            "declaration",
            "Leaders signed the Almaty Declaration on Friday.",
            &[],
        ),
        (
            "I with a contraction, and a retweet mark",
            "RT I'm staying, I\u{2019}ll say it again, said Ana Petrova.",
            &[("Ana Petrova", "PER")],
        ),
        (
            "labels of a signature block and a memo",
            "It was repaid.\nThe letter, Re: the loan, came. Attn: Paul Sagan",
            &[("Paul Sagan", "PER")],
        ),
        (
            "page and table tags of a filing",
            "It was repaid.\n<PAGE>\n12 < TABLE > Acme Holdings Inc. shall pay.",
            &[("Acme Holdings Inc", "ORG")],
        ),
        (
            "abbreviations of common nouns",
            "The band sold a million CDs and won by KO in 300 BC, said the DJ.",
            &[],
        ),
        (
            "model number",
            "Airbus delivered the Airbus A380 on time.",
            &[("Airbus", "ORG")],
        ),
        (
            "market index",
            "The Dow Jones Industrial Average fell 2 percent.",
            &[],
        ),
        ("index by name", "The Hang Seng fell sharply.", &[]),
        (
            "flight number keeps the airline",
            "Air France Flight 447 crashed into the sea.",
            &[("Air France", "ORG")],
        ),
        ("currency prefix", "The deal is worth US$ 5 billion.", &[]),
        (
            "treaty",
            "Both sides kept to the Minsk Agreement for a while.",
            &[],
        ),
    ]);
}

/// Organisation keywords, government bodies, gazetteer names with keywords (peel.rs).
#[test]
fn organisation_keywords_type_the_whole_name() {
    check(&[
        (
            "keyword at end",
            "Workers at Atlantica Shipping Group went on strike.",
            &[("Atlantica Shipping Group", "ORG")],
        ),
        (
            "keyword heads of",
            "The Bank of England raised rates.",
            &[("Bank of England", "ORG")],
        ),
        (
            "government body names its country",
            "The US Treasury issued new bonds.",
            &[("US", "LOC"), ("US Treasury", "ORG")],
        ),
        (
            "ministry of",
            "The Ministry of Defence denied it.",
            &[("Ministry of Defence", "ORG")],
        ),
        (
            "gazetteer name with a keyword",
            "Ministers of the European Union met in Brussels.",
            &[("European Union", "LOC"), ("Brussels", "LOC")],
        ),
        // FIXME: "Church" as an organisation keyword wins over the apposition.
        (
            "given name plus keyword in person context",
            "Officials said Grace Church, the spokeswoman, resigned.",
            &[("Grace Church", "ORG")],
        ),
        (
            "honorific skipped",
            "The firm Mr. Smith Holdings was sold.",
            &[("Smith Holdings", "ORG")],
        ),
        (
            "university",
            "She studied at Stanford University in California.",
            &[("Stanford University", "ORG"), ("California", "LOC")],
        ),
    ]);
}

/// Demonyms: alone, two words, opening a place name, before a title (peel.rs).
#[test]
fn demonyms_are_nationalities_or_open_place_names() {
    check(&[
        (
            "alone",
            "Kazakh officials welcomed the move.",
            &[("Kazakh", "NORP")],
        ),
        (
            "two words",
            "South Korean exporters gained.",
            &[("South Korean", "NORP")],
        ),
        (
            "opens a place name",
            "Oil output in Saudi Arabia fell.",
            &[("Saudi Arabia", "LOC")],
        ),
        (
            "before a title",
            "Azerbaijani President Ilham Aliyev spoke.",
            &[("Azerbaijani", "NORP"), ("Ilham Aliyev", "PER")],
        ),
        (
            "hyphenated pair",
            "The Armenian-Azerbaijani talks resumed.",
            &[("Armenian", "NORP"), ("Azerbaijani", "NORP")],
        ),
        (
            "lower-case context",
            "Many Chinese companies invested.",
            &[("Chinese", "NORP")],
        ),
    ]);
}

/// A country or region before a title or a longer name (peel.rs).
#[test]
fn a_leading_place_is_a_mention_of_its_own() {
    check(&[
        (
            "country before a title",
            "Kazakhstan Foreign Minister Murat Nurtleu hosted them.",
            &[("Kazakhstan", "LOC"), ("Murat Nurtleu", "PER")],
        ),
        // FIXME: a person whose given name is a place, without a cue, falls back to ORG (issue 21).
        (
            "place that is a given name",
            "Victoria Nuland visited Kyiv.",
            &[("Victoria Nuland", "ORG"), ("Kyiv", "LOC")],
        ),
        (
            "country before a long name",
            "United States Secretary of State Antony Blinken spoke.",
            &[("United States", "LOC"), ("Antony Blinken", "PER")],
        ),
    ]);
}

/// Titles, portfolios, abbreviations and ranks (peel.rs).
#[test]
fn titles_and_ranks_stay_out_of_names_and_make_persons() {
    check(&[
        (
            "title kept out",
            "President Emmanuel Macron visited Dakar.",
            &[("Emmanuel Macron", "PER"), ("Dakar", "LOC")],
        ),
        (
            "portfolio before title",
            "Agriculture Secretary Samuel Otieno toured farms.",
            &[("Samuel Otieno", "PER")],
        ),
        (
            "minister of portfolio",
            "Minister of Foreign Affairs Ararat Mirzoyan replied.",
            &[("Ararat Mirzoyan", "PER")],
        ),
        (
            "abbreviation with period",
            "Dr. Amina Yusuf led the study.",
            &[("Amina Yusuf", "PER")],
        ),
        (
            "hyphenated title",
            "Secretary-General Antonio Guterres warned of famine.",
            &[("Antonio Guterres", "PER")],
        ),
        (
            "military rank",
            "General Mark Milley testified.",
            &[("Mark Milley", "PER")],
        ),
        (
            "role makes a person",
            "Senator Tamsin Whitlow voted against it.",
            &[("Tamsin Whitlow", "PER")],
        ),
    ]);
}

/// A name before a title and another name (peel.rs).
#[test]
fn a_name_before_a_title_is_a_mention_of_its_own() {
    check(&[
        (
            "organisation before title",
            "NATO Secretary-General Mark Rutte arrived.",
            &[("NATO", "ORG"), ("Mark Rutte", "PER")],
        ),
        (
            "name before spokesman",
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            &[("Dmitry Peskov", "PER")],
        ),
    ]);
}

/// Bare names: gazetteer, keywords, written form, person evidence, fallback (classify.rs).
#[test]
fn bare_names_are_typed_by_their_words_and_context() {
    check(&[
        (
            "gazetteer country",
            "Talks were held in Kazakhstan.",
            &[("Kazakhstan", "LOC")],
        ),
        (
            "gazetteer city",
            "Talks were held in Almaty.",
            &[("Almaty", "LOC")],
        ),
        (
            "place noun after",
            "Floods hit the Sindh province hard.",
            &[("Sindh", "LOC")],
        ),
        (
            "compass word",
            "Fighting spread across North Darfur.",
            &[("North Darfur", "LOC")],
        ),
        (
            "place keyword",
            "Crowds gathered in Tahrir Square.",
            &[("Tahrir Square", "LOC")],
        ),
        (
            "place prefix",
            "Climbers died on Mount Everest.",
            &[("Mount Everest", "LOC")],
        ),
        // FIXME: "Air" after a capitals dateline is kept as ORG.
        (
            "capitals dateline",
            "KYIV, May 3 - Air raid sirens sounded.",
            &[("KYIV", "LOC"), ("Air", "ORG")],
        ),
        (
            "acronym",
            "Officials at UNICEF said aid arrived.",
            &[("UNICEF", "ORG")],
        ),
        (
            "comma region",
            "The plant in Long Beach, California closed.",
            &[("Long Beach", "LOC"), ("California", "LOC")],
        ),
        (
            "given name and surname",
            "Officials said Maria Gonzalez would attend.",
            &[("Maria Gonzalez", "PER")],
        ),
        (
            "surname ending",
            "Analysts quoted Ivan Petrenko on Friday.",
            &[("Ivan Petrenko", "PER")],
        ),
        (
            "apposition makes a person",
            "Kofi Mensah, a former minister, agreed.",
            &[("Kofi Mensah", "PER")],
        ),
        // FIXME: an unfamiliar two-word name before "said" falls back to ORG (issue 21).
        (
            "saying verb",
            "Wanjiru Kamau said the vote was fair.",
            &[("Wanjiru Kamau", "ORG")],
        ),
        (
            "person cue before",
            "The spokesman Tomas Varga declined.",
            &[("Tomas Varga", "PER")],
        ),
        (
            "pronoun after",
            "Odile Ferrand arrived late. She spoke first.",
            &[("Odile Ferrand", "PER")],
        ),
        (
            "it after an organisation",
            "Brightwater Logistics grew fast. It hired many.",
            &[("Brightwater Logistics", "ORG")],
        ),
        (
            "unknown falls back to organisation",
            "Shares of Zentrix rose after the results.",
            &[("Zentrix", "ORG")],
        ),
    ]);
}

/// The document vote (vote.rs).
#[test]
fn the_document_vote_settles_repeated_names() {
    check(&[
        (
            "an unfamiliar full name, typed by how it looks, and its surname after it",
            "Jeyhun Bayramov arrived. Later Bayramov left.",
            &[("Jeyhun Bayramov", "PER"), ("Bayramov", "PER")],
        ),
        (
            "weak type follows strong",
            "Officials in Jackson, Mississippi met. Jackson is the state capital.",
            &[
                ("Jackson", "LOC"),
                ("Mississippi", "LOC"),
                ("Jackson", "LOC"),
            ],
        ),
        (
            "two people share a surname",
            "Ahmed Khan met Imran Khan. Khan spoke first.",
            &[
                ("Ahmed Khan", "PER"),
                ("Imran Khan", "PER"),
                ("Khan", "PER"),
            ],
        ),
    ]);
}

/// "New …" and "The …" opening a known place at a sentence or line start stay in
/// the name (peel.rs, `opens_known_place`).
#[test]
fn new_and_the_opening_a_known_place_stay_in_the_name() {
    check(&[
        (
            "new york at a sentence start",
            "New York officials said the budget was late.",
            &[("New York", "LOC")],
        ),
        (
            "new zealand at a line start",
            "Rain fell overnight.\nNew Zealand won the toss.",
            &[("New Zealand", "LOC")],
        ),
        (
            "new delhi mid-sentence",
            "Talks in New Delhi ended.",
            &[("New Delhi", "LOC")],
        ),
        (
            "the hague",
            "The Hague hosted the court.",
            &[("The Hague", "LOC")],
        ),
        (
            "new as an adjective is dropped",
            "New rules took effect in Paris.",
            &[("Paris", "LOC")],
        ),
    ]);
}

/// Lines in capitals (headings, slugs, cables, filings) keep only names known
/// in Title Case: places, nationalities, names the text uses (document.rs,
/// headline.rs `known_in_capitals`, vote.rs).
#[test]
fn lines_in_capitals_keep_only_names_known_in_title_case() {
    check(&[
        (
            "a sports heading: the team the text names mid-sentence",
            "UNITED BEAT ROVERS IN CUP REPLAY\nUnited beat Rovers 2-1 in the replay at Old Trafford.",
            &[("ROVERS", "ORG"), ("Rovers", "ORG"), ("Old Trafford", "LOC")],
        ),
        (
            "a slug is no organisation",
            "SOCCER\nLeeds beat Chelsea 2-1 on Saturday.",
            &[("Leeds", "ORG"), ("Chelsea", "ORG")],
        ),
        (
            "a cable heading keeps its place",
            "MOSCOW TALKS END WITHOUT DEAL\nTalks in Moscow ended on Friday.",
            &[("MOSCOW", "LOC"), ("Moscow", "LOC")],
        ),
        (
            "a filing heading is no name",
            "LOAN AND SECURITY AGREEMENT\nThis agreement is made by Silicon Valley Bank.",
            &[("Silicon Valley Bank", "ORG")],
        ),
        (
            "countries in capitals",
            "REUTERS REPORTS FRANCE AND GERMANY AGREE\nFrance and Germany agreed.",
            &[
                ("FRANCE", "LOC"),
                ("GERMANY", "LOC"),
                ("France", "LOC"),
                ("Germany", "LOC"),
            ],
        ),
        (
            "an acronym the text uses",
            "NATO ALLIES MEET IN BRUSSELS\nDiplomats said NATO would decide.",
            &[("NATO", "ORG"), ("BRUSSELS", "LOC"), ("NATO", "ORG")],
        ),
    ]);
}

/// "and" inside one organisation's name joins it; two names stay two (runs.rs,
/// `and_inside_organisation`).
#[test]
fn and_joins_the_parts_of_one_organisation_name() {
    check(&[
        (
            "securities and exchange commission",
            "The Securities and Exchange Commission fined the firm.",
            &[("Securities and Exchange Commission", "ORG")],
        ),
        (
            "a country opens the name",
            "The U.S. Securities and Exchange Commission and the British Food and Drink Federation met.",
            &[
                ("U.S. Securities and Exchange Commission", "ORG"),
                ("British Food and Drink Federation", "ORG"),
            ],
        ),
        (
            "health and human services",
            "The Department of Health and Human Services issued rules.",
            &[("Department of Health and Human Services", "ORG")],
        ),
        (
            "two airlines stay two",
            "Shanghai Airlines and Xiamen Airlines merged.",
            &[("Shanghai Airlines", "ORG"), ("Xiamen Airlines", "ORG")],
        ),
        (
            "places stay apart",
            "Armenia and Azerbaijan Railways talked.",
            &[("Armenia", "LOC"), ("Azerbaijan Railways", "ORG")],
        ),
        (
            "people stay apart",
            "Anna Petrova and David Miller met.",
            &[("Anna Petrova", "PER"), ("David Miller", "PER")],
        ),
        (
            "bank of new england",
            "Shares of the Bank of New England fell.",
            &[("Bank of New England", "ORG")],
        ),
    ]);
}

/// Teams named after places are organisations in results, and a score is no
/// model number (results.rs).
#[test]
fn teams_in_results_are_organisations() {
    check(&[
        (
            "beat with a score",
            "Leeds beat Chelsea 2-1 on Saturday.",
            &[("Leeds", "ORG"), ("Chelsea", "ORG")],
        ),
        (
            "a results line",
            "Lazio 1 Roma 1",
            &[("Lazio", "ORG"), ("Roma", "ORG")],
        ),
        (
            "drew with",
            "Madrid drew with Valencia 0-0.",
            &[("Madrid", "ORG"), ("Valencia", "ORG")],
        ),
        (
            "countries as governments stay places",
            "France and Germany signed the treaty.",
            &[("France", "LOC"), ("Germany", "LOC")],
        ),
        (
            "a model number is still no team",
            "Airbus delivered the Airbus A380 on time.",
            &[("Airbus", "ORG")],
        ),
        (
            "a year after a place is no score",
            "Floods hit Karachi in 2022 and again in 2023.",
            &[("Karachi", "LOC")],
        ),
    ]);
}

/// Capitalised common words — contracts' defined terms, headings — are no names
/// when the text also writes them in lower case (common_words.rs).
#[test]
fn capitalised_common_words_of_the_text_are_no_names() {
    check(&[
        (
            "a defined term",
            "The Borrower shall repay the Loan. No borrower may take a loan over the limit.",
            &[],
        ),
        (
            "a two-word defined term",
            "On each Funding Date the lender pays. The funding of each date is set out below.",
            &[],
        ),
        (
            "a plural beside its singular",
            "The Lenders agree. Each lender may assign its Liens; no lien survives.",
            &[],
        ),
        (
            "a company not written in lower case stays",
            "Shares of Zentrix rose. The company gave no forecast.",
            &[("Zentrix", "ORG")],
        ),
        (
            "a name with evidence stays though its word is common",
            "Foreign Minister Anna Rose spoke. A rose grew there.",
            &[("Anna Rose", "PER")],
        ),
        (
            "objects in a headline and the text",
            "Museum Returns Bronzes to Nigeria\nThe bronzes were taken in 1897. Nigeria welcomed them.",
            &[("Nigeria", "LOC"), ("Nigeria", "LOC")],
        ),
    ]);
}

/// A given name alone is a person, weakly: unless it is also a surname, a big
/// place, a function word, or a common word of the text (classify.rs,
/// common_words.rs).
#[test]
fn a_given_name_alone_is_a_person() {
    check(&[
        (
            "a first name in running text",
            "Later that year Ilona moved to the coast with her sister.",
            &[("Ilona", "PER")],
        ),
        (
            "also a surname: still a person",
            "The report by Carter was delayed.",
            &[("Carter", "PER")],
        ),
        (
            "also a common word of the text",
            "The Loan falls due in May. The loan was repaid.",
            &[],
        ),
        (
            "a team in a result",
            "Leeds beat Chelsea 2-1 on Saturday.",
            &[("Leeds", "ORG"), ("Chelsea", "ORG")],
        ),
    ]);
}

#[test]
fn unfamiliar_names_are_typed_by_how_their_words_look() {
    check(&[
        (
            "two words no list holds that look like a person's names",
            "Sutrisno Wibowo took four wickets.",
            &[("Sutrisno Wibowo", "PER")],
        ),
        (
            "an apposition whose role noun has modifiers",
            "Oyelaran Adebisi, the central bank governor, spoke.",
            &[("Oyelaran Adebisi", "PER")],
        ),
        (
            "a given name no list holds before a census surname",
            "Vasylenko Brown took four wickets.",
            &[("Vasylenko Brown", "PER")],
        ),
        (
            "a village no list holds, after a preposition of place",
            "Shelling was reported near Novopavlivka on Monday.",
            &[("Novopavlivka", "LOC")],
        ),
        (
            "after a preposition of place, words that look like ordinary words",
            "She works at Biotherapeutics Reinsurance now.",
            &[("Biotherapeutics Reinsurance", "ORG")],
        ),
        (
            "words that look like ordinary words stay an organisation",
            "Biotherapeutics Reinsurance raised its forecast.",
            &[("Biotherapeutics Reinsurance", "ORG")],
        ),
        (
            "an article before a given name: not a person (a ship, a product)",
            "She sailed on the Gloria last year.",
            &[("Gloria", "ORG")],
        ),
    ]);
}

#[test]
fn names_filling_quotation_marks_are_titles_or_defined_terms() {
    check(&[
        (
            "a song title",
            "Their single \"Silver Morning\" reached number one.",
            &[],
        ),
        (
            "a defined term of a filing",
            "Acme Holdings Inc. (the \"Borrower\") signed.",
            &[("Acme Holdings Inc", "ORG")],
        ),
        (
            "a defined term, wherever the filing uses it",
            "Acme Holdings Inc. (the \"Company\") signed. The Company shall pay the Trustee.",
            &[("Acme Holdings Inc", "ORG"), ("Trustee", "ORG")],
        ),
        (
            "a short name defined for the organisation before it stays",
            "Acme Holdings Inc. (\"Acme\") signed. Acme will pay.",
            &[
                ("Acme Holdings Inc", "ORG"),
                ("Acme", "ORG"),
                ("Acme", "ORG"),
            ],
        ),
        (
            "a quoted given name that the document confirms as a person stays",
            "A woman known as \"Leila\" spoke. Later Leila said she fled.",
            &[("Leila", "PER"), ("Leila", "PER")],
        ),
        (
            "comma inside the marks",
            "He called it \"Westwind,\" and left.",
            &[],
        ),
        (
            "a place stays",
            "The word \"Kazakhstan\" was on every sign.",
            &[("Kazakhstan", "LOC")],
        ),
        (
            "a quoted name among other words stays",
            "\"We will stay,\" said Ana Petrova.",
            &[("Ana Petrova", "PER")],
        ),
    ]);
}
