//! What the gazetteer knows of a word: a place or demonym, a country's entry.

use crate::engine::recognize::lexicon::{lexicon, PlaceIdx, PlaceKind};

pub(super) fn is_place_or_demonym(w: &str) -> bool {
    lexicon().demonym(w).is_some() || !lexicon().places_named(w).is_empty()
}

pub(super) fn country_idx(iso: &str) -> Option<PlaceIdx> {
    let lex = lexicon();
    lex.places_named(lex.country(iso)?.name)
        .iter()
        .copied()
        .find(|&i| lex.place(i).kind == PlaceKind::Country && lex.place(i).country == iso)
}

/// A country, or one of the United Kingdom's home nations: a name national teams
/// play under, which stays a place when it plays (read by the team rules).
pub(super) fn is_nation(name: &str) -> bool {
    matches!(name, "England" | "Scotland" | "Wales" | "Northern Ireland")
        || lexicon()
            .places_named(name)
            .first()
            .is_some_and(|&p| lexicon().place(p).kind == PlaceKind::Country)
}
