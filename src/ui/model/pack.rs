//! What the pack explorer shows, from a pack's head and a computed view: the timeline's bars and a document's text in marked pieces.

use jiff::civil::Date;

use crate::engine::pack::format::{DocumentRecord, Timeline};

/// One bar of the pack's timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct PackBar {
    pub label: String,
    pub count: u64,
    /// Height as a share of the tallest bar, 0 to 1.
    pub height: f64,
    /// The days the bar stands for: clicking it narrows to them.
    pub range: (Date, Date),
    /// Within the state's date range.
    pub chosen: bool,
}

/// The year or month of a timeline key (`t:2024`, `t:2024-05`) as the days it covers.
fn bin_range(key: &str) -> Option<(Date, Date)> {
    let bin = key.strip_prefix("t:")?;
    match bin.split_once('-').filter(|(y, _)| !y.is_empty()) {
        Some((year, month)) => {
            let (year, month) = (year.parse::<i16>().ok()?, month.parse::<i8>().ok()?);
            let first = Date::new(year, month, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        None => {
            let year = bin.parse::<i16>().ok()?;
            Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?))
        }
    }
}

/// The bars to draw: the years, or a year's months when the range lies within one
/// year. `counts` holds the years' counts, then the months', as the view computes them.
pub fn pack_bars(timeline: &Timeline, counts: &[u64], range: Option<(Date, Date)>) -> Vec<PackBar> {
    let years = timeline.years.len();
    let within_year = range
        .filter(|(a, b)| a.year() == b.year())
        .map(|(a, _)| a.year());
    let bins: Vec<(&str, u64)> = match within_year {
        Some(year) => timeline
            .months
            .iter()
            .enumerate()
            .filter(|(_, v)| bin_range(&v.key).is_some_and(|(a, _)| a.year() == year))
            .map(|(i, v)| (v.key.as_str(), counts.get(years + i).copied().unwrap_or(0)))
            .collect(),
        None => timeline
            .years
            .iter()
            .enumerate()
            .map(|(i, v)| (v.key.as_str(), counts.get(i).copied().unwrap_or(0)))
            .collect(),
    };
    let tallest = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    bins.into_iter()
        .filter_map(|(key, count)| {
            let (first, last) = bin_range(key)?;
            let chosen = range.is_some_and(|(a, b)| a <= first && last <= b);
            Some(PackBar {
                label: key.trim_start_matches("t:").to_string(),
                count,
                height: count as f64 / tallest,
                range: (first, last),
                chosen,
            })
        })
        .collect()
}

/// A piece of a document's text: plain, or an entity mention with its type's code.
#[derive(Clone, Debug, PartialEq)]
pub struct TextPiece {
    pub text: String,
    pub mention: Option<&'static str>,
}

/// A document's text cut at its entity mentions (overlapping or out-of-bounds ones skipped).
pub fn marked_pieces(record: &DocumentRecord) -> Vec<TextPiece> {
    let text = &record.document.text;
    let mut mentions: Vec<_> = record.document.entities.iter().collect();
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut pieces = Vec::new();
    let mut at = 0;
    for mention in mentions {
        let inside = mention.start >= at
            && mention.end <= text.len()
            && mention.start < mention.end
            && text.is_char_boundary(mention.start)
            && text.is_char_boundary(mention.end);
        if !inside {
            continue;
        }
        if mention.start > at {
            pieces.push(TextPiece {
                text: text[at..mention.start].to_string(),
                mention: None,
            });
        }
        pieces.push(TextPiece {
            text: text[mention.start..mention.end].to_string(),
            mention: Some(mention.kind.code()),
        });
        at = mention.end;
    }
    if at < text.len() {
        pieces.push(TextPiece {
            text: text[at..].to_string(),
            mention: None,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack::format::{HeadValue, PieceRef};
    use crate::engine::{analyze_text, AnalysisOptions};

    fn value(key: &str) -> HeadValue {
        HeadValue {
            key: key.into(),
            label: String::new(),
            documents: 0,
            set: PieceRef::default(),
            country: None,
        }
    }

    fn timeline() -> Timeline {
        Timeline {
            years: vec![value("t:2023"), value("t:2024")],
            months: vec![value("t:2023-12"), value("t:2024-05"), value("t:2024-06")],
            ..Default::default()
        }
    }

    type BarCase = (
        &'static str,
        Option<(Date, Date)>,
        &'static [(&'static str, u64, bool)],
    );

    #[test]
    fn bars_are_years_or_the_months_of_one_year() {
        let counts = [4, 8, 1, 6, 2];
        let may = (Date::constant(2024, 5, 1), Date::constant(2024, 5, 31));
        let year = (Date::constant(2024, 1, 1), Date::constant(2024, 12, 31));
        let both = (Date::constant(2023, 1, 1), Date::constant(2024, 12, 31));
        let cases: &[BarCase] = &[
            (
                "no range: years",
                None,
                &[("2023", 4, false), ("2024", 8, false)],
            ),
            (
                "a year: its months",
                Some(year),
                &[("2024-05", 6, true), ("2024-06", 2, true)],
            ),
            (
                "a month: its year's months",
                Some(may),
                &[("2024-05", 6, true), ("2024-06", 2, false)],
            ),
            (
                "two years: years",
                Some(both),
                &[("2023", 4, true), ("2024", 8, true)],
            ),
        ];
        for (name, range, expected) in cases {
            let bars = pack_bars(&timeline(), &counts, *range);
            let found: Vec<(&str, u64, bool)> = bars
                .iter()
                .map(|b| (b.label.as_str(), b.count, b.chosen))
                .collect();
            assert_eq!(found, *expected, "{name}");
            assert!(
                bars.iter().all(|b| (0.0..=1.0).contains(&b.height)),
                "{name}"
            );
        }
    }

    #[test]
    fn marked_pieces_rebuild_the_text_and_mark_each_mention() {
        let text = "Anna Petrova met David Miller in Almaty on May 10, 2024.";
        let document = analyze_text("a.txt", text, &AnalysisOptions::default()).remove(0);
        let n_mentions = document.entities.len();
        let record = DocumentRecord {
            document,
            entity_ids: Vec::new(),
            mention_entities: Vec::new(),
        };
        let pieces = marked_pieces(&record);
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, record.document.text);
        assert_eq!(
            pieces.iter().filter(|p| p.mention.is_some()).count(),
            n_mentions
        );
        assert!(pieces
            .iter()
            .any(|p| p.text == "Almaty" && p.mention == Some("LOC")));
    }
}
