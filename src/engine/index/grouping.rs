//! Which mentions are one entity: grouping keys within a document and across the corpus, and stable ids.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[cfg(test)]
use crate::engine::index::analysed::fnv1a;
use crate::engine::index::analysed::{fnv1a_continued, FNV1A_START};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, name_in_title_case};
use crate::engine::recognize::words::is_legal_form;
use crate::engine::Document;

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

/// The grouping key of each entity mention of a document.
pub(crate) fn grouping_keys(document: &Document) -> Vec<String> {
    let text = &document.text;
    // Borrowed from the text unless its whitespace needs folding: most mentions'
    // keys are built from it without a copy of their own.
    let surface = |m: &crate::engine::EntityMention| fold_whitespace(&text[m.start..m.end]);
    // Full personal names of the document, by their last and first words, and by
    // the lower-case word-boundary suffixes that can stand alone ("der leyen").
    let mut full_names = HashSet::default();
    let mut full_names_by_part: HashMap<String, Vec<String>> = HashMap::default();
    let mut full_names_by_suffix: HashMap<String, Longer> = HashMap::default();
    for m in document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Person)
    {
        let name = surface(m);
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 || !full_names.insert(name.clone()) {
            continue;
        }
        let name = name.as_ref();
        let (first, last) = (words[0], words[words.len() - 1]);
        let parts = [first, last];
        let distinct_parts = if first == last {
            &parts[..1]
        } else {
            &parts[..]
        };
        for part in distinct_parts {
            full_names_by_part
                .entry(part.to_string())
                .or_default()
                .push(name.to_string());
        }
        let lower = name.to_lowercase();
        for (at, _) in lower.match_indices(' ') {
            full_names_by_suffix
                .entry(lower[at + 1..].to_string())
                .and_modify(|longer| longer.add(name))
                .or_insert_with(|| Longer::One(name.to_string()));
        }
    }
    let companies_by_first_word = companies_by_first_word(document);
    let acronyms = defined_acronyms(document);
    document
        .entities
        .iter()
        .map(|m| {
            if let (EntityType::Place, Some(p)) = (m.kind, m.place) {
                return lexicon().place(p).key();
            }
            let name = surface(m);
            match m.kind {
                EntityType::Place => strip_article(&name).to_string(),
                EntityType::Person => match full_names_by_part.get(name.as_ref()) {
                    Some(full) if full.len() == 1 && !name.contains(' ') => full[0].clone(),
                    // A multi-word surname: "Von der Leyen" after "Ursula von der Leyen".
                    // One look-up, however many full names share the surname.
                    _ if full_names_by_suffix.is_empty() => name.into_owned(),
                    _ => match full_names_by_suffix.get(&name.to_lowercase()) {
                        Some(Longer::One(only)) if only.len() > name.len() => only.clone(),
                        _ => name.into_owned(),
                    },
                },
                EntityType::Organisation => match acronyms.get(name.as_ref()) {
                    Some(full) => well_known(full).unwrap_or(full).to_string(),
                    None if !name.contains(' ') => match companies_by_first_word.get(name.as_ref())
                    {
                        Some(Longer::One(company)) => {
                            well_known(company).unwrap_or(company.as_str()).to_string()
                        }
                        _ => well_known(&name).unwrap_or(&name).to_string(),
                    },
                    None => {
                        let name = strip_legal_form(strip_article(&name));
                        let title_case = capitals_in_title_case(name);
                        let name = title_case.as_deref().unwrap_or(name);
                        well_known(name).unwrap_or(name).to_string()
                    }
                },
                EntityType::Nationality => strip_article(&name).to_string(),
            }
        })
        .collect()
}

