//! Runs of name words (with particles, initials, hyphens, "of" and "&") and where a run is cut into pieces.

use super::known::is_place_or_demonym;
use super::shape::{is_acronym, is_ordinal, starts_upper};
use super::{DocumentView, Run, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::token::TokenKind;
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// Collects maximal runs of name words with the connectors names may hold.
    pub(super) fn runs(&self) -> Vec<Run> {
        let n = self.tokens.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            // "10th Street", "51st Avenue": a numbered street opens with its ordinal.
            let numbered_street = is_ordinal(self.word(i))
                && i + 1 < n
                && is_street_keyword(self.word(i + 1))
                && self.tokens[i + 1].space_before
                && !self.new_line(i + 1);
            if !self.is_name_word(i) && !numbered_street {
                i += 1;
                continue;
            }
            let first = i;
            let mut end = i + 1;
            // An initial: "J." joined to its period.
            end = self.absorb_initial_period(first, end);
            loop {
                if end >= n || self.new_line(end) {
                    break;
                }
                if self.is_name_word(end) && self.tokens[end].space_before {
                    end = self.absorb_initial_period(end, end + 1);
                    continue;
                }
                match self.connector_end(first, end) {
                    Some(next) => end = next,
                    None => break,
                }
            }
            runs.push(Run { first, end });
            i = end;
        }
        runs
    }

    /// Where the run `first..end` ends once the connector at `end` and the name
    /// words it joins are taken ("-Royce", "von der", "'s" of a listed firm, a rank's
    /// "2nd Class", "of the", "of", "&", "for", "on", "and" inside one name), or None
    /// when the token at `end` ends the run.
    fn connector_end(&self, first: usize, end: usize) -> Option<usize> {
        let w = self.word(end);
        let next_is_name =
            end + 1 < self.tokens.len() && self.is_name_word(end + 1) && !self.new_line(end + 1);
        // Hyphenated compounds: "Armenia-Azerbaijan", "Rolls-Royce".
        if (w == "-" || w == "–") && self.joined(end) && self.joined(end + 1) && next_is_name {
            return Some(end + 2);
        }
        // Particles may chain: "von der Leyen", "de la Cruz".
        if is_name_particle(w) && !self.tokens[end].line_start {
            let mut k = end;
            while k < self.tokens.len()
                && self.is_word(k)
                && is_name_particle(self.word(k))
                && !self.new_line(k)
            {
                k += 1;
            }
            if k < self.tokens.len() && self.is_name_word(k) && !self.new_line(k) && k - end <= 3 {
                return Some(k + 1);
            }
            // "al-Burhan", "el-Sisi": a particle hyphenated to the name.
            if k == end + 1
                && matches!(self.word(k), "-" | "–")
                && self.joined(k)
                && self.joined(k + 1)
                && self.is_name_word(k + 1)
            {
                return Some(k + 2);
            }
        }
        // "Moody's Investors Service", "McDonald's Corp": a firm of the curated
        // list whose name holds a possessive (not "Standard & Poor's 500", an index).
        if matches!(w, "'" | "\u{2019}")
            && self.joined(end)
            && self.word(end + 1) == "s"
            && self.joined(end + 1)
            && self
                .tokens
                .get(end + 2)
                .is_none_or(|t| t.kind != TokenKind::Number)
            && [self.span_text(first, end), self.word(end - 1).into()]
                .iter()
                .any(|name| lexicon().organisation_named(&format!("{name}'s")).is_some())
        {
            return Some(end + 2);
        }
        // "St. Mary's Hospital", "St Paul's Cathedral": a saint's possessive inside a
        // name, when a name word follows.
        if matches!(w, "'" | "\u{2019}")
            && matches!(self.word(first), "St" | "St." | "Saint")
            && self.joined(end)
            && self.word(end + 1) == "s"
            && self.joined(end + 1)
            && self.is_name_word(end + 2)
            && !self.new_line(end + 2)
        {
            return Some(end + 2);
        }
        // "Petty Officer 2nd Class Ana Ruiz", "Sgt. 1st Class Ray Cole": the
        // rank's class, then the name.
        if is_rank_class(w, self.word(end + 1))
            && (is_title(self.word(end - 1)) || self.word(end - 1) == ".")
            && self.is_name_word(end + 2)
            && !self.new_line(end + 2)
        {
            return Some(end + 2);
        }
        // "International Committee of the Red Cross": "of the" inside an organisation's name.
        if w == "of"
            && self.word(end + 1) == "the"
            && is_org_keyword(self.word(end - 1))
            && self.is_name_word(end + 2)
            && !self.new_line(end + 2)
        {
            return Some(end + 3);
        }
        if next_is_name && (w == "of" || w == "&" || w == "for" || w == "on") {
            return Some(self.absorb_initial_period(end + 1, end + 2));
        }
        if next_is_name && w == "and" && self.and_inside_organisation(first, end) {
            return Some(end + 2);
        }
        if next_is_name && w == "and" {
            return self.and_inside_place_name(first, end);
        }
        None
    }

    pub(super) fn absorb_initial_period(&self, word_idx: usize, end: usize) -> usize {
        let w = self.word(word_idx);
        if (w.chars().count() == 1 || matches!(w, "St" | "Mt" | "Ft"))
            && starts_upper(w)
            && end < self.tokens.len()
            && self.word(end) == "."
            && self.joined(end)
            && end + 1 < self.tokens.len()
            && self.is_name_word(end + 1)
        {
            end + 1
        } else {
            end
        }
    }

    /// Cuts a run into typed segments and appends them.
    pub(super) fn segment_run(&self, run: Run, out: &mut Vec<Segment>) {
        // Split at "of" unless the word before heads a name, and at hyphens between places.
        let mut pieces: Vec<Run> = Vec::new();
        let mut start = run.first;
        let mut i = run.first;
        while i < run.end {
            let w = self.word(i);
            if (w == "for" || w == "on") && i > start {
                // "National Commission for Museums": kept only after an organisation keyword.
                let head = self.word(i - 1);
                if !(is_org_keyword(head) || w == "for" && is_facility_keyword(head)) {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            } else if w == "of" && i > start {
                let head = self.word(i - 1);
                // "Chittoor District of Andhra Pradesh": a named division of a
                // named place is two places ("District of Columbia", "Bay of
                // Bengal" open with the keyword and stay one).
                let division_of_place = i - 1 > start && is_division_keyword(head);
                let keeps_of = is_org_keyword(head)
                    || is_place_keyword(head) && !division_of_place
                    || is_place_prefix(head)
                    || is_of_head(head)
                    || (is_title(head) && i + 1 < run.end && is_portfolio(self.word(i + 1)));
                if !keeps_of {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            } else if (w == "-" || w == "–") && i > start && i + 1 < run.end {
                let left = self.word(i - 1);
                let right = self.word(i + 1);
                if is_place_or_demonym(left) && is_place_or_demonym(right) {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            }
            i += 1;
        }
        pieces.push(Run {
            first: start,
            end: run.end,
        });
        for piece in pieces {
            if piece.first < piece.end {
                self.type_piece(piece, out);
            }
        }
    }

    /// "Bosnia and Herzegovina", "Saint Kitts and Nevis": "and" at `and` inside a
    /// place name the gazetteer knows whole; the end of that name, if so. Only "and"
    /// between the run's words and at most three name words after it, so the lookups
    /// per "and" are bounded.
    fn and_inside_place_name(&self, first: usize, and: usize) -> Option<usize> {
        let lex = lexicon();
        let starts = first.max(and.saturating_sub(3))..and;
        let mut end = and + 1;
        let mut found = None;
        while end < self.tokens.len() && end <= and + 3 && self.is_name_word(end) {
            if end > and + 1 && (self.new_line(end) || !self.tokens[end].space_before) {
                break;
            }
            for start in starts.clone() {
                if !lex.places_named(&self.span_text(start, end + 1)).is_empty() {
                    found = Some(end + 1);
                }
            }
            end += 1;
        }
        found
    }

    /// "Securities and Exchange Commission", "Health and Human Services": "and" at
    /// `and` joins two parts of one organisation's name when one word stands before
    /// it (since the run's start or an "of"), that word is no place or nationality
    /// ("Armenia and Azerbaijan" stay two), and the name words after it end in an
    /// organisation keyword. Two whole names stay two ("Shanghai Airlines and
    /// Xiamen Airlines", "Daimler AG and Chrysler", "Sysco and US Foods", "Analysts
    /// and Deutsche Bank").
    fn and_inside_organisation(&self, first: usize, and: usize) -> bool {
        let one_word_before = and - 1 == first
            || matches!(self.word(and - 2), "of" | "&" | "for" | "on")
            || is_function_word(self.word(and - 2))
            || self.country_opens_name(first, and - 2);
        let before = self.word(and - 1);
        if !one_word_before {
            return false;
        }
        // An acronym is a name of its own ("the NGB and Zentrix Labs", "Sysco and US
        // Foods"), and so is a known organisation ("Sysco and Gordon Food Service").
        if lexicon().demonym(before).is_some()
            || !lexicon().places_named(before).is_empty()
            || is_acronym(before)
            || is_acronym(self.word(and + 1))
            || lexicon().organisation_named(before).is_some()
        {
            return false;
        }
        let mut last = and + 1;
        while self.is_name_word(last + 1)
            && !self.new_line(last + 1)
            && self.tokens[last + 1].space_before
        {
            last += 1;
        }
        // "Analysts and Deutsche Bank economists": a known organisation after "and"
        // is a name of its own.
        is_org_keyword(self.word(last))
            && lexicon()
                .organisation_named(&self.span_text(and + 1, last + 1))
                .is_none()
    }

    /// "U.S. Securities and …", "British Food and …": a country or nationality as the
    /// name's first word (at `at`, the run's start or after a function word).
    fn country_opens_name(&self, first: usize, at: usize) -> bool {
        if at < first || at > first && !is_function_word(self.word(at - 1)) {
            return false;
        }
        let word = self.word(at);
        let lex = lexicon();
        lex.demonym(word).is_some()
            || lex
                .places_named(word)
                .first()
                .is_some_and(|&i| lex.place(i).kind == PlaceKind::Country)
    }
}
