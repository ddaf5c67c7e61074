//! Named cases for the explorer: filters, counts, search, timeline, fragments.

use super::places::PlaceFilter;
use super::*;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::AnalysisOptions;
use crate::engine::{Corpus, Date, EntityType};

/// Four one-article files: who met whom, where and when (the pack tests read them too).
pub(crate) const FILES: &[(&str, &str)] = &[
        (
            "almaty.txt",
            "Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024. The peace talks went on.\n",
        ),
        (
            "yerevan.txt",
            "Yerevan note\n\nAnna Petrova spoke in Yerevan, Armenia on June 3, 2024 about the border.\n",
        ),
        (
            "baku.txt",
            "Baku note\n\nDavid Miller spoke in Baku, Azerbaijan in March 2023 about peace.\n",
        ),
        (
            "history.txt",
            "A note on history\n\nThe abbey was founded in 1066, historians said. Nobody was named.\n",
        ),
    ];

fn corpus() -> Corpus {
    let mut c = Corpus::new();
    for (name, text) in FILES {
        c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
    }
    c
}

fn id(c: &Corpus, name: &str) -> String {
    let i = c
        .entities()
        .iter()
        .position(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not among {:?}", names(c)));
    c.entities()[i].id.clone()
}

fn names(c: &Corpus) -> Vec<String> {
    c.entities().iter().map(|e| e.name.clone()).collect()
}

fn sources(c: &Corpus, documents: &[usize]) -> Vec<String> {
    let mut s: Vec<String> = documents
        .iter()
        .map(|&d| c.documents()[d].source.trim_end_matches(".txt").to_string())
        .collect();
    s.sort();
    s
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn views_read_a_set_made_before_the_corpus_grew() {
    // While a corpus loads, documents are indexed between refreshes of the views;
    // a view may pair the last evaluation with the grown corpus.
    let mut c = corpus();
    let evaluation = Evaluation::new(&c, &ViewState::default(), None);
    c.add_file(
        "later.txt",
        b"Anna Petrova met David Miller in Almaty on May 3, 2024.",
        &AnalysisOptions::default(),
    );
    let base = evaluation.base_for_facet(EntityType::Person, &ViewState::default());
    let (people, _) = facet_counts(&c, EntityType::Person, &base, |_| false, |_| true, 10);
    let petrova = c.entity_by_id(&id(&c, "Anna Petrova")).unwrap();
    let counted = people.iter().find(|f| f.entity == petrova).unwrap();
    assert_eq!(counted.documents, c.entities()[petrova].documents.len() - 1);
    let before = c.documents().len() - 1;
    assert_eq!(
        in_order(&date_order(&c), &evaluation.matching_set()).len(),
        before
    );
    let t = timeline(&c, &evaluation.base_for_timeline(), timeline_axis(&c));
    assert!(t.bins.iter().map(|b| b.precise + b.vague).sum::<usize>() > 0);
    let _ = crate::engine::explore::places::place_tree_within(&c, Some(&base));
}

#[test]
fn filters_combine_as_the_state_says() {
    let c = corpus();
    let petrova = Value::Entity(id(&c, "Anna Petrova"));
    let miller = Value::Entity(id(&c, "David Miller"));
    let kazakhstan = Value::Place(PlaceFilter::Country("KZ"));
    let state = |include: Vec<Value>, any_of: &[EntityType], exclude: Vec<Value>| ViewState {
        include,
        any_of: any_of.iter().copied().collect(),
        exclude,
        ..ViewState::default()
    };
    let cases: Vec<(&str, ViewState, Vec<&str>)> = vec![
        (
            "nothing chosen keeps all",
            ViewState::default(),
            vec!["almaty", "baku", "history", "yerevan"],
        ),
        (
            "one person",
            state(vec![petrova.clone()], &[], vec![]),
            vec!["almaty", "yerevan"],
        ),
        (
            "two people, all of",
            state(vec![petrova.clone(), miller.clone()], &[], vec![]),
            vec!["almaty"],
        ),
        (
            "two people, any of",
            state(
                vec![petrova.clone(), miller.clone()],
                &[EntityType::Person],
                vec![],
            ),
            vec!["almaty", "baku", "yerevan"],
        ),
        (
            "a person and a country",
            state(vec![miller.clone(), kazakhstan.clone()], &[], vec![]),
            vec!["almaty"],
        ),
        (
            "a person but not a country",
            state(vec![miller.clone()], &[], vec![kazakhstan.clone()]),
            vec!["baku"],
        ),
        (
            "exclusion alone",
            state(vec![], &[], vec![petrova.clone()]),
            vec!["baku", "history"],
        ),
        (
            "a date range",
            ViewState {
                range: Some((day("2024-05-01"), day("2024-06-30"))),
                ..ViewState::default()
            },
            vec!["almaty", "yerevan"],
        ),
        (
            "a range overlapping a month-long mention",
            ViewState {
                range: Some((day("2023-03-31"), day("2023-04-02"))),
                ..ViewState::default()
            },
            vec!["baku"],
        ),
        (
            "search, two words",
            ViewState {
                search: "peace spoke".into(),
                ..ViewState::default()
            },
            vec!["baku"],
        ),
        (
            "search is case-insensitive",
            ViewState {
                search: "PEACE".into(),
                ..ViewState::default()
            },
            vec!["almaty", "baku"],
        ),
        (
            "search matches word starts",
            ViewState {
                search: "bord".into(),
                ..ViewState::default()
            },
            vec!["yerevan"],
        ),
        (
            "not inside a word",
            ViewState {
                search: "order".into(),
                ..ViewState::default()
            },
            vec![],
        ),
        (
            "a quoted phrase",
            ViewState {
                search: "\"peace talks\"".into(),
                ..ViewState::default()
            },
            vec!["almaty"],
        ),
        (
            "search and a facet",
            ViewState {
                search: "peace".into(),
                include: vec![petrova.clone()],
                ..ViewState::default()
            },
            vec!["almaty"],
        ),
    ];
    for (name, state, expected) in cases {
        let evaluation = Evaluation::new(&c, &state, None);
        assert_eq!(sources(&c, &evaluation.matching), expected, "{name}");
    }
}

#[test]
fn facet_counts_reflect_the_other_filters() {
    let c = corpus();
    let petrova = id(&c, "Anna Petrova");
    let miller = c.entity_by_id(&id(&c, "David Miller")).unwrap();
    let count = |state: &ViewState, entity: usize| {
        let e = Evaluation::new(&c, state, None);
        facet_counts(
            &c,
            EntityType::Person,
            &e.base_for_facet(EntityType::Person, state),
            |_| false,
            |_| true,
            usize::MAX,
        )
        .0
        .into_iter()
        .find(|f| f.entity == entity)
        .map_or(0, |f| f.documents)
    };
    let mut state = ViewState::default();
    assert_eq!(count(&state, miller), 2, "no filter: all its documents");
    state.toggle_include(Value::Entity(petrova.clone()));
    assert_eq!(
        count(&state, miller),
        1,
        "with Mirzoyan (AND): the documents they share"
    );
    state.toggle_any_of(EntityType::Person);
    assert_eq!(
        count(&state, miller),
        2,
        "OR within people: what adding him gives"
    );
    state.toggle_exclude(Value::Place(PlaceFilter::Country("AZ")));
    assert_eq!(
        count(&state, miller),
        1,
        "other facets still narrow an OR facet"
    );
}

#[test]
fn a_facet_top_is_the_head_of_the_full_order() {
    let c = dated_corpus();
    let mut c2 = corpus();
    for (name, text) in FILES {
        c2.add_file(
            &format!("again-{name}"),
            format!("{text} Again.").as_bytes(),
            &AnalysisOptions::default(),
        );
    }
    for (name, corpus) in [("dated", &c), ("people", &c2)] {
        for facet in [EntityType::Person, EntityType::Place] {
            let all = DocSet::all(corpus.documents().len());
            let (full, n) = facet_counts(corpus, facet, &all, |_| false, |_| true, usize::MAX);
            for limit in 0..=full.len() {
                let (top, n_top) = facet_counts(corpus, facet, &all, |_| false, |_| true, limit);
                assert_eq!(
                    (&top[..], n_top),
                    (&full[..limit], n),
                    "{name} {facet:?} top {limit}"
                );
            }
            // A value in use stays, after the top.
            if let Some(last) = full.last() {
                let (top, _) = facet_counts(corpus, facet, &all, |i| i == last.entity, |_| true, 1);
                assert_eq!(top.last(), Some(last), "{name} {facet:?}: the kept value");
            }
        }
    }
}

#[test]
fn toggling_moves_a_value_between_include_and_exclude() {
    let v = Value::Place(PlaceFilter::Country("KZ"));
    let mut s = ViewState::default();
    s.toggle_include(v.clone());
    assert_eq!((s.include.len(), s.exclude.len()), (1, 0));
    s.toggle_exclude(v.clone());
    assert_eq!((s.include.len(), s.exclude.len()), (0, 1));
    s.toggle_exclude(v.clone());
    assert!(!s.is_filtered());
    s.search = "x".into();
    s.open = Some(DocRef {
        source: "a".into(),
        part: 0,
    });
    s.clear_filters();
    assert!(!s.is_filtered());
    assert!(s.open.is_some(), "clearing filters keeps the open document");
}

#[test]
fn keyword_in_context_shows_each_hit_with_its_neighbourhood() {
    let c = corpus();
    // (name, query, expected (left, hit, right) lines)
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            "one word",
            "peace",
            vec![
                (
                    "met David Miller in Almaty, Kazakhstan on May 10, 2024. The",
                    "peace",
                    "talks went on.",
                ),
                (
                    "David Miller spoke in Baku, Azerbaijan in March 2023 about",
                    "peace",
                    ".",
                ),
            ],
        ),
        (
            "case kept as written",
            "ALMATY",
            vec![
                (
                    "Talks in",
                    "Almaty",
                    "Foreign Minister Anna Petrova met David Miller in Almaty,",
                ),
                (
                    "Almaty Foreign Minister Anna Petrova met David Miller in",
                    "Almaty",
                    ", Kazakhstan on May 10, 2024. The peace talks went on.",
                ),
            ],
        ),
    ];
    for (name, query, expected) in cases {
        let hits = SearchHits::new(&c, query);
        let documents: Vec<usize> = (0..c.documents().len())
            .filter(|&d| hits.documents.contains(d))
            .collect();
        let lines = keyword_in_context(&c, query, &documents, 5, 10, 60);
        let got: Vec<(&str, &str, &str)> = lines
            .iter()
            .map(|l| (l.left.as_str(), l.hit.as_str(), l.right.as_str()))
            .collect();
        assert_eq!(got, expected, "{name}");
        for l in &lines {
            assert_eq!(
                &c.documents()[l.document].text[l.start..l.end],
                l.hit,
                "{name}: offsets"
            );
        }
    }
    assert_eq!(
        search_terms("  Peace \"the  Talks\" peace "),
        ["peace", "the talks", "peace"]
    );
    assert_eq!(
        search_terms("peace peace"),
        ["peace"],
        "repeats next to each other fold"
    );
}

