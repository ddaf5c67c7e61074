//! Named-entity recognition: people, organisations, places and nationalities in one document.
//!
//! Rules, not a statistical model, so that it runs at tens of MB/s in a browser
//! tab and every decision can be explained. The steps:
//! 1. runs of capitalised words (with name particles, initials, "of", "&",
//!    hyphens) are collected per line;
//! 2. each run is cut into segments: demonyms and titles peeled off the left,
//!    "of" kept only after words that head names ("Ministry of …"), hyphenated
//!    place pairs split ("Armenia-Azerbaijan");
//! 3. each segment is typed from its own words (keywords, gazetteer, given
//!    names, surname endings) and its context (titles, saying verbs, apposition);
//! 4. the document votes: a surname after a full name is that person, and a
//!    string typed weakly takes the type it has where evidence was strong.
//!
//! Sentence-initial words and Title Case headlines carry no capitalisation
//! evidence, so there only names known from the gazetteer or from the body of
//! the same document are kept.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::engine::recognize::lexicon::{lexicon, Place, PlaceIdx, PlaceKind};
use crate::engine::recognize::token::{Token, TokenKind};
use crate::engine::recognize::words::*;

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

/// Finds the named entities of one document.
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<EntityMention> {
    let doc = DocumentView::new(text, tokens);
    let mut segments = Vec::new();
    for run in doc.runs() {
        doc.segment_run(run, &mut segments);
    }
    doc.vote(&mut segments);
    let mut mentions: Vec<EntityMention> = segments
        .into_iter()
        .map(|s| EntityMention {
            start: tokens[s.first].start,
            end: tokens[s.end - 1].end,
            kind: s.kind,
            role: s.role,
            place: s.place,
        })
        .collect();
    mentions.sort_by_key(|m| (m.start, m.end));
    // Overlaps of one type are duplicates; a place inside a government body's name
    // ("US" in "US Treasury") is a mention of its own.
    mentions.sort_by_key(|m| (m.kind, m.start, m.end));
    mentions.dedup_by(|b, a| a.kind == b.kind && a.start < b.end && b.start < a.end);
    mentions.sort_by_key(|m| (m.start, m.end));
    link_places(text, &mut mentions);
    mentions
}

/// Links each place mention to the gazetteer, or leaves it unlinked. Among places
/// that share a name, context chooses, nearest first:
/// 1. apposition: "Paris, Texas", "London, Ontario", "Valencia in Venezuela", and
///    "Seattle, Washington" (the state, not the capital) pick the pair that nests;
/// 2. the other places and nationalities of the sentence, paragraph and document,
///    each counting for its country and, more, for its region ("Georgia" beside
///    Tbilisi is the country, beside Atlanta the US state).
///
/// Without context the default order stands (countries first, then a city before
/// its namesake region, then by population). A country's name yields only to a
/// namesake supported by its own region, and a small town (from the link-only
/// table) or a far smaller namesake (Moscow, Idaho) only to evidence in its own
/// paragraph, so that a document about the US does not move Moscow to Idaho.
fn link_places(text: &str, mentions: &mut [EntityMention]) {
    let lex = lexicon();
    let name_of = |m: &EntityMention| {
        text[m.start..m.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let candidates: Vec<Cow<'static, [PlaceIdx]>> = mentions
        .iter()
        .map(|m| match m.kind {
            EntityType::Place => {
                // "the Donetsk region": the lower-case word after the name says its kind.
                let next = text[m.end..].split_whitespace().next().unwrap_or("");
                let next = next.trim_end_matches(|c: char| c.is_ascii_punctuation());
                if kind_word(next).is_some() {
                    link_candidates(&format!("{} {next}", name_of(m)))
                } else {
                    link_candidates(&name_of(m))
                }
            }
            _ => Cow::Borrowed(&[][..]),
        })
        .collect();
    let mut decided: Vec<bool> = candidates.iter().map(|c| c.len() <= 1).collect();
    for (m, c) in mentions.iter_mut().zip(&candidates) {
        if let Some(&first) = c.first() {
            m.place = Some(first);
        }
    }
    // 1. Apposition between neighbouring place mentions.
    for i in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.kind != EntityType::Place
            || b.kind != EntityType::Place
            || decided[i] && decided[i + 1]
        {
            continue;
        }
        let between = &text[a.end..b.start.max(a.end)];
        if !matches!(between.trim(), "," | "in") {
            continue;
        }
        let pair = candidates[i].iter().find_map(|&inner| {
            candidates[i + 1]
                .iter()
                .find(|&&outer| contains(lex.place(outer), lex.place(inner)))
                .map(|&outer| (inner, outer))
        });
        if let Some((inner, outer)) = pair {
            mentions[i].place = Some(inner);
            mentions[i + 1].place = Some(outer);
            decided[i] = true;
            decided[i + 1] = true;
        }
    }
    // 2. Context: where each settled place or nationality is, and what it stands for.
    let (sentence_of, paragraph_of) = sentence_and_paragraph_ids(text, mentions);
    let mut context: Vec<Clue> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(idx) = m.place else { continue };
        let p = lex.place(idx);
        let settled = m.kind == EntityType::Nationality || decided[i];
        let one_country = candidates[i]
            .iter()
            .all(|&c| lex.place(c).country == p.country);
        if p.country.is_empty() || !(settled || one_country) {
            continue;
        }
        let admin1 = match p.kind {
            PlaceKind::City | PlaceKind::Capital | PlaceKind::Region if settled => p.admin1,
            _ => "",
        };
        context.push(Clue {
            mention: i,
            sentence: sentence_of[i],
            paragraph: paragraph_of[i],
            country: p.country,
            admin1,
        });
    }
    let mut country_clues: HashMap<&'static str, usize> = HashMap::default();
    let mut region_clues: HashMap<(&'static str, &'static str), usize> = HashMap::default();
    for clue in &context {
        *country_clues.entry(clue.country).or_default() += 1;
        if !clue.admin1.is_empty() {
            *region_clues.entry((clue.country, clue.admin1)).or_default() += 1;
        }
    }
    for i in 0..mentions.len() {
        if decided[i] {
            continue;
        }
        let here = (sentence_of[i], paragraph_of[i]);
        // Clues near this mention (its paragraph, at most NEAR_WINDOW clues either side)
        // weigh more; the rest count through the document totals, so that a long
        // document costs a bounded scan per mention.
        let at = context.partition_point(|c| c.mention < i);
        let near = &context[at.saturating_sub(NEAR_WINDOW)..(at + NEAR_WINDOW).min(context.len())];
        // (support anywhere, support in this paragraph, support from its own region)
        let support = |p: &Place| {
            let region_eligible = !p.admin1.is_empty() && p.kind != PlaceKind::Country;
            let mut in_country = country_clues.get(p.country).copied().unwrap_or(0);
            let mut in_region = if region_eligible {
                region_clues
                    .get(&(p.country, p.admin1))
                    .copied()
                    .unwrap_or(0)
            } else {
                0
            };
            let mut total = (0, 0, 0);
            for clue in near
                .iter()
                .filter(|c| c.paragraph == here.1 && c.country == p.country)
            {
                let weight = if clue.sentence == here.0 { 4 } else { 2 };
                let same_region = region_eligible && clue.admin1 == p.admin1;
                let points = if same_region { 3 * weight } else { weight };
                total.0 += points;
                total.1 += points;
                in_country -= 1;
                if same_region {
                    total.2 += points;
                    in_region -= 1;
                }
            }
            // Far clues add up to at most one near one: a long report about one
            // country must not outvote the sentence that names another.
            let far_points = in_country + 2 * in_region;
            total.0 += far_points.min(MAX_FAR_SUPPORT);
            total.2 += 3 * in_region;
            total
        };
        let default = lex.place(candidates[i][0]);
        let default_support = support(default);
        // max_by_key keeps the last maximum; iterate in reverse so that ties keep the default order.
        let Some(&best) = candidates[i]
            .iter()
            .rev()
            .max_by_key(|&&c| support(lex.place(c)).0)
        else {
            continue;
        };
        let chosen = lex.place(best);
        let chosen_support = support(chosen);
        let far_smaller = default.population > 20 * chosen.population.max(1)
            && !matches!(chosen.kind, PlaceKind::Country | PlaceKind::Region);
        let needs_local = chosen.link_only && !default.link_only || far_smaller;
        // A city is not its namesake region ("Kyiv" among towns of Kyiv Oblast).
        let city_to_own_region = chosen.kind == PlaceKind::Region
            && chosen.country == default.country
            && matches!(default.kind, PlaceKind::City | PlaceKind::Capital);
        let accepted = !city_to_own_region
            && chosen_support.0 > default_support.0
            && (default.kind != PlaceKind::Country || chosen_support.2 > 0)
            && (!needs_local || chosen_support.1 > default_support.1 && chosen_support.2 > 0);
        if accepted {
            mentions[i].place = Some(best);
        }
    }
}

