//! Title Case headlines and lines in capitals: only names known from the gazetteer, acronyms or the body of the document are kept.

use super::shape::{is_acronym, title_case_words};
use super::{DocumentView, Evidence, Run, Segment};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::token::Lower;
use crate::engine::recognize::words::*;

impl<'a> DocumentView<'a> {
    /// In a Title Case headline only known names count: places, nationalities,
    /// acronyms, and names the body of the document also uses.
    pub(super) fn type_headline_piece(&self, piece: Run, out: &mut Vec<Segment>) {
        let mut i = piece.first;
        while i < piece.end {
            // Longest known name starting here.
            let mut matched = None;
            let mut skip_to = None;
            let capitals = self.in_capitals_line[i];
            // In capitals a word's Title Case form is asked about more than once.
            let title = if capitals {
                title_case_words(self.word(i))
            } else {
                String::new()
            };
            // In capitals every word is asked about: a longer name is tried only from
            // a word that opens some place name or body phrase of several words.
            let longest = if capitals && !self.may_open_long_name(i, &title) {
                i + 1
            } else {
                piece.end.min(i + 5)
            };
            for j in (i + 1..=longest).rev() {
                if matches!(self.word(j - 1), "-" | "–" | "of" | "&") {
                    continue;
                }
                let name = &self.span_text(i, j);
                let known = self.known_in_headline(name, (i, j), piece, &title);
                // A results line reads like a Title Case headline: its teams and
                // scorers count though no list knows them.
                let plays = self.parts.results_lines
                    && (self.followed_by_score(i, j) || self.is_scorer(i, j));
                // "Positive Phase 2 Results", "Boeing 787 Delayed": a product or a
                // stage with its number, skipped as in the body.
                let numbered = self.followed_by_model_number(j) || self.followed_by_code(j);
                // "The" of "By The Numbers" is known from the body's sentence starts.
                let function_word = j - i == 1 && is_function_word(name);
                // "… Appoints Jane Whitfield as Chief Financial Officer": a title the
                // body also uses is no name.
                let only_a_title = (i..j).all(|k| {
                    let w = self.word(k);
                    is_title(w)
                        || is_portfolio(w)
                        || w == "of"
                        || is_role_noun(Lower::new(w).as_str())
                });
                // "GRAND SLAM CUP", "Paris Peace Accords": an event or a document, as
                // in the body; none of its words is a name then.
                if known && !plays && self.names_other_thing(i, j, capitals) {
                    skip_to = Some(j);
                    break;
                }
                if (known && !numbered || plays)
                    && !is_never_name(name)
                    && !is_title(name)
                    && !function_word
                    && !only_a_title
                {
                    matched = Some(j);
                    break;
                }
            }
            if let Some(j) = skip_to {
                i = j;
                continue;
            }
            match matched {
                Some(j) => {
                    let word = if capitals {
                        title
                    } else {
                        self.word(i).to_string()
                    };
                    if let Some(iso) = lexicon().demonym(&word).filter(|_| j == i + 1) {
                        out.push(self.nationality_segment(i, j, iso));
                    } else {
                        let mut seg = self.classify_name(i, j);
                        // In capitals a name's own words say little: the text decides (see the vote).
                        let most = if capitals {
                            Evidence::Default
                        } else {
                            Evidence::Weak
                        };
                        seg.evidence = seg.evidence.min(most);
                        out.push(seg);
                    }
                    i = j;
                }
                None => i += 1,
            }
        }
    }

