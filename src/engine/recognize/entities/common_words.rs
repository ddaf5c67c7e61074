//! Capitalised common words: defined terms of contracts ("the Loan", "each Lender"), headings and emphasis are no names when the same words run in lower case elsewhere in the document.

use rustc_hash::FxHashSet as HashSet;

use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::token::TokenKind;

impl<'a> DocumentView<'a> {
    /// Drops the segments nothing typed (the rules' fallback, or a given name alone)
    /// whose every word is also written in lower case in the document: "Collateral", "Term Loan",
    /// "Funding Date" in a loan agreement that speaks of "the collateral" and "a
    /// loan". A company or a person is rarely also a common word of the same text.
    pub(super) fn drop_common_words(&self, segments: &mut Vec<Segment>) {
        let lower = |i: usize| self.word(i).to_lowercase();
        // The lower-case forms asked about (a plural's singular too: "Lenders" beside
        // "a lender"), then one pass over the text's words.
        let asked: HashSet<String> = segments
            .iter()
            .filter(|s| self.may_be_common(s))
            .flat_map(|s| (s.first..s.end).filter(|&i| self.is_word(i)).map(lower))
            .flat_map(|w| word_forms(&w))
            .collect();
        if asked.is_empty() {
            return;
        }
        // Only words opening with a letter some asked word opens with are hashed.
        let mut first_letters = [false; 256];
        for w in &asked {
            first_letters[usize::from(w.as_bytes()[0])] = true;
        }
        let seen: HashSet<&str> = self
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
            .filter(|w| {
                let first = w.as_bytes()[0];
                first.is_ascii_lowercase()
                    && first_letters[usize::from(first)]
                    && asked.contains(*w)
            })
            .collect();
        segments.retain(|s| {
            !self.may_be_common(s)
                || !(s.first..s.end).filter(|&i| self.is_word(i)).all(|i| {
                    word_forms(&lower(i))
                        .iter()
                        .any(|f| seen.contains(f.as_str()))
                })
        });
    }
}

impl DocumentView<'_> {
    /// Segments typed with no evidence (the rules' fallback), and one-word persons
    /// typed weakly by a given name alone ("Loan" is a given name too).
    fn may_be_common(&self, s: &Segment) -> bool {
        s.evidence == Evidence::Default
            || s.evidence == Evidence::Weak && s.kind == EntityType::Person && s.end - s.first == 1
    }
}

/// A lower-case word and, for a plural, its singular: "liens" → "lien",
/// "subsidiaries" → "subsidiary", "boxes" → "box".
fn word_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if word.len() > 3 {
        if let Some(stem) = word.strip_suffix("ies") {
            forms.push(format!("{stem}y"));
        } else if let Some(stem) = word.strip_suffix("es") {
            forms.push(stem.to_string());
            forms.push(format!("{stem}e"));
        } else if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s')) {
            forms.push(stem.to_string());
        }
    }
    forms
}
