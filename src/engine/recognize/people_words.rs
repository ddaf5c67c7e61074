//! Closed word classes about people: role nouns and occupations, employer roles, honorifics, kin, and the credits of wire stories (read through `words.rs`).

use super::sports_words::is_sports_position;
use super::words::{strip_period, WordSet};

/// Lower-case nouns for roles that stand before or after a person's name
/// (read by the entity context rules: apposition and person cues).
#[rustfmt::skip]
pub(super) const ROLE_NOUNS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "director", "chairman",
    "chairwoman", "executive", "analyst", "secretary", "senator", "governor", "mayor",
    "ambassador", "envoy", "founder", "leader", "lawyer", "attorney", "judge", "professor",
    "economist", "official", "commander", "general", "researcher", "journalist", "correspondent",
    "reporter", "author", "chief", "head", "deputy", "vice", "former", "prime", "foreign",
    "candidate", "prosecutor", "activist", "singer", "actor", "player", "coach", "manager",
    "representative", "colleague", "co-founder", "son", "daughter", "wife", "husband", "brother",
    "sister", "mother", "father", "chancellor", "premier", "engineer", "editor", "photographer",
    "producer", "designer", "architect", "officer", "inspector", "detective", "coroner", "teacher",
    "pilot", "driver", "composer", "poet", "painter", "writer", "playwright", "screenwriter",
    "filmmaker", "businessman", "businesswoman", "entrepreneur", "banker", "diplomat",
    "lawmaker", "legislator", "adviser", "advisor", "aide", "consultant", "priest", "rabbi", "imam",
    "cleric", "soldier", "nurse", "student", "drummer", "striker", "midfielder", "defender",
    "goalkeeper", "winger", "batsman", "bowler", "jockey", "boxer", "golfer", "swimmer",
    "sprinter", "skier", "footballer", "cricketer", "historian", "philosopher", "physician",
    "surgeon", "astronaut", "explorer", "musician", "comedian", "actress", "dancer", "widow",
    "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt",
    // Sport's roles and people of the news ("captain Dasun Shanaka", "billionaire …").
    "captain", "skipper", "wicketkeeper", "goalie", "quarterback", "pitcher", "linebacker",
    "teammate", "rider", "rapper", "chef", "doctor", "suspect", "victim", "survivor",
    "billionaire", "tycoon", "magnate", "mogul",
];

/// Honorifics written before a name, with or without a period ("Mr", "Dr.")
/// (read by the person cue and by the organisation rule, which skips them).
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr"];

static ROLE_SET: WordSet = WordSet::new(ROLE_NOUNS);
/// Employer roles that a person has too ("Johnson spokesman Robert Gibbs",
/// "Kremlin spokesman …"); read by the employer rule of `entities/classify.rs`.
pub fn is_role_serving_people(w: &str) -> bool {
    matches!(
        w,
        "spokesman" | "spokeswoman" | "spokesperson" | "lawyer" | "lawyers" | "adviser" | "advisor"
    )
}

/// Kin: words only a person has ("Navalny's wife"); read by `entities/classify.rs`
/// and by `entities/sentence_start.rs`.
pub fn is_kin_word(w: &str) -> bool {
    matches!(
        w,
        "wife"
            | "husband"
            | "widow"
            | "widower"
            | "son"
            | "sons"
            | "daughter"
            | "daughters"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "brothers"
            | "sisters"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "nephew"
            | "niece"
            | "fiancee"
            | "fiancé"
            | "fiancée"
            | "girlfriend"
            | "boyfriend"
    )
}

/// What a wire story's credits open with before "by" ("Reporting by", "Editing
/// by"); read by the headline detector of `entities/document.rs`.
pub fn is_credit_word(w: &str) -> bool {
    matches!(
        w,
        "Reporting"
            | "Writing"
            | "Editing"
            | "Compiled"
            | "Additional"
            | "Written"
            | "Edited"
            | "Photos"
            | "Photo"
            | "Text"
            | "Translated"
            | "Produced"
    )
}

/// Roles held in an organisation, after its name ("Chelsea manager", "Airbus
/// chairman"); read by the employer rule of `entities/classify.rs`.
pub fn is_employer_role(w: &str) -> bool {
    is_sports_position(w)
        || matches!(
            w,
            "chairman"
                | "chairwoman"
                | "executive"
                | "executives"
                | "boss"
                | "owner"
                | "shareholder"
                | "analyst"
                | "economist"
                | "guard"
                | "center"
                | "centre"
                | "rider"
                | "president"
                | "founder"
                | "director"
                | "engineer"
                | "employee"
                | "employees"
                | "researcher"
                | "scientist"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "official"
                | "officials"
                | "lawyer"
                | "lawyers"
                | "adviser"
                | "advisor"
        )
}

pub fn is_role_noun(w: &str) -> bool {
    ROLE_SET.contains(w)
}

/// A role noun, or an agent noun in "-ist" ("guitarist", "novelist", "economist";
/// not the verbs "insist", "persist"), in lower case: what someone is, before a name.
pub fn is_occupation(lower: &str) -> bool {
    is_role_noun(lower)
        || lower.len() >= 7
            && lower.ends_with("ist")
            && !matches!(lower, "persist" | "consist" | "assist")
}

/// "Mr", "Mr.", "Dr", "Dr." and the like.
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&strip_period(w))
}
