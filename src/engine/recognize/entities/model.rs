//! The trained layer over the rules: a linear classifier that keeps, re-types or drops each span the rules found ("rule span, trained type").
//!
//! Each rule segment is described by hashed sparse features — its words and
//! their shapes, the words around it, where it stands (sentence or line start, a
//! headline, an all-capitals line), what the gazetteer and name lists say of it,
//! and the rules' own type and evidence — and scored for five classes: not an
//! entity of ours, PER, ORG, LOC, NORP. The weights are learned from the open
//! corpora of edited prose in `../shared/train` (an averaged perceptron, see
//! `tooling/train.rs`); `make train` writes them quantised to
//! `data/generated/entity_layer.bin`, embedded here, and `dossier cv` retrains them
//! per fold. The product runs the layer only on documents that do not read as news
//! reports (`genre.rs`), and there only drops spans (see [`Policy`]): on news (the
//! dev set, held out) re-typing and dropping lower overlap F1 by about 5 points,
//! because the spans it decides are companies there and titles, events or nothing in
//! the open corpora; on the other kinds dropping gains 1–7 points.
//!
//! Only segments the rules typed by their fallback (no evidence at all) are re-typed
//! or dropped: a gazetteer name, an organisation keyword, a title before a name, any
//! weak evidence stays as the rules say (see `decides`).

use super::shape::{is_acronym, starts_upper};
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::words::*;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The layer the product runs, written by `make train` (`dossier train-entities`).
const EMBEDDED: &[u8] = include_bytes!("../../../../data/generated/entity_layer.bin");
/// The first bytes of a stored layer; the version changes with the features.
const MAGIC: &[u8] = b"dossier entity layer 2\n";

/// A layer as stored: the quantisation step, and the rows that are not zero, each
/// as its distance from the previous such row and its classes' weights.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredLayer {
    scale: f32,
    rows: Vec<(u32, [i8; N_CLASSES])>,
}

/// Hashed feature space: 2^16 buckets per class.
pub const FEATURE_BITS: u32 = 16;
const N_BUCKETS: usize = 1 << FEATURE_BITS;

/// The classes a span is scored for; `None` is "not one of our entities".
pub const CLASSES: [Option<EntityType>; 5] = [
    None,
    Some(EntityType::Person),
    Some(EntityType::Organisation),
    Some(EntityType::Place),
    Some(EntityType::Nationality),
];
pub const N_CLASSES: usize = CLASSES.len();

/// The class index of a type (0 for none).
pub fn class_of(kind: Option<EntityType>) -> usize {
    CLASSES.iter().position(|c| *c == kind).unwrap_or(0)
}

/// A linear model: one weight per class per feature bucket.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// `weights[bucket * N_CLASSES + class]`.
    weights: Vec<f32>,
}

impl Model {
    /// A model of all-zero weights, to train.
    pub fn zeros() -> Model {
        Model {
            weights: vec![0.0; N_BUCKETS * N_CLASSES],
        }
    }

