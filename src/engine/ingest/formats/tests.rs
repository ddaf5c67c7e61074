//! Named cases for each file format.

use super::*;

fn day(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn records(extension: &str, text: &str) -> (Vec<Record>, Vec<crate::engine::error::Warning>) {
    let mut warnings = Vec::new();
    match read(extension, text.to_string(), &mut warnings) {
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
        ];
    for (name, extension, text, expected) in cases {
        assert_eq!(records(extension, text).0, expected, "{name}");
    }
    let refused = [
        ("json", "{not json", "is not valid JSON"),
        ("json", "[1, 2, 3]", "holds no objects with a text field"),
        ("csv", "a,b\n,\n", "holds no rows with text"),
    ];
    for (extension, text, reason) in refused {
        match read(extension, text.to_string(), &mut Vec::new()) {
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
