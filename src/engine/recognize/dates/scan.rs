//! The date scanner: token accessors shared by every matcher, the cheap test of where a form may start, and the scan over a document.

use std::cell::RefCell;

use super::expr::{Expr, Found};
use super::tables::{self, MONTHS};
use super::NumericOrder;
use crate::engine::recognize::token::{Token, TokenKind};

pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    /// `text` with ASCII letters lowered: same byte offsets, so tokens slice it too.
    pub(super) lower_text: &'a str,
    pub(super) tokens: &'a [Token],
    /// Each token's text, as written and lowered, sliced once: the matchers ask
    /// for the same few tokens again and again (slicing them each time, with its
    /// checks of bounds and character boundaries, was a fortieth of a pack build).
    words: Vec<(&'a str, &'a str)>,
    pub(super) order: NumericOrder,
}

impl<'a> Scanner<'a> {
    /// A scanner over a document's tokens, its lowered text beside it.
    fn new(text: &'a str, lower_text: &'a str, tokens: &'a [Token], order: NumericOrder) -> Self {
        let mut scanner = Scanner {
            text,
            lower_text,
            tokens,
            words: tokens
                .iter()
                .map(|t| (&text[t.start..t.end], &lower_text[t.start..t.end]))
                .collect(),
            order,
        };
        // Without a setting, the document may settle the day-month order itself.
        if order == NumericOrder::Unknown {
            scanner.order = scanner.document_order();
        }
        scanner
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |&(word, _)| word)
    }

    /// The token in ASCII lower case, sliced from the lowered copy of the text.
    pub(super) fn lower(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |&(_, lower)| lower)
    }

    pub(super) fn joined(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn number(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start > 4 {
            return None;
        }
        self.word(i).parse().ok()
    }

    pub(super) fn month(&self, i: usize) -> Option<(i8, usize)> {
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
    pub(super) fn day(&self, i: usize) -> Option<i8> {
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

    pub(super) fn year(&self, i: usize) -> Option<i16> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.end - t.start != 4 {
            return None;
        }
        let y: i16 = self.word(i).parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// ", 2024" or " 2024" after a month-day form.
    pub(super) fn trailing_year(&self, i: usize) -> Option<(i16, usize)> {
        if self.word(i) == "," {
            if let Some(y) = self.year(i + 1) {
                return Some((y, i + 2));
            }
        }
        self.year(i).map(|y| (y, i + 1))
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "-" | "–" | "—")
    }

    /// A cheap test that some form may start at token `i`, so that most words skip the
    /// matchers: a number, or a word of the date tables.
    pub(super) fn could_start(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind == TokenKind::Number || self.word(i).starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        tables::could_start(self.lower(i))
    }

    /// Tries every form at token `i`, longest first; none after "the" or "that" where
    /// no form reads on ([`tables::may_start_before`]).
    pub(super) fn at(&self, i: usize) -> Option<Found> {
        if !tables::may_start_before(self.lower(i), self.lower(i + 1)) {
            return None;
        }
        self.every_form(i)
    }

    /// Tries every form at token `i`, longest first.
    fn every_form(&self, i: usize) -> Option<Found> {
        self.iso(i)
            .or_else(|| self.numeric(i))
            .or_else(|| self.weekday_then_date(i))
            .or_else(|| self.between(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_range(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.year_owned_period(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.half(i))
            .or_else(|| self.first_months(i))
            .or_else(|| self.century_turn(i))
            .or_else(|| self.year_to_date(i))
            .or_else(|| self.season(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.year_with_modifier(i))
            // Before "the same month" counted from the reference: "the same month a year ago".
            .or_else(|| self.comparison_period(i))
            .or_else(|| self.counted_from_reference(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.bare_month(i))
            .or_else(|| self.vague(i))
    }

    pub(super) fn found(&self, first: usize, end: usize, expr: Expr) -> Option<Found> {
        let (first, part) = self.part_of_period(first, expr);
        Some(Found {
            first,
            end,
            expr,
            ambiguous: false,
            future: self.future_context(first, end),
            part,
        })
    }
}

/// Finds date expressions in a document's tokens (unresolved).
pub(super) fn scan(text: &str, tokens: &[Token], order: NumericOrder) -> Vec<Found> {
    thread_local! {
        /// The lowered copy of the text, kept between documents: a new one per
        /// document was an allocation the size of the text, and its pages' first
        /// touch (a twentieth of the scanner in a pack build's profile).
        static LOWER_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    }
    /// A copy past this size is given back after its document.
    const KEPT_BYTES: usize = 4 << 20;
    LOWER_TEXT.with_borrow_mut(|lower_text| {
        lower_text.clear();
        lower_text.push_str(text);
        lower_text.make_ascii_lowercase();
        let found = scan_lowered(text, lower_text, tokens, order);
        if lower_text.capacity() > KEPT_BYTES {
            *lower_text = String::new();
        }
        found
    })
}

fn scan_lowered(text: &str, lower_text: &str, tokens: &[Token], order: NumericOrder) -> Vec<Found> {
    let scanner = Scanner::new(text, lower_text, tokens, order);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::token::tokenize;

    /// Words beside those that open a form (see [`words`]).
    #[rustfmt::skip]
    const MORE_WORDS: &[&str] = &[
        "turn", "same", "very", "whole", "entire", "full", "following", "preceding", "current",
        "coming", "fiscal", "financial", "end", "beginning", "start", "middle", "weekend",
        "future", "near", "long", "short", "time", "morning", "afternoon", "evening", "night",
        "day", "week", "month", "year", "company", "said", "of", "the", "a", "to", "date",
        "ago", "later", "earlier", "before", "after", "prior", "in", "quarter", "quarters",
        "half", "months", "decade", "century", "term", "days", "weeks", "years", "-", "'s",
        "2024", "1990s", "80s", "3", ",", ".", "Christmas", "Easter",
    ];

    /// The words a phrase after "the" or "that" is made of here: every word that can
    /// open a form, the words the matchers read after "the" and "that" (written out
    /// here, not taken from the guard's lists, so that a word left out of them fails),
    /// and ordinary ones.
    fn words() -> Vec<&'static str> {
        let mut words: Vec<&str> = tables::opening_words().into_iter().collect();
        words.sort_unstable();
        words.extend(MORE_WORDS);
        words
    }

    /// Continuations that complete the longer forms after "the" or "that".
    const WHOLE_TAILS: &[&str] = &[
        "of the century",
        "of the month",
        "of the match",
        "period last year",
        "quarter a year ago",
        "three months of 2024",
        "- earlier quarter",
        "day before.",
        "year later",
        "fiscal year",
        "future",
    ];

    /// After "the" or "that", the guard turns a token away only where trying every form
    /// finds none: each word of [`words`] after them (each lead in lower case and
    /// capitalised), followed by each word and "of 2024 ago.", or by each of
    /// [`WHOLE_TAILS`]. Most of these phrases are turned away, so the test is not empty.
    #[test]
    fn the_guard_turns_away_only_tokens_where_no_form_starts() {
        let words = words();
        let tails: Vec<String> = words
            .iter()
            .map(|w| format!("{w} of 2024 ago. The end"))
            .chain(WHOLE_TAILS.iter().map(|t| t.to_string()))
            .collect();
        let mut turned_away = 0;
        for lead in ["the", "The", "that", "That"] {
            for second in &words {
                for tail in &tails {
                    let text = format!("{lead} {second} {tail}");
                    let lower_text = text.to_ascii_lowercase();
                    let tokens = tokenize(&text);
                    let scanner = Scanner::new(&text, &lower_text, &tokens, NumericOrder::Unknown);
                    let (guarded, every) = (scanner.at(0), scanner.every_form(0));
                    assert_eq!(format!("{guarded:?}"), format!("{every:?}"), "{text}");
                    let guard_passes = tables::may_start_before(scanner.lower(0), scanner.lower(1));
                    turned_away += usize::from(!guard_passes);
                }
            }
        }
        assert!(turned_away > 10_000, "{turned_away}");
    }
}
