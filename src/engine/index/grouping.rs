//! Which mentions are one entity: grouping keys within a document and across the corpus, and stable ids.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[cfg(test)]
use crate::engine::index::analysed::fnv1a;
use crate::engine::index::analysed::{fnv1a_continued, FNV1A_START};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, name_in_title_case};
use crate::engine::recognize::words::is_legal_form;
use crate::engine::{Document, EntityMention};

/// An entity's stable id: a hash of its type and grouping key (as "CODE:key").
#[cfg(test)]
pub(crate) fn entity_id(full_key: &str) -> String {
    hex_id(fnv1a(full_key.as_bytes()))
}

/// An entity's stable id, of its type's code and its grouping key: the FNV-1a
/// hash of "CODE:key" (the ids kept corpora and links hold), hashed in
/// pieces: a corpus asks it for every mention it indexes, and building the
/// string and formatting the id were most of the cost.
pub(crate) fn typed_entity_id(code: &str, key: &str) -> String {
    let hash = [code.as_bytes(), b":", key.as_bytes()]
        .into_iter()
        .fold(FNV1A_START, fnv1a_continued);
    hex_id(hash)
}

/// The low 48 bits of a hash as twelve lower-case hex digits.
fn hex_id(hash: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..12)
        .rev()
        .map(|k| DIGITS[(hash >> (4 * k) & 0xf) as usize] as char)
        .collect()
}

/// Each entity mention's text with its whitespace folded: borrowed from the text
/// unless it needs folding. Made once per document and shared by every step that
/// reads the names, which each folded them again.
pub(crate) fn surfaces(document: &Document) -> Vec<Cow<'_, str>> {
    let text = &document.text;
    document
        .entities
        .iter()
        .map(|m| fold_whitespace(&text[m.start..m.end]))
        .collect()
}

