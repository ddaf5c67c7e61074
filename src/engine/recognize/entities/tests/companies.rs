//! Named cases for companies: employers before a role, companies the document names with their legal form or keyword, listed companies, and what only a company has around its name (classify.rs, document.rs, described.rs).

use super::*;

/// Organisations by an employer's role after them, or as companies the document
/// names with their legal form or keyword (classify.rs, document.rs).
#[test]
fn employers_and_companies_of_the_document_are_organisations() {
    check(&[
        (
            "employer before a role and a person, though a given name",
            "Chelsea manager Ruud Gullit said his side played well.",
            &[("Chelsea", "ORG"), ("Ruud Gullit", "PER")],
        ),

        (
            "employer before a chief executive",
            "Zentrix chief executive Anna Berg resigned.",
            &[("Zentrix", "ORG"), ("Anna Berg", "PER")],
        ),
        (
            "a company's unit, though a given name",
            "Sales at Ford's Lincoln-Mercury unit rose.",
            &[("Ford", "ORG"), ("Lincoln-Mercury", "ORG")],
        ),
        (
            "a company written with its legal form is one name without it too",
            "Rivals bid for American Brands Inc. on Monday. Later American Brands raised its offer.",
            &[("American Brands Inc.", "ORG"), ("American Brands", "ORG")],
        ),
        (
            "a word in -ist before a name is an occupation",
            "The band has keyboardist Butch Taylor on tour.",
            &[("Butch Taylor", "PER")],
        ),
        (
            "a role noun of the arts before a name",
            "The opera was written by composer Rudd Oxley in Vienna.",
            &[("Rudd Oxley", "PER"), ("Vienna", "LOC")],
        ),
        (
            "a hyphenated word after a comma is no legal form",
            "It is based on the novel by Nick Smith, co-written by him.",
            &[("Nick Smith", "PER")],
        ),
        (
            "a company written with its group and legal form is one name without them",
            "Aer Lingus Group PLC said it will receive six aircraft. Aer Lingus also has options.",
            &[("Aer Lingus Group PLC", "ORG"), ("Aer Lingus", "ORG")],
        ),
        (
            "a firm whose name reads as a person's, from the curated list",
            "Analyst Carla Mendes of Merrill Lynch said the price was steep.",
            &[("Carla Mendes", "PER"), ("Merrill Lynch", "ORG")],
        ),
        (
            "a limited liability partnership's legal form makes a firm of two names",
            "The accounts were audited by Ernst & Young LLP, the report said.",
            &[("Ernst & Young LLP", "ORG")],
        ),
        (
            "listed companies whose names read as a town's or a person's (companies.tsv)",
            "The deal came days after the Nokia purchase. Welcome to Rio Tinto's new mine, \
             the letter said. Workers at Nintendo were told.",
            &[("Nokia", "ORG"), ("Rio Tinto", "ORG"), ("Nintendo", "ORG")],
        ),
        (
            "a company's first word alone, after its name with the legal form",
            "Brennan Foods Inc agreed to buy Pickett Dairy Co. Brennan said the deal was approved.",
            &[
                ("Brennan Foods Inc", "ORG"),
                ("Pickett Dairy Co.", "ORG"),
                ("Brennan", "ORG"),
            ],
        ),
        (
            "a company's name without its keyword, in a headline",
            "Navy Selects Marlow Ingalls for Ship Repairs\n\nThe Navy awarded Marlow Ingalls \
             Industries a contract.",
            &[
                ("Marlow Ingalls", "ORG"),
                ("Navy", "ORG"),
                ("Marlow Ingalls Industries", "ORG"),
            ],
        ),
        (
            "a company's first word alone, after its name with a company keyword and a comma",
            "Harmon Industrial Holdings, Inc. was incorporated in 1987. Harmon makes valves.",
            &[("Harmon Industrial Holdings", "ORG"), ("Harmon", "ORG")],
        ),
        (
            "a title opening a company's name still opens a person's",
            "Shares of General Dynamics Corp. rose. General Ray Odierno said so. In general it did.",
            &[("General Dynamics Corp.", "ORG"), ("Ray Odierno", "PER")],
        ),
        (
            "a role a person gives is no employer",
            "On Monday, Johnson spokesman Robert Gibbs declined to comment.",
            &[("Johnson", "PER"), ("Robert Gibbs", "PER")],
        ),
        (
            "a family firm: its first word alone, and its name with '& Sons'",
            "Adani, Tata expand\nTata Sons said it would invest. He published with John \
             Wiley & Sons in 1990.",
            &[
                ("Tata", "ORG"),
                ("Tata Sons", "ORG"),
                ("John Wiley & Sons", "ORG"),
            ],
        ),
    ]);
}

/// The searched answer for a few words agrees with the set of every lower-case word.
#[test]
fn words_written_in_lower_case_found_by_search_as_in_the_set() {
    let many: String = (0..60u8)
        .map(|k| {
            format!(
                "word{}{} ",
                (b'a' + k % 26) as char,
                (b'a' + k / 26) as char
            )
        })
        .collect();
    let cases: &[(&str, &str, &[&str])] = &[
        ("none asked", "Brennan sells food.", &[]),
        (
            "written, capitalised only, absent",
            "Pickett Dairy Co. said the dairy and Brennan grew.",
            &["dairy", "brennan", "pickett", "grew", "co"],
        ),
        (
            "same length, other first byte",
            "the cat sat",
            &["bat", "cat", "rat"],
        ),
        (
            "inside or opening a longer word",
            "concatenate the cats, Cat",
            &["cat", "cats", "ten"],
        ),
        (
            "digits are not lower case",
            "item 4b and 4b",
            &["4b", "item"],
        ),
        ("beyond ASCII", "Über über ÜBER", &["über", "ü"]),
        ("longer than a name's first word", &"a".repeat(40), &[]),
        (
            "more words than are searched for",
            &many,
            &["wordaa", "wordhc", "wordzz"],
        ),
    ];
    for (name, text, asked) in cases {
        let mut asked: Vec<String> = asked.iter().map(|w| w.to_string()).collect();
        if name.starts_with("more") {
            asked.extend((0..50u8).map(|k| format!("other{}", (b'a' + k % 26) as char)));
        }
        if name.starts_with("longer") {
            asked.push("a".repeat(40));
        }
        let tokens = tokenize(text);
        let searched =
            DocumentView::new(text, &tokens, Parts::ALL).which_written_in_lowercase(&asked);
        let by_set = DocumentView::new(text, &tokens, Parts::ALL);
        let by_set: Vec<bool> = asked
            .iter()
            .map(|w| by_set.writes_in_lowercase(w))
            .collect();
        assert_eq!(searched, by_set, "{name}");
        assert!(
            searched.iter().any(|&w| w) || asked.is_empty() || *name == "beyond ASCII",
            "{name}: some word is written in lower case"
        );
    }
}
