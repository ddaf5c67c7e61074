//! What a document's card and the reader say of it: its entities once each, a tally, dates as readers want them, a snippet, and the window of cards in view.

use crate::engine::recognize::dates::DocumentDateSource;
use crate::engine::{Anchoring, Corpus, DateMention, EntityType, Precision};
use jiff::civil::Date;

/// The normalised date as a reader wants it: "2024-05-10..11" for a range of days,
/// the TIMEX value otherwise ("2024-05", "1991", "2006-Q4").
pub fn date_label(m: &DateMention) -> String {
    match m.interval {
        Some((first, last)) if m.precision == Precision::Day && first != last => {
            if first.year() == last.year() && first.month() == last.month() {
                format!("{first}..{:02}", last.day())
            } else {
                format!("{first}..{last}")
            }
        }
        None if m.anchoring == Anchoring::Unresolved => format!("{} (no document date)", m.value),
        _ => m.value.clone(),
    }
}

/// How a document's date was found, for tooltips.
pub fn document_date_note(source: DocumentDateSource) -> &'static str {
    match source {
        DocumentDateSource::Dateline => "dated by its dateline",
        DocumentDateSource::Metadata => "dated by the file's metadata",
        DocumentDateSource::LatestInText => "dated by the latest full date in its text",
        DocumentDateSource::FileProperties => {
            "dated by the file's creation date (its text writes no full date)"
        }
        DocumentDateSource::LatestPastEvent => {
            "dated by the latest event it reports as past (a report is not older than its news)"
        }
    }
}

/// How a date was anchored, for tooltips.
pub fn anchoring_note(anchoring: Anchoring) -> &'static str {
    match anchoring {
        Anchoring::Explicit => "written out in full",
        Anchoring::YearInferred => "year taken from the document date or a nearby year",
        Anchoring::YearFromSentence => "year taken from a date of the same sentence",
        Anchoring::Relative => "counted from the document date",
        Anchoring::Unresolved => "relative, but the document has no date to count from",
    }
}

/// How a date was anchored, and, where its direction was guessed from the tense
/// (a month or named day without a year, a bare weekday), which way it was read.
pub fn date_note(m: &DateMention, written: &str, document_date: Option<Date>) -> &'static str {
    let bare_weekday = m.anchoring == Anchoring::Relative
        && m.precision == Precision::Day
        && WEEKDAY_NAMES
            .iter()
            .any(|w| written.len() >= w.len() && written[..w.len()].eq_ignore_ascii_case(w));
    let guessed = m.anchoring == Anchoring::YearInferred || bare_weekday;
    let after = match (m.interval, document_date) {
        (Some((first, _)), Some(date)) if guessed => first > date,
        _ => return anchoring_note(m.anchoring),
    };
    match (bare_weekday, after) {
        (false, false) => "year inferred from the document date: read as on or before it, as its sentence does not speak of the future (a guess)",
        (false, true) => "year inferred from the document date: read as after it, as its sentence speaks of the future (a guess)",
        (true, false) => "the nearest such day on or before the document date, as its sentence does not speak of the future (a guess)",
        (true, true) => "the next such day after the document date, as its sentence speaks of the future (a guess)",
    }
}

