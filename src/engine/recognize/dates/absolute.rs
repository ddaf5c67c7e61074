//! Matchers of dates written out: ISO and numeric dates, month-day and day-month forms, ranges, month and year.

use super::calendar::valid;
use super::expr::{Expr, Found};
use super::scan::Scanner;
use super::tables::*;
use super::NumericOrder;

impl<'a> Scanner<'a> {
    /// 2024-04-19, 2024-04
    pub(super) fn iso(&self, i: usize) -> Option<Found> {
        let year = self.year(i)?;
        if !(self.is_dash(i + 1) && self.joined(i + 1) && self.joined(i + 2)) {
            return None;
        }
        let month =
            self.number(i + 2)
                .filter(|m| (1..=12).contains(m) && self.word(i + 2).len() == 2)? as i8;
        if self.is_dash(i + 3) && self.joined(i + 3) && self.joined(i + 4) {
            let day = self.number(i + 4).filter(|_| self.word(i + 4).len() == 2)? as i8;
            valid(year, month, day)?;
            return self.found(
                i,
                i + 5,
                Expr::Day {
                    year: Some(year),
                    month,
                    day,
                },
            );
        }
        self.found(
            i,
            i + 3,
            Expr::Month {
                year: Some(year),
                month,
            },
        )
    }

    /// The three numbers of "19/04/2024" or "7.8.07": (first, second, four-digit year).
    pub(super) fn numeric_parts(&self, i: usize) -> Option<(u32, u32, i16)> {
        let a = self.number(i)?;
        let sep = self.word(i + 1);
        if !matches!(sep, "/" | ".") || !self.joined(i + 1) || !self.joined(i + 2) {
            return None;
        }
        let b = self.number(i + 2)?;
        if self.word(i + 3) != sep || !self.joined(i + 3) || !self.joined(i + 4) {
            return None;
        }
        let year_token = self.word(i + 4);
        let y: i32 = year_token.parse().ok()?;
        let year = match year_token.len() {
            4 => y,
            2 if y < 50 => 2000 + y,
            2 => 1900 + y,
            _ => return None,
        };
        (a <= 31 && b <= 31).then_some((a, b, year as i16))
    }

    /// The day-month order a document settles itself: some numeric date in it has a
    /// first or second part above 12, and none says the opposite.
    pub(super) fn document_order(&self) -> NumericOrder {
        let (mut day_first, mut month_first) = (false, false);
        for i in 0..self.tokens.len() {
            if let Some((a, b, _)) = self.numeric_parts(i) {
                day_first |= a > 12;
                month_first |= b > 12;
            }
        }
        match (day_first, month_first) {
            (true, false) => NumericOrder::DayFirst,
            (false, true) => NumericOrder::MonthFirst,
            _ => NumericOrder::Unknown,
        }
    }

    /// 19/04/2024, 04/19/2024, 7/8/07 (ambiguous unless one part exceeds 12 or the order is set).
    pub(super) fn numeric(&self, i: usize) -> Option<Found> {
        let (a, b, year) = self.numeric_parts(i)?;
        let (a, b) = (a as i8, b as i8);
        let (month, day, ambiguous) = match self.order {
            NumericOrder::DayFirst => (b, a, false),
            NumericOrder::MonthFirst => (a, b, false),
            NumericOrder::Unknown if a > 12 => (b, a, false),
            NumericOrder::Unknown if b > 12 => (a, b, false),
            // Month first is the US reading; the flag tells the user it is a guess.
            NumericOrder::Unknown => (a, b, a != b),
        };
        valid(year, month, day)?;
        Some(Found {
            first: i,
            end: i + 5,
            expr: Expr::Day {
                year: Some(year),
                month,
                day,
            },
            ambiguous,
            future: false,
            part: None,
        })
    }

    /// "Friday, May 10, 2024", "Friday 10 May"
    pub(super) fn weekday_then_date(&self, i: usize) -> Option<Found> {
        WEEKDAYS.iter().find(|(n, _)| *n == self.lower(i))?;
        let next = if self.word(i + 1) == "," {
            i + 2
        } else {
            i + 1
        };
        if self.tokens.get(next).is_none_or(|t| t.line_start) {
            return None;
        }
        let found = self.month_day(next).or_else(|| self.day_month(next))?;
        Some(Found { first: i, ..found })
    }

