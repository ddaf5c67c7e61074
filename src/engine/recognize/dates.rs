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

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use crate::engine::recognize::token::{Token, TokenKind};

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
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

/// What a matcher found, before anchoring.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expr {
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
    Season {
        year: Option<i16>,
        season: Season,
    },
    /// Season relative to the document year: -1 last, 0 this, +1 next.
    RelSeason {
        offset: i8,
        season: Season,
    },
    RelDays(i32),
    Weekday {
        weekday: Weekday,
        future: bool,
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
}

/// What an anaphoric date counts in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
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
    fn of_singular_unit(word: &str) -> Option<Step> {
        Step::of_unit(word).filter(|_| !word.ends_with('s'))
    }

    fn of_unit(word: &str) -> Option<Step> {
        match word.trim_end_matches('s') {
            "day" => Some(Step::Days),
            "week" => Some(Step::Week),
            "month" => Some(Step::Month),
            "year" => Some(Step::Year),
            _ => None,
        }
    }

    /// The document-relative form, counted from whichever anchor it is given.
    fn relative(self, offset: i32) -> Expr {
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
    fn can_count_from(self, precision: Precision) -> bool {
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
    fn full_date(self) -> Option<Date> {
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
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
    /// Northern-hemisphere meteorological seasons; winter runs into the next year.
    fn interval(self, year: i16) -> Option<(Date, Date)> {
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
struct Found {
    /// Token range, end exclusive.
    first: usize,
    end: usize,
    expr: Expr,
    ambiguous: bool,
    /// The sentence speaks of the future ("will meet in October").
    future: bool,
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("several", 3),
    ("few", 3),
];

const ORDINAL_QUARTERS: &[(&str, i8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("last", 4),
    ("final", 4),
];

struct Scanner<'a> {
    text: &'a str,
    /// `text` with ASCII letters lowered: same byte offsets, so tokens slice it too.
    lower_text: &'a str,
    tokens: &'a [Token],
    order: NumericOrder,
}

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The token in ASCII lower case, sliced from the lowered copy of the text.
    fn lower(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower_text[t.start..t.end])
    }

    fn joined(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start > 4 {
            return None;
        }
        self.word(i).parse().ok()
    }

    fn month(&self, i: usize) -> Option<(i8, usize)> {
        let w = self.word(i);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let lower = self.lower(i);
        let &(name, m) = MONTHS.iter().find(|(n, _)| *n == lower)?;
        // Abbreviations may carry a period: "Apr."
        let mut end = i + 1;
        if name.len() <= 4
            && name != "may"
            && name != "june"
            && name != "july"
            && self.word(end) == "."
            && self.joined(end)
        {
            end += 1;
        }
        Some((m, end))
    }

    /// A day number 1–31, with an optional ordinal suffix ("10th" is one word token).
    fn day(&self, i: usize) -> Option<i8> {
        if let Some(n) = self.number(i) {
            return (1..=31).contains(&n).then_some(n as i8);
        }
        let w = self.word(i);
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &w[digits.len()..];
        if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
            let n: u32 = digits.parse().ok()?;
            return (1..=31).contains(&n).then_some(n as i8);
        }
        None
    }

    fn year(&self, i: usize) -> Option<i16> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start != 4 {
            return None;
        }
        let y: i16 = self.word(i).parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// ", 2024" or " 2024" after a month-day form.
    fn trailing_year(&self, i: usize) -> Option<(i16, usize)> {
        if self.word(i) == "," {
            if let Some(y) = self.year(i + 1) {
                return Some((y, i + 2));
            }
        }
        self.year(i).map(|y| (y, i + 1))
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "-" | "–" | "—")
    }

    /// A cheap test that some form may start at token `i`, so that most words skip the
    /// matchers. Keep in step with the words the matchers look for first.
    fn could_start(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind == TokenKind::Number || self.word(i).starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        matches!(
            self.lower(i),
            "between"
                | "from"
                | "the"
                | "this"
                | "that"
                | "last"
                | "past"
                | "previous"
                | "next"
                | "coming"
                | "early"
                | "late"
                | "mid"
                | "middle"
                | "earlier"
                | "later"
                | "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "now"
                | "currently"
                | "nowadays"
                | "recently"
                | "recent"
                | "soon"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "final"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "'"
                | "’"
                | "january"
                | "jan"
                | "february"
                | "feb"
                | "march"
                | "mar"
                | "april"
                | "apr"
                | "may"
                | "june"
                | "jun"
                | "july"
                | "jul"
                | "august"
                | "aug"
                | "september"
                | "sept"
                | "sep"
                | "october"
                | "oct"
                | "november"
                | "nov"
                | "december"
                | "dec"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "a"
                | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "several"
                | "few"
        )
    }

    /// Tries every form at token `i`, longest first.
    fn at(&self, i: usize) -> Option<Found> {
        self.iso(i)
            .or_else(|| self.numeric(i))
            .or_else(|| self.weekday_then_date(i))
            .or_else(|| self.between(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_range(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.season(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.year_with_modifier(i))
            .or_else(|| self.counted_from_reference(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.bare_month(i))
            .or_else(|| self.vague(i))
    }

    fn found(&self, first: usize, end: usize, expr: Expr) -> Option<Found> {
        Some(Found {
            first,
            end,
            expr,
            ambiguous: false,
            future: self.future_context(first),
        })
    }

    /// 2024-04-19, 2024-04
    fn iso(&self, i: usize) -> Option<Found> {
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
    fn numeric_parts(&self, i: usize) -> Option<(u32, u32, i16)> {
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
    fn document_order(&self) -> NumericOrder {
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
    fn numeric(&self, i: usize) -> Option<Found> {
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
        })
    }

    /// "Friday, May 10, 2024", "Friday 10 May"
    fn weekday_then_date(&self, i: usize) -> Option<Found> {
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
    fn between(&self, i: usize) -> Option<Found> {
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
    fn month_day(&self, i: usize) -> Option<Found> {
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
    fn day_month(&self, i: usize) -> Option<Found> {
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
    fn month_range(&self, i: usize) -> Option<Found> {
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
    fn month_year(&self, i: usize) -> Option<Found> {
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

    /// "Q4 2006", "the fourth quarter (of 2005)", "the last quarter"
    fn quarter(&self, i: usize) -> Option<Found> {
        let w = self.word(i);
        if w.len() == 2 && (w.starts_with('Q') || w.starts_with('q')) {
            let quarter = w[1..].parse::<i8>().ok().filter(|q| (1..=4).contains(q))?;
            let (year, end) = match self.year(i + 1) {
                Some(y) => (Some(y), i + 2),
                None => (None, i + 1),
            };
            return self.found(i, end, Expr::Quarter { year, quarter });
        }
        let start = if self.lower(i) == "the" { i + 1 } else { i };
        let &(_, quarter) = ORDINAL_QUARTERS
            .iter()
            .find(|(n, _)| *n == self.lower(start))?;
        let hyphenated = self.is_dash(start + 1) && self.joined(start + 1);
        let noun = if hyphenated { start + 2 } else { start + 1 };
        if !matches!(self.lower(noun), "quarter" | "quarters") {
            return None;
        }
        let end = noun + 1;
        if self.lower(end) == "of" {
            if let Some(y) = self.year(end + 1) {
                return self.found(
                    i,
                    end + 2,
                    Expr::Quarter {
                        year: Some(y),
                        quarter,
                    },
                );
            }
        }
        if let Some(y) = self.year(end) {
            return self.found(
                i,
                end + 1,
                Expr::Quarter {
                    year: Some(y),
                    quarter,
                },
            );
        }
        // "the last quarter" without a year is the previous quarter; keep it simple and
        // let the anchor's year decide.
        self.found(
            i,
            end,
            Expr::Quarter {
                year: None,
                quarter,
            },
        )
    }

    /// "summer 2009", "last summer", "this spring"
    fn season(&self, i: usize) -> Option<Found> {
        let (offset, at) = match self.lower(i) {
            "last" | "past" => (Some(-1), i + 1),
            "this" => (Some(0), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            _ => (None, i),
        };
        let season = match self.lower(at) {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Autumn,
            "winter" => Season::Winter,
            _ => return None,
        };
        // "fall" is also a verb: only as a season with a year or a determiner.
        if let Some(y) = self.year(at + 1) {
            return self.found(
                i,
                at + 2,
                Expr::Season {
                    year: Some(y),
                    season,
                },
            );
        }
        if let Some(offset) = offset {
            return self.found(i, at + 1, Expr::RelSeason { offset, season });
        }
        // A season alone is this year's ("in spring"); "fall" alone is too often a verb.
        if self.lower(at) != "fall" {
            return self.found(i, at + 1, Expr::RelSeason { offset: 0, season });
        }
        None
    }

    /// "the 1990s", "1990s", "the past decade"
    fn decade(&self, i: usize) -> Option<Found> {
        let w = self.word(i);
        // "the past decade", "the last decade", "this decade"
        let offset = match (self.lower(i), self.lower(i + 1), self.lower(i + 2)) {
            ("the", "past" | "last" | "previous", "decade") => Some((-1, i + 3)),
            ("this", "decade", _) => Some((0, i + 2)),
            _ => None,
        };
        if let Some((offset, end)) = offset {
            return self.found(i, end, Expr::RelDecade(offset));
        }
        let digits = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
        if digits.len() == 4 && digits.ends_with('0') && digits.chars().all(|c| c.is_ascii_digit())
        {
            let y: i16 = digits.parse().ok()?;
            if (1000..=2990).contains(&y) {
                return self.found(i, i + 1, Expr::Decade(y));
            }
        }
        // "the 80s", "'70s": two digits, the century from the nearer side of 2030.
        if digits.len() == 2 && digits.ends_with('0') && digits.chars().all(|c| c.is_ascii_digit())
        {
            // ... or a decade just before it: "the 70s and 80s", "the 1960s to 80s".
            let cue = matches!(
                self.lower(i.wrapping_sub(1)),
                "the" | "'" | "’" | "early" | "late" | "mid"
            ) || (matches!(
                self.lower(i.wrapping_sub(1)),
                "and" | "or" | "to" | "through" | "-" | "–"
            ) && i >= 2
                && self.decade(i - 2).is_some());
            if cue {
                let d: i16 = digits.parse().ok()?;
                let y = if d >= 30 { 1900 + d } else { 2000 + d };
                let first = if matches!(self.word(i.wrapping_sub(1)), "'" | "’") {
                    i - 1
                } else {
                    i
                };
                return self.found(first, i + 1, Expr::Decade(y));
            }
        }
        None
    }

    /// "early 2009", "mid-2010", "late 2009", "the end of 2010"
    fn year_with_modifier(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        if matches!(w, "early" | "late" | "mid" | "middle") {
            let at = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
            let y = self.year(at)?;
            return self.found(i, at + 1, Expr::Year(y));
        }
        None
    }

    /// True when token `i` ends a phrase: punctuation or the end of the text, so that
    /// "the day before." is a date and "the day before the vote" is not.
    fn phrase_ends(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_none_or(|t| t.kind == TokenKind::Punct && !matches!(self.word(i), "'" | "’"))
    }

    /// Dates counted from the one the text last spoke of: "three days later", "two
    /// weeks earlier", "(later) that day", "that year", "the same day", "the next
    /// day", "the following week", "the day before.", "the year previous", "the
    /// whole year".
    fn counted_from_reference(&self, i: usize) -> Option<Found> {
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

    /// "today", "yesterday", "last week", "next month", "this year", "two years ago", "earlier this year"
    fn relative(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        // "this morning": the document date (the part of the day is not kept).
        if w == "this" && matches!(self.lower(i + 1), "morning" | "afternoon" | "evening") {
            return self.found(i, i + 2, Expr::RelDays(0));
        }
        match w {
            "today" | "tonight" => return self.found(i, i + 1, Expr::RelDays(0)),
            "yesterday" => return self.found(i, i + 1, Expr::RelDays(-1)),
            "tomorrow" => return self.found(i, i + 1, Expr::RelDays(1)),
            _ => {}
        }
        // "the financial year", "last fiscal year", "the current fiscal year"
        {
            let mut at = i;
            let offset = match w {
                "the" | "this" => 0,
                "last" | "previous" | "past" => -1,
                "next" | "coming" => 1,
                _ => 2,
            };
            if offset != 2 {
                at += 1;
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
            }
        }
        // "earlier this year", "later this month", "the end of the month"
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
        // "two years ago", "three days ago"
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

    /// "on Monday", "Tuesday": the nearest such day before the document date in
    /// reported speech, after it when the sentence speaks of the future.
    fn weekday(&self, i: usize) -> Option<Found> {
        let lower = self.lower(i);
        let &(_, weekday) = WEEKDAYS.iter().find(|(n, _)| *n == lower)?;
        let (first, future) = match self.lower(i.wrapping_sub(1)) {
            "next" | "coming" => (i - 1, true),
            "last" | "past" => (i - 1, false),
            "this" => (i - 1, self.future_context(i)),
            _ => (i, self.future_context(i)),
        };
        self.found(first, i + 1, Expr::Weekday { weekday, future })
    }

    fn future_context(&self, i: usize) -> bool {
        let from = i.saturating_sub(8);
        (from..i).any(|k| {
            let w = self.lower(k);
            matches!(
                w,
                "will"
                    | "'ll"
                    | "shall"
                    | "scheduled"
                    | "expected"
                    | "plans"
                    | "planned"
                    | "going"
                    | "set"
                    | "until"
                    | "till"
                    | "upcoming"
                    | "due"
                    | "next"
            ) || (w == "to" && self.lower(k.wrapping_sub(1)) == "is")
        })
    }

    /// "1991", "in 2008": a four-digit year that is not an amount or a count; "'82".
    fn bare_year(&self, i: usize) -> Option<Found> {
        if matches!(self.word(i), "'" | "’") && self.joined(i + 1) && self.word(i + 1).len() == 2
        {
            // "iLife '11", "Windows '95": a version after a name, not a year in the
            // text's time ("in '82", "the class of '11", "summer '69" stay years).
            let prev = i.checked_sub(1).map(|k| (self.word(k), &self.tokens[k]));
            if prev.is_some_and(|(w, t)| {
                t.kind == TokenKind::Word
                    && w.chars().any(char::is_uppercase)
                    && self.month(i - 1).is_none()
                    && !matches!(
                        self.lower(i - 1),
                        "spring" | "summer" | "autumn" | "fall" | "winter"
                    )
            }) {
                return None;
            }
            let d: i16 = self.number(i + 1)? as i16;
            let y = if d >= 30 { 1900 + d } else { 2000 + d };
            return self.found(i, i + 2, Expr::Year(y));
        }
        let y = self.year(i)?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let prev = self.word(i.wrapping_sub(1));
        let next = self.word(i + 1);
        let joined_prev = i > 0 && self.joined(i);
        if matches!(prev, "$" | "€" | "£" | "#" | "¥")
            || (joined_prev && matches!(prev, "," | "." | "-" | "/"))
            || matches!(next, "%")
            || self.joined(i + 1)
                && matches!(next, "," | ".")
                && self
                    .tokens
                    .get(i + 2)
                    .is_some_and(|t| t.kind == TokenKind::Number && !t.space_before)
        {
            return None;
        }
        let capitalised = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.sentence_start)
                && self.word(k).chars().next().is_some_and(char::is_uppercase)
                && self.month(k).is_none()
        };
        if i > 0 && capitalised(i - 1) && capitalised(i + 1) {
            return None;
        }
        let next_lower = self.lower(i + 1);
        if matches!(
            next_lower,
            "people"
                | "employees"
                | "workers"
                | "jobs"
                | "units"
                | "cars"
                | "aircraft"
                | "planes"
                | "shares"
                | "dollars"
                | "euros"
                | "pounds"
                | "km"
                | "miles"
                | "feet"
                | "meters"
                | "metres"
                | "tons"
                | "tonnes"
        ) {
            return None;
        }
        self.found(i, i + 1, Expr::Year(y))
    }

    /// "in May", "October": a month name alone, its year from context. "May" needs a
    /// preposition before it, since it is also a verb.
    fn bare_month(&self, i: usize) -> Option<Found> {
        let (month, end) = self.month(i)?;
        let word = self.lower(i);
        let prev = self.lower(i.wrapping_sub(1));
        let cue = matches!(
            prev,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "last"
                | "next"
                | "this"
                | "from"
                | "through"
                | "before"
                | "after"
        );
        if word.len() <= 3 && word != "may" || (word == "may" || word == "march") && !cue {
            return None;
        }
        let first = if matches!(prev, "last" | "next" | "this") {
            i - 1
        } else {
            i
        };
        self.found(first, end, Expr::Month { year: None, month })
    }

    /// "now", "currently", "recently": references without an interval.
    fn vague(&self, i: usize) -> Option<Found> {
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
        let value = match self.lower(i) {
            "currently" | "nowadays" => "PRESENT_REF",
            "recently" | "recent" => "PAST_REF",
            "soon" => "FUTURE_REF",
            _ => return None,
        };
        self.found(i, i + 1, Expr::Vague(value))
    }
}

fn valid(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

fn month_end(year: i16, month: i8) -> Option<Date> {
    Some(Date::new(year, month, 1).ok()?.last_of_month())
}

/// The first and last day of a month.
fn month_interval(year: i16, month: i8) -> Option<(Date, Date)> {
    Some((Date::new(year, month, 1).ok()?, month_end(year, month)?))
}

/// The first and last day of the decade starting in `year`.
fn decade_interval(year: i16) -> Option<(Date, Date)> {
    Some((
        Date::new(year, 1, 1).ok()?,
        Date::new(year.checked_add(9)?, 12, 31).ok()?,
    ))
}

fn month_value(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

fn day_value(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Finds date expressions in a document's tokens (unresolved).
fn scan(text: &str, tokens: &[Token], order: NumericOrder) -> Vec<Found> {
    let lower_text = text.to_ascii_lowercase();
    let mut scanner = Scanner {
        text,
        lower_text: &lower_text,
        tokens,
        order,
    };
    // Without a setting, the document may settle the day-month order itself.
    if order == NumericOrder::Unknown {
        scanner.order = scanner.document_order();
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !scanner.could_start(i) {
            i += 1;
            continue;
        }
        match scanner.at(i) {
            Some(f) if f.end > i => {
                found.push(f);
                i = f.end;
            }
            _ => i += 1,
        }
    }
    found
}

/// A date given in a file's metadata: `date:` in Markdown/YAML front matter, or the
/// `Date:` header of an e-mail. None when the file has neither.
pub fn metadata_date(text: &str) -> Option<Date> {
    let mut lines = text.lines().take(60);
    let first = lines.next()?.trim();
    let value = if first == "---" {
        lines.take_while(|l| l.trim() != "---").find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim().eq_ignore_ascii_case("date"))
                .map(|(_, v)| v)
        })
    } else {
        // E-mail headers: "Key: value" lines up to the first blank line, with a Date.
        let headers: Vec<&str> = std::iter::once(first)
            .chain(lines.take_while(|l| !l.trim().is_empty()))
            .collect();
        let is_header = |l: &&str| {
            l.starts_with([' ', '\t'])
                || l.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        };
        let looks_like_mail = headers.iter().all(is_header)
            && headers
                .iter()
                .any(|l| l.starts_with("From:") || l.starts_with("Subject:"));
        if !looks_like_mail {
            return None;
        }
        headers.iter().find_map(|l| l.strip_prefix("Date:"))
    }?;
    date_from_value(value)
}

/// The day a metadata value names: an ISO date or timestamp ("2024-05-10",
/// "2024-05-10T09:00:00Z"), or a written full date ("Fri, 10 May 2024 09:00 +0000").
pub fn date_from_value(value: &str) -> Option<Date> {
    let value = value.trim().trim_matches(['"', '\'']);
    if let Some(date) = value.get(..10).and_then(|v| v.parse::<Date>().ok()) {
        return Some(date);
    }
    let tokens = crate::engine::recognize::token::tokenize(value);
    scan(value, &tokens, NumericOrder::Unknown)
        .into_iter()
        .find_map(|f| f.expr.full_date())
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
}

/// Context for resolving a document's dates.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateContext {
    /// A document date known from metadata; takes precedence over the text's own
    /// dates except a dateline.
    pub metadata_date: Option<Date>,
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
    let doc_date = document_date(text, tokens, &found, context.metadata_date);
    let mut mentions = Vec::with_capacity(found.len());
    // Without a document date, a partial date takes the nearest explicit year before
    // it, else the first one after it, else the previous document's year (one pass).
    let first_year = found.iter().find_map(|g| explicit_year(g.expr));
    let mut year_before: Option<i16> = None;
    // The date the text last spoke of, for "three days later" and "that day".
    let mut reference: Option<DateMention> = None;
    for f in &found {
        let year_hint = doc_date
            .map(|d| d.date.year())
            .or(year_before)
            .or(first_year)
            .or(context.fallback_year);
        if let Some(y) = explicit_year(f.expr) {
            year_before = Some(y);
        }
        let anchor = doc_date.map(|d| d.date);
        let mention = match f.expr {
            // Counted from the last date fine enough for the unit, else from the
            // document date, as the report's own time.
            Expr::FromReference { unit, .. } => {
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
            _ => resolve(f, anchor, year_hint),
        };
        if mention.interval.is_some() {
            reference = Some(mention.clone());
        }
        mentions.push(DateMention {
            start: tokens[f.first].start,
            end: tokens[f.end - 1].end,
            ..mention
        });
    }
    (mentions, doc_date)
}

fn explicit_year(expr: Expr) -> Option<i16> {
    match expr {
        Expr::Day { year, .. }
        | Expr::DayRange { year, .. }
        | Expr::Month { year, .. }
        | Expr::MonthRange { year, .. }
        | Expr::Quarter { year, .. }
        | Expr::Season { year, .. } => year,
        Expr::Year(y) => Some(y),
        _ => None,
    }
}

/// Dateline first, then metadata, then the latest full date written in the text.
fn document_date(
    text: &str,
    tokens: &[Token],
    found: &[Found],
    metadata: Option<Date>,
) -> Option<DocumentDate> {
    // A dateline: a full date that is most of one of the first three lines.
    let mut line = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.line_start && i > 0 {
            line += 1;
        }
        if line >= 3 {
            break;
        }
        if let Some(f) = found.iter().find(|f| f.first == i) {
            if let Some(date) = f.expr.full_date() {
                let line_start = text[..t.start].rfind('\n').map_or(0, |p| p + 1);
                let line_end = text[t.start..]
                    .find('\n')
                    .map_or(text.len(), |p| t.start + p);
                let date_len = tokens[f.end - 1].end - t.start;
                if line_end - line_start <= date_len + 40 {
                    return Some(DocumentDate {
                        date,
                        source: DocumentDateSource::Dateline,
                    });
                }
            }
        }
    }
    if let Some(date) = metadata {
        return Some(DocumentDate {
            date,
            source: DocumentDateSource::Metadata,
        });
    }
    found
        .iter()
        .filter_map(|f| f.expr.full_date())
        .max()
        .map(|date| DocumentDate {
            date,
            source: DocumentDateSource::LatestInText,
        })
}

/// The year (of `hint` ± 1) that puts month-day closest to the anchor; the hint's year without an anchor.
fn infer_year(anchor: Option<Date>, hint: Option<i16>, month: i8, day: i8) -> Option<i16> {
    let Some(anchor) = anchor else { return hint };
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| Some((year, valid(year, month, day.clamp(1, 28))?)))
        .min_by_key(|(_, d)| anchor.since(*d).map_or(i32::MAX, |s| s.get_days().abs()))
        .map(|(year, _)| year)
        .or(Some(y))
}

fn resolve(f: &Found, anchor: Option<Date>, year_hint: Option<i16>) -> DateMention {
    let mut m = DateMention {
        start: 0,
        end: 0,
        interval: None,
        precision: Precision::Day,
        anchoring: Anchoring::Explicit,
        ambiguous: f.ambiguous,
        value: String::new(),
    };
    let unresolved = |m: &mut DateMention, precision| {
        m.precision = precision;
        m.anchoring = Anchoring::Unresolved;
    };
    match f.expr {
        Expr::Day { year, month, day } => {
            m.precision = Precision::Day;
            let year = match year {
                Some(y) => Some(y),
                None => {
                    m.anchoring = Anchoring::YearInferred;
                    infer_year(anchor, year_hint, month, day)
                }
            };
            match year.and_then(|y| valid(y, month, day)) {
                Some(d) => {
                    m.interval = Some((d, d));
                    m.value = day_value(d);
                }
                None => {
                    unresolved(&mut m, Precision::Day);
                    m.value = format!("XXXX-{month:02}-{day:02}");
                }
            }
        }
        Expr::DayRange {
            year,
            month,
            day,
            month2,
            day2,
        } => {
            m.precision = Precision::Day;
            let year = match year {
                Some(y) => Some(y),
                None => {
                    m.anchoring = Anchoring::YearInferred;
                    infer_year(anchor, year_hint, month, day)
                }
            };
            let year2 = year.map(|y| if month2 < month { y + 1 } else { y });
            match (
                year.and_then(|y| valid(y, month, day)),
                year2.and_then(|y| valid(y, month2, day2)),
            ) {
                (Some(a), Some(b)) if a <= b => {
                    m.interval = Some((a, b));
                    m.value = day_value(a);
                }
                _ => {
                    unresolved(&mut m, Precision::Day);
                    m.value = format!("XXXX-{month:02}-{day:02}");
                }
            }
        }
        Expr::Month { year, month } => {
            m.precision = Precision::Month;
            let year = match year {
                Some(y) => Some(y),
                None => {
                    m.anchoring = Anchoring::YearInferred;
                    // News reports the past: the latest such month up to the document
                    // date, unless the sentence speaks of the future.
                    match anchor {
                        Some(a) if f.future && month > a.month() => Some(a.year()),
                        Some(a) if f.future && month < a.month() => Some(a.year() + 1),
                        Some(a) if month > a.month() => Some(a.year() - 1),
                        Some(a) => Some(a.year()),
                        None => year_hint,
                    }
                }
            };
            match year {
                Some(y) => {
                    m.interval = month_interval(y, month);
                    m.value = month_value(y, month);
                }
                None => {
                    unresolved_month(&mut m, month);
                }
            }
        }
        Expr::MonthRange {
            year,
            month,
            month2,
        } => {
            m.precision = Precision::Month;
            let year = year.or_else(|| {
                m.anchoring = Anchoring::YearInferred;
                anchor.map(|a| a.year()).or(year_hint)
            });
            match year {
                Some(y) => {
                    let y1 = if month2 < month { y - 1 } else { y };
                    m.interval = month_interval(y1, month)
                        .zip(month_interval(y, month2))
                        .map(|(a, b)| (a.0, b.1));
                    m.value = month_value(y1, month);
                }
                None => {
                    unresolved_month(&mut m, month);
                }
            }
        }
        Expr::Year(y) => {
            m.precision = Precision::Year;
            m.interval = year_interval(y);
            m.value = format!("{y:04}");
        }
        Expr::Decade(y) => {
            m.precision = Precision::Decade;
            m.interval = decade_interval(y);
            m.value = format!("{:03}", y / 10);
        }
        Expr::Quarter { year, quarter } => {
            m.precision = Precision::Quarter;
            let year = year.or_else(|| {
                m.anchoring = Anchoring::YearInferred;
                anchor.map(|a| a.year()).or(year_hint)
            });
            match year {
                Some(y) => {
                    let m1 = (quarter - 1) * 3 + 1;
                    m.interval = month_interval(y, m1)
                        .zip(month_interval(y, m1 + 2))
                        .map(|(a, b)| (a.0, b.1));
                    m.value = format!("{y:04}-Q{quarter}");
                }
                None => {
                    unresolved(&mut m, Precision::Quarter);
                    m.value = format!("XXXX-Q{quarter}");
                }
            }
        }
        Expr::Season { year, season } => {
            m.precision = Precision::Season;
            match year {
                Some(y) => {
                    m.interval = season.interval(y);
                    m.value = format!("{y:04}-{}", season.code());
                }
                None => unresolved_season(&mut m, season),
            }
        }
        Expr::RelSeason { offset, season } => {
            m.precision = Precision::Season;
            m.anchoring = Anchoring::Relative;
            match anchor {
                Some(a) => {
                    let y = a.year() + offset as i16;
                    m.interval = season.interval(y);
                    m.value = format!("{y:04}-{}", season.code());
                }
                None => unresolved_season(&mut m, season),
            }
        }
        Expr::RelDays(n) => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Day;
            match anchor.and_then(|a| a.checked_add(n.days()).ok()) {
                Some(d) => {
                    m.interval = Some((d, d));
                    m.value = day_value(d);
                }
                None => {
                    unresolved(&mut m, Precision::Day);
                    m.value = "XXXX-XX-XX".into();
                }
            }
        }
        Expr::Weekday { weekday, future } => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Day;
            match anchor {
                Some(a) => {
                    let d = if future {
                        if a.weekday() == weekday {
                            Some(a)
                        } else {
                            a.nth_weekday(1, weekday).ok()
                        }
                    } else if a.weekday() == weekday {
                        Some(a)
                    } else {
                        a.nth_weekday(-1, weekday).ok()
                    };
                    if let Some(d) = d {
                        m.interval = Some((d, d));
                        m.value = day_value(d);
                    }
                }
                None => {
                    unresolved(&mut m, Precision::Day);
                    m.value = "XXXX-XX-XX".into();
                }
            }
        }
        Expr::RelWeeks(n) => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Week;
            match anchor.and_then(|a| a.checked_add((7 * n).days()).ok()) {
                Some(d) => {
                    let offset = d.weekday().to_monday_zero_offset() as i32;
                    let monday = d.checked_sub(offset.days()).unwrap_or(d);
                    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
                    let week = d.iso_week_date();
                    m.interval = Some((monday, sunday));
                    m.value = format!("{:04}-W{:02}", week.year(), week.week());
                }
                None => {
                    unresolved(&mut m, Precision::Week);
                    m.value = "XXXX-WXX".into();
                }
            }
        }
        Expr::RelMonths(n) => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Month;
            match anchor.and_then(|a| a.first_of_month().checked_add(n.months()).ok()) {
                Some(d) => {
                    m.interval = Some((d, d.last_of_month()));
                    m.value = month_value(d.year(), d.month());
                }
                None => {
                    unresolved(&mut m, Precision::Month);
                    m.value = "XXXX-XX".into();
                }
            }
        }
        Expr::RelYears(n) | Expr::RelFiscalYear(n) => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Year;
            let prefix = if matches!(f.expr, Expr::RelFiscalYear(_)) {
                "FY"
            } else {
                ""
            };
            match anchor {
                Some(a) => {
                    let y = a.year() + n as i16;
                    m.interval = year_interval(y);
                    m.value = format!("{prefix}{y:04}");
                }
                None => {
                    unresolved(&mut m, Precision::Year);
                    m.value = format!("{prefix}XXXX");
                }
            }
        }
        Expr::MonthOfRelYear { month, offset } => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Month;
            match anchor {
                Some(a) => {
                    let y = a.year() + offset as i16;
                    m.interval = month_interval(y, month);
                    m.value = month_value(y, month);
                }
                None => {
                    unresolved_month(&mut m, month);
                }
            }
        }
        Expr::RelDecade(offset) => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Decade;
            match anchor {
                Some(a) => {
                    let y = (a.year() / 10 + offset as i16) * 10;
                    m.interval = decade_interval(y);
                    m.value = format!("{:03}", y / 10);
                }
                None => {
                    unresolved(&mut m, Precision::Decade);
                    m.value = "XXX".into();
                }
            }
        }
        // Counted from `anchor`, which the caller sets to the date referred to.
        Expr::FromReference { unit, offset } => {
            return resolve(
                &Found {
                    expr: unit.relative(offset),
                    ..*f
                },
                anchor,
                year_hint,
            );
        }
        Expr::Vague(value) => {
            m.precision = Precision::Vague;
            m.anchoring = if anchor.is_some() {
                Anchoring::Relative
            } else {
                Anchoring::Unresolved
            };
            m.value = value.to_string();
        }
    }
    m
}

/// A month whose year no anchor could give: "XXXX-05".
fn unresolved_month(m: &mut DateMention, month: i8) {
    m.precision = Precision::Month;
    m.anchoring = Anchoring::Unresolved;
    m.value = format!("XXXX-{month:02}");
}

fn unresolved_season(m: &mut DateMention, season: Season) {
    m.anchoring = Anchoring::Unresolved;
    m.value = format!("XXXX-{}", season.code());
}

fn year_interval(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

#[cfg(test)]
mod tests;