#[test]
fn appears_with_lists_who_shares_most_documents() {
    let c = corpus();
    let petrova = c.entity_by_id(&id(&c, "Anna Petrova")).unwrap();
    let top: Vec<(String, usize)> = appears_with(&c, petrova, 20)
        .into_iter()
        .map(|co| (c.entities()[co.entity].name.clone(), co.shared_documents))
        .collect();
    assert!(top.contains(&("David Miller".to_string(), 1)), "{top:?}");
    assert!(top.contains(&("Yerevan".to_string(), 1)), "{top:?}");
    assert!(!top.iter().any(|(n, _)| n == "Baku"), "{top:?}");
    assert!(!top.iter().any(|(n, _)| n == "Anna Petrova"), "not itself");
}

fn dated_corpus() -> Corpus {
    let mut c = Corpus::new();
    let months = ["January", "March", "June", "September", "November"];
    for (k, year) in (2020..=2024).enumerate() {
        for (m, month) in months.iter().enumerate() {
            let text = format!(
                "Report {k}-{m}\n\nThe meeting was held on {month} {}, {year}.\n",
                m + 3
            );
            c.add_file(
                &format!("r{k}{m}.txt"),
                text.as_bytes(),
                &AnalysisOptions::default(),
            );
        }
    }
    for (name, text) in [
        (
            "old.txt",
            "Old\n\nThe abbey was founded on October 14, 1066, they said.\n",
        ),
        (
            "far.txt",
            "Far\n\nA capsule is to be opened on January 1, 2999, they said.\n",
        ),
        (
            "vague.txt",
            "Vague\n\nThe plan was written in 2022 and never used.\n",
        ),
        ("none.txt", "Nothing\n\nNo date at all here.\n"),
    ] {
        c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
    }
    c
}

