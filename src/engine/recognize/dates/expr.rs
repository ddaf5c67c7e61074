//! What a matcher found before anchoring: the expression forms, anaphoric units, seasons and the vague part of a period meant.

use jiff::civil::{Date, Weekday};

use super::calendar::{month_end, valid};
use super::Precision;

/// What a matcher found, before anchoring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Expr {
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    DayRange {
        year: Option<i16>,
        month: i8,
        day: i8,
        month2: i8,
        day2: i8,
    },
    Month {
        year: Option<i16>,
        month: i8,
    },
    MonthRange {
        year: Option<i16>,
        month: i8,
        month2: i8,
    },
    Year(i16),
    Decade(i16),
    Quarter {
        year: Option<i16>,
        quarter: i8,
    },
    /// "the current quarter", "next quarter": quarters from the document date's.
    RelQuarter(i32),
    /// "the first half (of 1989)": half 1 or 2.
    Half {
        year: Option<i16>,
        half: i8,
    },
    Season {
        year: Option<i16>,
        season: Season,
    },
    /// "the first nine months (of 1989)": months 1 to `months` of a year.
    FirstMonths {
        year: Option<i16>,
        months: i8,
    },
    /// "the turn of the century": the century boundary nearest in the tense's direction.
    CenturyTurn,
    /// Season relative to the document year: -1 last, 0 this, +1 next.
    RelSeason {
        offset: i8,
        season: Season,
    },
    RelDays(i32),
    Weekday {
        weekday: Weekday,
        future: bool,
        /// "next Tuesday", "last Tuesday": never the document's own day.
        strict: bool,
    },
    RelWeeks(i32),
    RelMonths(i32),
    RelYears(i32),
    /// "October of next year"
    MonthOfRelYear {
        month: i8,
        offset: i32,
    },
    /// "the past decade": decades relative to the document's
    RelDecade(i32),
    /// "this financial year", "the last fiscal year": relative to the document's
    /// year. A company's fiscal calendar is unknown, so the interval is the
    /// calendar year (precision year); the value says FY.
    RelFiscalYear(i32),
    /// Counted from the date the text last spoke of, not from the document date:
    /// "three days later", "that day", "the following week", "the year before".
    FromReference {
        unit: Step,
        offset: i32,
    },
    Vague(&'static str),
    /// "Christmas Eve", "Thanksgiving", "Easter 2024": a named day, its year written or
    /// taken from the document date.
    Holiday {
        holiday: Holiday,
        year: Option<i16>,
    },
}

/// How a named day falls in a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Holiday {
    /// The same month and day every year.
    Fixed { month: i8, day: i8 },
    /// The `nth` (1-based) such weekday of the month.
    NthWeekday {
        month: i8,
        weekday: Weekday,
        nth: i8,
    },
    /// The last such weekday of the month.
    LastWeekday { month: i8, weekday: Weekday },
    /// Days from Easter Sunday (Gregorian computus).
    FromEaster(i8),
    /// The Tuesday after the first Monday of November (US elections).
    ElectionDay,
}

impl Holiday {
    /// Its date in `year`.
    pub(super) fn in_year(self, year: i16) -> Option<Date> {
        match self {
            Holiday::Fixed { month, day } => valid(year, month, day),
            Holiday::NthWeekday {
                month,
                weekday,
                nth,
            } => {
                let first = valid(year, month, 1)?;
                let ahead = (weekday.to_monday_zero_offset()
                    - first.weekday().to_monday_zero_offset())
                .rem_euclid(7);
                valid(year, month, 1 + ahead + 7 * (nth - 1))
            }
            Holiday::LastWeekday { month, weekday } => {
                let last = month_end(year, month)?;
                let back = (last.weekday().to_monday_zero_offset()
                    - weekday.to_monday_zero_offset())
                .rem_euclid(7);
                valid(year, month, last.day() - back)
            }
            Holiday::FromEaster(days) => {
                let easter = easter_sunday(year)?;
                easter
                    .checked_add(jiff::Span::new().days(i64::from(days)))
                    .ok()
            }
            Holiday::ElectionDay => {
                let monday = Holiday::NthWeekday {
                    month: 11,
                    weekday: Weekday::Monday,
                    nth: 1,
                }
                .in_year(year)?;
                valid(year, 11, monday.day() + 1)
            }
        }
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    valid(year, month as i8, day as i8)
}

/// What an anaphoric date counts in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Step {
    /// Days, to a day ("two weeks later" is 14 days).
    Days,
    /// The ISO week ("that week", "the following week").
    Week,
    Month,
    Year,
    /// The date itself, as precisely as it was given ("by that time").
    Same,
}

impl Step {
    /// "day", "that day": a unit named once ("that days" is not a date).
    pub(super) fn of_singular_unit(word: &str) -> Option<Step> {
        Step::of_unit(word).filter(|_| !word.ends_with('s'))
    }

    pub(super) fn of_unit(word: &str) -> Option<Step> {
        match word.trim_end_matches('s') {
            "day" => Some(Step::Days),
            "week" => Some(Step::Week),
            "month" => Some(Step::Month),
            "year" => Some(Step::Year),
            _ => None,
        }
    }

    /// The document-relative form, counted from whichever anchor it is given.
    pub(super) fn relative(self, offset: i32) -> Expr {
        match self {
            Step::Days => Expr::RelDays(offset),
            Step::Week => Expr::RelWeeks(offset),
            Step::Month => Expr::RelMonths(offset),
            Step::Year => Expr::RelYears(offset),
            // Resolved by copying the date referred to (see `recognize`); alone, a day.
            Step::Same => Expr::RelDays(offset),
        }
    }

    /// Whether a date known to `precision` can be counted from in this unit
    /// ("that day" after "in 2008" names no day).
    pub(super) fn can_count_from(self, precision: Precision) -> bool {
        match self {
            Step::Days | Step::Week => precision == Precision::Day,
            Step::Month => matches!(
                precision,
                Precision::Day | Precision::Week | Precision::Month
            ),
            Step::Year => !matches!(precision, Precision::Decade | Precision::Vague),
            Step::Same => precision != Precision::Vague,
        }
    }
}

impl Expr {
    /// The day of a fully written date ("April 19, 2024"), if this is one and it exists.
    pub(super) fn full_date(self) -> Option<Date> {
        match self {
            Expr::Day {
                year: Some(y),
                month,
                day,
            } => valid(y, month, day),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub(super) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
    /// Northern-hemisphere meteorological seasons; winter runs into the next year.
    pub(super) fn interval(self, year: i16) -> Option<(Date, Date)> {
        let (m1, m2, y2) = match self {
            Season::Spring => (3, 5, year),
            Season::Summer => (6, 8, year),
            Season::Autumn => (9, 11, year),
            Season::Winter => (12, 2, year.checked_add(1)?),
        };
        Some((Date::new(year, m1, 1).ok()?, month_end(y2, m2)?))
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    /// Token range, end exclusive.
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) expr: Expr,
    pub(super) ambiguous: bool,
    /// The sentence speaks of the future ("will meet in October").
    pub(super) future: bool,
    /// The part of the period meant ("early 2009", "later this year").
    pub(super) part: Option<Part>,
}

/// Which part of a period is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// "early", "the beginning of", "the start of": the first third.
    Early,
    /// "mid", "the middle of": the middle third.
    Mid,
    /// "late", "the end of": the last third.
    Late,
    /// "earlier this year", "so far this year", "year-to-date": up to the document date.
    SoFar,
    /// "later this year": after the document date.
    Rest,
}
