//! Searching the place list: which countries, regions and places a search keeps, and which excluded countries, regions and places stay listed.

use crate::engine::explore::places::{CountryGroup, PlaceFilter, PlaceTree};
use crate::engine::explore::{Value, ViewState};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::{Corpus, EntityType};

/// Rows shown in the groups of places beyond one country or not in the gazetteer.
pub const GROUP_LIMIT: usize = 30;

/// A search of the place list: its own box and the filter over every facet, both
/// lower-cased; a name must contain both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceSearch {
    own: String,
    global: String,
}

impl PlaceSearch {
    pub fn new(own: &str, global: &str) -> PlaceSearch {
        PlaceSearch {
            own: own.to_lowercase(),
            global: global.to_lowercase(),
        }
    }

    /// Whether anything is searched (then every kept country shows its contents).
    pub fn is_active(&self) -> bool {
        !self.own.is_empty() || !self.global.is_empty()
    }

    pub fn matches(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        name.contains(&self.own) && name.contains(&self.global)
    }

    /// A country stays when its name, a region's or a place's (or nationality's) matches.
    pub fn keeps_country(&self, corpus: &Corpus, country: &CountryGroup) -> bool {
        let entity_names = country
            .regions
            .iter()
            .flat_map(|r| r.places.iter())
            .chain(&country.other_places)
            .chain(&country.nationalities)
            .map(|&i| corpus.entities()[i].name.as_str());
        self.matches(country.name)
            || country.regions.iter().any(|r| self.matches(&r.name))
            || entity_names.into_iter().any(|n| self.matches(n))
    }

    /// The places of a group that the search keeps, in order.
    pub fn rows(&self, corpus: &Corpus, ids: &[usize]) -> Vec<usize> {
        ids.iter()
            .copied()
            .filter(|&i| self.matches(&corpus.entities()[i].name))
            .collect()
    }
}

/// Countries the user excluded that the tree no longer holds (no document is left
/// for them): they stay listed, so that the exclusion can be seen and lifted where
/// it was made.
pub fn excluded_countries(state: &ViewState, tree: &PlaceTree) -> Vec<&'static str> {
    state
        .exclude
        .iter()
        .filter_map(|v| match v {
            Value::Place(PlaceFilter::Country(iso))
                if !tree.countries.iter().any(|c| c.iso == *iso) =>
            {
                Some(*iso)
            }
            _ => None,
        })
        .collect()
}

/// Regions and places the user excluded that the tree no longer holds, with their
/// labels ("Almaty Region, Kazakhstan", "Almaty"): like excluded countries they stay
/// listed, so that the exclusion can be seen and lifted in the list.
pub fn excluded_places(
    state: &ViewState,
    corpus: &Corpus,
    tree: &PlaceTree,
) -> Vec<(Value, String)> {
    let lex = lexicon();
    state
        .exclude
        .iter()
        .filter_map(|v| match v {
            Value::Place(PlaceFilter::Region(iso, admin1)) => {
                let shown = tree
                    .countries
                    .iter()
                    .any(|c| c.iso == *iso && c.regions.iter().any(|r| r.admin1 == *admin1));
                let region = lex.region(iso, admin1).map_or(*admin1, |p| p.name);
                let country = lex.country(iso).map_or(*iso, |p| p.name);
                (!shown).then(|| (v.clone(), format!("{region}, {country}")))
            }
            Value::Entity(id) => {
                let i = corpus.entity_by_id(id)?;
                let entity = &corpus.entities()[i];
                let is_place = matches!(entity.kind, EntityType::Place | EntityType::Nationality);
                let shown = tree.entity_documents.get(i).is_some_and(|&n| n > 0);
                (is_place && !shown).then(|| (v.clone(), entity.name.clone()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::explore::places::place_tree;
    use crate::engine::AnalysisOptions;

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (name, text) in [
            ("a.txt", "Talks in Almaty\n\nDiplomats met in Almaty, Kazakhstan, and later in Astana. Kazakh officials spoke.\n"),
            ("b.txt", "Floods\n\nRivers rose in Karachi, Pakistan, and in Lahore.\n"),
        ] {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c
    }

    #[test]
    fn a_search_keeps_countries_by_their_own_regions_and_places_names() {
        let c = corpus();
        let tree = place_tree(&c);
        let kept = |own: &str, global: &str| -> Vec<&str> {
            let search = PlaceSearch::new(own, global);
            tree.countries
                .iter()
                .filter(|country| search.keeps_country(&c, country))
                .map(|country| country.iso)
                .collect()
        };
        let cases: &[(&str, &str, &str, &[&str])] = &[
            ("nothing searched", "", "", &["KZ", "PK"]),
            ("a country's name", "pakis", "", &["PK"]),
            ("a city, in any case", "ALMATY", "", &["KZ"]),
            ("a nationality", "kazakh", "", &["KZ"]),
            ("both boxes must match", "a", "lahore", &["PK"]),
            ("no match", "paris", "", &[]),
        ];
        for (name, own, global, expected) in cases {
            assert_eq!(kept(own, global), *expected, "{name}");
        }
        assert!(!PlaceSearch::new("", "").is_active());
        assert!(PlaceSearch::new("", "x").is_active());
    }

    #[test]
    fn excluded_regions_and_places_stay_listed_when_the_list_no_longer_holds_them() {
        use crate::engine::explore::places::place_tree_within;
        use crate::engine::explore::DocSet;
        let c = corpus();
        let id_of = |name: &str| {
            c.entities()
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.id.clone())
                .unwrap_or_else(|| panic!("{name}"))
        };
        let mut state = ViewState::default();
        for v in [
            Value::Entity(id_of("Lahore")),
            Value::Entity(id_of("Almaty")),
            Value::Place(PlaceFilter::Region("PK", "04")),
        ] {
            state.toggle_exclude(v);
        }
        // Only the first document is left: Pakistan's places and region are gone from the list.
        let mut first_only = DocSet::none(c.documents().len());
        first_only.insert(0);
        let tree = place_tree_within(&c, Some(&first_only));
        let labels: Vec<String> = excluded_places(&state, &c, &tree)
            .into_iter()
            .map(|(_, label)| label)
            .collect();
        let cases: &[(&str, bool)] = &[
            (
                "an excluded place no longer listed",
                labels.contains(&"Lahore".to_string()),
            ),
            (
                "an excluded place still listed is not repeated",
                !labels.contains(&"Almaty".to_string()),
            ),
            (
                "an excluded region no longer listed, with its country",
                labels.iter().any(|l| l.ends_with(", Pakistan")),
            ),
        ];
        for (name, holds) in cases {
            assert!(holds, "{name}: {labels:?}");
        }
    }

    #[test]
    fn excluded_countries_stay_listed_when_nothing_is_left_of_them() {
        let c = corpus();
        let tree = place_tree(&c);
        let mut state = ViewState::default();
        state.toggle_exclude(Value::Place(PlaceFilter::Country("KZ")));
        state.toggle_exclude(Value::Place(PlaceFilter::Country("FR")));
        assert_eq!(
            excluded_countries(&state, &tree),
            ["FR"],
            "KZ is still in this tree; FR is not"
        );
    }
}
