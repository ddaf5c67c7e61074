//! Named-entity recognition: people, organisations, places and nationalities in one document.
//!
//! Rules, not a statistical model, so that it runs at tens of MB/s in a browser
//! tab and every decision can be explained. The steps:
//! 1. runs of capitalised words (with name particles, initials, "of", "&",
//!    hyphens, "and" inside an organisation's name) are collected per line;
//! 2. each run is cut into segments: demonyms and titles peeled off the left,
//!    "of" kept only after words that head names ("Ministry of …"), hyphenated
//!    place pairs split ("Armenia-Azerbaijan");
//! 3. each segment is typed from its own words (keywords, gazetteer, given
//!    names, surname endings) and its context (titles, saying verbs, apposition);
//! 4. the document votes: a surname after a full name is that person, and a
//!    string typed weakly takes the type it has where evidence was strong;
//! 5. capitalised common words of the text are dropped (a contract's "Loan"
//!    beside "the loan"), and places or names next to a score become teams.
//!
//! Sentence-initial words, Title Case headlines and lines in capitals carry no
//! capitalisation evidence, so there only names known from the gazetteer or
//! from the body of the same document are kept.
//!
//! A trained layer over these rules (`model.rs`) is cross-validated by
//! `dossier cv` but not used here: see that file for why.

use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use crate::engine::recognize::lexicon::PlaceIdx;
use crate::engine::recognize::token::Token;
use crate::engine::recognize::words::is_name_closing_abbreviation;

mod classify;
mod common_words;
mod context;
mod contracts;
mod described;
mod document;
mod genre;
mod headline;
mod known;
mod legal_form;
mod lines;
mod link;
mod lists;
pub mod model;
mod peel;
mod quoted;
mod results;
mod runs;
mod sentence_start;
mod shape;
mod vote;

use link::link_places;

/// The four kinds of named entity Dossier extracts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organisation,
    #[serde(rename = "LOC")]
    Place,
    #[serde(rename = "NORP")]
    Nationality,
}

impl EntityType {
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organisation => "ORG",
            EntityType::Place => "LOC",
            EntityType::Nationality => "NORP",
        }
    }

    /// The type a code names ("PER", "ORG", "LOC", "NORP").
    pub fn from_code(code: &str) -> Option<EntityType> {
        [
            EntityType::Person,
            EntityType::Organisation,
            EntityType::Place,
            EntityType::Nationality,
        ]
        .into_iter()
        .find(|t| t.code() == code)
    }
}

/// One mention of a named entity in a document's text.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EntityMention {
    /// Byte offsets into the document text, on char boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// A title or role written before a person's name ("Foreign Minister").
    pub role: Option<String>,
    /// The gazetteer entry of a place, or of a nationality's country.
    pub place: Option<PlaceIdx>,
}

/// How sure a segment's type is: strong evidence overrides weak defaults in the document vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    Default,
    Weak,
    Strong,
}

#[derive(Clone, Debug)]
struct Segment {
    /// Token indices, end exclusive.
    first: usize,
    end: usize,
    kind: EntityType,
    evidence: Evidence,
    role: Option<String>,
    place: Option<PlaceIdx>,
}

/// Finds the named entities of one document: the rules, the trained layer's drops
/// (outside news reports, see `model.rs`), then place linking.
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<EntityMention> {
    let layer = (model::shipped(), model::Policy::DropOutsideNewsReports);
    recognize_with(text, tokens, Parts::ALL, Some(layer))
}