/// The most that clues outside a mention's paragraph add to a reading's support.
const MAX_FAR_SUPPORT: usize = 4;

/// How many clues on either side of a mention are looked at one by one.
const NEAR_WINDOW: usize = 64;

/// A settled place or nationality of the document, as evidence for its neighbours.
struct Clue {
    mention: usize,
    sentence: usize,
    paragraph: usize,
    country: &'static str,
    /// The first-level region it lies in or is ("" for a country or nationality).
    admin1: &'static str,
}

/// `outer` contains `inner`: its country, or the region it lies in.
fn contains(outer: &Place, inner: &Place) -> bool {
    outer.country == inner.country
        && !outer.country.is_empty()
        && match outer.kind {
            PlaceKind::Country => inner.kind != PlaceKind::Country,
            PlaceKind::Region => {
                !matches!(inner.kind, PlaceKind::Region | PlaceKind::Country)
                    && !outer.admin1.is_empty()
                    && outer.admin1 == inner.admin1
            }
            _ => false,
        }
}

/// For each mention, the index of its sentence and of its paragraph (blank-line
/// separated), counted from the start of the text.
fn sentence_and_paragraph_ids(text: &str, mentions: &[EntityMention]) -> (Vec<usize>, Vec<usize>) {
    let bytes = text.as_bytes();
    let (mut sentence, mut paragraph, mut at) = (0, 0, 0);
    let mut sentences = Vec::with_capacity(mentions.len());
    let mut paragraphs = Vec::with_capacity(mentions.len());
    for m in mentions {
        while at < m.start.min(bytes.len()) {
            match bytes[at] {
                b'\n' => {
                    sentence += 1;
                    if bytes[at + 1..]
                        .iter()
                        .take_while(|b| **b != b'\n')
                        .all(u8::is_ascii_whitespace)
                    {
                        paragraph += 1;
                    }
                }
                b'.' | b'!' | b'?' if bytes.get(at + 1).is_some_and(u8::is_ascii_whitespace) => {
                    sentence += 1
                }
                _ => {}
            }
            at += 1;
        }
        sentences.push(sentence);
        paragraphs.push(paragraph);
    }
    (sentences, paragraphs)
}

/// The kind of place a word after a name says it is ("province", "city").
fn kind_word(word: &str) -> Option<PlaceKind> {
    match word {
        "city" => Some(PlaceKind::City),
        "province" | "region" | "state" | "county" | "district" | "oblast" | "governorate"
        | "prefecture" => Some(PlaceKind::Region),
        _ => None,
    }
}

/// Gazetteer readings of a recognised place name, trying it without a trailing
/// "province", "region", "city" ("Sindh province", "Almaty region") when it has none.
fn link_candidates(name: &str) -> Cow<'static, [PlaceIdx]> {
    let lex = lexicon();
    let name = name.strip_prefix("the ").unwrap_or(name);
    let found = lex.link_candidates(name);
    if !found.is_empty() {
        return Cow::Borrowed(found);
    }
    let Some((head, last)) = name.rsplit_once(' ') else {
        return Cow::Borrowed(&[]);
    };
    let Some(wanted) = kind_word(&last.to_lowercase()) else {
        return Cow::Borrowed(&[]);
    };
    // The trailing word names the kind: "Donetsk region" is the region, not the city.
    let all = lex.link_candidates(head);
    let of_kind: Vec<PlaceIdx> = all
        .iter()
        .copied()
        .filter(|&i| {
            let kind = lex.place(i).kind;
            kind == wanted || wanted == PlaceKind::City && kind == PlaceKind::Capital
        })
        .collect();
    if of_kind.is_empty() {
        Cow::Borrowed(all)
    } else {
        Cow::Owned(of_kind)
    }
}

/// A run of name-like tokens on one line: token indices, end exclusive.
#[derive(Clone, Copy, Debug)]
struct Run {
    first: usize,
    end: usize,
}

