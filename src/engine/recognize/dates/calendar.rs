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
    let mut value = String::with_capacity(7);
    push_padded(&mut value, year.into(), 4);
    value.push('-');
    push_padded(&mut value, month.into(), 2);
    value
}

/// "2024-05-10". Written digit by digit: formatting date values was half a
/// percent of a pack build's instructions.
pub(super) fn day_value(d: Date) -> String {
    let mut value = String::with_capacity(10);
    push_padded(&mut value, d.year().into(), 4);
    value.push('-');
    push_padded(&mut value, d.month().into(), 2);
    value.push('-');
    push_padded(&mut value, d.day().into(), 2);
    value
}

/// Appends `n` as `format!("{n:0width$}")` does.
fn push_padded(out: &mut String, n: i32, width: u32) {
    if !(0..10_i32.pow(width)).contains(&n) {
        // A negative year, or one past 9999: as formatting writes it.
        out.push_str(&format!("{n:0width$}", width = width as usize));
        return;
    }
    for place in (0..width).rev() {
        let digit = n / 10_i32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

pub(super) fn year_interval(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_formatting_writes_them() {
        let cases: &[(&str, i32, u32)] = &[
            ("a year", 2024, 4),
            ("an early year", 987, 4),
            ("year zero", 0, 4),
            ("a negative year", -44, 4),
            ("a year past four digits", 12_345, 4),
            ("a month", 5, 2),
            ("a day", 31, 2),
            ("two digits past their width", 100, 2),
        ];
        for &(name, n, width) in cases {
            let mut written = String::new();
            push_padded(&mut written, n, width);
            let formatted = format!("{n:0width$}", width = width as usize);
            assert_eq!(written, formatted, "{name}");
        }
        let date = Date::new(1991, 4, 9).unwrap();
        assert_eq!(day_value(date), "1991-04-09");
        assert_eq!(month_value(2024, 12), "2024-12");
    }
}
