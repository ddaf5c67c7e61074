//! File formats beyond plain text: HTML (text only), CSV/TSV and JSON/JSON Lines (one document per row or object), and e-mail (.eml).
//!
//! Each format becomes records — a text with an optional title and date — that the
//! engine analyses like any document. Markup is only ever read to find text: an
//! HTML file's scripts, styles and attributes are dropped, never kept or rendered.

use jiff::civil::Date;

use crate::engine::ingest::decode::FileError;
use crate::engine::recognize::dates::date_from_value;

/// One document found in a file, before analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub title: Option<String>,
    pub text: String,
    /// A date the file gives for it (a date column, a `Date:` header, a meta tag).
    pub date: Option<Date>,
}

/// How a file's text is to be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    /// Plain text: split into articles as usual.
    Text(String),
    /// The documents the format delimits, in order.
    Records(Vec<Record>),
}

/// Extensions of the formats read here, beside plain text.
pub const STRUCTURED_EXTENSIONS: &[&str] = &[
    "html", "htm", "csv", "tsv", "json", "jsonl", "ndjson", "eml",
];

/// Field or column names that hold a document's text, title and date, in order of preference.
const TEXT_NAMES: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "message",
    "description",
    "summary",
];
const TITLE_NAMES: &[&str] = &["title", "headline", "subject", "name"];
const DATE_NAMES: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "pubdate",
    "created",
    "created_at",
    "timestamp",
    "time",
];

/// Reads a decoded file by its extension. Warnings go to the file's message.
pub fn read(
    extension: &str,
    text: String,
    warnings: &mut Vec<String>,
) -> Result<Layout, FileError> {
    match extension {
        "html" | "htm" => Ok(Layout::Records(vec![html(&text)])),
        "csv" => table(&text, b',', warnings),
        "tsv" => table(&text, b'\t', warnings),
        "json" => json(&text, warnings),
        "jsonl" | "ndjson" => json_lines(&text, warnings),
        "eml" => Ok(Layout::Records(vec![email(&text, warnings)])),
        _ => Ok(Layout::Text(text)),
    }
}

fn no_documents(what: &str) -> FileError {
    FileError::NotLoaded {
        reason: format!("holds no {what}"),
    }
}

// ---------------------------------------------------------------- HTML

/// Elements whose content is never text to read.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object",
];

/// Elements that end a line of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "hr",
    "title",
    "main",
    "aside",
    "figcaption",
];

/// The text of an HTML page: its title, its date (from meta tags or `<time>`), and
/// the text of its body with block elements as line breaks.
pub fn html(source: &str) -> Record {
    let mut out = String::new();
    let mut title = String::new();
    let mut date = None;
    let mut skipping: Option<String> = None;
    let mut in_title = false;
    let mut rest = source;
    while let Some(lt) = rest.find('<') {
        let (text, after) = rest.split_at(lt);
        if skipping.is_none() {
            if in_title {
                title.push_str(text);
            } else {
                out.push_str(text);
            }
        }
        // A '<' that opens no tag ("x < y") is text.
        if !after[1..]
            .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        {
            if skipping.is_none() {
                if in_title {
                    title.push('<');
                } else {
                    out.push('<');
                }
            }
            rest = &after[1..];
            continue;
        }
        // A comment or a declaration: skip it whole.
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            // A lone '<' is text.
            if skipping.is_none() {
                out.push_str(after);
            }
            break;
        };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // "<!DOCTYPE", "< 3": not an element.
            if skipping.is_none() && !tag.starts_with('!') && !tag.starts_with('?') {
                out.push('<');
                out.push_str(tag);
                out.push('>');
            }
            continue;
        }
        if let Some(skipped) = &skipping {
            if closing && name == *skipped {
                skipping = None;
            }
            continue;
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if date.is_none() && !closing && (name == "meta" || name == "time") {
            date = tag_date(tag);
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if skipping.is_none() && !in_title {
        out.push_str(rest);
    }
    let text = tidy_lines(&decode_entities(&out));
    let title = decode_entities(&title)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Record {
        title: (!title.is_empty()).then_some(title),
        text,
        date,
    }
}

/// A date in a `<meta>` tag (article:published_time, date, dc.date) or a `<time datetime>`.
fn tag_date(tag: &str) -> Option<Date> {
    let attribute = |name: &str| -> Option<String> {
        let lower = tag.to_ascii_lowercase();
        let at = lower.find(&format!("{name}="))? + name.len() + 1;
        let value = &tag[at..];
        let value = match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split(q).next()?,
            _ => value.split_whitespace().next()?,
        };
        Some(value.to_string())
    };
    if tag.to_ascii_lowercase().starts_with("time") {
        return attribute("datetime").and_then(|v| date_from_value(&v));
    }
    let key = attribute("property")
        .or_else(|| attribute("name"))?
        .to_ascii_lowercase();
    let dated = [
        "article:published_time",
        "date",
        "dc.date",
        "pubdate",
        "publish-date",
        "datepublished",
    ];
    if dated.contains(&key.as_str()) {
        attribute("content").and_then(|v| date_from_value(&v))
    } else {
        None
    }
}

