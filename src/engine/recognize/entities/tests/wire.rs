//! Named cases for wire copy: teams and players in sports results, datelines (results.rs, peel.rs, context.rs).

use super::*;

/// Teams named after places are organisations in results, and a score is no
/// model number (results.rs).
#[test]
fn teams_in_results_are_organisations() {
    check(&[
        (
            "beat with a score",
            "Leeds beat Chelsea 2-1 on Saturday.",
            &[("Leeds", "ORG"), ("Chelsea", "ORG")],
        ),
        (
            "players of tennis beat each other: persons, after a nationality or by name",
            "Spaniard Carlos Moya beat Frenchman Cedric Pioline 6-4 6-3 on Friday. Mark \
             Philippoussis beat Richard Krajicek 7-6 6-2.",
            &[
                ("Spaniard", "NORP"),
                ("Carlos Moya", "PER"),
                ("Frenchman", "NORP"),
                ("Cedric Pioline", "PER"),
                ("Mark Philippoussis", "PER"),
                ("Richard Krajicek", "PER"),
            ],
        ),
        (
            "a club named with a weekday, before a score or a result verb",
            "Results:\nLeeds 0 Sheffield Wednesday 2\nSheffield Wednesday beat Everton 2-1.",
            &[
                ("Leeds", "ORG"),
                ("Sheffield Wednesday", "ORG"),
                ("Sheffield Wednesday", "ORG"),
                ("Everton", "ORG"),
            ],
        ),
        (
            "clubs named like people play",
            "Aston Villa beat Crystal Palace 2-1 on Saturday.",
            &[("Aston Villa", "ORG"), ("Crystal Palace", "ORG")],
        ),
        (
            "beat with a basketball score (an aircraft's model and variant is none)",
            "Boston beat the New York Knicks 118-110 on Sunday. Boeing 747-400 jets flew.",
            &[("Boston", "ORG"), ("New York Knicks", "ORG")],
        ),
        (
            "a function word after a colon opens a phrase, as at a sentence start",
            "UP NEXT\nKnicks: At Philadelphia on Wednesday.\nTitle: The Hague Talks",
            &[("Philadelphia", "LOC"), ("The Hague", "LOC")],
        ),
        (
            "a results line",
            "Lazio 1 Roma 1",
            &[("Lazio", "ORG"), ("Roma", "ORG")],
        ),
        (
            "a line opening with a rank is no headline: the driver is a person",
            "Results on Sunday:\n3. Mika Hakkinen ( Finland ) McLaren 1:28:30.155",
            &[("Mika Hakkinen", "PER"), ("Finland", "LOC")],
        ),
        (
            "both sides of a result verb, with a cricket margin",
            "Leicestershire beat Somerset by an innings and 39 runs on Friday.",
            &[("Leicestershire", "ORG"), ("Somerset", "ORG")],
        ),
        (
            "a result verb without a score or margin says nothing",
            "Voters in Ohio beat Texas to the record.",
            &[("Ohio", "LOC"), ("Texas", "LOC")],
        ),
        (
            "a results line of teams of two and three words is no headline",
            "Results on Saturday:\nHapoel Haifa 3 Maccabi Tel Aviv 1",
            &[("Hapoel Haifa", "ORG"), ("Maccabi Tel Aviv", "ORG")],
        ),
        (
            "'Tel' labels a telephone number, and opens Tel Aviv",
            "Contact Dana Levi in Tel Aviv.\nTel: 555 0100",
            &[("Dana Levi", "PER"), ("Tel Aviv", "LOC")],
        ),
        (
            "an unfamiliar team opening a results line",
            "Results:\nJuventus 2 Parma 0\nLazio 1 Roma 1",
            &[
                ("Juventus", "ORG"),
                ("Parma", "ORG"),
                ("Lazio", "ORG"),
                ("Roma", "ORG"),
            ],
        ),
        (
            "drew with",
            "Madrid drew with Valencia 0-0.",
            &[("Madrid", "ORG"), ("Valencia", "ORG")],
        ),
        (
            "a town before a player's position is the team",
            "Liverpool striker Robbie Fowler scored twice.",
            &[("Liverpool", "ORG"), ("Robbie Fowler", "PER")],
        ),
        (
            "a county before a bowler is the team",
            "Lancashire bowler Glen Chapple took four wickets.",
            &[("Lancashire", "ORG"), ("Glen Chapple", "PER")],
        ),
    ]);
}

