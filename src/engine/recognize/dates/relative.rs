//! Matchers of relative dates: counted from the document date ("last week", "on Friday") or from the date last spoken of ("three days later"), and vague references ("now").

use super::expr::{Expr, Found, Step};
use super::scan::Scanner;
use super::tables::*;
use crate::engine::recognize::token::TokenKind;

impl<'a> Scanner<'a> {
    /// True when token `i` ends a phrase: punctuation or the end of the text, so that
    /// "the day before." is a date and "the day before the vote" is not.
    pub(super) fn phrase_ends(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_none_or(|t| t.kind == TokenKind::Punct && !matches!(self.word(i), "'" | "’"))
    }

    /// Dates counted from the one the text last spoke of: "three days later", "two
    /// weeks earlier", "(later) that day", "that year", "the same day", "the next
    /// day", "the following week", "the day before.", "the year previous", "the
    /// whole year".
    pub(super) fn counted_from_reference(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        let found = |end: usize, unit: Step, offset: i32| {
            self.found(i, end, Expr::FromReference { unit, offset })
        };
        // "three days later", "a year earlier", "two weeks before."
        let count = NUMBER_WORDS
            .iter()
            .find(|(word, _)| *word == w)
            .map(|&(_, n)| n)
            .or_else(|| {
                self.number(i)
                    .filter(|&n| (1..100).contains(&n))
                    .map(|n| n as i32)
            });
        if let Some(n) = count {
            let unit = Step::of_unit(self.lower(i + 1))?;
            let sign = match self.lower(i + 2) {
                "later" | "afterwards" => 1,
                "earlier" => -1,
                "after" if self.phrase_ends(i + 3) => 1,
                "before" | "prior" if self.phrase_ends(i + 3) => -1,
                _ => return None,
            };
            let (unit, n) = match unit {
                Step::Week => (Step::Days, 7 * n),
                other => (other, n),
            };
            return found(i + 3, unit, sign * n);
        }
        // "late in the day", "earlier in the week": within the period last spoken of.
        if matches!(w, "late" | "later" | "early" | "earlier")
            && self.lower(i + 1) == "in"
            && self.lower(i + 2) == "the"
        {
            let unit = Step::of_singular_unit(self.lower(i + 3))?;
            return found(i + 4, unit, 0);
        }
        // "by that time", "at that time": the date last spoken of, as it was known.
        if w == "that" && self.lower(i + 1) == "time" {
            return found(i + 2, Step::Same, 0);
        }
        // "later that day", "earlier that month", "that morning"
        let at = if matches!(w, "later" | "earlier") && self.lower(i + 1) == "that" {
            i + 1
        } else {
            i
        };
        if self.lower(at) == "that" {
            let next = self.lower(at + 1);
            let unit = match next {
                "morning" | "afternoon" | "evening" | "night" => Some(Step::Days),
                _ => Step::of_singular_unit(next),
            }?;
            return found(at + 2, unit, 0);
        }
        if w != "the" {
            return None;
        }
        let (second, third) = (self.lower(i + 1), self.lower(i + 2));
        // "the same day", "the very week", "the whole year", "the next day", "the following month"
        let offset = match second {
            "same" | "very" => Some(0),
            "whole" | "entire" | "full" if matches!(third, "year" | "month") => Some(0),
            "next" | "following" if third == "day" => Some(1),
            "previous" | "preceding" if third == "day" => Some(-1),
            "following" => Some(1),
            "preceding" => Some(-1),
            _ => None,
        };
        if let Some(offset) = offset {
            let unit = Step::of_singular_unit(third)?;
            return found(i + 3, unit, offset);
        }
        // "the day before.", "the year after,", "the year previous", "the month prior"
        let unit = Step::of_singular_unit(second)?;
        let offset = match third {
            "before" | "prior" if self.phrase_ends(i + 3) => -1,
            "after" if self.phrase_ends(i + 3) => 1,
            "previous" | "earlier" => -1,
            "later" => 1,
            _ => return None,
        };
        found(i + 3, unit, offset)
    }

