//! Property tests: any input never panics, and every span the engine returns is well formed.
#![cfg(not(target_arch = "wasm32"))]

use dossier::engine::{analyze_file, analyze_text, AnalysisOptions, Corpus, EntityType};
use proptest::prelude::*;

fn check_document_invariants(text: &str) {
    for doc in analyze_text("p.txt", text, &AnalysisOptions::default()) {
        let t = &doc.text;
        let mut last_by_type: std::collections::HashMap<EntityType, usize> = Default::default();
        let mut previous_start = 0;
        for m in &doc.entities {
            assert!(
                m.start < m.end && m.end <= t.len(),
                "entity span out of bounds"
            );
            assert!(
                t.is_char_boundary(m.start) && t.is_char_boundary(m.end),
                "entity span off char boundary"
            );
            assert!(m.start >= previous_start, "entities not sorted");
            previous_start = m.start;
            let last_end = last_by_type.entry(m.kind).or_insert(0);
            assert!(m.start >= *last_end, "overlapping {:?} spans", m.kind);
            *last_end = m.end;
        }
        for d in &doc.dates {
            assert!(
                d.start < d.end
                    && d.end <= t.len()
                    && t.is_char_boundary(d.start)
                    && t.is_char_boundary(d.end)
            );
            if let Some((first, last)) = d.interval {
                assert!(first <= last, "interval reversed: {} > {}", first, last);
            }
        }
    }
}

/// Text built from pieces that exercise the rules: names, titles, dates, punctuation, non-ASCII.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Foreign Minister ",
        "Jeyhun Bayramov",
        " said ",
        "on May 10-11",
        ", 2024",
        " in Almaty",
        ", Kazakhstan",
        ".",
        "\n",
        "US ",
        "U.S.",
        "-",
        "'s ",
        "the 1990s ",
        "last week ",
        "03/04/2024 ",
        "Zürich ",
        "東京 ",
        "J. R. R. ",
        "von der ",
        "Ministry of Foreign Affairs",
        " between May 10 and 12 ",
        "Q4 ",
        "mid-",
        "2010",
        "\"",
        "(",
        ")",
        "February 29, 2023 ",
        "31/31/31 ",
        "May ",
        "Monday ",
        "9999 ",
        "1066 ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 400 cases in CI; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400), .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_well_formed(text in any::<String>()) {
        check_document_invariants(&text);
    }

    #[test]
    fn newsy_text_never_panics_and_spans_are_well_formed(text in newsy_text()) {
        check_document_invariants(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), name in "[a-z]{1,8}\\.(txt|md|pdf|bin|html|csv|tsv|json|jsonl|eml|docx|odt)") {
        let _ = analyze_file(&name, &bytes, &AnalysisOptions::default());
        let mut corpus = Corpus::new();
        corpus.add_file(&name, &bytes, &AnalysisOptions::default());
        prop_assert_eq!(corpus.files().len(), 1);
    }

    #[test]
    fn any_two_texts_compare_into_their_own_pieces(old in any::<String>(), new in any::<String>()) {
        use dossier::engine::explore::{compare, Change};
        let (mut was, mut now) = (String::new(), String::new());
        for change in compare(&old, &new) {
            match change {
                Change::Same(t) => { was.push_str(&t); now.push_str(&t); }
                Change::Removed(t) => was.push_str(&t),
                Change::Added(t) => now.push_str(&t),
            }
        }
        prop_assert_eq!((was, now), (old, new));
    }

    #[test]
    fn damaged_pdfs_never_panic_or_hang(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = minimal_pdf("Ararat Mirzoyan met Jeyhun Bayramov in Almaty on May 10, 2024.");
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let mut corpus = Corpus::new();
        corpus.add_file("damaged.pdf", &bytes, &AnalysisOptions::default());
        prop_assert_eq!(corpus.files().len(), 1);
    }

    #[test]
    fn office_archives_of_any_xml_never_panic(
        xml in prop::collection::vec(prop_oneof![
            Just("<w:p>"), Just("</w:p>"), Just("<w:r>"), Just("</w:r>"), Just("<w:t>"), Just("</w:t>"), Just("<w:tab/>"),
            Just("<w:br/>"), Just("<w:del>"), Just("</w:del>"), Just("<text:p>"), Just("</text:p>"), Just("<text:s text:c=\"99999999999\"/>"),
            Just("<text:s text:c=\"5\"/>"), Just("<text:note>"), Just("</text:note>"), Just("&amp;"), Just("&#x1F600;"), Just("&bogus;"),
            Just("&#"), Just("<![CDATA[x]]>"), Just("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"), Just("&e;"),
            Just("Ararat Mirzoyan"), Just(" met in "), Just("Almaty"), Just(" on May 10, 2024."), Just("<"), Just(">"), Just("é"),
        ], 0..60).prop_map(|parts| parts.concat()),
        extension in "(docx|odt)",
    ) {
        use std::io::Write;
        let part = if extension == "docx" { "word/document.xml" } else { "content.xml" };
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        let bytes = out.into_inner();
        let name = format!("f.{extension}");
        if let Ok((documents, _)) = analyze_file(&name, &bytes, &AnalysisOptions::default()) {
            for d in &documents {
                prop_assert!(!d.text.contains("passwd"), "no entity is resolved from outside");
                for m in &d.entities {
                    prop_assert!(m.start < m.end && m.end <= d.text.len() && d.text.is_char_boundary(m.start) && d.text.is_char_boundary(m.end));
                }
            }
        }
    }

    #[test]
    fn markup_and_records_never_panic_and_spans_stay_in_their_text(
        text in prop::collection::vec(prop_oneof![
            Just("<p>"), Just("</p>"), Just("<script>"), Just("</script>"), Just("<!--"), Just("-->"), Just("&amp;"),
            Just("&#"), Just("&#x1F600;"), Just("\""), Just(","), Just("\n"), Just("\t"), Just("{"), Just("}"),
            Just("["), Just("]"), Just(":"), Just("\"text\": "), Just("Subject: "), Just("Content-Type: multipart/mixed; boundary=b\n"),
            Just("--b\n"), Just("=C3="), Just("=\n"), Just("Ararat Mirzoyan"), Just(" met "), Just("Almaty"), Just("May 10, 2024"),
            Just("é"), Just("<"), Just(">"),
        ], 0..80).prop_map(|parts| parts.concat()),
        extension in "(html|csv|tsv|json|jsonl|eml)",
    ) {
        let name = format!("f.{extension}");
        if let Ok((documents, _)) = analyze_file(&name, text.as_bytes(), &AnalysisOptions::default()) {
            for d in &documents {
                for m in &d.entities {
                    prop_assert!(m.start < m.end && m.end <= d.text.len() && d.text.is_char_boundary(m.start) && d.text.is_char_boundary(m.end));
                }
                for m in &d.dates {
                    prop_assert!(m.start < m.end && m.end <= d.text.len());
                }
            }
        }
    }
}

/// A small well-formed PDF of one page showing `text` in Helvetica: the starting
/// point the damage is done to.
fn minimal_pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    dossier::engine::tooling::hostile::pdf_document(&[content]).into_bytes()
}

#[test]
fn the_minimal_pdf_reads() {
    let read =
        dossier::engine::ingest::formats::pdf::read_pdf(&minimal_pdf("Talks in Almaty")).unwrap();
    assert_eq!(read.pages, vec!["Talks in Almaty".to_string()]);
}
