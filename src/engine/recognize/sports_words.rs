//! The closed word lists of sports copy: result verbs and nouns, and places in a team, read by the results and team rules (re-exported by `words.rs`).

/// Verbs that join two teams in a sports result ("Leeds beat Chelsea 2-1")
/// (read by the results rule).
#[rustfmt::skip]
const RESULT_VERBS: &[&str] = &[
    "beat", "beats", "defeated", "defeat", "drew", "draw", "edged", "thrashed", "routed", "lost",
    "held", "downed", "overcame",
];

pub fn is_result_verb(w: &str) -> bool {
    RESULT_VERBS.contains(&w)
}

/// What a score is, before its opponent ("a 2-1 win over", "a 1-1 draw with").
pub fn is_result_noun(w: &str) -> bool {
    matches!(
        w,
        "win" | "victory" | "draw" | "defeat" | "loss" | "tie" | "triumph" | "success"
    )
}

/// Places in a team and a team's staff ("striker", "bowler", "manager"): after a
/// team's name, both a team role and a role held in an employer.
pub fn is_sports_position(w: &str) -> bool {
    matches!(
        w,
        "striker"
            | "goalkeeper"
            | "midfielder"
            | "defender"
            | "winger"
            | "forward"
            | "captain"
            | "manager"
            | "coach"
            | "teammate"
            | "quarterback"
            | "pitcher"
            | "outfielder"
            | "batsman"
            | "bowler"
    )
}

/// Places in a team, and a team's staff, after the team's name ("Leeds striker",
/// "Lancashire bowler", "Bolton manager"); read by the team rule of
/// `entities/classify.rs`, which types a town or region there as the team.
pub fn is_team_role(w: &str) -> bool {
    is_sports_position(w)
        || matches!(
            w,
            "keeper"
                | "fullback"
                | "playmaker"
                | "skipper"
                | "spinner"
                | "paceman"
                | "opener"
                | "all-rounder"
        )
}

/// Last words of clubs' names that also read as a surname or follow a given name
/// ("Aston Villa", "Ipswich Town", "Crystal Palace", "Preston North End").
pub fn is_team_word(w: &str) -> bool {
    matches!(
        w,
        "Villa"
            | "Palace"
            | "City"
            | "County"
            | "Town"
            | "United"
            | "Athletic"
            | "Athletico"
            | "Rovers"
            | "Wanderers"
            | "Albion"
            | "Hotspur"
            | "Rangers"
            | "Celtic"
            | "Forest"
            | "Orient"
            | "Argyle"
            | "Alexandra"
            | "Vale"
            | "Stanley"
            | "End"
            | "Dynamo"
            | "Sporting"
            | "Olympic"
            | "Olympique"
            | "Wednesday"
            | "Academicals"
    )
}
