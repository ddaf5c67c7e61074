//! The embedded gazetteer and name lists, parsed once on first use.
//!
//! The tables in `data/generated/` are made by `tools/gen_data.py` from registry
//! packages (provenance in `data/PROVENANCE.md`). They are embedded as text and
//! indexed lazily, borrowing the embedded bytes rather than copying them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../../data/generated/countries.tsv");
const PLACES: &str = include_str!("../../data/generated/places.tsv");
const DEMONYMS: &str = include_str!("../../data/generated/demonyms.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/generated/given_names.txt");
const SURNAMES: &str = include_str!("../../data/generated/surnames.txt");

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    Region,
    Capital,
    City,
}

/// One gazetteer entry.
#[derive(Clone, Debug)]
pub struct Place {
    pub geonameid: u32,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country ("" for continents).
    pub country: &'static str,
    pub population: u64,
    pub name: &'static str,
}

/// Index into [`Lexicon::places`].
pub type PlaceIdx = u32;

/// All embedded lists, indexed for lookup.
pub struct Lexicon {
    pub places: Vec<Place>,
    by_name: HashMap<&'static str, Vec<PlaceIdx>>,
    country_by_iso: HashMap<&'static str, PlaceIdx>,
    /// Demonym → country code, or None for groups without one country.
    demonyms: HashMap<&'static str, Option<&'static str>>,
    given_names: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

fn records(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            places: Vec::with_capacity(7000),
            by_name: HashMap::with_capacity_and_hasher(16000, Default::default()),
            country_by_iso: HashMap::with_capacity_and_hasher(256, Default::default()),
            demonyms: HashMap::default(),
            given_names: records(GIVEN_NAMES).collect(),
            surnames: records(SURNAMES).collect(),
        };
        for line in records(COUNTRIES) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let idx = lexicon.push_place(Place {
                geonameid: f[1].parse().unwrap_or(0),
                kind: PlaceKind::Country,
                country: f[0],
                population: f[2].parse().unwrap_or(0),
                name: f[4],
            });
            lexicon.country_by_iso.insert(f[0], idx);
            lexicon.add_aliases(idx, f[5]);
        }
        for line in records(PLACES) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 7 {
                continue;
            }
            let kind = match f[1] {
                "capital" => PlaceKind::Capital,
                "region" => PlaceKind::Region,
                "continent" => PlaceKind::Continent,
                _ => PlaceKind::City,
            };
            let idx = lexicon.push_place(Place {
                geonameid: f[0].parse().unwrap_or(0),
                kind,
                country: f[2],
                population: f[4].parse().unwrap_or(0),
                name: f[5],
            });
            lexicon.add_aliases(idx, f[6]);
        }
        for line in records(DEMONYMS) {
            if let Some((word, iso)) = line.split_once('\t') {
                lexicon
                    .demonyms
                    .insert(word, if iso == "-" { None } else { Some(iso) });
            }
        }
        // Most likely reading first: countries, then by population.
        let places = &lexicon.places;
        for candidates in lexicon.by_name.values_mut() {
            candidates.sort_by_key(|&i| {
                let p = &places[i as usize];
                (
                    p.kind != PlaceKind::Country,
                    std::cmp::Reverse(p.population),
                )
            });
            candidates.dedup();
        }
        lexicon
    }

    fn push_place(&mut self, place: Place) -> PlaceIdx {
        let idx = self.places.len() as PlaceIdx;
        self.by_name.entry(place.name).or_default().push(idx);
        self.places.push(place);
        idx
    }

    fn add_aliases(&mut self, idx: PlaceIdx, aliases: &'static str) {
        for alias in aliases.split('|').filter(|a| !a.is_empty()) {
            let alias = alias.strip_prefix("the ").unwrap_or(alias);
            self.by_name.entry(alias).or_default().push(idx);
        }
    }

    /// Places whose name or alias is exactly `name`, most likely first.
    pub fn places_named(&self, name: &str) -> &[PlaceIdx] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn place(&self, idx: PlaceIdx) -> &Place {
        &self.places[idx as usize]
    }

    pub fn country(&self, iso: &str) -> Option<&Place> {
        self.country_by_iso.get(iso).map(|&i| self.place(i))
    }

    /// `Some(Some(iso))` for a nationality of one country, `Some(None)` for a
    /// group without one, `None` if `word` is not a demonym.
    pub fn demonym(&self, word: &str) -> Option<Option<&'static str>> {
        self.demonyms.get(word).copied()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_by_name_and_short_form() {
        let lex = lexicon();
        for (name, iso) in [
            ("United States", "US"),
            ("U.S.", "US"),
            ("USA", "US"),
            ("Kazakhstan", "KZ"),
            ("Netherlands", "NL"),
            ("UK", "GB"),
        ] {
            let found = lex.places_named(name);
            assert!(!found.is_empty(), "{name} not found");
            let place = lex.place(found[0]);
            assert_eq!(place.kind, PlaceKind::Country, "{name}");
            assert_eq!(place.country, iso, "{name}");
        }
    }

    #[test]
    fn finds_cities_demonyms_and_names() {
        let lex = lexicon();
        let almaty = lex.place(lex.places_named("Almaty")[0]);
        assert_eq!(almaty.country, "KZ");
        assert_eq!(lex.demonym("Azerbaijani"), Some(Some("AZ")));
        assert_eq!(lex.demonym("Kazakh"), Some(Some("KZ")));
        assert_eq!(lex.demonym("Armenian"), Some(Some("AM")));
        assert!(lex.is_given_name("John"));
        assert!(lex.is_surname("Smith"));
    }

    /// Generated tables must stay sorted and unique so that diffs stay small and
    /// duplicates cannot hide.
    #[test]
    fn generated_tables_are_sorted_and_unique() {
        for (name, table) in [
            ("countries", COUNTRIES),
            ("places", PLACES),
            ("demonyms", DEMONYMS),
            ("given_names", GIVEN_NAMES),
            ("surnames", SURNAMES),
        ] {
            let lines: Vec<&str> = records(table).collect();
            assert!(
                lines.windows(2).all(|w| w[0] < w[1]),
                "{name} is not sorted and unique"
            );
        }
    }
}
