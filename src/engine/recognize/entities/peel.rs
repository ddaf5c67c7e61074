//! Typing one piece of a run: sentence-initial words (decided in `sentence_start.rs`), headlines, names of things not extracted, organisation keywords, then demonyms, places and titles peeled from the left.
//!
//! Each rule is a named function. The peeling rules look at the left edge of what
//! is left of the piece and either push a segment and say where the rest starts,
//! or decline; [`DocumentView::peel_left`] tries them in order until none applies.

use super::known::country_idx;
use super::shape::*;
use super::{DocumentView, EntityType, Evidence, Run, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx, PlaceKind};
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::{Lower, TokenKind};
use crate::engine::recognize::words::*;

/// Where the name left after peeling starts, and where the role before it began.
struct Peeled {
    first: usize,
    role_start: Option<usize>,
}

impl<'a> DocumentView<'a> {
    /// Types one piece of a run: each rule below in order, then what is left is
    /// classified as a bare name (a person when a title stood before it).
    pub(super) fn type_piece(&self, piece: Run, out: &mut Vec<Segment>) {
        let Run { first, end } = piece;
        // "Knicks: At Philadelphia on Wednesday": a function word after a colon opens
        // a phrase, as at a sentence start.
        let after_colon = first > 0 && self.word(first - 1) == ":";
        let opens_phrase = (self.at_sentence_start(first)
            || after_colon && end - first > 1 && is_function_word(self.word(first)))
            && self.drops_sentence_initial_word(first, end);
        if opens_phrase {
            // What is left opens with a name's word: "Residents of Kyiv" leaves
            // "Kyiv", not "of Kyiv".
            let rest = if self.word(first + 1) == "of" {
                first + 2
            } else {
                first + 1
            };
            if rest < end {
                self.type_piece(Run { first: rest, end }, out);
            }
            return;
        }
        // "Article 1", "Exhibit A": also in a table of contents, which reads as a headline.
        if self.names_a_document_part(first, end)
            || self.names_a_numbered_heading(first, end)
            || self.names_a_form_label(first, end)
            || self.names_a_filing_heading(first, end)
        {
            return;
        }
        // "530 B Street, 4th Floor San Diego": the floor of an address, then the town;
        // "27th Floor," alone is no name.
        if first > 0 && self.word(first) == "Floor" && is_ordinal(self.word(first - 1)) {
            if end - first > 1 {
                self.type_piece(
                    Run {
                        first: first + 1,
                        end,
                    },
                    out,
                );
            }
            return;
        }
        // "ARTICLE II REPRESENTATIONS": the part, then its heading.
        if end - first > 2 && self.names_a_document_part(first, first + 2) {
            return self.type_piece(
                Run {
                    first: first + 2,
                    end,
                },
                out,
            );
        }
        // "Brennan Foods" in a headline, "Brennan" alone: the company the document
        // names with its legal form.
        let company = if end - first == 1 {
            self.is_company_first_word(self.word(first))
        } else {
            self.is_company_of_document(&self.span_text(first, end))
        };
        if company {
            out.push(self.segment(first, end, EntityType::Organisation, Evidence::Strong));
            return;
        }
        if self.in_headline[first] {
            return self.type_headline_piece(piece, out);
        }
        // "Air France Flight 447": the airline, without "Flight".
        if end - first > 1 && self.is_flight_number(end) && self.followed_by_model_number(end) {
            return self.type_piece(
                Run {
                    first,
                    end: end - 1,
                },
                out,
            );
        }
        if self.names_only_a_role(first, end) {
            return;
        }
        if self.names_something_not_extracted(first, end)
            || self.push_portfolio_then_person(first, end, out)
            || self.push_gazetteer_name_with_keyword(first, end, out)
            || self.push_organisation_by_keyword(first, end, out)
        {
            return;
        }
        if let Some(peeled) = self.peel_left(first, end, out) {
            self.push_rest(peeled, end, out);
        }
    }

