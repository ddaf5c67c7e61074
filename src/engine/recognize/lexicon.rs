//! The embedded gazetteer and name lists, parsed once on first use.
//!
//! The tables in `data/generated/` are made by `tools/gen_data.py` from registry
//! packages (provenance in `data/PROVENANCE.md`). They are embedded as text and
//! indexed lazily, borrowing the embedded bytes rather than copying them.
//!
//! Two tiers of places: the embedded core (countries, first-level regions, capitals,
//! cities of 100,000 or more, continents) both recognises and links places; the
//! smaller cities (15,000 or more, `cities.tsv`) only link a name that the recogniser
//! already typed as a place, because thousands of small-town names are also ordinary
//! words and surnames. Native builds embed the small cities too; the web app loads
//! them as a separate asset after first paint and installs them with
//! [`install_small_cities`] before its first analysis.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::engine::recognize::latin_fold::ascii_fold;

const COUNTRIES: &str = include_str!("../../../data/generated/countries.tsv");
const PLACES: &str = include_str!("../../../data/generated/places.tsv");
const DEMONYMS: &str = include_str!("../../../data/generated/demonyms.tsv");
const GIVEN_NAMES: &str = include_str!("../../../data/generated/given_names.txt");
const SURNAMES: &str = include_str!("../../../data/generated/surnames.txt");
/// Curated (not generated): well-known organisations and their acronyms.
const ORGANISATIONS: &str = include_str!("../../../data/sources/organisations.tsv");
/// Generated: the listed companies of the main stock indices and their written names.
const COMPANIES: &str = include_str!("../../../data/generated/companies.tsv");
#[cfg(not(target_arch = "wasm32"))]
const SMALL_CITIES: &str = include_str!("../../../data/generated/cities.tsv");

/// The small-city table supplied at run time (the web app's separate asset).
static INSTALLED_SMALL_CITIES: OnceLock<&'static str> = OnceLock::new();

/// Supplies the small-city table (`cities.tsv`). It takes effect only if the lexicon
/// has not been built yet; returns whether it did.
pub fn install_small_cities(table: String) -> bool {
    if LEXICON.get().is_some() {
        return false;
    }
    INSTALLED_SMALL_CITIES
        .set(Box::leak(table.into_boxed_str()))
        .is_ok()
}

fn small_cities() -> &'static str {
    #[cfg(not(target_arch = "wasm32"))]
    if INSTALLED_SMALL_CITIES.get().is_none() {
        return SMALL_CITIES;
    }
    INSTALLED_SMALL_CITIES.get().copied().unwrap_or("")
}

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
    /// GeoNames id; 0 for regions outside the US (known by `country` + `admin1`) and
    /// for the few curated entries GeoNames lacks.
    pub geonameid: u32,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country ("" for continents).
    pub country: &'static str,
    /// GeoNames first-level region code within the country ("" if none).
    pub admin1: &'static str,
    /// For regions, the summed population of their cities in the gazetteer.
    pub population: u64,
    pub name: &'static str,
    /// From the small-city table: links a recognised place, never recognises one.
    pub link_only: bool,
}

impl Place {
    /// A stable identifier: "geonames:ID", "admin1:CC.CODE" for regions without a
    /// GeoNames id in our tables, else "name:NAME".
    pub fn key(&self) -> String {
        if self.geonameid != 0 {
            format!("geonames:{}", self.geonameid)
        } else if self.kind == PlaceKind::Region && !self.admin1.is_empty() {
            format!("admin1:{}.{}", self.country, self.admin1)
        } else {
            format!("name:{}", self.name)
        }
    }
}

/// Index into [`Lexicon::places`].
pub type PlaceIdx = u32;

/// All embedded lists, indexed for lookup.
pub struct Lexicon {
    pub places: Vec<Place>,
    /// Core places by name and alias: these recognise places.
    by_name: HashMap<&'static str, Vec<PlaceIdx>>,
    /// Core and small places by name and alias: these link places.
    link_by_name: HashMap<&'static str, Vec<PlaceIdx>>,
    country_by_iso: HashMap<&'static str, PlaceIdx>,
    region_by_code: HashMap<(&'static str, &'static str), PlaceIdx>,
    /// Demonym → country code, or None for groups without one country.
    demonyms: HashMap<&'static str, Option<&'static str>>,
    given_names: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    /// Any spelling or acronym of a well-known organisation → its canonical name.
    organisations: HashMap<&'static str, &'static str>,
    /// First words of the well-known organisations' names of several words.
    organisation_openers: HashSet<&'static str>,
    /// The first words of core place names of more than one word ("The" of "The
    /// Hague", "Port" of "Port-au-Prince"): a word not here opens no such name.
    long_name_openers: HashSet<&'static str>,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::build)
}