/// Character references: the common named ones and every numeric one.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "rsquo" => '’',
                "lsquo" => '‘',
                "ldquo" => '“',
                "rdquo" => '”',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| *c != '\0')?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whitespace inside lines folded, blank runs of lines folded to one blank line.
fn tidy_lines(text: &str) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(&line);
            out.push('\n');
            blank = false;
        }
    }
    out.trim_end().to_string()
}

// ---------------------------------------------------------------- tables

/// The position of the first name (in order of preference) found among `names`.
fn pick(names: &[String], wanted: &[&str]) -> Option<usize> {
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n.trim().eq_ignore_ascii_case(w)))
}

/// One document per row. The text column is found by name, else it is the column
/// with the longest values; title and date columns are used when named.
fn table(text: &str, delimiter: u8, warnings: &mut Vec<String>) -> Result<Layout, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut n_bad = 0;
    for row in reader.records() {
        match row {
            Ok(r) => rows.push(r.iter().map(str::to_string).collect()),
            Err(_) => n_bad += 1,
        }
    }
    if n_bad > 0 {
        warnings.push(format!("{n_bad} row(s) could not be read and were skipped"));
    }
    let text_column = pick(&header, TEXT_NAMES).unwrap_or_else(|| {
        let mut total = vec![0usize; header.len()];
        for row in &rows {
            for (k, v) in row.iter().enumerate().take(header.len()) {
                total[k] += v.len();
            }
        }
        (0..header.len()).max_by_key(|&k| total[k]).unwrap_or(0)
    });
    if pick(&header, TEXT_NAMES).is_none() && !header.is_empty() {
        warnings.push(format!(
            "text taken from the column \"{}\" (the longest)",
            header[text_column]
        ));
    }
    let title_column = pick(&header, TITLE_NAMES).filter(|&k| k != text_column);
    let date_column = pick(&header, DATE_NAMES).filter(|&k| k != text_column);
    let records: Vec<Record> = rows
        .into_iter()
        .filter_map(|row| {
            let text = row.get(text_column)?.trim().to_string();
            (!text.is_empty()).then(|| Record {
                title: title_column
                    .and_then(|k| row.get(k))
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
                text,
                date: date_column
                    .and_then(|k| row.get(k))
                    .and_then(|d| date_from_value(d)),
            })
        })
        .collect();
    if records.is_empty() {
        return Err(no_documents("rows with text"));
    }
    Ok(Layout::Records(records))
}

// ---------------------------------------------------------------- JSON

