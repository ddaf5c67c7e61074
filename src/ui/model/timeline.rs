//! The timeline's drawing as data: bars keyed by period, their heights, the four colour paths, words for each bar and the outlier buttons.

use std::fmt::Write;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;

use crate::engine::explore::{bin_label, Bin, Granularity, Timeline};
use crate::engine::Date;

/// Height of the drawing in SVG units; bars are [`BAR`] units wide.
pub const HEIGHT: f64 = 100.0;
pub const BAR: f64 = 10.0;

/// A stable key for a row or bar from what it shows (keyed lists keep elements by it).
pub fn row_key(parts: impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

pub fn granularity_word(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "year",
        Granularity::Month => "month",
        Granularity::Day => "day",
    }
}

/// "2024-05: 3 documents (1 only by a date longer than a month)".
pub fn bin_summary(bin: &Bin, g: Granularity) -> String {
    let n = bin.precise + bin.vague;
    let mut s = format!(
        "{}: {n} document{}",
        bin_label(bin, g),
        if n == 1 { "" } else { "s" }
    );
    if bin.vague > 0 {
        let _ = write!(
            s,
            " ({} only by a date longer than a {})",
            bin.vague,
            granularity_word(g)
        );
    }
    s
}

/// One bar as data, with the key of what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BarData {
    /// The bar's period: a bar keeps its element (and the focus) while its counts
    /// and its place change, as they do on every refresh while a corpus loads and
    /// whenever a filter moves the ends of the axis.
    pub key: u64,
    pub k: usize,
    pub precise_h: f64,
    pub vague_h: f64,
    pub summary: String,
    pub label: String,
    /// The bar's first and last day.
    pub days: (Date, Date),
}

/// The bars, and where each one's key is among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bars {
    pub list: Vec<BarData>,
    pub position: FxHashMap<u64, usize>,
}

/// The bars of a timeline, scaled so that the tallest nearly fills the drawing.
pub fn bars(t: &Timeline) -> Bars {
    let max = t
        .bins
        .iter()
        .map(|b| b.precise + b.vague)
        .max()
        .unwrap_or(1)
        .max(1);
    let scale = (HEIGHT - 4.0) / max as f64;
    let list: Vec<BarData> = t
        .bins
        .iter()
        .enumerate()
        .map(|(k, bin)| {
            let label = bin_label(bin, t.granularity);
            BarData {
                key: row_key(&label),
                k,
                precise_h: bin.precise as f64 * scale,
                vague_h: bin.vague as f64 * scale,
                summary: bin_summary(bin, t.granularity),
                label,
                days: (bin.first, bin.last),
            }
        })
        .collect();
    let position = list.iter().map(|b| (b.key, b.k)).collect();
    Bars { list, position }
}

/// The bars' coloured parts as SVG path data, one path per kind of part.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarPaths {
    pub precise: String,
    pub vague: String,
    pub precise_chosen: String,
    pub vague_chosen: String,
}

/// Adds a bar's part (x, top, height; one bar wide, less a gap) to a path.
fn push_rect(path: &mut String, x: f64, top: f64, height: f64) {
    if height > 0.0 {
        let _ = write!(
            path,
            "M{x:.1} {top:.2}h{w}v{height:.2}h-{w}z",
            w = BAR - 2.0
        );
    }
}

/// The four paths of the bars (counted to the day or only to a longer period;
/// chosen or not): a refresh then changes four attributes, not one per bar.
pub fn bar_paths(bars: &Bars, chosen: impl Fn(usize, (Date, Date)) -> bool) -> BarPaths {
    let mut paths = BarPaths::default();
    for b in &bars.list {
        let (precise, vague) = if chosen(b.k, b.days) {
            (&mut paths.precise_chosen, &mut paths.vague_chosen)
        } else {
            (&mut paths.precise, &mut paths.vague)
        };
        let x = b.k as f64 * BAR + 1.0;
        push_rect(precise, x, HEIGHT - b.precise_h, b.precise_h);
        push_rect(vague, x, HEIGHT - b.precise_h - b.vague_h, b.vague_h);
    }
    paths
}

/// The bar under a point `fraction` of the way across the drawing (clamped to the ends).
pub fn bar_at_fraction(fraction: f64, n_bars: usize) -> Option<usize> {
    if n_bars == 0 || !fraction.is_finite() {
        return None;
    }
    Some(((fraction * n_bars as f64).floor().max(0.0) as usize).min(n_bars - 1))
}

/// The first, middle and last bars' labels, under the axis.
pub fn axis_labels(t: &Timeline) -> [String; 3] {
    let n = t.bins.len();
    let label = |k: usize| {
        t.bins
            .get(k)
            .map(|b| bin_label(b, t.granularity))
            .unwrap_or_default()
    };
    [label(0), label(n / 2), label(n.saturating_sub(1))]
}

/// A button for the documents dated outside the axis: its words, and the days from
/// the outlying extreme to the axis (what a click chooses).
#[derive(Clone, Debug, PartialEq)]
pub struct Outliers {
    pub label: String,
    pub days: Option<(Date, Date)>,
}

