//! Training and cross-validating the trained entity layer on the open corpora of `../shared/train`.
//!
//! Instances are the rules' spans (see `recognize::entities::candidates`), labelled
//! from the gold of the training corpora: the type of the gold mention that
//! overlaps a span most (MISC counts as "not one of ours"), or "not an entity"
//! when no gold mention overlaps it. Spans inside a don't-care region, and spans of
//! a type the corpus does not annotate, are left out of the loss, as the corpora's
//! README asks. Only spans the layer decides (those the rules typed by their
//! fallback) are trained on. Training is an averaged perceptron over a fixed, seeded order:
//! the same corpora give the same bytes.
//!
//! Scoring follows the official scorer (`../shared/eval/score.py`): exact and
//! overlap matches per type, predictions overlapping only a don't-care region
//! ignored; in addition only the types a corpus annotates are counted.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::engine::recognize::entities::model::{class_of, Model, Policy, CLASSES, N_CLASSES};
use crate::engine::recognize::entities::{
    candidates, recognize_with, Candidate, EntityType, Parts,
};
use crate::engine::recognize::token::tokenize;

use super::perceptron::averaged_perceptron;

/// Passes over the training instances.
pub const EPOCHS: usize = 8;

/// The corpora of edited prose, on which the layer is trained (social media differ
/// too much: the rules' labels are unreliable there, see issue 21).
pub const EDITED_PROSE: &[&str] = &["wikigold", "gum", "sec"];
/// Every corpus of `../shared/train`.
pub const ALL_CORPORA: &[&str] = &["wikigold", "gum", "sec", "btc", "wnut17"];

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct RawDocument {
    id: String,
    text: String,
    #[serde(default)]
    entity_types: Vec<String>,
    #[serde(default)]
    entities: Vec<RawSpan>,
    #[serde(default)]
    entities_dont_care: Vec<RawSpan>,
}

/// A gold document, offsets in bytes.
#[derive(Clone, Debug)]
pub struct TrainDocument {
    pub id: String,
    pub text: String,
    /// Types annotated exhaustively in its corpus.
    pub entity_types: Vec<String>,
    /// (start, end, type code) of every gold mention.
    pub gold: Vec<(usize, usize, String)>,
    pub dont_care: Vec<(usize, usize)>,
}

/// Reads a corpus in the evaluation format (code-point offsets) into byte offsets.
pub fn read_corpus(jsonl: &str) -> Result<Vec<TrainDocument>, String> {
    let mut documents = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDocument =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let byte_of: Vec<usize> = raw
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(raw.text.len()))
            .collect();
        let to_bytes = |s: &RawSpan| -> Option<(usize, usize)> {
            Some((*byte_of.get(s.start)?, *byte_of.get(s.end)?))
        };
        documents.push(TrainDocument {
            gold: raw
                .entities
                .iter()
                .filter_map(|s| {
                    let (a, b) = to_bytes(s)?;
                    Some((a, b, s.kind.clone()?))
                })
                .collect(),
            dont_care: raw.entities_dont_care.iter().filter_map(to_bytes).collect(),
            id: raw.id,
            text: raw.text,
            // The evaluation set has no such field: it annotates every type.
            entity_types: if raw.entity_types.is_empty() {
                ["PER", "ORG", "LOC", "NORP"].map(String::from).to_vec()
            } else {
                raw.entity_types
            },
        });
    }
    Ok(documents)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The class a candidate should get, or None when the gold cannot say (masked).
pub fn label(doc: &TrainDocument, c: &Candidate) -> Option<usize> {
    let span = (c.start, c.end);
    let best = doc
        .gold
        .iter()
        .map(|g| (overlap(span, (g.0, g.1)), g))
        .filter(|(o, _)| *o > 0)
        .max_by_key(|(o, g)| (*o, std::cmp::Reverse(g.0)));
    match best {
        Some((_, g)) => Some(class_of(EntityType::from_code(&g.2))),
        None if doc.dont_care.iter().any(|&d| overlap(span, d) > 0) => None,
        None if !doc.entity_types.iter().any(|t| t == c.rule_kind.code()) => None,
        None => Some(0),
    }
}

/// One training instance: a span's features and its class.
pub struct Instance {
    pub features: Vec<u32>,
    pub label: usize,
}

/// The trainable instances of some documents.
pub fn instances(documents: &[&TrainDocument]) -> Vec<Instance> {
    let mut out = Vec::new();
    for doc in documents {
        let tokens = tokenize(&doc.text);
        for c in candidates(&doc.text, &tokens) {
            if !c.open {
                continue;
            }
            if let Some(label) = label(doc, &c) {
                out.push(Instance {
                    features: c.features,
                    label,
                });
            }
        }
    }
    out
}

