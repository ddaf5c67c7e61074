//! Deterministic generated news text for benchmarks: the same bytes natively and in wasm; and any text as a Word or OpenDocument file.
//!
//! Sentences are assembled from small pools of invented names, real places and
//! varied date forms by a fixed pseudo-random sequence, so that runs compare. Each
//! paragraph mixes one name-dense sentence with plain ones, about the density of
//! names and dates in wire news (one token in ten is part of a name).

const PEOPLE: &[&str] = &[
    "Foreign Minister Lena Okafor",
    "President Tomas Varga",
    "Amira Haddad",
    "Daniel Kowalski",
    "Deputy Prime Minister Ruslan Bekov",
    "Sofia Lindqvist",
    "Dr. Kenji Mori",
    "Ana Beatriz Souza",
    "Senator Paul Whitfield",
    "Nadia Petrosyan",
];
const ORGS: &[&str] = &[
    "the Ministry of Foreign Affairs",
    "Northwind Airlines",
    "the Central Bank of Meridia",
    "the United Nations",
    "Harbor Steel Corporation",
    "the Green Party",
    "NATO",
    "the World Health Organization",
    "Atlas Insurance Group",
    "the University of Lisbon",
];
const PLACES: &[&str] = &[
    "Almaty",
    "Paris",
    "Nairobi",
    "Buenos Aires",
    "Germany",
    "Japan",
    "Texas",
    "Cairo",
    "the United States",
    "Kazakhstan",
    "Brazil",
    "Mumbai",
];
const DATES: &[&str] = &[
    "on Monday",
    "on May 10, 2024",
    "last week",
    "in March",
    "on 19 April 2024",
    "in 1991",
    "earlier this year",
    "on Friday, June 7, 2024",
    "in the 1990s",
    "two years ago",
    "yesterday",
    "in the fourth quarter of 2023",
];
const VERBS: &[&str] = &[
    "met",
    "criticised",
    "praised",
    "called",
    "visited",
    "thanked",
    "warned",
];
#[rustfmt::skip]
const PLAIN: &[&str] = &[
    "The talks focused on trade, energy and the security of the border region.",
    "Officials said the agreement would be reviewed by experts before it is signed.",
    "Prices for fuel and food have risen sharply over the past months, according to local traders.",
    "Both sides described the meeting as constructive but said that several questions remained open.",
    "The decision was welcomed by business groups, while unions warned of job losses in the sector.",
    "Analysts expect the negotiations to continue, although no date has been set for the next round.",
    "Residents of the area told reporters that they had not been consulted about the plans.",
    "The government has promised to publish the full text of the proposal once it is finalised.",
    "Critics argue that the measures do not go far enough to address the underlying problems.",
    "The company said that it would invest in new equipment and train hundreds of workers.",
    "Opposition lawmakers called for an independent inquiry into how the contract was awarded.",
    "Several hundred people gathered in the main square to protest against the new rules.",
];

/// Generates about `n_bytes` of news-like text (whole articles, so slightly more).
pub fn news_text(n_bytes: usize) -> String {
    let mut out = String::with_capacity(n_bytes + 4096);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut pick = |len: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % len as u64) as usize
    };
    let mut article = 0;
    while out.len() < n_bytes {
        article += 1;
        out.push_str(&format!(
            "Talks Resume in {} After Pause {article}\n",
            PLACES[pick(PLACES.len())]
        ));
        for _ in 0..6 {
            out.push_str(&format!(
                "{} {} {} in {} {}, according to {}. ",
                PEOPLE[pick(PEOPLE.len())],
                VERBS[pick(VERBS.len())],
                ORGS[pick(ORGS.len())],
                PLACES[pick(PLACES.len())],
                DATES[pick(DATES.len())],
                ORGS[pick(ORGS.len())],
            ));
            for _ in 0..4 {
                out.push_str(PLAIN[pick(PLAIN.len())]);
                out.push(' ');
            }
            out.push('\n');
        }
    }
    out
}

