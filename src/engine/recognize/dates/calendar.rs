//! Calendar helpers for normalisation: valid days, month, year and decade intervals, TIMEX values.

use jiff::civil::Date;

pub(super) fn valid(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

pub(super) fn month_end(year: i16, month: i8) -> Option<Date> {
    Some(Date::new(year, month, 1).ok()?.last_of_month())
}

/// The first and last day of a month.
pub(super) fn month_interval(year: i16, month: i8) -> Option<(Date, Date)> {
    Some((Date::new(year, month, 1).ok()?, month_end(year, month)?))
}

/// The first day of month `first` to the last day of month `last`, in one year.
pub(super) fn months_interval(year: i16, first: i8, last: i8) -> Option<(Date, Date)> {
    Some((Date::new(year, first, 1).ok()?, month_end(year, last)?))
}

/// The three months of a quarter (1 to 4).
pub(super) fn quarter_interval(year: i16, quarter: i8) -> Option<(Date, Date)> {
    let first = (quarter - 1) * 3 + 1;
    months_interval(year, first, first + 2)
}

/// The TIMEX value of a quarter: "2006-Q4".
pub(super) fn quarter_value(year: i16, quarter: i8) -> String {
    format!("{year:04}-Q{quarter}")
}

/// The first and last day of the decade starting in `year`.
pub(super) fn decade_interval(year: i16) -> Option<(Date, Date)> {
    Some((
        Date::new(year, 1, 1).ok()?,
        Date::new(year.checked_add(9)?, 12, 31).ok()?,
    ))
}

pub(super) fn month_value(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

pub(super) fn day_value(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(super) fn year_interval(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}
