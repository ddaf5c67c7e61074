//! Word (.docx) and OpenDocument text (.odt) files: the text of their paragraphs in order (headings, lists and tables included), and the title and creation date of their properties.
//!
//! Both are ZIP archives of XML. Only the body part and the properties part are
//! read, each through a size limit (an archive that unpacks to gigabytes is refused,
//! named), and the XML is streamed: no tree is built, no external entity or DTD is
//! resolved, and nothing but text content is kept — attributes, fields' codes,
//! deleted text and comments are dropped.

use std::io::{Cursor, Read};

use jiff::civil::Date;
use quick_xml::events::Event;

use crate::engine::error::FileError;

/// Extensions of the office formats read here.
pub const OFFICE_EXTENSIONS: &[&str] = &["docx", "odt"];

/// The most one part of an archive may unpack to (a ZIP bomb is refused with this
/// limit in its message); the 50 MB file limit applies to the archive itself.
/// Word's XML is several times its text (a 12 MB text with short runs is 75 MB of
/// XML), so the limit leaves room for a text as large as a text file may be.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// An office file's text and what its properties say.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeText {
    /// Paragraphs, one per line, in document order.
    pub text: String,
    /// The Title property, when it is set.
    pub title: Option<String>,
    /// The day of the creation-date property, when it is set.
    pub date: Option<Date>,
}

/// How one format lays out its text.
struct Format {
    /// What the format is called in messages.
    name: &'static str,
    body_part: &'static str,
    properties_part: &'static str,
    /// Local names of the elements whose end closes a paragraph.
    paragraphs: &'static [&'static [u8]],
    /// The element text must be inside to count (Word keeps text in `w:t` only;
    /// field codes and deleted text live in other elements), if any.
    text_inside: Option<&'static [u8]>,
    /// The element tabs and breaks must be inside to count (Word's `w:tab` also
    /// declares tab stops in paragraph properties), if any.
    breaks_inside: Option<&'static [u8]>,
    tabs: &'static [u8],
    line_breaks: &'static [&'static [u8]],
    /// Whether a password-protected file lists its parts' encryption in the
    /// manifest (OpenDocument; Word writes another container, refused by its magic).
    encryption_in_manifest: bool,
    /// Whether white space in text is layout, collapsed to one space (OpenDocument),
    /// or meant (Word keeps it in `w:t`).
    collapses_whitespace: bool,
    /// Elements whose content is not running text: deleted or alternative
    /// content, comments, notes and their citations.
    skipped: &'static [&'static [u8]],
    title: &'static [u8],
    created: &'static [u8],
}

const WORD: Format = Format {
    name: "Word document",
    body_part: "word/document.xml",
    properties_part: "docProps/core.xml",
    paragraphs: &[b"p"],
    text_inside: Some(b"t"),
    breaks_inside: Some(b"r"),
    tabs: b"tab",
    line_breaks: &[b"br", b"cr"],
    collapses_whitespace: false,
    encryption_in_manifest: false,
    skipped: &[
        b"Fallback",
        b"del",
        b"instrText",
        b"delText",
        b"commentReference",
    ],
    title: b"title",
    created: b"created",
};

const OPEN_DOCUMENT: Format = Format {
    name: "OpenDocument text",
    body_part: "content.xml",
    properties_part: "meta.xml",
    paragraphs: &[b"p", b"h"],
    text_inside: None,
    breaks_inside: None,
    tabs: b"tab",
    line_breaks: &[b"line-break"],
    collapses_whitespace: true,
    encryption_in_manifest: true,
    skipped: &[
        b"annotation",
        b"tracked-changes",
        b"note",
        b"automatic-styles",
        b"font-face-decls",
        b"sequence-decls",
    ],
    title: b"title",
    created: b"creation-date",
};

/// Reads an office file's text and properties, or says why it cannot be read.
pub fn office(extension: &str, bytes: &[u8]) -> Result<OfficeText, FileError> {
    office_within(extension, bytes, MAX_PART_BYTES)
}