/// An averaged perceptron over the instances, [`EPOCHS`] passes in a seeded order,
/// quantised as the product stores it (so that every figure measures what ships).
pub fn train(instances: &[Instance]) -> Model {
    let model = train_unquantised(instances);
    Model::from_bytes(&model.to_bytes()).expect("a model reads back its own bytes")
}

/// The layer the product ships: trained on all the edited prose, as stored bytes.
pub fn shipped_layer(all: &BTreeMap<String, Vec<TrainDocument>>) -> Vec<u8> {
    train_unquantised(&instances(&corpora(all, EDITED_PROSE))).to_bytes()
}

fn train_unquantised(instances: &[Instance]) -> Model {
    let mut model = Model::zeros();
    let examples: Vec<(&[u32], usize)> = instances
        .iter()
        .map(|i| (i.features.as_slice(), i.label))
        .collect();
    averaged_perceptron(
        model.weights_mut(),
        N_CLASSES,
        &examples,
        EPOCHS,
        0x9e37_79b9_7f4a_7c15,
    );
    model
}

/// Exact and overlap counts for one type, as the official scorer keeps them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub exact_correct: usize,
    pub exact_found: usize,
    pub exact_ignored: usize,
    pub overlap_correct: usize,
    pub overlap_found: usize,
    pub overlap_ignored: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.exact_correct += o.exact_correct;
        self.exact_found += o.exact_found;
        self.exact_ignored += o.exact_ignored;
        self.overlap_correct += o.overlap_correct;
        self.overlap_found += o.overlap_found;
        self.overlap_ignored += o.overlap_ignored;
    }

    fn f1(correct: usize, counted: usize, found: usize, gold: usize) -> f64 {
        let p = if counted > 0 {
            correct as f64 / counted as f64
        } else {
            0.0
        };
        let r = if gold > 0 {
            found as f64 / gold as f64
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    pub fn exact_f1(&self) -> f64 {
        Counts::f1(
            self.exact_correct,
            self.pred - self.exact_ignored,
            self.exact_found,
            self.gold,
        )
    }

    pub fn overlap_f1(&self) -> f64 {
        Counts::f1(
            self.overlap_correct,
            self.pred - self.overlap_ignored,
            self.overlap_found,
            self.gold,
        )
    }
}

/// Scores per type code ("PER", "ORG", "LOC", "NORP"), and the PER+ORG+LOC sum as "micro".
pub type Scores = BTreeMap<&'static str, Counts>;

/// Runs the recogniser (the rules' `parts`, with `model` when given) over the
/// documents and scores it against their gold.
pub fn evaluate(
    documents: &[&TrainDocument],
    parts: Parts,
    model: Option<(&Model, Policy)>,
) -> Scores {
    let mut scores = Scores::new();
    for doc in documents {
        let tokens = tokenize(&doc.text);
        let predicted: Vec<(usize, usize, &str)> = recognize_with(&doc.text, &tokens, parts, model)
            .iter()
            .map(|m| (m.start, m.end, m.kind.code()))
            .collect();
        for class in CLASSES.iter().flatten() {
            let t = class.code();
            if !doc.entity_types.iter().any(|a| a == t) {
                continue;
            }
            let gold: Vec<(usize, usize)> = doc
                .gold
                .iter()
                .filter(|g| g.2 == t)
                .map(|g| (g.0, g.1))
                .collect();
            let mut pred: Vec<(usize, usize)> = predicted
                .iter()
                .filter(|p| p.2 == t)
                .map(|p| (p.0, p.1))
                .collect();
            pred.sort_unstable();
            pred.dedup();
            let c = scores.entry(class.code()).or_default();
            c.gold += gold.len();
            c.pred += pred.len();
            for &g in &gold {
                c.exact_found += usize::from(pred.contains(&g));
                c.overlap_found += usize::from(pred.iter().any(|&p| overlap(p, g) > 0));
            }
            for &p in &pred {
                let ignorable = doc.dont_care.iter().any(|&d| overlap(p, d) > 0)
                    && !doc.gold.iter().any(|g| overlap(p, (g.0, g.1)) > 0);
                if gold.contains(&p) {
                    c.exact_correct += 1;
                } else if ignorable {
                    c.exact_ignored += 1;
                }
                if gold.iter().any(|&g| overlap(p, g) > 0) {
                    c.overlap_correct += 1;
                } else if ignorable {
                    c.overlap_ignored += 1;
                }
            }
        }
    }
    let mut micro = Counts::default();
    for t in ["PER", "ORG", "LOC"] {
        if let Some(c) = scores.get(t) {
            micro.add(c);
        }
    }
    scores.insert("micro", micro);
    scores
}

/// The documents of the given corpora, by name.
pub fn corpora<'a>(
    all: &'a BTreeMap<String, Vec<TrainDocument>>,
    names: &[&str],
) -> Vec<&'a TrainDocument> {
    names
        .iter()
        .filter_map(|n| all.get(*n))
        .flat_map(|docs| docs.iter())
        .collect()
}