/// Parts of the rules that can be left out, to measure what each contributes
/// (`dossier cv`); the product runs them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Unfamiliar names typed by how their words look (`namelike.rs`).
    pub name_likeness: bool,
    /// Capitalised common words dropped (`common_words.rs`).
    pub common_words: bool,
    /// Teams in results lines typed as organisations (`results.rs`).
    pub results_lines: bool,
    /// Lines in capitals read like headlines (`document.rs`).
    pub capitals_lines: bool,
    /// Names filling a pair of quotation marks are titles, not entities (`quoted.rs`).
    pub quoted_titles: bool,
    /// Names the text describes as places, and doctrines, languages and wars
    /// (`described.rs`).
    pub described_places: bool,
    /// Defined terms of contracts and filings dropped (`contracts.rs`).
    pub defined_terms: bool,
    /// A name after a place noun and "of" is a place (`context.rs`).
    pub place_before_of: bool,
    /// Occupations and acronyms before a person's name are peeled off (`peel.rs`).
    pub occupations: bool,
    /// Names listed beside a person are persons (`lists.rs`).
    pub name_lists: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        name_likeness: true,
        common_words: true,
        results_lines: true,
        capitals_lines: true,
        quoted_titles: true,
        described_places: true,
        defined_terms: true,
        place_before_of: true,
        occupations: true,
        name_lists: true,
    };

    /// Each part left out in turn, named.
    pub fn each_left_out() -> [(&'static str, Parts); 10] {
        [
            (
                "name likeness",
                Parts {
                    name_likeness: false,
                    ..Parts::ALL
                },
            ),
            (
                "common words",
                Parts {
                    common_words: false,
                    ..Parts::ALL
                },
            ),
            (
                "results lines",
                Parts {
                    results_lines: false,
                    ..Parts::ALL
                },
            ),
            (
                "capitals lines",
                Parts {
                    capitals_lines: false,
                    ..Parts::ALL
                },
            ),
            (
                "quoted titles",
                Parts {
                    quoted_titles: false,
                    ..Parts::ALL
                },
            ),
            (
                "described places",
                Parts {
                    described_places: false,
                    ..Parts::ALL
                },
            ),
            (
                "defined terms",
                Parts {
                    defined_terms: false,
                    ..Parts::ALL
                },
            ),
            (
                "place before of",
                Parts {
                    place_before_of: false,
                    ..Parts::ALL
                },
            ),
            (
                "occupations",
                Parts {
                    occupations: false,
                    ..Parts::ALL
                },
            ),
            (
                "name lists",
                Parts {
                    name_lists: false,
                    ..Parts::ALL
                },
            ),
        ]
    }
}

/// [`recognize`] with some parts left out, or with the trained layer over the
/// rules under another policy, for cross-validation.
pub fn recognize_with(
    text: &str,
    tokens: &[Token],
    parts: Parts,
    trained: Option<(&model::Model, model::Policy)>,
) -> Vec<EntityMention> {
    let doc = DocumentView::new(text, tokens, parts);
    let mut segments = rule_segments(&doc);
    if let Some((model, policy)) = trained {
        let gated_out = policy == model::Policy::DropOutsideNewsReports
            && genre::reads_as_news_report(text, tokens);
        if !gated_out {
            model.retype(&doc, &mut segments, policy);
        }
    }
    let mut mentions: Vec<EntityMention> = segments
        .into_iter()
        .map(|s| EntityMention {
            start: tokens[s.first].start,
            end: end_with_abbreviation_period(text, tokens, s.end),
            kind: s.kind,
            role: s.role,
            place: s.place,
        })
        .collect();
    // Overlaps of one type are duplicates; a place inside a government body's name
    // ("US" in "US Treasury") is a mention of its own. (The sort is stable: of two
    // equal spans of a type, the rules' first is kept.)
    mentions.sort_by_key(|m| (m.kind, m.start, m.end));
    mentions.dedup_by(|b, a| a.kind == b.kind && a.start < b.end && b.start < a.end);
    mentions.sort_by_key(|m| (m.start, m.end));
    link_places(text, &mut mentions);
    mentions
}

/// Where a mention ending before token `end` ends: after the period of a name's
/// closing abbreviation ("Apple Inc.", "William Clay Ford Jr."), which belongs to
/// the name as it does to "U.S.", else at its last token.
fn end_with_abbreviation_period(text: &str, tokens: &[Token], end: usize) -> usize {
    let last = &tokens[end - 1];
    let period_follows = tokens
        .get(end)
        .is_some_and(|t| !t.space_before && t.text(text) == ".");
    if period_follows && is_name_closing_abbreviation(last.text(text)) {
        tokens[end].end
    } else {
        last.end
    }
}