    /// "Staff Reporter", "Senior Economist", "Chief Financial Officer" on a line of
    /// their own or before a comma: an occupation, capitalised, with no name in it.
    /// Words that also end names ("General" in "Dollar General", "Head" in "Beachy
    /// Head") do not count as the occupation, nor does one word alone.
    fn names_only_a_role(&self, first: usize, end: usize) -> bool {
        let last = Lower::new(self.word(end - 1));
        // The listed role nouns only: a surname may end in "-ist" ("Lindqvist").
        let occupation = is_role_noun(last.as_str())
            && !matches!(
                last.as_str(),
                "general" | "head" | "chief" | "former" | "prime" | "foreign" | "vice" | "deputy"
            );
        let lex = lexicon();
        // Two words at least: a lone "Player" or "Judge" is as often a surname.
        occupation
            && end - first >= 2
            && (first..end).filter(|&i| self.is_word(i)).all(|i| {
                let w = self.word(i);
                !lex.is_given_name(w)
                    && lex.places_named(w).is_empty()
                    && lex.demonym(w).is_none()
                    && !is_org_keyword(w)
            })
    }

    /// A name of something we do not extract: documents and events ("Almaty
    /// Declaration", "Operation Desert Storm"), products with model numbers ("Airbus A380", "FTSE 100"),
    /// market indices, and currency prefixes ("US$").
    fn names_something_not_extracted(&self, first: usize, end: usize) -> bool {
        is_other_name_keyword(self.word(end - 1))
            // "Operation Desert Storm", "Exercise Cold Response": a military operation.
            || end - first >= 2 && matches!(self.word(first), "Operation" | "Exercise")
            || self.names_a_doctrine_language_or_war(first, end)
            || (first..end).any(|i| is_model_number(self.word(i)))
            || self.followed_by_model_number(end)
                && !self.is_flight_number(end)
                && !self.place_before_postcode(first, end)
                && !self.followed_by_score(first, end)
                && !self.is_scorer(first, end)
                && !self.reads_as_full_personal_name(first, end)
            || is_market_index(&self.span_text(first, end)) && !self.names_rating_agency(first, end)
            || self.word(end) == "$" && self.joined(end)
            || self.followed_by_code(end)
    }

    /// "S&P said", "Standard & Poor's cut the rating": the rating agency, which shares
    /// its name with the index ("the S&P 500", "Standard & Poor's 500 index").
    fn names_rating_agency(&self, first: usize, end: usize) -> bool {
        if !matches!(
            self.span_text(first, end).as_ref(),
            "S&P" | "Standard & Poor"
        ) {
            return false;
        }
        let possessive = matches!(self.word(end), "'" | "\u{2019}") && self.word(end + 1) == "s";
        let after = if possessive { end + 2 } else { end };
        self.tokens
            .get(after)
            .is_none_or(|t| t.kind != TokenKind::Number)
            && !matches!(self.word(after), "index" | "Index")
    }

    /// "Director of National Intelligence Avril Haines", "Secretary of the Army
    /// Christine Wormuth", "Chief of Staff John Kelly": after "<title> of (the)" the
    /// portfolio runs into the holder's name. The holder, from a given name on (two
    /// words at least), is a person; the portfolio is kept only when it names a
    /// place ("President of France Emmanuel Macron") or an organisation ("Army"),
    /// as part of the title otherwise.
    fn push_portfolio_then_person(&self, first: usize, end: usize, out: &mut Vec<Segment>) -> bool {
        let of = if self.word(first.wrapping_sub(1)) == "the" {
            first.wrapping_sub(2)
        } else {
            first.wrapping_sub(1)
        };
        if self.word(of) != "of" || !is_title(self.word(of.wrapping_sub(1))) {
            return false;
        }
        let lex = lexicon();
        let Some(holder) =
            (first + 1..end.saturating_sub(1)).find(|&k| lex.is_given_name(self.word(k)))
        else {
            return false;
        };
        if let Some(&idx) = lex.places_named(&self.span_text(first, holder)).first() {
            out.push(self.place_segment(first, holder, idx));
        } else if is_org_keyword(self.word(holder - 1)) {
            out.push(self.segment(first, holder, EntityType::Organisation, Evidence::Weak));
        }
        out.push(self.segment(holder, end, EntityType::Person, Evidence::Strong));
        true
    }

