//! Named cases for contracts and filings: defined terms, headings and parts of a document in the legal register, covers in capitals, legal forms (contracts.rs, headline.rs, classify.rs).

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
            "headings of numbered sections, anywhere",
            "6.1 GOVERNMENT COMPLIANCE.\nBorrower will comply.\nSection 7.2 Indemnification.\n\
             Zentrix Holdings Inc. will pay.\n9.4 Protective Payments; 9.5 Quorum Rules.",
            &[("Zentrix Holdings Inc.", "ORG")],
        ),
        (
            "a filing's numbered item headings, whole",
            "Item 5.02 Departure of Directors or Certain Officers.\nZentrix Holdings Inc. named a director.\n\
             Item 9.01 Financial Statements and Exhibits.",
            &[("Zentrix Holdings Inc.", "ORG")],
        ),
        (
            "labels of a form before their colons, anywhere; a name before a colon stays",
            "Telephone: (619) 230-3029\nBeneficiary Name: Zentrix Holdings Inc.\nAnna Berg: we will appeal.",
            &[("Zentrix Holdings Inc.", "ORG"), ("Anna Berg", "PER")],
        ),
        (
            "a place before its postal code in an address; a model number stays out",
            "Notices go to 3003 Tasman Drive, Santa Clara, California 95054, and the Intel 80486 ran.",
            &[
                ("Tasman Drive", "LOC"),
                ("Santa Clara", "LOC"),
                ("California", "LOC"),
            ],
        ),
        (
            "a limited partnership's form closes the name (a record is no partnership)",
            "It was signed by Ashford Hospitality Finance LP, a Delaware limited \
             partnership. They released an LP.",
            &[("Ashford Hospitality Finance LP", "ORG"), ("Delaware", "LOC")],
        ),
        (
            "a report's section headings on lines of their own, in any case",
            "Net sales rose.\n\nRisk Factors\n\nTariffs could raise costs.\n\nLIQUIDITY AND \
             CAPITAL RESOURCES\n\nWe borrowed more from Harbor Trust Bank.",
            &[("Harbor Trust Bank", "ORG")],
        ),
        (
            "a national bank's legal form alone is no name",
            "Harbor Trust Bank, N.A. is the trustee.",
            &[("Harbor Trust Bank", "ORG")],
        ),
        (
            "a company with its legal form on a line of its own, in an address block",
            "with a copy to:\nRiemer & Braunstein LLP\nThree Center Plaza\nBoston, MA 02108",
            &[("Riemer & Braunstein LLP", "ORG"), ("Boston", "LOC")],
        ),
        (
            "the floor of an address is no part of the town after it, nor a name alone",
            "Notices go to 530 B Street, 4th Floor San Diego, California 92101, and to 201 \
             Harbor Road, 27th Floor, Boston.",
            &[
                ("B Street", "LOC"),
                ("San Diego", "LOC"),
                ("California", "LOC"),
                ("Harbor Road", "LOC"),
                ("Boston", "LOC"),
            ],
        ),
        (
            "a rank's number is no section's",
            "Results:\n3. Mika Hakkinen ( Finland ) 1:28:30",
            &[("Mika Hakkinen", "PER"), ("Finland", "LOC")],
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

/// Filings: covers and headings in capitals, a legal form after a comma (headline.rs, classify.rs).
#[test]
fn filings_name_organisations_in_capitals_and_with_their_legal_form() {
    check(&[
        (
            "a well-known organisation on a line in capitals",
            "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549",
            &[
                ("UNITED STATES", "LOC"),
                ("SECURITIES AND EXCHANGE COMMISSION", "ORG"),
                ("Washington", "LOC"),
            ],
        ),
        (
            "words the body capitalises only in titles and laws are no names in a heading",
            "ITEM 7. FINANCIAL CONDITION\nOur Chief Financial Officer signed under the Sarbanes-Oxley Act.\nTHE ACT APPLIES",
            &[],
        ),
        (
            "accounting standards, rates and measures are no organisations",
            "Results under GAAP and IFRS, EBITDA and EPS rose as LIBOR fell, Kestrel Bank said.",
            &[("Kestrel Bank", "ORG")],
        ),
        (
            "currencies written with a capital",
            "Payment is due in Euros or Renminbi.",
            &[],
        ),
        (
            "a legal form after a comma",
            "We compete with Herman Miller, Inc. and others.",
            &[("Herman Miller", "ORG")],
        ),
    ]);
}
