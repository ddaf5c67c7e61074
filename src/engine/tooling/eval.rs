//! The evaluation boundary: gold JSONL in, prediction lines in the official scorer's format out.
//!
//! Offsets become Unicode code points here (the engine works in bytes).

use serde::{Deserialize, Serialize};

use crate::engine::tooling::extent::{phrase_start, Extent};
use crate::engine::tooling::offsets::CharOffsets;
use crate::engine::{analyze_document, AnalysisOptions, Date, EntityType};

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

/// Predicts one gold document, treated as a single document with `dct` as its metadata
/// date; each entity spans its name, or the noun phrase it heads under `Extent::Phrase`.
pub fn predict(gold: &GoldDocument, options: &AnalysisOptions, extent: Extent) -> Prediction {
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
                start: offsets.to_char(match extent {
                    Extent::Name => m.start,
                    Extent::Phrase => {
                        phrase_start(&document.text, m.start, m.end, m.kind == EntityType::Person)
                    }
                }),
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
    extent: Extent,
    out: &mut String,
    errors: &mut Vec<String>,
) {
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldDocument>(line) {
            Ok(gold) => {
                let prediction = predict(&gold, options, extent);
                out.push_str(&serde_json::to_string(&prediction).expect("predictions serialise"));
                out.push('\n');
            }
            Err(e) => errors.push(format!("line {}: {e}", n + 1)),
        }
    }
}

/// One annotated place mention of the linking test set (`eval/linking/gold.tsv`).
#[derive(Clone, Debug, PartialEq)]
pub struct GoldLink {
    pub document: String,
    /// Code points in the document's text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    /// A [`Place::key`](crate::engine::recognize::lexicon::Place::key), or "unlinked".
    pub key: String,
}

/// Parses the linking test set: tab-separated document, start, end, surface, key.
pub fn parse_gold_links(tsv: &str) -> Result<Vec<GoldLink>, String> {
    let mut links = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let parse = |s: &str| {
            s.parse::<usize>()
                .map_err(|e| format!("line {}: {e}", n + 1))
        };
        if f.len() < 5 {
            return Err(format!("line {}: expected 5 columns", n + 1));
        }
        links.push(GoldLink {
            document: f[0].to_string(),
            start: parse(f[1])?,
            end: parse(f[2])?,
            surface: f[3].to_string(),
            key: f[4].to_string(),
        });
    }
    Ok(links)
}

/// A place mention as the engine linked it, in code points of the annotated text.
#[derive(Clone, Debug, PartialEq)]
pub struct PredictedLink {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

/// The place mentions of analysed documents, with offsets moved into the text they
/// were cut from: `parts` pairs each document with its byte offset in `text`.
pub fn predicted_links(
    text: &str,
    parts: &[(usize, &crate::engine::Document)],
) -> Vec<PredictedLink> {
    let offsets = CharOffsets::new(text);
    let lex = crate::engine::recognize::lexicon::lexicon();
    let mut out = Vec::new();
    for (base, doc) in parts {
        for m in doc
            .entities
            .iter()
            .filter(|m| m.kind == crate::engine::EntityType::Place)
        {
            out.push(PredictedLink {
                start: offsets.to_char(base + m.start),
                end: offsets.to_char(base + m.end),
                key: m
                    .place
                    .map(|p| lex.place(p).key())
                    .unwrap_or_else(|| "unlinked".to_string()),
            });
        }
    }
    out
}

/// Linking accuracy: `correct` of `recognised` gold mentions that some predicted
/// place mention overlaps (and of `total`, counting the unrecognised as wrong).
#[derive(Debug, Default, PartialEq)]
pub struct LinkScore {
    pub total: usize,
    pub recognised: usize,
    pub correct: usize,
    /// Gold mention, and the keys predicted over it (empty: not recognised).
    pub errors: Vec<(GoldLink, Vec<String>)>,
}

/// A gold mention is linked correctly when a predicted place mention overlapping it
/// has its key (a gold span that wraps several places, "Seattle, Washington, in the
/// United States", is right if its head place is among them).
pub fn score_link(score: &mut LinkScore, gold: &GoldLink, predicted: &[PredictedLink]) {
    let over: Vec<&PredictedLink> = predicted
        .iter()
        .filter(|p| p.start < gold.end && gold.start < p.end)
        .collect();
    score.total += 1;
    if !over.is_empty() {
        score.recognised += 1;
    }
    if over.iter().any(|p| p.key == gold.key) {
        score.correct += 1;
    } else {
        let keys = over.iter().map(|p| p.key.clone()).collect();
        score.errors.push((gold.clone(), keys));
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
        let p = predict(&gold, &AnalysisOptions::default(), Extent::Name);
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
    fn phrase_extents_take_the_determiner_in_code_points() {
        let gold = GoldDocument {
            id: "x".into(),
            text: "In Zürich, the European Commission said the talks would resume.".into(),
            dct: None,
        };
        let chars: Vec<char> = gold.text.chars().collect();
        let names = |extent| -> Vec<String> {
            let p = predict(&gold, &AnalysisOptions::default(), extent);
            let span = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
            p.entities.iter().map(|e| span(e.start, e.end)).collect()
        };
        assert_eq!(names(Extent::Name), ["Zürich", "European Commission"]);
        assert_eq!(names(Extent::Phrase), ["Zürich", "the European Commission"]);
    }

    #[test]
    fn links_are_scored_by_overlap_and_key() {
        let gold = parse_gold_links(
            "# header\nd\t0\t7\tGeorgia\tgeonames:614540\nd\t20\t26\tBucha\tunlinked\nd\t30\t34\tNone\tunlinked\n",
        )
        .unwrap();
        let predicted = [
            PredictedLink {
                start: 0,
                end: 7,
                key: "geonames:614540".into(),
            },
            PredictedLink {
                start: 20,
                end: 25,
                key: "geonames:711350".into(),
            },
        ];
        let mut score = LinkScore::default();
        for g in &gold {
            score_link(&mut score, g, &predicted);
        }
        assert_eq!((score.total, score.recognised, score.correct), (3, 2, 1));
        assert_eq!(score.errors[1].1, Vec::<String>::new());
        assert!(parse_gold_links("d\tx\t1\ta\tb").is_err());
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let mut out = String::new();
        let mut errors = Vec::new();
        predict_jsonl(
            "{\"id\":\"a\",\"text\":\"Hi.\"}\nnot json\n",
            &AnalysisOptions::default(),
            Extent::Name,
            &mut out,
            &mut errors,
        );
        assert_eq!(out.lines().count(), 1);
        assert_eq!(errors.len(), 1);
    }
}
