//! Title Case headlines: only names known from the gazetteer, acronyms or the body of the document are kept.

use super::known::country_idx;
use super::shape::is_acronym;
use super::{DocumentView, EntityType, Evidence, Run, Segment};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// In a Title Case headline only known names count: places, nationalities,
    /// acronyms, and names the body of the document also uses.
    pub(super) fn type_headline_piece(&self, piece: Run, out: &mut Vec<Segment>) {
        let mut i = piece.first;
        while i < piece.end {
            // Longest known name starting here.
            let mut matched = None;
            for j in (i + 1..=piece.end.min(i + 5)).rev() {
                if matches!(self.word(j - 1), "-" | "–" | "of" | "&") {
                    continue;
                }
                let name = &self.span_text(i, j);
                let known = (j - i == 1 && (is_acronym(name) || lexicon().demonym(name).is_some()))
                    || !lexicon().places_named(name).is_empty()
                    || self.body_has_phrase(name);
                if known && !is_never_name(name) && !is_title(name) {
                    matched = Some(j);
                    break;
                }
            }
            match matched {
                Some(j) => {
                    if let Some(iso) = lexicon().demonym(self.word(i)).filter(|_| j == i + 1) {
                        let mut seg = self.segment(i, j, EntityType::Nationality, Evidence::Strong);
                        seg.place = iso.and_then(country_idx);
                        out.push(seg);
                    } else {
                        let mut seg = self.classify_name(i, j);
                        seg.evidence = seg.evidence.min(Evidence::Weak);
                        out.push(seg);
                    }
                    i = j;
                }
                None => i += 1,
            }
        }
    }
}
