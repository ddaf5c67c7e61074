//! Resolving a found expression to a mention: its interval, precision, anchoring and TIMEX value.
//!
//! One function per family of expressions. Absolute forms complete a missing year
//! from the anchor (noted as `YearInferred`); relative forms count from the anchor
//! (noted as `Relative`); without an anchor a mention stays `Unresolved` with a
//! value that keeps what is known ("XXXX-05").

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::anchor::infer_year;
use super::calendar::{
    day_value, decade_interval, month_interval, month_value, months_interval, quarter_interval,
    quarter_value, valid, year_interval,
};
use super::expr::{Expr, Found, Holiday, Season};
use super::{Anchoring, DateMention, Precision};

/// What a mention is resolved against: the anchor day (document date, or the date
/// referred to), a year for partial dates when there is no anchor, and whether the
/// sentence speaks of the future.
#[derive(Clone, Copy)]
struct Anchor {
    day: Option<Date>,
    year_hint: Option<i16>,
    future: bool,
}

pub(super) fn resolve(f: &Found, anchor: Option<Date>, year_hint: Option<i16>) -> DateMention {
    let mut m = DateMention {
        start: 0,
        end: 0,
        interval: None,
        precision: Precision::Day,
        anchoring: Anchoring::Explicit,
        ambiguous: f.ambiguous,
        value: String::new(),
    };
    let at = Anchor {
        day: anchor,
        year_hint,
        future: f.future,
    };
    match f.expr {
        Expr::Day { year, month, day } => resolve_day(&mut m, at, year, month, day),
        Expr::DayRange {
            year,
            month,
            day,
            month2,
            day2,
        } => resolve_day_range(&mut m, at, year, (month, day), (month2, day2)),
        Expr::Month { year, month } => resolve_month(&mut m, at, year, month),
        Expr::MonthRange {
            year,
            month,
            month2,
        } => resolve_month_range(&mut m, at, year, month, month2),
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
        Expr::Quarter { year, quarter } => resolve_quarter(&mut m, at, year, quarter),
        Expr::Season { year, season } => {
            m.precision = Precision::Season;
            set_season(&mut m, year, season);
        }
        Expr::RelSeason { offset, season } => {
            m.precision = Precision::Season;
            m.anchoring = Anchoring::Relative;
            set_season(&mut m, anchor.map(|a| a.year() + offset as i16), season);
        }
        Expr::FirstMonths { year, months } => resolve_first_months(&mut m, at, year, months),
        Expr::CenturyTurn => resolve_century_turn(&mut m, at),
        Expr::RelDays(n) => resolve_relative_days(&mut m, anchor, n),
        Expr::Weekday {
            weekday,
            future,
            strict,
        } => resolve_weekday(&mut m, anchor, weekday, future, strict),
        Expr::RelQuarter(offset) => resolve_relative_quarter(&mut m, anchor, offset),
        Expr::Half { year, half } => resolve_half(&mut m, at, year, half),
        Expr::RelWeeks(n) => resolve_relative_weeks(&mut m, anchor, n),
        Expr::RelMonths(n) => resolve_relative_months(&mut m, anchor, n),
        Expr::RelYears(n) => resolve_relative_years(&mut m, anchor, n, ""),
        Expr::RelFiscalYear(n) => resolve_relative_years(&mut m, anchor, n, "FY"),
        Expr::MonthOfRelYear { month, offset } => {
            m.anchoring = Anchoring::Relative;
            m.precision = Precision::Month;
            set_month(&mut m, anchor.map(|a| a.year() + offset as i16), month);
        }
        Expr::RelDecade(offset) => resolve_relative_decade(&mut m, anchor, offset),
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
        Expr::Holiday { holiday, year } => resolve_holiday(&mut m, at, year, holiday),
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

/// The year written, or else the one `infer` gives, noting that it was inferred.
fn complete_year(
    m: &mut DateMention,
    written: Option<i16>,
    infer: impl FnOnce() -> Option<i16>,
) -> Option<i16> {
    written.or_else(|| {
        m.anchoring = Anchoring::YearInferred;
        infer()
    })
}

/// The anchor's year, else the hint: for forms that take the year as it stands.
fn anchor_year(at: Anchor) -> Option<i16> {
    at.day.map(|a| a.year()).or(at.year_hint)
}

fn unresolved(m: &mut DateMention, precision: Precision, value: String) {
    m.precision = precision;
    m.anchoring = Anchoring::Unresolved;
    m.value = value;
}

/// The year of a month-day written without one: the one nearest the anchor, except
/// that a sentence speaking of the future ("the vote is due on Sept. 10") does not
/// mean a day more than a month gone (a deadline just missed may be meant).
fn day_year(at: Anchor, month: i8, day: i8) -> Option<i16> {
    let nearest = infer_year(at.day, at.year_hint, month, day)?;
    match at.day {
        Some(a) if at.future => {
            let date = valid(nearest, month, day.clamp(1, 28))?;
            let gone = a.since(date).map_or(0, |s| s.get_days());
            Some(if gone > 31 { nearest + 1 } else { nearest })
        }
        _ => Some(nearest),
    }
}

/// "May 10", "10 May 2024".
fn resolve_day(m: &mut DateMention, at: Anchor, year: Option<i16>, month: i8, day: i8) {
    m.precision = Precision::Day;
    let year = complete_year(m, year, || day_year(at, month, day));
    match year.and_then(|y| valid(y, month, day)) {
        Some(d) => {
            m.interval = Some((d, d));
            m.value = day_value(d);
        }
        None => unresolved(m, Precision::Day, format!("XXXX-{month:02}-{day:02}")),
    }
}

/// "May 10-11", "30 December to 2 January" (the second day in the next year when its month is earlier).
fn resolve_day_range(
    m: &mut DateMention,
    at: Anchor,
    year: Option<i16>,
    (month, day): (i8, i8),
    (month2, day2): (i8, i8),
) {
    m.precision = Precision::Day;
    let year = complete_year(m, year, || day_year(at, month, day));
    let year2 = year.map(|y| if month2 < month { y + 1 } else { y });
    match (
        year.and_then(|y| valid(y, month, day)),
        year2.and_then(|y| valid(y, month2, day2)),
    ) {
        (Some(a), Some(b)) if a <= b => {
            m.interval = Some((a, b));
            m.value = day_value(a);
        }
        _ => unresolved(m, Precision::Day, format!("XXXX-{month:02}-{day:02}")),
    }
}

/// "in May": news reports the past, so the latest such month up to the document
/// date, unless the sentence speaks of the future.
fn resolve_month(m: &mut DateMention, at: Anchor, year: Option<i16>, month: i8) {
    m.precision = Precision::Month;
    let year = complete_year(m, year, || match at.day {
        Some(a) if at.future && month > a.month() => Some(a.year()),
        Some(a) if at.future && month < a.month() => Some(a.year() + 1),
        Some(a) if month > a.month() => Some(a.year() - 1),
        Some(a) => Some(a.year()),
        None => at.year_hint,
    });
    set_month(m, year, month);
}

/// "Christmas Eve", "Easter 2024": as a month is, the latest such day up to the
/// document date, unless the sentence speaks of the future (then the next one).
fn resolve_holiday(m: &mut DateMention, at: Anchor, year: Option<i16>, holiday: Holiday) {
    m.precision = Precision::Day;
    let year = complete_year(m, year, || match at.day {
        Some(a) => {
            let this_year = holiday.in_year(a.year())?;
            Some(match (at.future, this_year >= a) {
                (true, true) | (false, false) => a.year(),
                (true, false) => a.year() + 1,
                (false, true) if this_year == a => a.year(),
                (false, true) => a.year() - 1,
            })
        }
        None => at.year_hint,
    });
    match year.and_then(|y| holiday.in_year(y)) {
        Some(d) => {
            m.interval = Some((d, d));
            m.value = day_value(d);
        }
        None => unresolved(m, Precision::Day, "XXXX-XX-XX".to_string()),
    }
}

/// "December-February 2024": a range whose first month is later runs from the year before.
fn resolve_month_range(m: &mut DateMention, at: Anchor, year: Option<i16>, month: i8, month2: i8) {
    m.precision = Precision::Month;
    match complete_year(m, year, || anchor_year(at)) {
        Some(y) => {
            let y1 = if month2 < month { y - 1 } else { y };
            m.interval = month_interval(y1, month)
                .zip(month_interval(y, month2))
                .map(|(a, b)| (a.0, b.1));
            m.value = month_value(y1, month);
        }
        None => set_month(m, None, month),
    }
}

/// "the current quarter" (0), "last quarter" (-1): counted in quarters from the document date's.
fn resolve_relative_quarter(m: &mut DateMention, anchor: Option<Date>, offset: i32) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Quarter;
    let Some(a) = anchor else {
        unresolved(m, Precision::Quarter, "XXXX-QX".into());
        return;
    };
    let index = i32::from(a.year()) * 4 + i32::from(a.month() - 1) / 3 + offset;
    let (year, quarter) = (index.div_euclid(4) as i16, (index.rem_euclid(4) + 1) as i8);
    m.interval = quarter_interval(year, quarter);
    m.value = quarter_value(year, quarter);
}

/// "the first half of 1989" (H1: January to June), the year from the anchor when not written.
fn resolve_half(m: &mut DateMention, at: Anchor, year: Option<i16>, half: i8) {
    m.precision = Precision::Half;
    match complete_year(m, year, || anchor_year(at)) {
        Some(y) => {
            let first = if half == 1 { 1 } else { 7 };
            m.interval = months_interval(y, first, first + 5);
            m.value = format!("{y:04}-H{half}");
        }
        None => unresolved(m, Precision::Half, format!("XXXX-H{half}")),
    }
}

/// "the first nine months": the year written, else the latest year whose months
/// have all gone by the document date (this year's when the sentence speaks of the
/// future). The value is the ISO interval of months ("1989-01/1989-09").
fn resolve_first_months(m: &mut DateMention, at: Anchor, year: Option<i16>, months: i8) {
    m.precision = Precision::Month;
    let year = complete_year(m, year, || match at.day {
        Some(a) if at.future || a.month() > months => Some(a.year()),
        Some(a) => Some(a.year() - 1),
        None => at.year_hint,
    });
    match year {
        Some(y) => {
            m.interval = months_interval(y, 1, months);
            m.value = format!("{}/{}", month_value(y, 1), month_value(y, months));
        }
        None => unresolved(m, Precision::Month, format!("XXXX-01/XXXX-{months:02}")),
    }
}

/// "the turn of the century": the latest century boundary up to the document's
/// year (the next one when the sentence speaks of the future), two years each side.
fn resolve_century_turn(m: &mut DateMention, at: Anchor) {
    m.precision = Precision::Year;
    m.anchoring = Anchoring::Relative;
    let Some(a) = at.day else {
        return unresolved(m, Precision::Year, "XXXX".to_string());
    };
    let latest = a.year() / 100 * 100;
    let turn = if at.future && latest < a.year() {
        latest + 100
    } else {
        latest
    };
    m.interval = year_interval(turn - 2)
        .zip(year_interval(turn + 2))
        .map(|(first, last)| (first.0, last.1));
    m.value = format!("{turn:04}");
}

/// "Q4 2006", "the third quarter".
fn resolve_quarter(m: &mut DateMention, at: Anchor, year: Option<i16>, quarter: i8) {
    m.precision = Precision::Quarter;
    // A quarter not yet begun at the document date, told in the past tense, is last
    // year's ("profit for the fourth quarter was" in January).
    let year = complete_year(m, year, || match at.day {
        Some(a) if !at.future && quarter > (a.month() - 1) / 3 + 1 => Some(a.year() - 1),
        _ => anchor_year(at),
    });
    match year {
        Some(y) => {
            m.interval = quarter_interval(y, quarter);
            m.value = quarter_value(y, quarter);
        }
        None => unresolved(m, Precision::Quarter, format!("XXXX-Q{quarter}")),
    }
}

/// A month of a known year, or one whose year no anchor could give ("XXXX-05").
fn set_month(m: &mut DateMention, year: Option<i16>, month: i8) {
    match year {
        Some(y) => {
            m.interval = month_interval(y, month);
            m.value = month_value(y, month);
        }
        None => unresolved(m, Precision::Month, format!("XXXX-{month:02}")),
    }
}

/// A season of a known year, or one whose year is unknown ("XXXX-SU"; precision stays season).
fn set_season(m: &mut DateMention, year: Option<i16>, season: Season) {
    match year {
        Some(y) => {
            m.interval = season.interval(y);
            m.value = format!("{y:04}-{}", season.code());
        }
        None => {
            m.anchoring = Anchoring::Unresolved;
            m.value = format!("XXXX-{}", season.code());
        }
    }
}

/// "yesterday", "three days ago".
fn resolve_relative_days(m: &mut DateMention, anchor: Option<Date>, n: i32) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Day;
    match anchor.and_then(|a| a.checked_add(n.days()).ok()) {
        Some(d) => {
            m.interval = Some((d, d));
            m.value = day_value(d);
        }
        None => unresolved(m, Precision::Day, "XXXX-XX-XX".into()),
    }
}

