//! Named cases for typing a name: bare names, the document vote, capitals lines, "and" inside names, common words, name likeness, quoted titles, described places (classify.rs, vote.rs and the document-level passes).

use super::*;

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
            "an administrative division's noun after",
            "Oirans is a commune in the Vardes département, near the Tolva neighbourhood.",
            &[("Oirans", "LOC"), ("Vardes", "LOC"), ("Tolva", "LOC")],
        ),
        (
            "a country that is a given name, before a surname that reads as a name",
            "Jordan Whitfield met Georgia Power executives.",
            &[("Jordan Whitfield", "PER"), ("Georgia Power", "ORG")],
        ),
        (
            "a given name and a surname of the lists on a line that reads as a headline",
            "Shares rose on Monday.\nMedia Contact:\nJohn Miller, Acme Public Relations Group",
            &[
                ("John Miller", "PER"),
                ("Acme Public Relations Group", "ORG"),
            ],
        ),
        (
            "a place noun and 'of' before the name",
            "He was born in the county of Lindenshire, north of Varrowby.",
            &[("Lindenshire", "LOC"), ("Varrowby", "LOC")],
        ),
        (
            "an organisation keyword outweighs the place noun before it",
            "He spoke for the city of Varrowby Council.",
            &[("Varrowby Council", "ORG")],
        ),
        (
            "compass word",
            "Fighting spread across North Darfur.",
            &[("North Darfur", "LOC")],
        ),
        (
            "an intercardinal compass word",
            "Cleveland is the urban center of Northeast Ohio.",
            &[("Cleveland", "LOC"), ("Northeast Ohio", "LOC")],
        ),
        (
            "a polity named after a known place is the place",
            "Storms hit Houston and the State of Texas.",
            &[("Houston", "LOC"), ("State of Texas", "LOC")],
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
            &[("KYIV", "LOC")],
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
            "the District of Columbia after Washington",
            "He spoke in Washington, D.C., on Monday.",
            &[("Washington", "LOC"), ("D.C.", "LOC")],
        ),
    ]);
}

