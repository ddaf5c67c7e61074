//! Capitalised common words: defined terms of contracts ("the Loan", "each Lender"), headings and emphasis are no names when the same words run in lower case elsewhere in the document, or when one word nothing typed is all but surely an ordinary English word.

use rustc_hash::FxHashSet as HashSet;

use super::shape::title_case_words;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::TokenKind;
use crate::engine::recognize::words::{is_function_word, is_org_keyword, is_place_keyword};

/// How sure the name-likeness model must be that a word is an ordinary English word,
/// P(word), for a lone capitalised word nothing typed to be dropped. Measured on the
/// open corpora (overlap micro F1, against keeping them): 0.8 wikigold +0.2, GUM
/// −0.9, SEC +2.7; 0.9 +0.3, −1.2, +2.1; 0.95 +0.3, −0.1, +1.8 (BTC and WNUT17
/// gain at each).
const ORDINARY_WORD_FROM: f32 = 0.95;
/// The same for each word of a span in capitals of several words ("AFFIRMATIVE
/// COVENANTS"), where a name of ordinary words is rarer still. Measured on the open
/// corpora (overlap micro F1, against the single-word rule alone): see the commit.
const ORDINARY_WORDS_FROM: f32 = 0.8;

impl<'a> DocumentView<'a> {
    /// Drops the segments nothing typed (the rules' fallback, or a given name alone)
    /// whose every word is also written in lower case in the document: "Collateral", "Term Loan",
    /// "Funding Date" in a loan agreement that speaks of "the collateral" and "a
    /// loan". A company or a person is rarely also a common word of the same text.
    pub(super) fn drop_common_words(&self, segments: &mut Vec<Segment>) {
        if self.parts.name_likeness {
            segments.retain(|s| !self.reads_as_ordinary_words(s));
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
            .zip(&self.words)
            .filter(|(t, _)| t.kind == TokenKind::Word)
            .map(|(_, &w)| w)
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
    /// "Maintenance", "Fashion", "IN WITNESS WHEREOF", "AFFIRMATIVE COVENANTS": a
    /// capitalised word, or words in capitals, that nothing typed (the organisation
    /// fallback) and that the name-likeness model is all but sure are ordinary
    /// English words, though the document never writes them in lower case. A word in
    /// capitals alone is left to be an acronym, and so is a span of short words.
    fn reads_as_ordinary_words(&self, s: &Segment) -> bool {
        if s.evidence != Evidence::Default || s.kind != EntityType::Organisation {
            return false;
        }
        let word_likeness = |w: &str| name_likeness().likeness(w)[3];
        let words: Vec<&str> = (s.first..s.end)
            .filter(|&i| self.is_word(i))
            .map(|i| self.word(i))
            .collect();
        let in_capitals = |w: &&str| !w.chars().any(char::is_lowercase);
        if !words.iter().all(in_capitals) {
            return matches!(words.as_slice(), [w] if word_likeness(w) >= ORDINARY_WORD_FROM);
        }
        // In capitals: a known organisation or one with its keyword stays ("SECURITIES
        // AND EXCHANGE COMMISSION" in a filing's heading, typed as a headline's names are).
        let title = title_case_words(&self.span_text(s.first, s.end));
        if lexicon().organisation_named(&title).is_some()
            || title
                .split(' ')
                .any(|w| is_org_keyword(w) || is_place_keyword(w))
        {
            return false;
        }
        // The model knows words in sentence case; function words ("IN", "OF") are
        // ordinary whatever it says of such short words.
        let content: Vec<String> = words
            .iter()
            .map(|w| title_case_words(w))
            .filter(|w| !is_function_word(w))
            .collect();
        let sure = if content.len() == 1 {
            ORDINARY_WORD_FROM
        } else {
            ORDINARY_WORDS_FROM
        };
        content.iter().any(|w| w.chars().count() >= 5)
            && content.iter().all(|w| word_likeness(w) >= sure)
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
