//! CSV and TSV: one document per row, the text column found by name or by length.

use super::{no_documents, pick, Layout, Record, DATE_NAMES, TEXT_NAMES, TITLE_NAMES};
use crate::engine::error::{FileError, Warning};
use crate::engine::recognize::dates::date_from_value;

/// One document per row. The text column is `chosen`, else found by name, else it
/// is the column with the longest values; title and date columns are used when named.
pub(super) fn table(
    text: &str,
    delimiter: u8,
    chosen: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> Result<Layout, FileError> {
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
        warnings.push(Warning::RowsSkipped { n_rows: n_bad });
    }
    let chosen = chosen.filter(|&k| k < header.len());
    let named = chosen.or_else(|| pick(&header, TEXT_NAMES));
    let text_column = named.unwrap_or_else(|| {
        let mut total = vec![0usize; header.len()];
        for row in &rows {
            for (k, v) in row.iter().enumerate().take(header.len()) {
                total[k] += v.len();
            }
        }
        (0..header.len()).max_by_key(|&k| total[k]).unwrap_or(0)
    });
    if named.is_none() && !header.is_empty() {
        warnings.push(Warning::TextColumnGuessed {
            column: header[text_column].clone(),
        });
    }
    let title_column = pick(&header, TITLE_NAMES).filter(|&k| k != text_column);
    // (A chosen column may be one named like a title or a date: it is then the text only.)
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

/// The column names of a table (its first record; empty when it has none).
pub(super) fn header(text: &str, delimiter: u8) -> Vec<String> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default()
}