/// The rules' segments of a document, after the document vote.
fn rule_segments(doc: &DocumentView) -> Vec<Segment> {
    let mut segments = Vec::new();
    for run in doc.runs() {
        doc.segment_run(run, &mut segments);
    }
    // Teams before the vote, so that a team's name in a headline or elsewhere in
    // the report is the team too ("LEEDS BEAT CHELSEA" over "Leeds beat Chelsea 2-1").
    if doc.parts.results_lines {
        doc.type_teams(&mut segments);
    }
    doc.vote(&mut segments);
    doc.type_list_members(&mut segments);
    doc.drop_lone_legal_forms(&mut segments);
    if doc.parts.common_words {
        doc.drop_common_words(&mut segments);
    }
    doc.drop_defined_terms(&mut segments);
    if doc.parts.quoted_titles {
        doc.drop_quoted_titles(&mut segments);
    }
    segments
}

/// A span the rules found, as the trained layer sees it: for training and cross-validation.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub rule_kind: EntityType,
    /// The trained layer decides this one (the rules typed it by their fallback).
    pub open: bool,
    pub features: Vec<u32>,
}

/// The rules' spans of a document with their features.
pub fn candidates(text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let doc = DocumentView::new(text, tokens, Parts::ALL);
    let segments = rule_segments(&doc);
    let context = model::DocumentContext::new(&doc, &segments);
    segments
        .into_iter()
        .map(|s| {
            let mut features = Vec::new();
            model::span_features(&doc, &context, &s, &mut features);
            Candidate {
                start: tokens[s.first].start,
                end: tokens[s.end - 1].end,
                rule_kind: s.kind,
                open: model::decides(&s),
                features,
            }
        })
        .collect()
}

/// A run of name-like tokens on one line: token indices, end exclusive.
#[derive(Clone, Copy, Debug)]
struct Run {
    first: usize,
    end: usize,
}

/// The document as the rules see it (built in `document.rs`).
struct DocumentView<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Each token's text, sliced once: the rules ask for the same words again and
    /// again (slicing each time, with its checks, was a hundredth of a pack build).
    words: Vec<&'a str>,
    /// Per token: its line reads as a Title Case headline.
    in_headline: Vec<bool>,
    /// Per token: its line is written in capitals (also marked as a headline).
    in_capitals_line: Vec<bool>,
    /// Words seen capitalised in running text, not at a sentence start.
    capitalised_mid_sentence: HashSet<&'a str>,
    /// Sentence-initial words also seen in lower case somewhere.
    seen_lowercase: HashSet<&'a str>,
    /// Capitalised words opening two sentences or more of the body (not headlines).
    opens_sentences_repeatedly: HashSet<&'a str>,
    /// Per token: a word that can be part of a name (capitalised, not a month or the like).
    name_words: Vec<bool>,
    /// Runs of capitalised words in the body, for headline checks; built on demand.
    body_phrases: OnceCell<HashSet<&'a str>>,
    /// The words that open a body phrase of more than one word; built on demand.
    body_phrase_openers: OnceCell<HashSet<&'a str>>,
    /// Body phrases that end in a legal form, without it ("American Brands" of
    /// "American Brands Inc."); built on demand.
    company_names: OnceCell<HashSet<&'a str>>,
    /// The first words that stand for those companies alone ("Brennan" of "Brennan
    /// Foods Inc"); built on demand.
    company_first_words: OnceCell<HashSet<&'a str>>,
    /// `capitalised_mid_sentence` in lower case, for lines in capitals ("BANKAMERICA"
    /// is the body's "BankAmerica"); built on demand.
    capitalised_folded: OnceCell<HashSet<String>>,
    /// Every word the document writes in lower case (built when first asked).
    lowercase_words: OnceCell<HashSet<&'a str>>,
    parts: Parts,
}

#[cfg(test)]
mod tests;
