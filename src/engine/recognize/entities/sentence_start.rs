//! A capitalised word opening a sentence: part of the name after it, or just the sentence's first word ("The", "Officials", "Rival Microsoft").

use super::shape::*;
use super::DocumentView;
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::Lower;
use crate::engine::recognize::words::*;

impl DocumentView<'_> {
    /// A sentence-initial word that is not part of the name: a function word, or an
    /// unknown word that stands alone or is also written in lower case. A capitalised
    /// particle ("Von der Leyen said") and an initial ("A. Petrova") stay.
    pub(super) fn drops_sentence_initial_word(&self, first: usize, end: usize) -> bool {
        let w = self.word(first);
        // Lowered on the stack where ASCII: asked of every sentence's first word.
        let opens_name = end - first > 1
            && if w.is_ascii() {
                is_name_particle(Lower::new(w).as_str())
            } else {
                is_name_particle(&w.to_lowercase())
            };
        // "BELGRADE 1996-12-06", "NAIROBI, Kenya (Reuters)": a dateline's place in
        // capitals, longer than an acronym, is known by its Title Case form.
        let known_in_capitals = || {
            w.chars().count() > 1
                && !w.chars().any(char::is_lowercase)
                && !lexicon().places_named(&title_case_words(w)).is_empty()
        };
        // "Bank of America said", "Ministry of Defence officials": a keyword that
        // heads "of" and a name opens an organisation's name.
        let heads_organisation =
            end - first > 2 && is_org_keyword(w) && self.word(first + 1) == "of";
        // "Operation Desert Storm began": the operation's name, left out whole below.
        let names_operation = end - first >= 2 && matches!(w, "Operation" | "Exercise");
        let unknown = !self.is_known(w)
            && !is_acronym(w)
            && !opens_name
            && !heads_organisation
            && !names_operation
            && !known_in_capitals();
        let alone = end - first == 1;
        let initial = w.chars().count() == 1 && first + 1 < end && self.word(first + 1) == ".";
        // The gazetteer is asked last, and only about words that would go.
        !initial
            && (is_function_word(w)
                || unknown
                    && (alone && !self.opens_sentences_repeatedly.contains(w)
                        || self.seen_lowercase.contains(w.to_lowercase().as_str())
                        || self.known_organisation_after(first, end)))
            && !self.opens_known_place(first, end)
            && !(alone
                && (self.employer_before_role(first, end).is_some()
                    || self.described_as_place(end)
                    || self.described_as_organisation(end)
                    || self.tokens[first].line_start && self.followed_by_comma_place(first, end)
                    || self.listed_before_an_organisation(first, end)
                    || self.followed_by_kin(end)
                    || self.parts.results_lines
                        && (self.followed_by_score(first, end)
                            || self.is_scorer(first, end)
                            || self.before_result_verb(end))))
    }

    /// "Commerzbank and Dresdner Bank were little changed": a word opening a sentence,
    /// that does not read as an ordinary English word, joined by "and" to a name
    /// ending in an organisation's keyword, is a name too ("Officials and Police
    /// Department staff" is not).
    fn listed_before_an_organisation(&self, first: usize, end: usize) -> bool {
        let joined = matches!(self.word(end), "and" | "&") && !self.new_line(end + 1);
        if !joined
            || !self.parts.name_likeness
            || name_likeness().likeness(self.word(first))[3] >= 0.5
        {
            return false;
        }
        let next_end = (end + 1..self.tokens.len())
            .find(|&i| !self.name_words[i])
            .unwrap_or(self.tokens.len());
        next_end > end + 1 && is_org_keyword(self.word(next_end - 1))
    }

    /// "Rival Microsoft reports", "Carmaker Toyota said": an unknown word before a
    /// known organisation's name is no part of it (the whole is no known name).
    fn known_organisation_after(&self, first: usize, end: usize) -> bool {
        let lex = lexicon();
        end - first > 1
            && lex
                .organisation_named(&self.span_text(first + 1, end))
                .is_some()
            && lex
                .organisation_named(&self.span_text(first, end))
                .is_none()
    }

    /// "New York", "New Zealand", "The Hague" at a sentence start: the first word
    /// opens a gazetteer name of two to four words, so it is part of the name
    /// (though "New" and "The" are function words elsewhere).
    fn opens_known_place(&self, first: usize, end: usize) -> bool {
        (first + 2..=end.min(first + 4))
            .any(|j| !lexicon().places_named(&self.span_text(first, j)).is_empty())
    }
}