/// The buttons for documents dated before and after the axis, when there are any.
pub fn outliers(t: &Timeline) -> (Option<Outliers>, Option<Outliers>) {
    let before = (t.before > 0).then(|| Outliers {
        label: format!(
            "{} earlier{}",
            t.before,
            t.earliest
                .map(|d| format!(" (from {})", d.year()))
                .unwrap_or_default()
        ),
        days: t
            .earliest
            .zip(t.bins.first().and_then(|b| b.first.yesterday().ok())),
    });
    let after = (t.after > 0).then(|| Outliers {
        label: format!(
            "{} later{}",
            t.after,
            t.latest
                .map(|d| format!(" (to {})", d.year()))
                .unwrap_or_default()
        ),
        days: t
            .bins
            .last()
            .and_then(|b| b.last.tomorrow().ok())
            .zip(t.latest),
    });
    (before, after)
}

/// The chosen range as words: one day, or "first to last".
pub fn range_label((first, last): (Date, Date)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} to {last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn bin(first: &str, last: &str, precise: usize, vague: usize) -> Bin {
        Bin {
            first: day(first),
            last: day(last),
            precise,
            vague,
        }
    }

    fn months() -> Timeline {
        Timeline {
            granularity: Granularity::Month,
            bins: vec![
                bin("2024-04-01", "2024-04-30", 2, 0),
                bin("2024-05-01", "2024-05-31", 4, 1),
                bin("2024-06-01", "2024-06-30", 0, 0),
            ],
            before: 1,
            after: 0,
            earliest: Some(day("1066-10-14")),
            latest: None,
            undated: 3,
        }
    }

    #[test]
    fn bars_scale_to_the_tallest_and_keep_their_period_as_key() {
        let b = bars(&months());
        assert_eq!(b.list.len(), 3);
        assert_eq!(
            b.list[1].precise_h + b.list[1].vague_h,
            HEIGHT - 4.0,
            "tallest"
        );
        assert_eq!(b.list[0].precise_h, (HEIGHT - 4.0) * 2.0 / 5.0);
        assert_eq!(b.list[1].key, row_key("2024-05"), "keyed by its label");
        assert_eq!(b.position[&row_key("2024-06")], 2);
        let empty = bars(&Timeline {
            bins: Vec::new(),
            ..months()
        });
        assert!(empty.list.is_empty() && empty.position.is_empty());
    }

    #[test]
    fn summaries_name_the_period_and_the_vague_documents() {
        let cases: &[(&str, Bin, Granularity, &str)] = &[
            (
                "one document",
                bin("2024-04-01", "2024-04-30", 1, 0),
                Granularity::Month,
                "2024-04: 1 document",
            ),
            (
                "vague part",
                bin("2024-05-01", "2024-05-31", 4, 1),
                Granularity::Month,
                "2024-05: 5 documents (1 only by a date longer than a month)",
            ),
            (
                "a day",
                bin("2024-05-10", "2024-05-10", 2, 0),
                Granularity::Day,
                "2024-05-10: 2 documents",
            ),
        ];
        for (name, b, g, expected) in cases {
            assert_eq!(bin_summary(b, *g), *expected, "{name}");
        }
    }

    #[test]
    fn paths_split_bars_by_choice_and_skip_empty_parts() {
        let b = bars(&months());
        let paths = bar_paths(&b, |k, _| k == 1);
        assert_eq!(paths.precise, "M1.0 61.60h8v38.40h-8z", "bar 0, not chosen");
        assert!(
            paths.vague.is_empty(),
            "bar 0 has no vague part; bar 2 is empty"
        );
        assert!(
            paths.precise_chosen.starts_with("M11.0 "),
            "bar 1 is chosen"
        );
        assert_eq!(paths.vague_chosen.matches('M').count(), 1);
    }

    #[test]
    fn the_pointer_picks_the_bar_under_it() {
        let cases: &[(&str, f64, usize, Option<usize>)] = &[
            ("left edge", 0.0, 4, Some(0)),
            ("middle of the third", 0.6, 4, Some(2)),
            ("right edge", 1.0, 4, Some(3)),
            ("left of the drawing", -0.5, 4, Some(0)),
            ("right of the drawing", 3.0, 4, Some(3)),
            ("no bars", 0.5, 0, None),
            ("no width", f64::NAN, 4, None),
        ];
        for (name, fraction, n, expected) in cases {
            assert_eq!(bar_at_fraction(*fraction, *n), *expected, "{name}");
        }
    }

    #[test]
    fn outliers_and_labels() {
        let t = months();
        let (before, after) = outliers(&t);
        let before = before.expect("one earlier document");
        assert_eq!(before.label, "1 earlier (from 1066)");
        assert_eq!(
            before.days,
            Some((day("1066-10-14"), day("2024-03-31"))),
            "up to the day before the axis"
        );
        assert!(after.is_none());
        assert_eq!(axis_labels(&t), ["2024-04", "2024-05", "2024-06"]);
        assert_eq!(
            range_label((day("2024-05-10"), day("2024-05-10"))),
            "2024-05-10"
        );
        assert_eq!(
            range_label((day("2024-05-10"), day("2024-05-11"))),
            "2024-05-10 to 2024-05-11"
        );
    }
}