/// Bare names that no gazetteer or keyword types: person evidence, employers, companies of the document, the fallback (classify.rs, document.rs).
#[test]
fn bare_names_are_persons_or_organisations_by_evidence() {
    check(&[
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
            "an 'it' that refers to nothing says nothing",
            "Teddy Sheringham left. It rained.",
            &[("Teddy Sheringham", "PER")],
        ),
        (
            "'it said' after a name",
            "Teddy Sheringham lost money, and it said sales would fall.",
            &[("Teddy Sheringham", "ORG")],
        ),
        (
            "it after an organisation",
            "Brightwater Logistics grew fast. It hired many.",
            &[("Brightwater Logistics", "ORG")],
        ),
        (
            "the speaker of a quote after an inverted said",
            "\"We will appeal,\" said Mauer. Prices rose, said Oduya, a trader.",
            &[("Mauer", "PER"), ("Oduya", "PER")],
        ),
        (
            "the employer after an occupation and at, though it opens with given names",
            "It was steep, said Klaus Brenninger, an economist at Morgan Grenfell in Frankfurt.",
            &[
                ("Klaus Brenninger", "PER"),
                ("Morgan Grenfell", "ORG"),
                ("Frankfurt", "LOC"),
            ],
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
            "a title the body also uses is no name in a Title Case headline",
            "Zentrix Names Jane Whitfield as Chief Financial Officer\nZentrix named Jane Whitfield as Chief Financial Officer on Monday.",
            &[("Zentrix", "ORG"), ("Jane Whitfield", "PER"), ("Jane Whitfield", "PER")],
        ),
        (
            "a sports heading: the team the text names mid-sentence; the team opening the sentence",
            "UNITED BEAT ROVERS IN CUP REPLAY\nUnited beat Rovers 2-1 in the replay at Old Trafford.",
            &[
                ("ROVERS", "ORG"),
                ("United", "ORG"),
                ("Rovers", "ORG"),
                ("Old Trafford", "LOC"),
            ],
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
        (
            "a name the body writes in mixed case; a legal form alone is none",
            "BANKAMERICA CORP. REPORTS EARNINGS\nShares of BankAmerica Corp. rose.",
            &[("BANKAMERICA", "ORG"), ("BankAmerica Corp.", "ORG")],
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
        (
            "an acronym before and is a name of its own",
            "The NGB and Zentrix Labs met officials.",
            &[("NGB", "ORG"), ("Zentrix Labs", "ORG")],
        ),
        (
            "a known company, or an acronym after 'and', is a name of its own",
            "We compete with Sysco and Gordon Food Service, and with Quorvex and US Foods.",
            &[
                ("Sysco", "ORG"),
                ("Gordon Food Service", "ORG"),
                ("Quorvex", "ORG"),
                ("US Foods", "ORG"),
            ],
        ),
    ]);
}

/// Capitalised common words — contracts' defined terms, headings — are no names
/// when the text also writes them in lower case (common_words.rs).
#[test]
fn capitalised_common_words_of_the_text_are_no_names() {
    check(&[
        (
            "one capitalised word nothing typed that is all but surely an ordinary word",
            "Crews finished the yearly Maintenance before Zentrix flew to Kenya.",
            &[("Zentrix", "ORG"), ("Kenya", "LOC")],
        ),
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
            "words in capitals that are all but surely ordinary words",
            "IN WITNESS WHEREOF, the parties signed. Under the AFFIRMATIVE COVENANTS of Zentrix the seller pays.",
            &[("Zentrix", "ORG")],
        ),
        (
            "a company in capitals stays",
            "The merger of ZENTRIX HOLDINGS and Kenya Airways was approved by NATO.",
            &[("ZENTRIX HOLDINGS", "ORG"), ("Kenya Airways", "ORG"), ("NATO", "ORG")],
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
            "Yoruba names before a saying verb",
            "Oyelaran Adebisi said the talks would resume.",
            &[("Oyelaran Adebisi", "PER")],
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
            "near a name with a personal name in it: still a place",
            "Fighting was reported near Tall Hamid on Monday.",
            &[("Tall Hamid", "LOC")],
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
            "a province's name as a given name, before a telling surname ending",
            "Officials said Ararat Mirzoyan met them in Almaty.",
            &[("Ararat Mirzoyan", "PER"), ("Almaty", "LOC")],
        ),
        (
            "a town before a surname of the list only: a newspaper stays an organisation",
            "Shares were listed, the Toledo Post reported.",
            &[("Toledo Post", "ORG")],
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
            &[("Acme Holdings Inc.", "ORG")],
        ),
        (
            "a defined term, wherever the filing uses it",
            "Acme Holdings Inc. (the \"Company\") signed. The Company shall pay the Trustee.",
            &[("Acme Holdings Inc.", "ORG"), ("Trustee", "ORG")],
        ),
        (
            "a short name defined for the organisation before it stays",
            "Acme Holdings Inc. (\"Acme\") signed. Acme will pay.",
            &[
                ("Acme Holdings Inc.", "ORG"),
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

/// What the text says an organisation or a person is: appositions, kinds of
/// company, kin, pronouns (described.rs).
#[test]
fn appositions_and_context_describe_organisations_and_persons() {
    check(&[
        (
            "an apposition describing an organisation, at a sentence start",
            "Ukrenergo, the national grid operator, said the attack was large.",
            &[("Ukrenergo", "ORG")],
        ),
        (
            "a company's seat in an apposition, at a sentence start",
            "Apple, based in Cupertino, Calif., said so.",
            &[("Apple", "ORG"), ("Cupertino", "LOC"), ("Calif", "LOC")],
        ),
        (
            "a month inside a person's name: after a given name, or as the given name",
            "Home Secretary Theresa May met singer June Carter. In May Ann Lowe resigned.",
            &[
                ("Theresa May", "PER"),
                ("June Carter", "PER"),
                ("Ann Lowe", "PER"),
            ],
        ),
        (
            "a kind of company right before the name; an occupation there names a person",
            "Separately, Daimler-Benz said its aerospace unit Dasa would cut jobs, \
             and record producer Dasa Kovac agreed.",
            &[
                ("Daimler-Benz", "ORG"),
                ("Dasa", "ORG"),
                ("Dasa Kovac", "PER"),
            ],
        ),
        (
            "a pronoun after another name speaks of that one",
            "Traders waited. \"The market is waiting,\" said Kazuo Ueda of Mizuho Securities in Tokyo. \
             Bank of Japan Governor Haruhiko Kuroda said the central bank would keep its policy.",
            &[
                ("Kazuo Ueda", "PER"),
                ("Mizuho Securities", "ORG"),
                ("Tokyo", "LOC"),
                ("Bank of Japan", "ORG"),
                ("Haruhiko Kuroda", "PER"),
            ],
        ),
        (
            "a kind of company before a town's name makes the company",
            "Shares of lender Santander fell. Carmaker Toyota said sales rose in Santander.",
            &[
                ("Santander", "ORG"),
                ("Toyota", "ORG"),
                ("Santander", "LOC"),
            ],
        ),
        (
            "a word opening a sentence, joined by 'and' to a firm with its keyword, is one \
             too; an ordinary word is not, nor is it part of a known firm's name",
            "Shares rose. Commerzbank and Dresdner Bank were little changed. Analysts and \
             Deutsche Bank economists expect more.",
            &[
                ("Commerzbank", "ORG"),
                ("Dresdner Bank", "ORG"),
                ("Deutsche Bank", "ORG"),
            ],
        ),
        (
            "only a person has kin, at a sentence's start too; a company has lawyers",
            "Kohl's widow said the book was false. He met Navalny's wife. Zentrix's \
             lawyer declined to comment, and so did a lawyer for Zentrix.",
            &[("Kohl", "PER"), ("Navalny", "PER"), ("Zentrix", "ORG"), ("Zentrix", "ORG")],
        ),
        (
            "a word opening a sentence before a known company is no part of its name",
            "Rival Microsoft reports results on Tuesday.",
            &[("Microsoft", "ORG")],
        ),
        (
            "what only a company has, around a name that reads as a person's",
            "Shares of Marion Merrell Dow rose. Hoechst took a stake in Edith Marlowe, \
             and Clara Benning shares closed up. Maria Kent shares a flat. Stocks rose, \
             while Tesla jumped 6% and Tesla Smith jumped 6 feet.",
            &[
                ("Marion Merrell Dow", "ORG"),
                ("Edith Marlowe", "ORG"),
                ("Clara Benning", "ORG"),
                ("Maria Kent", "PER"),
                ("Tesla", "ORG"),
                ("Tesla Smith", "PER"),
            ],
        ),
        (
            "an apposition with a nationality and a maker",
            "Shares rose after Hollis Varga, a Dutch chipmaker, raised its forecast.",
            &[("Hollis Varga", "ORG"), ("Dutch", "NORP")],
        ),
        (
            "an organisation noun that is not the apposition's head",
            "Jane Doe, a company director, said so.",
            &[("Jane Doe", "PER")],
        ),
    ]);
}

/// What the text says a place is, or a thing not extracted (described.rs).
#[test]
fn names_the_text_describes_as_places_or_as_things_not_extracted() {
    check(&[
        (
            "a village described at a sentence start",
            "Aisby is a village in Lincolnshire.",
            &[("Aisby", "LOC"), ("Lincolnshire", "LOC")],
        ),
        (
            "a town in apposition, with an adjective",
            "He was born in 1901 at Brenwick, a small town near the coast.",
            &[("Brenwick", "LOC")],
        ),
        (
            "two words, past tense, the sentence going on",
            "Sand Prairie was a township and later a city.",
            &[("Sand Prairie", "LOC")],
        ),
        (
            "the capital of",
            "Visitors reach Zorvana, the capital of the province, by boat.",
            &[("Zorvana", "LOC")],
        ),
        (
            "a noun that does not end the description is no place",
            "Kemal Tarnok, a town councillor, said no.",
            &[("Kemal Tarnok", "PER")],
        ),
        (
            "no article, no description",
            "Bretton Partners is city based.",
            &[("Bretton Partners", "ORG")],
        ),
        (
            "a doctrine in -ism",
            "He wrote about Buddhism and Lutheranism.",
            &[],
        ),
        (
            "a language named as such",
            "The Ilocano language is spoken in the north.",
            &[],
        ),
        (
            "a nationality before language stays",
            "The English language spread.",
            &[("English", "NORP")],
        ),
        ("a world war", "Before World War II the town grew.", &[]),
    ]);
}
