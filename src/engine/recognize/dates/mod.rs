//! Date expressions: found in a document's tokens, normalised to intervals, anchored to the document date.
//!
//! Each form is one matcher returning `Option<Found>` (None = not this form), tried
//! in order at each token, longest forms first. Matching is separate from
//! resolving: a found expression may lack its year or be relative ("yesterday"),
//! and is resolved against the document's anchor afterwards.
//!
//! Not supported yet: times of day as dates, holidays ("Christmas"), fiscal years
//! written with their year ("fiscal 2008" is read as the year 2008), spelled-out
//! years, and relative expressions beyond the common English ones.

use jiff::civil::Date;

use crate::engine::recognize::token::Token;

mod absolute;
mod anchor;
mod calendar;
mod expr;
mod part;
mod periods;
mod relative;
mod resolve;
mod scan;
pub(super) mod tables;
mod tense;

pub use anchor::{date_from_value, metadata_date};
use anchor::{document_date, explicit_year};
use expr::{Expr, Found, Step};
use resolve::{resolve, shifted_by_years};
use scan::scan;
pub use tables::is_month_word;

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    /// A half-year ("the first half": H1).
    Half,
    Year,
    Decade,
    /// A vague reference ("now", "recently") with no interval.
    Vague,
}

/// How a date's value was obtained, so that the interface can show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchoring {
    /// Everything was written out ("April 19, 2024", "1991").
    Explicit,
    /// The year came from the document date or a nearby year in the text.
    YearInferred,
    /// The year came from a period written with its year in the same sentence
    /// ("the second half of 2012 … the first half").
    YearFromSentence,
    /// Counted from the document date ("yesterday", "last week").
    Relative,
    /// Needs a document date that this document does not have.
    Unresolved,
}

/// Day-month order for numeric dates such as 03/04/2024.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NumericOrder {
    /// Decide only when one number exceeds 12; otherwise flag as ambiguous.
    #[default]
    Unknown,
    DayFirst,
    MonthFirst,
}

/// One date mention, normalised.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// First and last day, inclusive; None when unresolved or vague.
    pub interval: Option<(Date, Date)>,
    pub precision: Precision,
    pub anchoring: Anchoring,
    /// A numeric date whose day-month order could not be settled.
    pub ambiguous: bool,
    /// TIMEX3-style value: 2024-05-10, 2024-05, 2006-Q4, 2004-W47, 2009-SU, 199, PRESENT_REF.
    pub value: String,
}

/// The date a document is anchored to, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentDate {
    pub date: Date,
    pub source: DocumentDateSource,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentDateSource {
    /// A date line near the top of the document.
    Dateline,
    /// Given with the file (front matter, an e-mail header, the evaluation's `dct`).
    Metadata,
    /// The latest full date written in the document.
    LatestInText,
    /// The last day of the latest event the document reports in the past tense,
    /// later than any full date it writes (see `recognize`).
    LatestPastEvent,
    /// The creation date of an office file's properties, when the text writes no full date.
    FileProperties,
}

/// Context for resolving a document's dates.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateContext {
    /// A document date known from metadata; takes precedence over the text's own
    /// dates except a dateline.
    pub metadata_date: Option<Date>,
    /// The creation day an office file's properties give: weaker than any full
    /// date of the text (a file is often saved long after what it tells).
    pub properties_date: Option<Date>,
    /// The year of the previous document in the same file, for partial dates in
    /// a document that has no year of its own.
    pub fallback_year: Option<i16>,
    pub order: NumericOrder,
}

/// Finds, normalises and anchors every date in one document.
pub fn recognize(
    text: &str,
    tokens: &[Token],
    context: DateContext,
) -> (Vec<DateMention>, Option<DocumentDate>) {
    let found = scan(text, tokens, context.order);
    let doc_date = document_date(
        text,
        tokens,
        &found,
        context.metadata_date,
        context.properties_date,
    );
    let mentions = resolve_all(text, tokens, &found, doc_date, context);
    // A report is not older than the latest past event it reports: a date taken from
    // the text moves to the last day of a later event told in the past tense ("the
    // talks held on May 10-11 have concluded"), and the dates are anchored again.
    if let Some(later) = doc_date
        .filter(|d| d.source == DocumentDateSource::LatestInText)
        .and_then(|d| latest_past_event(&found, &mentions).filter(|&e| e > d.date))
    {
        let doc_date = Some(DocumentDate {
            date: later,
            source: DocumentDateSource::LatestPastEvent,
        });
        return (
            resolve_all(text, tokens, &found, doc_date, context),
            doc_date,
        );
    }
    (mentions, doc_date)
}

/// The last day of the latest event the text dates to a day in a sentence that does
/// not speak of the future; relative dates are left out (they count from the
/// document date itself).
fn latest_past_event(found: &[Found], mentions: &[DateMention]) -> Option<Date> {
    found
        .iter()
        .zip(mentions)
        .filter(|(f, m)| {
            !f.future
                && m.precision == Precision::Day
                && matches!(
                    m.anchoring,
                    Anchoring::Explicit | Anchoring::YearInferred | Anchoring::YearFromSentence
                )
        })
        .filter_map(|(_, m)| m.interval.map(|(_, last)| last))
        .max()
}