struct DocumentView<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Per token: its line reads as a Title Case headline.
    in_headline: Vec<bool>,
    /// Words seen capitalised in running text, not at a sentence start.
    capitalised_mid_sentence: HashSet<&'a str>,
    /// Sentence-initial words also seen in lower case somewhere.
    seen_lowercase: HashSet<&'a str>,
    /// Per token: a word that can be part of a name (capitalised, not a month or the like).
    name_words: Vec<bool>,
    /// Runs of capitalised words in the body, for headline checks; built on demand.
    body_phrases: OnceCell<HashSet<&'a str>>,
}

impl<'a> DocumentView<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let in_headline = headline_flags(text, tokens);
        let mut capitalised_mid_sentence = HashSet::default();
        // Only sentence-initial words are ever asked about in lower case: collect
        // those first, then look for them, instead of hashing every word.
        let mut sentence_initial: HashSet<String> = HashSet::default();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            if starts_upper(w) {
                if !t.sentence_start && !in_headline[i] && !after_opening_quote(text, tokens, i) {
                    capitalised_mid_sentence.insert(w);
                } else {
                    sentence_initial.insert(w.to_lowercase());
                }
            }
        }
        let name_words = tokens
            .iter()
            .map(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word
                    && starts_upper(w)
                    && (!is_never_name(w) || is_dotted_abbreviation(w))
            })
            .collect();
        let mut seen_lowercase = HashSet::default();
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let w = t.text(text);
            if w.as_bytes()[0].is_ascii_lowercase() && sentence_initial.contains(w) {
                seen_lowercase.insert(w);
            }
        }
        DocumentView {
            text,
            tokens,
            in_headline,
            capitalised_mid_sentence,
            seen_lowercase,
            name_words,
            body_phrases: OnceCell::new(),
        }
    }

    /// The text of token `i`, or "" past the end (rules look ahead freely).
    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Word
    }

    /// A word that can be part of a name: capitalised, not a closed-class non-name.
    fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    fn joined(&self, i: usize) -> bool {
        i < self.tokens.len() && !self.tokens[i].space_before && !self.tokens[i].line_start
    }

    fn new_line(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].line_start
    }

    /// Collects maximal runs of name words with the connectors names may hold.
    fn runs(&self) -> Vec<Run> {
        let n = self.tokens.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.is_name_word(i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut end = i + 1;
            // An initial: "J." joined to its period.
            end = self.absorb_initial_period(first, end);
            loop {
                if end >= n || self.new_line(end) {
                    break;
                }
                if self.is_name_word(end) && self.tokens[end].space_before {
                    end = self.absorb_initial_period(end, end + 1);
                    continue;
                }
                let w = self.word(end);
                let next_is_name =
                    end + 1 < n && self.is_name_word(end + 1) && !self.new_line(end + 1);
                // Hyphenated compounds: "Armenia-Azerbaijan", "Rolls-Royce".
                if (w == "-" || w == "–")
                    && self.joined(end)
                    && self.joined(end + 1)
                    && next_is_name
                {
                    end += 2;
                    continue;
                }
                // Particles may chain: "von der Leyen", "de la Cruz".
                if is_name_particle(w) && !self.tokens[end].line_start {
                    let mut k = end;
                    while k < n
                        && self.is_word(k)
                        && is_name_particle(self.word(k))
                        && !self.new_line(k)
                    {
                        k += 1;
                    }
                    if k < n && self.is_name_word(k) && !self.new_line(k) && k - end <= 3 {
                        end = k + 1;
                        continue;
                    }
                    // "al-Burhan", "el-Sisi": a particle hyphenated to the name.
                    if k == end + 1
                        && matches!(self.word(k), "-" | "–")
                        && self.joined(k)
                        && self.joined(k + 1)
                        && self.is_name_word(k + 1)
                    {
                        end = k + 2;
                        continue;
                    }
                }
                // "International Committee of the Red Cross": "of the" inside an organisation's name.
                if w == "of"
                    && self.word(end + 1) == "the"
                    && is_org_keyword(self.word(end - 1))
                    && self.is_name_word(end + 2)
                    && !self.new_line(end + 2)
                {
                    end += 3;
                    continue;
                }
                if next_is_name && (w == "of" || w == "&" || w == "for" || w == "on") {
                    end += 2;
                    end = self.absorb_initial_period(end - 1, end);
                    continue;
                }
                break;
            }
            runs.push(Run { first, end });
            i = end;
        }
        runs
    }

    fn absorb_initial_period(&self, word_idx: usize, end: usize) -> usize {
        let w = self.word(word_idx);
        if (w.chars().count() == 1 || matches!(w, "St" | "Mt" | "Ft"))
            && starts_upper(w)
            && end < self.tokens.len()
            && self.word(end) == "."
            && self.joined(end)
            && end + 1 < self.tokens.len()
            && self.is_name_word(end + 1)
        {
            end + 1
        } else {
            end
        }
    }

    /// Cuts a run into typed segments and appends them.
    fn segment_run(&self, run: Run, out: &mut Vec<Segment>) {
        // Split at "of" unless the word before heads a name, and at hyphens between places.
        let mut pieces: Vec<Run> = Vec::new();
        let mut start = run.first;
        let mut i = run.first;
        while i < run.end {
            let w = self.word(i);
            if (w == "for" || w == "on") && i > start {
                // "National Commission for Museums": kept only after an organisation keyword.
                if !is_org_keyword(self.word(i - 1)) {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            } else if w == "of" && i > start {
                let head = self.word(i - 1);
                let keeps_of = is_org_keyword(head)
                    || is_place_keyword(head)
                    || is_place_prefix(head)
                    || matches!(
                        head,
                        "Republic" | "Kingdom" | "Bank" | "Isle" | "Duke" | "Prince" | "Princess"
                    )
                    || (is_title(head) && i + 1 < run.end && is_portfolio(self.word(i + 1)));
                if !keeps_of {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            } else if (w == "-" || w == "–") && i > start && i + 1 < run.end {
                let left = self.word(i - 1);
                let right = self.word(i + 1);
                if is_place_or_demonym(left) && is_place_or_demonym(right) {
                    pieces.push(Run {
                        first: start,
                        end: i,
                    });
                    start = i + 1;
                }
            }
            i += 1;
        }
        pieces.push(Run {
            first: start,
            end: run.end,
        });
        for piece in pieces {
            if piece.first < piece.end {
                self.type_piece(piece, out);
            }
        }
    }

    /// Types one piece of a run, peeling demonyms and titles from its left.
    fn type_piece(&self, piece: Run, out: &mut Vec<Segment>) {
        let mut first = piece.first;
        let end = piece.end;
        let headline = self.in_headline[first];

        // Sentence-initial words: drop a leading function word, or an unknown word that
        // stands alone or is also written in lower case.
        if self.at_sentence_start(first) {
            let w = self.word(first);
            // A capitalised particle opens a name: "Von der Leyen said".
            let opens_name = is_name_particle(&w.to_lowercase()) && end - first > 1;
            let unknown = !self.is_known(w) && !is_acronym(w) && !opens_name;
            let alone = end - first == 1;
            // "A. Petrova": an initial with its period, not the article "A".
            let initial = w.chars().count() == 1 && first + 1 < end && self.word(first + 1) == ".";
            if !initial
                && (is_function_word(w)
                    || unknown
                        && (alone || self.seen_lowercase.contains(w.to_lowercase().as_str())))
            {
                if end - first == 1 {
                    return;
                }
                return self.type_piece(
                    Run {
                        first: first + 1,
                        end,
                    },
                    out,
                );
            }
        }
        if headline {
            return self.type_headline_piece(Run { first, end }, out);
        }

        if end - first > 1 && self.is_flight_number(end) && self.followed_by_model_number(end) {
            return self.type_piece(
                Run {
                    first,
                    end: end - 1,
                },
                out,
            );
        }
        // A name of something we do not extract: documents and events ("Almaty
        // Declaration"), products with model numbers ("Airbus A380", "FTSE 100"),
        // market indices, and currency prefixes ("US$").
        if is_other_name_keyword(self.word(end - 1))
            || (first..end).any(|i| is_model_number(self.word(i)))
            || self.followed_by_model_number(end) && !self.is_flight_number(end)
            || is_market_index(&self.span_text(first, end))
            || self.word(end) == "$" && self.joined(end)
        {
            return;
        }
        // Organisation keywords win over everything inside: "US Department of State".
        // A gazetteer name wins over keywords inside it ("European Union").
        let has_keyword = (first..end).any(|k| is_org_keyword(self.word(k)));
        if let Some(&idx) = lexicon()
            .places_named(&self.span_text(first, end))
            .first()
            .filter(|_| has_keyword)
        {
            let mut seg = self.segment(first, end, EntityType::Place, Evidence::Strong);
            seg.place = Some(idx);
            out.push(seg);
            return;
        }
        let keyword_at_end = is_org_keyword(self.word(end - 1));
        let keyword_heads_of = (first..end.saturating_sub(1))
            .any(|k| is_org_keyword(self.word(k)) && self.word(k + 1) == "of");
        if (keyword_at_end || keyword_heads_of) && end - first > 1 {
            let looks_like_person = end - first == 2
                && lexicon().is_given_name(self.word(first))
                && self.person_context(first, end);
            if !looks_like_person {
                let first = self.skip_honorifics(first, end);
                out.push(self.segment(first, end, EntityType::Organisation, Evidence::Strong));
                // "US Treasury", "United States Senate": a government body also names its country.
                if is_government_keyword(self.word(end - 1)) {
                    if let Some((place_end, idx)) = self.leading_place(first, end) {
                        if lexicon().place(idx).kind == PlaceKind::Country {
                            let mut seg =
                                self.segment(first, place_end, EntityType::Place, Evidence::Strong);
                            seg.place = Some(idx);
                            out.push(seg);
                        }
                    }
                }
                return;
            }
        }
        // Demonyms and titles on the left.
        let mut role_start = None;
        while first < end {
            let w = self.word(first);
            let next_is_demonym_part = first + 1 < end && matches!(self.word(first + 1), "-" | "–");
            // Two-word demonyms first: "North American", "South Korean".
            if first + 2 <= end {
                if let Some(country) = lexicon().demonym(&self.span_text(first, first + 2)) {
                    let mut seg =
                        self.segment(first, first + 2, EntityType::Nationality, Evidence::Strong);
                    seg.place = country.and_then(country_idx);
                    out.push(seg);
                    first += 2;
                    continue;
                }
            }
            // "Saudi Arabia", "Western Australia": a demonym that begins a place's name.
            if lexicon().demonym(w).is_some() && first + 2 <= end {
                let lex = lexicon();
                let longest = (first + 2..=end.min(first + 5)).rev().find_map(|j| {
                    lex.places_named(&self.span_text(first, j))
                        .first()
                        .map(|&idx| (j, idx))
                });
                if let Some((j, idx)) = longest {
                    let mut seg = self.segment(first, j, EntityType::Place, Evidence::Strong);
                    seg.place = Some(idx);
                    out.push(seg);
                    first = j;
                    continue;
                }
            }
            if lexicon().demonym(w).is_some()
                && first + 1 < end
                && !lexicon()
                    .places_named(&self.span_text(first + 1, end))
                    .is_empty()
            {
                out.push(self.segment(first, end, EntityType::Place, Evidence::Strong));
                return;
            }
            if let Some(country) = lexicon().demonym(w) {
                // A demonym followed by more name words that are not titles is part of a
                // name ("American Airlines" was caught above); here it stands alone.
                let place = country.and_then(country_idx);
                let mut seg =
                    self.segment(first, first + 1, EntityType::Nationality, Evidence::Strong);
                seg.place = place;
                out.push(seg);
                first += if next_is_demonym_part { 2 } else { 1 };
                continue;
            }
            // "Kazakhstan Foreign Minister …", "United States Barack Obama": a leading
            // country or region before a title or a longer name is a place of its own.
            if let Some((place_end, idx)) = self.leading_place(first, end) {
                let rest_starts_title = is_title(self.word(place_end));
                let rest_words = (place_end..end).filter(|&i| self.is_word(i)).count();
                // "Ngozi Okonjo-Iweala", "Victoria Nuland": a place that is also a given
                // name, before a name, is the person's first name.
                let given_name_first = place_end == first + 1
                    && lexicon().place(idx).kind != PlaceKind::Country
                    && lexicon().is_given_name(self.word(first));
                if rest_starts_title || rest_words >= 2 && !given_name_first {
                    let mut seg =
                        self.segment(first, place_end, EntityType::Place, Evidence::Strong);
                    seg.place = Some(idx);
                    out.push(seg);
                    first = place_end;
                    continue;
                }
            }
            // "Agriculture Secretary Samuel Otieno": portfolio words before a title join the role.
            let mut k = first;
            while k < end && is_portfolio(self.word(k)) && !is_title(self.word(k)) {
                k += 1;
            }
            if k > first && k + 1 < end && is_title(self.word(k)) {
                role_start.get_or_insert(first);
                first = k;
                continue;
            }
            if is_title(w) {
                role_start.get_or_insert(first);
                first += 1;
                // "Minister of Foreign Affairs": the portfolio is part of the title.
                if first < end && self.word(first) == "of" {
                    while first < end
                        && (self.word(first) == "of" || is_portfolio(self.word(first)))
                    {
                        first += 1;
                    }
                }
                // "Mr." — skip the abbreviation's period.
                if first < end && self.word(first) == "." {
                    first += 1;
                }
                // "Secretary-General": a hyphenated title.
                if first + 1 < end
                    && matches!(self.word(first), "-" | "–")
                    && is_title(self.word(first + 1))
                {
                    first += 1;
                }
                continue;
            }
            // "NATO Secretary-General Mark Rutte", "Kremlin spokesman …": a name before a
            // title and another name is a mention of its own.
            if role_start.is_none() {
                let title_at = (first + 1..end.saturating_sub(1)).find(|&k| {
                    is_title(self.word(k))
                        && !is_portfolio(self.word(k))
                        && self.tokens[k].space_before
                });
                if let Some(k) = title_at {
                    let rest_has_name =
                        (k + 1..end).any(|i| self.is_name_word(i) && !is_title(self.word(i)));
                    if rest_has_name {
                        out.push(self.classify_name(first, k));
                        first = k;
                        continue;
                    }
                }
            }
            break;
        }
        if first >= end {
            return;
        }
        let role = role_start.map(|r| self.span_text(r, first).trim_end_matches('.').to_string());
        if matches!(self.word(first), "-" | "–" | "of" | "&") {
            return;
        }
        if end - first == 1 && self.word(first).chars().count() == 1 {
            return;
        }
        let mut seg = self.classify_name(first, end);
        if role.is_some() {
            if seg.kind != EntityType::Place || seg.evidence < Evidence::Strong {
                seg.kind = EntityType::Person;
                seg.evidence = Evidence::Strong;
            }
            seg.role = role;
        }
        out.push(seg);
    }

    /// In a Title Case headline only known names count: places, nationalities,
    /// acronyms, and names the body of the document also uses.
    fn type_headline_piece(&self, piece: Run, out: &mut Vec<Segment>) {
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

    /// Types a bare name segment (no title, no demonym before it) from its words and context.
    fn classify_name(&self, first: usize, end: usize) -> Segment {
        let name = self.span_text(first, end);
        let n_words = (first..end).filter(|&i| self.is_word(i)).count();
        let last = self.word(end - 1);
        let lex = lexicon();

        if let Some(&idx) = lex.places_named(&name).first() {
            let place = lex.place(idx);
            // Small places whose names are common given names ("Jackson") need context.
            let evidence = if matches!(
                place.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
            ) || place.population >= 500_000
                || !lex.is_given_name(&name) && !lex.is_surname(&name)
            {
                Evidence::Strong
            } else {
                Evidence::Weak
            };
            let mut seg = self.segment(first, end, EntityType::Place, evidence);
            seg.place = Some(idx);
            return seg;
        }
        if n_words > 1 && is_org_keyword(last) {
            return self.segment(first, end, EntityType::Organisation, Evidence::Strong);
        }
        // "Sindh province", "the Jordan river": a lower-case place noun after the name.
        if matches!(
            self.word(end),
            "province"
                | "region"
                | "state"
                | "district"
                | "county"
                | "village"
                | "town"
                | "city"
                | "valley"
                | "river"
                | "island"
                | "oblast"
                | "governorate"
                | "prefecture"
                | "crossing"
                | "border"
                | "camp"
                | "airport"
                | "port"
                | "strip"
                | "area"
        ) && !self.new_line(end)
        {
            return self.segment(first, end, EntityType::Place, Evidence::Strong);
        }
        // "North Darfur", "Central Java": a compass word before a name makes a region.
        if n_words == 2
            && matches!(
                self.word(first),
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "Central"
                    | "Upper"
                    | "Lower"
            )
        {
            return self.segment(first, end, EntityType::Place, Evidence::Weak);
        }
        if n_words > 1 && (is_place_keyword(last) || is_place_prefix(self.word(first))) {
            return self.segment(first, end, EntityType::Place, Evidence::Strong);
        }
        let all_capitals = name.len() > 3
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '\'');
        if all_capitals && (n_words == 1 || self.tokens[first].line_start) {
            // "KYIV", "PORT SUDAN" in a dateline: a place written in capitals.
            let title_case = title_case_words(&name);
            if let Some(&idx) = lex.places_named(&title_case).first() {
                let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
                seg.place = Some(idx);
                return seg;
            }
        }
        if n_words == 1 && is_acronym(&name) {
            return self.segment(first, end, EntityType::Organisation, Evidence::Weak);
        }
        // "Long Beach, California": a name followed by a known region or country.
        if self.followed_by_comma_place(end) && n_words <= 3 {
            return self.segment(first, end, EntityType::Place, Evidence::Weak);
        }

        let mut person = 0i32;
        let first_word = self.word(first);
        // A given name counts unless it is also a place ("London Heathrow").
        let is_big_place = |w: &str| {
            lex.places_named(w).first().is_some_and(|&i| {
                let p = lex.place(i);
                p.kind == PlaceKind::Country || p.population >= 1_000_000
            })
        };
        if n_words >= 2 && lex.is_given_name(first_word) && !is_big_place(first_word) {
            person += 3;
        }
        if n_words >= 2 && (lex.is_surname(last) || has_surname_ending(last)) {
            person += 2;
        }
        if n_words == 1 && has_surname_ending(last) {
            person += 1;
        }
        if (first..end).any(|i| is_name_particle(self.word(i))) || self.has_initials(first, end) {
            person += 3;
        }
        if n_words > 4 {
            person -= 3;
        }
        if self.followed_by_apposition(end) {
            person += 3;
        } else if self.followed_by_saying_verb(end) {
            person += 2;
        }
        if self.preceded_by_person_cue(first) {
            person += 3;
        }
        match self.pronoun_after(end) {
            Some(true) if n_words >= 2 => person += 2,
            Some(false) => person -= 2,
            _ => {}
        }
        if person >= 3 && n_words >= 2 || person >= 4 {
            let evidence = if person >= 5 {
                Evidence::Strong
            } else {
                Evidence::Weak
            };
            return self.segment(first, end, EntityType::Person, evidence);
        }
        // "Adre", "Khan Younis": a town from the small-city table, when nothing else
        // speaks for another type and the name is not also a personal name.
        if person <= 0 && !lex.is_given_name(first_word) && !lex.is_surname(last) {
            if let Some(&idx) = lex.link_candidates(&name).first() {
                let mut seg = self.segment(first, end, EntityType::Place, Evidence::Weak);
                seg.place = Some(idx);
                return seg;
            }
        }
        self.segment(first, end, EntityType::Organisation, Evidence::Default)
    }

    /// The document vote: surnames follow full names, weak types follow strong ones.
    fn vote(&self, segments: &mut [Segment]) {
        let mut best: HashMap<Cow<str>, (Evidence, EntityType)> = HashMap::default();
        let mut person_parts: HashMap<&str, usize> = HashMap::default();
        for s in segments.iter() {
            let name = self.span_text(s.first, s.end);
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
            let name = self.span_text(s.first, s.end);
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

    fn segment(&self, first: usize, end: usize, kind: EntityType, evidence: Evidence) -> Segment {
        Segment {
            first,
            end,
            kind,
            evidence,
            role: None,
            place: None,
        }
    }

    /// Skips "Mr", "Dr." and the like before a name ("General" stays: "General Motors").
    fn skip_honorifics(&self, mut first: usize, end: usize) -> usize {
        while first + 1 < end
            && matches!(
                self.word(first),
                "Mr" | "Mrs" | "Ms" | "Dr" | "Mr." | "Mrs." | "Ms." | "Dr." | "."
            )
        {
            first += 1;
        }
        first
    }

    /// The text of tokens `first..end`, with whitespace runs folded to one space.
    /// Borrowed unless the span holds line breaks or runs of spaces.
    fn span_text(&self, first: usize, end: usize) -> Cow<'a, str> {
        let raw = &self.text[self.tokens[first].start..self.tokens[end - 1].end];
        let bytes = raw.as_bytes();
        let plain = !bytes.iter().any(|&b| matches!(b, b'\n' | b'\r' | b'\t'))
            && !bytes.windows(2).any(|w| w == b"  ");
        if plain {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
        }
    }

    fn at_sentence_start(&self, i: usize) -> bool {
        self.tokens[i].sentence_start || after_opening_quote(self.text, self.tokens, i)
    }

    /// A word with outside evidence of being a name: gazetteer, given name,
    /// or capitalised elsewhere in running text.
    fn is_known(&self, w: &str) -> bool {
        self.capitalised_mid_sentence.contains(w)
            || !lexicon().places_named(w).is_empty()
            || lexicon().demonym(w).is_some()
    }

    /// The phrase is a name in the body, outside headlines: a whole run of capitalised
    /// words, or one after its titles, or a person's surname. Built on first use.
    fn body_has_phrase(&self, phrase: &str) -> bool {
        self.body_phrases
            .get_or_init(|| {
                let mut phrases = HashSet::default();
                let mut i = 0;
                while i < self.tokens.len() {
                    if self.in_headline[i] || !self.is_name_word(i) {
                        i += 1;
                        continue;
                    }
                    let mut end = i + 1;
                    while end < self.tokens.len()
                        && self.is_name_word(end)
                        && !self.new_line(end)
                        && !self.in_headline[end]
                    {
                        end += 1;
                    }
                    // The whole run, the run after leading titles or demonyms ("Foreign
                    // Minister Jeyhun Bayramov" gives "Jeyhun Bayramov"), and a person's
                    // surname; not arbitrary sub-phrases ("Shipping Group" of
                    // "Atlantica Shipping Group").
                    let span = |a: usize, b: usize| {
                        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
                    };
                    let mut a = i;
                    loop {
                        phrases.insert(span(a, end));
                        let w = self.word(a);
                        let peelable = is_title(w)
                            || is_portfolio(w)
                            || lexicon().demonym(w).is_some()
                            || is_function_word(w);
                        // Not down to a bare keyword ("Commission" of "European Commission").
                        let rest_is_keyword = end - a == 2
                            && (is_org_keyword(self.word(a + 1))
                                || is_place_keyword(self.word(a + 1)));
                        if a + 1 >= end || !peelable || rest_is_keyword {
                            break;
                        }
                        a += 1;
                    }
                    if end - a >= 2 && !(a..end).any(|k| is_org_keyword(self.word(k))) {
                        phrases.insert(span(end - 1, end));
                    }
                    i = end;
                }
                phrases
            })
            .contains(phrase)
    }

    fn has_initials(&self, first: usize, end: usize) -> bool {
        (first..end.saturating_sub(1)).any(|i| {
            let w = self.word(i);
            w.chars().count() == 1 && starts_upper(w) && self.word(i + 1) == "."
        })
    }

    fn followed_by_saying_verb(&self, end: usize) -> bool {
        self.is_word(end) && !self.new_line(end) && is_saying_verb(self.word(end))
    }

    /// ", the deputy spokesperson", ", 56,", ", a former …" right after a name.
    fn followed_by_apposition(&self, end: usize) -> bool {
        if end + 1 >= self.tokens.len() || self.word(end) != "," {
            return false;
        }
        let next = self.word(end + 1);
        matches!(next, "the" | "a" | "an" | "who" | "whose")
            && end + 2 < self.tokens.len()
            && (is_title(self.word(end + 2)) || is_role_noun(self.word(end + 2)))
            || self.tokens[end + 1].kind == TokenKind::Number
                && end + 2 < self.tokens.len()
                && self.word(end + 2) == ","
            || is_title(next)
            || is_role_noun(next)
                && matches!(self.word(end + 2), "of" | "at" | "for" | "-" | "and" | ",")
    }

    /// Context that marks a name as a person's: apposition, a saying verb after it, or "said" before it.
    fn person_context(&self, first: usize, end: usize) -> bool {
        self.followed_by_apposition(end)
            || self.followed_by_saying_verb(end)
            || first > 0 && matches!(self.word(first - 1), "said" | "says" | "told")
    }

    /// The first pronoun within the next sentence or so: Some(true) for "he"/"she",
    /// Some(false) for "it"/"its" (organisations and things), None for neither.
    fn pronoun_after(&self, end: usize) -> Option<bool> {
        for i in end..(end + 25).min(self.tokens.len()) {
            match self.word(i) {
                "he" | "she" | "his" | "her" | "He" | "She" | "His" | "Her" | "him" => {
                    return Some(true)
                }
                "it" | "its" | "It" | "Its" => return Some(false),
                "they" | "They" | "their" | "Their" => return None,
                _ => {}
            }
        }
        None
    }

    /// The longest country, region or city name at the start of `first..end`, if any
    /// leaves words after it.
    fn leading_place(&self, first: usize, end: usize) -> Option<(usize, PlaceIdx)> {
        if end - first < 2 {
            return None;
        }
        let lex = lexicon();
        for j in (first + 1..end.min(first + 5)).rev() {
            if !self.is_word(j - 1) {
                continue;
            }
            if let Some(&idx) = lex.places_named(&self.span_text(first, j)).first() {
                let kind = lex.place(idx).kind;
                if kind != PlaceKind::Continent {
                    return Some((j, idx));
                }
            }
        }
        None
    }

    /// "Air France Flight 447": the airline is named before "Flight".
    fn is_flight_number(&self, end: usize) -> bool {
        self.word(end - 1) == "Flight"
    }

    /// A number right after a name that is not a year: "FTSE 100", "Boeing 787".
    fn followed_by_model_number(&self, end: usize) -> bool {
        end < self.tokens.len()
            && self.tokens[end].kind == TokenKind::Number
            && self.tokens[end].space_before
            && !self.new_line(end)
            && !self
                .word(end)
                .parse::<u32>()
                .is_ok_and(|n| (1900..=2100).contains(&n))
    }

    fn preceded_by_person_cue(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = self.word(first - 1);
        matches!(
            prev,
            "Mr" | "Mrs" | "Ms" | "Dr" | "Mr." | "Mrs." | "Ms." | "Dr."
        ) || prev == "." && first >= 2 && matches!(self.word(first - 2), "Mr" | "Mrs" | "Ms" | "Dr")
            || is_role_noun(prev)
    }

    fn followed_by_comma_place(&self, end: usize) -> bool {
        if end + 1 >= self.tokens.len() || self.word(end) != "," || self.new_line(end + 1) {
            return false;
        }
        let next = self.word(end + 1);
        lexicon().places_named(next).first().is_some_and(|&i| {
            matches!(
                lexicon().place(i).kind,
                PlaceKind::Country | PlaceKind::Region
            )
        })
    }
}

/// Lower-case nouns for roles that stand before or after a person's name.
fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "minister"
            | "president"
            | "director"
            | "chairman"
            | "chairwoman"
            | "executive"
            | "analyst"
            | "secretary"
            | "senator"
            | "governor"
            | "mayor"
            | "ambassador"
            | "envoy"
            | "founder"
            | "leader"
            | "lawyer"
            | "attorney"
            | "judge"
            | "professor"
            | "economist"
            | "official"
            | "commander"
            | "general"
            | "researcher"
            | "journalist"
            | "correspondent"
            | "reporter"
            | "author"
            | "chief"
            | "head"
            | "deputy"
            | "vice"
            | "former"
            | "prime"
            | "foreign"
            | "candidate"
            | "prosecutor"
            | "activist"
            | "singer"
            | "actor"
            | "player"
            | "coach"
            | "manager"
            | "representative"
            | "colleague"
            | "co-founder"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "chancellor"
            | "premier"
    )
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_dotted_abbreviation(w: &str) -> bool {
    w.len() >= 3 && w.contains('.') && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// Letters and digits mixed in one word: "A380", "F-35" parts, "iPhone4".
fn is_model_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
}

/// Last words of government bodies, whose leading country is a place mention too.
fn is_government_keyword(w: &str) -> bool {
    matches!(
        w,
        "Senate"
            | "Congress"
            | "Parliament"
            | "Treasury"
            | "Court"
            | "Reserve"
            | "Force"
            | "Army"
            | "Navy"
            | "Department"
            | "Ministry"
            | "Government"
            | "Administration"
            | "Embassy"
            | "Police"
            | "Guard"
            | "Cabinet"
            | "Military"
            | "Forces"
            | "Marines"
            | "Coast"
    )
}

/// Stock market indices, named in market news like organisations but not organisations.
fn is_market_index(name: &str) -> bool {
    const INDICES: &[&str] = &[
        "Dow",
        "Dow Jones",
        "Dow Jones Industrial Average",
        "DJIA",
        "Nasdaq",
        "NASDAQ",
        "S&P",
        "Standard & Poor",
        "FTSE",
        "Nikkei",
        "DAX",
        "CAC",
        "Hang Seng",
        "Sensex",
        "Nifty",
        "Kospi",
        "KOSPI",
        "Euro Stoxx",
        "Stoxx",
        "TSX",
        "ASX",
        "IBEX",
        "MSCI",
        "Russell",
    ];
    INDICES.contains(&name) || name.ends_with(" Index") || name.ends_with(" Average")
}

/// "PORT SUDAN" → "Port Sudan".
fn title_case_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = matches!(c, ' ' | '-');
    }
    out
}

