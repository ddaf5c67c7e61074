//! Which mentions are one entity: grouping keys within a document and across the corpus, and stable ids.

use std::collections::HashMap;

use crate::engine::index::analysed::fnv1a;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::Document;

/// An entity's stable id: a hash of its type and grouping key.
pub(crate) fn entity_id(full_key: &str) -> String {
    format!("{:012x}", fnv1a(full_key.as_bytes()) & 0xffff_ffff_ffff)
}

/// The grouping key of each entity mention of a document.
pub(crate) fn grouping_keys(document: &Document) -> Vec<String> {
    let text = &document.text;
    let surface = |m: &crate::engine::EntityMention| fold_whitespace(&text[m.start..m.end]);
    // Full personal names of the document, by their last and first words.
    let mut full_names_by_part: HashMap<String, Vec<String>> = HashMap::new();
    for m in document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Person)
    {
        let name = surface(m);
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() >= 2 {
            for part in [words[0], words[words.len() - 1]] {
                let list = full_names_by_part.entry(part.to_string()).or_default();
                if !list.contains(&name) {
                    list.push(name.clone());
                }
            }
        }
    }
    let acronyms = defined_acronyms(document);
    document
        .entities
        .iter()
        .map(|m| {
            let name = surface(m);
            match m.kind {
                EntityType::Place => match m.place {
                    Some(p) => lexicon().place(p).key(),
                    None => strip_article(&name).to_string(),
                },
                EntityType::Person => match full_names_by_part.get(&name) {
                    Some(full) if full.len() == 1 && !name.contains(' ') => full[0].clone(),
                    // A multi-word surname: "Von der Leyen" after "Ursula von der Leyen".
                    _ => {
                        let suffix = format!(" {}", name.to_lowercase());
                        let mut longer: Vec<&String> = full_names_by_part
                            .values()
                            .flatten()
                            .filter(|f| f.len() > name.len() && f.to_lowercase().ends_with(&suffix))
                            .collect();
                        longer.sort_unstable();
                        longer.dedup();
                        match longer[..] {
                            [only] => only.clone(),
                            _ => name,
                        }
                    }
                },
                EntityType::Organisation => match acronyms.get(name.as_str()) {
                    Some(full) => full.clone(),
                    None => strip_article(&name).to_string(),
                },
                EntityType::Nationality => strip_article(&name).to_string(),
            }
        })
        .collect()
}

/// Acronyms a document defines: an organisation's name followed by its initials in
/// brackets ("the Securities and Exchange Commission (SEC)"), as acronym → the
/// name's grouping key, so that every mention of the acronym in the document is
/// that organisation (and joins it in other documents that define it too).
fn defined_acronyms(document: &Document) -> HashMap<String, String> {
    let text = &document.text;
    let mut acronyms = HashMap::new();
    for pair in document.entities.windows(2) {
        let (name, acronym) = (&pair[0], &pair[1]);
        if name.kind != EntityType::Organisation || acronym.kind != EntityType::Organisation {
            continue;
        }
        let between = text.get(name.end..acronym.start).unwrap_or("");
        let closed = text
            .get(acronym.end..)
            .is_some_and(|rest| rest.starts_with(')'));
        if between.trim() != "(" || !closed {
            continue;
        }
        let full = fold_whitespace(&text[name.start..name.end]);
        let short = &text[acronym.start..acronym.end];
        if initials(&full) == short.replace('.', "") {
            acronyms.insert(short.to_string(), strip_article(&full).to_string());
        }
    }
    acronyms
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

pub(crate) fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
