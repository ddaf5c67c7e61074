//! Which place a name means: the readings a place entity may have, and the user's choice applied corpus-wide.

use super::Corpus;
use crate::engine::index::grouping::{fold_whitespace, strip_article};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx, PlaceKind};

/// One reading a place name may have, for the user to choose from.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkChoice {
    /// None: the place is not in the gazetteer.
    pub place: Option<PlaceIdx>,
    /// "Georgia (region, United States)".
    pub label: String,
}

impl Corpus {
    /// The readings a place entity's names may have: every gazetteer place of that
    /// name (small towns included), then "not in the gazetteer". The current one is
    /// among them.
    pub fn link_choices(&self, entity_idx: usize) -> Vec<LinkChoice> {
        let lex = lexicon();
        let Some(entity) = self.entities.get(entity_idx) else {
            return Vec::new();
        };
        let mut places: Vec<PlaceIdx> = Vec::new();
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            for &p in lex.link_candidates(strip_article(name)) {
                if !places.contains(&p) {
                    places.push(p);
                }
            }
        }
        if let Some(current) = entity.place {
            if !places.contains(&current) {
                places.insert(0, current);
            }
        }
        let mut choices: Vec<LinkChoice> = places
            .into_iter()
            .map(|p| LinkChoice {
                place: Some(p),
                label: place_label(p),
            })
            .collect();
        choices.push(LinkChoice {
            place: None,
            label: "not in the gazetteer".to_string(),
        });
        choices
    }

    /// The user's choice of reading for a place entity: every mention written like
    /// any of its names, across the corpus, is linked to `place` (or unlinked), now
    /// and in files loaded later. Entity indices change; ids stay stable.
    pub fn relink(&mut self, entity_idx: usize, place: Option<PlaceIdx>) {
        let Some(entity) = self.entities.get(entity_idx) else {
            return;
        };
        if entity.kind != EntityType::Place {
            return;
        }
        let names: Vec<String> = std::iter::once(entity.name.clone())
            .chain(entity.aliases.iter().cloned())
            .collect();
        // The names as written in the documents (a linked place is called by its
        // gazetteer name, which may not appear in the text).
        let mut written: Vec<String> = Vec::new();
        for (d, doc) in self.documents.iter().enumerate() {
            for (m, &e) in doc.entities.iter().zip(&self.mention_entities[d]) {
                if e == entity_idx {
                    let name = fold_whitespace(&doc.text[m.start..m.end]).into_owned();
                    if !written.contains(&name) {
                        written.push(name);
                    }
                }
            }
        }
        for name in names.into_iter().chain(written) {
            self.link_choices.insert(name, place);
        }
        self.reindex();
    }
}

/// "Georgia (country)", "Georgia (region, United States)", "Athens (city, Georgia, United States)".
pub fn place_label(idx: PlaceIdx) -> String {
    let lex = lexicon();
    let p = lex.place(idx);
    let kind = match p.kind {
        PlaceKind::Continent => "continent",
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::Capital => "capital",
        PlaceKind::City => "city",
    };
    let mut parts = vec![kind.to_string()];
    if !matches!(p.kind, PlaceKind::Country | PlaceKind::Region) {
        if let Some(region) = lex.region(p.country, p.admin1) {
            parts.push(region.name.to_string());
        }
    }
    if p.kind != PlaceKind::Country {
        if let Some(country) = lex.country(p.country) {
            parts.push(country.name.to_string());
        }
    }
    format!("{} ({})", p.name, parts.join(", "))
}
