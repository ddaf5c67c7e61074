//! Measuring near-duplicate grouping on pairs built from real texts: edited copies (republished with small edits, trimmed, updated) against distinct stories, including follow-ups that reuse a story's background.

use crate::engine::index::near_duplicates::{groups, Signature, THRESHOLD};

/// A pair of texts and whether they are versions of one story.
pub struct Pair {
    pub kind: &'static str,
    pub a: String,
    pub b: String,
    pub same_story: bool,
}

/// A small deterministic generator (xorshift), so the pairs are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '\n'])
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// Words replaced by others of the text with probability `percent`.
fn reword(text: &str, percent: u64, rng: &mut Rng) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    words
        .iter()
        .map(|&w| {
            if rng.chance(percent) {
                words[(rng.next() % words.len() as u64) as usize]
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sentences dropped with probability `percent` (the first always kept).
fn trim(text: &str, percent: u64, rng: &mut Rng) -> String {
    sentences(text)
        .iter()
        .enumerate()
        .filter(|(k, _)| *k == 0 || !rng.chance(percent))
        .map(|(_, s)| *s)
        .collect()
}

/// The versions and the distinct stories built from texts of at least 80 words:
/// each text against an edited copy of itself of each kind, and against the next
/// text and a follow-up (its first third, then another text).
pub fn pairs(texts: &[&str]) -> Vec<Pair> {
    let texts: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| t.split_whitespace().count() >= 80)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    for (k, &text) in texts.iter().enumerate() {
        let other = texts[(k + 1) % texts.len()];
        let versions: [(&str, String); 4] = [
            (
                "republished, 5% of words changed",
                reword(text, 5, &mut rng),
            ),
            (
                "trimmed, 25% of sentences dropped",
                trim(text, 25, &mut rng),
            ),
            (
                "updated, two sentences added",
                format!(
                    "{text} {}",
                    sentences(other).iter().take(2).copied().collect::<String>()
                ),
            ),
            (
                "heavily edited, 10% of words and 20% of sentences",
                trim(&reword(text, 10, &mut rng), 20, &mut rng),
            ),
        ];
        for (kind, version) in versions {
            out.push(Pair {
                kind,
                a: text.to_string(),
                b: version,
                same_story: true,
            });
        }
        if texts.len() > 1 {
            out.push(Pair {
                kind: "another story",
                a: text.to_string(),
                b: other.to_string(),
                same_story: false,
            });
            let background: String = {
                let s = sentences(text);
                s[..s.len() / 3].concat()
            };
            out.push(Pair {
                kind: "a follow-up reusing a third as background",
                a: text.to_string(),
                b: format!("{} {background}", sentences(other).concat()),
                same_story: false,
            });
        }
    }
    out
}

/// The texts of at least 80 words grouped all together, as a corpus of distinct
/// documents: how many joined another's group (each a false grouping, unless the
/// corpora hold copies), of how many.
pub fn distinct_joined(texts: &[&str]) -> (usize, usize) {
    let texts: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| t.split_whitespace().count() >= 80)
        .collect();
    let signatures: Vec<Signature> = texts.iter().map(|t| Signature::of(t)).collect();
    let group = groups(&signatures, THRESHOLD);
    let joined = group.iter().enumerate().filter(|&(d, &g)| d != g).count();
    (joined, texts.len())
}

/// Precision and recall of "similarity ≥ threshold" over the pairs, per threshold,
/// then per kind of pair at [`THRESHOLD`] through the grouping itself (banded
/// candidate search included), as printable lines.
pub fn report(pairs: &[Pair], thresholds: &[f32]) -> String {
    let scored: Vec<(f32, &Pair)> = pairs
        .iter()
        .map(|p| (Signature::of(&p.a).similarity(&Signature::of(&p.b)), p))
        .collect();
    let mut out = format!(
        "{} pairs ({} versions of one story, {} distinct stories)\nthreshold  precision  recall\n",
        pairs.len(),
        pairs.iter().filter(|p| p.same_story).count(),
        pairs.iter().filter(|p| !p.same_story).count()
    );
    for &t in thresholds {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (s, p) in &scored {
            match (*s >= t, p.same_story) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + fn_).max(1) as f64;
        out.push_str(&format!(
            "{t:>9.2}  {:>9.1}  {:>6.1}\n",
            100.0 * precision,
            100.0 * recall
        ));
    }
    out.push_str(&format!(
        "grouped at {THRESHOLD} (each pair alone, banded search), by kind of pair:\n"
    ));
    let mut kinds: Vec<&str> = pairs.iter().map(|p| p.kind).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let of_kind: Vec<&Pair> = pairs.iter().filter(|p| p.kind == kind).collect();
        let grouped = of_kind
            .iter()
            .filter(|p| {
                let g = groups(&[Signature::of(&p.a), Signature::of(&p.b)], THRESHOLD);
                g[0] == g[1]
            })
            .count();
        out.push_str(&format!(
            "  {kind:<52} {grouped:>5} of {:>5} grouped\n",
            of_kind.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_built_deterministically_from_long_texts_only() {
        let long_a = "The council met on Monday to discuss the budget. ".repeat(20);
        let long_b = "Farmers in the valley harvested a record crop this year. ".repeat(10);
        let texts = [long_a.as_str(), long_b.as_str(), "Too short."];
        let first = pairs(&texts);
        let again = pairs(&texts);
        assert_eq!(
            first.len(),
            12,
            "two texts, four versions and two distinct each"
        );
        assert!(first
            .iter()
            .zip(&again)
            .all(|(x, y)| x.a == y.a && x.b == y.b));
        assert!(report(&first, &[0.5]).contains("threshold"));
    }
}