/// The words that open a name of more than one token: its start cut at a space and
/// cut at any other separator ("St." and "St" of "St. Louis"); none for one token.
pub fn openers(name: &str) -> impl Iterator<Item = &str> {
    let at_space = name.split(' ').next().unwrap_or(name);
    let at_separator = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or(name);
    let long = at_separator.len() < name.len();
    [at_space, at_separator].into_iter().filter(move |_| long)
}

fn records(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Builds the lexicon a batch of place rows at a time, so that a page can build it
/// between its other work: built at once, its 38,000 places and their names take one
/// task of about 100 ms in the page.
pub struct LexiconBuilder {
    lexicon: Lexicon,
    /// The place rows not read yet, each with whether its place only links.
    rows: std::vec::IntoIter<(&'static str, bool)>,
}

impl LexiconBuilder {
    /// Reads up to `rows` more place rows; returns whether all are read.
    pub fn step(&mut self, rows: usize) -> bool {
        for (row, link_only) in self.rows.by_ref().take(rows) {
            self.lexicon.add_place_row(row, link_only);
        }
        self.rows.len() == 0
    }

    /// The lexicon: the rows left are read, then the names are ordered (a few
    /// milliseconds).
    pub fn finish(mut self) -> Lexicon {
        self.step(usize::MAX);
        let mut lexicon = self.lexicon;
        for line in records(DEMONYMS) {
            if let Some((word, iso)) = line.split_once('\t') {
                lexicon
                    .demonyms
                    .insert(word, if iso == "-" { None } else { Some(iso) });
            }
        }
        // Cut at a space and at any other separator, so that the opener matches
        // however the text's tokens cut the name.
        let openers: HashSet<&'static str> = lexicon
            .by_name
            .keys()
            .flat_map(|name| openers(name))
            .collect();
        lexicon.long_name_openers = openers;
        let places = &lexicon.places;
        for (name, candidates) in lexicon
            .by_name
            .iter_mut()
            .chain(lexicon.link_by_name.iter_mut())
        {
            sort_by_likelihood(name, candidates, places);
        }
        lexicon
    }
}

/// Installs a lexicon built in steps; returns false if [`lexicon`] was asked for
/// meanwhile (it then built one at once).
pub fn install(lexicon: Lexicon) -> bool {
    LEXICON.set(lexicon).is_ok()
}

/// Whether the lexicon is built and installed.
pub fn is_built() -> bool {
    LEXICON.get().is_some()
}

impl Lexicon {
    fn build() -> Lexicon {
        Lexicon::build_in_steps().finish()
    }

    /// A builder that has read the name lists and the countries (a few milliseconds);
    /// the places are read by [`LexiconBuilder::step`].
    pub fn build_in_steps() -> LexiconBuilder {
        let mut lexicon = Lexicon {
            places: Vec::with_capacity(40000),
            by_name: HashMap::with_capacity_and_hasher(24000, Default::default()),
            link_by_name: HashMap::with_capacity_and_hasher(64000, Default::default()),
            country_by_iso: HashMap::with_capacity_and_hasher(256, Default::default()),
            region_by_code: HashMap::with_capacity_and_hasher(4000, Default::default()),
            demonyms: HashMap::default(),
            given_names: records(GIVEN_NAMES).collect(),
            surnames: records(SURNAMES).collect(),
            organisations: organisation_names(),
            organisation_openers: records(ORGANISATIONS)
                .flat_map(|line| line.split(['\t', '|']))
                .filter_map(|name| name.split_once(' ').map(|(first, _)| first))
                .collect(),
            long_name_openers: HashSet::default(),
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
                admin1: "",
                population: f[2].parse().unwrap_or(0),
                name: f[4],
                link_only: false,
            });
            lexicon.country_by_iso.insert(f[0], idx);
            lexicon.add_aliases(idx, f[5]);
        }
        let rows: Vec<(&'static str, bool)> = [(PLACES, false), (small_cities(), true)]
            .into_iter()
            .flat_map(|(table, link_only)| records(table).map(move |row| (row, link_only)))
            .collect();
        LexiconBuilder {
            lexicon,
            rows: rows.into_iter(),
        }
    }

    /// Adds the place of one row of `places.tsv` or `cities.tsv`.
    fn add_place_row(&mut self, row: &'static str, link_only: bool) {
        let f: Vec<&'static str> = row.split('\t').collect();
        if f.len() < 7 {
            return;
        }
        let kind = match f[1] {
            "capital" => PlaceKind::Capital,
            "region" => PlaceKind::Region,
            "continent" => PlaceKind::Continent,
            _ => PlaceKind::City,
        };
        let idx = self.push_place(Place {
            geonameid: f[0].parse().unwrap_or(0),
            kind,
            country: f[2],
            admin1: f[3],
            population: f[4].parse().unwrap_or(0),
            name: f[5],
            link_only,
        });
        if kind == PlaceKind::Region && !f[3].is_empty() {
            self.region_by_code.insert((f[2], f[3]), idx);
        }
        self.add_aliases(idx, f[6]);
    }

    fn push_place(&mut self, place: Place) -> PlaceIdx {
        let idx = self.places.len() as PlaceIdx;
        let (name, link_only) = (place.name, place.link_only);
        self.places.push(place);
        self.index_name(name, idx, link_only);
        idx
    }

    fn add_aliases(&mut self, idx: PlaceIdx, aliases: &'static str) {
        let link_only = self.places[idx as usize].link_only;
        for alias in aliases.split('|').filter(|a| !a.is_empty()) {
            let alias = alias.strip_prefix("the ").unwrap_or(alias);
            self.index_name(alias, idx, link_only);
        }
    }

    fn index_name(&mut self, name: &'static str, idx: PlaceIdx, link_only: bool) {
        if !link_only {
            self.by_name.entry(name).or_default().push(idx);
        }
        self.link_by_name.entry(name).or_default().push(idx);
    }

    /// Whether `word` may open a core place name of more than one word.
    pub fn opens_long_place_name(&self, word: &str) -> bool {
        self.long_name_openers.contains(word)
    }

    /// Places whose name or alias is exactly `name`, most likely first: the ones that
    /// make a name a place.
    pub fn places_named(&self, name: &str) -> &[PlaceIdx] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every place a recognised place name may refer to, small cities included, most
    /// likely first.
    pub fn link_candidates(&self, name: &str) -> &[PlaceIdx] {
        self.link_by_name
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The first-level region `admin1` of country `iso`.
    pub fn region(&self, iso: &str, admin1: &str) -> Option<&Place> {
        self.region_by_code
            .get(&(iso, admin1))
            .map(|&i| self.place(i))
    }

    pub fn place(&self, idx: PlaceIdx) -> &Place {
        &self.places[idx as usize]
    }

    /// The place with this [`Place::key`], if the gazetteer holds it. A scan: it is
    /// asked once per distinct place when a snapshot loads.
    pub fn place_by_key(&self, key: &str) -> Option<PlaceIdx> {
        let position = if let Some(id) = key.strip_prefix("geonames:") {
            let id: u32 = id.parse().ok().filter(|&id| id != 0)?;
            self.places.iter().position(|p| p.geonameid == id)
        } else if let Some(code) = key.strip_prefix("admin1:") {
            let (iso, admin1) = code.split_once('.')?;
            return self.region_by_code.get(&(iso, admin1)).copied();
        } else {
            let name = key.strip_prefix("name:")?;
            self.places
                .iter()
                .position(|p| p.key() == key && p.name == name)
        };
        position.map(|i| i as PlaceIdx)
    }

    pub fn country(&self, iso: &str) -> Option<&Place> {
        self.country_by_iso.get(iso).map(|&i| self.place(i))
    }

    /// `Some(Some(iso))` for a nationality of one country, `Some(None)` for a
    /// group without one, `None` if `word` is not a demonym.
    pub fn demonym(&self, word: &str) -> Option<Option<&'static str>> {
        self.demonyms.get(word).copied()
    }

    /// The name lists are in ASCII: "László", "Müller", "Łukasz" are asked without
    /// their diacritics.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
            || ascii_fold(word).is_some_and(|folded| self.given_names.contains(folded.as_str()))
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
            || ascii_fold(word).is_some_and(|folded| self.surnames.contains(folded.as_str()))
    }

    /// The canonical name of a well-known organisation named by `name` (a spelling
    /// or an acronym: "UN" → "United Nations").
    pub fn organisation_named(&self, name: &str) -> Option<&'static str> {
        self.organisations.get(name).copied()
    }

    /// Whether `word` opens a well-known organisation's name of several words.
    pub fn opens_organisation_name(&self, word: &str) -> bool {
        self.organisation_openers.contains(word)
    }

    /// The well-known organisation a line in capitals names ("SECURITIES AND
    /// EXCHANGE COMMISSION"), asked as written and as [`name_in_title_case`].
    pub fn organisation_named_in_capitals(&self, name: &str) -> Option<&'static str> {
        self.organisation_named(name)
            .or_else(|| self.organisation_named(&name_in_title_case(name)))
    }
}