/// Opponents after a result verb or noun, and what results do not make teams:
/// nations, governments, model numbers, years (results.rs).
#[test]
fn opponents_and_what_results_leave_alone() {
    check(&[
        (
            "nations beating each other stay places",
            "Japan beat Syria 2-1 and England beat Wales 3-0.",
            &[
                ("Japan", "LOC"),
                ("Syria", "LOC"),
                ("England", "LOC"),
                ("Wales", "LOC"),
            ],
        ),
        (
            "the opponent after a result verb and a score",
            "Ajax drew 1-1 with Twente and Porto lost 3-1 to Braga.",
            &[
                ("Ajax", "ORG"),
                ("Twente", "ORG"),
                ("Porto", "ORG"),
                ("Braga", "ORG"),
            ],
        ),
        (
            "the opponent after a score and a result noun",
            "It was their first 2-0 win over Braga since May.",
            &[("Braga", "ORG")],
        ),
        (
            "a score alone names no opponent",
            "The vote was 5-4 with Braga abstaining.",
            &[("Braga", "LOC")],
        ),
        (
            "a home nation before a position stays a place",
            "England striker Alan Shearer scored.",
            &[("England", "LOC"), ("Alan Shearer", "PER")],
        ),
        (
            "countries as governments stay places",
            "France and Germany signed the treaty.",
            &[("France", "LOC"), ("Germany", "LOC")],
        ),
        (
            "a model number is still no team",
            "Airbus delivered the Airbus A380 on time.",
            &[("Airbus", "ORG")],
        ),
        (
            "a year after a place is no score",
            "Floods hit Karachi in 2022 and again in 2023.",
            &[("Karachi", "LOC")],
        ),
    ]);
}

/// Players, scorers and figures in results lines, scorecards and brackets (results.rs).
#[test]
fn players_and_figures_in_results() {
    check(&[
        (
            "scorers in brackets on a results line are persons",
            "Results:\nJuventus 2 (Vieri 31, Jugovic 77) Parma 0\nLazio 1 (Signori 45 penalty) Roma 1 (Balbo 60)",
            &[
                ("Juventus", "ORG"),
                ("Vieri", "PER"),
                ("Jugovic", "PER"),
                ("Parma", "ORG"),
                ("Lazio", "ORG"),
                ("Signori", "PER"),
                ("Roma", "ORG"),
                ("Balbo", "PER"),
            ],
        ),
        (
            "a standings table",
            "Standings:\nNewcastle 4 3 0 1 8 4 9\nManchester United 4 2 2 0 9 5 8",
            &[("Newcastle", "ORG"), ("Manchester United", "ORG")],
        ),
        (
            "a person and a count on a scorecard",
            "Scorecard:\nA. Stewart lbw b Mushtaq Ahmed 44",
            &[("A. Stewart", "PER"), ("Mushtaq Ahmed", "PER")],
        ),
        (
            "a scorers line",
            "Results:\nScorers: Ravanelli 12, Zola 67",
            &[("Ravanelli", "PER"), ("Zola", "PER")],
        ),
        (
            "a name and a number in brackets elsewhere is no scorer",
            "Sales rose (Acme 12, Zentrix 15) in May.",
            &[],
        ),
        (
            "the teams of a headline in capitals are the teams of the report",
            "SOCCER - LEEDS BEAT CHELSEA\nLeeds beat Chelsea 2-1 on Saturday.",
            &[
                ("LEEDS", "ORG"),
                ("CHELSEA", "ORG"),
                ("Leeds", "ORG"),
                ("Chelsea", "ORG"),
            ],
        ),
        (
            "a cricket score and the batsmen's runs in brackets; nations playing stay places",
            "Sri Lanka 231-7 (Aravinda de Silva 66, Sanath Jayasuriya 45) Pakistan 232-6.",
            &[
                ("Sri Lanka", "LOC"),
                ("Aravinda de Silva", "PER"),
                ("Sanath Jayasuriya", "PER"),
                ("Pakistan", "LOC"),
            ],
        ),
        (
            "a cricket scorecard: batsmen, fielders and bowlers, with their runs",
            "Scoreboard on Friday:\nTom Price c Ravi Nair b Hart 5\nLeo Kapoor lbw b Sandhu 0",
            &[
                ("Tom Price", "PER"),
                ("Ravi Nair", "PER"),
                ("Hart", "PER"),
                ("Leo Kapoor", "PER"),
                ("Sandhu", "PER"),
            ],
        ),
        (
            "a side's role before a player's name",
            "Sri Lanka made 288-8 after captain Dasun Shanaka won the toss.",
            &[("Sri Lanka", "LOC"), ("Dasun Shanaka", "PER")],
        ),
        (
            "a player's figure in brackets after a sentence",
            "India beat Kenya (Sachin Tendulkar 127).",
            &[("India", "LOC"), ("Kenya", "LOC"), ("Sachin Tendulkar", "PER")],
        ),
        (
            "companies with figures in brackets stay companies",
            "Sales rose (Acme Holdings Corp 12, Zentrix Group 15) in May.",
            &[("Acme Holdings Corp", "ORG"), ("Zentrix Group", "ORG")],
        ),
        (
            "an aircraft's model and variant is no score",
            "Boeing 747-400 jets flew.",
            &[],
        ),
    ]);
}

