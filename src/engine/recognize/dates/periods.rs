//! Matchers of periods: quarters, seasons, decades, years with a modifier, bare years and bare months.

use super::expr::Part;
use super::expr::{Expr, Found};
use super::scan::Scanner;
use super::tables::*;
use crate::engine::recognize::token::TokenKind;

impl<'a> Scanner<'a> {
    /// "Christmas Eve", "New Year's Day", "Thanksgiving", "Easter 2024": a named day,
    /// capitalised as a name is, with the year written after it if it is.
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        let start = self.tokens[i].start;
        if !self.text[start..].starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let rest = &self.lower_text[start..];
        let (holiday, len) = HOLIDAYS
            .iter()
            .find_map(|&(name, holiday)| Some((holiday, name_length(rest, name)?)))?;
        let end_byte = start + len;
        let mut end = i;
        while end < self.tokens.len() && self.tokens[end].end <= end_byte {
            end += 1;
        }
        if end == i || self.tokens[end - 1].end != end_byte {
            return None;
        }
        let (year, end) = match self.trailing_year(end) {
            Some((y, after)) => (Some(y), after),
            None => (None, end),
        };
        self.found(i, end, Expr::Holiday { holiday, year })
    }

    /// "the first half (of 1989)", "the second half", "first-half": H1 and H2.
    pub(super) fn half(&self, i: usize) -> Option<Found> {
        let start = if self.lower(i) == "the" { i + 1 } else { i };
        let half = match self.lower(start) {
            "first" => 1,
            "second" => 2,
            _ => return None,
        };
        let hyphenated = self.is_dash(start + 1) && self.joined(start + 1);
        let noun = if hyphenated { start + 2 } else { start + 1 };
        if self.lower(noun) != "half" {
            return None;
        }
        let end = noun + 1;
        let (year, end) = match (self.lower(end), self.year(end + 1), self.year(end)) {
            ("of", Some(y), _) => (Some(y), end + 2),
            (_, _, Some(y)) => (Some(y), end + 1),
            _ => (None, end),
        };
        // "a first-half header", "the second half of the match": a half of a match.
        let of_a_match = self.lower(end) == "of"
            && matches!(self.lower(end + 1), "the" | "a")
            && matches!(self.lower(end + 2), "match" | "game" | "contest" | "final");
        if year.is_none() && (is_match_event(self.lower(end)) || of_a_match) {
            return None;
        }
        self.found(i, end, Expr::Half { year, half })
    }

    /// "the first nine months (of 1989)", "the first 6 months": a period from the
    /// year's start (TIMEX calls it a duration; the timeline wants its months).
    pub(super) fn first_months(&self, i: usize) -> Option<Found> {
        if self.lower(i) != "the" || self.lower(i + 1) != "first" || self.lower(i + 3) != "months" {
            return None;
        }
        let months = NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == self.lower(i + 2))
            .map(|&(_, n)| n)
            .or_else(|| self.number(i + 2).map(|n| n as i32))
            .filter(|n| (2..=11).contains(n))? as i8;
        let (year, end) = match (self.lower(i + 4), self.year(i + 5)) {
            ("of", Some(y)) => (Some(y), i + 6),
            _ => (None, i + 4),
        };
        self.found(i, end, Expr::FirstMonths { year, months })
    }

    /// "the turn of the century"
    pub(super) fn century_turn(&self, i: usize) -> Option<Found> {
        let words = ["the", "turn", "of", "the", "century"];
        if (0..words.len()).all(|k| self.lower(i + k) == words[k]) {
            return self.found(i, i + words.len(), Expr::CenturyTurn);
        }
        None
    }

    /// "year-to-date", "year to date": the year up to the document date.
    pub(super) fn year_to_date(&self, i: usize) -> Option<Found> {
        if self.lower(i) != "year" {
            return None;
        }
        let mut k = i + 1;
        let mut words = Vec::with_capacity(2);
        while k < i + 5 && words.len() < 2 {
            match self.lower(k) {
                "-" | "–" => {}
                w @ ("to" | "date") => words.push(w),
                _ => break,
            }
            k += 1;
        }
        if words != ["to", "date"] {
            return None;
        }
        let found = self.found(i, k, Expr::RelYears(0))?;
        Some(Found {
            part: Some(Part::SoFar),
            ..found
        })
    }

    /// "fiscal 1990's second quarter", "1990's first half": the year owns the period.
    pub(super) fn year_owned_period(&self, i: usize) -> Option<Found> {
        let at = if self.lower(i) == "fiscal" { i + 1 } else { i };
        let year = self.year(at)?;
        let period = match (self.lower(at + 1), self.lower(at + 2)) {
            ("'s" | "’s", _) => at + 2,
            ("'" | "’", "s") => at + 3,
            _ => return None,
        };
        let owned = self.quarter(period).or_else(|| self.half(period))?;
        let expr = match owned.expr {
            Expr::Quarter {
                year: None,
                quarter,
            } => Expr::Quarter {
                year: Some(year),
                quarter,
            },
            Expr::Half { year: None, half } => Expr::Half {
                year: Some(year),
                half,
            },
            _ => return None,
        };
        self.found(i, owned.end, expr)
    }

    /// "Q4 2006", "the fourth quarter (of 2005)", "the last quarter"
    pub(super) fn quarter(&self, i: usize) -> Option<Found> {
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
    pub(super) fn season(&self, i: usize) -> Option<Found> {
        let (offset, at) = match self.lower(i) {
            "last" | "past" => (Some(-1), i + 1),
            "this" => (Some(0), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            _ => (None, i),
        };
        let &(_, season) = SEASONS.iter().find(|(w, _)| *w == self.lower(at))?;
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
    pub(super) fn decade(&self, i: usize) -> Option<Found> {
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
    pub(super) fn year_with_modifier(&self, i: usize) -> Option<Found> {
        let w = self.lower(i);
        if matches!(w, "early" | "late" | "mid" | "middle") {
            let at = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
            let y = self.year(at)?;
            return self.found(i, at + 1, Expr::Year(y));
        }
        None
    }

    /// "1991", "in 2008": a four-digit year that is not an amount or a count; "'82".
    pub(super) fn bare_year(&self, i: usize) -> Option<Found> {
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
    pub(super) fn bare_month(&self, i: usize) -> Option<Found> {
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
}

/// The length in bytes of `name` at the start of `text` (lower case; ’ stands for
/// '), if the name is there as whole words.
fn name_length(text: &str, name: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for expected in name.chars() {
        let (_, c) = chars.next()?;
        let same = c == expected || (expected == '\'' && c == '’');
        if !same {
            return None;
        }
    }
    let end = chars.next().map_or(text.len(), |(at, _)| at);
    let whole_word = !text[end..].starts_with(|c: char| c.is_alphanumeric());
    whole_word.then_some(end)
}

/// What happens in a half of a match ("first-half goal"), so that the half is no
/// half of a year.
fn is_match_event(word: &str) -> bool {
    matches!(
        word,
        "goal"
            | "goals"
            | "header"
            | "penalty"
            | "strike"
            | "try"
            | "tries"
            | "equaliser"
            | "equalizer"
            | "opener"
            | "brace"
            | "substitute"
            | "red"
            | "own"
            | "effort"
            | "stoppage"
            | "injury"
    )
}
