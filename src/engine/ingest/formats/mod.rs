//! File formats beyond plain text: HTML (text only), CSV/TSV and JSON/JSON Lines (one document per row or object), e-mail (.eml), and Word and OpenDocument text (`office.rs`).
//!
//! Each format becomes records — a text with an optional title and date — that the
//! engine analyses like any document. Markup is only ever read to find text: an
//! HTML file's scripts, styles and attributes are dropped, never kept or rendered.

use jiff::civil::Date;

use crate::engine::error::{FileError, Warning};

mod email;
mod html;
mod json;
pub mod office;
pub mod pdf;
mod table;

pub use email::email;
pub use html::html;

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
pub(super) const TEXT_NAMES: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "message",
    "description",
    "summary",
];
pub(super) const TITLE_NAMES: &[&str] = &["title", "headline", "subject", "name"];
pub(super) const DATE_NAMES: &[&str] = &[
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

/// Reads a decoded file by its extension. Warnings go to the file's message;
/// `text_column` is the user's choice of a table's text column.
pub fn read(
    extension: &str,
    text: String,
    text_column: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> Result<Layout, FileError> {
    match extension {
        "html" | "htm" => Ok(Layout::Records(vec![html(&text)])),
        "csv" => table::table(&text, b',', text_column, warnings),
        "tsv" => table::table(&text, b'\t', text_column, warnings),
        "json" => json::json(&text, warnings),
        "jsonl" | "ndjson" => json::json_lines(&text, warnings),
        "eml" => Ok(Layout::Records(vec![email(&text, warnings)])),
        _ => Ok(Layout::Text(text)),
    }
}

/// The columns of a CSV or TSV file, from its first bytes (the header is its first
/// record), and the one its text is taken from unless the user chooses: the one
/// named like a text column, else `guessed` (a file's warning names it). `None`
/// for other files.
pub fn table_columns(
    name: &str,
    head: &[u8],
    guessed: Option<&str>,
) -> Option<(Vec<String>, usize)> {
    let delimiter = match crate::engine::ingest::decode::extension(name).as_str() {
        "csv" => b',',
        "tsv" => b'\t',
        _ => return None,
    };
    let text = crate::engine::ingest::decode::decode(name, head).ok()?.text;
    let header = table::header(&text, delimiter);
    if header.is_empty() {
        return None;
    }
    let current = pick(&header, TEXT_NAMES)
        .or_else(|| header.iter().position(|h| Some(h.as_str()) == guessed))
        .unwrap_or(0);
    Some((header, current))
}

pub(super) fn no_documents(what: &str) -> FileError {
    FileError::NotLoaded {
        reason: format!("holds no {what}"),
    }
}
/// The position of the first name (in order of preference) found among `names`.
pub(super) fn pick(names: &[String], wanted: &[&str]) -> Option<usize> {
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n.trim().eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests;
