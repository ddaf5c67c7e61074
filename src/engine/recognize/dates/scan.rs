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

    /// Tries every form at token `i`, longest first.
    pub(super) fn at(&self, i: usize) -> Option<Found> {
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
