//! Named cases for each file format.

use super::*;
use crate::engine::tooling::synthetic::zip_archive as archive;

fn day(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn records(extension: &str, text: &str) -> (Vec<Record>, Vec<crate::engine::error::Warning>) {
    let mut warnings = Vec::new();
    match read(extension, text.to_string(), None, &mut warnings) {
        Ok(Layout::Records(r)) => (r, warnings),
        other => panic!("{extension}: {other:?}"),
    }
}

fn record(title: Option<&str>, text: &str, date: Option<&str>) -> Record {
    Record {
        title: title.map(str::to_string),
        text: text.to_string(),
        date: date.and_then(day),
    }
}

#[test]
fn html_gives_its_text_only() {
    let cases = [
            (
                "scripts, styles, handlers and comments dropped",
                "<html><head><title>Talks &amp; More</title><style>p{color:red}</style><script>alert(1)</script></head>\
                 <body onload=\"steal()\"><h1>Talks</h1><!-- <p>hidden</p> --><p>Ararat Mirzoyan met <b>Jeyhun Bayramov</b>.</p>\
                 <script type=\"text/javascript\">document.write('x')</script><a href=\"javascript:steal()\">link</a></body></html>",
                record(Some("Talks & More"), "Talks\n\nArarat Mirzoyan met Jeyhun Bayramov.\nlink", None),
            ),
            (
                "entities and a less-than sign",
                "<p>3 &lt; 4 &#8211; caf&eacute;&#x21; x < y</p>",
                record(None, "3 < 4 – caf&eacute;! x < y", None),
            ),
            (
                "a published date in a meta tag",
                "<head><meta property=\"article:published_time\" content=\"2024-05-10T09:00:00Z\"></head><p>Text.</p>",
                record(None, "Text.", Some("2024-05-10")),
            ),
            (
                "a time element",
                "<p>Posted <time datetime=\"2023-03-01\">March 1</time>.</p>",
                record(None, "Posted March 1.", Some("2023-03-01")),
            ),
            ("an unclosed script hides nothing after it", "<p>Before</p><script>never closed", record(None, "Before", None)),
        ];
    for (name, source, expected) in cases {
        assert_eq!(html(source), expected, "{name}");
    }
}

#[test]
fn tables_give_one_document_per_row() {
    let cases: Vec<(&str, &str, &str, Vec<Record>, &str)> = vec![
            (
                "named columns, a quoted newline",
                "csv",
                "id,headline,published,body\n1,Talks,2024-05-10,\"Mirzoyan met Bayramov.\nThey spoke.\"\n2,More,,Second text.\n3,Empty,2024-01-01,\n",
                vec![
                    record(Some("Talks"), "Mirzoyan met Bayramov.\nThey spoke.", Some("2024-05-10")),
                    record(Some("More"), "Second text.", None),
                ],
                "",
            ),
            (
                "the longest column when none is named",
                "csv",
                "a,b\nx,A long sentence about Almaty.\ny,Another long sentence here.\n",
                vec![record(None, "A long sentence about Almaty.", None), record(None, "Another long sentence here.", None)],
                "text taken from the column \"b\" (the longest)",
            ),
            (
                "tab-separated",
                "tsv",
                "title\ttext\tdate\nOne\tFirst text, with a comma.\tMay 3, 2024\n",
                vec![record(Some("One"), "First text, with a comma.", Some("2024-05-03"))],
                "",
            ),
        ];
    for (name, extension, text, expected, warning) in cases {
        let (got, warnings) = records(extension, text);
        assert_eq!(got, expected, "{name}");
        assert_eq!(
            warnings
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
            warning,
            "{name}"
        );
    }
}

#[test]
fn json_gives_one_document_per_object() {
    let cases: Vec<(&str, &str, &str, Vec<Record>)> = vec![
            (
                "a list",
                "json",
                r#"[{"title": "A", "text": "First.", "date": "2024-05-10"}, {"body": "Second."}, {"id": 3}]"#,
                vec![record(Some("A"), "First.", Some("2024-05-10")), record(None, "Second.", None)],
            ),
            (
                "a list inside an object",
                "json",
                r#"{"source": "feed", "items": [{"Headline": "B", "Content": "Text B."}]}"#,
                vec![record(Some("B"), "Text B.", None)],
            ),
            ("one object", "json", r#"{"subject": "C", "message": "Text C."}"#, vec![record(Some("C"), "Text C.", None)]),
            (
                "JSON Lines with a bad line",
                "jsonl",
                "{\"text\": \"One.\"}\nnot json\n\n{\"text\": \"Two.\", \"published_at\": \"2024-02-29T10:00:00Z\"}\n",
                vec![record(None, "One.", None), record(None, "Two.", Some("2024-02-29"))],
            ),
            (
                "text ranks before body whatever the order",
                "json",
                r#"[{"body": "Body.", "text": "Text.", "name": "N", "title": " "}]"#,
                vec![record(Some("N"), "Text.", None)],
            ),
            (
                "nested values of an item are skipped",
                "json",
                r#"[{"text": "Kept.", "meta": {"text": "Inner."}, "tags": [{"text": "Tag."}]}, [{"text": "In a list."}]]"#,
                vec![record(None, "Kept.", None)],
            ),
            (
                "the first list of objects in the file's order",
                "json",
                r#"{"zeta": [{"text": "Z."}], "alpha": [{"text": "A."}], "meta": {"items": [{"text": "M."}]}}"#,
                vec![record(None, "Z.", None)],
            ),
            (
                "a list of non-objects does not hide the list of objects",
                "json",
                r#"{"ids": [1, 2], "items": [{"content": "C."}]}"#,
                vec![record(None, "C.", None)],
            ),
            (
                "a JSON Lines line that is a list counts as an item without text",
                "jsonl",
                "[{\"text\": \"No.\"}]\n{\"text\": \"Yes.\"}\n",
                vec![record(None, "Yes.", None)],
            ),
        ];
    for (name, extension, text, expected) in cases {
        assert_eq!(records(extension, text).0, expected, "{name}");
    }
    let refused = [
        ("json", "{not json", "is not valid JSON"),
        ("json", "[1, 2, 3]", "holds no objects with a text field"),
        ("json", "[{\"text\": \"a\"}] trailing", "is not valid JSON"),
        (
            "json",
            "\"just a string\"",
            "holds no objects with a text field",
        ),
        ("csv", "a,b\n,\n", "holds no rows with text"),
    ];
    for (extension, text, reason) in refused {
        match read(extension, text.to_string(), None, &mut Vec::new()) {
            Err(FileError::NotLoaded { reason: r }) => {
                assert!(r.starts_with(reason), "{text}: {r}")
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn an_email_gives_subject_date_and_plain_text() {
    let cases = [
            (
                "plain",
                "From: a@example.org\nSubject: Talks in\n Almaty\nDate: Fri, 10 May 2024 09:00:00 +0000\n\nMirzoyan met Bayramov.\n",
                record(Some("Talks in Almaty"), "Mirzoyan met Bayramov.", Some("2024-05-10")),
            ),
            (
                "multipart: the plain part, quoted-printable",
                "Subject: Note\nContent-Type: multipart/alternative; boundary=\"XX\"\n\n--XX\nContent-Type: text/html\n\n<p>HTML version</p>\n--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 in Z=C3=BCrich, a long=\n line.\n--XX--\n",
                record(Some("Note"), "Café in Zürich, a long line.", None),
            ),
            (
                "HTML only: its text",
                "Subject: H\nContent-Type: text/html\n\n<p>Hello <script>x()</script>there</p>",
                record(Some("H"), "Hello there", None),
            ),
        ];
    for (name, message, expected) in cases {
        assert_eq!(email(message, &mut Vec::new()), expected, "{name}");
    }
}

#[test]
fn structured_files_are_analysed_document_by_document() {
    let csv = "title,date,text\nTalks,2024-05-10,\"Ararat Mirzoyan met Jeyhun Bayramov in Almaty, Kazakhstan on May 13.\"\nLater,,Ararat Mirzoyan spoke again on June 1.\n";
    let (docs, _) =
        crate::engine::analyze_file("feed.csv", csv.as_bytes(), &Default::default()).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].title, "Talks");
    assert_eq!(
        docs[0].date.map(|d| d.date.to_string()).as_deref(),
        Some("2024-05-10")
    );
    assert!(
        docs[0].dates.iter().any(|m| m.value == "2024-05-13"),
        "the year comes from the row's date"
    );
    assert!(
        docs[1].dates.iter().any(|m| m.value == "2024-06-01"),
        "and carries to the next row"
    );
}

#[test]
fn a_tables_text_column_can_be_chosen() {
    // The longest column is a notes column; the user says the text is in "story".
    let csv = "id,story,notes\n1,Ararat Mirzoyan met Jeyhun Bayramov in Almaty.,internal note that is much longer than the story itself\n";
    let analyse = |text_column| {
        let options = crate::engine::AnalysisOptions {
            text_column,
            ..Default::default()
        };
        crate::engine::analyze_file("feed.csv", csv.as_bytes(), &options).unwrap()
    };
    // (name, chosen column, text of the document, warnings)
    let cases: [(&str, Option<usize>, &str, usize); 3] = [
        ("guessed: the longest", None, "internal note", 1),
        ("chosen", Some(1), "Ararat Mirzoyan met", 0),
        (
            "a column past the end is no choice",
            Some(9),
            "internal note",
            1,
        ),
    ];
    for (name, column, text, n_warnings) in cases {
        let (docs, warnings) = analyse(column);
        assert!(docs[0].text.starts_with(text), "{name}: {}", docs[0].text);
        assert_eq!(warnings.len(), n_warnings, "{name}");
    }
    // The columns offered, with the one in use: named, else the guessed one.
    let columns =
        |name: &str, head: &str, guessed| super::table_columns(name, head.as_bytes(), guessed);
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        columns("feed.csv", csv, Some("notes")),
        Some((names(&["id", "story", "notes"]), 2))
    );
    assert_eq!(
        columns("feed.tsv", "id\tbody\n1\tx\n", None),
        Some((names(&["id", "body"]), 1))
    );
    assert_eq!(columns("feed.txt", csv, None), None);
}

const WORD_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn word_body(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {WORD_NS}><w:body>{body}</w:body></w:document>"#
    )
}

const WORD_PROPERTIES: &str = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Talks in  Almaty</dc:title><dcterms:created>2024-05-13T09:30:00Z</dcterms:created></cp:coreProperties>"#;

fn odt_body(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:automatic-styles><style:style xmlns:style="s">Style text</style:style></office:automatic-styles><office:body><office:text>
  {body}
</office:text></office:body></office:document-content>"#
    )
}

const ODT_META: &str = r#"<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:creation-date>2024-05-13T09:30:00.12</meta:creation-date><dc:title>Talks &amp; more</dc:title></office:meta></office:document-meta>"#;

#[test]
fn office_files_give_their_paragraphs_and_properties() {
    use office::{office, OfficeText};
    let docx_runs = word_body(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Foreign ministers met in Alm</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>aty</w:t></w:r><w:r><w:t xml:space="preserve"> on May 10 &amp; 11.</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Jeyhun</w:t><w:tab/><w:t>Bayramov</w:t><w:br/><w:t>spoke.</w:t></w:r></w:p>"#,
    );
    let docx_hidden = word_body(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>Deleted</w:delText></w:r></w:del><mc:AlternateContent><mc:Choice><w:r><w:t> once</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> twice</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"#,
    );
    let docx_table = word_body(
        r#"<w:p><w:r><w:t>Results</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Almaty</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kazakhstan</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let odt = odt_body(
        r#"<text:h text:outline-level="1">Talks in Almaty</text:h>
  <text:p>Ministers<text:s text:c="2"/>met.<text:tab/>Then<text:line-break/>left
      again.<office:annotation><text:p>A reviewer's note</text:p></office:annotation></text:p>
  <text:list><text:list-item><text:p>First <text:span>point</text:span><text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote</text:p></text:note-body></text:note></text:p></text:list-item></text:list>
  <table:table><table:table-row><table:table-cell><text:p>Cell</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let read = |t: &str, title: Option<&str>, date: Option<&str>| {
        Ok(OfficeText {
            text: t.to_string(),
            title: title.map(str::to_string),
            date: date.and_then(day),
        })
    };
    /// (case name, extension, file bytes, what is read)
    type Case<'a> = (&'a str, &'a str, Vec<u8>, Result<OfficeText, FileError>);
    let cases: Vec<Case> = vec![
        (
            "Word: runs joined, tab stops of the paragraph's style ignored, tabs and breaks kept, entities read",
            "docx",
            archive(&[("word/document.xml", &docx_runs), ("docProps/core.xml", WORD_PROPERTIES)]),
            read(
                "Foreign ministers met in Almaty on May 10 & 11.\n\nJeyhun\tBayramov\nspoke.\n",
                Some("Talks in Almaty"),
                Some("2024-05-13"),
            ),
        ),
        (
            "Word: field codes, deleted text and fallback content dropped",
            "docx",
            archive(&[("word/document.xml", &docx_hidden)]),
            read("Kept once\n", None, None),
        ),
        (
            "Word: table cells one per line",
            "docx",
            archive(&[("word/document.xml", &docx_table)]),
            read("Results\nAlmaty\nKazakhstan\n", None, None),
        ),
        (
            "OpenDocument: headings, spaces, tabs, breaks, the layout's white space, lists and tables; comments, notes and styles dropped",
            "odt",
            archive(&[("content.xml", &odt), ("meta.xml", ODT_META)]),
            read(
                "Talks in Almaty\nMinisters  met.\tThen\nleft again.\nFirst point\nCell\n",
                Some("Talks & more"),
                Some("2024-05-13"),
            ),
        ),
        (
            "not an archive",
            "docx",
            b"Just some text, renamed".to_vec(),
            Err(FileError::Unreadable {
                reason: "it is not a valid Word document (a broken or truncated archive)".into(),
            }),
        ),
        (
            "truncated archive",
            "odt",
            archive(&[("content.xml", &odt)])[..60].to_vec(),
            Err(FileError::Unreadable {
                reason: "it is not a valid OpenDocument text (a broken or truncated archive)"
                    .into(),
            }),
        ),
        (
            "an archive without the body part",
            "docx",
            archive(&[("other.xml", "<x/>")]),
            Err(FileError::Unreadable {
                reason: "it holds no word/document.xml: not a Word document".into(),
            }),
        ),
        (
            "encrypted Word (an OLE container)",
            "docx",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of the container".to_vec(),
            Err(FileError::Unreadable {
                reason: "it is password-protected (encrypted), or an old .doc renamed: Dossier cannot read such a Word document".into(),
            }),
        ),
        (
            "encrypted OpenDocument",
            "odt",
            archive(&[
                ("META-INF/manifest.xml", r#"<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#),
                ("content.xml", "\u{1}\u{2}binary"),
            ]),
            Err(FileError::Unreadable {
                reason: "it is password-protected (encrypted): Dossier cannot read it".into(),
            }),
        ),
        (
            "broken XML",
            "docx",
            archive(&[("word/document.xml", "<w:document><w:body><w:p><w:t>Cut</w:body>")]),
            Err(FileError::Unreadable {
                reason: "its word/document.xml is broken XML (at byte 33)".into(),
            }),
        ),
        (
            "no text",
            "docx",
            archive(&[("word/document.xml", &word_body("<w:p/><w:p/>"))]),
            Err(FileError::Empty),
        ),
    ];
    let mut names = std::collections::HashSet::new();
    for (name, extension, bytes, expected) in cases {
        assert!(names.insert(name), "duplicate case {name}");
        assert_eq!(office(extension, &bytes), expected, "case {name}");
    }
}

#[test]
fn an_office_part_that_unpacks_past_the_limit_is_refused_by_name() {
    // A part that deflates to a small share of what it unpacks to: a ZIP bomb's shape,
    // against a limit of 1 MB (the product's is the same code with 256 MB).
    let paragraph = "<w:p><w:r><w:t>Again.</w:t></w:r></w:p>";
    let body = word_body(&paragraph.repeat(2_000_000 / paragraph.len()));
    let bytes = archive(&[("word/document.xml", &body)]);
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    let cases: &[(&str, u64, bool)] = &[
        ("past the limit: refused", 1024 * 1024, true),
        ("within the limit: read", 4 * 1024 * 1024, false),
    ];
    for (name, limit, refused) in cases {
        let read = office::office_within("docx", &bytes, *limit);
        let expected = Err(FileError::Unreadable {
            reason:
                "its word/document.xml unpacks to more than 1 MB (the limit per part; a ZIP bomb?)"
                    .into(),
        });
        assert_eq!(read == expected, *refused, "{name}: {read:?}");
        assert_eq!(read.is_ok(), !refused, "{name}");
    }
}

#[test]
fn an_office_file_analyses_like_its_text() {
    let options = crate::engine::AnalysisOptions::default();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample-corpus");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("the sample corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "{paths:?}");
    let analysed = |name: &str, bytes: &[u8]| {
        let (documents, _) = crate::engine::analyze_file(name, bytes, &options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        documents
            .into_iter()
            .map(|mut d| {
                d.source = String::new();
                serde_json::to_string(&d).expect("serialisable")
            })
            .collect::<Vec<_>>()
    };
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a sample");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = analysed(&name, text.as_bytes());
        for extension in office::OFFICE_EXTENSIONS {
            let got = analysed(
                &format!("x.{extension}"),
                &crate::engine::tooling::synthetic::office_file(&text, extension),
            );
            assert_eq!(got, expected, "{name} as .{extension}");
        }
    }
}

#[test]
fn an_office_files_properties_title_and_date_only_where_its_text_gives_none() {
    use crate::engine::recognize::dates::DocumentDateSource;
    let file = |body: &str| {
        let paragraphs: String = body
            .lines()
            .map(|l| format!("<w:p><w:r><w:t>{l}</w:t></w:r></w:p>"))
            .collect();
        archive(&[
            ("word/document.xml", &word_body(&paragraphs)),
            ("docProps/core.xml", WORD_PROPERTIES),
        ])
    };
    /// (case name, the body's lines, the title, the document date and its source)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<(&'a str, DocumentDateSource)>,
    );
    let cases: &[Case] = &[
        (
            "no headline, no date: the properties' title and creation day",
            "the ministers met again and said little.",
            "Talks in Almaty",
            Some(("2024-05-13", DocumentDateSource::FileProperties)),
        ),
        (
            "a full date in the text beats the creation day",
            "the ministers met on March 2, 2021 and said little about the border, the water and the trade routes.",
            "Talks in Almaty",
            Some(("2021-03-02", DocumentDateSource::LatestInText)),
        ),
        (
            "a headline beats the Title property",
            "Ministers Meet Again\n\nThe ministers met and said little.",
            "Ministers Meet Again",
            Some(("2024-05-13", DocumentDateSource::FileProperties)),
        ),
    ];
    for (name, body, title, date) in cases {
        let (documents, _) =
            crate::engine::analyze_file("x.docx", &file(body), &Default::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(documents.len(), 1, "{name}");
        assert_eq!(documents[0].title, *title, "{name}");
        let got = documents[0].date.map(|d| (d.date.to_string(), d.source));
        let expected = date.map(|(d, s)| (d.to_string(), s));
        assert_eq!(got, expected, "{name}");
    }
}