/// [`office`] with a limit on what one part may unpack to.
pub(super) fn office_within(
    extension: &str,
    bytes: &[u8],
    max_part_bytes: u64,
) -> Result<OfficeText, FileError> {
    let format = match extension {
        "docx" => &WORD,
        "odt" => &OPEN_DOCUMENT,
        other => {
            return Err(FileError::Unsupported {
                extension: other.to_string(),
            })
        }
    };
    // Office encrypts a password-protected .docx into an OLE container, not a ZIP.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(unreadable(format!(
            "it is password-protected (encrypted), or an old .doc renamed: Dossier cannot read such a {}",
            format.name
        )));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        unreadable(format!(
            "it is not a valid {} (a broken or truncated archive)",
            format.name
        ))
    })?;
    if format.encryption_in_manifest && is_encrypted_open_document(&mut archive, max_part_bytes) {
        return Err(unreadable(
            "it is password-protected (encrypted): Dossier cannot read it".to_string(),
        ));
    }
    let body =
        read_part(&mut archive, format.body_part, format, max_part_bytes)?.ok_or_else(|| {
            unreadable(format!(
                "it holds no {}: not a {}",
                format.body_part, format.name
            ))
        })?;
    let text = body_text(&body, format).map_err(|at| {
        unreadable(format!(
            "its {} is broken XML (at byte {at})",
            format.body_part
        ))
    })?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    // Properties are a courtesy: a broken or missing part leaves them unset.
    let properties = read_part(&mut archive, format.properties_part, format, max_part_bytes)
        .ok()
        .flatten();
    let (title, date) = properties
        .map(|xml| properties_of(&xml, format))
        .unwrap_or_default();
    Ok(OfficeText { text, title, date })
}

fn unreadable(reason: String) -> FileError {
    FileError::Unreadable { reason }
}

/// An OpenDocument file saved with a password lists its parts' encryption in the manifest.
fn is_encrypted_open_document(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    max_part_bytes: u64,
) -> bool {
    let Ok(manifest) = archive.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut head = Vec::new();
    manifest.take(max_part_bytes).read_to_end(&mut head).is_ok()
        && head.windows(15).any(|w| w == b"encryption-data")
}

/// One part's bytes, `None` when the archive lacks it; refused above `max_part_bytes`.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    format: &Format,
    max_part_bytes: u64,
) -> Result<Option<Vec<u8>>, FileError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(_)) => {
            return Err(unreadable(format!(
            "it is password-protected or compressed in a way Dossier does not read: not a plain {}",
            format.name
        )))
        }
        Err(_) => {
            return Err(unreadable(format!(
                "its {name} cannot be unpacked (a broken or truncated archive)"
            )))
        }
    };
    let too_large = || {
        unreadable(format!(
            "its {name} unpacks to more than {} MB (the limit per part; a ZIP bomb?)",
            max_part_bytes / (1024 * 1024)
        ))
    };
    if part.size() > max_part_bytes {
        return Err(too_large());
    }
    // The declared size may lie: read one byte past the limit to know.
    let mut bytes = Vec::new();
    part.take(max_part_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| {
            unreadable(format!(
                "its {name} cannot be unpacked (a broken or truncated archive)"
            ))
        })?;
    if bytes.len() as u64 > max_part_bytes {
        return Err(too_large());
    }
    Ok(Some(bytes))
}

/// The running text of a body part: paragraphs on lines of their own, tabs and
/// line breaks kept; `Err` with the byte position of broken XML.
fn body_text(xml: &[u8], format: &Format) -> Result<String, u64> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut body = BodyText::new(format);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| reader.error_position())?;
        match event {
            Event::Start(e) => body.start(e.local_name().as_ref()),
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Empty(e) => body.empty(&e),
            Event::Text(t) if body.text_counts() => {
                if let Ok(s) = t.decode() {
                    body.push_text(&s);
                }
            }
            Event::CData(t) if body.text_counts() => {
                body.text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if body.text_counts() => push_reference(&mut body.text, &r),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(tidy_lines(&body.text))
}

/// The text read so far, and how deep the reader is inside skipped, paragraph,
/// text and break-holding elements.
struct BodyText<'f> {
    format: &'f Format,
    text: String,
    skipping: usize,
    in_paragraph: usize,
    in_text: usize,
    in_breaks: usize,
}