/// The settings compared in each row group: the rules alone, then with the trained
/// layer under each policy.
const SETTINGS: [(&str, Option<Policy>); 4] = [
    ("rules", None),
    ("+ trained, retype", Some(Policy::RetypeOnly)),
    ("+ trained, retype/drop", Some(Policy::RetypeAndDrop)),
    (
        "+ trained, drop outside news",
        Some(Policy::DropOutsideNewsReports),
    ),
];

/// One row of the cross-validation table.
pub struct Row {
    pub source: String,
    pub setting: String,
    pub scores: Scores,
}

/// 5-fold cross-validation within each edited-prose corpus and leave-one-corpus-out
/// over all corpora (training on the edited prose of the others), each beside the
/// rules alone on the same documents.
pub fn cross_validate(all: &BTreeMap<String, Vec<TrainDocument>>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut add = |source: &str, how: &str, scores: Vec<Scores>| {
        for ((setting, _), scores) in SETTINGS.iter().zip(scores) {
            rows.push(Row {
                source: source.to_string(),
                setting: format!("{how}: {setting}"),
                scores,
            });
        }
    };
    let run = |test: &[&TrainDocument], model: &Model| -> Vec<Scores> {
        SETTINGS
            .iter()
            .map(|(_, policy)| evaluate(test, Parts::ALL, policy.map(|p| (model, p))))
            .collect()
    };
    for &source in EDITED_PROSE {
        let Some(docs) = all.get(source) else {
            continue;
        };
        let mut totals = vec![Scores::new(); SETTINGS.len()];
        for fold in 0..5 {
            let in_fold = |k: usize| k % 5 == fold;
            let test: Vec<&TrainDocument> = docs
                .iter()
                .enumerate()
                .filter(|&(k, _)| in_fold(k))
                .map(|(_, d)| d)
                .collect();
            let train_docs: Vec<&TrainDocument> = docs
                .iter()
                .enumerate()
                .filter(|&(k, _)| !in_fold(k))
                .map(|(_, d)| d)
                .collect();
            if test.is_empty() {
                continue;
            }
            let model = train(&instances(&train_docs));
            for (total, scores) in totals.iter_mut().zip(run(&test, &model)) {
                merge(total, &scores);
            }
        }
        add(source, "5-fold", totals);
    }
    for &source in ALL_CORPORA {
        let Some(docs) = all.get(source) else {
            continue;
        };
        let test: Vec<&TrainDocument> = docs.iter().collect();
        let others: Vec<&str> = EDITED_PROSE
            .iter()
            .copied()
            .filter(|&c| c != source)
            .collect();
        let model = train(&instances(&corpora(all, &others)));
        add(source, "left out", run(&test, &model));
    }
    rows
}

/// What each part of the rules contributes: the rules on every whole corpus, then
/// with each part left out in turn.
pub fn contributions(all: &BTreeMap<String, Vec<TrainDocument>>) -> Vec<Row> {
    let settings = std::iter::once(("rules".to_string(), Parts::ALL)).chain(
        Parts::each_left_out()
            .into_iter()
            .map(|(name, parts)| (format!("rules without {name}"), parts)),
    );
    let settings: Vec<(String, Parts)> = settings.collect();
    let mut rows = Vec::new();
    for &source in ALL_CORPORA {
        let Some(docs) = all.get(source) else {
            continue;
        };
        let docs: Vec<&TrainDocument> = docs.iter().collect();
        for (setting, parts) in &settings {
            rows.push(Row {
                source: source.to_string(),
                setting: setting.clone(),
                scores: evaluate(&docs, *parts, None),
            });
        }
    }
    rows
}

/// The rules, and the rules with a layer trained on all the edited prose, on a
/// separate evaluation set (never trained on).
pub fn held_out_rows(
    all: &BTreeMap<String, Vec<TrainDocument>>,
    test: &[TrainDocument],
) -> Vec<Row> {
    let model = train(&instances(&corpora(all, EDITED_PROSE)));
    let test: Vec<&TrainDocument> = test.iter().collect();
    SETTINGS
        .iter()
        .map(|(setting, policy)| Row {
            source: "dev".to_string(),
            setting: format!("held out: {setting}"),
            scores: evaluate(&test, Parts::ALL, policy.map(|p| (&model, p))),
        })
        .collect()
}

fn merge(into: &mut Scores, from: &Scores) {
    for (t, c) in from {
        into.entry(t).or_default().add(c);
    }
}