const GIVEN_NAMES: &[&str] = &[
    "Lena", "Tomas", "Amira", "Daniel", "Ruslan", "Sofia", "Kenji", "Beatriz", "Paul", "Nadia",
    "Omar", "Ingrid", "Mateo", "Aisha", "Viktor", "Chloe", "Rahul", "Yusuf", "Elena", "Jonas",
];
const SURNAMES: &[&str] = &[
    "Okafor",
    "Varga",
    "Haddad",
    "Kowalski",
    "Bekov",
    "Lindqvist",
    "Mori",
    "Souza",
    "Whitfield",
    "Petrosyan",
    "Mensah",
    "Novak",
    "Castillo",
    "Rahimi",
    "Jensen",
    "Duarte",
    "Kaur",
    "Sato",
    "Moreau",
    "Ivanova",
    "Brennan",
    "Achebe",
    "Holm",
    "Tanaka",
    "Costa",
];
const ORG_WORDS: &[&str] = &[
    "Northwind",
    "Harbor",
    "Atlas",
    "Meridian",
    "Summit",
    "Pioneer",
    "Crescent",
    "Granite",
    "Beacon",
    "Falcon",
    "Silverline",
    "Redwood",
];
const ORG_KINDS: &[&str] = &[
    "Airlines",
    "Steel Corporation",
    "Insurance Group",
    "Bank",
    "Energy",
];

/// Generated news article number `seed`, about `n_bytes` long: the same for the same
/// seed. Its people come from 500 names and its companies from 60, so that a large
/// generated corpus has facets of many values, as real piles do.
pub fn news_document(seed: u64, n_bytes: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
    let mut pick = |len: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % len as u64) as usize
    };
    let mut out = format!(
        "Talks Resume in {} After Pause\n",
        PLACES[pick(PLACES.len())]
    );
    while out.len() < n_bytes {
        let person = format!(
            "{} {}",
            GIVEN_NAMES[pick(GIVEN_NAMES.len())],
            SURNAMES[pick(SURNAMES.len())]
        );
        let company = format!(
            "{} {}",
            ORG_WORDS[pick(ORG_WORDS.len())],
            ORG_KINDS[pick(ORG_KINDS.len())]
        );
        out.push_str(&format!(
            "{person} {} {company} in {} {}, according to {}. ",
            VERBS[pick(VERBS.len())],
            PLACES[pick(PLACES.len())],
            DATES[pick(DATES.len())],
            ORGS[pick(ORGS.len())],
        ));
        for _ in 0..3 {
            out.push_str(PLAIN[pick(PLAIN.len())]);
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// A text as a Word (.docx) or OpenDocument (.odt) file, as office programs lay it
/// out: a paragraph per line, Word's runs cut every nine characters (as edits leave
/// them). For the office reader's benchmark and tests.
pub fn office_file(text: &str, extension: &str) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let lines = text.strip_suffix('\n').unwrap_or(text).split('\n');
    let (part, xml) = if extension == "docx" {
        let mut body = String::new();
        for line in lines {
            body.push_str("<w:p>");
            let chars: Vec<char> = line.chars().collect();
            for piece in chars.chunks(9) {
                let piece: String = piece.iter().collect();
                body.push_str(&format!(
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(&piece)
                ));
            }
            body.push_str("</w:p>");
        }
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        )
    } else {
        // OpenDocument collapses white space in text: tabs and runs of spaces are elements.
        let body: String = lines
            .map(|line| {
                let mut text = String::new();
                let mut spaces = 0;
                for c in escape(line).chars().chain(std::iter::once('\0')) {
                    if c == ' ' {
                        spaces += 1;
                        continue;
                    }
                    match spaces {
                        0 => {}
                        1 => text.push(' '),
                        n => text.push_str(&format!(r#" <text:s text:c="{}"/>"#, n - 1)),
                    }
                    spaces = 0;
                    match c {
                        '\t' => text.push_str("<text:tab/>"),
                        '\0' => {}
                        c => text.push(c),
                    }
                }
                format!("<text:p>{text}</text:p>")
            })
            .collect();
        (
            "content.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
            ),
        )
    };
    zip_archive(&[(part, &xml)])
}

/// A ZIP archive of the given parts (name, content), deflated, as office programs write them.
pub fn zip_archive(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // Writing to memory cannot fail; an error here is a bug of this function.
    for (name, content) in parts {
        zip.start_file(*name, options).expect("a part in memory");
        zip.write_all(content.as_bytes())
            .expect("written to memory");
    }
    zip.finish().expect("an archive in memory");
    out.into_inner()
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_deterministic_and_long_enough() {
        let a = super::news_text(10_000);
        assert!(a.len() >= 10_000);
        assert_eq!(a, super::news_text(10_000));
    }
}
