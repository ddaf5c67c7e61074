//! Named cases for what news text says about a name around it: venues and buildings as places, a word that opens sentences as their subject (words.rs, runs.rs, peel.rs, document.rs).

use super::*;

/// Buildings and venues are places, as the gazetteer's are; "Center" and "Centre"
/// head an organisation before "for" or "of", or with an organisation keyword
/// inside (words.rs, runs.rs, peel.rs).
#[test]
fn facilities_are_places_and_centres_of_study_organisations() {
    check(&[
        (
            "a centre named after its founder's field",
            "The show moved to the Harbin Science Center on Monday.",
            &[("Harbin Science Center", "LOC")],
        ),
        (
            "world regions and seas are places of no one country",
            "Troops moved to the Middle East, the Arctic, the Balkans and the Horn of Africa, \
             and ships to the Black Sea and the Indian Ocean.",
            &[
                ("Middle East", "LOC"),
                ("Arctic", "LOC"),
                ("Balkans", "LOC"),
                ("Horn of Africa", "LOC"),
                ("Black Sea", "LOC"),
                ("Indian Ocean", "LOC"),
            ],
        ),
        (
            "a saint's possessive inside a name",
            "She led cardiology at St. Mary's Hospital and sang at St Paul's Cathedral.",
            &[
                ("St. Mary's Hospital", "ORG"),
                ("St Paul's Cathedral", "LOC"),
            ],
        ),
        (
            "a theatre",
            "The play opened at the Old Mill Theatre in Leeds.",
            &[("Old Mill Theatre", "LOC"), ("Leeds", "LOC")],
        ),
        (
            "a venue named after its town is one place",
            "Delegates met at the Riga Convention Centre last week.",
            &[("Riga Convention Centre", "LOC")],
        ),
        (
            "a numbered street",
            "The shop on 51st Street closed, and one on 10th Avenue opened.",
            &[("51st Street", "LOC"), ("10th Avenue", "LOC")],
        ),
        (
            "a centre for a subject",
            "The Center for Coastal Studies said the water was warm.",
            &[("Center for Coastal Studies", "ORG")],
        ),
        (
            "a centre with an organisation keyword inside",
            "The dispute went to the Lakeside International Arbitration Centre for a ruling.",
            &[("Lakeside International Arbitration Centre", "ORG")],
        ),
    ]);
}

/// A word that opens a sentence is a name only with evidence from elsewhere; one
/// that opens two sentences as their subject and is never written in lower case is
/// (document.rs, peel.rs).
#[test]
fn a_word_opening_sentences_is_a_name_when_it_is_their_subject_twice() {
    check(&[
        (
            "a company opening two sentences",
            "Zentrix reported a loss. Zentrix said sales fell.",
            &[("Zentrix", "ORG"), ("Zentrix", "ORG")],
        ),
        (
            "once is not enough",
            "Zentrix reported a loss. Sales fell.",
            &[],
        ),
        (
            "a plural is mostly a common noun",
            "Troops moved in. Troops left at dawn.",
            &[],
        ),
        (
            "labels and interjections are no subjects",
            "Image: a bridge. Image: a road. Yeah, it works. Yeah, it does.",
            &[],
        ),
    ]);
}