    /// "Waqar Younis 23" on a scorecard: a given name and a surname before a number
    /// are a person with a count, not a product with a model number.
    pub(super) fn reads_as_full_personal_name(&self, first: usize, end: usize) -> bool {
        let lex = lexicon();
        end - first >= 2
            && (first..end).all(|i| self.is_word(i))
            && lex.is_given_name(self.word(first))
            && lex.is_surname(self.word(end - 1))
    }

    /// A gazetteer name wins over organisation keywords inside it ("European Union").
    fn push_gazetteer_name_with_keyword(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> bool {
        let has_keyword = (first..end).any(|k| is_org_keyword(self.word(k)));
        if !has_keyword {
            return false;
        }
        let Some(&idx) = lexicon().places_named(&self.span_text(first, end)).first() else {
            return false;
        };
        out.push(self.place_segment(first, end, idx));
        true
    }

    /// An organisation keyword at the end or heading "of" wins over everything inside
    /// ("US Department of State"), unless two words read as a person in a person's
    /// context. A government body ("US Treasury") also names its country.
    fn push_organisation_by_keyword(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> bool {
        // "Hong Kong International Arbitration Center": a facility keyword ends an
        // institution's name when an organisation keyword stands inside it.
        let keyword_at_end = is_org_keyword(self.word(end - 1))
            || is_facility_keyword(self.word(end - 1))
                && (first..end - 1).any(|k| is_org_keyword(self.word(k)));
        let keyword_heads_of = (first..end.saturating_sub(1)).any(|k| {
            let (w, next) = (self.word(k), self.word(k + 1));
            is_org_keyword(w) && next == "of"
                || is_facility_keyword(w) && matches!(next, "of" | "for")
        });
        // "Banque Indosuez", "Grupo Televisa": languages that put the keyword first.
        // A place so named stays one ("Royal Oak is a city in Michigan").
        let keyword_opens = is_org_opening_keyword(self.word(first))
            && !self.described_as_place(end)
            && lexicon()
                .places_named(&self.span_text(first, end))
                .is_empty();
        if !(keyword_at_end || keyword_heads_of || keyword_opens) || end - first < 2 {
            return false;
        }
        let looks_like_person = end - first == 2
            && lexicon().is_given_name(self.word(first))
            && self.person_context(first, end);
        if looks_like_person {
            return false;
        }
        let first = self.skip_honorifics(first, end);
        // "Bank of Japan Governor Haruhiko Kuroda": the organisation, then its officer.
        if keyword_heads_of && !keyword_at_end {
            if let Some(title) = self.officer_after_organisation(first, end) {
                out.push(self.segment(first, title, EntityType::Organisation, Evidence::Strong));
                self.type_piece(Run { first: title, end }, out);
                return true;
            }
        }
        out.push(self.segment(first, end, EntityType::Organisation, Evidence::Strong));
        if is_government_keyword(self.word(end - 1)) {
            if let Some((place_end, idx)) = self.leading_place(first, end) {
                if lexicon().place(idx).kind == PlaceKind::Country {
                    out.push(self.place_segment(first, place_end, idx));
                }
            }
        }
        true
    }

    /// "Bank of Japan Governor Haruhiko Kuroda", "University of Texas President Jay
    /// Hartzell": where a title after the organisation's "of" and name opens a person's
    /// name (not "Ministry of Foreign Affairs": a portfolio is part of the name).
    fn officer_after_organisation(&self, first: usize, end: usize) -> Option<usize> {
        let of = (first..end).find(|&k| self.word(k) == "of")?;
        let title = (of + 2..end).find(|&k| {
            let w = self.word(k);
            is_title(w) && !is_portfolio(w) && !is_org_keyword(w)
        })?;
        let name = (title + 1..end).find(|&k| self.is_name_word(k) && !is_title(self.word(k)))?;
        let person_like = !is_org_keyword(self.word(end - 1))
            && !is_portfolio(self.word(end - 1))
            && lexicon()
                .places_named(&self.span_text(name, end))
                .is_empty();
        person_like.then_some(title)
    }

    /// Peels demonyms, leading places, titles and names before titles off the left of
    /// `first..end`, pushing their segments. None when a rule typed the whole rest.
    fn peel_left(&self, mut first: usize, end: usize, out: &mut Vec<Segment>) -> Option<Peeled> {
        let mut role_start = None;
        while first < end {
            let next = if let Some(next) = self.peel_two_word_demonym(first, end, out) {
                next
            } else if let Some(next) = self.peel_place_opened_by_demonym(first, end, out) {
                next
            } else if self.push_demonym_then_place(first, end, out) {
                return None;
            } else if let Some(next) = self.peel_demonym(first, end, out) {
                next
            } else if let Some(next) = self.peel_leading_place(first, end, out) {
                next
            } else if let Some(next) = self
                .peel_title(first, end)
                .or_else(|| self.peel_occupation_before_person(first, end))
            {
                role_start.get_or_insert(first);
                next
            } else if let Some(next) = self.peel_acronym_before_person(first, end, out) {
                next
            } else if let Some(next) = role_start
                .is_none()
                .then(|| self.peel_name_before_title(first, end, out))
                .flatten()
            {
                next
            } else {
                break;
            };
            first = next;
        }
        Some(Peeled { first, role_start })
    }

    /// "North American", "South Korean": a two-word demonym.
    fn peel_two_word_demonym(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> Option<usize> {
        if first + 2 > end {
            return None;
        }
        let country = lexicon().demonym(&self.span_text(first, first + 2))?;
        out.push(self.nationality_segment(first, first + 2, country));
        Some(first + 2)
    }

    /// "Saudi Arabia", "Western Australia": a demonym that begins a place's name (the longest).
    fn peel_place_opened_by_demonym(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> Option<usize> {
        let lex = lexicon();
        if lex.demonym(self.word(first)).is_none() || first + 2 > end {
            return None;
        }
        let (j, idx) = (first + 2..=end.min(first + 5)).rev().find_map(|j| {
            lex.places_named(&self.span_text(first, j))
                .first()
                .map(|&idx| (j, idx))
        })?;
        out.push(self.place_segment(first, j, idx));
        Some(j)
    }

    /// A demonym before a place name ("Greek Cyprus"): the whole piece is one place.
    fn push_demonym_then_place(&self, first: usize, end: usize, out: &mut Vec<Segment>) -> bool {
        let lex = lexicon();
        let applies = lex.demonym(self.word(first)).is_some()
            && first + 1 < end
            && !lex.places_named(&self.span_text(first + 1, end)).is_empty();
        if applies {
            out.push(self.segment(first, end, EntityType::Place, Evidence::Strong));
        }
        applies
    }

    /// A demonym standing alone ("Azerbaijani Foreign Minister …"); a hyphen after it
    /// is skipped ("Armenian-Azerbaijani").
    fn peel_demonym(&self, first: usize, end: usize, out: &mut Vec<Segment>) -> Option<usize> {
        let country = lexicon().demonym(self.word(first))?;
        out.push(self.nationality_segment(first, first + 1, country));
        let hyphen_after = first + 1 < end && matches!(self.word(first + 1), "-" | "–");
        Some(first + if hyphen_after { 2 } else { 1 })
    }

    /// "Kazakhstan Foreign Minister …", "United States Barack Obama": a leading
    /// country or region before a title or a longer name is a place of its own. A
    /// place that is also a given name, before a name, is the person's first name
    /// ("Victoria Nuland").
    fn peel_leading_place(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> Option<usize> {
        let (place_end, idx) = self.leading_place(first, end)?;
        // "Bosnia and Herzegovina": the whole piece is the place.
        if !lexicon()
            .places_named(&self.span_text(first, end))
            .is_empty()
        {
            return None;
        }
        // "Metro Toronto Convention Centre", "Santa Clara Convention Center": a facility
        // named after its town is one place.
        let last = self.word(end - 1);
        if is_place_keyword(last) && !is_division_keyword(last) && end - place_end >= 2 {
            return None;
        }
        let rest_starts_title = is_title(self.word(place_end));
        let rest_words = (place_end..end).filter(|&i| self.is_word(i)).count();
        let given_name_first = place_end == first + 1
            && lexicon().place(idx).kind != PlaceKind::Country
            && lexicon().is_given_name(self.word(first));
        if !(rest_starts_title || rest_words >= 2 && !given_name_first) {
            return None;
        }
        out.push(self.place_segment(first, place_end, idx));
        Some(place_end)
    }

    /// A title, with what belongs to it: portfolio words before it ("Agriculture
    /// Secretary"), "of" and a portfolio after it ("Minister of Foreign Affairs"),
    /// an abbreviation's period ("Mr."), a hyphenated second title ("Secretary-General").
    fn peel_title(&self, first: usize, end: usize) -> Option<usize> {
        // "Sgt. 1st Class Ray Cole": the rank's class, after a run cut at its period.
        if first > 0 && first + 1 < end && is_rank_class(self.word(first - 1), self.word(first)) {
            return Some(first + 1);
        }
        let mut k = first;
        while k < end && is_portfolio(self.word(k)) && !is_title(self.word(k)) {
            k += 1;
        }
        if k > first && k < end && is_title(self.word(k)) {
            return Some(k);
        }
        if !is_title(self.word(first)) {
            return None;
        }
        let mut next = first + 1;
        if next < end && self.word(next) == "of" {
            while next < end && (self.word(next) == "of" || is_portfolio(self.word(next))) {
                next += 1;
            }
        }
        if next < end && self.word(next) == "." {
            next += 1;
        }
        // "Petty Officer 2nd Class", "Sgt. 1st Class".
        if next + 2 < end && is_rank_class(self.word(next), self.word(next + 1)) {
            next += 2;
        }
        if next + 1 < end && matches!(self.word(next), "-" | "–") && is_title(self.word(next + 1))
        {
            next += 1;
        }
        // "Major League Baseball", "Senior Bank Holdings": a title word that opens an
        // organisation's name, whose next word is a keyword, is no title.
        if next == first + 1
            && next < end
            && is_org_keyword(self.word(next))
            && !is_portfolio(self.word(next))
            && !is_title(self.word(next))
        {
            return None;
        }
        Some(next)
    }

    /// A given name at `at` with at least one more name word before `end`: where a
    /// person's name opens inside a piece.
    /// The last word must read as a surname too ("Art Collections", "Ashford
    /// Venture" open with given names).
    fn opens_person_name(&self, at: usize, end: usize) -> bool {
        let lex = lexicon();
        let last = self.word(end - 1);
        at + 1 < end
            && end - at <= 3
            && lex.is_given_name(self.word(at))
            && self.is_name_word(at + 1)
            && !is_org_keyword(last)
            && (lex.is_surname(last)
                || has_surname_ending(last)
                || name_likeness().person_margin(last) > 0.0)
    }

    /// "Biologist Nick Bos", "County Coroner William McLaughlin", "Editorial Manager
    /// Chet Clem": an occupation written with a capital before a given name is a
    /// role, not the start of an organisation's name. The occupation is a role noun
    /// or a noun in "-ist", with portfolio words before it.
    fn peel_occupation_before_person(&self, first: usize, end: usize) -> Option<usize> {
        if !self.parts.occupations {
            return None;
        }
        let lex = lexicon();
        let occupation = |w: &str| {
            let lower = Lower::new(w);
            let lower = lower.as_str();
            starts_upper(w)
                && is_occupation(lower)
                && !lex.is_given_name(w)
                && lex.demonym(w).is_none()
        };
        let k = (first..end.min(first + 3)).find(|&k| occupation(self.word(k)))?;
        let before_are_portfolio = (first..k).all(|i| is_portfolio(self.word(i)));
        (before_are_portfolio && self.opens_person_name(k + 1, end)).then_some(k + 1)
    }

    /// "NASA Bill Ingalls" (a photo credit), "IBM Jane Doe": an acronym before a
    /// person's name is the organisation, a mention of its own.
    fn peel_acronym_before_person(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> Option<usize> {
        if !self.parts.occupations || !is_acronym(self.word(first)) {
            return None;
        }
        if !self.opens_person_name(first + 1, end) {
            return None;
        }
        out.push(self.classify_name(first, first + 1));
        Some(first + 1)
    }

    /// "NATO Secretary-General Mark Rutte", "Kremlin spokesman …": a name before a
    /// title and another name is a mention of its own.
    fn peel_name_before_title(
        &self,
        first: usize,
        end: usize,
        out: &mut Vec<Segment>,
    ) -> Option<usize> {
        let k = (first + 1..end.saturating_sub(1)).find(|&k| {
            is_title(self.word(k)) && !is_portfolio(self.word(k)) && self.tokens[k].space_before
        })?;
        let rest_has_name = (k + 1..end).any(|i| self.is_name_word(i) && !is_title(self.word(i)));
        if !rest_has_name {
            return None;
        }
        // "Wakandan Defense Secretary …": the portfolio belongs to the title, not to
        // the name before it.
        let mut name_end = k;
        while name_end > first + 1 && is_portfolio(self.word(name_end - 1)) {
            name_end -= 1;
        }
        out.push(self.classify_name(first, name_end));
        Some(name_end)
    }

    /// What is left after peeling: a bare name, a person's when a title stood before
    /// it (unless it is a strongly known place). Connectors and lone letters are not names.
    fn push_rest(&self, peeled: Peeled, end: usize, out: &mut Vec<Segment>) {
        let Peeled { first, role_start } = peeled;
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
        // "Chief Medical Officer of Veltrix": after a title, words of a title are
        // still the title, not a person.
        let title_words = (first..end).all(|i| {
            let w = self.word(i);
            is_portfolio(w) || is_title(w) || is_role_noun(Lower::new(w).as_str())
        });
        if role.is_some() && title_words {
            return;
        }
        let mut seg = self.classify_name(first, end);
        // "Former Boston Celtics guard Dee Brown": a name after a title but before a
        // role held in it is the employer, not the person ("Former US president
        // Barack Obama": a place stays one).
        let strong_place = seg.kind == EntityType::Place && seg.evidence >= Evidence::Strong;
        if role.is_some() && !strong_place {
            if let Some(employer) = self.employer_before_role(first, end) {
                out.push(employer);
                return;
            }
        }
        if role.is_some() {
            if seg.kind != EntityType::Place || seg.evidence < Evidence::Strong {
                seg.kind = EntityType::Person;
                seg.evidence = Evidence::Strong;
            }
            seg.role = role;
        }
        out.push(seg);
    }

    /// A strongly typed place linked to the gazetteer entry `idx`.
    pub(super) fn place_segment(&self, first: usize, end: usize, idx: PlaceIdx) -> Segment {
        let mut seg = self.segment(first, end, EntityType::Place, Evidence::Strong);
        seg.place = Some(idx);
        seg
    }

    /// A nationality, linked to its country when the demonym names one.
    pub(super) fn nationality_segment(
        &self,
        first: usize,
        end: usize,
        country: Option<&str>,
    ) -> Segment {
        let mut seg = self.segment(first, end, EntityType::Nationality, Evidence::Strong);
        seg.place = country.and_then(country_idx);
        seg
    }
}