const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A document as its card summarises it.
#[derive(Clone, Debug, PartialEq)]
pub struct CardSummary {
    /// Visible entities, once per name, in order of first mention: (name, type code).
    pub entities: Vec<(String, &'static str)>,
    /// Date mentions as "text → value", with how each was anchored.
    pub dates: Vec<(String, &'static str)>,
    /// "2 people · 1 place · 3 dates"; types with none are left out.
    pub tally: String,
    /// The document date, or "undated".
    pub date: String,
    /// How the document date was found, for a tooltip.
    pub date_note: &'static str,
    /// The first line after the title with more than eight words, cut to 220 characters.
    pub snippet: String,
}

/// The summary of document `d` (hidden entities left out).
pub fn card_summary(corpus: &Corpus, d: usize) -> CardSummary {
    let doc = &corpus.documents()[d];
    let mut entities: Vec<(String, &'static str)> = Vec::new();
    let mut counts = [0usize; 4];
    for &e in corpus.mention_entities(d) {
        let entity = &corpus.entities()[e];
        if entity.hidden || entities.iter().any(|(n, _)| *n == entity.name) {
            continue;
        }
        entities.push((entity.name.clone(), entity.kind.code()));
        counts[entity.kind as usize] += 1;
    }
    let dates: Vec<(String, &'static str)> = doc
        .dates
        .iter()
        .map(|m| {
            let written = &doc.text[m.start..m.end];
            (
                format!("{written} → {}", date_label(m)),
                date_note(m, written, doc.date.map(|d| d.date)),
            )
        })
        .collect();
    let tally = [
        (counts[EntityType::Person as usize], "person", "people"),
        (
            counts[EntityType::Organisation as usize],
            "organisation",
            "organisations",
        ),
        (counts[EntityType::Place as usize], "place", "places"),
        (dates.len(), "date", "dates"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect::<Vec<_>>()
    .join(" · ");
    CardSummary {
        entities,
        dates,
        tally,
        date: doc
            .date
            .map(|dd| dd.date.to_string())
            .unwrap_or_else(|| "undated".into()),
        date_note: doc
            .date
            .map_or("no date written or given with the file", |d| {
                document_date_note(d.source)
            }),
        snippet: doc
            .text
            .lines()
            .skip(1)
            .find(|l| l.split_whitespace().count() > 8)
            .unwrap_or("")
            .chars()
            .take(220)
            .collect(),
    }
}

/// The cards to build for a list scrolled to `scroll_top` in a viewport `viewport`
/// pixels high: those in view and `overscan` more on each side, as a range of
/// positions among `n_cards` cards of `card_px` pixels.
pub fn window(
    scroll_top: f64,
    viewport: f64,
    card_px: f64,
    overscan: usize,
    n_cards: usize,
) -> std::ops::Range<usize> {
    let first = ((scroll_top / card_px).floor() as usize).saturating_sub(overscan);
    let last = ((scroll_top + viewport) / card_px).ceil() as usize + overscan;
    let first = first.min(n_cards);
    first..last.clamp(first, n_cards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{AnalysisOptions, Edit};

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        c.add_file(
            "talks.txt",
            b"Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024. Petrova said the talks of May 10-11 went well and would go on.\n",
            &AnalysisOptions::default(),
        );
        c
    }

    /// Issue 20: where the direction of a date was guessed from the tense, the
    /// hover says which way it was read.
    #[test]
    fn a_guessed_direction_is_said_on_hover() {
        let text = "Budget Vote\nMay 14, 2024\nThe vote is due in October. Sales fell in January. \
                    Shares fell on Thursday. The board will meet on Thursday. Prices rose in March 2023. \
                    They met yesterday.";
        let docs = crate::engine::analyze_text("vote.txt", text, &AnalysisOptions::default());
        let doc = &docs[0];
        let note = |written: &str| {
            let m = doc
                .dates
                .iter()
                .find(|m| &doc.text[m.start..m.end] == written && !written.is_empty())
                .unwrap_or_else(|| panic!("no date {written}"));
            date_note(m, written, doc.date.map(|d| d.date))
        };
        let cases = [
            (
                "future month",
                "October",
                "year inferred from the document date: read as after it",
            ),
            (
                "past month",
                "January",
                "year inferred from the document date: read as on or before it",
            ),
            ("written out", "March 2023", "written out in full"),
            (
                "counted, no guess",
                "yesterday",
                "counted from the document date",
            ),
        ];
        for (name, written, starts) in cases {
            assert!(
                note(written).starts_with(starts),
                "{name}: {}",
                note(written)
            );
        }
        let weekdays: Vec<&str> = doc
            .dates
            .iter()
            .filter(|m| &doc.text[m.start..m.end] == "Thursday")
            .map(|m| date_note(m, "Thursday", doc.date.map(|d| d.date)))
            .collect();
        assert_eq!(weekdays.len(), 2);
        assert!(
            weekdays[0].starts_with("the nearest such day on or before"),
            "{}",
            weekdays[0]
        );
        assert!(
            weekdays[1].starts_with("the next such day after"),
            "{}",
            weekdays[1]
        );
    }

    #[test]
    fn a_card_names_each_entity_once_and_tallies_by_type() {
        let c = corpus();
        let card = card_summary(&c, 0);
        let names: Vec<&str> = card.entities.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Almaty", "Anna Petrova", "David Miller", "Kazakhstan"],
            "in order of first mention, the headline's first"
        );
        assert_eq!(card.tally, "2 people · 2 places · 2 dates");
        // The talks of May 10-11 "went well": the report is of May 11 at the earliest.
        assert_eq!(card.date, "2024-05-11");
        assert!(card.date_note.contains("latest event it reports as past"));
        assert!(card
            .snippet
            .starts_with("Foreign Minister Anna Petrova met"));
        assert_eq!(
            card.dates,
            [
                (
                    "May 10, 2024 → 2024-05-10".to_string(),
                    "written out in full"
                ),
                (
                    "May 10-11 → 2024-05-10..11".to_string(),
                    "year inferred from the document date: read as on or before it, as its sentence does not speak of the future (a guess)"
                ),
            ]
        );
    }

    #[test]
    fn hidden_entities_leave_the_card() {
        let mut c = corpus();
        let miller = c
            .entities()
            .iter()
            .find(|e| e.name == "David Miller")
            .unwrap()
            .id
            .clone();
        c.edit(Edit::SetHidden {
            id: miller,
            hidden: true,
        })
        .unwrap();
        let card = card_summary(&c, 0);
        assert!(!card.entities.iter().any(|(n, _)| n == "David Miller"));
        assert_eq!(card.tally, "1 person · 2 places · 2 dates");
    }

    #[test]
    fn the_window_covers_the_cards_in_view_and_a_few_more() {
        let cases: &[(&str, f64, f64, usize, std::ops::Range<usize>)] = &[
            ("top", 0.0, 800.0, 1000, 0..8),
            ("scrolled", 184.0 * 100.0, 800.0, 1000, 97..108),
            ("near the end", 184.0 * 998.0, 800.0, 1000, 995..1000),
            ("few cards", 0.0, 800.0, 4, 0..4),
            ("none", 0.0, 800.0, 0, 0..0),
            (
                "scrolled past a list that shrank",
                184.0 * 500.0,
                800.0,
                10,
                10..10,
            ),
        ];
        for (name, top, viewport, n, expected) in cases {
            assert_eq!(window(*top, *viewport, 184.0, 3, *n), *expected, "{name}");
        }
    }
}