    pub fn weights_mut(&mut self) -> &mut [f32] {
        &mut self.weights
    }

    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// The weights quantised to one byte each, sparse: the scale, then for each
    /// bucket with a weight that is not zero, its distance from the previous such
    /// bucket and its classes' bytes (postcard: the distances as varints).
    pub fn to_bytes(&self) -> Vec<u8> {
        let largest = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let mut stored = StoredLayer {
            scale,
            rows: Vec::new(),
        };
        let mut previous = 0;
        for (bucket, row) in self.weights.chunks_exact(N_CLASSES).enumerate() {
            let quantised =
                std::array::from_fn(|c| (row[c] / scale).round().clamp(-127.0, 127.0) as i8);
            if quantised != [0; N_CLASSES] {
                stored.rows.push(((bucket - previous) as u32, quantised));
                previous = bucket;
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend(postcard::to_stdvec(&stored).expect("a layer serialises"));
        out
    }

    /// Reads [`Model::to_bytes`]; `None` if the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let body = bytes.strip_prefix(MAGIC)?;
        let (stored, rest) = postcard::take_from_bytes::<StoredLayer>(body).ok()?;
        if !rest.is_empty() || !stored.scale.is_finite() || stored.scale <= 0.0 {
            return None;
        }
        let mut model = Model::zeros();
        let mut bucket = 0usize;
        for (gap, row) in stored.rows {
            bucket = bucket.checked_add(gap as usize)?;
            let weights = model
                .weights
                .get_mut(bucket * N_CLASSES..(bucket + 1) * N_CLASSES)?;
            for (w, q) in weights.iter_mut().zip(row) {
                *w = f32::from(q) * stored.scale;
            }
        }
        Some(model)
    }

    /// The scores of each class for a span's features.
    pub fn scores(&self, features: &[u32]) -> [f32; N_CLASSES] {
        let mut scores = [0.0f32; N_CLASSES];
        for &f in features {
            let row = &self.weights[f as usize * N_CLASSES..(f as usize + 1) * N_CLASSES];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
        scores
    }

    /// The best class for a span's features (ties keep the lower index).
    pub fn predict(&self, features: &[u32]) -> usize {
        self.best_of(features, 0)
    }

    /// The best entity type for a span's features: "not an entity" is not a choice.
    pub fn predict_type(&self, features: &[u32]) -> EntityType {
        CLASSES[self.best_of(features, 1)].expect("classes from 1 on are types")
    }

    fn best_of(&self, features: &[u32], first_class: usize) -> usize {
        let scores = self.scores(features);
        let mut best = first_class;
        for (c, &s) in scores.iter().enumerate().skip(first_class) {
            if s > scores[best] {
                best = c;
            }
        }
        best
    }

    /// Decides the segments the rules typed by their fallback (no evidence at all):
    /// each takes the model's type, or is dropped when the model says it is not an
    /// entity of ours, as the policy allows.
    pub(super) fn retype(&self, doc: &DocumentView, segments: &mut Vec<Segment>, policy: Policy) {
        let mut features = Vec::new();
        let context = DocumentContext::new(doc, segments);
        segments.retain_mut(|seg| {
            if !decides(seg) {
                return true;
            }
            features.clear();
            span_features(doc, &context, seg, &mut features);
            let kind = match policy {
                Policy::RetypeOnly => self.predict_type(&features),
                Policy::DropOutsideNewsReports => match CLASSES[self.predict(&features)] {
                    None => return false,
                    Some(_) => seg.kind,
                },
                Policy::RetypeAndDrop => match CLASSES[self.predict(&features)] {
                    None => return false,
                    Some(kind) => kind,
                },
            };
            if kind != seg.kind {
                seg.kind = kind;
                seg.place = None;
            }
            true
        });
    }
}

/// The layer the product runs (`data/generated/entity_layer.bin`), read on first use.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(EMBEDDED).expect("data/generated/entity_layer.bin is an entity layer")
    })
}

/// Whether the trained layer decides a segment: one the rules typed by their
/// fallback (no evidence at all).
pub(super) fn decides(seg: &Segment) -> bool {
    seg.evidence == Evidence::Default
}

/// What the trained layer may do to a rule segment it decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Give it the model's entity type ("rule span, trained type").
    RetypeOnly,
    /// Also drop it when the model says it is no entity of ours.
    RetypeAndDrop,
    /// Only drop it when the model says it is no entity of ours, and only in documents
    /// that do not read as news reports (see `genre.rs`): what the product runs.
    /// Re-typing gains on some corpora and loses on others (a company in a filing
    /// becomes a place); dropping never lowers a type's F1 on any open corpus.
    DropOutsideNewsReports,
}

/// A feature's bucket: FNV-1a of its name, folded into the feature space.
fn bucket(name: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in name {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h ^ (h >> FEATURE_BITS)) & (N_BUCKETS as u32 - 1)
}

/// Collects feature names into buckets without allocating per feature.
struct Features<'o> {
    out: &'o mut Vec<u32>,
    name: Vec<u8>,
}

impl Features<'_> {
    fn add(&mut self, parts: &[&str]) {
        self.name.clear();
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                self.name.push(b'=');
            }
            self.name.extend_from_slice(p.as_bytes());
        }
        self.out.push(bucket(&self.name));
    }
}

/// A word's shape, runs folded: "Kazakhstan" → "Xx", "NATO" → "X", "A380" → "Xd", "J." → "X.".
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

