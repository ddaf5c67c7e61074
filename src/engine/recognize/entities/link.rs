//! Linking place mentions to the gazetteer: candidates by name, apposition ("Paris, Texas"), then the document's other places as context.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::{EntityMention, EntityType};
use crate::engine::recognize::lexicon::{lexicon, Place, PlaceIdx, PlaceKind};

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
pub(super) fn link_places(text: &str, mentions: &mut [EntityMention]) {
    let candidates = place_candidates(text, mentions);
    let mut decided: Vec<bool> = candidates.iter().map(|c| c.len() <= 1).collect();
    for (m, c) in mentions.iter_mut().zip(&candidates) {
        if let Some(&first) = c.first() {
            m.place = Some(first);
        }
    }
    link_by_apposition(text, mentions, &candidates, &mut decided);
    let clues = Clues::of(text, mentions, &candidates, &decided);
    for i in 0..mentions.len() {
        if !decided[i] {
            if let Some(best) = clues.choose(i, &candidates[i]) {
                mentions[i].place = Some(best);
            }
        }
    }
}

/// Each mention's gazetteer readings, in the gazetteer's default order; none for
/// mentions that are not places. "the Donetsk region": the lower-case word after
/// the name says its kind.
fn place_candidates(text: &str, mentions: &[EntityMention]) -> Vec<Cow<'static, [PlaceIdx]>> {
    mentions
        .iter()
        .map(|m| {
            if m.kind != EntityType::Place {
                return Cow::Borrowed(&[][..]);
            }
            let name = text[m.start..m.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let next = text[m.end..].split_whitespace().next().unwrap_or("");
            let next = next.trim_end_matches(|c: char| c.is_ascii_punctuation());
            if kind_word(next).is_some() {
                link_candidates(&format!("{name} {next}"))
            } else {
                link_candidates(&name)
            }
        })
        .collect()
}

/// "Paris, Texas", "Valencia in Venezuela": neighbouring place mentions joined by a
/// comma or "in" take the pair of readings in which the second contains the first.
fn link_by_apposition(
    text: &str,
    mentions: &mut [EntityMention],
    candidates: &[Cow<'static, [PlaceIdx]>],
    decided: &mut [bool],
) {
    let lex = lexicon();
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
}

/// How much the document speaks for one reading of a place name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Support {
    /// From clues anywhere (those outside the paragraph capped at [`MAX_FAR_SUPPORT`]).
    anywhere: usize,
    /// From clues in the mention's own paragraph.
    in_paragraph: usize,
    /// From clues in the reading's own first-level region.
    from_region: usize,
}

/// The document's settled places and nationalities, as evidence for the others:
/// one clue per mention, and their totals per country and per region.
struct Clues {
    clues: Vec<Clue>,
    per_country: HashMap<&'static str, usize>,
    per_region: HashMap<(&'static str, &'static str), usize>,
    sentence_of: Vec<usize>,
    paragraph_of: Vec<usize>,
}

impl Clues {
    /// A mention is a clue when it is settled (a nationality, or decided) or all its
    /// readings lie in one country; a settled city or region also names its region.
    fn of(
        text: &str,
        mentions: &[EntityMention],
        candidates: &[Cow<'static, [PlaceIdx]>],
        decided: &[bool],
    ) -> Clues {
        let lex = lexicon();
        let (sentence_of, paragraph_of) = sentence_and_paragraph_ids(text, mentions);
        let mut clues: Vec<Clue> = Vec::new();
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
            clues.push(Clue {
                mention: i,
                sentence: sentence_of[i],
                paragraph: paragraph_of[i],
                country: p.country,
                admin1,
            });
        }
        let mut per_country: HashMap<&'static str, usize> = HashMap::default();
        let mut per_region: HashMap<(&'static str, &'static str), usize> = HashMap::default();
        for clue in &clues {
            *per_country.entry(clue.country).or_default() += 1;
            if !clue.admin1.is_empty() {
                *per_region.entry((clue.country, clue.admin1)).or_default() += 1;
            }
        }
        Clues {
            clues,
            per_country,
            per_region,
            sentence_of,
            paragraph_of,
        }
    }

