//! The place list: linked places grouped by country, then region, with document counts.
//!
//! Nationalities count toward their country's documents but are listed apart from
//! place mentions. Places without a country (continents, the EU) and unlinked places
//! have their own groups.

use std::collections::BTreeMap;

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};

/// A filter on the place list: documents that mention a country or a region, or any
/// place in it (and, for a country, its nationality).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceFilter {
    Country(&'static str),
    Region(&'static str, &'static str),
}

/// One region of a country and the places in it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionGroup {
    pub admin1: &'static str,
    pub name: String,
    /// Documents mentioning the region or a place in it, ascending.
    pub documents: Vec<usize>,
    /// Entity indices of places in the region (the region itself included), most documents first.
    pub places: Vec<usize>,
}

/// One country of the place list.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryGroup {
    pub iso: &'static str,
    pub name: &'static str,
    /// Documents mentioning the country, a place in it, or its nationality, ascending.
    pub documents: Vec<usize>,
    /// Entity index of the country itself, if it is mentioned by name.
    pub country_entity: Option<usize>,
    pub regions: Vec<RegionGroup>,
    /// Places of the country whose region is unknown, most documents first.
    pub other_places: Vec<usize>,
    /// Nationality entities of the country ("Kazakh"), shown apart from places.
    pub nationalities: Vec<usize>,
}

/// The whole place list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceTree {
    /// Most documents first, then by name.
    pub countries: Vec<CountryGroup>,
    /// Linked places that belong to no one country (continents, the EU).
    pub beyond_countries: Vec<usize>,
    /// Places the gazetteer does not hold (facilities, small towns, landmarks).
    pub unlinked: Vec<usize>,
    /// Per entity index: its documents within the set the tree was built over.
    pub entity_documents: Vec<usize>,
}

/// The emoji flag of an ISO 3166-1 alpha-2 code ("KZ" → 🇰🇿), from regional indicator letters.
pub fn flag(iso: &str) -> String {
    iso.chars()
        .filter(char::is_ascii_uppercase)
        .filter_map(|c| char::from_u32(0x1F1E6 + (c as u32 - 'A' as u32)))
        .collect()
}

/// Builds the place list from the whole corpus.
pub fn place_tree(corpus: &Corpus) -> PlaceTree {
    place_tree_within(corpus, None)
}

/// Builds the place list over the documents flagged in `within` (all when None):
/// counts are taken in those documents, and places with none there are left out.
pub fn place_tree_within(corpus: &Corpus, within: Option<&DocSet>) -> PlaceTree {
    let lex = lexicon();
    let mut countries: BTreeMap<&'static str, CountryGroup> = BTreeMap::new();
    let mut tree = PlaceTree {
        entity_documents: vec![0; corpus.entities().len()],
        ..PlaceTree::default()
    };
    let mut kept: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, entity) in corpus.entities().iter().enumerate() {
        if !matches!(entity.kind, EntityType::Place | EntityType::Nationality) || entity.hidden {
            continue;
        }
        let documents: Vec<usize> = match within {
            Some(set) => entity
                .documents
                .iter()
                .copied()
                .filter(|&d| set.contains(d))
                .collect(),
            None => entity.documents.clone(),
        };
        if !documents.is_empty() {
            tree.entity_documents[i] = documents.len();
            kept.push((i, documents));
        }
    }
    // Most documents first, then by name.
    kept.sort_by(|a, b| {
        b.1.len().cmp(&a.1.len()).then_with(|| {
            corpus.entities()[a.0]
                .name
                .cmp(&corpus.entities()[b.0].name)
        })
    });
    for (i, documents) in kept {
        let entity = &corpus.entities()[i];
        let Some(place) = entity.place.map(|p| lex.place(p)) else {
            if entity.kind == EntityType::Place {
                tree.unlinked.push(i);
            }
            continue;
        };
        if place.country.is_empty() {
            tree.beyond_countries.push(i);
            continue;
        }
        let group = countries
            .entry(place.country)
            .or_insert_with(|| CountryGroup {
                iso: place.country,
                name: lex.country(place.country).map_or(place.country, |c| c.name),
                documents: Vec::new(),
                country_entity: None,
                regions: Vec::new(),
                other_places: Vec::new(),
                nationalities: Vec::new(),
            });
        group.documents.extend_from_slice(&documents);
        if entity.kind == EntityType::Nationality {
            group.nationalities.push(i);
            continue;
        }
        let region = match place.kind {
            PlaceKind::Country => {
                group.country_entity = Some(i);
                continue;
            }
            PlaceKind::Region => Some((place.admin1, place.name.to_string())),
            _ => lex
                .region(place.country, place.admin1)
                .map(|r| (r.admin1, r.name.to_string())),
        };
        match region {
            Some((admin1, name)) if !admin1.is_empty() => {
                let pos = match group.regions.iter().position(|r| r.admin1 == admin1) {
                    Some(pos) => pos,
                    None => {
                        group.regions.push(RegionGroup {
                            admin1,
                            name,
                            documents: Vec::new(),
                            places: Vec::new(),
                        });
                        group.regions.len() - 1
                    }
                };
                let region = &mut group.regions[pos];
                region.documents.extend_from_slice(&documents);
                region.places.push(i);
            }
            _ => group.other_places.push(i),
        }
    }
    tree.countries = countries.into_values().collect();
    for c in &mut tree.countries {
        sort_unique(&mut c.documents);
        for r in &mut c.regions {
            sort_unique(&mut r.documents);
        }
        c.regions.sort_by(|a, b| {
            b.documents
                .len()
                .cmp(&a.documents.len())
                .then_with(|| a.name.cmp(&b.name))
        });
    }
    tree.countries.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then_with(|| a.name.cmp(b.name))
    });
    tree
}

