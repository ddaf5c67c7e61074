//! The closed word lists of places: keywords that end or open a place's name, nouns of places after a name, compass words, US states as agencies abbreviate them, read by the entity rules (re-exported by `words.rs`).

use super::words::{strip_period, WordSet};

/// Words that end a place name (facilities and geographic features).
#[rustfmt::skip]
pub(super) const PLACE_KEYWORDS: &[&str] = &[
    "Airport", "House", "Square", "Street", "Avenue", "Road", "Bridge", "Palace", "Stadium",
    "Tower", "Towers", "Hall", "Port", "River", "Lake", "Mountains", "Mountain", "Hills", "Sea",
    "Ocean", "Island", "Islands", "Valley", "Bay", "Gulf", "Province", "Region", "County",
    "District", "Strait", "Peninsula", "Desert", "Canal", "Park", "Coast", "Basin", "Plateau",
    "Highway", "Base", "Camp", "Prison", "Crossing", "Corridor", "Oblast", "Governorate",
    "Prefecture", "State", "City", "Town", "Village", "Heights", "Plaza", "Factory", "Boulevard", "Terminal",
    "Harbor", "Harbour", "Beach", "Falls", "Forest", "Cathedral", "Mosque", "Temple", "Field",
    "Fields", "Territory", "Territories", "Republic", "Kingdom", "Emirate", "Reservoir", "Dam",
    "Pass", "Checkpoint", "Quarter", "Neighborhood", "Neighbourhood", "Blvd", "Ave", "Parkway",
    "Township", "Municipality", "Borough", "Canton", "Taluk", "Tehsil", "Empire", "Junction", "Drive",
    "Dock", "Docks", "Pier", "Wharf", "Station", "Building", "Theater", "Theatre", "Arena",
    "Gallery", "Gardens", "Complex", "Memorial", "Cafe", "Pub", "Center", "Centre",
];

/// Place keywords that name an administrative division: "X District of Y" is two
/// places (read by the run splitter).
pub fn is_division_keyword(w: &str) -> bool {
    matches!(
        w,
        "District"
            | "County"
            | "Province"
            | "Region"
            | "Prefecture"
            | "Oblast"
            | "Governorate"
            | "Township"
            | "Municipality"
            | "Taluk"
            | "Tehsil"
    )
}

/// Geographic and state nouns that open a place's name with "of" ("Bay of Bengal",
/// "Strait of Hormuz", "Republic of Korea", "Horn of Africa"); not "House of", "Bank of".
pub fn opens_place_with_of(w: &str) -> bool {
    // "Gulf", "Sea", "Cape", "Isle" open place names anyway (`is_place_prefix`).
    matches!(
        w,
        "Bay"
            | "Strait"
            | "Straits"
            | "Island"
            | "Islands"
            | "Republic"
            | "Kingdom"
            | "Emirate"
            | "Principality"
            | "Duchy"
            | "Horn"
    )
}

/// Words that start a place name ("Mount Everest", "Lake Como").
#[rustfmt::skip]
const PLACE_PREFIXES: &[&str] = &[
    "Mount", "Lake", "Cape", "Fort", "Port", "Gulf", "Isle", "Sea", "Mont", "Monte", "Mt.",
];

/// "Kennedy Space Center" is a place, "the Center for Strategic Studies" and "the
/// Centre of Excellence" are organisations: a place keyword that heads an
/// organisation's name before "for" or "of".
pub fn is_facility_keyword(word: &str) -> bool {
    matches!(word, "Center" | "Centre")
}

/// Place keywords of streets, which cities number ("10th Street", "5th Avenue").
pub fn is_street_keyword(word: &str) -> bool {
    matches!(
        word,
        "Street" | "St" | "Avenue" | "Ave" | "Road" | "Boulevard" | "Blvd" | "Parkway" | "Drive"
    )
}

pub fn is_place_keyword(word: &str) -> bool {
    PLACE_SET.contains(word)
}