/// "on Friday": the last such day up to the anchor, or the next from it in a
/// sentence about the future; the anchor itself when it is that weekday.
fn resolve_weekday(
    m: &mut DateMention,
    anchor: Option<Date>,
    weekday: Weekday,
    future: bool,
    strict: bool,
) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Day;
    let Some(a) = anchor else {
        unresolved(m, Precision::Day, "XXXX-XX-XX".into());
        return;
    };
    let d = if a.weekday() == weekday && !strict {
        Some(a)
    } else {
        a.nth_weekday(if future { 1 } else { -1 }, weekday).ok()
    };
    if let Some(d) = d {
        m.interval = Some((d, d));
        m.value = day_value(d);
    }
}

/// "last week": the ISO week, Monday to Sunday.
fn resolve_relative_weeks(m: &mut DateMention, anchor: Option<Date>, n: i32) {
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
        None => unresolved(m, Precision::Week, "XXXX-WXX".into()),
    }
}

/// "last month", "two months ago".
fn resolve_relative_months(m: &mut DateMention, anchor: Option<Date>, n: i32) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Month;
    match anchor.and_then(|a| a.first_of_month().checked_add(n.months()).ok()) {
        Some(d) => {
            m.interval = Some((d, d.last_of_month()));
            m.value = month_value(d.year(), d.month());
        }
        None => unresolved(m, Precision::Month, "XXXX-XX".into()),
    }
}

