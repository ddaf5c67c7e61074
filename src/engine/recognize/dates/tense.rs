//! Whether the clause around a date speaks of the future: the nearest tense cue in its sentence, before or after the date.
//!
//! A month, weekday or named day without a year is read as the latest one up to
//! the document date unless its clause speaks of the future. The cue may stand
//! before the date ("will open in October") or after it ("Memorial Day weekend
//! will be busy"); when both kinds stand in one sentence the nearer wins ("said
//! on Friday it will close in October": Friday is past, October future). The look
//! is bounded on both sides and never crosses a sentence boundary, so it costs a
//! constant per date.

use super::scan::Scanner;
use crate::engine::recognize::token::TokenKind;

/// How far the look reaches: tokens before the date, and after it.
const LOOK_BEFORE: usize = 12;
const LOOK_AFTER: usize = 8;

/// What a word says of the clause's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Future,
    Past,
    /// Said of the future only when no verb says otherwise ("until", "next").
    WeakFuture,
}

impl Scanner<'_> {
    /// Whether the sentence around tokens `first..end` speaks of the future.
    pub(super) fn future_context(&self, first: usize, end: usize) -> bool {
        let mut before = None;
        let mut weak = false;
        let mut k = first;
        while k > 0 && first - k < LOOK_BEFORE && !self.starts_sentence(k) {
            k -= 1;
            match self.cue(k) {
                Some(Cue::WeakFuture) => weak = true,
                Some(cue) => {
                    before = Some((first - k, cue));
                    break;
                }
                None => {}
            }
        }
        // After the date only its own clause counts: "visited Nairobi in December
        // and plans to return" says nothing of December.
        let mut after = None;
        for k in end..(end + LOOK_AFTER).min(self.tokens.len()) {
            if self.starts_sentence(k) || self.ends_clause(k) {
                break;
            }
            match self.cue(k) {
                Some(Cue::WeakFuture) => weak = true,
                Some(cue) => {
                    after = Some((k + 1 - end, cue));
                    break;
                }
                None => {}
            }
        }
        let nearest = match (before, after) {
            (Some(b), Some(a)) if a.0 < b.0 => Some(a.1),
            (Some(b), _) => Some(b.1),
            (None, a) => a.map(|a| a.1),
        };
        match nearest {
            Some(cue) => cue == Cue::Future,
            None => weak,
        }
    }

    fn ends_clause(&self, k: usize) -> bool {
        matches!(
            self.lower(k),
            "," | ";" | ":" | "and" | "but" | "while" | "whereas" | "which" | "who"
        )
    }

    fn starts_sentence(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.sentence_start)
    }

    /// The tense cue token `k` gives, if any.
    fn cue(&self, k: usize) -> Option<Cue> {
        // Punctuation and numbers say nothing (most tokens of a dense text).
        if self.tokens[k].kind != TokenKind::Word {
            return None;
        }
        let w = self.lower(k);
        let next = self.lower(k + 1);
        match w {
            "will" | "'ll" | "shall" | "would" | "might" | "due" | "scheduled" | "expected"
            | "expect" | "expects" | "plans" | "planned" | "intends" | "aims" | "upcoming" => {
                Some(Cue::Future)
            }
            // "ahead of Friday's vote"
            "ahead" if next == "of" => Some(Cue::Future),
            // "may" the modal, not the month.
            "may" if self.word(k) == "may" => Some(Cue::Future),
            "going" | "set" | "is" | "are" if next == "to" => Some(Cue::Future),
            // Intentions: "wants to cut 789 dealers by early June".
            "want" | "wants" | "hope" | "hopes" | "seek" | "seeks" | "intend" | "aim" | "plan"
            | "promise" | "promises" | "vow" | "vows" | "pledge" | "pledges"
                if next == "to" =>
            {
                Some(Cue::Future)
            }
            // "Runoff Set for December".
            "set" if next == "for" => Some(Cue::Future),
            // "closed until Friday": a deadline ahead.
            "until" | "till" => Some(Cue::Future),
            "next" | "coming" => Some(Cue::WeakFuture),
            "was" | "were" | "had" | "did" | "said" | "ago" => Some(Cue::Past),
            // After a form of "be" a participle takes its time from it ("will be
            // held", "is closed", "was closed").
            _ if self.after_be(k) => None,
            // "agreed to meet in June": what was agreed lies ahead of it.
            _ if self.is_ed_form(k) && self.infinitive_follows(k) => Some(Cue::Future),
            _ if is_irregular_past(w) || self.is_ed_form(k) => Some(Cue::Past),
            _ => None,
        }
    }

    fn after_be(&self, k: usize) -> bool {
        matches!(
            self.lower(k.wrapping_sub(1)),
            "be" | "been" | "being" | "is" | "are" | "was" | "were"
        )
    }

    /// "to" and a verb after token `k` ("agreed to meet"), not "to" and a place,
    /// a number or a noun phrase ("returned to London", "rose to 5%", "moved to the US").
    fn infinitive_follows(&self, k: usize) -> bool {
        let verb = self.word(k + 2);
        self.lower(k + 1) == "to"
            && verb.len() > 1
            && verb.bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                verb,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "be"
            )
    }

    /// A lower-case "-ed" word: a preterite or a participle.
    fn is_ed_form(&self, k: usize) -> bool {
        let word = self.word(k);
        word.len() > 4
            && word.ends_with("ed")
            && (!word.ends_with("eed")
                || matches!(
                    word,
                    "agreed" | "disagreed" | "decreed" | "freed" | "guaranteed"
                ))
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(word, "hundred" | "kindred" | "naked" | "wicked" | "sacred")
    }
}

/// Common irregular past forms that are not also present forms ("cut", "hit" and
/// "set" are both, so they say nothing).
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "fell"
            | "rose"
            | "held"
            | "met"
            | "took"
            | "began"
            | "came"
            | "went"
            | "grew"
            | "sold"
            | "made"
            | "won"
            | "lost"
            | "saw"
            | "paid"
            | "told"
            | "left"
            | "gave"
            | "bought"
            | "brought"
            | "became"
            | "spent"
            | "sent"
            | "kept"
            | "built"
            | "fought"
            | "wrote"
            | "spoke"
            | "ran"
            | "found"
            | "struck"
            | "broke"
            | "chose"
            | "drew"
            | "flew"
            | "knew"
            | "led"
            | "sank"
            | "shook"
            | "stood"
            | "swore"
            | "threw"
    )
}