impl<'f> BodyText<'f> {
    fn new(format: &'f Format) -> BodyText<'f> {
        BodyText {
            format,
            text: String::new(),
            skipping: 0,
            in_paragraph: 0,
            in_text: 0,
            in_breaks: 0,
        }
    }

    fn is_text_element(&self, name: &[u8]) -> bool {
        self.format.text_inside.is_some_and(|w| w == name)
    }

    fn is_break_holder(&self, name: &[u8]) -> bool {
        self.format.breaks_inside.is_some_and(|w| w == name)
    }

    /// Text counts inside a paragraph (and, for Word, inside `w:t`): the spaces
    /// that indent the XML between paragraphs are no text.
    fn text_counts(&self) -> bool {
        self.skipping == 0
            && self.in_paragraph > 0
            && (self.format.text_inside.is_none() || self.in_text > 0)
    }

    fn start(&mut self, name: &[u8]) {
        if self.skipping > 0 || self.format.skipped.contains(&name) {
            self.skipping += 1;
            return;
        }
        self.in_paragraph += usize::from(self.format.paragraphs.contains(&name));
        self.in_text += usize::from(self.is_text_element(name));
        self.in_breaks += usize::from(self.is_break_holder(name));
    }

    fn end(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        if self.is_text_element(name) {
            self.in_text = self.in_text.saturating_sub(1);
        }
        if self.is_break_holder(name) {
            self.in_breaks = self.in_breaks.saturating_sub(1);
        }
        if self.format.paragraphs.contains(&name) {
            self.in_paragraph = self.in_paragraph.saturating_sub(1);
            self.text.push('\n');
        }
    }

    /// An empty element: an empty paragraph, a tab, a line break, OpenDocument's spaces.
    fn empty(&mut self, e: &quick_xml::events::BytesStart) {
        if self.skipping > 0 {
            return;
        }
        let format = self.format;
        let name = e.local_name();
        let name = name.as_ref();
        let breaks_count = format.breaks_inside.is_none() || self.in_breaks > 0;
        if format.paragraphs.contains(&name) {
            self.text.push('\n');
        } else if breaks_count && name == format.tabs {
            self.text.push('\t');
        } else if breaks_count && format.line_breaks.contains(&name) {
            self.text.push('\n');
        } else if name == b"s" && format.text_inside.is_none() {
            // OpenDocument's run of spaces: <text:s text:c="3"/>.
            let count = e
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == b"c")
                .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                .unwrap_or(1);
            self.text.extend(std::iter::repeat_n(' ', count.min(1000)));
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.format.collapses_whitespace {
            push_collapsed(&mut self.text, s);
        } else {
            self.text.push_str(s);
        }
    }
}

/// Lines end trimmed, blank lines at either end dropped, and the text ends with one
/// newline, as a text file's does.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let mut text = lines[first..].join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// OpenDocument's rule for text in a paragraph: a run of white space (line breaks
/// and tabs of the XML's layout included) is one space, none at the paragraph's
/// start; spaces the document means are written as `<text:s/>` and `<text:tab/>`.
fn push_collapsed(text: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !(text.is_empty() || text.ends_with(' ') || text.ends_with('\n')) {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

/// A character or one of XML's five entities; others (only a DTD could declare
/// them, and none is read) are dropped.
fn push_reference(text: &mut String, reference: &quick_xml::events::BytesRef) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
    } else if let Some(s) = reference
        .decode()
        .ok()
        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
    {
        text.push_str(s);
    }
}

/// The title and the creation day of a properties part (Dublin Core in both formats).
fn properties_of(xml: &[u8], format: &Format) -> (Option<String>, Option<Date>) {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut title, mut created) = (None::<String>, None::<String>);
    let mut current: Option<&mut Option<String>> = None;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                current = if name.as_ref() == format.title {
                    Some(&mut title)
                } else if name.as_ref() == format.created {
                    Some(&mut created)
                } else {
                    None
                };
            }
            Ok(Event::Text(t)) => {
                if let (Some(field), Ok(s)) = (current.as_mut(), t.decode()) {
                    field.get_or_insert_with(String::new).push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(field) = current.as_mut() {
                    push_reference(field.get_or_insert_with(String::new), &r);
                }
            }
            Ok(Event::End(_)) => current = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    let title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    // "2024-05-10T08:00:00Z": the day is enough for a document date.
    let date = created.and_then(|c| c.trim().get(..10)?.parse::<Date>().ok());
    (title, date)
}
