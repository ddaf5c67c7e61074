//! What can go wrong with a file: the one error the engine returns (the file is not read) and the warnings it notes (the file is read, with a caveat), both shown to the user per file.
//!
//! Analysing text never fails; only a file that cannot be read at all is an error,
//! and the other files of a load go on.

use std::borrow::Cow;
use std::fmt;

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileError {
    /// A known binary format, named ("PNG image", "ZIP archive").
    Binary {
        format: Cow<'static, str>,
    },
    /// Not a format Dossier reads.
    Unsupported {
        extension: String,
    },
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// The browser or file system could not read it.
    Unreadable {
        reason: String,
    },
    /// Not loaded, for the reason given, worded to follow the file's name
    /// ("could not be fetched (HTTP 404)", "is not a Dossier snapshot").
    NotLoaded {
        reason: String,
    },
    /// The user cancelled loading before this file was analysed.
    Cancelled,
    /// The user stopped this file's analysis after it ran for `seconds`.
    Stopped {
        seconds: u32,
    },
}

/// What the messages name as readable: every format of `ingest`.
const READ_FORMATS: &str =
    "text and Markdown, HTML, CSV/TSV, JSON/JSON Lines, e-mail (.eml), PDF (with a text layer), Word (.docx) and OpenDocument (.odt) files";

impl FileError {
    /// The file's size, where the refusal gives it (a file too large); else 0.
    pub fn size(&self) -> usize {
        match self {
            FileError::TooLarge { size, .. } => *size,
            _ => 0,
        }
    }
}

impl std::error::Error for FileError {}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Binary { format } => {
                write!(f, "is a {format}, not text: Dossier reads {READ_FORMATS}")
            }
            FileError::Unsupported { extension } => write!(
                f,
                "has an unsupported type (.{extension}): Dossier reads {READ_FORMATS}"
            ),
            FileError::Empty => write!(f, "is empty"),
            FileError::Unreadable { reason } => write!(f, "could not be read: {reason}"),
            FileError::NotLoaded { reason } => f.write_str(reason),
            FileError::Cancelled => write!(f, "was not loaded: loading was cancelled"),
            FileError::Stopped { seconds } => write!(
                f,
                "was not loaded: its analysis was stopped after {seconds} s (the other files went on)"
            ),
            FileError::TooLarge { size, limit } => write!(
                f,
                "is too large ({:.1} MB): the limit is {} MB per {}",
                *size as f64 / 1e6,
                limit / (1024 * 1024),
                if *limit == crate::engine::ingest::decode::MAX_PDF_BYTES { "PDF" } else { "file" }
            ),
        }
    }
}

/// Something to know about a file that was read: part of it was skipped, guessed or
/// decoded another way. Shown after the file's name; the documents still load.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Warning {
    /// Bytes that are not UTF-8 and hold no UTF-8 sequence: read as Windows-1252.
    ReadAsWindows1252,
    /// Invalid UTF-8 inside otherwise UTF-8 text, replaced with U+FFFD.
    InvalidUtf8Replaced { n_sequences: usize },
    /// UTF-16 text with unpaired surrogates, replaced with U+FFFD.
    InvalidUtf16Replaced,
    /// CSV/TSV rows the reader could not parse.
    RowsSkipped { n_rows: usize },
    /// No column is named like a text column; the one with the longest values was taken.
    TextColumnGuessed { column: String },
    /// JSON items without a text field.
    ItemsWithoutText { n_items: usize },
    /// JSON Lines lines that are not JSON objects.
    LinesNotJson { n_lines: usize },
    /// An e-mail part in base64, which is not decoded.
    Base64PartLeftOut,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::ReadAsWindows1252 => {
                f.write_str("not UTF-8: read as Windows-1252 (Western European)")
            }
            Warning::InvalidUtf8Replaced { n_sequences } => write!(
                f,
                "{n_sequences} invalid UTF-8 byte sequence(s) were replaced with \u{FFFD}"
            ),
            Warning::InvalidUtf16Replaced => {
                f.write_str("some characters were not valid UTF-16 and were replaced with \u{FFFD}")
            }
            Warning::RowsSkipped { n_rows } => {
                write!(f, "{n_rows} row(s) could not be read and were skipped")
            }
            Warning::TextColumnGuessed { column } => {
                write!(f, "text taken from the column \"{column}\" (the longest)")
            }
            Warning::ItemsWithoutText { n_items } => {
                write!(f, "{n_items} item(s) without a text field were skipped")
            }
            Warning::LinesNotJson { n_lines } => {
                write!(f, "{n_lines} line(s) were not JSON and were skipped")
            }
            Warning::Base64PartLeftOut => f.write_str("a base64-encoded part was left out"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message reads after the file's name and says what Dossier does read.
    #[test]
    fn messages_follow_the_file_name_and_name_what_is_read() {
        let cases: &[(&str, FileError, &str)] = &[
            (
                "binary",
                FileError::Binary {
                    format: "PNG image".into(),
                },
                "is a PNG image, not text: Dossier reads text and Markdown, HTML, CSV/TSV, JSON/JSON Lines, e-mail (.eml), PDF (with a text layer), Word (.docx) and OpenDocument (.odt) files",
            ),
            (
                "unsupported",
                FileError::Unsupported {
                    extension: "xyz".into(),
                },
                "has an unsupported type (.xyz): Dossier reads text and Markdown, HTML, CSV/TSV, JSON/JSON Lines, e-mail (.eml), PDF (with a text layer), Word (.docx) and OpenDocument (.odt) files",
            ),
            ("empty", FileError::Empty, "is empty"),
            (
                "too large",
                FileError::TooLarge {
                    size: 60_000_000,
                    limit: 50 * 1024 * 1024,
                },
                "is too large (60.0 MB): the limit is 50 MB per file",
            ),
            (
                "too large a PDF",
                FileError::TooLarge {
                    size: 210_000_000,
                    limit: crate::engine::ingest::decode::size_limit("scan.pdf"),
                },
                "is too large (210.0 MB): the limit is 100 MB per PDF",
            ),
            (
                "cancelled",
                FileError::Cancelled,
                "was not loaded: loading was cancelled",
            ),
            (
                "stopped",
                FileError::Stopped { seconds: 12 },
                "was not loaded: its analysis was stopped after 12 s (the other files went on)",
            ),
        ];
        for (name, error, expected) in cases {
            assert_eq!(error.to_string(), *expected, "{name}");
            let as_error: &dyn std::error::Error = error;
            assert!(as_error.source().is_none(), "{name}");
        }
        assert_eq!(
            Warning::RowsSkipped { n_rows: 2 }.to_string(),
            "2 row(s) could not be read and were skipped"
        );
    }
}
