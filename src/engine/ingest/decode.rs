//! Bytes to text: recognises binary formats, refuses what cannot be read, decodes the rest.
//!
//! Only whole-file problems are errors here; a file with a few invalid bytes is
//! decoded with replacement characters and a warning, so nothing readable is lost.

use crate::engine::error::{FileError, Warning};

/// Files larger than this are refused whole (the limit is named in the message).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Extensions read as plain text.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// Decoded text and what went wrong along the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// Names the binary format of `bytes` from its first bytes, if it has one.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or Office document)"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x7FELF", "program (ELF executable)"),
        (b"MZ", "program (Windows executable)"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"\xD0\xCF\x11\xE0", "legacy Office document"),
        (b"RIFF", "media file"),
        (b"\x00\x00\x00", "binary file"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(name);
    }
    // UTF-16 text has NULs too, but starts with a byte-order mark.
    let head = &bytes[..bytes.len().min(8192)];
    let is_utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !is_utf16 && head.contains(&0) {
        return Some("binary file");
    }
    None
}

pub fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// PDFs larger than this are refused whole. A PDF's bytes are mostly images and
/// fonts, not text: a report of 60 MB is common where a text file of 60 MB is not.
pub const MAX_PDF_BYTES: usize = 100 * 1024 * 1024;

/// The most bytes a file of this name may have: [`MAX_PDF_BYTES`] for a PDF,
/// else [`MAX_FILE_BYTES`].
pub fn size_limit(name: &str) -> usize {
    if extension(name) == "pdf" {
        MAX_PDF_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Refuses a file above its [`size_limit`].
pub fn check_size(name: &str, bytes: &[u8]) -> Result<(), FileError> {
    let limit = size_limit(name);
    if bytes.len() > limit {
        return Err(FileError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    Ok(())
}

/// Decodes one file's bytes to text, or says why it cannot be read.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, FileError> {
    check_size(name, bytes)?;
    if let Some(format) = sniff_binary(bytes) {
        return Err(FileError::Binary {
            format: format.into(),
        });
    }
    let ext = extension(name);
    if !ext.is_empty()
        && !TEXT_EXTENSIONS.contains(&ext.as_str())
        && !crate::engine::ingest::formats::STRUCTURED_EXTENSIONS.contains(&ext.as_str())
    {
        return Err(FileError::Unsupported { extension: ext });
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        lossy(rest, &mut warnings)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let little = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if little {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        if text.contains('\u{FFFD}') {
            warnings.push(Warning::InvalidUtf16Replaced);
        }
        text
    } else {
        lossy(bytes, &mut warnings)
    };
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(Decoded { text, warnings })
}

/// UTF-8 if it is; Windows-1252 when no byte sequence above ASCII is valid UTF-8
/// (a file saved by an older Windows program); else UTF-8 with replacements.
fn lossy(bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) if !has_utf8_sequence(bytes) => {
            warnings.push(Warning::ReadAsWindows1252);
            bytes.iter().map(|&b| windows_1252(b)).collect()
        }
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let n_replaced = text.matches('\u{FFFD}').count();
            warnings.push(Warning::InvalidUtf8Replaced {
                n_sequences: n_replaced,
            });
            text
        }
    }
}

/// The WHATWG windows-1252 index: Latin-1, except 0x80–0x9F. Written out here
/// because encoding_rs, which carries every encoding's tables, added 129 KB gzipped
/// to the page for these 32 entries; a test checks the table against it.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// Whether any multi-byte UTF-8 sequence occurs: then the file is UTF-8 with errors,
/// not a single-byte encoding.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                if !std::str::from_utf8(&rest[..e.valid_up_to()]).is_ok_and(str::is_ascii) {
                    return true;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[skip.min(rest.len())..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_or_refuses_by_content_and_name() {
        /// (case name, file name, bytes, decoded text or error)
        type Case = (
            &'static str,
            &'static str,
            &'static [u8],
            Result<&'static str, FileError>,
        );
        let cases: &[Case] = &[
            ("utf8", "a.txt", "Zürich".as_bytes(), Ok("Zürich")),
            ("bom", "a.md", b"\xEF\xBB\xBFhi", Ok("hi")),
            ("utf16le", "a.txt", b"\xFF\xFEh\x00i\x00", Ok("hi")),
            ("no extension", "README", b"plain", Ok("plain")),
            (
                "pdf",
                "a.txt",
                b"%PDF-1.7 ...",
                Err(FileError::Binary {
                    format: "PDF document".into(),
                }),
            ),
            (
                "nul bytes",
                "a.txt",
                b"ab\x00cd",
                Err(FileError::Binary {
                    format: "binary file".into(),
                }),
            ),
            (
                "unsupported",
                "a.docx",
                b"text",
                Err(FileError::Unsupported {
                    extension: "docx".into(),
                }),
            ),
            ("empty", "a.txt", b"  \n", Err(FileError::Empty)),
        ];
        for (name, file, bytes, expected) in cases {
            let got = decode(file, bytes).map(|d| d.text);
            assert_eq!(
                got.as_deref().map_err(Clone::clone),
                expected.clone(),
                "case {name}"
            );
        }
    }

    #[test]
    fn the_windows_1252_table_agrees_with_encoding_rs() {
        for byte in 0..=255u8 {
            let one = [byte];
            let (expected, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
            assert_eq!(windows_1252(byte).to_string(), expected, "byte {byte:#04x}");
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_read_as_windows_1252_or_replaced() {
        // (case, bytes, text, warning starts with)
        let cases: [(&str, &[u8], &str, &str); 4] = [
            (
                "Latin-1 accents",
                b"caf\xE9 in Z\xFCrich",
                "café in Zürich",
                "not UTF-8: read as Windows-1252",
            ),
            (
                "Windows quotes and dash",
                b"\x93Peace\x94 \x96 at last",
                "“Peace” – at last",
                "not UTF-8: read as Windows-1252",
            ),
            (
                "UTF-8 with one bad byte",
                "café "
                    .as_bytes()
                    .iter()
                    .chain(b"\xFF ok")
                    .copied()
                    .collect::<Vec<u8>>()
                    .leak(),
                "café \u{FFFD} ok",
                "1 invalid UTF-8",
            ),
            ("UTF-8", "Zürich".as_bytes(), "Zürich", ""),
        ];
        for (name, bytes, text, warning) in cases {
            let decoded = decode("a.txt", bytes).unwrap();
            assert_eq!(decoded.text, text, "{name}");
            match decoded.warnings.first() {
                Some(w) => assert!(
                    w.to_string().starts_with(warning) && !warning.is_empty(),
                    "{name}: {w}"
                ),
                None => assert!(warning.is_empty(), "{name}: no warning"),
            }
        }
    }

    #[test]
    fn too_large_names_the_limit() {
        let err = FileError::TooLarge {
            size: 60_000_000,
            limit: MAX_FILE_BYTES,
        };
        assert!(err.to_string().contains("50 MB"));
    }
}