    /// "between May 10 and 12"
    pub(super) fn between(&self, i: usize) -> Option<Found> {
        if self.lower(i) != "between" {
            return None;
        }
        let (month, after) = self.month(i + 1)?;
        let day = self.day(after)?;
        if self.lower(after + 1) != "and" {
            return None;
        }
        let (month2, day2, end) = match self.month(after + 2) {
            Some((m2, e)) => (m2, self.day(e)?, e + 1),
            None => (month, self.day(after + 2)?, after + 3),
        };
        let (year, end) = match self.trailing_year(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        self.found(
            i + 1,
            end,
            Expr::DayRange {
                year,
                month,
                day,
                month2,
                day2,
            },
        )
    }

    /// "May 10", "May 10th", "May 10, 2024", "May 10-11", "May 10-June 2"
    pub(super) fn month_day(&self, i: usize) -> Option<Found> {
        let (month, after) = self.month(i)?;
        let day = self.day(after)?;
        // Not a year: "May 2024" is handled by month_year.
        if self.year(after).is_some() {
            return None;
        }
        let mut end = after + 1;
        let mut range = None;
        if self.is_dash(end) {
            if let Some(day2) = self.day(end + 1).filter(|&d| d > day) {
                range = Some((month, day2));
                end += 2;
            } else if let Some((m2, e2)) = self.month(end + 1) {
                if let Some(d2) = self.day(e2) {
                    range = Some((m2, d2));
                    end = e2 + 1;
                }
            }
        }
        let (year, end) = match self.trailing_year(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        if let Some(y) = year {
            valid(y, month, day)?;
        }
        let expr = match range {
            Some((month2, day2)) => Expr::DayRange {
                year,
                month,
                day,
                month2,
                day2,
            },
            None => Expr::Day { year, month, day },
        };
        self.found(i, end, expr)
    }

    /// "19 April 2024", "10th May", "10-12 May 2024"
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
        let day = self.day(i)?;
        let mut after = i + 1;
        let mut day2 = None;
        if self.is_dash(after) {
            day2 = Some(self.day(after + 1).filter(|&d| d > day)?);
            after += 2;
        }
        let of = self.lower(after) == "of";
        let (month, end) = self.month(if of { after + 1 } else { after })?;
        let (year, end) = match self.year(end) {
            Some(y) => (Some(y), end + 1),
            None => (None, end),
        };
        if let Some(y) = year {
            valid(y, month, day)?;
        }
        let expr = match day2 {
            Some(day2) => Expr::DayRange {
                year,
                month,
                day,
                month2: month,
                day2,
            },
            None => Expr::Day { year, month, day },
        };
        self.found(i, end, expr)
    }

    /// "from April to June 2024", "April-June 2024"
    pub(super) fn month_range(&self, i: usize) -> Option<Found> {
        let start = if self.lower(i) == "from" { i + 1 } else { i };
        let (month, after) = self.month(start)?;
        let joiner = self.lower(after);
        if !(joiner == "to" || joiner == "through" || joiner == "until" || self.is_dash(after)) {
            return None;
        }
        let (month2, end) = self.month(after + 1)?;
        let (year, end) = match self.year(end) {
            Some(y) => (Some(y), end + 1),
            None if start == i => return None,
            None => (None, end),
        };
        self.found(
            start,
            end,
            Expr::MonthRange {
                year,
                month,
                month2,
            },
        )
    }

    /// "May 2024", "May of 2024"
    pub(super) fn month_year(&self, i: usize) -> Option<Found> {
        let (month, after) = self.month(i)?;
        let (year, end) = if self.lower(after) == "of" {
            let offset = match self.lower(after + 1) {
                "next" => Some(1),
                "last" => Some(-1),
                "this" => Some(0),
                _ => None,
            };
            if let Some(offset) = offset.filter(|_| self.lower(after + 2) == "year") {
                return self.found(i, after + 3, Expr::MonthOfRelYear { month, offset });
            }
            (self.year(after + 1)?, after + 2)
        } else {
            let after = if self.word(after) == "," {
                after + 1
            } else {
                after
            };
            (self.year(after)?, after + 1)
        };
        self.found(
            i,
            end,
            Expr::Month {
                year: Some(year),
                month,
            },
        )
    }
}