/// Companies the document writes with their legal form, by their first word
/// ("Brennan" → "Brennan Foods" of "Brennan Foods Inc"), for the short name the
/// recogniser types as that company.
fn companies_by_first_word(document: &Document) -> HashMap<String, Longer> {
    let mut companies: HashMap<String, Longer> = HashMap::default();
    for m in document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Organisation)
    {
        let name = fold_whitespace(&document.text[m.start..m.end]);
        let head = strip_legal_form(&name);
        if head.len() < name.len() {
            if let Some((first, _)) = head.split_once(' ') {
                companies
                    .entry(first.to_string())
                    .and_modify(|longer| longer.add(head))
                    .or_insert_with(|| Longer::One(head.to_string()));
            }
        }
    }
    companies
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
enum Longer {
    One(String),
    Several,
}

impl Longer {
    fn add(&mut self, name: &str) {
        if matches!(self, Longer::One(only) if only != name) {
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
fn defined_acronyms(document: &Document) -> HashMap<String, String> {
    let text = &document.text;
    let organisations: Vec<&crate::engine::EntityMention> = document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Organisation)
        .collect();
    let mut acronyms: HashMap<String, String> = bracketed_acronyms(text, &organisations).collect();
    // Initials of the document's multi-word names, and the names that have them.
    let mut names_by_initials: HashMap<String, Vec<String>> = HashMap::default();
    let mut seen = HashSet::default();
    for m in &organisations {
        let full = fold_whitespace(&text[m.start..m.end]);
        let full = strip_article(&full);
        if full.split(' ').count() >= 2 && seen.insert(full.to_string()) {
            names_by_initials
                .entry(initials(full))
                .or_default()
                .push(full.to_string());
        }
    }
    for m in &organisations {
        let short = &text[m.start..m.end];
        if !is_acronym_text(short) || acronyms.contains_key(short) {
            continue;
        }
        if let Some([only]) = names_by_initials
            .get(&short.replace('.', ""))
            .map(Vec::as_slice)
        {
            acronyms.insert(short.to_string(), only.clone());
        }
    }
    acronyms
}

/// "the Securities and Exchange Commission (SEC)": each organisation followed by its
/// initials in brackets, as (acronym, name).
fn bracketed_acronyms<'t>(
    text: &'t str,
    organisations: &'t [&crate::engine::EntityMention],
) -> impl Iterator<Item = (String, String)> + 't {
    organisations.windows(2).filter_map(move |pair| {
        let (name, acronym) = (pair[0], pair[1]);
        let between = text.get(name.end..acronym.start).unwrap_or("");
        let closed = text
            .get(acronym.end..)
            .is_some_and(|rest| rest.starts_with(')'));
        if between.trim() != "(" || !closed {
            return None;
        }
        let full = fold_whitespace(&text[name.start..name.end]);
        let short = &text[acronym.start..acronym.end];
        (initials(&full) == short.replace('.', ""))
            .then(|| (short.to_string(), strip_article(&full).to_string()))
    })
}

/// The acronyms a document defines in brackets, as (acronym, grouping key of the
/// organisation), for the corpus to join the acronym's bare uses in other documents.
pub(crate) fn defined_in_brackets(document: &Document) -> Vec<(String, String)> {
    let organisations: Vec<&crate::engine::EntityMention> = document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Organisation)
        .collect();
    bracketed_acronyms(&document.text, &organisations)
        .map(|(short, full)| {
            let key = well_known(&full).map_or(full, str::to_string);
            (short, key)
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
    // A leading space, a run of spaces or any other whitespace is folded.
    let mut previous_space = true;
    let folded = s.chars().all(|c| {
        let kept = if c == ' ' {
            !previous_space
        } else {
            !c.is_whitespace()
        };
        previous_space = c == ' ';
        kept
    }) && !previous_space;
    if folded {
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
            ("empty", "", "", false),
        ];
        for (name, text, folded, borrowed) in cases {
            let out = fold_whitespace(text);
            assert_eq!(out, *folded, "{name}");
            assert_eq!(matches!(out, Cow::Borrowed(_)), *borrowed, "{name}");
        }
    }
}