fn code(kind: EntityType) -> &'static str {
    kind.code()
}

fn evidence_word(evidence: Evidence) -> &'static str {
    match evidence {
        Evidence::Default => "default",
        Evidence::Weak => "weak",
        Evidence::Strong => "strong",
    }
}

fn place_kind_word(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::City => "city",
        PlaceKind::Capital => "capital",
        PlaceKind::Continent => "continent",
    }
}

/// What the whole document says of its spans: which types the rules found with
/// evidence (the kind of text: company news, a village's history, a match report),
/// and, per span text, the words around every occurrence (Ratinov & Roth's
/// context aggregation: one "shares of Boeing" speaks for every "Boeing").
pub(super) struct DocumentContext {
    /// The type most spans with evidence have, if any.
    major_kind: Option<EntityType>,
    /// Per span text: the lower-case words right before and after its occurrences.
    around: HashMap<String, Vec<String>>,
}

impl DocumentContext {
    pub(super) fn new(doc: &DocumentView, segments: &[Segment]) -> DocumentContext {
        let mut counts: HashMap<EntityType, usize> = HashMap::new();
        let mut around: HashMap<String, Vec<String>> = HashMap::new();
        for seg in segments {
            if seg.evidence != Evidence::Default {
                *counts.entry(seg.kind).or_default() += 1;
            }
            let words = around
                .entry(doc.span_text(seg.first, seg.end).into_owned())
                .or_default();
            // Bounded per span text, so a name repeated a million times costs no more.
            if words.len() < 16 {
                let prev = seg.first.checked_sub(1).map_or("", |i| doc.word(i));
                let next = doc.word(seg.end);
                for (side, w) in [("p", prev), ("n", next)] {
                    if !w.is_empty() && !starts_upper(w) {
                        words.push(format!("{side}:{}", w.to_lowercase()));
                    }
                }
            }
        }
        let major_kind = counts
            .iter()
            .max_by_key(|(kind, n)| (**n, std::cmp::Reverse(**kind)))
            .map(|(kind, _)| *kind);
        DocumentContext { major_kind, around }
    }
}

/// The features of one segment (see the module's comment for what they are).
pub(super) fn span_features(
    doc: &DocumentView,
    context: &DocumentContext,
    seg: &Segment,
    out: &mut Vec<u32>,
) {
    let mut f = Features {
        out,
        name: Vec::with_capacity(48),
    };
    let rule = code(seg.kind);
    f.add(&["bias"]);
    f.add(&["rule", rule]);
    f.add(&["rule", rule, evidence_word(seg.evidence)]);
    let words: Vec<&str> = (seg.first..seg.end)
        .filter(|&i| doc.is_word(i))
        .map(|i| doc.word(i))
        .collect();
    word_features(&mut f, &words, rule);
    known_features(&mut f, doc, seg, &words);
    position_features(&mut f, doc, seg, rule);
    context_features(&mut f, doc, seg, rule, &words);
    document_features(&mut f, doc, context, seg, rule);
    likeness_features(&mut f, &words);
}

/// The kind of document, and the words around the span's other occurrences.
fn document_features(
    f: &mut Features,
    doc: &DocumentView,
    context: &DocumentContext,
    seg: &Segment,
    rule: &str,
) {
    let major = context.major_kind.map_or("none", code);
    f.add(&["doc-major", major]);
    f.add(&["doc-major", major, rule]);
    if let Some(words) = context
        .around
        .get(doc.span_text(seg.first, seg.end).as_ref())
    {
        let mut seen: Vec<&str> = words.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            f.add(&["around", w]);
        }
    }
}

