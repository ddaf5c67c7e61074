//! Typing a bare name from its words (gazetteer, keywords, name lists, name likeness, shape) and its context (apposition, saying verbs, articles, pronouns).
//!
//! The rules are tried in order; the first that applies types the name. Names that
//! no form rule types are scored as a person's ([`person_score`]), with the
//! name-likeness model speaking for words no list holds; what is neither a person,
//! a known small town nor a place-like name after "in"/"near"/"at" falls back to an
//! organisation, weakly, so that the document vote can overrule it.

use super::known::is_nation;
use super::shape::*;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::Lower;
use crate::engine::recognize::words::*;

/// How sure the name-likeness model must be that each word of a name looks like
/// a place's, P(place), for [`DocumentView::looks_like_a_place`]. Measured on the
/// open corpora (0, 0.2, 0.35, 0.5, 0.7): at 0 (the preposition alone) filings lose
/// 5 points; 0.2 gains most elsewhere.
const PLACE_LIKE_FROM: f32 = 0.2;

/// How much each clue counts toward a name being a person's (see [`DocumentView::person_score`]).
mod person_weight {
    /// The first word is a given name (and not a big place: "London Heathrow").
    pub const GIVEN_NAME_FIRST: i32 = 3;
    /// The last word is a known surname or has a surname ending.
    pub const SURNAME_LAST: i32 = 2;
    /// The first of two words is a town or a province (not a country, nor a place of
    /// a million) and the second has a surname ending.
    pub const TOWN_AS_GIVEN_NAME: i32 = 2;
    /// A one-word name with a surname ending ("Nurtleu" does not, "Bayramov" does).
    pub const SURNAME_ENDING_ALONE: i32 = 1;
    /// A given name alone ("Gloria", "Friedrich"), also one that is a surname too
    /// ("Hans", "Carlos"): measured on the open corpora, a lone given name is far more
    /// often a person than an organisation, even when the census lists it as a surname.
    pub const GIVEN_NAME_ALONE: i32 = 4;
    /// A name particle ("von", "bin") or initials ("J. R. R.").
    pub const PARTICLE_OR_INITIALS: i32 = 3;
    /// More than four words: titles of works and long organisation names.
    pub const LONG_NAME: i32 = -3;
    /// ", the deputy spokesperson", ", 56," after the name.
    pub const APPOSITION: i32 = 3;
    /// "said", "told" right after the name (when there is no apposition).
    pub const SAYING_VERB: i32 = 2;
    /// '"…," said Mauer.': the quote's speaker after an inverted "said", enough
    /// alone (organisations are quoted as "Acme said", rarely "said Acme").
    pub const QUOTE_ATTRIBUTION: i32 = 4;
    /// "Mr", "Dr." or a role noun ("spokesman") right before the name.
    pub const PERSON_CUE_BEFORE: i32 = 3;
    /// "he", "she" first among the next pronouns (two-word names only).
    pub const PERSONAL_PRONOUN: i32 = 2;
    /// "it", "its" first among the next pronouns.
    pub const THING_PRONOUN: i32 = -2;
    /// The words of a two- or three-word name that no list holds look like personal
    /// names ("Sutrisno Wibowo"), by the name-likeness model.
    pub const LOOKS_LIKE_NAMES: i32 = 3;
    /// A one-word name no list holds looks like a personal name ("Adebisi said").
    pub const LOOKS_LIKE_A_NAME: i32 = 2;
    /// "the" or "a" right before the name.
    pub const ARTICLE_BEFORE: i32 = -3;
    /// "Navalny's wife", "Kohl's widow": a possessive before a kin word; only people
    /// have kin (companies have spokesmen too, so a role does not count).
    pub const KIN_AFTER: i32 = 4;
    /// How sure the name-likeness model must be: the sum over the name's unknown
    /// words of P(person) − P(other) (each in −1..=1).
    pub const LOOKS_LIKE_FROM: f32 = 0.5;

    /// Scores from which a name of two or more words, or of one word, is a person's.
    pub const PERSON_FROM_MULTIWORD: i32 = 3;
    pub const PERSON_FROM_ONE_WORD: i32 = 4;
    /// Score from which a person's type is strong evidence in the document vote.
    pub const STRONG_FROM: i32 = 5;
}