/// "NATO", "UN", "EADS": two to six capitals.
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        || is_dotted_abbreviation(w)
}

fn is_place_or_demonym(w: &str) -> bool {
    lexicon().demonym(w).is_some() || !lexicon().places_named(w).is_empty()
}

fn country_idx(iso: &str) -> Option<PlaceIdx> {
    let lex = lexicon();
    lex.places_named(lex.country(iso)?.name)
        .iter()
        .copied()
        .find(|&i| lex.place(i).kind == PlaceKind::Country && lex.place(i).country == iso)
}

/// The token opens a quotation or bracket: a quoted sentence starts here ('said, "This …').
fn after_opening_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mark = &tokens[i - 1];
    let opens = match mark.text(text) {
        "“" | "‘" => true,
        "\"" | "'" => mark.sentence_start || mark.line_start || mark.space_before,
        "(" => mark.sentence_start || mark.line_start,
        _ => false,
    };
    opens && !tokens[i].space_before
}

/// Marks tokens on lines that read as Title Case headlines: at least three
/// words, no sentence-final period, and no lower-case word but short function words.
fn headline_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_first = 0;
    for i in 0..=tokens.len() {
        if i == tokens.len() || (tokens[i].line_start && i > line_first) {
            let line = &tokens[line_first..i];
            let ends_with_stop = line
                .last()
                .is_some_and(|t| matches!(t.text(text), "." | "!" | "?" | ":"));
            // Cheap tests first: most body lines end with a period.
            let is_headline = !ends_with_stop && {
                let mut words = line
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.text(text));
                let (mut n_words, mut n_upper) = (0, 0);
                let all_known = words.all(|w| {
                    n_words += 1;
                    if starts_upper(w) {
                        n_upper += 1;
                        true
                    } else {
                        // "s" of a possessive ("Chile's Runoff …") is no content word.
                        is_function_word(w) || is_name_particle(w) || w == "s"
                    }
                });
                all_known && n_words >= 3 && n_upper >= 3
            };
            for f in &mut flags[line_first..i] {
                *f = is_headline;
            }
            line_first = i;
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::token::tokenize;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let tokens = tokenize(text);
        recognize(text, &tokens)
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.kind.code()))
            .collect()
    }

    /// (case name, text, expected [(span text, type code)])
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn check(cases: &[Case]) {
        for (name, text, expected) in cases {
            let got = found(text);
            let got: Vec<(&str, &str)> = got.iter().map(|(s, t)| (s.as_str(), *t)).collect();
            assert_eq!(&got, expected, "case {name}: {text}");
        }
    }

    #[test]
    fn headlines_keep_only_known_names() {
        check(&[(
            "title case headline",
            "US Expresses Optimism for Armenia-Azerbaijan Peace Amid Almaty Talks\nThe talks in Almaty went on.",
            &[("US", "LOC"), ("Armenia", "LOC"), ("Azerbaijan", "LOC"), ("Almaty", "LOC"), ("Almaty", "LOC")],
        )]);
    }

    #[test]
    fn titles_stay_out_of_names() {
        check(&[
            (
                "title and demonym",
                "It was Azerbaijani Foreign Minister Jeyhun Bayramov who spoke.",
                &[("Azerbaijani", "NORP"), ("Jeyhun Bayramov", "PER")],
            ),
            (
                "apposition",
                "According to Vedant Patel, the deputy spokesperson for the US Department of State, peace is possible.",
                &[("Vedant Patel", "PER"), ("US Department of State", "ORG")],
            ),
            (
                "surname after full name",
                "They met Murat Nurtleu, the Deputy Prime Minister. Later Nurtleu left.",
                &[("Murat Nurtleu", "PER"), ("Nurtleu", "PER")],
            ),
        ]);
    }

    #[test]
    fn places_lists_possessives_and_compounds() {
        check(&[
            (
                "list",
                "Leaders from India, China and Brazil met.",
                &[("India", "LOC"), ("China", "LOC"), ("Brazil", "LOC")],
            ),
            (
                "possessive",
                "He praised Armenia's focus.",
                &[("Armenia", "LOC")],
            ),
            (
                "hyphenated nationalities",
                "Work on the Armenian-Azerbaijani border went on.",
                &[("Armenian", "NORP"), ("Azerbaijani", "NORP")],
            ),
            (
                "city and state",
                "The plant in Mobile, Alabama closed.",
                &[("Mobile", "LOC"), ("Alabama", "LOC")],
            ),
        ]);
    }

    #[test]
    fn shared_place_names_follow_the_document() {
        let lex = lexicon();
        let country_of = |text: &str, name: &str| {
            let tokens = tokenize(text);
            let mentions = recognize(text, &tokens);
            let found: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
            let m = mentions
                .iter()
                .find(|m| &text[m.start..m.end] == name)
                .unwrap_or_else(|| panic!("{name} not in {found:?}"));
            let place = lex.place(m.place.unwrap());
            (place.country, place.kind)
        };
        let cases: &[(&str, &str, &str, (&str, PlaceKind))] = &[
            (
                "georgia near tbilisi",
                "Protests in Tbilisi, Georgia grew.",
                "Georgia",
                ("GE", PlaceKind::Country),
            ),
            (
                "georgia near atlanta",
                "Voters in Atlanta, Georgia queued.",
                "Georgia",
                ("US", PlaceKind::Region),
            ),
            (
                "georgia alone",
                "Georgia held elections.",
                "Georgia",
                ("GE", PlaceKind::Country),
            ),
            (
                "apposition picks the small namesake",
                "The tour opens in Paris, Texas, then goes to Dallas.",
                "Paris",
                ("US", PlaceKind::City),
            ),
            (
                "apposition picks the state",
                "The plant near Seattle, Washington, will close.",
                "Washington",
                ("US", PlaceKind::Region),
            ),
            (
                "capital before its namesake region",
                "Officials in Washington said the talks would go on.",
                "Washington",
                ("US", PlaceKind::Capital),
            ),
            (
                "a city is not its own oblast",
                "Drones hit Bucha and Irpin, and air defences were active over Kyiv.",
                "Kyiv",
                ("UA", PlaceKind::Capital),
            ),
            (
                "a trailing region word",
                "Fighting continued near Pokrovsk in the Donetsk region.",
                "Donetsk",
                ("UA", PlaceKind::Region),
            ),
            (
                "a dateline in capitals",
                "PORT SUDAN, June 12 — Convoys stalled.",
                "PORT SUDAN",
                ("SD", PlaceKind::City),
            ),
            (
                "hyderabad in sindh",
                "Floods hit Karachi and Hyderabad in Pakistan.",
                "Hyderabad",
                ("PK", PlaceKind::City),
            ),
        ];
        for (name, text, place, expected) in cases {
            assert_eq!(country_of(text, place), *expected, "case {name}");
        }
    }

    #[test]
    fn particles_initials_and_acronyms() {
        check(&[
            (
                "initials",
                "The books of J. R. R. Tolkien sold well.",
                &[("J. R. R. Tolkien", "PER")],
            ),
            (
                "an initial opening a sentence is not the article",
                "It rained. A. Petrova and Dave Miller met.",
                &[("A. Petrova", "PER"), ("Dave Miller", "PER")],
            ),
            (
                "particle von der",
                "On Monday Ursula von der Leyen said no.",
                &[("Ursula von der Leyen", "PER")],
            ),
            (
                "particle bin",
                "Crown Prince Mohammed bin Salman arrived.",
                &[("Mohammed bin Salman", "PER")],
            ),
            (
                "acronyms",
                "Both NATO and the UN responded.",
                &[("NATO", "ORG"), ("UN", "ORG")],
            ),
        ]);
    }
}