#[test]
fn the_timeline_keeps_outliers_apart_and_drills_down() {
    let c = dated_corpus();
    let all = DocSet::all(c.documents().len());
    let t = timeline(&c, &all, timeline_axis(&c));
    assert_eq!(t.granularity, Granularity::Year);
    let labels: Vec<String> = t.bins.iter().map(|b| bin_label(b, t.granularity)).collect();
    assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024"]);
    assert_eq!(
        (t.before, t.after, t.undated),
        (1, 1, 1),
        "1066 and 2999 are outside; one document has no date"
    );
    assert_eq!(
        (t.earliest, t.latest),
        (Some(day("1066-10-14")), Some(day("2999-01-01")))
    );
    assert_eq!(
        t.bins[2].precise, 6,
        "five reports and the year-only plan fit the year 2022"
    );

    let year = (day("2022-01-01"), day("2022-12-31"));
    let t = timeline(&c, &all, Some(year));
    assert_eq!(t.granularity, Granularity::Month);
    assert_eq!(t.bins.len(), 12);
    let counts: Vec<(usize, usize)> = t.bins.iter().map(|b| (b.precise, b.vague)).collect();
    assert_eq!(
        counts[0],
        (1, 1),
        "January: one report, and the plan dated only to the year"
    );
    assert_eq!(counts[1], (0, 1), "February: only the year-long mention");
    assert_eq!(
        t.before, 11,
        "the reports of 2020, 2021 and the abbey lie before"
    );

    let month = (day("2022-06-01"), day("2022-06-30"));
    let t = timeline(&c, &all, Some(month));
    assert_eq!(t.granularity, Granularity::Day);
    assert_eq!(t.bins.len(), 30);
    assert_eq!(t.bins[4].precise, 1, "June 5");

    let none = DocSet::none(c.documents().len());
    let t = timeline(&c, &none, timeline_axis(&c));
    assert_eq!(t.bins.len(), 5, "the axis stays");
    assert!(t.bins.iter().all(|b| b.precise + b.vague == 0));
    assert_eq!((t.before, t.after, t.undated), (0, 0, 0));

    let t = timeline(
        &Corpus::new(),
        &DocSet::default(),
        timeline_axis(&Corpus::new()),
    );
    assert!(t.bins.is_empty() && t.undated == 0);
}