impl<'a> DocumentView<'a> {
    /// Types a bare name segment (no title, no demonym before it) from its words and context.
    pub(super) fn classify_name(&self, first: usize, end: usize) -> Segment {
        let n_words = (first..end).filter(|&i| self.is_word(i)).count();
        if let Some(seg) = self
            .team_before_role(first, end)
            .or_else(|| {
                // "lender Santander", "carmaker Toyota": the kind of company before
                // the name outweighs a town of that name.
                self.described_before_as_organisation(first)
                    .then(|| self.segment(first, end, EntityType::Organisation, Evidence::Strong))
            })
            .or_else(|| self.gazetteer_place(first, end))
            .or_else(|| self.well_known_organisation(first, end))
            .or_else(|| self.employer_after_occupation(first, end))
            .or_else(|| self.state_after_town(first, end))
            .or_else(|| {
                self.described_as_place(end)
                    .then(|| self.segment(first, end, EntityType::Place, Evidence::Strong))
            })
            .or_else(|| {
                (self.described_as_organisation(end) || self.in_company_context(first, end))
                    .then(|| self.segment(first, end, EntityType::Organisation, Evidence::Strong))
            })
            .or_else(|| self.typed_by_keyword(first, end, n_words))
            .or_else(|| self.employer_before_role(first, end))
            .or_else(|| self.typed_by_form(first, end, n_words))
        {
            return seg;
        }
        let person = self.person_score(first, end, n_words);
        if person >= person_weight::PERSON_FROM_MULTIWORD && n_words >= 2
            || person >= person_weight::PERSON_FROM_ONE_WORD
        {
            let evidence = if person >= person_weight::STRONG_FROM {
                Evidence::Strong
            } else {
                Evidence::Weak
            };
            return self.segment(first, end, EntityType::Person, evidence);
        }
        self.small_town(first, end, person)
            .or_else(|| self.looks_like_a_place(first, end, n_words, person))
            .unwrap_or_else(|| {
                self.segment(first, end, EntityType::Organisation, Evidence::Default)
            })
    }

    /// "Leeds striker Lee Sharpe", "Lancashire bowler Glen Chapple": a town or region
    /// before a place in a team and a name is the team. A nation there stays a place
    /// (national teams play under its name: `known::is_nation`).
    fn team_before_role(&self, first: usize, end: usize) -> Option<Segment> {
        let named_after = end + 1;
        if !is_team_role(self.word(end))
            || !self.is_word(named_after)
            || !starts_upper(self.word(named_after))
            || self.new_line(named_after)
        {
            return None;
        }
        let name = self.span_text(first, end);
        (!lexicon().places_named(&name).is_empty() && !is_nation(&name))
            .then(|| self.segment(first, end, EntityType::Organisation, Evidence::Strong))
    }

    /// "an economist at Deutsche Morgan Grenfell", "a trader with Nomura": after an
    /// occupation and "at" or "with", the employer (places were typed before this).
    fn employer_after_occupation(&self, first: usize, end: usize) -> Option<Segment> {
        let employed = first >= 2
            && matches!(self.word(first - 1), "at" | "with")
            && is_occupation(Lower::new(self.word(first - 2)).as_str());
        employed.then(|| self.segment(first, end, EntityType::Organisation, Evidence::Strong))
    }

    /// "Merrill Lynch", "Goldman Sachs", "UNICEF": an organisation of the curated list
    /// (`data/sources/organisations.tsv`) or a listed company (`companies.tsv`), though
    /// its words read as a person's; or a company the document names with its keyword
    /// elsewhere ("Huntington Ingalls" in a headline, "Huntington Ingalls Industries"
    /// in the body).
    fn well_known_organisation(&self, first: usize, end: usize) -> Option<Segment> {
        let mut name = self.span_text(first, end);
        if name.contains('\u{2019}') {
            name = name.replace('\u{2019}', "'").into();
        }
        (lexicon().organisation_named(&name).is_some()
            || end - first > 1 && self.is_company_of_document(&name))
        .then(|| self.segment(first, end, EntityType::Organisation, Evidence::Strong))
    }

    /// A name of the gazetteer's core is that place; small places whose names are
    /// common given names or surnames ("Jackson") only weakly.
    fn gazetteer_place(&self, first: usize, end: usize) -> Option<Segment> {
        let lex = lexicon();
        let name = self.span_text(first, end);
        let &idx = lex.places_named(&name).first()?;
        let place = lex.place(idx);
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
        Some(seg)
    }

    /// "Cupertino, Calif.": a US state as agencies abbreviate it, after a comma and a
    /// capitalised name, is that state.
    fn state_after_town(&self, first: usize, end: usize) -> Option<Segment> {
        if end != first + 1 || first < 2 || self.word(first - 1) != "," {
            return None;
        }
        if !starts_upper(self.word(first - 2)) {
            return None;
        }
        let state = us_state_of_abbreviation(self.word(first))?;
        let lex = lexicon();
        let &idx = lex
            .places_named(state)
            .iter()
            .find(|&&i| lex.place(i).country == "US" && lex.place(i).kind == PlaceKind::Region)?;
        Some(self.place_segment(first, end, idx))
    }

