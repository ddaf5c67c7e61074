//! Typing one piece of a run: sentence-initial words, headlines, names of things not extracted, organisation keywords, then demonyms, places and titles peeled from the left.

use super::known::country_idx;
use super::shape::*;
use super::{DocumentView, EntityType, Evidence, Run, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// Types one piece of a run, peeling demonyms and titles from its left.
    pub(super) fn type_piece(&self, piece: Run, out: &mut Vec<Segment>) {
        let mut first = piece.first;
        let end = piece.end;
        let headline = self.in_headline[first];

        // Sentence-initial words: drop a leading function word, or an unknown word that
        // stands alone or is also written in lower case.
        if self.at_sentence_start(first) {
            let w = self.word(first);
            // A capitalised particle opens a name: "Von der Leyen said".
            let opens_name = is_name_particle(&w.to_lowercase()) && end - first > 1;
            let unknown = !self.is_known(w) && !is_acronym(w) && !opens_name;
            let alone = end - first == 1;
            // "A. Petrova": an initial with its period, not the article "A".
            let initial = w.chars().count() == 1 && first + 1 < end && self.word(first + 1) == ".";
            if !initial
                && (is_function_word(w)
                    || unknown
                        && (alone || self.seen_lowercase.contains(w.to_lowercase().as_str())))
            {
                if end - first == 1 {
                    return;
                }
                return self.type_piece(
                    Run {
                        first: first + 1,
                        end,
                    },
                    out,
                );
            }
        }
        if headline {
            return self.type_headline_piece(Run { first, end }, out);
        }

        if end - first > 1 && self.is_flight_number(end) && self.followed_by_model_number(end) {
            return self.type_piece(
                Run {
                    first,
                    end: end - 1,
                },
                out,
            );
        }
        // A name of something we do not extract: documents and events ("Almaty
        // Declaration"), products with model numbers ("Airbus A380", "FTSE 100"),
        // market indices, and currency prefixes ("US$").
        if is_other_name_keyword(self.word(end - 1))
            || (first..end).any(|i| is_model_number(self.word(i)))
            || self.followed_by_model_number(end) && !self.is_flight_number(end)
            || is_market_index(&self.span_text(first, end))
            || self.word(end) == "$" && self.joined(end)
        {
            return;
        }
        // Organisation keywords win over everything inside: "US Department of State".
        // A gazetteer name wins over keywords inside it ("European Union").
        let has_keyword = (first..end).any(|k| is_org_keyword(self.word(k)));
        if let Some(&idx) = lexicon()
            .places_named(&self.span_text(first, end))
            .first()
            .filter(|_| has_keyword)
        {
            let mut seg = self.segment(first, end, EntityType::Place, Evidence::Strong);
            seg.place = Some(idx);
            out.push(seg);
            return;
        }
        let keyword_at_end = is_org_keyword(self.word(end - 1));
        let keyword_heads_of = (first..end.saturating_sub(1))
            .any(|k| is_org_keyword(self.word(k)) && self.word(k + 1) == "of");
        if (keyword_at_end || keyword_heads_of) && end - first > 1 {
            let looks_like_person = end - first == 2
                && lexicon().is_given_name(self.word(first))
                && self.person_context(first, end);
            if !looks_like_person {
                let first = self.skip_honorifics(first, end);
                out.push(self.segment(first, end, EntityType::Organisation, Evidence::Strong));
                // "US Treasury", "United States Senate": a government body also names its country.
                if is_government_keyword(self.word(end - 1)) {
                    if let Some((place_end, idx)) = self.leading_place(first, end) {
                        if lexicon().place(idx).kind == PlaceKind::Country {
                            let mut seg =
                                self.segment(first, place_end, EntityType::Place, Evidence::Strong);
                            seg.place = Some(idx);
                            out.push(seg);
                        }
                    }
                }
                return;
            }
        }
        // Demonyms and titles on the left.
        let mut role_start = None;
        while first < end {
            let w = self.word(first);
            let next_is_demonym_part = first + 1 < end && matches!(self.word(first + 1), "-" | "–");
            // Two-word demonyms first: "North American", "South Korean".
            if first + 2 <= end {
                if let Some(country) = lexicon().demonym(&self.span_text(first, first + 2)) {
                    let mut seg =
                        self.segment(first, first + 2, EntityType::Nationality, Evidence::Strong);
                    seg.place = country.and_then(country_idx);
                    out.push(seg);
                    first += 2;
                    continue;
                }
            }
            // "Saudi Arabia", "Western Australia": a demonym that begins a place's name.
            if lexicon().demonym(w).is_some() && first + 2 <= end {
                let lex = lexicon();
                let longest = (first + 2..=end.min(first + 5)).rev().find_map(|j| {
                    lex.places_named(&self.span_text(first, j))
                        .first()
                        .map(|&idx| (j, idx))
                });
                if let Some((j, idx)) = longest {
                    let mut seg = self.segment(first, j, EntityType::Place, Evidence::Strong);
                    seg.place = Some(idx);
                    out.push(seg);
                    first = j;
                    continue;
                }
            }
            if lexicon().demonym(w).is_some()
                && first + 1 < end
                && !lexicon()
                    .places_named(&self.span_text(first + 1, end))
                    .is_empty()
            {
                out.push(self.segment(first, end, EntityType::Place, Evidence::Strong));
                return;
            }
            if let Some(country) = lexicon().demonym(w) {
                // A demonym followed by more name words that are not titles is part of a
                // name ("American Airlines" was caught above); here it stands alone.
                let place = country.and_then(country_idx);
                let mut seg =
                    self.segment(first, first + 1, EntityType::Nationality, Evidence::Strong);
                seg.place = place;
                out.push(seg);
                first += if next_is_demonym_part { 2 } else { 1 };
                continue;
            }
            // "Kazakhstan Foreign Minister …", "United States Barack Obama": a leading
            // country or region before a title or a longer name is a place of its own.
            if let Some((place_end, idx)) = self.leading_place(first, end) {
                let rest_starts_title = is_title(self.word(place_end));
                let rest_words = (place_end..end).filter(|&i| self.is_word(i)).count();
                // "Ngozi Okonjo-Iweala", "Victoria Nuland": a place that is also a given
                // name, before a name, is the person's first name.
                let given_name_first = place_end == first + 1
                    && lexicon().place(idx).kind != PlaceKind::Country
                    && lexicon().is_given_name(self.word(first));
                if rest_starts_title || rest_words >= 2 && !given_name_first {
                    let mut seg =
                        self.segment(first, place_end, EntityType::Place, Evidence::Strong);
                    seg.place = Some(idx);
                    out.push(seg);
                    first = place_end;
                    continue;
                }
            }
            // "Agriculture Secretary Samuel Otieno": portfolio words before a title join the role.
            let mut k = first;
            while k < end && is_portfolio(self.word(k)) && !is_title(self.word(k)) {
                k += 1;
            }
            if k > first && k + 1 < end && is_title(self.word(k)) {
                role_start.get_or_insert(first);
                first = k;
                continue;
            }
            if is_title(w) {
                role_start.get_or_insert(first);
                first += 1;
                // "Minister of Foreign Affairs": the portfolio is part of the title.
                if first < end && self.word(first) == "of" {
                    while first < end
                        && (self.word(first) == "of" || is_portfolio(self.word(first)))
                    {
                        first += 1;
                    }
                }
                // "Mr." — skip the abbreviation's period.
                if first < end && self.word(first) == "." {
                    first += 1;
                }
                // "Secretary-General": a hyphenated title.
                if first + 1 < end
                    && matches!(self.word(first), "-" | "–")
                    && is_title(self.word(first + 1))
                {
                    first += 1;
                }
                continue;
            }
            // "NATO Secretary-General Mark Rutte", "Kremlin spokesman …": a name before a
            // title and another name is a mention of its own.
            if role_start.is_none() {
                let title_at = (first + 1..end.saturating_sub(1)).find(|&k| {
                    is_title(self.word(k))
                        && !is_portfolio(self.word(k))
                        && self.tokens[k].space_before
                });
                if let Some(k) = title_at {
                    let rest_has_name =
                        (k + 1..end).any(|i| self.is_name_word(i) && !is_title(self.word(i)));
                    if rest_has_name {
                        out.push(self.classify_name(first, k));
                        first = k;
                        continue;
                    }
                }
            }
            break;
        }
        if first >= end {
            return;
        }
        let role = role_start.map(|r| self.span_text(r, first).trim_end_matches('.').to_string());
        if matches!(self.word(first), "-" | "–" | "of" | "&") {
            return;
        }
        if end - first == 1 && self.word(first).chars().count() == 1 {
            return;
        }
        let mut seg = self.classify_name(first, end);
        if role.is_some() {
            if seg.kind != EntityType::Place || seg.evidence < Evidence::Strong {
                seg.kind = EntityType::Person;
                seg.evidence = Evidence::Strong;
            }
            seg.role = role;
        }
        out.push(seg);
    }
}