    /// The support of reading `p` for mention `i`. Clues near it (its paragraph, at
    /// most [`NEAR_WINDOW`] clues either side) weigh more, by sentence and by region;
    /// the rest count through the totals, so that a long document costs a bounded
    /// scan per mention.
    fn support(&self, i: usize, p: &Place) -> Support {
        let (sentence, paragraph) = (self.sentence_of[i], self.paragraph_of[i]);
        let at = self.clues.partition_point(|c| c.mention < i);
        let near =
            &self.clues[at.saturating_sub(NEAR_WINDOW)..(at + NEAR_WINDOW).min(self.clues.len())];
        let region_eligible = !p.admin1.is_empty() && p.kind != PlaceKind::Country;
        let mut in_country = self.per_country.get(p.country).copied().unwrap_or(0);
        let mut in_region = if region_eligible {
            self.per_region
                .get(&(p.country, p.admin1))
                .copied()
                .unwrap_or(0)
        } else {
            0
        };
        let mut support = Support::default();
        for clue in near
            .iter()
            .filter(|c| c.paragraph == paragraph && c.country == p.country)
        {
            let weight = if clue.sentence == sentence { 4 } else { 2 };
            let same_region = region_eligible && clue.admin1 == p.admin1;
            let points = if same_region { 3 * weight } else { weight };
            support.anywhere += points;
            support.in_paragraph += points;
            in_country -= 1;
            if same_region {
                support.from_region += points;
                in_region -= 1;
            }
        }
        // Far clues add up to at most one near one: a long report about one
        // country must not outvote the sentence that names another.
        let far_points = in_country + 2 * in_region;
        support.anywhere += far_points.min(MAX_FAR_SUPPORT);
        support.from_region += 3 * in_region;
        support
    }

    /// The reading the document supports for mention `i`, when it should replace the
    /// default (the first candidate): a country yields only to a namesake its own
    /// region supports; a small town or a far smaller namesake only to evidence in
    /// the mention's paragraph; a city never to its namesake region.
    fn choose(&self, i: usize, candidates: &[PlaceIdx]) -> Option<PlaceIdx> {
        let lex = lexicon();
        let default = lex.place(*candidates.first()?);
        let default_support = self.support(i, default);
        // max_by_key keeps the last maximum; iterate in reverse so that ties keep the default order.
        let &best = candidates
            .iter()
            .rev()
            .max_by_key(|&&c| self.support(i, lex.place(c)).anywhere)?;
        let chosen = lex.place(best);
        let chosen_support = self.support(i, chosen);
        let far_smaller = default.population > 20 * chosen.population.max(1)
            && !matches!(chosen.kind, PlaceKind::Country | PlaceKind::Region);
        let needs_local = chosen.link_only && !default.link_only || far_smaller;
        let city_to_own_region = chosen.kind == PlaceKind::Region
            && chosen.country == default.country
            && matches!(default.kind, PlaceKind::City | PlaceKind::Capital);
        let accepted = !city_to_own_region
            && chosen_support.anywhere > default_support.anywhere
            && (default.kind != PlaceKind::Country || chosen_support.from_region > 0)
            && (!needs_local
                || chosen_support.in_paragraph > default_support.in_paragraph
                    && chosen_support.from_region > 0);
        accepted.then_some(best)
    }
}

/// The most that clues outside a mention's paragraph add to a reading's support.
pub(super) const MAX_FAR_SUPPORT: usize = 4;

/// How many clues on either side of a mention are looked at one by one.
pub(super) const NEAR_WINDOW: usize = 64;

/// A settled place or nationality of the document, as evidence for its neighbours.
pub(super) struct Clue {
    mention: usize,
    sentence: usize,
    paragraph: usize,
    country: &'static str,
    /// The first-level region it lies in or is ("" for a country or nationality).
    admin1: &'static str,
}