/// A name in capitals as running text writes it: each word capitalised, the short
/// connecting words after the first in lower case ("SECURITIES AND EXCHANGE
/// COMMISSION" → "Securities and Exchange Commission").
pub fn name_in_title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, word) in name.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if k > 0
            && matches!(
                lower.as_str(),
                "and" | "of" | "the" | "for" | "on" | "in" | "de"
            )
        {
            out.push_str(&lower);
            continue;
        }
        let mut chars = lower.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// `organisations.tsv` (canonical name, other spellings, acronyms), then
/// `companies.tsv` (short name, written names); a curated spelling wins.
fn organisation_names() -> HashMap<&'static str, &'static str> {
    let mut names = HashMap::default();
    for line in records(ORGANISATIONS).chain(records(COMPANIES)) {
        let mut fields = line.split('\t');
        let Some(canonical) = fields.next() else {
            continue;
        };
        names.entry(canonical).or_insert(canonical);
        for other in fields.flat_map(|f| f.split('|')).filter(|n| !n.is_empty()) {
            names.entry(other).or_insert(canonical);
        }
    }
    names
}

/// Most likely reading first: countries; then a city before the region of the same
/// name that holds it ("New York", "Kherson": the region is named after the city),
/// and a capital before a region of its country ("Washington");
/// then the embedded core before small towns; then a place of exactly that name
/// before one that has it as an alternate ("New Delhi" the capital, not Delhi); then
/// by population.
/// A city this large is what its short name means, before its region ("New York").
const METROPOLIS: u64 = 5_000_000;