/// The table: per row, exact / overlap F1 of PER, ORG, LOC and micro.
pub fn format_table(rows: &[Row]) -> String {
    let mut out = String::from(
        "source    setting                                  PER ex/ov     ORG ex/ov     LOC ex/ov     micro ex/ov\n",
    );
    for row in rows {
        out.push_str(&format!("{:<9} {:<39}", row.source, row.setting));
        for t in ["PER", "ORG", "LOC", "micro"] {
            match row.scores.get(t) {
                Some(c) if c.gold > 0 || c.pred > 0 => out.push_str(&format!(
                    "  {:>5.1} {:>5.1} ",
                    100.0 * c.exact_f1(),
                    100.0 * c.overlap_f1()
                )),
                _ => out.push_str("      -     - "),
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `make train` is deterministic and the committed layer is its output: retrain
    /// from `../shared/train` (beside the project, as in CI) and compare bytes.
    #[test]
    fn the_committed_layer_is_what_training_writes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/train");
        let mut all = BTreeMap::new();
        for name in EDITED_PROSE {
            let path = format!("{dir}/{name}.jsonl");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            all.insert(name.to_string(), read_corpus(&text).unwrap());
        }
        let committed = include_bytes!("../../../data/generated/entity_layer.bin");
        assert!(
            shipped_layer(&all) == committed,
            "data/generated/entity_layer.bin is stale: run make train"
        );
    }

    fn doc(text: &str, gold: &[(&str, &str)], dont_care: &[&str], types: &[&str]) -> TrainDocument {
        let find = |s: &str| {
            let a = text.find(s).unwrap();
            (a, a + s.len())
        };
        TrainDocument {
            id: "t".into(),
            text: text.into(),
            entity_types: types.iter().map(|t| t.to_string()).collect(),
            gold: gold
                .iter()
                .map(|(s, t)| {
                    let (a, b) = find(s);
                    (a, b, t.to_string())
                })
                .collect(),
            dont_care: dont_care.iter().map(|s| find(s)).collect(),
        }
    }

    #[test]
    fn an_evaluation_set_without_entity_types_annotates_every_type() {
        let dev =
            r#"{"id":"d","text":"Ana met Bo.","entities":[{"start":0,"end":3,"type":"PER"}]}"#;
        let train = r#"{"id":"t","text":"Ana met Bo.","entity_types":["LOC"],"entities":[]}"#;
        let dev = read_corpus(dev).unwrap();
        let train = read_corpus(train).unwrap();
        assert_eq!(dev[0].entity_types, ["PER", "ORG", "LOC", "NORP"]);
        assert_eq!(dev[0].gold, [(0, 3, "PER".to_string())]);
        assert_eq!(train[0].entity_types, ["LOC"]);
    }

    #[test]
    fn spans_take_the_label_of_the_gold_they_overlap_most_or_are_masked() {
        let d = doc(
            "Officials of Zentrix met Oyelaran Adebisi in Lagos during the Harvest Festival.",
            &[
                ("Oyelaran Adebisi", "PER"),
                ("Lagos", "LOC"),
                ("Harvest Festival", "MISC"),
            ],
            &["Zentrix"],
            &["PER", "ORG", "LOC"],
        );
        let tokens = tokenize(&d.text);
        let labels: Vec<(String, Option<usize>)> = candidates(&d.text, &tokens)
            .iter()
            .map(|c| (d.text[c.start..c.end].to_string(), label(&d, c)))
            .collect();
        for (span, expected) in [
            ("Zentrix", None),
            ("Oyelaran Adebisi", Some(class_of(Some(EntityType::Person)))),
            ("Lagos", Some(class_of(Some(EntityType::Place)))),
        ] {
            let got = labels.iter().find(|(s, _)| s == span).map(|(_, l)| *l);
            assert_eq!(got, Some(expected), "{span} in {labels:?}");
        }
    }

    #[test]
    fn training_is_deterministic_and_learns_a_separable_rule() {
        let instances: Vec<Instance> = (0..200)
            .map(|k| Instance {
                features: vec![0, 1 + (k % 2) as u32],
                label: 1 + (k % 2),
            })
            .collect();
        let a = train(&instances);
        let b = train(&instances);
        assert_eq!(a.weights(), b.weights(), "same data, same weights");
        assert_eq!(a.predict(&[0, 1]), 1);
        assert_eq!(a.predict(&[0, 2]), 2);
    }

    #[test]
    fn scoring_counts_exact_and_overlap_and_ignores_dont_care() {
        let d = doc(
            "Anna Petrova met officials of the Foo Bar Group in Paris.",
            &[("Anna Petrova", "PER"), ("Paris", "LOC")],
            &["Foo Bar Group"],
            &["PER", "ORG", "LOC"],
        );
        let scores = evaluate(&[&d], Parts::ALL, None);
        let per = scores["PER"];
        assert_eq!((per.gold, per.exact_found), (1, 1));
        let org = scores["ORG"];
        assert_eq!(
            org.pred, org.exact_ignored,
            "the group is in a don't-care region"
        );
        assert_eq!(scores["micro"].gold, 2);
    }
}