/// How much the words look like given names, surnames, places or common words
/// (the name-likeness model), binned: first word, last word and the span's mean.
fn likeness_features(f: &mut Features, words: &[&str]) {
    const CLASS: [&str; 4] = ["given", "surname", "place", "word"];
    const BIN: [&str; 5] = ["0", "1", "2", "3", "4"];
    let model = name_likeness();
    let mut mean = [0.0f32; 4];
    let counted: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| starts_upper(w))
        .take(4)
        .collect();
    for (k, w) in counted.iter().enumerate() {
        let p = model.likeness(w);
        let at = if k == 0 {
            "first"
        } else if k + 1 == counted.len() {
            "last"
        } else {
            "mid"
        };
        let best = (0..4).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(0);
        f.add(&["nl-best", at, CLASS[best]]);
        for c in 0..4 {
            mean[c] += p[c] / counted.len() as f32;
        }
    }
    if counted.is_empty() {
        return;
    }
    for c in 0..4 {
        f.add(&["nl-mean", CLASS[c], BIN[((mean[c] * 5.0) as usize).min(4)]]);
    }
}

/// The words themselves: count, shapes, lower-case forms, first, last, suffix.
fn word_features(f: &mut Features, words: &[&str], rule: &str) {
    f.add(&["n", ["0", "1", "2", "3", "4+"][words.len().min(4)]]);
    let span_shape: Vec<String> = words.iter().take(4).map(|w| shape(w)).collect();
    f.add(&["shape", &span_shape.join(" ")]);
    for w in words.iter().take(6) {
        f.add(&["w", &w.to_lowercase()]);
    }
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        let last_l = last.to_lowercase();
        f.add(&["first", &first.to_lowercase()]);
        f.add(&["last", &last_l]);
        let chars: Vec<char> = last_l.chars().collect();
        if chars.len() >= 4 {
            let suffix: String = chars[chars.len() - 3..].iter().collect();
            f.add(&["suf3", &suffix]);
            f.add(&["suf3", &suffix, rule]);
        }
    }
}

/// What the name lists, keyword lists and gazetteer say of the span and its words.
fn known_features(f: &mut Features, doc: &DocumentView, seg: &Segment, words: &[&str]) {
    let lex = lexicon();
    let many = ["1", "2+"][usize::from(words.len() > 1)];
    if let (Some(&first), Some(&last)) = (words.first(), words.last()) {
        let flags = [
            (lex.is_given_name(first), "given-first"),
            (lex.is_surname(last), "surname-last"),
            (has_surname_ending(last), "surname-ending"),
            (is_org_keyword(last), "org-keyword-last"),
            (is_place_keyword(last), "place-keyword-last"),
            (lex.demonym(first).is_some(), "demonym-first"),
            (is_title(first), "title-first"),
        ];
        for (on, name) in flags {
            if on {
                f.add(&[name, many]);
            }
        }
        if let Some(&p) = lex.places_named(last).first() {
            f.add(&["gazetteer-last", place_kind_word(lex.place(p).kind)]);
        }
    }
    let span = doc.span_text(seg.first, seg.end);
    match lex.places_named(&span).first() {
        Some(&p) => f.add(&["gazetteer", place_kind_word(lex.place(p).kind)]),
        None if !lex.link_candidates(&span).is_empty() => f.add(&["small-town"]),
        None => {}
    }
    if is_acronym(&span) {
        f.add(&["acronym"]);
    }
    if span.chars().any(|c| c.is_ascii_digit()) {
        f.add(&["digit"]);
    }
    if seg.role.is_some() {
        f.add(&["role-before"]);
    }
}

/// Where it stands: a sentence or line start, a headline, a line in capitals.
fn position_features(f: &mut Features, doc: &DocumentView, seg: &Segment, rule: &str) {
    let at = &doc.tokens[seg.first];
    let flags = [
        (at.sentence_start, "sentence-start"),
        (at.line_start, "line-start"),
        (doc.in_headline[seg.first], "headline"),
        (doc.in_capitals_line[seg.first], "capitals-line"),
    ];
    for (on, name) in flags {
        if on {
            f.add(&[name, rule]);
        }
    }
}

