//! E-mail (.eml): Subject as title, Date as the document date, the plain-text part as text.

use super::html::html;
use super::Record;
use crate::engine::error::Warning;
use crate::engine::recognize::dates::date_from_value;

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
pub fn email(text: &str, warnings: &mut Vec<Warning>) -> Record {
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
    warnings: &mut Vec<Warning>,
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
        warnings.push(Warning::Base64PartLeftOut);
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