/// Datelines of wire copy: the place in capitals opening the line (peel.rs, context.rs).
#[test]
fn datelines_name_their_place() {
    check(&[
        (
            "a dateline's place above results where its team plays",
            "NEW YORK 1996-08-22\nResults of games:\nNEW YORK 5 Seattle 3",
            &[("NEW YORK", "LOC"), ("NEW YORK", "ORG"), ("Seattle", "ORG")],
        ),
        (
            "a known city in capitals, longer than an acronym",
            "Troops moved.\nBELGRADE 1996-12-06\nTroops moved in.",
            &[("BELGRADE", "LOC")],
        ),
        (
            "an unknown town before a country",
            "Troops moved.\nZAMBOANGA, Philippines, Dec 6 (AFP) - Troops moved.",
            &[("ZAMBOANGA", "LOC"), ("Philippines", "LOC"), ("AFP", "ORG")],
        ),
        (
            "a country of three words after the comma",
            "Troops moved.\nRUWAIS, United Arab Emirates 1996-12-06\nTroops moved in.",
            &[("RUWAIS", "LOC"), ("United Arab Emirates", "LOC")],
        ),
        (
            "an unknown town before a US state as agencies abbreviate it, with its period",
            "Jobs cut\nARMONK, N.Y. - Shares fell in Camden, N.J., on Friday. She met \
             Harry Potter, Miss Granger and Ron.",
            &[
                ("ARMONK", "LOC"),
                ("N.Y.", "LOC"),
                ("Camden", "LOC"),
                ("N.J.", "LOC"),
                ("Harry Potter", "PER"),
                ("Granger", "PER"),
                ("Ron", "PER"),
            ],
        ),
        (
            "an unknown town before a US state of several words",
            "Shares of the Armonk, New York-based company fell.",
            &[("Armonk", "LOC"), ("New York", "LOC")],
        ),
        (
            "a name before a comma and a country inside a sentence is not a dateline",
            "Troops moved.\nThey met Bruno, France's envoy, on Friday.",
            &[("Bruno", "PER"), ("France", "LOC")],
        ),
    ]);
}

/// Names listed beside a person are persons (lists.rs).
#[test]
fn names_listed_beside_a_person_are_persons() {
    check(&[
        (
            "a scores line of golfers",
            "Leading scores on Thursday:\n65 Tiger Woods , Jeff Maggert",
            &[("Tiger Woods", "PER"), ("Jeff Maggert", "PER")],
        ),
        (
            "names no list holds that look like personal names",
            "The founders were Mukhlis Amer, Emil Habibi and others.",
            &[("Mukhlis Amer", "PER"), ("Emil Habibi", "PER")],
        ),
        (
            "an organisation by its keyword stays one in a list",
            "Awards went to Jeff Maggert and Tiger Holdings.",
            &[("Jeff Maggert", "PER"), ("Tiger Holdings", "ORG")],
        ),
        (
            "one word weakly a person in a list of known companies is one; a clause's \
             subject after an opening phrase is not",
            "It sells chips to Microsoft, Meta and Amazon. According to Reuters, Basya \
             also believes so.",
            &[
                ("Microsoft", "ORG"),
                ("Meta", "ORG"),
                ("Amazon", "ORG"),
                ("Reuters", "ORG"),
                ("Basya", "PER"),
            ],
        ),
    ]);
}

/// Bylines and a wire story's credits are no headlines: their names are people
/// (document.rs).
#[test]
fn bylines_and_credits_name_people() {
    check(&[
        (
            "a wire story's credits",
            "Shares rose.\n(Reporting by Tatiana Ustinova and Oyelaran Adebisi; Writing by Nia Tamba; Editing by Alison Williams)",
            &[
                ("Tatiana Ustinova", "PER"),
                ("Oyelaran Adebisi", "PER"),
                ("Nia Tamba", "PER"),
                ("Alison Williams", "PER"),
            ],
        ),
        (
            "a byline",
            "By Oyelaran Adebisi\nShares rose on Monday.",
            &[("Oyelaran Adebisi", "PER")],
        ),
        (
            "a wire desk's sign-off names its town",
            "Shares rose.\n-- Frankfurt Newsroom +49 69 7565 1236",
            &[("Frankfurt", "LOC")],
        ),
        (
            "a heading that opens with 'By' and a function word",
            "By The Numbers\nThe report said sales rose.",
            &[],
        ),
    ]);
}

/// Names nothing typed, listed beside places of the gazetteer, are places (lists.rs).
#[test]
fn names_listed_beside_places_are_places() {
    check(&[
        (
            "towns the gazetteer lacks, in a list with one it has",
            "Buses serve Tulsa, Sand Springs, Sapulpa and Broken Arrow.",
            &[
                ("Tulsa", "LOC"),
                ("Sand Springs", "LOC"),
                ("Sapulpa", "LOC"),
                ("Broken Arrow", "LOC"),
            ],
        ),
        (
            "a party listed beside a country stays what it is",
            "Negotiators from Israel and Hamas met in Doha.",
            &[("Israel", "LOC"), ("Hamas", "ORG"), ("Doha", "LOC")],
        ),
        (
            "a clause's subject after an opening place is no list",
            "In Paris, Zentrix said sales rose.",
            &[("Paris", "LOC"), ("Zentrix", "ORG")],
        ),
        (
            "an organisation by its keyword, or one nothing typed beside it, stays one",
            "Talks in Geneva, Kestrel Holdings and Zentrix ended.",
            &[
                ("Geneva", "LOC"),
                ("Kestrel Holdings", "ORG"),
                ("Zentrix", "ORG"),
            ],
        ),
    ]);
}