/// The words around it, and how the document writes its words elsewhere.
fn context_features(
    f: &mut Features,
    doc: &DocumentView,
    seg: &Segment,
    rule: &str,
    words: &[&str],
) {
    let before = |k: usize| seg.first.checked_sub(k).map_or("", |i| doc.word(i));
    let after = |k: usize| doc.word(seg.end + k - 1);
    let lower_or_shape = |w: &str| {
        if w.is_empty() {
            "<none>".to_string()
        } else if starts_upper(w) && w.len() > 1 {
            format!("<{}>", shape(w))
        } else {
            w.to_lowercase()
        }
    };
    let prev = lower_or_shape(before(1));
    let next = lower_or_shape(after(1));
    f.add(&["prev", &prev]);
    f.add(&["next", &next]);
    f.add(&["prev", &prev, rule]);
    f.add(&["next", &next, rule]);
    f.add(&["prev2", &lower_or_shape(before(2))]);
    f.add(&["next2", &lower_or_shape(after(2))]);
    if is_saying_verb(after(1)) {
        f.add(&["saying-verb-after"]);
    }
    if is_role_noun(before(1)) {
        f.add(&["role-noun-before"]);
    }
    if doc
        .capitalised_mid_sentence
        .contains(words.first().copied().unwrap_or(""))
    {
        f.add(&["first-capitalised-elsewhere"]);
    }
    if words
        .iter()
        .all(|w| doc.seen_lowercase.contains(w.to_lowercase().as_str()))
    {
        f.add(&["all-seen-lowercase"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_layers_read_back_within_a_quantum() {
        let mut model = Model::zeros();
        let weights = model.weights_mut();
        weights[3] = 2.54;
        weights[N_CLASSES * 300 + 1] = -1.0;
        weights[N_CLASSES * (N_BUCKETS - 1) + 4] = 0.5;
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).expect("reads back");
        let quantum = 2.54 / 127.0;
        for (a, b) in model.weights().iter().zip(back.weights()) {
            assert!(
                (a - b).abs() <= quantum / 2.0 + 1e-6,
                "{a} read back as {b}"
            );
        }
        assert_eq!(back.to_bytes(), bytes, "stable once quantised");
    }

    #[test]
    fn bytes_that_are_no_layer_are_refused_not_read() {
        let bytes = {
            let mut model = Model::zeros();
            model.weights_mut()[7] = 1.0;
            model.to_bytes()
        };
        for cut in 0..bytes.len() - 1 {
            // A row cut short is refused; a cut between rows is a smaller model.
            let _ = Model::from_bytes(&bytes[..cut]);
        }
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::from_bytes(b"not a layer").is_none());
        let mut far = MAGIC.to_vec();
        let past_the_end = StoredLayer {
            scale: 1.0,
            rows: vec![(N_BUCKETS as u32, [1, 2, 3, 4, 5])],
        };
        far.extend(postcard::to_stdvec(&past_the_end).unwrap());
        assert!(Model::from_bytes(&far).is_none(), "a bucket past the end");
    }

    #[test]
    fn the_shipped_layer_is_read() {
        assert!(shipped().weights().iter().any(|&w| w != 0.0));
    }

    #[test]
    fn shapes_fold_runs_of_a_kind() {
        let cases: &[(&str, &str)] = &[
            ("Kazakhstan", "Xx"),
            ("NATO", "X"),
            ("A380", "Xd"),
            ("J.", "X."),
            ("al-Burhan", "x-Xx"),
            ("McDonald", "XxXx"),
        ];
        for (word, expected) in cases {
            assert_eq!(shape(word), *expected, "{word}");
        }
    }

    #[test]
    fn every_occurrence_of_a_span_carries_the_words_around_the_others() {
        use crate::engine::recognize::entities::candidates;
        use crate::engine::recognize::token::tokenize;
        let text = "Shares of Zorblat rose on Monday. Zorblat declined to comment.";
        let tokens = tokenize(text);
        let found = candidates(text, &tokens);
        let spans: Vec<_> = found
            .iter()
            .filter(|c| &text[c.start..c.end] == "Zorblat")
            .collect();
        assert_eq!(spans.len(), 2, "{found:?}");
        let of_before = bucket(b"around=p:of");
        assert!(spans.iter().all(|c| c.features.contains(&of_before)));
        let declined_after = bucket(b"around=n:declined");
        assert!(spans.iter().all(|c| c.features.contains(&declined_after)));
    }

    #[test]
    fn feature_buckets_are_stable_and_in_range() {
        assert_eq!(bucket(b"bias"), bucket(b"bias"));
        assert_ne!(bucket(b"rule=PER"), bucket(b"rule=ORG"));
        assert!((bucket(b"anything at all") as usize) < N_BUCKETS);
    }
}
