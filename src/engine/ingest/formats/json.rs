//! JSON (a list of objects, or an object holding one) and JSON Lines (an object per line), text, title and date fields found by name.

use super::{no_documents, Layout, Record, DATE_NAMES, TEXT_NAMES, TITLE_NAMES};
use crate::engine::error::{FileError, Warning};
use crate::engine::recognize::dates::date_from_value;

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
    warnings: &mut Vec<Warning>,
) -> Result<Layout, FileError> {
    let records: Vec<Record> = values
        .iter()
        .filter_map(|v| v.as_object().and_then(json_record))
        .collect();
    let skipped = values.len() - records.len();
    if skipped > 0 && !records.is_empty() {
        warnings.push(Warning::ItemsWithoutText { n_items: skipped });
    }
    if records.is_empty() {
        return Err(no_documents(
            "objects with a text field (text, body, content…)",
        ));
    }
    Ok(Layout::Records(records))
}

/// A list of objects, an object holding such a list, or one object.
pub(super) fn json(text: &str, warnings: &mut Vec<Warning>) -> Result<Layout, FileError> {
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
pub(super) fn json_lines(text: &str, warnings: &mut Vec<Warning>) -> Result<Layout, FileError> {
    let mut values = Vec::new();
    let mut bad = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => values.push(v),
            Err(_) => bad += 1,
        }
    }
    if bad > 0 {
        warnings.push(Warning::LinesNotJson { n_lines: bad });
    }
    records_of(&values, warnings)
}