/// "last year"; with `prefix` "FY", "this fiscal year" (the calendar year, as the
/// company's fiscal calendar is unknown).
fn resolve_relative_years(m: &mut DateMention, anchor: Option<Date>, n: i32, prefix: &str) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Year;
    match anchor {
        Some(a) => {
            let y = a.year() + n as i16;
            m.interval = year_interval(y);
            m.value = format!("{prefix}{y:04}");
        }
        None => unresolved(m, Precision::Year, format!("{prefix}XXXX")),
    }
}

/// "the past decade".
fn resolve_relative_decade(m: &mut DateMention, anchor: Option<Date>, offset: i32) {
    m.anchoring = Anchoring::Relative;
    m.precision = Precision::Decade;
    match anchor {
        Some(a) => {
            let y = (a.year() / 10 + offset as i16) * 10;
            m.interval = decade_interval(y);
            m.value = format!("{:03}", y / 10);
        }
        None => unresolved(m, Precision::Decade, "XXX".into()),
    }
}

/// A month or quarter spoken of, `years` later (earlier when negative), as a
/// comparison period: "March" then "a year ago" is March of the year before.
/// Other precisions are not periods one compares so.
pub(super) fn shifted_by_years(reference: &DateMention, years: i16) -> Option<DateMention> {
    let (first, _) = reference.interval?;
    let year = first.year().checked_add(years)?;
    let month = first.month();
    let (interval, value) = match reference.precision {
        Precision::Month => (month_interval(year, month)?, month_value(year, month)),
        Precision::Quarter => {
            let quarter = (month - 1) / 3 + 1;
            (
                quarter_interval(year, quarter)?,
                quarter_value(year, quarter),
            )
        }
        _ => return None,
    };
    Some(DateMention {
        interval: Some(interval),
        anchoring: Anchoring::Relative,
        value,
        ..reference.clone()
    })
}
