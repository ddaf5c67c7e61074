//! PDF files with a text layer: their text page by page in reading order, and the Title and CreationDate of their properties.
//!
//! Parsing, decryption with the empty password, font encodings and ToUnicode maps
//! are the `pdf-extract` crate's (on `lopdf`); it hands over each glyph with its
//! position, and `layout.rs` rebuilds lines, columns and paragraphs from those.
//! Chosen by measurement (the README's table): `lopdf`'s own extraction gives no
//! positions, so no columns or running heads; `pdf_oxide` lays out well but is 3.5
//! times the size in wasm; PDF.js is JavaScript, which the native tool cannot share.
//! What cannot be read says why: a scan without a text layer, a password, a broken
//! file, or more pages or unpacked content than the limits.
//!
//! The page's first-paint bundle does not carry this code: only the native build
//! and the PDF reader module the analysis workers load on their first PDF call it.

mod layout;

use std::io::Read;

use jiff::civil::Date;
use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

use crate::engine::error::FileError;
pub use layout::{join_line, page_segments, paragraphs, running_heads, spell_ligatures};
pub use layout::{Glyph, Segment};

/// The most pages read from one PDF (named in the message of a longer one).
pub const MAX_PAGES: usize = 20_000;

/// Pages read one by one after a page that stopped the reader's pass.
const MAX_PAGES_RETRIED: usize = 20;

/// The most that the compressed streams text is read from may unpack to, together
/// (a PDF bomb is refused with this limit in its message; images do not count).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Separates pages in a PDF's text: a form feed on a line of its own, as
/// pdftotext writes it. Blank to the splitter and the recogniser, counted for
/// a mention's page number.
pub const PAGE_BREAK: &str = "\n\u{c}\n";

/// A PDF's text and what its properties say.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdfText {
    /// Each page's paragraphs, one per line, in reading order.
    pub pages: Vec<String>,
    /// The Title property, when it is set.
    pub title: Option<String>,
    /// The day of the CreationDate property, when it is set.
    pub date: Option<Date>,
}

impl PdfText {
    /// The pages as one text, separated by [`PAGE_BREAK`].
    pub fn text(&self) -> String {
        self.pages.join(PAGE_BREAK)
    }
}

/// True when a file is to be read as a PDF: by its magic, or by its name.
pub fn is_pdf(name: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF") || crate::engine::ingest::decode::extension(name) == "pdf"
}

/// Where a text's pages break (its form feeds), found once so that the page of
/// each of many offsets is a binary search, not a scan of the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageBreaks(Vec<usize>);

impl PageBreaks {
    pub fn of(text: &str) -> PageBreaks {
        PageBreaks(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == 0x0C)
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// True for a text of one page (no form feed): no page to name.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The 1-based page of a byte offset.
    pub fn page_at(&self, offset: usize) -> usize {
        1 + self.0.partition_point(|&b| b < offset)
    }
}

fn unreadable(reason: &str) -> FileError {
    FileError::Unreadable {
        reason: reason.to_string(),
    }
}

/// Reads a PDF's text and properties, or says why it cannot be read.
///
/// The reader crates assume well-formed files in places and may panic on a damaged
/// one; where panics unwind (the native tool, the tests) that becomes this file's
/// message. In the browser a panic traps the PDF module, which the worker reloads.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfText, FileError> {
    std::panic::catch_unwind(|| read_pdf_unguarded(bytes)).unwrap_or_else(|_| {
        Err(unreadable(
            "the PDF reader failed on it (a damaged or unusual PDF)",
        ))
    })
}