/// The grouping key of each entity mention of a document. The look-up tables
/// borrow the mentions' text rather than copy it: a corpus asks this of every
/// document it indexes, and the copies were a third of its cost.
/// `surfaces` are the document's [`surfaces`].
pub(crate) fn grouping_keys(document: &Document, surfaces: &[Cow<'_, str>]) -> Vec<String> {
    let full_names = full_names(document, surfaces);
    let lowered: Vec<String> = full_names.iter().map(|n| n.to_lowercase()).collect();
    let people = FullNames::new(&full_names, &lowered);
    let organisations = organisations(document, surfaces);
    let companies_by_first_word = companies_by_first_word(&organisations);
    let acronyms = defined_acronyms(&document.text, &organisations);
    document
        .entities
        .iter()
        .zip(surfaces)
        .map(|(m, name)| {
            if let (EntityType::Place, Some(p)) = (m.kind, m.place) {
                return lexicon().place(p).key();
            }
            let name = name.as_ref();
            match m.kind {
                EntityType::Place => strip_article(name).to_string(),
                EntityType::Person => people.key(name).to_string(),
                EntityType::Organisation => match acronyms.get(name) {
                    Some(full) => well_known(full).unwrap_or(full).to_string(),
                    None if !name.contains(' ') => match companies_by_first_word.get(name) {
                        Some(Longer::One(company)) => {
                            well_known(company).unwrap_or(company).to_string()
                        }
                        _ => well_known(name).unwrap_or(name).to_string(),
                    },
                    None => {
                        let name = strip_legal_form(strip_article(name));
                        let title_case = capitals_in_title_case(name);
                        let name = title_case.as_deref().unwrap_or(name);
                        well_known(name).unwrap_or(name).to_string()
                    }
                },
                EntityType::Nationality => strip_article(name).to_string(),
            }
        })
        .collect()
}

/// The document's distinct full personal names (two words or more), in order.
fn full_names<'a>(document: &Document, surfaces: &'a [Cow<'_, str>]) -> Vec<&'a str> {
    let mut seen = HashSet::default();
    document
        .entities
        .iter()
        .zip(surfaces)
        .map(|(m, name)| (m, name.as_ref()))
        .filter(|&(m, name)| m.kind == EntityType::Person && name.contains(' '))
        .filter_map(|(_, name)| seen.insert(name).then_some(name))
        .collect()
}

/// A document's full personal names by their first and last words, and by the
/// lower-case word-boundary suffixes that can stand alone ("der leyen"), for the
/// shorter mentions that stand for them.
struct FullNames<'a> {
    by_part: HashMap<&'a str, Longer<'a>>,
    by_suffix: HashMap<&'a str, Longer<'a>>,
}

impl<'a> FullNames<'a> {
    /// `lowered` holds each of `names` in lower case.
    fn new(names: &[&'a str], lowered: &'a [String]) -> FullNames<'a> {
        let mut by_part: HashMap<&'a str, Longer<'a>> = HashMap::default();
        let mut by_suffix: HashMap<&'a str, Longer<'a>> = HashMap::default();
        for (&name, lower) in names.iter().zip(lowered) {
            let first = name.split(' ').next().unwrap_or(name);
            let last = name.rsplit(' ').next().unwrap_or(name);
            for part in [first, last] {
                by_part
                    .entry(part)
                    .and_modify(|longer| longer.add(name))
                    .or_insert(Longer::One(name));
            }
            for (at, _) in lower.match_indices(' ') {
                by_suffix
                    .entry(&lower[at + 1..])
                    .and_modify(|longer| longer.add(name))
                    .or_insert(Longer::One(name));
            }
        }
        FullNames { by_part, by_suffix }
    }

    /// The key of a person's mention: the one full name that it is the first or
    /// last word of ("Bayramov" of "Jeyhun Bayramov"), or the one full name it is a
    /// suffix of ("Von der Leyen" of "Ursula von der Leyen"); itself otherwise.
    fn key<'n>(&self, name: &'n str) -> &'n str
    where
        'a: 'n,
    {
        match self.by_part.get(name) {
            Some(Longer::One(full)) if !name.contains(' ') => full,
            // One look-up, however many full names share the surname.
            _ if self.by_suffix.is_empty() => name,
            _ => match self.by_suffix.get(name.to_lowercase().as_str()) {
                Some(Longer::One(only)) if only.len() > name.len() => only,
                _ => name,
            },
        }
    }
}

/// Companies the document writes with their legal form, by their first word
/// ("Brennan" → "Brennan Foods" of "Brennan Foods Inc"), for the short name the
/// recogniser types as that company.
fn companies_by_first_word<'a>(
    organisations: &[(&EntityMention, &'a str)],
) -> HashMap<&'a str, Longer<'a>> {
    let mut companies: HashMap<&str, Longer> = HashMap::default();
    for &(_, name) in organisations {
        let head = strip_legal_form(name);
        if head.len() < name.len() {
            if let Some((first, _)) = head.split_once(' ') {
                companies
                    .entry(first)
                    .and_modify(|longer| longer.add(head))
                    .or_insert(Longer::One(head));
            }
        }
    }
    companies
}

/// The document's organisation mentions, each with its text as [`surfaces`] gives it.
fn organisations<'d, 'a>(
    document: &'d Document,
    surfaces: &'a [Cow<'_, str>],
) -> Vec<(&'d EntityMention, &'a str)> {
    document
        .entities
        .iter()
        .zip(surfaces)
        .filter(|(m, _)| m.kind == EntityType::Organisation)
        .map(|(m, name)| (m, name.as_ref()))
        .collect()
}

/// "HALDANE INDUSTRIES" (a filing's cover, a heading) → "Haldane Industries", so
/// that a name in capitals groups with the same name in running text; short
/// connecting words in lower case ("Securities and Exchange Commission"). Acronyms
/// and names with a lower-case letter are left as they are.
fn capitals_in_title_case(name: &str) -> Option<String> {
    let capitals = name.contains(' ') && !name.chars().any(char::is_lowercase);
    capitals.then(|| name_in_title_case(name))
}