    /// Keywords inside or after the name: an organisation keyword last, a lower-case
    /// place noun after it ("Sindh province") or before it with "of" ("the county of
    /// Lincolnshire", "north of Kenora"), a compass word before a name ("North
    /// Darfur"), a place keyword last or a place prefix first ("Lake Como").
    fn typed_by_keyword(&self, first: usize, end: usize, n_words: usize) -> Option<Segment> {
        let last = self.word(end - 1);
        // "Herman Miller, Inc.": a legal form after a comma, capitalised and a word of
        // its own (", co-written" is no company's form).
        let legal_form_after_comma = self.word(end) == ","
            && !self.new_line(end + 1)
            && starts_upper(self.word(end + 1))
            && is_legal_form(self.word(end + 1))
            && !(self.joined(end + 2) && matches!(self.word(end + 2), "-" | "–"));
        // "Thornbury & Voss", "Baker & McKenzie": two words joined by an ampersand,
        // neither a given name nor a place, name a firm ("Audrey & Hazel", "David
        // Christison & Lee Tate" are people, "Derry & Strabane" places).
        let ampersand = end == first + 3 && self.word(first + 1) == "&" && {
            let lex = lexicon();
            [first, first + 2].iter().all(|&i| {
                let w = self.word(i);
                !lex.is_given_name(w) && lex.places_named(w).is_empty()
            })
        };
        // "Major League Baseball": a keyword inside a name of three words or more.
        let keyword_inside = n_words > 2
            && (first + 1..end - 1).any(|i| is_org_keyword(self.word(i)))
            && !is_place_keyword(last)
            && !is_title(last);
        // "John Wiley & Sons", "Warner Bros.": a family firm.
        let and_sons = n_words > 1
            && matches!(last, "Sons" | "Brothers")
            && end - first >= 2
            && self.word(end - 2) == "&";
        // "the State of Texas", "the Commonwealth of Virginia": a polity named after a
        // place of the gazetteer is that place (its government is one too).
        let polity_of_place = end > first + 2
            && self.word(first + 1) == "of"
            && matches!(self.word(first), "State" | "Commonwealth" | "Province")
            && !lexicon()
                .places_named(&self.span_text(first + 2, end))
                .is_empty();
        let (kind, evidence) = if polity_of_place {
            (EntityType::Place, Evidence::Strong)
        } else if n_words > 1 && is_org_keyword(last)
            || legal_form_after_comma
            || ampersand
            || and_sons
        {
            (EntityType::Organisation, Evidence::Strong)
        } else if keyword_inside {
            (EntityType::Organisation, Evidence::Weak)
        } else if is_place_noun(self.word(end)) && !self.new_line(end)
            || self.parts.place_before_of && self.after_place_noun_and_of(first)
        {
            (EntityType::Place, Evidence::Strong)
        } else if n_words == 2 && is_compass_word(self.word(first)) {
            (EntityType::Place, Evidence::Weak)
        } else if n_words > 1
            && (is_place_keyword(last)
                || is_place_prefix(self.word(first))
                || self.word(first + 1) == "of" && opens_place_with_of(self.word(first)))
        {
            (EntityType::Place, Evidence::Strong)
        } else {
            return None;
        };
        Some(self.segment(first, end, kind, evidence))
    }

