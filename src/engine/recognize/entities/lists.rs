//! Names listed together are of one kind: in "Karl Langdon, Graham Dawson, Tiger Woods" or "Loren Roberts and Nolan Henke", a name the fallback typed as an organisation beside a person is a person too; in "Microsoft, Meta and Amazon", a lone word weakly a person beside a known organisation is an organisation; in "Tulsa, Sand Springs and Sapulpa", a name nothing typed beside known places is a place.

use super::shape::is_acronym;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::words::{has_surname_ending, is_org_keyword};

impl DocumentView<'_> {
    /// Retypes, as persons (weakly), the fallback organisations that stand in a list
    /// next to a person: separated only by a comma, "and" or "&" on one line. Two
    /// passes, forwards and backwards, so that a list is typed whatever end its
    /// known person stands at.
    pub(super) fn type_list_members(&self, segments: &mut [Segment]) {
        if !self.parts.name_lists {
            return;
        }
        for i in 1..segments.len() {
            self.follow_neighbour(segments, i - 1, i);
        }
        for i in (1..segments.len()).rev() {
            self.follow_neighbour(segments, i, i - 1);
        }
    }

    /// Makes `to` a person when `from`, its neighbour in a list, is one.
    fn follow_neighbour(&self, segments: &mut [Segment], from: usize, to: usize) {
        let (a, b) = if from < to { (from, to) } else { (to, from) };
        if !self.listed_together(&segments[a], &segments[b]) {
            return;
        }
        let neighbour = &segments[from];
        let is_listed_person = neighbour.kind == EntityType::Person
            && neighbour.evidence >= Evidence::Weak
            && self.name_words(neighbour) >= 2;
        let is_listed_organisation =
            neighbour.kind == EntityType::Organisation && neighbour.evidence == Evidence::Strong;
        // "Tulsa, Sand Springs, Sapulpa": a name nothing typed (the fallback's), in a
        // list beside a town or region of the gazetteer, is a place the gazetteer
        // lacks. Not beside a country or continent: countries are listed with the
        // parties they deal with ("Israel and Hamas").
        let is_listed_place = neighbour.kind == EntityType::Place
            && neighbour.place.is_some_and(|p| {
                !matches!(
                    lexicon().place(p).kind,
                    PlaceKind::Country | PlaceKind::Continent
                )
            });
        if is_listed_place
            && segments[to].evidence == Evidence::Default
            && self.inside_a_list(segments[a].end, &segments[b])
            && self.may_be_listed_place(&segments[to])
        {
            segments[to].kind = EntityType::Place;
            segments[to].evidence = Evidence::Weak;
        }
        if is_listed_person && self.may_be_listed_person(&segments[to]) {
            segments[to].kind = EntityType::Person;
            segments[to].evidence = Evidence::Weak;
        }
        // "Microsoft, Meta and Amazon": one word typed a person only weakly, listed
        // beside an organisation the lists or a keyword know, is one too.
        let to_seg = &segments[to];
        if is_listed_organisation
            && to_seg.kind == EntityType::Person
            && to_seg.evidence <= Evidence::Weak
            && to_seg.role.is_none()
            && self.name_words(to_seg) == 1
            && self.inside_a_list(segments[a].end, to_seg)
        {
            segments[to].kind = EntityType::Organisation;
            segments[to].evidence = Evidence::Weak;
        }
    }

    /// Whether two names separated at token `separator` are a list, not a clause
    /// after an opening phrase ("According to ABC News, Basya also believes"): joined
    /// by "and" or "&", or `to` followed by a comma, "and" or "&" itself.
    fn inside_a_list(&self, separator: usize, to: &Segment) -> bool {
        matches!(self.word(separator), "and" | "&")
            || matches!(self.word(to.end), "," | "and" | "&")
    }

    /// Two segments separated by one comma, "and" or "&", on one line.
    fn listed_together(&self, a: &Segment, b: &Segment) -> bool {
        b.first == a.end + 1
            && matches!(self.word(a.end), "," | "and" | "&")
            && !self.new_line(a.end)
            && !self.new_line(b.first)
    }

    /// An organisation by the fallback only, of two or three words, whose words
    /// read as a personal name: a given name first or a surname last.
    fn may_be_listed_person(&self, s: &Segment) -> bool {
        let lex = lexicon();
        let n_words = self.name_words(s);
        let (first, last) = (self.word(s.first), self.word(s.end - 1));
        s.kind == EntityType::Organisation
            && s.evidence <= Evidence::Weak
            && (2..=3).contains(&n_words)
            && !is_org_keyword(last)
            && !is_acronym(first)
            && lex.places_named(&self.span_text(s.first, s.end)).is_empty()
            && (lex.is_given_name(first)
                || lex.is_surname(last)
                || has_surname_ending(last)
                || self.parts.name_likeness && self.every_word_looks_personal(s))
    }

    /// A name of one to three words without an organisation's keyword or an acronym:
    /// "Sand Springs", not "Tulsa Public Schools" or "NBC".
    fn may_be_listed_place(&self, s: &Segment) -> bool {
        let n_words = self.name_words(s);
        (1..=3).contains(&n_words)
            && (s.first..s.end)
                .filter(|&i| self.is_word(i))
                .all(|i| !is_org_keyword(self.word(i)) && !is_acronym(self.word(i)))
    }

    /// "Mufid Nashashibi": each word is on a name list or looks more like a personal
    /// name than like a place or an ordinary word (the name-likeness model).
    fn every_word_looks_personal(&self, s: &Segment) -> bool {
        let lex = lexicon();
        (s.first..s.end).filter(|&i| self.is_word(i)).all(|i| {
            let w = self.word(i);
            lex.is_given_name(w) || lex.is_surname(w) || name_likeness().person_margin(w) > 0.0
        })
    }

    fn name_words(&self, s: &Segment) -> usize {
        (s.first..s.end).filter(|&i| self.is_word(i)).count()
    }
}
