//! Named cases for contracts and filings: defined terms, headings and parts of a document in the legal register (contracts.rs).

use super::*;

/// Defined terms of documents in the legal register (contracts.rs).
#[test]
fn defined_terms_of_contracts_are_no_names() {
    let contract = "The Servicer shall deliver the reports hereunder. Pursuant to Section 2, \
        the Servicer shall pay the Trustee. Notwithstanding the foregoing, Zentrix Holdings Inc. \
        shall remain liable hereunder and the Servicer hereby agrees. Such Loan Documents shall \
        be governed hereby. Each party hereto shall sign, and the Servicer shall comply therewith \
        in Delaware as set forth herein and pursuant to the Loan Documents.";
    check(&[
        (
            "in a contract, terms after a determiner go; a company by its form, a place stay",
            contract,
            &[("Zentrix Holdings Inc.", "ORG"), ("Delaware", "LOC")],
        ),
        (
            "parts of a document with their numeral or letter, anywhere",
            "The rules of Article IV and Exhibit A apply, as ARTICLE VII and Section 5 say.",
            &[],
        ),
        (
            "a name that merely opens with a part's word stays",
            "Chapter Books Ltd said Schedule Holdings won.",
            &[("Chapter Books Ltd", "ORG"), ("Schedule Holdings", "ORG")],
        ),
        (
            "in a contract, headings and terms of words it writes in lower case go",
            "NOW, THEREFORE, the parties agree hereto. The Borrower shall invest only in \
            Permitted Liens as permitted hereunder, and such liens shall be \
            made pursuant to the Severability clause; severability applies hereunder. \
            Notwithstanding this, Halvorsen Tool Works Ltd shall act hereby and herein and \
            thereof. IN WITNESS WHEREOF, Marit Halvorsen signed as witness in Oslo.",
            &[
                ("Halvorsen Tool Works Ltd", "ORG"),
                ("Marit Halvorsen", "PER"),
                ("Oslo", "LOC"),
            ],
        ),
        (
            "in a contract, a determiner and a keyword alone are a defined term",
            "The Company shall pay hereunder. The Company shall act hereby, herein, hereof, \
            thereof and pursuant to the terms hereto, notwithstanding the foregoing.",
            &[],
        ),
        (
            "a part of a document, then its heading",
            "ARTICLE II REPRESENTATIONS OF NORDVIK\nNordvik Shipping AS owns ships.",
            &[("Nordvik Shipping AS", "ORG")],
        ),
        (
            "initials alone abbreviate a legal form, not a person",
            "Payments go to Kestrel Bank, N. A, and to J. P. Lindqvist.",
            &[
                ("Kestrel Bank", "ORG"),
                ("N. A", "ORG"),
                ("J. P. Lindqvist", "PER"),
            ],
        ),
        (
            "in news, a name after 'the' stays",
            "The Servicer said on Monday that Acme would pay. Analysts said the Servicer was late.",
            &[("Servicer", "ORG"), ("Acme", "ORG"), ("Servicer", "ORG")],
        ),
    ]);
}