pub fn is_place_prefix(word: &str) -> bool {
    PREFIX_SET.contains(word)
}

/// Lower-case nouns that, right after a name, make it a place ("Sindh province")
/// (read by the entity classifier).
#[rustfmt::skip]
pub(super) const PLACE_NOUNS: &[&str] = &[
    "province", "region", "state", "district", "county", "village", "town", "city", "valley",
    "river", "island", "oblast", "governorate", "prefecture", "crossing", "border", "camp",
    "airport", "port", "strip", "area", "municipality", "commune", "parish", "département",
    "canton", "borough", "township", "neighborhood", "neighbourhood", "suburb",
    "lake", "mountain", "peninsula", "bay", "desert", "archipelago",
];

/// Compass words that make a region of the name after them ("North Darfur")
/// (read by the entity classifier).
#[rustfmt::skip]
pub(super) const COMPASS_WORDS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
    "Northwestern", "Southeastern", "Southwestern", "North-East", "North-West", "South-East",
    "South-West",
];

pub fn is_place_noun(w: &str) -> bool {
    PLACE_NOUN_SET.contains(w)
}

pub fn is_compass_word(w: &str) -> bool {
    COMPASS_WORDS.contains(&w)
}

static PLACE_SET: WordSet = WordSet::new(PLACE_KEYWORDS);
static PREFIX_SET: WordSet = WordSet::new(PLACE_PREFIXES);
static PLACE_NOUN_SET: WordSet = WordSet::new(PLACE_NOUNS);

/// US states as news agencies abbreviate them after a town ("Cupertino, Calif."),
/// with their names (read by the entity classifier). Two-letter postal codes are
/// left out: they are also words and acronyms ("OK", "IN", "ME").
#[rustfmt::skip]
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"), ("Ariz", "Arizona"), ("Ark", "Arkansas"), ("Calif", "California"),
    ("Colo", "Colorado"), ("Conn", "Connecticut"), ("Del", "Delaware"), ("Fla", "Florida"),
    ("Ga", "Georgia"), ("Ill", "Illinois"), ("Ind", "Indiana"), ("Kan", "Kansas"),
    ("Kans", "Kansas"), ("Ky", "Kentucky"), ("La", "Louisiana"), ("Md", "Maryland"),
    ("Mass", "Massachusetts"), ("Mich", "Michigan"), ("Minn", "Minnesota"),
    ("Miss", "Mississippi"), ("Mo", "Missouri"), ("Mont", "Montana"), ("Neb", "Nebraska"),
    ("Nebr", "Nebraska"), ("Nev", "Nevada"), ("Okla", "Oklahoma"), ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"), ("Penn", "Pennsylvania"), ("Tenn", "Tennessee"), ("Tex", "Texas"),
    ("Vt", "Vermont"), ("Va", "Virginia"), ("Wash", "Washington"), ("Wis", "Wisconsin"),
    ("Wisc", "Wisconsin"), ("Wyo", "Wyoming"), ("D.C", "District of Columbia"),
    ("N.Y", "New York"), ("N.J", "New Jersey"), ("N.H", "New Hampshire"), ("N.M", "New Mexico"),
    ("N.C", "North Carolina"), ("N.D", "North Dakota"), ("S.C", "South Carolina"),
    ("S.D", "South Dakota"), ("R.I", "Rhode Island"), ("W.Va", "West Virginia"),
];

/// The US state an agency abbreviation names ("Calif" or "Calif." → "California").
pub fn us_state_of_abbreviation(word: &str) -> Option<&'static str> {
    let word = strip_period(word);
    US_STATE_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == word)
        .map(|(_, state)| *state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_place_words() {
        assert!(is_place_keyword("Airport"));
        assert!(is_place_keyword("Center"));
        assert!(is_facility_keyword("Centre"));
        assert!(is_street_keyword("Avenue"));
        assert!(is_place_noun("commune"));
        assert!(is_compass_word("Northern"));
    }
}
