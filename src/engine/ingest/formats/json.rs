//! JSON (a list of objects, or an object holding one) and JSON Lines (an object per line), text, title and date fields found by name.
//!
//! The file is read as a stream: only the string fields Dossier reads are kept,
//! everything else is skipped as it is parsed, so a file's memory and time stay
//! linear in its size whatever its nesting (a tree of values would take some
//! sixty times the file for deeply nested items). serde_json's recursion limit
//! still refuses a file nested deeper than 128.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{no_documents, Layout, Record, DATE_NAMES, TEXT_NAMES, TITLE_NAMES};
use crate::engine::error::{FileError, Warning};
use crate::engine::recognize::dates::date_from_value;

/// The string fields of an object under a text, title or date name: for each, the
/// value under the first name of its list that has one (not blank).
#[derive(Default)]
struct Fields {
    text: Option<(usize, String)>,
    title: Option<(usize, String)>,
    date: Option<(usize, String)>,
}

impl Fields {
    /// Keeps `value` under `key` if the key is a name of a field read and ranks
    /// before what the object gave so far.
    fn offer(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        for (names, slot) in [
            (TEXT_NAMES, &mut self.text),
            (TITLE_NAMES, &mut self.title),
            (DATE_NAMES, &mut self.date),
        ] {
            if let Some(rank) = names.iter().position(|n| key.eq_ignore_ascii_case(n)) {
                if slot.as_ref().is_none_or(|(kept, _)| rank <= *kept) {
                    *slot = Some((rank, value.to_string()));
                }
            }
        }
    }

    fn reads(key: &str) -> bool {
        [TEXT_NAMES, TITLE_NAMES, DATE_NAMES]
            .iter()
            .any(|names| names.iter().any(|n| key.eq_ignore_ascii_case(n)))
    }

    /// A record, if the object has a text.
    fn record(self) -> Option<Record> {
        let (_, text) = self.text?;
        Some(Record {
            title: self.title.map(|(_, t)| t),
            text,
            date: self.date.and_then(|(_, d)| date_from_value(&d)),
        })
    }
}

/// A JSON value as this reader sees it: a string, a list of items (each an
/// object's fields, or nothing for anything else), an object's fields and its
/// first list holding objects, or something skipped.
enum Seen {
    Text(String),
    Items(Vec<Option<Fields>>),
    Object {
        fields: Fields,
        items: Option<Vec<Option<Fields>>>,
    },
    Skipped,
}

/// How deep the value being read stands: a list's items keep only their fields,
/// and values inside an item's fields are only strings.
#[derive(Clone, Copy, PartialEq)]
enum Depth {
    /// The file's value.
    Top,
    /// A value of the file's object: a string or a list of items kept.
    TopValue,
    /// An element of a list: an object's fields kept, anything else skipped.
    Item,
    /// A field of an item: a string kept, anything else skipped.
    Field,
}

struct SeenVisitor(Depth);

impl<'de> Visitor<'de> for SeenVisitor {
    type Value = Seen;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Seen, E> {
        Ok(Seen::Skipped)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Seen, E> {
        Ok(Seen::Skipped)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Seen, E> {
        Ok(Seen::Skipped)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Seen, E> {
        Ok(Seen::Skipped)
    }
    fn visit_unit<E>(self) -> Result<Seen, E> {
        Ok(Seen::Skipped)
    }
    fn visit_str<E>(self, value: &str) -> Result<Seen, E> {
        Ok(match self.0 {
            Depth::Item => Seen::Skipped,
            Depth::Top | Depth::TopValue | Depth::Field => Seen::Text(value.to_string()),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seen, A::Error> {
        if !matches!(self.0, Depth::Top | Depth::TopValue) {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Seen::Skipped);
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(SeenSeed(Depth::Item))? {
            items.push(match item {
                Seen::Object { fields, .. } => Some(fields),
                _ => None,
            });
        }
        Ok(Seen::Items(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Seen, A::Error> {
        if matches!(self.0, Depth::TopValue | Depth::Field) {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Seen::Skipped);
        }
        let mut fields = Fields::default();
        let mut items = None;
        while let Some(key) = map.next_key::<String>()? {
            let depth = match self.0 {
                Depth::Top => Depth::TopValue,
                _ if Fields::reads(&key) => Depth::Field,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            match map.next_value_seed(SeenSeed(depth))? {
                Seen::Text(value) => fields.offer(&key, &value),
                Seen::Items(list) if items.is_none() && list.iter().any(Option::is_some) => {
                    items = Some(list)
                }
                _ => {}
            }
        }
        Ok(Seen::Object { fields, items })
    }
}

/// Reads a value at a depth.
struct SeenSeed(Depth);

impl<'de> serde::de::DeserializeSeed<'de> for SeenSeed {
    type Value = Seen;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Seen, D::Error> {
        deserializer.deserialize_any(SeenVisitor(self.0))
    }
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Seen, D::Error> {
        deserializer.deserialize_any(SeenVisitor(Depth::Top))
    }
}

fn records_of(
    items: Vec<Option<Fields>>,
    warnings: &mut Vec<Warning>,
) -> Result<Layout, FileError> {
    let n_items = items.len();
    let records: Vec<Record> = items
        .into_iter()
        .filter_map(|item| item.and_then(Fields::record))
        .collect();
    let skipped = n_items - records.len();
    if skipped > 0 && !records.is_empty() {
        warnings.push(Warning::ItemsWithoutText { n_items: skipped });
    }
    if records.is_empty() {
        return Err(no_objects_with_text());
    }
    Ok(Layout::Records(records))
}

fn no_objects_with_text() -> FileError {
    no_documents("objects with a text field (text, body, content…)")
}

/// A list of objects, an object holding such a list, or one object.
pub(super) fn json(text: &str, warnings: &mut Vec<Warning>) -> Result<Layout, FileError> {
    let seen: Seen = serde_json::from_str(text).map_err(|e| FileError::NotLoaded {
        reason: format!("is not valid JSON ({e})"),
    })?;
    match seen {
        Seen::Items(items) => records_of(items, warnings),
        Seen::Object { fields, items } => match (fields.record(), items) {
            (Some(record), _) => Ok(Layout::Records(vec![record])),
            (None, Some(items)) => records_of(items, warnings),
            (None, None) => Err(no_objects_with_text()),
        },
        Seen::Text(_) | Seen::Skipped => Err(no_objects_with_text()),
    }
}

/// One JSON object per line; lines that are not are counted in a warning.
pub(super) fn json_lines(text: &str, warnings: &mut Vec<Warning>) -> Result<Layout, FileError> {
    let mut items = Vec::new();
    let mut bad = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parser = serde_json::Deserializer::from_str(line);
        match serde::de::DeserializeSeed::deserialize(SeenSeed(Depth::Item), &mut parser)
            .and_then(|seen| parser.end().map(|()| seen))
        {
            Ok(Seen::Object { fields, .. }) => items.push(Some(fields)),
            Ok(_) => items.push(None),
            Err(_) => bad += 1,
        }
    }
    if bad > 0 {
        warnings.push(Warning::LinesNotJson { n_lines: bad });
    }
    records_of(items, warnings)
}