/// Resolves every found expression against the document date (one pass).
fn resolve_all(
    text: &str,
    tokens: &[Token],
    found: &[Found],
    doc_date: Option<DocumentDate>,
    context: DateContext,
) -> Vec<DateMention> {
    let mut mentions = Vec::with_capacity(found.len());
    // Without a document date, a partial date takes the nearest explicit year before
    // it, else the first one after it, else the previous document's year (one pass).
    let first_year = found.iter().find_map(|g| explicit_year(g.expr));
    let mut year_before: Option<i16> = None;
    // The date the text last spoke of, for "three days later" and "that day", and
    // the sentence it was in.
    let mut reference: Option<DateMention> = None;
    let mut reference_sentence = 0;
    let sentence_of = sentence_numbers(tokens);
    let mut year_of_sentence: Option<(u32, i16)> = None;
    for f in found {
        let year_hint = doc_date
            .map(|d| d.date.year())
            .or(year_before)
            .or(first_year)
            .or(context.fallback_year);
        if let Some(y) = explicit_year(f.expr) {
            year_before = Some(y);
        }
        let anchor = doc_date.map(|d| d.date);
        let sentence = sentence_of[f.first];
        // "Revenue in the second half of 2012 grew faster than in the first half": a
        // period without a year takes the year written for a period of its sentence.
        let period_year = year_of_sentence
            .filter(|&(s, _)| s == sentence)
            .map(|(_, y)| y);
        if let Some(y) = written_period_year(f.expr) {
            year_of_sentence = Some((sentence, y));
        }
        let year_from_sentence = period_year.and_then(|y| with_year(f.expr, y));
        let f = &match year_from_sentence {
            Some(expr) => Found { expr, ..*f },
            None => *f,
        };
        // "Sales in March rose from a year ago": the period compared with, a year before.
        let compared = reference
            .as_ref()
            .filter(|_| reference_sentence == sentence && is_year_before(f, text, tokens))
            .and_then(|r| shifted_by_years(r, -1));
        let mention = match (compared, f.expr) {
            (Some(compared), _) => compared,
            // Counted from the last date fine enough for the unit, else from the
            // document date, as the report's own time.
            (None, Expr::FromReference { unit, .. }) => {
                let usable = reference
                    .as_ref()
                    .filter(|r| unit.can_count_from(r.precision));
                match (unit, usable) {
                    (Step::Same, Some(r)) => DateMention {
                        anchoring: Anchoring::Relative,
                        ..r.clone()
                    },
                    _ => {
                        let from = usable.and_then(|r| r.interval).map(|(d, _)| d).or(anchor);
                        resolve(f, from, year_hint)
                    }
                }
            }
            (None, _) => resolve(f, anchor, year_hint),
        };
        let mut mention = mention;
        if year_from_sentence.is_some() {
            mention.anchoring = Anchoring::YearFromSentence;
        }
        if let Some(part) = f.part {
            part::narrow(&mut mention, part, anchor);
        }
        if mention.interval.is_some() {
            reference = Some(mention.clone());
            reference_sentence = sentence;
        }
        mentions.push(DateMention {
            start: tokens[f.first].start,
            end: tokens[f.end - 1].end,
            ..mention
        });
    }
    mentions
}

/// The year written with a period finer than a year ("the second half of 2012",
/// "March 2009"), not a bare year ("founded in 1998" says nothing of "March").
fn written_period_year(expr: Expr) -> Option<i16> {
    match expr {
        Expr::Year(_) => None,
        _ => explicit_year(expr),
    }
}

/// A period without a year, given one (marked as inferred when resolved).
fn with_year(expr: Expr, y: i16) -> Option<Expr> {
    let year = Some(y);
    Some(match expr {
        Expr::Day {
            year: None,
            month,
            day,
        } => Expr::Day { year, month, day },
        Expr::Month { year: None, month } => Expr::Month { year, month },
        Expr::Quarter {
            year: None,
            quarter,
        } => Expr::Quarter { year, quarter },
        Expr::Half { year: None, half } => Expr::Half { year, half },
        Expr::FirstMonths { year: None, months } => Expr::FirstMonths { year, months },
        _ => return None,
    })
}

/// Per token, the number of the sentence it is in (one pass).
fn sentence_numbers(tokens: &[Token]) -> Vec<u32> {
    let mut n = 0;
    tokens
        .iter()
        .map(|t| {
            n += u32::from(t.sentence_start);
            n
        })
        .collect()
}

/// "a year ago", "a year earlier", "the year before", "the year-earlier quarter",
/// "the same period last year": one year back, said of a period rather than of
/// the document's own year.
fn is_year_before(f: &Found, text: &str, tokens: &[Token]) -> bool {
    let word = |k: usize| tokens[k].text(text).to_ascii_lowercase();
    match f.expr {
        Expr::RelYears(-1) => word(f.end - 1) == "ago" || word(f.first) == "the",
        Expr::FromReference {
            unit: Step::Year,
            offset: -1,
        } => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