    /// Whether `name`, words `i..j` of a headline piece, is something known: in
    /// capitals, by its Title Case form (`title` is word `i`'s); in Title Case, a place, a
    /// nationality, an acronym, a name of the body, a full personal name, or a
    /// whole line closed by a company's legal form.
    fn known_in_headline(
        &self,
        name: &str,
        (i, j): (usize, usize),
        piece: Run,
        title: &str,
    ) -> bool {
        if self.in_capitals_line[i] {
            if j - i == 1 {
                self.known_in_capitals(name, true, title)
            } else {
                self.known_in_capitals(name, false, &title_case_words(name))
            }
        } else {
            (j - i == 1
                && (is_acronym(name) && !self.spells_a_keyword(name)
                    || lexicon().demonym(name).is_some()))
                || !lexicon().places_named(name).is_empty()
                || self.body_has_phrase(name)
                // A given name and a surname of the lists ("Priya Raman, Stern
                // Investor Relations" in a contact block reads as a headline).
                || j - i == 2 && self.reads_as_full_personal_name(i, j)
                // "Riemer & Braunstein LLP", a whole line of an address
                // block: a company's legal form closes a name.
                || i == piece.first
                    && j == piece.end
                    && j - i >= 2
                    && self.closed_by_legal_form(i, j)
        }
    }

    /// "GRAND SLAM CUP", "Paris Peace Accords": a name of several words ending in a
    /// keyword of events and documents, not opening with a given name ("Nathan Law").
    fn names_other_thing(&self, i: usize, j: usize, capitals: bool) -> bool {
        let last = self.word(j - 1);
        let first = if capitals {
            title_case_words(self.word(i))
        } else {
            self.word(i).to_string()
        };
        j - i > 1
            && !lexicon().is_given_name(&first)
            && (is_other_name_keyword(last)
                || capitals && is_other_name_keyword(&title_case_words(last)))
    }

    /// "COMPANY NEWS; AMR to Buy …": a word in capitals that spells an organisation
    /// keyword or a legal form is a slug's word, not an acronym.
    fn spells_a_keyword(&self, word: &str) -> bool {
        is_legal_form(word) || is_org_keyword(&title_case_words(word))
    }

    /// "Riemer & Braunstein LLP" (a line of an address block): a company's legal
    /// form closes the name, which opens with a name's word (not "AND", "Chairman") and holds no other
    /// legal form ("Airland Limited Bizexpress Limited" are two).
    fn closed_by_legal_form(&self, i: usize, j: usize) -> bool {
        let opener = Lower::new(self.word(i));
        is_legal_form(self.word(j - 1))
            && (i..j - 1).all(|k| !is_legal_form(self.word(k)) || self.word(k) == "Group")
            && !is_function_word(opener.as_str())
            && !is_title(self.word(i))
            && !is_role_noun(opener.as_str())
    }

    /// Whether word `i` of a line in capitals may open a known name of several words:
    /// a place's (in Title Case or as written) or a phrase of the body's.
    fn may_open_long_name(&self, i: usize, title: &str) -> bool {
        let lex = lexicon();
        // "SECURITIES AND EXCHANGE COMMISSION", "UNITED NATIONS".
        lex.opens_organisation_name(title)
            || lex.opens_long_place_name(title)
            || lex.opens_long_place_name(self.word(i))
            || self.opens_body_phrase(title)
    }

    /// On a line in capitals every word looks like an acronym: a name counts only
    /// when its Title Case form is a known place or nationality, a name of the body
    /// (one word: written capitalised inside a sentence there), or it is an acronym
    /// the body uses in running text ("NATO").
    fn known_in_capitals(&self, name: &str, one_word: bool, title: &str) -> bool {
        let lex = lexicon();
        // A word the body capitalises only inside titles and names of things
        // ("Chief Financial Officer", "Sarbanes-Oxley Act") is no name alone.
        let part_of_other_names = one_word
            && (is_portfolio(title) || is_org_keyword(title) || is_other_name_keyword(title));

        let never = is_never_name(title)
            || is_title(title)
            || is_function_word(title)
            || one_word && is_legal_form(title);
        !never
            && (one_word && lex.demonym(title).is_some()
                || !lex.places_named(title).is_empty()
                || !lex.places_named(name).is_empty()
                || !one_word && self.body_has_phrase(title)
                || !one_word && lex.organisation_named_in_capitals(title).is_some()
                || one_word && !part_of_other_names && self.capitalised_in_body_any_case(name))
    }
}
