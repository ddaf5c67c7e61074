//! Day numbers: dates as plain integers (days since 1970-01-01), for views that count many date mentions.
//!
//! Closed-form conversions (H. Hinnant's `days_from_civil` and `civil_from_days`):
//! the timeline bins every date mention of the shown documents on each click, and
//! integer comparisons are far cheaper there than calendar-library dates.

use crate::engine::Date;

/// Days since 1970-01-01 (negative before), in the proleptic Gregorian calendar.
pub fn day_number(d: Date) -> i32 {
    let (y, m, day) = (d.year() as i32, d.month() as i32, d.day() as i32);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number; None outside the years the calendar library holds.
pub fn date_of_day(n: i32) -> Option<Date> {
    let z = n.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_agree_with_the_calendar() {
        let epoch = Date::constant(1970, 1, 1);
        for (name, date) in [
            ("the epoch", "1970-01-01"),
            ("a leap day", "2024-02-29"),
            ("the day after", "2024-03-01"),
            ("a century that is not leap", "1900-03-01"),
            ("one that is", "2000-02-29"),
            ("long ago", "1066-10-14"),
            ("far ahead", "2999-12-31"),
            ("the first year", "0001-01-01"),
        ] {
            let d: Date = date.parse().unwrap();
            let expected = d.since((jiff::Unit::Day, epoch)).unwrap().get_days();
            assert_eq!(day_number(d), expected, "{name}");
            assert_eq!(date_of_day(expected), Some(d), "{name}, back");
        }
    }

    #[test]
    fn every_day_of_four_centuries_goes_there_and_back() {
        let mut d = Date::constant(1800, 1, 1);
        let mut n = day_number(d);
        while d.year() < 2200 {
            assert_eq!(day_number(d), n, "{d}");
            assert_eq!(date_of_day(n), Some(d), "{n}");
            d = d.tomorrow().unwrap();
            n += 1;
        }
    }

    #[test]
    fn days_beyond_the_calendar_have_no_date() {
        assert_eq!(date_of_day(i32::MAX / 2), None);
        assert_eq!(date_of_day(i32::MIN / 2), None);
    }
}
