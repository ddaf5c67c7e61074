//! The timeline: the corpus's axis with robust bounds, its granularity, and documents binned by period.

use jiff::civil::Date;

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;
use crate::engine::index::days::{date_of_day, day_number};

/// The width of a timeline bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// One bar: documents with a date mention in it. `precise` counts documents with a
/// mention that fits within the bar; `vague` those whose only mentions there span
/// more than one bar (a year-only mention on a month axis), drawn apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bin {
    pub first: Date,
    pub last: Date,
    pub precise: usize,
    pub vague: usize,
}

/// The timeline of a set of documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub granularity: Granularity,
    pub bins: Vec<Bin>,
    /// Documents with a mention before the first bar or after the last, and the
    /// extreme days found there (the outliers that would squash the axis).
    pub before: usize,
    pub after: usize,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    /// Documents of the set with no resolved date mention.
    pub undated: usize,
}

/// Mentions this far from the middle half of all mentions still belong on the axis:
/// a generation either way is context, a date centuries off is an outlier.
const MIN_SPREAD_DAYS: i32 = 10 * 366;
const FENCE_SPREADS: i32 = 4;

/// More than this many years on the axis: one bar per year; more than this many
/// days: one bar per month; else one per day.
const YEAR_BARS_ABOVE_DAYS: i32 = 3 * 366;
const MONTH_BARS_ABOVE_DAYS: i32 = 62;

/// The quartiles that place the fences are taken from at most this many mentions,
/// evenly spread over all of them: exact below, close above, and bounded in cost
/// (the axis is taken anew on every corpus change while a corpus loads). The bounds
/// themselves are the exact extremes within the fences.
const QUARTILE_SAMPLE: usize = 1 << 16;

/// The axis bounds: all mentions, unless a few outliers lie far beyond the middle
/// half of them (beyond the fences); those go to the before/after buckets.
fn robust_bounds(spans: &[(i32, i32)]) -> Option<(i32, i32)> {
    if spans.is_empty() {
        return None;
    }
    // Quartiles by selection, not sorting, in one buffer.
    let step = spans.len().div_ceil(QUARTILE_SAMPLE);
    let sample = || spans.iter().step_by(step);
    let n = sample().count();
    let k = |q: f64| ((n - 1) as f64 * q).round() as usize;
    let mut values: Vec<i32> = sample().map(|s| s.0).collect();
    let q1 = *values.select_nth_unstable(k(0.25)).1;
    values.clear();
    values.extend(sample().map(|s| s.1));
    let q3 = *values.select_nth_unstable(k(0.75)).1;
    let spread = (q3 - q1).max(MIN_SPREAD_DAYS);
    let (low_fence, high_fence) = (q1 - FENCE_SPREADS * spread, q3 + FENCE_SPREADS * spread);
    let first = spans
        .iter()
        .map(|s| s.0)
        .filter(|&s| s >= low_fence)
        .min()?;
    let last = spans
        .iter()
        .map(|s| s.1)
        .filter(|&e| e <= high_fence)
        .max()?;
    Some((first.min(last), last.max(first)))
}

fn bin_start(d: Date, g: Granularity) -> Date {
    match g {
        Granularity::Day => d,
        Granularity::Month => d.first_of_month(),
        Granularity::Year => d.first_of_year(),
    }
}

fn bin_end(start: Date, g: Granularity) -> Date {
    match g {
        Granularity::Day => start,
        Granularity::Month => start.last_of_month(),
        Granularity::Year => start.last_of_year(),
    }
}

fn next_bin(start: Date, g: Granularity) -> Option<Date> {
    bin_end(start, g).tomorrow().ok()
}

/// The granularity for an axis of this many days.
pub fn granularity_for(days: i32) -> Granularity {
    if days > YEAR_BARS_ABOVE_DAYS {
        Granularity::Year
    } else if days > MONTH_BARS_ABOVE_DAYS {
        Granularity::Month
    } else {
        Granularity::Day
    }
}

/// The axis of a corpus's timeline: the days its date mentions span, outliers
/// apart; None without a resolved date. It depends on the corpus alone, so that
/// the bars stay in place while filters change what they count.
pub fn timeline_axis(corpus: &Corpus) -> Option<(Date, Date)> {
    let (lo, hi) = robust_bounds(corpus.all_day_spans())?;
    Some((date_of_day(lo)?, date_of_day(hi)?))
}