/// The full names that end with a given suffix: one, or several (then none is chosen).
enum Longer<'a> {
    One(&'a str),
    Several,
}

impl<'a> Longer<'a> {
    fn add(&mut self, name: &'a str) {
        if matches!(self, Longer::One(only) if *only != name) {
            *self = Longer::Several;
        }
    }
}

/// The canonical name of a well-known organisation ("UN", "U.N." → "United
/// Nations"), so that its acronym and its spellings are one entity across documents.
fn well_known(name: &str) -> Option<&'static str> {
    lexicon().organisation_named(name)
}

/// Acronyms of a document's organisations, as acronym → the name's grouping key,
/// so that every mention of the acronym in the document is that organisation (and
/// joins it in other documents that name it in full too):
/// - defined in brackets: "the Securities and Exchange Commission (SEC)";
/// - otherwise, the initials of exactly one multi-word organisation name of the
///   document ("UN" beside "United Nations"). An acronym matching no name, or
///   several, stays its own entity.
fn defined_acronyms<'a>(
    text: &'a str,
    organisations: &[(&EntityMention, &'a str)],
) -> HashMap<&'a str, &'a str> {
    let mut acronyms: HashMap<&str, &str> = bracketed_acronyms(text, organisations).collect();
    // Initials of the document's multi-word names, and the names that have them.
    let mut names_by_initials: HashMap<String, Vec<&str>> = HashMap::default();
    let mut seen = HashSet::default();
    for &(_, full) in organisations {
        let full = strip_article(full);
        if full.split(' ').count() >= 2 && seen.insert(full) {
            names_by_initials
                .entry(initials(full))
                .or_default()
                .push(full);
        }
    }
    for &(m, _) in organisations {
        let short = &text[m.start..m.end];
        if !is_acronym_text(short) || acronyms.contains_key(short) {
            continue;
        }
        if let Some([only]) = names_by_initials
            .get(&short.replace('.', ""))
            .map(Vec::as_slice)
        {
            acronyms.insert(short, only);
        }
    }
    acronyms
}

/// "the Securities and Exchange Commission (SEC)": each organisation followed by its
/// initials in brackets, as (acronym, name).
fn bracketed_acronyms<'o, 'a: 'o>(
    text: &'a str,
    organisations: &'o [(&EntityMention, &'a str)],
) -> impl Iterator<Item = (&'a str, &'a str)> + 'o {
    organisations.windows(2).filter_map(move |pair| {
        let ((name, full), (acronym, _)) = (pair[0], pair[1]);
        let between = text.get(name.end..acronym.start).unwrap_or("");
        let closed = text
            .get(acronym.end..)
            .is_some_and(|rest| rest.starts_with(')'));
        if between.trim() != "(" || !closed {
            return None;
        }
        let short = &text[acronym.start..acronym.end];
        (initials(full) == short.replace('.', "")).then(|| (short, strip_article(full)))
    })
}

