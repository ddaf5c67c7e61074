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
