//! Typing a bare name from its words (gazetteer, keywords, name lists, shape) and its context (apposition, saying verbs, pronouns).

use super::shape::*;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// Types a bare name segment (no title, no demonym before it) from its words and context.
    pub(super) fn classify_name(&self, first: usize, end: usize) -> Segment {
        let name = self.span_text(first, end);
        let n_words = (first..end).filter(|&i| self.is_word(i)).count();
        let last = self.word(end - 1);
        let lex = lexicon();

        if let Some(&idx) = lex.places_named(&name).first() {
            let place = lex.place(idx);
            // Small places whose names are common given names ("Jackson") need context.
            let evidence = if matches!(
                place.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
            ) || place.population >= 500_000
                || !lex.is_given_name(&name) && !lex.is_surname(&name)
            {
                Evidence::Strong
            } else {
                Evidence::Weak
            };
            let mut seg = self.segment(first, end, EntityType::Place, evidence);
            seg.place = Some(idx);
            return seg;
        }
        if n_words > 1 && is_org_keyword(last) {
            return self.segment(first, end, EntityType::Organisation, Evidence::Strong);
        }
        // "Sindh province", "the Jordan river": a lower-case place noun after the name.
        if matches!(
            self.word(end),
            "province"
                | "region"
                | "state"
                | "district"
                | "county"
                | "village"
                | "town"
                | "city"
                | "valley"
                | "river"
                | "island"
                | "oblast"
                | "governorate"
                | "prefecture"
                | "crossing"
                | "border"
                | "camp"
                | "airport"
                | "port"
                | "strip"
                | "area"
        ) && !self.new_line(end)
        {
            return self.segment(first, end, EntityType::Place, Evidence::Strong);
        }
        // "North Darfur", "Central Java": a compass word before a name makes a region.
        if n_words == 2
            && matches!(
                self.word(first),
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "Central"
                    | "Upper"
                    | "Lower"
            )
        {
            return self.segment(first, end, EntityType::Place, Evidence::Weak);
        }
        if n_words > 1 && (is_place_keyword(last) || is_place_prefix(self.word(first))) {
            return self.segment(first, end, EntityType::Place, Evidence::Strong);
        }
        let all_capitals = name.len() > 3
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '\'');
        if all_capitals && (n_words == 1 || self.tokens[first].line_start) {
            // "KYIV", "PORT SUDAN" in a dateline: a place written in capitals.
            let title_case = title_case_words(&name);
            if let Some(&idx) = lex.places_named(&title_case).first() {
                let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
                seg.place = Some(idx);
                return seg;
            }
        }
        if n_words == 1 && is_acronym(&name) {
            return self.segment(first, end, EntityType::Organisation, Evidence::Weak);
        }
        // "Long Beach, California": a name followed by a known region or country.
        if self.followed_by_comma_place(end) && n_words <= 3 {
            return self.segment(first, end, EntityType::Place, Evidence::Weak);
        }

        let mut person = 0i32;
        let first_word = self.word(first);
        // A given name counts unless it is also a place ("London Heathrow").
        let is_big_place = |w: &str| {
            lex.places_named(w).first().is_some_and(|&i| {
                let p = lex.place(i);
                p.kind == PlaceKind::Country || p.population >= 1_000_000
            })
        };
        if n_words >= 2 && lex.is_given_name(first_word) && !is_big_place(first_word) {
            person += 3;
        }
        if n_words >= 2 && (lex.is_surname(last) || has_surname_ending(last)) {
            person += 2;
        }
        if n_words == 1 && has_surname_ending(last) {
            person += 1;
        }
        if (first..end).any(|i| is_name_particle(self.word(i))) || self.has_initials(first, end) {
            person += 3;
        }
        if n_words > 4 {
            person -= 3;
        }
        if self.followed_by_apposition(end) {
            person += 3;
        } else if self.followed_by_saying_verb(end) {
            person += 2;
        }
        if self.preceded_by_person_cue(first) {
            person += 3;
        }
        match self.pronoun_after(end) {
            Some(true) if n_words >= 2 => person += 2,
            Some(false) => person -= 2,
            _ => {}
        }
        if person >= 3 && n_words >= 2 || person >= 4 {
            let evidence = if person >= 5 {
                Evidence::Strong
            } else {
                Evidence::Weak
            };
            return self.segment(first, end, EntityType::Person, evidence);
        }
        // "Adre", "Khan Younis": a town from the small-city table, when nothing else
        // speaks for another type and the name is not also a personal name.
        if person <= 0 && !lex.is_given_name(first_word) && !lex.is_surname(last) {
            if let Some(&idx) = lex.link_candidates(&name).first() {
                let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
                seg.place = Some(idx);
                return seg;
            }
        }
        self.segment(first, end, EntityType::Organisation, Evidence::Default)
    }
}
