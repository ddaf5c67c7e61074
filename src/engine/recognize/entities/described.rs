//! What the text says a name is: a place described as one ("Aisby is a village in …", "Atwick, a small town near …"), and names of things we do not extract (doctrines in "-ism", languages named as such, the world wars).

use super::shape::starts_upper;
use super::DocumentView;
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::token::{lowered_in, Lower};

/// Kinds of place an encyclopaedic or news sentence describes a name as.
const DESCRIBED_PLACE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "hamlet",
    "suburb",
    "parish",
    "municipality",
    "commune",
    "district",
    "county",
    "borough",
    "township",
    "province",
    "region",
    "settlement",
    "locality",
    "neighbourhood",
    "neighborhood",
    "river",
    "lake",
    "island",
    "mountain",
    "peninsula",
    "valley",
    "port",
    "capital",
];

/// Words that may follow the place noun of a description: where it lies, or the
/// sentence going on ("a village in Lincolnshire", "a town and civil parish").
const AFTER_PLACE_NOUN: &[&str] = &[
    "in", "of", "near", "on", "located", "situated", "north", "south", "east", "west", "and", ",",
    ".", ";", "about", "some", "close", "along",
];

/// Kinds of organisation a news sentence describes a name as, in an apposition
/// ("Ukrenergo, the national grid operator,"), besides nouns in "-maker".
const DESCRIBED_ORGANISATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "operator",
    "bank",
    "lender",
    "insurer",
    "carrier",
    "airline",
    "retailer",
    "manufacturer",
    "producer",
    "supplier",
    "developer",
    "distributor",
    "regulator",
    "utility",
    "conglomerate",
    "startup",
    "broker",
    "publisher",
    "broadcaster",
    "agency",
    "giant",
    "subsidiary",
    "unit",
    "charity",
    "watchdog",
    "exchange",
    "newspaper",
    "maker",
];

/// Kinds of organisation written right before a company's name ("its aerospace unit
/// Dasa", "carmaker Volkswagen"): only nouns that never name a person's occupation
/// ("producer", "publisher", "developer", "lawmaker" do).
const ORGANISATION_NOUNS_BEFORE_NAME: &[&str] = &[
    "company",
    "firm",
    "bank",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "retailer",
    "manufacturer",
    "conglomerate",
    "startup",
    "broadcaster",
    "subsidiary",
    "unit",
    "affiliate",
    "newspaper",
    "carmaker",
    "automaker",
    "chipmaker",
    "drugmaker",
    "planemaker",
    "steelmaker",
    "toymaker",
];

/// Words before "of", "in" or "with" that only a company completes ("shares of",
/// "a stake in", "its merger with"; not "the acquisition of", which sports news
/// writes of players).
const COMPANY_NOUNS_BEFORE_PREPOSITION: &[(&str, &str)] = &[
    ("shares", "of"),
    ("stock", "of"),
    ("stake", "in"),
    ("shareholders", "of"),
    ("shareholder", "in"),
    ("takeover", "of"),
    ("merger", "with"),
    ("subsidiary", "of"),
];

/// What a company's shares do right after "X shares" ("Hoechst shares closed up").
const SHARE_MOVES: &[&str] = &[
    "rose", "fell", "closed", "gained", "dropped", "slipped", "jumped", "climbed", "slid",
    "tumbled", "surged", "ended", "edged", "were", "traded", "lost", "added", "eased", "firmed",
    "opened", "plunged", "soared", "rallied", "sank",
];

/// Lower-case words naming a language or a writing system after its name.
const LANGUAGE_NOUNS: &[&str] = &["language", "languages", "dialect", "alphabet", "script"];

/// How many lower-case words (adjectives: "small", "former", "rural") may stand
/// between the article and the place noun.
const MAX_ADJECTIVES: usize = 2;