    /// "today", "yesterday", "last week", "next month", "this year", "two years ago",
    /// "earlier this year", "the current quarter", "last fiscal year": counted from the
    /// document date, one matcher per family.
    pub(super) fn relative(&self, i: usize) -> Option<Found> {
        self.comparison_period(i)
            .or_else(|| self.day_word(i))
            .or_else(|| self.relative_quarter(i))
            .or_else(|| self.relative_fiscal_year(i))
            .or_else(|| self.relative_unit(i))
            .or_else(|| self.units_ago(i))
    }

    /// "today", "yesterday", "this morning", "last night": a day (the part of the day is not kept).
    fn day_word(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        if w == "this" && matches!(self.lower(i + 1), "morning" | "afternoon" | "evening") {
            return self.found(i, i + 2, Expr::RelDays(0));
        }
        if let Some(&(_, offset)) = DAY_WORDS.iter().find(|(word, _)| *word == w) {
            return self.found(i, i + 1, Expr::RelDays(offset));
        }
        if w == "last" && self.lower(i + 1) == "night" {
            return self.found(i, i + 2, Expr::RelDays(-1));
        }
        None
    }

    /// "the current quarter", "this quarter", "last quarter", "next quarter"
    fn relative_quarter(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        let (offset, at) = match (w, self.lower(i + 1)) {
            ("the", "current") | ("this", _) => (0, i + 1 + usize::from(w == "the")),
            ("the", "previous" | "past") => (-1, i + 2),
            ("the", "next" | "coming") => (1, i + 2),
            ("last" | "previous", _) => (-1, i + 1),
            ("next", _) => (1, i + 1),
            _ => return None,
        };
        if self.lower(at) != "quarter" {
            return None;
        }
        self.found(i, at + 1, Expr::RelQuarter(offset))
    }