    /// "Chelsea manager Ruud Gullit", "Apple chief executive Tim Cook": a name right
    /// before a role held in an organisation, and a person's name after the role, is
    /// the organisation (weakly: the document vote may overrule it). Roles a person
    /// can give ("Obama spokesman", "Trump adviser") do not count. So is a name before
    /// "unit", "division" or "subsidiary" ("Ford's Lincoln-Mercury unit").
    pub(super) fn employer_before_role(&self, first: usize, end: usize) -> Option<Segment> {
        // "The spokesman Tomas Varga": no employer.
        if end - first == 1 && is_function_word(self.word(first)) {
            return None;
        }
        let role = self.word(end);
        // "Johnson spokesman Robert Gibbs": a person has a spokesman, a lawyer or an
        // adviser too ("Kremlin spokesman" is the employer).
        let serves_people = is_role_serving_people(role);
        let lex = lexicon();
        if serves_people
            && (lex.is_surname(self.word(end - 1)) || lex.is_given_name(self.word(first)))
        {
            return None;
        }
        // "Ford's Lincoln-Mercury unit", "GM's Chevrolet division": a part of a company
        // named after its owner's possessive (without it, filings' defined terms
        // before "subsidiary" would pass: measured, SEC ORG F1 fell 3 points).
        let after_possessive = matches!(self.word(first.wrapping_sub(1)), "'s" | "\u{2019}s")
            || self.word(first.wrapping_sub(1)) == "s"
                && matches!(self.word(first.wrapping_sub(2)), "'" | "\u{2019}");
        if after_possessive
            && matches!(
                role,
                "unit"
                    | "units"
                    | "division"
                    | "divisions"
                    | "subsidiary"
                    | "subsidiaries"
                    | "affiliate"
            )
        {
            return Some(self.segment(first, end, EntityType::Organisation, Evidence::Weak));
        }
        let after = match role {
            "chief" if matches!(self.word(end + 1), "executive" | "financial" | "operating") => {
                end + 3
            }
            _ if is_employer_role(role) => end + 1,
            _ => return None,
        };
        let named = self.is_word(after) && starts_upper(self.word(after)) && !self.new_line(after);
        named.then(|| self.segment(first, end, EntityType::Organisation, Evidence::Weak))
    }

