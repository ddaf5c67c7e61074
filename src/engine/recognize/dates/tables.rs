//! Closed word tables of the date matchers, in one place: every word that can open a date form comes from here.
//!
//! Read by the matchers (absolute, periods, relative) and by [`could_start`], the
//! scanner's quick test, which is derived from these tables rather than copied.

use std::sync::OnceLock;

use jiff::civil::Weekday;
use rustc_hash::FxHashSet as HashSet;

use crate::engine::recognize::word_shapes::WordShapes;

use super::expr::{Holiday, Season};

pub(super) const MONTHS: &[(&str, i8)] = &[
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

/// A month's name or abbreviation in lower case ("sept"), as the date matchers read
/// it; for the dateline test of the entity rules too.
pub fn is_month_word(lower: &str) -> bool {
    MONTHS.iter().any(|(name, _)| *name == lower)
}

pub(super) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

pub(super) const NUMBER_WORDS: &[(&str, i32)] = &[
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

pub(super) const ORDINAL_QUARTERS: &[(&str, i8)] = &[
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

/// Season names (read by `periods::season`).
pub(super) const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
    ("winter", Season::Winter),
];

/// Days named relative to the document date, with their offset in days (read by `relative::relative`).
pub(super) const DAY_WORDS: &[(&str, i32)] = &[
    ("today", 0),
    ("tonight", 0),
    ("yesterday", -1),
    ("tomorrow", 1),
];

/// References to a time without an interval, with their TIMEX value (read by `relative::vague`).
pub(super) const VAGUE_WORDS: &[(&str, &str)] = &[
    ("currently", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("recent", "PAST_REF"),
    ("soon", "FUTURE_REF"),
];

/// Named days, lower case as written (an apostrophe may also be written ’), longest
/// first where one name begins another.
pub(super) const HOLIDAYS: &[(&str, Holiday)] = &[
    ("christmas eve", Holiday::Fixed { month: 12, day: 24 }),
    ("christmas day", Holiday::Fixed { month: 12, day: 25 }),
    ("christmas", Holiday::Fixed { month: 12, day: 25 }),
    ("new year's eve", Holiday::Fixed { month: 12, day: 31 }),
    ("new year's day", Holiday::Fixed { month: 1, day: 1 }),
    ("boxing day", Holiday::Fixed { month: 12, day: 26 }),
    ("valentine's day", Holiday::Fixed { month: 2, day: 14 }),
    ("independence day", Holiday::Fixed { month: 7, day: 4 }),
    ("fourth of july", Holiday::Fixed { month: 7, day: 4 }),
    ("bastille day", Holiday::Fixed { month: 7, day: 14 }),
    ("halloween", Holiday::Fixed { month: 10, day: 31 }),
    ("veterans day", Holiday::Fixed { month: 11, day: 11 }),
    ("armistice day", Holiday::Fixed { month: 11, day: 11 }),
    (
        "thanksgiving day",
        Holiday::NthWeekday {
            month: 11,
            weekday: Weekday::Thursday,
            nth: 4,
        },
    ),
    (
        "thanksgiving",
        Holiday::NthWeekday {
            month: 11,
            weekday: Weekday::Thursday,
            nth: 4,
        },
    ),
    (
        "labor day",
        Holiday::NthWeekday {
            month: 9,
            weekday: Weekday::Monday,
            nth: 1,
        },
    ),
    (
        "martin luther king day",
        Holiday::NthWeekday {
            month: 1,
            weekday: Weekday::Monday,
            nth: 3,
        },
    ),
    (
        "memorial day",
        Holiday::LastWeekday {
            month: 5,
            weekday: Weekday::Monday,
        },
    ),
    ("election day", Holiday::ElectionDay),
    ("good friday", Holiday::FromEaster(-2)),
    ("easter sunday", Holiday::FromEaster(0)),
    ("easter monday", Holiday::FromEaster(1)),
    ("easter", Holiday::FromEaster(0)),
];

/// The other words a form can open with: prepositions and determiners ("between",
/// "the", "last"), modifiers ("early", "mid"), "now", quarter codes and the
/// apostrophe of "'82".
const LEAD_WORDS: &[&str] = &[
    "between", "from", "the", "this", "that", "last", "past", "previous", "next", "coming",
    "early", "late", "mid", "middle", "earlier", "later", "now", "q1", "q2", "q3", "q4", "'", "’",
    "fiscal", "year",
];

/// The words after "the" with which some form goes on, each from the matcher that
/// reads it: "the first half", "the first three months", "the turn of the century",
/// "the past decade", "the same day", "the whole year", "the next day", "the
/// following month", "the day before", "the year-earlier quarter", "the current
/// quarter", "the fiscal year", "the end of the month", "the weekend", "the future",
/// "the near term"; and every ordinal of [`ORDINAL_QUARTERS`] ("the third quarter").
/// After any other word no form starts at "the", so the scanner tries none there: on
/// generated news, two in three of its tries, each of which ran every matcher. A
/// matcher that comes to read another word after "the" adds it here (`scan::tests`
/// tries every form after each word it knows, with the guard and without).
#[rustfmt::skip]
pub(super) const AFTER_THE: &[&str] = &[
    "first", "second", "turn", "past", "last", "previous", "same", "very", "whole",
    "entire", "full", "next", "following", "preceding", "day", "week", "month", "year",
    "current", "coming", "fiscal", "financial", "end", "beginning", "start", "middle",
    "weekend", "future", "near", "long", "short",
];

/// The words after "that" with which a form goes on: "that time", "that morning",
/// "that day" (`relative::counted_from_reference`, the only matcher that reads "that").
#[rustfmt::skip]
pub(super) const AFTER_THAT: &[&str] = &[
    "time", "morning", "afternoon", "evening", "night", "day", "week", "month", "year",
];

/// Whether some form can start at a token written `lower` followed by one written
/// `next` (both lower-cased): false only after "the" or "that" where no form reads on.
pub(super) fn may_start_before(lower: &str, next: &str) -> bool {
    match lower {
        "the" => {
            AFTER_THE.contains(&next) || ORDINAL_QUARTERS.iter().any(|&(word, _)| word == next)
        }
        "that" => AFTER_THAT.contains(&next),
        _ => true,
    }
}

/// Whether a lower-cased token can open some date form: a word of any table above.
/// Numbers are tested apart (see `Scanner::could_start`).
pub(super) fn could_start(lower: &str) -> bool {
    static WORDS: OnceLock<(WordShapes, HashSet<&'static str>)> = OnceLock::new();
    let (shapes, words) = WORDS.get_or_init(|| {
        let words = opening_words();
        let mut shapes: WordShapes = WordShapes::default();
        words.iter().for_each(|w| shapes.add(w));
        (shapes, words)
    });
    // Most words of a text are of no table's shape: no hash for them.
    shapes.may_hold(lower) && words.contains(lower)
}

/// The words of the tables above that can open a date form.
pub(super) fn opening_words() -> HashSet<&'static str> {
    let names = MONTHS.iter().map(|(w, _)| *w);
    let names = names.chain(WEEKDAYS.iter().map(|(w, _)| *w));
    let names = names.chain(NUMBER_WORDS.iter().map(|(w, _)| *w));
    let names = names.chain(ORDINAL_QUARTERS.iter().map(|(w, _)| *w));
    let names = names.chain(SEASONS.iter().map(|(w, _)| *w));
    let names = names.chain(DAY_WORDS.iter().map(|(w, _)| *w));
    let names = names.chain(VAGUE_WORDS.iter().map(|(w, _)| *w));
    let first_words = HOLIDAYS
        .iter()
        .filter_map(|(w, _)| w.split([' ', '\'']).next());
    let names = names.chain(first_words);
    names.chain(LEAD_WORDS.iter().copied()).collect()
}