/// A record from a JSON object: the first text field found (by name), title, date.
fn json_record(object: &serde_json::Map<String, serde_json::Value>) -> Option<Record> {
    let field = |names: &[&str]| {
        names.iter().find_map(|n| {
            object
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .and_then(|(_, v)| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
    };
    let text = field(TEXT_NAMES)?;
    Some(Record {
        title: field(TITLE_NAMES).map(str::to_string),
        text: text.to_string(),
        date: field(DATE_NAMES).and_then(date_from_value),
    })
}

fn records_of(
    values: &[serde_json::Value],
    warnings: &mut Vec<String>,
) -> Result<Layout, FileError> {
    let records: Vec<Record> = values
        .iter()
        .filter_map(|v| v.as_object().and_then(json_record))
        .collect();
    let skipped = values.len() - records.len();
    if skipped > 0 && !records.is_empty() {
        warnings.push(format!(
            "{skipped} item(s) without a text field were skipped"
        ));
    }
    if records.is_empty() {
        return Err(no_documents(
            "objects with a text field (text, body, content…)",
        ));
    }
    Ok(Layout::Records(records))
}

/// A list of objects, an object holding such a list, or one object.
fn json(text: &str, warnings: &mut Vec<String>) -> Result<Layout, FileError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FileError::NotLoaded {
            reason: format!("is not valid JSON ({e})"),
        })?;
    match &value {
        serde_json::Value::Array(items) => records_of(items, warnings),
        serde_json::Value::Object(object) => {
            if let Some(record) = json_record(object) {
                return Ok(Layout::Records(vec![record]));
            }
            match object
                .values()
                .find_map(|v| v.as_array().filter(|a| a.iter().any(|x| x.is_object())))
            {
                Some(items) => records_of(items, warnings),
                None => Err(no_documents(
                    "objects with a text field (text, body, content…)",
                )),
            }
        }
        _ => Err(no_documents(
            "objects with a text field (text, body, content…)",
        )),
    }
}

/// One JSON object per line; lines that are not are counted in a warning.
fn json_lines(text: &str, warnings: &mut Vec<String>) -> Result<Layout, FileError> {
    let mut values = Vec::new();
    let mut bad = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => values.push(v),
            Err(_) => bad += 1,
        }
    }
    if bad > 0 {
        warnings.push(format!("{bad} line(s) were not JSON and were skipped"));
    }
    records_of(&values, warnings)
}

// ---------------------------------------------------------------- e-mail

/// Header fields (unfolded) and the body of a message or a MIME part.
fn split_message(text: &str) -> (Vec<(String, String)>, &str) {
    let (head, body) = match text
        .find("\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| text.find("\n\n").map(|i| (i, 2)))
    {
        Some((i, n)) => (&text[..i], &text[i + n..]),
        None => (text, ""),
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    (headers, body)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Quoted-printable: soft line breaks joined, =XX bytes decoded as UTF-8.
fn quoted_printable(body: &str) -> String {
    let joined = body.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A message: Subject as title, Date as the document date, the plain-text part as
/// text (the HTML part's text if there is no plain one).
pub fn email(text: &str, warnings: &mut Vec<String>) -> Record {
    let (headers, body) = split_message(text);
    let title = header(&headers, "subject")
        .map(str::to_string)
        .filter(|s| !s.is_empty());
    let date = header(&headers, "date").and_then(date_from_value);
    let text = message_text(&headers, body, warnings, 0);
    Record { title, text, date }
}

fn message_text(
    headers: &[(String, String)],
    body: &str,
    warnings: &mut Vec<String>,
    depth: usize,
) -> String {
    let content_type = header(headers, "content-type")
        .unwrap_or("text/plain")
        .to_ascii_lowercase();
    let encoding = header(headers, "content-transfer-encoding")
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/") && depth < 4 {
        let boundary = header(headers, "content-type").and_then(|ct| {
            let at = ct.to_ascii_lowercase().find("boundary=")? + "boundary=".len();
            Some(
                ct[at..]
                    .trim_matches(['"', ' '])
                    .split(['"', ';'])
                    .next()?
                    .to_string(),
            )
        });
        if let Some(boundary) = boundary.filter(|b| !b.is_empty()) {
            let marker = format!("--{boundary}");
            let parts: Vec<(Vec<(String, String)>, &str)> = body
                .split(marker.as_str())
                .skip(1)
                .filter(|p| !p.starts_with("--"))
                .map(split_message)
                .collect();
            let kind = |h: &[(String, String)]| {
                header(h, "content-type")
                    .unwrap_or("text/plain")
                    .to_ascii_lowercase()
            };
            let chosen = parts
                .iter()
                .find(|(h, _)| kind(h).starts_with("text/plain"))
                .or_else(|| {
                    parts
                        .iter()
                        .find(|(h, _)| kind(h).starts_with("multipart/"))
                })
                .or_else(|| parts.iter().find(|(h, _)| kind(h).starts_with("text/html")));
            if let Some((h, b)) = chosen {
                return message_text(h, b, warnings, depth + 1);
            }
        }
    }
    if encoding == "base64" {
        warnings.push("a base64-encoded part was left out".to_string());
        return String::new();
    }
    let decoded = if encoding == "quoted-printable" {
        quoted_printable(body)
    } else {
        body.to_string()
    };
    if content_type.starts_with("text/html") {
        html(&decoded).text
    } else {
        decoded.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    fn records(extension: &str, text: &str) -> (Vec<Record>, Vec<String>) {
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
                warnings.first().map(String::as_str).unwrap_or(""),
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
}
