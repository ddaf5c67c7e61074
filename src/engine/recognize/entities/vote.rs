//! The document vote: a surname after a full name is that person, and a string typed weakly takes the type it has where evidence was strong.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::shape::title_case_words;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::token::TokenKind;

impl<'a> DocumentView<'a> {
    /// The document vote: surnames follow full names, weak types follow strong ones.
    pub(super) fn vote(&self, segments: &mut [Segment]) {
        let mut best: HashMap<Cow<str>, (Evidence, EntityType)> = HashMap::default();
        let mut person_parts: HashMap<&str, usize> = HashMap::default();
        for s in segments.iter() {
            let name = self.vote_key(s);
            let entry = best.entry(name.clone()).or_insert((s.evidence, s.kind));
            if s.evidence > entry.0 {
                *entry = (s.evidence, s.kind);
            }
            let n_words = (s.first..s.end).filter(|&i| self.is_word(i)).count();
            if s.kind == EntityType::Person && n_words >= 2 && s.evidence >= Evidence::Weak {
                let last = self.word(s.end - 1);
                *person_parts.entry(last).or_default() += 1;
                person_parts.entry(self.word(s.first)).or_default();
            }
        }
        for s in segments.iter_mut() {
            if self.is_dateline_place(s) {
                continue;
            }
            let name = self.vote_key(s);
            if s.evidence < Evidence::Strong {
                if let Some(&(evidence, kind)) = best.get(&name) {
                    if evidence > s.evidence {
                        s.kind = kind;
                        s.evidence = evidence;
                    }
                }
            }
            if s.evidence < Evidence::Strong
                && s.end - s.first == 1
                && person_parts.get(name.as_ref()).is_some_and(|&n| n > 0)
            {
                s.kind = EntityType::Person;
                s.place = None;
            }
        }
    }

    /// "NEW YORK 1996-08-22": the place of a dateline stays the place, though the
    /// results below make its team an organisation ("NEW YORK 5 Seattle 3").
    fn is_dateline_place(&self, s: &Segment) -> bool {
        s.kind == EntityType::Place
            && self.tokens[s.first].line_start
            && self
                .tokens
                .get(s.end)
                .is_some_and(|t| t.kind == TokenKind::Number && t.text(self.text).len() == 4)
    }

    /// The name a segment votes under: on a line in capitals, its Title Case form,
    /// so that "UNITED" in a heading takes the type "United" has in the text.
    fn vote_key(&self, s: &Segment) -> Cow<'a, str> {
        let name = self.span_text(s.first, s.end);
        if self.in_capitals_line[s.first] {
            Cow::Owned(title_case_words(&name))
        } else {
            name
        }
    }
}