#[test]
fn a_filtered_timeline_keeps_the_corpus_axis() {
    let c = dated_corpus();
    // Only the documents dated in 2022 (the plan and the reports of that year).
    let in_2022: DocSet = (0..c.documents().len())
        .map(|d| {
            c.documents()[d]
                .dates
                .iter()
                .any(|m| m.interval.is_some_and(|(a, _)| a.year() == 2022))
        })
        .collect();
    let t = timeline(&c, &in_2022, timeline_axis(&c));
    let labels: Vec<String> = t.bins.iter().map(|b| bin_label(b, t.granularity)).collect();
    assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024"]);
    let counts: Vec<usize> = t.bins.iter().map(|b| b.precise + b.vague).collect();
    assert_eq!(counts, [0, 0, 6, 0, 0]);
    assert_eq!((t.before, t.after, t.undated), (0, 0, 0));
}

#[test]
fn granularity_follows_the_span() {
    let cases = [
        ("a week", 7, Granularity::Day),
        ("two months", 61, Granularity::Day),
        ("a season", 92, Granularity::Month),
        ("two years", 730, Granularity::Month),
        ("a decade", 3653, Granularity::Year),
    ];
    for (name, days, expected) in cases {
        assert_eq!(granularity_for(days), expected, "{name}");
    }
}