/// The timeline of the documents in `set` on `axis`: the corpus's axis, or a
/// drill-down into part of it; mentions beyond it are counted apart.
///
/// Works on the corpus's day numbers: it runs on every click over every date
/// mention of the shown documents.
pub fn timeline(corpus: &Corpus, set: &DocSet, axis: Option<(Date, Date)>) -> Timeline {
    let shown = || (0..corpus.documents().len()).filter(|&d| set.contains(d));
    let Some((first_day, last_day)) = axis else {
        return Timeline {
            granularity: Granularity::Year,
            bins: Vec::new(),
            before: 0,
            after: 0,
            earliest: None,
            latest: None,
            undated: shown().filter(|&d| corpus.day_spans(d).is_empty()).count(),
        };
    };
    let (lo, hi) = (day_number(first_day), day_number(last_day));
    let granularity = granularity_for(hi - lo);
    let mut bins = empty_bars(first_day, last_day, granularity);
    let bar_of = BarOfDay::new(&bins, lo, hi);
    // Per bar, the last document counted there.
    let mut last_counted: Vec<Option<usize>> = vec![None; bins.len()];
    let (mut before, mut after, mut undated) = (0, 0, 0);
    let (mut earliest, mut latest) = (None::<i32>, None::<i32>);
    // A document's mentions spanning several bars, counted after its precise ones.
    let mut spanning: Vec<(usize, usize)> = Vec::new();
    for d in shown() {
        let spans = corpus.day_spans(d);
        if spans.is_empty() {
            undated += 1;
            continue;
        }
        let (mut is_before, mut is_after) = (false, false);
        // Within a document, precise mentions count first, so that a document
        // counted precisely in a bar is not also counted vague there.
        spanning.clear();
        for &(a, b) in spans {
            if b < lo {
                is_before = true;
                earliest = Some(earliest.map_or(a, |e| e.min(a)));
                continue;
            }
            if a > hi {
                is_after = true;
                latest = Some(latest.map_or(b, |l| l.max(b)));
                continue;
            }
            let (a, b) = (a.max(lo), b.min(hi));
            let first = bar_of.get(a);
            // Most mentions are one day: one look-up.
            let last = if b == a { first } else { bar_of.get(b) };
            if first != last {
                spanning.push((first, last));
            } else if last_counted[first] != Some(d) {
                last_counted[first] = Some(d);
                bins[first].precise += 1;
            }
        }
        for &(first, last) in &spanning {
            for k in first..=last {
                if last_counted[k] != Some(d) {
                    last_counted[k] = Some(d);
                    bins[k].vague += 1;
                }
            }
        }
        before += usize::from(is_before);
        after += usize::from(is_after);
    }
    Timeline {
        granularity,
        bins,
        before,
        after,
        earliest: earliest.and_then(date_of_day),
        latest: latest.and_then(date_of_day),
        undated,
    }
}

/// The bars of `granularity` from the one holding `first_day` to the one holding
/// `last_day`, nothing counted yet.
fn empty_bars(first_day: Date, last_day: Date, granularity: Granularity) -> Vec<Bin> {
    let mut bins = Vec::new();
    let mut start = bin_start(first_day, granularity);
    while start <= last_day {
        bins.push(Bin {
            first: start,
            last: bin_end(start, granularity),
            precise: 0,
            vague: 0,
        });
        match next_bin(start, granularity) {
            Some(next) => start = next,
            None => break,
        }
    }
    bins
}

/// Axes up to this many days map each day to its bar through a table (a few MB at
/// most); longer ones search the bars' starts.
const MAX_TABLE_DAYS: i32 = 1 << 20;

/// The bar of a day on an axis of bars: the last bar starting on or before it.
/// Asked for every date mention of the shown documents, so a table when it fits.
enum BarOfDay {
    Table { first_day: i32, bars: Vec<u32> },
    Search { starts: Vec<i32> },
}

impl BarOfDay {
    fn new(bins: &[Bin], first_day: i32, last_day: i32) -> BarOfDay {
        let starts: Vec<i32> = bins.iter().map(|b| day_number(b.first)).collect();
        if starts.is_empty() || last_day - first_day >= MAX_TABLE_DAYS {
            return BarOfDay::Search { starts };
        }
        let mut bars = Vec::with_capacity((last_day - first_day + 1) as usize);
        let mut bar = 0usize;
        for day in first_day..=last_day {
            while bar + 1 < starts.len() && starts[bar + 1] <= day {
                bar += 1;
            }
            bars.push(bar as u32);
        }
        BarOfDay::Table { first_day, bars }
    }

    /// The bar of `day`, which lies on the axis.
    fn get(&self, day: i32) -> usize {
        match self {
            BarOfDay::Table { first_day, bars } => {
                let at = (day - first_day).max(0) as usize;
                bars[at.min(bars.len() - 1)] as usize
            }
            BarOfDay::Search { starts } => starts.partition_point(|&s| s <= day).saturating_sub(1),
        }
    }
}