fn read_pdf_unguarded(bytes: &[u8]) -> Result<PdfText, FileError> {
    check_unpacked_size(bytes, MAX_UNPACKED_BYTES)?;
    let mut doc = Document::load_mem(bytes)
        .map_err(|_| unreadable("it is not a valid PDF (a broken or truncated file)"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(unreadable(
            "it is password-protected (encrypted): Dossier cannot read it",
        ));
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.len() > MAX_PAGES {
        return Err(unreadable(&format!(
            "it has {} pages: Dossier reads PDFs of up to {MAX_PAGES} pages",
            numbers.len()
        )));
    }
    let drawn = draw_pages(&doc, &numbers);
    let segments: Vec<Vec<Segment>> = drawn
        .pages
        .iter()
        .map(|p| page_segments(&p.glyphs))
        .collect();
    let aside: Vec<&str> = drawn.pages.iter().map(|p| p.rotated.as_str()).collect();
    if segments.iter().all(Vec::is_empty) && aside.iter().all(|a| a.trim().is_empty()) {
        return Err(unreadable(if drawn.failed {
            "the PDF reader could not read its pages (a damaged or unusual PDF)"
        } else {
            "it has no text layer (a scan?): Dossier does not read images"
        }));
    }
    let pages = page_texts(&segments, &aside);
    let (title, date) = properties(&doc);
    Ok(PdfText { pages, title, date })
}

/// Every page's glyphs, in one pass over the document: asking for a page by its
/// number walks the whole page tree each time, which over thousands of pages is
/// quadratic. A page the reader fails on stops the pass: the pages after it are
/// read one by one (a few at most); a page that fails before it begins stays
/// empty, so that pages keep their numbers.
fn draw_pages(doc: &Document, numbers: &[u32]) -> DocumentGlyphs {
    let mut drawn = DocumentGlyphs::default();
    if pdf_extract::output_doc(doc, &mut drawn).is_err() {
        drawn.failed = true;
        let reached = drawn.pages.len().max(1);
        for &number in numbers.iter().skip(reached).take(MAX_PAGES_RETRIED) {
            let before = number as usize - 1;
            drawn.pages.truncate(before);
            drawn.pages.resize_with(before, PageGlyphs::default);
            let _ = pdf_extract::output_doc_page(doc, &mut drawn, number);
        }
    }
    drawn.pages.resize_with(numbers.len(), PageGlyphs::default);
    drawn
}

/// Each page's text: its lines but the running heads, as paragraphs, then the
/// text on turned baselines, ligatures spelled out.
fn page_texts(segments: &[Vec<Segment>], aside: &[&str]) -> Vec<String> {
    let heads = running_heads(segments);
    segments
        .iter()
        .zip(&heads)
        .zip(aside)
        .map(|((page, drop), aside)| {
            let body: Vec<Segment> = page
                .iter()
                .zip(drop)
                .filter(|(_, d)| !**d)
                .map(|(s, _)| s.clone())
                .collect();
            let mut text = paragraphs(&body).join("\n");
            if !aside.trim().is_empty() {
                text.push('\n');
                text.push_str(aside.trim());
            }
            spell_ligatures(&text).into_owned()
        })
        .collect()
}

/// One page's glyphs in page space, y growing downwards. Glyphs on a turned
/// baseline (a margin note set vertically, a diagonal stamp) are kept apart, in
/// drawing order, and read after the page's body.
#[derive(Default)]
struct PageGlyphs {
    glyphs: Vec<Glyph>,
    rotated: String,
}

/// Collects each page's glyphs as the reader draws them.
#[derive(Default)]
struct DocumentGlyphs {
    pages: Vec<PageGlyphs>,
    /// Whether the reader's pass stopped on a page.
    failed: bool,
    /// The current page's top edge: y is measured down from it.
    top: f64,
}

impl OutputDev for DocumentGlyphs {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.pages.push(PageGlyphs::default());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The font size through the text matrix: the side of a square of the same
        // area as the transformed (size, size) vector's rectangle, as pdf-extract does.
        let scaled_x = font_size * (trm.m11 + trm.m21);
        let scaled_y = font_size * (trm.m12 + trm.m22);
        let size = (scaled_x * scaled_y).abs().sqrt();
        let top = self.top;
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if trm.m12.abs() > 0.1 * trm.m11.abs().max(1e-9) {
            if !text.trim().is_empty() {
                page.rotated.push_str(text);
            } else if !page.rotated.ends_with(' ') {
                page.rotated.push(' ');
            }
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x: trm.m31 as f32,
            y: (top - trm.m32) as f32,
            width: (width * size) as f32,
            size: size as f32,
            text: text.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The Title and the day of the CreationDate in the document information dictionary.
fn properties(doc: &Document) -> (Option<String>, Option<Date>) {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let Some(info) = info else {
        return (None, None);
    };
    let string = |key: &[u8]| -> Option<String> {
        let object = info.get(key).ok()?;
        let (_, object) = doc.dereference(object).ok()?;
        match object {
            Object::String(bytes, _) => Some(text_string(bytes)),
            _ => None,
        }
    };
    let title = string(b"Title")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let date = string(b"CreationDate").and_then(|d| pdf_date(&d));
    (title, date)
}

/// A PDF text string: UTF-16 with its byte-order mark, else PDFDocEncoding (read
/// as Latin-1, which it equals for letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// The day of a PDF date ("D:20240510093000+02'00'").
fn pdf_date(text: &str) -> Option<Date> {
    let digits = text.trim().trim_start_matches("D:");
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i16>().ok();
    Date::new(number(0..4)?, number(4..6)? as i8, number(6..8)? as i8).ok()
}

/// Refuses a PDF whose compressed streams (other than images) unpack past `limit`
/// together: a few kilobytes can unpack to gigabytes. Every stream is inflated
/// once, counting, before the reader inflates what it needs. Linear in the file:
/// each byte is scanned a bounded number of times.
pub fn check_unpacked_size(bytes: &[u8], limit: u64) -> Result<(), FileError> {
    let mut total: u64 = 0;
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"stream") {
        let keyword = from + at;
        // The dictionary is read from the object's start, looked for a few KB back
        // but never before the previous keyword: each byte is scanned a bounded
        // number of times, however many streams there are.
        let lookback = keyword.saturating_sub(4096).max(from);
        from = keyword + 6;
        // "endstream" is not a stream's start; the dictionary ends just before it.
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            continue;
        }
        let dictionary_start = bytes[lookback..keyword]
            .windows(3)
            .rposition(|w| w == b"obj")
            .map_or(lookback, |p| lookback + p);
        let dictionary = &bytes[dictionary_start..keyword];
        // Every stream but an image's is tried, whatever its filter says (a filter
        // named through a reference would hide a /FlateDecode); data that is not
        // zlib stops at its first bytes.
        if find(dictionary, b"/Image").is_some() {
            continue;
        }
        let mut data = from;
        while data < bytes.len() && (bytes[data] == b'\r' || bytes[data] == b'\n') {
            data += 1;
        }
        total += inflated_size(&bytes[data..], limit - total + 1);
        if total > limit {
            return Err(unreadable(&format!(
                "its content unpacks past {} MB, the limit for a PDF (a PDF bomb?)",
                limit / (1024 * 1024)
            )));
        }
    }
    Ok(())
}

/// How many bytes a zlib stream inflates to, counting up to `cap` (a broken
/// stream counts what came out before the break).
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let mut decoder = flate2::read::ZlibDecoder::new(data).take(cap);
    let mut buffer = [0u8; 16 * 1024];
    let mut count = 0;
    while let Ok(n) = decoder.read(&mut buffer) {
        if n == 0 {
            break;
        }
        count += n as u64;
    }
    count
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests;