#[test]
fn the_view_state_round_trips_through_the_url_fragment() {
    let cases: Vec<(&str, ViewState)> = vec![
        ("empty", ViewState::default()),
        (
            "everything",
            ViewState {
                include: vec![
                    Value::Entity("00ab12cd34ef".into()),
                    Value::Place(PlaceFilter::Country("KZ")),
                ],
                any_of: [EntityType::Person, EntityType::Place]
                    .into_iter()
                    .collect(),
                exclude: vec![Value::Entity("0000000000ff".into())],
                range: Some((day("2024-05-01"), day("2024-05-31"))),
                search: "peace & \"talks\" #1 – Алматы".into(),
                open: Some(DocRef {
                    source: "my file & co.txt".into(),
                    part: 2,
                }),
                zoom: vec![
                    (day("2024-01-01"), day("2024-12-31")),
                    (day("2024-05-01"), day("2024-06-30")),
                ],
                once: true,
                network: true,
            },
        ),
    ];
    for (name, state) in cases {
        let fragment = to_fragment(&state);
        assert!(
            !fragment.contains(' ') && !fragment.contains('"') && !fragment.contains('#'),
            "{name}: {fragment}"
        );
        assert_eq!(
            from_fragment(&format!("#{fragment}")),
            state,
            "{name}: {fragment}"
        );
    }
    let region = lexicon()
        .places_named("Almaty")
        .iter()
        .map(|&p| lexicon().place(p))
        .find(|p| p.kind == PlaceKind::Region);
    if let Some(r) = region {
        let state = ViewState {
            include: vec![Value::Place(PlaceFilter::Region(r.country, r.admin1))],
            ..ViewState::default()
        };
        assert_eq!(from_fragment(&to_fragment(&state)), state, "a region");
    }
}

#[test]
fn a_malformed_fragment_gives_what_it_can() {
    let cases: Vec<(&str, &str, ViewState)> = vec![
        ("garbage", "#%%%&&==&x", ViewState::default()),
        (
            "unknown country dropped",
            "in=c.ZZ,c.KZ",
            ViewState {
                include: vec![Value::Place(PlaceFilter::Country("KZ"))],
                ..ViewState::default()
            },
        ),
        ("bad id dropped", "in=e.not-hex,e.", ViewState::default()),
        (
            "half a range ignored",
            "from=2024-01-01",
            ViewState::default(),
        ),
        (
            "a zoom level outside the one before ends the zoom",
            "zoom=2024-01-01~2024-12-31,2024-06-30~2024-05-01,2023-01-01~2024-03-01,2024-05-02~2024-05-03",
            ViewState {
                zoom: vec![
                    (day("2024-01-01"), day("2024-12-31")),
                    (day("2024-05-01"), day("2024-06-30")),
                ],
                ..ViewState::default()
            },
        ),
        (
            "a malformed zoom level ends the zoom",
            "zoom=2024-01-01~2024-12-31,2024-02-30~2024-03-01",
            ViewState {
                zoom: vec![(day("2024-01-01"), day("2024-12-31"))],
                ..ViewState::default()
            },
        ),
        (
            "reversed range put in order",
            "from=2024-02-01&to=2024-01-01",
            ViewState {
                range: Some((day("2024-01-01"), day("2024-02-01"))),
                ..ViewState::default()
            },
        ),
        (
            "impossible day ignored",
            "from=2024-02-30&to=2024-03-01",
            ViewState::default(),
        ),
        (
            "unknown facet ignored",
            "any=XYZ,ORG",
            ViewState {
                any_of: [EntityType::Organisation].into_iter().collect(),
                ..ViewState::default()
            },
        ),
    ];
    for (name, fragment, expected) in cases {
        assert_eq!(from_fragment(fragment), expected, "{name}");
    }
}

#[test]
fn the_display_order_is_by_document_date_then_position_undated_last() {
    let c = dated_corpus();
    let date_of = |d: usize| c.documents()[d].date.map(|dd| dd.date);
    let order = date_order(&c);
    assert_eq!(order.len(), c.documents().len());
    let n_dated = order.iter().filter(|&&d| date_of(d).is_some()).count();
    assert!(
        n_dated > 1 && n_dated < order.len(),
        "dated and undated documents"
    );
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let key = |d: usize| (date_of(d).is_none(), date_of(d), d);
        assert!(
            key(a) < key(b),
            "{a} before {b}: {:?} {:?}",
            date_of(a),
            date_of(b)
        );
    }
}