    /// "the financial year", "last fiscal year", "the current fiscal year"
    fn relative_fiscal_year(&self, i: usize) -> Option<Found> {
        let offset = match self.lower(i) {
            "the" | "this" => 0,
            "last" | "previous" | "past" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        let mut at = i + 1;
        let offset = match self.lower(at) {
            "current" => {
                at += 1;
                0
            }
            "previous" | "last" | "past" => {
                at += 1;
                -1
            }
            "next" | "coming" => {
                at += 1;
                1
            }
            _ => offset,
        };
        if matches!(self.lower(at), "fiscal" | "financial")
            && self.lower(at + 1) == "year"
            && self.year(at + 2).is_none()
        {
            return self.found(i, at + 2, Expr::RelFiscalYear(offset));
        }
        None
    }

    /// "last week", "this year", "earlier this year", "later this month", "the end of the month"
    fn relative_unit(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        let (start, at) = match w {
            "earlier" | "later" | "early" | "late" => (i, i + 1),
            "the"
                if matches!(self.lower(i + 1), "end" | "beginning" | "start" | "middle")
                    && self.lower(i + 2) == "of" =>
            {
                (i, i + 3)
            }
            _ => (i, i),
        };
        let offset = match self.lower(at) {
            "this" | "the"
                if at > i || self.lower(at) == "this" || self.lower(at + 1) == "weekend" =>
            {
                Some(0)
            }
            "last" | "past" | "previous" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        };
        if let Some(offset) = offset {
            let unit = self.lower(at + 1);
            let expr = match unit {
                "week" | "weekend" => Some(Expr::RelWeeks(offset)),
                "month" => Some(Expr::RelMonths(offset)),
                "year" => Some(Expr::RelYears(offset)),
                _ => None,
            };
            if let Some(expr) = expr {
                // "the past year" reads as a duration; "past" alone before a unit stays relative.
                return self.found(start, at + 2, expr);
            }
        }
        None
    }

    /// "two years ago", "three days ago"
    fn units_ago(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        let n = NUMBER_WORDS
            .iter()
            .find(|(word, _)| *word == w)
            .map(|&(_, n)| n)
            .or_else(|| self.number(i).filter(|&n| n < 1000).map(|n| n as i32))?;
        let unit = self.lower(i + 1);
        if self.lower(i + 2) != "ago" {
            return None;
        }
        let expr = match unit.trim_end_matches('s') {
            "day" => Expr::RelDays(-n),
            // "a week ago" names a day, a week before the document date.
            "week" => Expr::RelDays(-7 * n),
            "month" => Expr::RelMonths(-n),
            "year" => Expr::RelYears(-n),
            _ => return None,
        };
        self.found(i, i + 3, expr)
    }

    /// "the same period last year", "the same month a year ago", "the year-earlier
    /// quarter", "the year-ago level": a year before — the period of the sentence
    /// when one was named there (see `is_year_before`), else the document's year.
    pub(super) fn comparison_period(&self, i: usize) -> Option<Found> {
        if self.lower(i) != "the" {
            return None;
        }
        let year_before = Expr::RelYears(-1);
        // "the year-earlier quarter", "the year-ago period"
        if self.lower(i + 1) == "year"
            && self.is_dash(i + 2)
            && self.joined(i + 2)
            && self.joined(i + 3)
            && matches!(self.lower(i + 3), "earlier" | "ago")
        {
            let noun = matches!(
                self.lower(i + 4),
                "quarter" | "period" | "month" | "level" | "levels" | "figure" | "figures" | "year"
            );
            return self.found(i, i + 4 + usize::from(noun), year_before);
        }
        // "the same period last year", "the same quarter a year ago"
        if self.lower(i + 1) == "same"
            && matches!(self.lower(i + 2), "period" | "quarter" | "month" | "time")
        {
            let end = match (self.lower(i + 3), self.lower(i + 4), self.lower(i + 5)) {
                ("last" | "previous", "year", _) => i + 5,
                ("a" | "one", "year", "ago" | "earlier") => i + 6,
                _ => return None,
            };
            return self.found(i, end, year_before);
        }
        None
    }

    /// "on Monday", "Tuesday": the nearest such day before the document date in
    /// reported speech, after it when the sentence speaks of the future.
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let lower = self.lower(i);
        let &(_, weekday) = WEEKDAYS.iter().find(|(n, _)| *n == lower)?;
        let (first, future, strict) = match self.lower(i.wrapping_sub(1)) {
            "next" | "coming" => (i - 1, true, true),
            "last" | "past" => (i - 1, false, true),
            "this" => (i - 1, self.future_context(i - 1, i + 1), false),
            _ => (i, self.future_context(i, i + 1), false),
        };
        let weekday = Expr::Weekday {
            weekday,
            future,
            strict,
        };
        self.found(first, i + 1, weekday)
    }

    /// "now", "currently", "recently": references without an interval.
    pub(super) fn vague(&self, i: usize) -> Option<Found> {
        // "now" is the time of writing: the document date ("now-cancelled" is not).
        if self.lower(i) == "now" {
            if self.is_dash(i + 1) && self.joined(i + 1) {
                return None;
            }
            return self.found(i, i + 1, Expr::RelDays(0));
        }
        // "the day": the day the report speaks of, the document date.
        if self.lower(i) == "the" {
            let at = i + 1;
            if self.lower(at) == "day"
                && !matches!(self.lower(at + 1), "after" | "before" | "of" | "when")
            {
                return self.found(i, at + 1, Expr::RelDays(0));
            }
            let value = match (self.lower(i + 1), self.lower(i + 2)) {
                ("past", w)
                    if !matches!(
                        w,
                        "year" | "week" | "month" | "decade" | "few" | "two" | "three"
                    ) =>
                {
                    Some((i + 2, "PAST_REF"))
                }
                ("future", _) => Some((i + 2, "FUTURE_REF")),
                ("near" | "long" | "short", "term") => Some((i + 3, "FUTURE_REF")),
                ("near", "future") => Some((i + 3, "FUTURE_REF")),
                _ => None,
            };
            if let Some((end, value)) = value {
                return self.found(i, end, Expr::Vague(value));
            }
            return None;
        }
        let &(_, value) = VAGUE_WORDS.iter().find(|(w, _)| *w == self.lower(i))?;
        self.found(i, i + 1, Expr::Vague(value))
    }
}
