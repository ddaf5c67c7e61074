//! What the words around a name say of it: initials, apposition, saying verbs, pronouns, person cues, a leading place, model and flight numbers.

use super::shape::starts_upper;
use super::DocumentView;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx, PlaceKind};
use crate::engine::recognize::token::TokenKind;
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// Initials before a name ("J. R. R. Tolkien"); initials alone ("N. A", "U. S.
    /// A", "L. P.") abbreviate a legal form or a country, not a person.
    pub(super) fn has_initials(&self, first: usize, end: usize) -> bool {
        let is_initial = |w: &str| w.chars().count() == 1 && starts_upper(w);
        // "P. R. China": the name word may not be a country.
        let has_name_word = (first..end).any(|i| {
            let w = self.word(i);
            w.chars().count() > 1
                && w.chars().any(char::is_alphabetic)
                && lexicon()
                    .places_named(w)
                    .first()
                    .is_none_or(|&p| lexicon().place(p).kind != PlaceKind::Country)
        });
        has_name_word
            && (first..end.saturating_sub(1))
                .any(|i| is_initial(self.word(i)) && self.word(i + 1) == ".")
    }

    pub(super) fn followed_by_saying_verb(&self, end: usize) -> bool {
        self.is_word(end) && !self.new_line(end) && is_saying_verb(self.word(end))
    }

    /// "…," said Mauer.": a saying verb after a comma or a closing quote, then the
    /// name, which ends the sentence or is followed by a comma.
    pub(super) fn after_quote_attribution(&self, first: usize, end: usize) -> bool {
        first >= 2
            && matches!(self.word(first - 1), "said" | "says")
            && matches!(
                self.word(first - 2),
                "," | "\"" | "\u{201d}" | "'" | "\u{2019}"
            )
            && matches!(self.word(end), "." | "," | "")
    }

    /// ", the deputy spokesperson", ", 56,", ", a former …" right after a name.
    pub(super) fn followed_by_apposition(&self, end: usize) -> bool {
        if end + 1 >= self.tokens.len() || self.word(end) != "," {
            return false;
        }
        let next = self.word(end + 1);
        matches!(next, "the" | "a" | "an" | "who" | "whose") && self.role_within(end + 2)
            || self.tokens[end + 1].kind == TokenKind::Number
                && end + 2 < self.tokens.len()
                && self.word(end + 2) == ","
            || is_title(next)
            || is_role_noun(next)
                && matches!(self.word(end + 2), "of" | "at" | "for" | "-" | "and" | ",")
    }

    /// Context that marks a name as a person's: apposition, a saying verb after it, or "said" before it.
    pub(super) fn person_context(&self, first: usize, end: usize) -> bool {
        self.followed_by_apposition(end)
            || self.followed_by_saying_verb(end)
            || first > 0 && matches!(self.word(first - 1), "said" | "says" | "told")
    }

    /// The first pronoun within the next sentence or so: Some(true) for "he"/"she",
    /// Some(false) for "it"/"its" (organisations and things), None for neither.
    pub(super) fn pronoun_after(&self, end: usize) -> Option<bool> {
        for i in end..(end + 25).min(self.tokens.len()) {
            // Another name before the pronoun may be what it stands for ("said Kazuo
            // Ueda. Bank of Japan Governor Haruhiko Kuroda said its policy …").
            if i > end && self.is_name_word(i) && !self.at_sentence_start(i) {
                return None;
            }
            match self.word(i) {
                "he" | "she" | "his" | "her" | "He" | "She" | "His" | "Her" | "him" => {
                    return Some(true)
                }
                "its" | "Its" => return Some(false),
                // "it said", not "It rained" (words.rs).
                "it" | "It" if acts_as_organisation(self.word(i + 1)) => return Some(false),
                "they" | "They" | "their" | "Their" => return None,
                _ => {}
            }
        }
        None
    }

    /// The longest country, region or city name at the start of `first..end`, if any
    /// leaves words after it.
    pub(super) fn leading_place(&self, first: usize, end: usize) -> Option<(usize, PlaceIdx)> {
        if end - first < 2 {
            return None;
        }
        let lex = lexicon();
        for j in (first + 1..end.min(first + 5)).rev() {
            if !self.is_word(j - 1) {
                continue;
            }
            if let Some(&idx) = lex.places_named(&self.span_text(first, j)).first() {
                let kind = lex.place(idx).kind;
                if kind != PlaceKind::Continent {
                    return Some((j, idx));
                }
            }
        }
        None
    }

    /// "Air France Flight 447": the airline is named before "Flight".
    pub(super) fn is_flight_number(&self, end: usize) -> bool {
        self.word(end - 1) == "Flight"
    }

    /// "the county of Lincolnshire", "the village of Cliddesden", "mayor of Kenora",
    /// "north of Tall Hamid": a lower-case noun that only a place completes, then "of",
    /// right before the name.
    pub(super) fn after_place_noun_and_of(&self, first: usize) -> bool {
        first >= 2
            && self.word(first - 1) == "of"
            && !self.new_line(first - 1)
            && !self.new_line(first)
            && PLACE_BEFORE_OF.contains(&self.word(first - 2))
    }

    /// A hyphen and a number written together right after a name: a code of a drug,
    /// a trial, an aircraft or a disease ("VX-417", "F-16", "COVID-19").
    pub(super) fn followed_by_code(&self, end: usize) -> bool {
        matches!(self.word(end), "-" | "–")
            && self.joined(end)
            && self.joined(end + 1)
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// A number right after a name that is not a year: "FTSE 100", "Boeing 787".
    pub(super) fn followed_by_model_number(&self, end: usize) -> bool {
        end < self.tokens.len()
            && self.tokens[end].kind == TokenKind::Number
            && self.tokens[end].space_before
            && !self.new_line(end)
            && !self
                .word(end)
                .parse::<u32>()
                .is_ok_and(|n| (1900..=2100).contains(&n))
    }

    /// "San Diego, California 92101", "Beijing 100086": a place the gazetteer knows
    /// before a postal code of five or six digits, in an address (not "Intel
    /// 80486": no place).
    pub(super) fn place_before_postcode(&self, first: usize, end: usize) -> bool {
        let digits = self.word(end).len();
        (5..=6).contains(&digits)
            && self.word(end).bytes().all(|b| b.is_ascii_digit())
            && !lexicon()
                .places_named(&self.span_text(first, end))
                .is_empty()
    }

    pub(super) fn preceded_by_person_cue(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = self.word(first - 1);
        // "Mr ." written apart: the honorific two tokens back.
        let honorific_before_period = prev == "."
            && first >= 2
            && is_honorific(self.word(first - 2))
            && !self.word(first - 2).ends_with('.');
        is_honorific(prev) || honorific_before_period || is_occupation(prev)
    }

    /// A title or role noun at `at` or after up to three modifiers: "the governor",
    /// "the central bank governor", "a Nigerian trade minister".
    fn role_within(&self, at: usize) -> bool {
        for i in at..(at + 4).min(self.tokens.len()) {
            let w = self.word(i);
            if is_title(w) || is_role_noun(w) {
                return true;
            }
            let modifier =
                w.chars().all(|c| c.is_lowercase() || c == '-') || lexicon().demonym(w).is_some();
            if !self.is_word(i) || !modifier || is_function_word(w) {
                return false;
            }
        }
        false
    }

    /// "the Taurus", "a Mac": an article right before the name, which people's
    /// names seldom take.
    pub(super) fn preceded_by_article(&self, first: usize) -> bool {
        first > 0
            && !self.new_line(first)
            && matches!(
                self.word(first - 1),
                "the" | "The" | "a" | "an" | "A" | "An"
            )
    }

    /// "Long Beach, California", "ZAMBOANGA, Philippines": a name followed by a comma
    /// and a country or region; after a preposition of place, a city too ("in
    /// Brixton, London").
    pub(super) fn followed_by_comma_place(&self, first: usize, end: usize) -> bool {
        if end + 1 >= self.tokens.len() || self.word(end) != "," || self.new_line(end + 1) {
            return false;
        }
        let after_place_preposition = first > 0
            && matches!(
                self.word(first - 1),
                "in" | "at" | "near" | "from" | "outside"
            );
        // "Camden, N.J.", "Armonk, N.Y.": a US state as agencies abbreviate it, with
        // its period ("Cloak of Invisibility, Miss Granger" is no Mississippi).
        let abbreviation = self.word(end + 1);
        let with_period = abbreviation.ends_with('.') || self.word(end + 2) == ".";
        if with_period && us_state_of_abbreviation(abbreviation).is_some() {
            return true;
        }
        // "Long Beach, California", "Al Ain, United Arab Emirates": up to three words;
        // a US state by any reading ("the Armonk, New York-based company": the city
        // is the likelier reading of "New York" alone).
        let lex = lexicon();
        (end + 2..=(end + 4).min(self.tokens.len()))
            .take_while(|&j| self.is_word(j - 1) && !self.new_line(j - 1))
            .any(|j| {
                // "Bruno, France's envoy": the country's, not the town's.
                let possessive = matches!(self.word(j), "'s" | "\u{2019}s" | "'" | "\u{2019}");
                let readings = lex.places_named(&self.span_text(end + 1, j));
                let us_state = || {
                    readings.iter().any(|&i| {
                        let p = lex.place(i);
                        p.kind == PlaceKind::Region && p.country == "US"
                    })
                };
                !possessive
                    && (readings.first().is_some_and(|&i| match lex.place(i).kind {
                        PlaceKind::Country | PlaceKind::Region => true,
                        PlaceKind::City | PlaceKind::Capital => after_place_preposition,
                        PlaceKind::Continent => false,
                    }) || us_state())
            })
    }
}

/// Lower-case nouns that, with "of", name a place after them: kinds of place, where
/// in a place, who governs or lives in one, and directions from one.
#[rustfmt::skip]
const PLACE_BEFORE_OF: &[&str] = &[
    "village", "town", "city", "county", "province", "region", "district", "parish",
    "municipality", "suburb", "suburbs", "borough", "commune", "hamlet", "island", "islands",
    "outskirts", "streets", "residents", "inhabitants", "mayor", "governor", "capital",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "kilometres", "kilometers", "miles", "km",
];
