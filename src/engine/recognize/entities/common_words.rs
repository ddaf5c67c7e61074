//! Capitalised common words: defined terms of contracts ("the Loan", "each Lender"), headings and emphasis are no names when the same words run in lower case elsewhere in the document, or when one word nothing typed is all but surely an ordinary English word.

use rustc_hash::FxHashSet as HashSet;

use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::TokenKind;

/// How sure the name-likeness model must be that a word is an ordinary English word,
/// P(word), for a lone capitalised word nothing typed to be dropped. Measured on the
/// open corpora (overlap micro F1, against keeping them): 0.8 wikigold +0.2, GUM
/// −0.9, SEC +2.7; 0.9 +0.3, −1.2, +2.1; 0.95 +0.3, −0.1, +1.8 (BTC and WNUT17
/// gain at each).
const ORDINARY_WORD_FROM: f32 = 0.95;

impl<'a> DocumentView<'a> {
    /// Drops the segments nothing typed (the rules' fallback, or a given name alone)
    /// whose every word is also written in lower case in the document: "Collateral", "Term Loan",
    /// "Funding Date" in a loan agreement that speaks of "the collateral" and "a
    /// loan". A company or a person is rarely also a common word of the same text.
    pub(super) fn drop_common_words(&self, segments: &mut Vec<Segment>) {
        if self.parts.name_likeness {
            segments.retain(|s| !self.reads_as_an_ordinary_word(s));
        }
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
    /// "Maintenance", "Fashion": one capitalised word that nothing typed
    /// (the organisation fallback) and that the name-likeness model is all but sure
    /// is an ordinary English word, though the document never writes it in lower
    /// case. Words in capitals are left alone (acronyms).
    fn reads_as_an_ordinary_word(&self, s: &Segment) -> bool {
        if s.evidence != Evidence::Default
            || s.kind != EntityType::Organisation
            || s.end - s.first != 1
        {
            return false;
        }
        let w = self.word(s.first);
        w.chars().any(char::is_lowercase) && name_likeness().likeness(w)[3] >= ORDINARY_WORD_FROM
    }

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
