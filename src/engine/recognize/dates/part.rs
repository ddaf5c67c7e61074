//! Vague parts of a period ("early 2009", "later this year", "the end of the month", "mid-1990s"): the TIMEX value stays the period's, the interval narrows to the part.
//!
//! TIMEX3 gives "later this year" the value of the year (with a modifier); a
//! timeline wants the part meant. The period's interval is cut in thirds of its
//! days for early / mid / late (a year: about January–April, May–August,
//! September–December);
//! "earlier" and "later" cut it at the document date, when the date falls inside.

use jiff::civil::Date;
use jiff::ToSpan;

use super::expr::{Expr, Part};
use super::scan::Scanner;
use super::DateMention;

impl Scanner<'_> {
    /// The part a found period's own first words name ("early 2009", "the end of the
    /// month"), or one named right before it, which then joins the span ("early
    /// June", "mid-1990s", "so far this year"). Days and weekdays take no part.
    pub(super) fn part_of_period(&self, first: usize, expr: Expr) -> (usize, Option<Part>) {
        if !takes_part(expr) {
            return (first, None);
        }
        if let Some(part) = self.part_named_at(first) {
            return (first, Some(part));
        }
        // Named before the period: "early June", "mid-1990s", "the end of 2010".
        let mut k = first.wrapping_sub(1);
        if self.word(k) == "-" && self.joined(k) && self.joined(first) {
            k = k.wrapping_sub(1);
        }
        if self.lower(k) == "of" {
            let start = k.wrapping_sub(2);
            return match self.part_named_at(start) {
                Some(part) if self.lower(start) == "the" => (start, Some(part)),
                _ => (first, None),
            };
        }
        if self.lower(k) == "far" && self.lower(k.wrapping_sub(1)) == "so" {
            return (k - 1, Some(Part::SoFar));
        }
        match self.single_word_part(k) {
            Some(part) if k < first => (k, Some(part)),
            _ => (first, None),
        }
    }

    /// "early", "late", "earlier", "the end of", …: the part named from token `i` on.
    fn part_named_at(&self, i: usize) -> Option<Part> {
        if self.lower(i) == "the" && self.lower(i + 2) == "of" {
            return match self.lower(i + 1) {
                "beginning" | "start" => Some(Part::Early),
                "middle" => Some(Part::Mid),
                "end" => Some(Part::Late),
                _ => None,
            };
        }
        self.single_word_part(i).or(match self.lower(i) {
            "earlier" => Some(Part::SoFar),
            "later" => Some(Part::Rest),
            _ => None,
        })
    }

    fn single_word_part(&self, i: usize) -> Option<Part> {
        match self.lower(i) {
            "early" => Some(Part::Early),
            "mid" | "middle" => Some(Part::Mid),
            "late" => Some(Part::Late),
            _ => None,
        }
    }
}

/// Periods longer than a day that a part can narrow.
fn takes_part(expr: Expr) -> bool {
    matches!(
        expr,
        Expr::Month { .. }
            | Expr::Year(_)
            | Expr::Decade(_)
            | Expr::Quarter { .. }
            | Expr::Half { .. }
            | Expr::Season { .. }
            | Expr::RelQuarter(_)
            | Expr::RelMonths(_)
            | Expr::RelYears(_)
            | Expr::RelDecade(_)
            | Expr::MonthOfRelYear { .. }
    )
}

/// Narrows a resolved mention's interval to the part meant; the value stays.
pub(super) fn narrow(m: &mut DateMention, part: Part, document_date: Option<Date>) {
    let Some((first, last)) = m.interval else {
        return;
    };
    let narrowed = match part {
        Part::Early | Part::Mid | Part::Late => third(first, last, part),
        Part::SoFar => document_date
            .filter(|d| (first..=last).contains(d))
            .map(|d| (first, d)),
        Part::Rest => document_date
            .filter(|d| (first..last).contains(d))
            .and_then(|d| d.tomorrow().ok())
            .map(|start| (start, last)),
    };
    if let Some(interval) = narrowed {
        m.interval = Some(interval);
    }
}

/// The first, middle or last third of `first..=last`: in whole months when the
/// interval is three months or more of whole months (a year: January–April,
/// May–August, September–December), else in days (a month: 1–10, 11–21, 22–end).
fn third(first: Date, last: Date, part: Part) -> Option<(Date, Date)> {
    let whole_months = first.day() == 1 && last == last.last_of_month();
    let months =
        i32::from(last.year() - first.year()) * 12 + i32::from(last.month() - first.month()) + 1;
    if whole_months && months >= 3 {
        let n = months / 3;
        let month_start = |k: i32| first.checked_add((k as i64).months()).ok();
        return match part {
            Part::Early => Some((first, month_start(n)?.yesterday().ok()?)),
            Part::Mid => Some((month_start(n)?, month_start(months - n)?.yesterday().ok()?)),
            _ => Some((month_start(months - n)?, last)),
        };
    }
    let days = i64::from(first.until(last).ok()?.get_days()) + 1;
    if days < 3 {
        return None;
    }
    let n = days / 3;
    let plus = |d: Date, k: i64| d.checked_add(k.days()).ok();
    match part {
        Part::Early => Some((first, plus(first, n - 1)?)),
        Part::Mid => Some((plus(first, n)?, plus(last, -n)?)),
        _ => Some((plus(last, 1 - n)?, last)),
    }
}