/// The label of a bar: "2024", "2024-05", "2024-05-10".
pub fn bin_label(bin: &Bin, granularity: Granularity) -> String {
    match granularity {
        Granularity::Year => bin.first.year().to_string(),
        Granularity::Month => format!("{:04}-{:02}", bin.first.year(), bin.first.month()),
        Granularity::Day => bin.first.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bars of an axis from `first` to `last`, as `timeline` lays them out.
    fn bins_between(first: Date, last: Date) -> Vec<Bin> {
        empty_bars(
            first,
            last,
            granularity_for(day_number(last) - day_number(first)),
        )
    }

    /// The fences with quartiles from every span, sorted: what the sample stands for.
    fn fences_from_every_span(spans: &[(i32, i32)]) -> (i32, i32) {
        let k = |q: f64| ((spans.len() - 1) as f64 * q).round() as usize;
        let mut firsts: Vec<i32> = spans.iter().map(|s| s.0).collect();
        let mut lasts: Vec<i32> = spans.iter().map(|s| s.1).collect();
        firsts.sort_unstable();
        lasts.sort_unstable();
        let (q1, q3) = (firsts[k(0.25)], lasts[k(0.75)]);
        let spread = (q3 - q1).max(MIN_SPREAD_DAYS);
        (q1 - FENCE_SPREADS * spread, q3 + FENCE_SPREADS * spread)
    }

    fn bounds_from_every_span(spans: &[(i32, i32)]) -> Option<(i32, i32)> {
        let (low, high) = fences_from_every_span(spans);
        let first = spans.iter().map(|s| s.0).filter(|&d| d >= low).min()?;
        let last = spans.iter().map(|s| s.1).filter(|&d| d <= high).max()?;
        Some((first, last))
    }

    #[test]
    fn sampled_quartiles_give_the_bounds_of_every_span() {
        // Days spread over 2000-2024 by a fixed pseudo-random walk.
        let spans_of = |n: usize| -> Vec<(i32, i32)> {
            let (lo, width) = (day_number(jiff::civil::date(2000, 1, 1)), 25 * 365);
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let day = lo + (x % width as u64) as i32;
                    (day, day + (x >> 40) as i32 % 3)
                })
                .collect()
        };
        // Outliers 200 days either side of each fence: a quartile a few weeks off
        // would move a fence past one of them.
        let near_the_fences = |mut spans: Vec<(i32, i32)>| {
            let (low, high) = fences_from_every_span(&spans);
            spans.extend([low - 200, low + 200, high - 200, high + 200].map(|d| (d, d)));
            spans
        };
        let cases = [
            (
                "fewer spans than the sample: exact",
                near_the_fences(spans_of(QUARTILE_SAMPLE / 2)),
            ),
            (
                "five times the sample, outliers near the fences",
                near_the_fences(spans_of(5 * QUARTILE_SAMPLE)),
            ),
            (
                "five times the sample, no outlier",
                spans_of(5 * QUARTILE_SAMPLE + 7),
            ),
        ];
        for (name, spans) in cases {
            assert_eq!(
                robust_bounds(&spans),
                bounds_from_every_span(&spans),
                "{name}"
            );
        }
    }

    #[test]
    fn the_table_of_bars_agrees_with_searching_the_starts() {
        let cases = [
            ("days", "2024-05-03", "2024-06-20"),
            ("months", "2023-11-15", "2025-02-02"),
            ("years", "1989-07-04", "2026-01-31"),
        ];
        for (name, first, last) in cases {
            let (first, last): (Date, Date) = (first.parse().unwrap(), last.parse().unwrap());
            let bins = bins_between(first, last);
            let (lo, hi) = (day_number(first), day_number(last));
            let table = BarOfDay::new(&bins, lo, hi);
            assert!(matches!(table, BarOfDay::Table { .. }), "{name}");
            let search = BarOfDay::Search {
                starts: bins.iter().map(|b| day_number(b.first)).collect(),
            };
            for day in lo..=hi {
                assert_eq!(table.get(day), search.get(day), "{name}: day {day}");
                let bar = &bins[table.get(day)];
                let date = date_of_day(day).unwrap();
                assert!(bar.first <= date && date <= bar.last, "{name}: {date}");
            }
        }
    }

    #[test]
    fn an_axis_of_millennia_searches_rather_than_tabulates() {
        let (first, last): (Date, Date) =
            ("0001-01-01".parse().unwrap(), "3000-12-31".parse().unwrap());
        let bins = bins_between(first, last);
        let table = BarOfDay::new(&bins, day_number(first), day_number(last));
        assert!(matches!(table, BarOfDay::Search { .. }));
        assert_eq!(table.get(day_number("2024-05-10".parse().unwrap())), 2023);
    }
}