fn sort_by_likelihood(name: &str, candidates: &mut Vec<PlaceIdx>, places: &[Place]) {
    // Most names have one place, nothing to order: returning early took the ordering
    // from about 25 ms to 3 (natively).
    if candidates.len() < 2 {
        return;
    }
    candidates.sort_unstable();
    candidates.dedup();
    // A city shadows its region of the same name ("Kherson", "Mykolaiv"), but one
    // whose name is the region's and another word does not ("Oklahoma" is the
    // state, not Oklahoma City), unless it is a metropolis known by the short name
    // ("New York").
    let city_regions: Vec<(&str, &str)> = candidates
        .iter()
        .map(|&i| &places[i as usize])
        .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Capital))
        .filter(|p| {
            let region_and_a_word = p
                .name
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(' '));
            !region_and_a_word || p.population >= METROPOLIS
        })
        .map(|p| (p.country, p.admin1))
        .collect();
    let capital_countries: Vec<&str> = candidates
        .iter()
        .map(|&i| &places[i as usize])
        .filter(|p| p.kind == PlaceKind::Capital)
        .map(|p| p.country)
        .collect();
    candidates.sort_by_key(|&i| {
        let p = &places[i as usize];
        let shadowed_region = p.kind == PlaceKind::Region
            && (city_regions.contains(&(p.country, p.admin1))
                || capital_countries.contains(&p.country));
        (
            p.kind != PlaceKind::Country,
            shadowed_region,
            p.link_only,
            p.name != name,
            std::cmp::Reverse(p.population),
            i,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a lexicon holds, in an order of its own (maps iterate in any order).
    fn contents(lexicon: &Lexicon) -> Vec<String> {
        fn each<'a, T: std::fmt::Debug + 'a>(
            label: &'a str,
            items: impl Iterator<Item = T> + 'a,
        ) -> impl Iterator<Item = String> + 'a {
            items.map(move |item| format!("{label} {item:?}"))
        }
        let mut names: Vec<String> = each("core", lexicon.by_name.iter())
            .chain(each("link", lexicon.link_by_name.iter()))
            .chain(each("region", lexicon.region_by_code.iter()))
            .chain(each("country", lexicon.country_by_iso.iter()))
            .chain(each("demonym", lexicon.demonyms.iter()))
            .chain(each("opener", lexicon.long_name_openers.iter()))
            .collect();
        names.sort_unstable();
        each("place", lexicon.places.iter()).chain(names).collect()
    }

    #[test]
    fn the_lexicon_built_in_steps_is_the_lexicon_built_at_once() {
        let at_once = contents(&Lexicon::build());
        let mut builder = Lexicon::build_in_steps();
        let mut steps = 0;
        while !builder.step(997) {
            steps += 1;
        }
        assert!(steps > 10, "{steps} steps");
        assert_eq!(contents(&builder.finish()), at_once);
    }

    #[test]
    fn names_are_found_without_their_diacritics() {
        let cases: &[(&str, Option<&str>)] = &[
            ("László", Some("Laszlo")),
            ("Łukasz", Some("Lukasz")),
            ("Müller", Some("Muller")),
            ("Şükrü", Some("Sukru")),
            ("Ștefan", Some("Stefan")),
            ("Straße", Some("Strasse")),
            ("Smith", None),
            ("Иван", None),
            ("A×B", None),
        ];
        for (word, folded) in cases {
            assert_eq!(ascii_fold(word).as_deref(), *folded, "{word}");
        }
        assert!(lexicon().is_given_name("László"));
        assert!(lexicon().is_given_name("José"));
    }

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

    #[test]
    fn a_city_is_not_named_by_an_ordinary_word_among_its_other_names() {
        let lex = lexicon();
        // Cases: (other name, the city it was, whether it still names the city).
        let cases = [
            ("Gold", "Gold Coast", false),
            ("Soul", "Seoul", false),
            ("Lion", "Lyon", false),
            ("Madras", "Chennai", true),
            ("Canton", "Guangzhou", true),
        ];
        for (alias, city, names_it) in cases {
            let found = lex
                .places_named(alias)
                .iter()
                .any(|&p| lex.place(p).name == city);
            assert_eq!(found, names_it, "{alias} for {city}");
        }
    }

    #[test]
    fn regions_and_small_cities_link_but_only_the_core_recognises() {
        let lex = lexicon();
        let kind_of = |name: &str| lex.place(lex.link_candidates(name)[0]).kind;
        // Cases: (name, expected first reading, its country).
        let cases = [
            ("Bavaria", PlaceKind::Region, "DE"),
            ("Victoria", PlaceKind::Region, "AU"),
            ("New York", PlaceKind::City, "US"),
            ("Kherson", PlaceKind::City, "UA"),
            ("Oklahoma", PlaceKind::Region, "US"),
            ("Iowa", PlaceKind::Region, "US"),
            ("Georgia", PlaceKind::Country, "GE"),
            ("Bucha", PlaceKind::City, "UA"),
        ];
        for (name, kind, iso) in cases {
            assert_eq!(kind_of(name), kind, "{name}");
            assert_eq!(
                lex.place(lex.link_candidates(name)[0]).country,
                iso,
                "{name}"
            );
        }
        // A town of 37,000 links a recognised name but does not make one.
        assert!(lex.places_named("Bucha").is_empty());
        let bavaria = lex.place(lex.places_named("Bavaria")[0]);
        assert_eq!(bavaria.key(), "admin1:DE.02");
        assert_eq!(lex.region("DE", "02").map(|r| r.name), Some("Bavaria"));
        let almaty = lex.place(lex.places_named("Almaty")[0]);
        assert_eq!(almaty.key(), "geonames:1526384");
    }

    /// Generated tables must stay sorted and unique so that diffs stay small and
    /// duplicates cannot hide.
    #[test]
    fn generated_tables_are_sorted_and_unique() {
        for (name, table) in [
            ("countries", COUNTRIES),
            ("places", PLACES),
            ("cities", SMALL_CITIES),
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
