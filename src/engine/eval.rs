//! The evaluation boundary: gold JSONL in, prediction lines in the official scorer's format out.
//!
//! Offsets become Unicode code points here (the engine works in bytes).

use serde::{Deserialize, Serialize};

use super::offsets::CharOffsets;
use super::{analyze_document, AnalysisOptions, Date};

/// The fields of a gold document that prediction needs.
#[derive(Deserialize)]
pub struct GoldDocument {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub dct: Option<String>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct PredictedEntity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct PredictedTimex {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct Prediction {
    pub id: String,
    pub entities: Vec<PredictedEntity>,
    pub timexes: Vec<PredictedTimex>,
}

/// Parses the leading `YYYY-MM-DD` of a document creation time.
pub fn parse_dct(dct: &str) -> Option<Date> {
    dct.get(..10)?.parse().ok()
}

/// Predicts one gold document, treated as a single document with `dct` as its metadata date.
pub fn predict(gold: &GoldDocument, options: &AnalysisOptions) -> Prediction {
    let dct = gold.dct.as_deref().and_then(parse_dct);
    let document = analyze_document(
        &gold.id,
        0,
        gold.id.clone(),
        gold.text.clone(),
        dct,
        None,
        options,
    );
    let offsets = CharOffsets::new(&document.text);
    Prediction {
        id: gold.id.clone(),
        entities: document
            .entities
            .iter()
            .map(|m| PredictedEntity {
                start: offsets.to_char(m.start),
                end: offsets.to_char(m.end),
                kind: m.kind.code(),
            })
            .collect(),
        timexes: document
            .dates
            .iter()
            .map(|m| PredictedTimex {
                start: offsets.to_char(m.start),
                end: offsets.to_char(m.end),
                kind: "DATE",
                value: m.value.clone(),
            })
            .collect(),
    }
}

/// Reads gold JSONL and writes one prediction line per document. A line that is
/// not valid gold is reported on `errors` and skipped.
pub fn predict_jsonl(
    gold_jsonl: &str,
    options: &AnalysisOptions,
    out: &mut String,
    errors: &mut Vec<String>,
) {
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldDocument>(line) {
            Ok(gold) => {
                let prediction = predict(&gold, options);
                out.push_str(&serde_json::to_string(&prediction).expect("predictions serialise"));
                out.push('\n');
            }
            Err(e) => errors.push(format!("line {}: {e}", n + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points_in_non_ascii_text() {
        let gold = GoldDocument {
            id: "x".into(),
            text: "Café owners in Zürich met Ararat Mirzoyan on May 3, 2024.".into(),
            dct: Some("2024-05-04".into()),
        };
        let p = predict(&gold, &AnalysisOptions::default());
        let chars: Vec<char> = gold.text.chars().collect();
        let span = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let names: Vec<String> = p.entities.iter().map(|e| span(e.start, e.end)).collect();
        assert!(names.contains(&"Zürich".to_string()), "{names:?}");
        assert!(names.contains(&"Ararat Mirzoyan".to_string()), "{names:?}");
        let t = &p.timexes[0];
        assert_eq!(span(t.start, t.end), "May 3, 2024");
        assert_eq!(t.value, "2024-05-03");
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let mut out = String::new();
        let mut errors = Vec::new();
        predict_jsonl(
            "{\"id\":\"a\",\"text\":\"Hi.\"}\nnot json\n",
            &AnalysisOptions::default(),
            &mut out,
            &mut errors,
        );
        assert_eq!(out.lines().count(), 1);
        assert_eq!(errors.len(), 1);
    }
}