/// The acronyms a document defines in brackets, as (acronym, grouping key of the
/// organisation), for the corpus to join the acronym's bare uses in other documents.
/// `surfaces` are the document's [`surfaces`].
pub(crate) fn defined_in_brackets(
    document: &Document,
    surfaces: &[Cow<'_, str>],
) -> Vec<(String, String)> {
    let organisations = organisations(document, surfaces);
    bracketed_acronyms(&document.text, &organisations)
        .map(|(short, full)| {
            let key = well_known(full).unwrap_or(full);
            (short.to_string(), key.to_string())
        })
        .collect()
}

/// An acronym as written: two to six capitals, with or without periods ("NGB",
/// "N.G.B.").
pub(crate) fn is_acronym_text(text: &str) -> bool {
    let letters = text.chars().filter(|&c| c != '.');
    (2..=6).contains(&letters.clone().count()) && letters.clone().all(|c| c.is_ascii_uppercase())
}

/// The capitals that open a name's words, small words left out:
/// "Securities and Exchange Commission" → "SEC".
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "on" | "&" | "de"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

pub(crate) fn strip_article(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

/// An organisation's name without its legal form, so that "Acme Robotics, Inc",
/// "Acme Robotics Inc" and "Acme Robotics" are one entity ("Ford Motor Co" stays
/// "Ford Motor": only the form goes).
pub(crate) fn strip_legal_form(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((head, last)) if is_legal_form(last) => head.trim_end_matches(','),
        _ => name,
    }
}

/// The text with each run of whitespace as one space, borrowed when it already is
/// (asked for every mention indexed).
pub(crate) fn fold_whitespace(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// Whether `s` is words between single spaces: no leading, trailing or repeated
/// space and no other whitespace. Read byte by byte, as names are mostly ASCII
/// (decoding characters was most of the cost); text with other characters is then
/// read again by character, for the spaces of Unicode (a no-break space).
fn is_folded(s: &str) -> bool {
    let mut previous_space = true;
    let mut ascii = true;
    let folded = s.bytes().all(|b| {
        ascii &= b.is_ascii();
        // Tab, line feed, vertical tab, form feed and carriage return.
        let kept = if b == b' ' {
            !previous_space
        } else {
            !matches!(b, b'\t'..=b'\r')
        };
        previous_space = b == b' ';
        kept
    }) && !previous_space;
    folded && (ascii || !s.chars().any(|c| c.is_whitespace() && c != ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_id_is_the_id_of_its_joined_key() {
        let cases = [
            ("PER", "Jeyhun Bayramov"),
            ("ORG", "NGB"),
            ("LOC", "kz:almaty"),
            ("", ""),
            ("MISC", "été à Genève"),
        ];
        for (code, key) in cases {
            let joined = entity_id(&format!("{code}:{key}"));
            assert_eq!(typed_entity_id(code, key), joined, "{code}:{key}");
            assert_eq!(joined.len(), 12);
        }
        // The ids kept corpora and links hold: the hash's low 48 bits in hex.
        assert_eq!(
            entity_id("PER:Jeyhun Bayramov"),
            format!("{:012x}", fnv1a(b"PER:Jeyhun Bayramov") & 0xffff_ffff_ffff)
        );
    }

    #[test]
    fn whitespace_folds_to_single_spaces_and_borrows_when_it_already_is() {
        // (name, text, folded, borrowed)
        let cases: &[(&str, &str, &str, bool)] = &[
            ("one word", "Almaty", "Almaty", true),
            ("single spaces", "Ararat Mirzoyan", "Ararat Mirzoyan", true),
            ("a line break", "Ararat\nMirzoyan", "Ararat Mirzoyan", false),
            ("two spaces", "Ararat  Mirzoyan", "Ararat Mirzoyan", false),
            ("a tab", "Ararat\tMirzoyan", "Ararat Mirzoyan", false),
            (
                "no-break space",
                "Ararat\u{a0}Mirzoyan",
                "Ararat Mirzoyan",
                false,
            ),
            ("leading space", " Almaty", "Almaty", false),
            ("trailing space", "Almaty ", "Almaty", false),
            ("non-Latin", "Джейхун Байрамов", "Джейхун Байрамов", true),
            (
                "an ideographic space",
                "Джейхун\u{3000}Байрамов",
                "Джейхун Байрамов",
                false,
            ),
            (
                "a vertical tab",
                "Almaty\x0bKazakhstan",
                "Almaty Kazakhstan",
                false,
            ),
            ("a line separator", "Almaty\u{2028}", "Almaty", false),
            ("empty", "", "", false),
        ];
        for (name, text, folded, borrowed) in cases {
            let out = fold_whitespace(text);
            assert_eq!(out, *folded, "{name}");
            assert_eq!(matches!(out, Cow::Borrowed(_)), *borrowed, "{name}");
        }
    }
}