impl<'a> DocumentView<'a> {
    /// "Aisby is a village in Lincolnshire", "Atwick, a small village near Hornsea",
    /// "Sand Springs was a town and …": the sentence describes the name as a place.
    /// The article is required ("Jackson, a town councillor" is a person: the noun
    /// must be followed by where the place lies or by the sentence going on).
    pub(super) fn described_as_place(&self, end: usize) -> bool {
        if !self.parts.described_places {
            return false;
        }
        // ", a village …" or "is a village …".
        if !matches!(self.word(end), "," | "is" | "was" | "remains") {
            return false;
        }
        let mut at = end + 1;
        let article = self.word(at);
        let capital = article == "the" && self.word(at + 1) == "capital";
        if !matches!(article, "a" | "an") && !capital {
            return false;
        }
        at += 1;
        for _ in 0..=MAX_ADJECTIVES {
            let w = self.word(at);
            if self.new_line(at) || w.is_empty() {
                return false;
            }
            if DESCRIBED_PLACE_NOUNS.contains(&w) {
                let next = self.word(at + 1);
                return next.is_empty() || AFTER_PLACE_NOUN.contains(&next);
            }
            let lower_word = w.chars().all(|c| c.is_lowercase() || c == '-');
            if !lower_word {
                return false;
            }
            at += 1;
        }
        false
    }

    /// "Ukrenergo, the national grid operator, said", "Nexperia, a Dutch chipmaker,",
    /// "Apple, based in Cupertino,": an apposition describes the name as an
    /// organisation (a demonym may stand among its adjectives).
    pub(super) fn described_as_organisation(&self, end: usize) -> bool {
        if !self.parts.described_places || self.word(end) != "," {
            return false;
        }
        // "Apple, based in Cupertino,", "Nexperia, headquartered in Nijmegen,".
        if matches!(self.word(end + 1), "based" | "headquartered") && self.word(end + 2) == "in" {
            return true;
        }
        let mut at = end + 1;
        if !matches!(self.word(at), "the" | "a" | "an") {
            return false;
        }
        at += 1;
        for _ in 0..=MAX_ADJECTIVES + 1 {
            let w = self.word(at);
            if self.new_line(at) || w.is_empty() {
                return false;
            }
            if DESCRIBED_ORGANISATION_NOUNS.contains(&w) || w.len() > 7 && w.ends_with("maker") {
                return matches!(self.word(at + 1), "," | "." | "that" | "which" | "based");
            }
            let lower_word = w.chars().all(|c| c.is_lowercase() || c == '-');
            if !lower_word && lexicon().demonym(w).is_none() {
                return false;
            }
            at += 1;
        }
        false
    }

    /// "its aerospace unit Dasa", "Shares of carmaker Volkswagen": a kind of company
    /// written right before the name describes it as an organisation.
    pub(super) fn described_before_as_organisation(&self, first: usize) -> bool {
        self.parts.described_places
            && first > 0
            && !self.tokens[first].line_start
            && lowered_in(self.word(first - 1), ORGANISATION_NOUNS_BEFORE_NAME)
    }

    /// "shares of Marion Merrell Dow", "a stake in Roussel Uclaf", "Hoechst shares
    /// closed up", "Tesla jumped 6%": what only a company has, around the name.
    pub(super) fn in_company_context(&self, first: usize, end: usize) -> bool {
        if !self.parts.described_places {
            return false;
        }
        let before = first >= 2
            && COMPANY_NOUNS_BEFORE_PREPOSITION.contains(&(
                Lower::new(self.word(first - 2)).as_str(),
                self.word(first - 1),
            ));
        let after = matches!(self.word(end), "shares" | "stock")
            && SHARE_MOVES.contains(&self.word(end + 1));
        // "Tesla jumped 6%", "Boeing fell 2.1 percent": a stock's move.
        let moved_by_percent = SHARE_MOVES.contains(&self.word(end))
            && (end + 2..end + 5).any(|k| matches!(self.word(k), "%" | "percent" | "pct"));
        before || after || moved_by_percent
    }

    /// Names of things that are none of our entities, told by their form or the
    /// word after them: a doctrine or movement in "-ism" ("Catholicism",
    /// "Buddhism"), a language named as such ("the Ilocano language"), the world
    /// wars ("World War II").
    pub(super) fn names_a_doctrine_language_or_war(&self, first: usize, end: usize) -> bool {
        if !self.parts.described_places {
            return false;
        }
        let last = self.word(end - 1);
        let one_word = end == first + 1;
        let doctrine = one_word && last.chars().count() >= 6 && last.ends_with("ism");
        let language = one_word
            && starts_upper(last)
            && lexicon().demonym(last).is_none()
            && LANGUAGE_NOUNS.contains(&self.word(end))
            && !self.new_line(end);
        let war = self.word(first) == "World"
            && first + 1 < end
            && self.word(first + 1) == "War"
            && end - first <= 3;
        doctrine || language || war
    }
}
