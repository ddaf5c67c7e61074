//! HTML to text: the title, a published date from meta tags or `<time>`, and the body's text; scripts, styles and markup dropped, never kept or rendered.

use jiff::civil::Date;

use super::Record;
use crate::engine::recognize::dates::date_from_value;

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