/// `outer` contains `inner`: its country, or the region it lies in.
pub(super) fn contains(outer: &Place, inner: &Place) -> bool {
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
pub(super) fn sentence_and_paragraph_ids(
    text: &str,
    mentions: &[EntityMention],
) -> (Vec<usize>, Vec<usize>) {
    let bytes = text.as_bytes();
    let (mut sentence, mut paragraph, mut at) = (0, 0, 0);
    let mut sentences = Vec::with_capacity(mentions.len());
    let mut paragraphs = Vec::with_capacity(mentions.len());
    // Only line breaks and sentence marks count: the scan jumps from one to the next
    // (a byte at a time, this was a fiftieth of a pack build). A question mark is
    // rare, and its next position is kept until passed.
    let next_question =
        |from: usize| memchr::memchr(b'?', &bytes[from..]).map_or(usize::MAX, |k| from + k);
    let mut question = next_question(0);
    for m in mentions {
        let limit = m.start.min(bytes.len());
        while at < limit {
            if question < at {
                question = next_question(at);
            }
            let mark = memchr::memchr3(b'\n', b'.', b'!', &bytes[at..limit])
                .map_or(limit, |k| at + k)
                .min(question);
            if mark >= limit {
                at = limit;
                break;
            }
            at = mark;
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
pub(super) fn kind_word(word: &str) -> Option<PlaceKind> {
    match word {
        "city" => Some(PlaceKind::City),
        "province" | "region" | "state" | "county" | "district" | "oblast" | "governorate"
        | "prefecture" => Some(PlaceKind::Region),
        _ => None,
    }
}

/// Gazetteer readings of a recognised place name, trying it without a trailing
/// "province", "region", "city" ("Sindh province", "Almaty region") when it has none.
pub(super) fn link_candidates(name: &str) -> Cow<'static, [PlaceIdx]> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::entities::EntityType;

    /// The ids counted a byte at a time, as the scan's jumps must count them.
    fn ids_byte_by_byte(text: &str, starts: &[usize]) -> (Vec<usize>, Vec<usize>) {
        let bytes = text.as_bytes();
        let (mut sentence, mut paragraph) = (0, 0);
        let mut ids = (Vec::new(), Vec::new());
        let mut at = 0;
        for &start in starts {
            while at < start.min(bytes.len()) {
                match bytes[at] {
                    b'\n' => {
                        sentence += 1;
                        let rest = bytes[at + 1..].iter().take_while(|b| **b != b'\n');
                        paragraph += usize::from(rest.clone().all(u8::is_ascii_whitespace));
                    }
                    b'.' | b'!' | b'?'
                        if bytes.get(at + 1).is_some_and(u8::is_ascii_whitespace) =>
                    {
                        sentence += 1
                    }
                    _ => {}
                }
                at += 1;
            }
            ids.0.push(sentence);
            ids.1.push(paragraph);
        }
        ids
    }

    #[test]
    fn sentence_and_paragraph_ids_count_what_lies_before_each_mention() {
        let cases: &[(&str, &str)] = &[
            ("one sentence", "Bayramov met Mirzoyan in Almaty."),
            (
                "marks ending sentences",
                "A met B. Did C come? Yes! D left.\tE stayed. F",
            ),
            (
                "marks inside words",
                "U.S. talks, 3.5 percent, why?not, wow!really",
            ),
            (
                "a question mark far ahead",
                "A met B. C met D. E met F. G met H? I.",
            ),
            (
                "paragraphs",
                "A met B.\n\nC met D.\n  \t\nE met F.\nG met H.",
            ),
            ("CRLF lines", "A met B.\r\n\r\nC met D.\r\nE"),
            ("a mark at the end", "A met B?"),
            ("no marks", "A B C D E F G"),
        ];
        for (name, text) in cases {
            // A mention at every word's start, and one past the text.
            let mut starts: Vec<usize> = text
                .char_indices()
                .filter(|&(i, c)| c.is_alphabetic() && (i == 0 || text.as_bytes()[i - 1] == b' '))
                .map(|(i, _)| i)
                .collect();
            starts.push(text.len() + 3);
            let mentions: Vec<EntityMention> = starts
                .iter()
                .map(|&start| EntityMention {
                    start,
                    end: start,
                    kind: EntityType::Person,
                    role: None,
                    place: None,
                })
                .collect();
            assert_eq!(
                sentence_and_paragraph_ids(text, &mentions),
                ids_byte_by_byte(text, &starts),
                "{name}"
            );
        }
    }
}