    /// How the name is written: a place in capitals ("KYIV", "PORT SUDAN" in a
    /// dateline), an acronym (an organisation, weakly), a name followed by a known
    /// region or country ("Long Beach, California").
    fn typed_by_form(&self, first: usize, end: usize, n_words: usize) -> Option<Segment> {
        let name = self.span_text(first, end);
        let all_capitals = name.len() > 3
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '\'');
        if all_capitals && (n_words == 1 || self.tokens[first].line_start) {
            if let Some(&idx) = lexicon().places_named(&title_case_words(&name)).first() {
                let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
                seg.place = Some(idx);
                return Some(seg);
            }
        }
        // "RUWAIS, United Arab Emirates": a dateline's town, though short as an acronym.
        let dateline = self.tokens[first].line_start && self.followed_by_comma_place(first, end);
        if n_words == 1 && is_acronym(&name) && !dateline {
            return Some(self.segment(first, end, EntityType::Organisation, Evidence::Weak));
        }
        if self.followed_by_comma_place(first, end) && n_words <= 3 {
            return Some(self.segment(first, end, EntityType::Place, Evidence::Weak));
        }
        None
    }

    /// The evidence that a name is a person's, from its words and its context,
    /// weighted by [`person_weight`].
    fn person_score(&self, first: usize, end: usize, n_words: usize) -> i32 {
        use person_weight::*;
        let lex = lexicon();
        let first_word = self.word(first);
        let last = self.word(end - 1);
        // A given name counts unless it is also a big place ("London Heathrow").
        let is_big_place = |w: &str| {
            lex.places_named(w).first().is_some_and(|&i| {
                let p = lex.place(i);
                p.kind == PlaceKind::Country || p.population >= 1_000_000
            })
        };
        let mut score = 0;
        // "Jordan Whitfield", "Georgia Mills": a country that is a given name too opens a
        // person's name before a surname of the lists that reads as a name, not as a
        // word ("Georgia Power").
        let surname_reads_as_name =
            || lex.is_surname(last) && name_likeness().person_margin(last) > 0.0;
        if n_words >= 2
            && lex.is_given_name(first_word)
            && (!is_big_place(first_word) || n_words == 2 && surname_reads_as_name())
        {
            score += GIVEN_NAME_FIRST;
        }
        if n_words >= 2 && (lex.is_surname(last) || has_surname_ending(last)) {
            score += SURNAME_LAST;
        }
        // "Ararat Mirzoyan", "Toledo Petrov": a town's name is a given name too, when a
        // surname of a telling ending follows (a surname of the list alone is too weak:
        // "Denver Post").
        // The cheap lookups first: most names open with no place.
        let is_town = |w: &str| {
            lex.places_named(w).first().is_some_and(|&i| {
                let p = lex.place(i);
                matches!(
                    p.kind,
                    PlaceKind::City | PlaceKind::Capital | PlaceKind::Region
                ) && !is_big_place(w)
            })
        };
        if n_words == 2
            && is_town(first_word)
            && !lex.is_given_name(first_word)
            && has_surname_ending(last)
        {
            score += TOWN_AS_GIVEN_NAME;
        }
        if n_words == 1 && has_surname_ending(last) {
            score += SURNAME_ENDING_ALONE;
        }
        if n_words == 1 && lex.is_given_name(last) && !is_big_place(last) && !is_function_word(last)
        {
            score += GIVEN_NAME_ALONE;
        }
        if (first..end).any(|i| is_name_particle(self.word(i))) || self.has_initials(first, end) {
            score += PARTICLE_OR_INITIALS;
        }
        if n_words > 4 {
            score += LONG_NAME;
        }
        if self.followed_by_apposition(end) {
            score += APPOSITION;
        } else if self.after_quote_attribution(first, end) {
            score += QUOTE_ATTRIBUTION;
        } else if self.followed_by_saying_verb(end) {
            score += SAYING_VERB;
        }
        if self.followed_by_kin(end) {
            score += KIN_AFTER;
        }
        if self.preceded_by_person_cue(first) {
            score += PERSON_CUE_BEFORE;
        } else if self.preceded_by_article(first) {
            score += ARTICLE_BEFORE;
        }
        match self.pronoun_after(end) {
            Some(true) if n_words >= 2 => score += PERSONAL_PRONOUN,
            Some(false) => score += THING_PRONOUN,
            _ => {}
        }
        if self.parts.name_likeness {
            score += self.looks_like_a_person(first, end, n_words);
        }
        score
    }

    /// "'s wife", "'s son": a possessive and a kin word after the name.
    pub(super) fn followed_by_kin(&self, end: usize) -> bool {
        let after_possessive = match (self.word(end), self.word(end + 1)) {
            ("'s" | "\u{2019}s", _) => end + 1,
            ("'" | "\u{2019}", "s") if self.joined(end + 1) => end + 2,
            _ => return false,
        };
        is_kin_word(self.word(after_possessive))
    }

    /// A name whose words no list holds, typed by how they look: together those words
    /// must look like personal names (the name-likeness model), and no word of the
    /// name may be a place, a function word or an acronym.
    fn looks_like_a_person(&self, first: usize, end: usize, n_words: usize) -> i32 {
        use person_weight::*;
        if !(1..=3).contains(&n_words) {
            return 0;
        }
        let lex = lexicon();
        let model = name_likeness();
        let mut unknown = 0;
        let mut margin = 0.0;
        for i in (first..end).filter(|&i| self.is_word(i)) {
            let w = self.word(i);
            if lex.is_given_name(w) || lex.is_surname(w) {
                continue;
            }
            if !lex.places_named(w).is_empty() || is_function_word(w) || is_acronym(w) {
                return 0;
            }
            unknown += 1;
            margin += model.person_margin(w);
        }
        match (unknown, n_words) {
            (0, _) => 0,
            _ if margin < LOOKS_LIKE_FROM => 0,
            (_, 1) => LOOKS_LIKE_A_NAME,
            _ => LOOKS_LIKE_NAMES,
        }
    }

    /// "in Bedhampton", "near Novopavlivka": a name no list holds whose words look
    /// like place names (the name-likeness model), after a preposition of place.
    fn looks_like_a_place(
        &self,
        first: usize,
        end: usize,
        n_words: usize,
        person_score: i32,
    ) -> Option<Segment> {
        if !self.parts.name_likeness || n_words > 3 || first == 0 {
            return None;
        }
        // "near" and "outside" name places whatever their words look like (a name
        // that reads as a person's was typed before this is asked).
        if matches!(self.word(first - 1), "near" | "outside") {
            return Some(self.segment(first, end, EntityType::Place, Evidence::Weak));
        }
        if person_score > 0 {
            return None;
        }
        if !matches!(
            self.word(first - 1),
            "in" | "near" | "at" | "from" | "outside" | "around"
        ) {
            return None;
        }
        let lex = lexicon();
        let model = name_likeness();
        let place_like = (first..end).filter(|&i| self.is_word(i)).all(|i| {
            let w = self.word(i);
            !lex.is_given_name(w)
                && !lex.is_surname(w)
                && !is_acronym(w)
                && model.place_likeness(w) >= PLACE_LIKE_FROM
        });
        place_like.then(|| self.segment(first, end, EntityType::Place, Evidence::Weak))
    }

    /// "Adre", "Khan Younis": a town from the small-city table, when nothing speaks
    /// for a person and the name is not also a personal name.
    fn small_town(&self, first: usize, end: usize, person_score: i32) -> Option<Segment> {
        let lex = lexicon();
        if person_score > 0
            || lex.is_given_name(self.word(first))
            || lex.is_surname(self.word(end - 1))
        {
            return None;
        }
        let &idx = lex.link_candidates(&self.span_text(first, end)).first()?;
        let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
        seg.place = Some(idx);
        Some(seg)
    }
}