/// The documents a place filter selects, ascending.
pub fn filter_documents(corpus: &Corpus, filter: &PlaceFilter) -> Vec<usize> {
    let lex = lexicon();
    let mut documents = Vec::new();
    for entity in corpus.entities() {
        let Some(place) = entity
            .place
            .map(|p| lex.place(p))
            .filter(|_| !entity.hidden)
        else {
            continue;
        };
        let selected = match *filter {
            PlaceFilter::Country(iso) => place.country == iso,
            PlaceFilter::Region(iso, admin1) => {
                entity.kind == EntityType::Place
                    && place.country == iso
                    && place.admin1 == admin1
                    && place.kind != PlaceKind::Country
            }
        };
        if selected && matches!(entity.kind, EntityType::Place | EntityType::Nationality) {
            documents.extend_from_slice(&entity.documents);
        }
    }
    sort_unique(&mut documents);
    documents
}

/// Document lists are gathered entity by entity, then sorted once.
fn sort_unique(documents: &mut Vec<usize>) {
    documents.sort_unstable();
    documents.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::AnalysisOptions;

    #[test]
    fn the_seed_groups_almaty_under_kazakhstan() {
        let seed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/samples/almaty-talks.txt"
        );
        let bytes = std::fs::read(seed).expect("../shared/samples is beside the project");
        let mut corpus = Corpus::new();
        corpus.add_file("almaty-talks.txt", &bytes, &AnalysisOptions::default());
        let tree = place_tree(&corpus);
        let names: Vec<&str> = tree.countries.iter().map(|c| c.name).collect();
        for country in ["Azerbaijan", "Armenia", "Kazakhstan", "United States"] {
            assert!(names.contains(&country), "{country} not in {names:?}");
        }
        let kz = tree.countries.iter().find(|c| c.iso == "KZ").unwrap();
        let places: Vec<&str> = kz
            .regions
            .iter()
            .flat_map(|r| &r.places)
            .chain(&kz.other_places)
            .map(|&i| corpus.entities()[i].name.as_str())
            .collect();
        assert!(places.contains(&"Almaty"), "{places:?}");
        // Nationalities count for the country but are listed apart.
        assert!(kz
            .nationalities
            .iter()
            .all(|&i| corpus.entities()[i].kind == EntityType::Nationality));
        assert_eq!(
            filter_documents(&corpus, &PlaceFilter::Country("KZ")),
            kz.documents
        );
        assert_eq!(flag("KZ"), "🇰🇿");
    }

    #[test]
    fn regions_collect_their_cities_and_unlinked_places_stay_apart() {
        let mut corpus = Corpus::new();
        let options = AnalysisOptions::default();
        corpus.add_file(
            "a.txt",
            b"Voters in Atlanta, Georgia queued at Friendship House.",
            &options,
        );
        corpus.add_file("b.txt", b"Storms hit Savannah and later Tbilisi.", &options);
        let tree = place_tree(&corpus);
        let us = tree.countries.iter().find(|c| c.iso == "US").unwrap();
        let georgia = us.regions.iter().find(|r| r.name == "Georgia").unwrap();
        assert_eq!(georgia.documents, [0, 1]);
        let filtered = filter_documents(&corpus, &PlaceFilter::Region("US", georgia.admin1));
        assert_eq!(filtered, [0, 1]);
        let ge = tree.countries.iter().find(|c| c.iso == "GE").unwrap();
        assert_eq!(ge.documents, [1]);
        let unlinked: Vec<&str> = tree
            .unlinked
            .iter()
            .map(|&i| corpus.entities()[i].name.as_str())
            .collect();
        assert!(unlinked.contains(&"Friendship House"), "{unlinked:?}");
    }
}
