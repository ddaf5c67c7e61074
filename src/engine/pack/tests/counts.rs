//! Counts a pack carries (a value's own, a pair's) and counts left out over a budget: each equals what the sets give.

use std::collections::BTreeSet;

use super::*;

/// A pack whose every clickable key carries its counts.
fn counted_pack(name: &str) -> (Corpus, PackReader<Counted<FileSource>>) {
    let corpus = corpus_of(&all_files());
    let dir = scratch(name);
    let mut writer = PackWriter::create(&dir).unwrap();
    writer.count_within_keys_of(1);
    writer.add_corpus(&corpus).unwrap();
    writer.finish().unwrap();
    (
        corpus,
        PackReader::open(Counted::new(FileSource { dir })).unwrap(),
    )
}

/// The view's counts equal those counted through the sets of what the state matches.
fn assert_counted_as_through_sets<S: RangeSource>(
    pack: &PackReader<S>,
    state: &ViewState,
    view: &PackView,
    what: &str,
) {
    let matching = pack.matching(state).unwrap();
    let through_sets: Vec<Vec<u64>> = pack.facet_counts(&matching, &BTreeSet::new()).unwrap();
    assert_eq!(view.facet_counts, through_sets, "{what}");
    assert_eq!(
        view.timeline_counts,
        pack.timeline_counts(&matching).unwrap(),
        "{what}"
    );
    assert_eq!(view.matching, matching.len(), "{what}");
}

#[test]
fn one_value_chosen_alone_is_counted_from_its_entry_as_from_the_sets() {
    let (corpus, pack) = counted_pack("counted");
    for entity in corpus.entities().iter().filter(|e| !e.hidden) {
        let state = ViewState {
            include: vec![Value::Entity(entity.id.clone())],
            ..Default::default()
        };
        pack.source().take();
        let view = pack_view(&pack, &state, &BTreeSet::new()).unwrap();
        let (requests, _) = pack.source().take();
        assert_counted_as_through_sets(&pack, &state, &view, &entity.name);
        assert!(requests <= 4, "{}: {requests} requests", entity.name);
    }
}

/// The first-block values a pack pairs, as the view state names them.
fn paired_values<S: RangeSource>(pack: &PackReader<S>) -> Vec<(String, Value)> {
    let head = pack.head();
    let pairs = head.pairs.expect("a pack pairs its first values");
    head.counted[..pairs.values as usize]
        .iter()
        .map(|k| {
            let value = match (key::entity_id(k), k.strip_prefix("c:")) {
                (Some(id), _) => Value::Entity(id.to_string()),
                (None, Some(iso)) => Value::Place(PlaceFilter::Country(
                    crate::engine::recognize::lexicon::lexicon()
                        .country(iso)
                        .unwrap()
                        .country,
                )),
                _ => panic!("{k} is not a facet's value"),
            };
            (k.clone(), value)
        })
        .collect()
}

#[test]
fn two_values_chosen_are_counted_from_their_pair_as_from_the_sets() {
    let (_, pack) = counted_pack("pairs");
    let values = paired_values(&pack);
    assert!(values.len() >= 20, "{} values paired", values.len());
    let mut combinations = 0;
    for (i, (a_key, a)) in values.iter().enumerate() {
        for (b_key, b) in &values[i + 1..] {
            let (a, b) = (a.clone(), b.clone());
            let cases = [
                ("and", vec![a.clone(), b.clone()], vec![], false),
                ("or", vec![a.clone(), b.clone()], vec![], true),
                ("but not", vec![a.clone()], vec![b.clone()], false),
                ("neither", vec![], vec![a.clone(), b.clone()], false),
            ];
            for (name, include, exclude, any_of) in cases {
                let mut state = ViewState {
                    include,
                    exclude,
                    ..Default::default()
                };
                if any_of {
                    state.any_of = [
                        EntityType::Person,
                        EntityType::Organisation,
                        EntityType::Place,
                        EntityType::Nationality,
                    ]
                    .into_iter()
                    .collect();
                }
                let what = format!("{a_key} {name} {b_key}");
                let precounted = view::precounted(&pack, &state, &BTreeSet::new()).unwrap();
                assert!(precounted.is_some(), "{what}: counted from the pair");
                let view = pack_view(&pack, &state, &BTreeSet::new()).unwrap();
                assert_counted_as_through_sets(&pack, &state, &view, &what);
                combinations += 1;
            }
        }
    }
    assert!(combinations > 100, "{combinations}");
    // One value excluded alone: every document's counts less its own.
    let state = ViewState {
        exclude: vec![values[0].1.clone()],
        ..Default::default()
    };
    assert!(view::precounted(&pack, &state, &BTreeSet::new())
        .unwrap()
        .is_some());
    let view = pack_view(&pack, &state, &BTreeSet::new()).unwrap();
    assert_counted_as_through_sets(&pack, &state, &view, "excluded alone");
}

#[test]
fn a_second_click_reads_its_pair_not_every_shown_value() {
    let (_, pack) = counted_pack("second-click");
    // The same pack as written before pairs were: its head without them.
    let dir = pack.source().inner.dir.clone();
    let unpaired = scratch("second-click-unpaired");
    std::fs::create_dir_all(&unpaired).unwrap();
    for file in std::fs::read_dir(&dir).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, unpaired.join(file.file_name().unwrap())).unwrap();
    }
    let mut head: serde_json::Value =
        serde_json::from_slice(&std::fs::read(unpaired.join("head.json")).unwrap()).unwrap();
    head.as_object_mut()
        .unwrap()
        .remove("pairs")
        .expect("the head has pairs");
    std::fs::write(
        unpaired.join("head.json"),
        serde_json::to_vec(&head).unwrap(),
    )
    .unwrap();
    let unpaired = PackReader::open(Counted::new(FileSource { dir: unpaired })).unwrap();
    let values = paired_values(&pack);
    let second_click = |pack: &PackReader<Counted<FileSource>>| {
        let mut state = ViewState {
            include: vec![values[0].1.clone()],
            ..Default::default()
        };
        pack_view(pack, &state, &BTreeSet::new()).unwrap();
        state.include.push(values[1].1.clone());
        pack.source().take();
        let view = pack_view(pack, &state, &BTreeSet::new()).unwrap();
        (view.facet_counts, pack.source().take())
    };
    let (counts, (requests, bytes)) = second_click(&pack);
    let (unpaired_counts, (unpaired_requests, unpaired_bytes)) = second_click(&unpaired);
    assert_eq!(counts, unpaired_counts);
    // The second value's directory page and set, the pair's index entry and its counts,
    // a block of titles: never every facet's block of sets.
    assert!(requests <= 6, "{requests} requests");
    assert!(
        bytes < unpaired_bytes && requests < unpaired_requests,
        "paired: {requests} requests, {bytes} bytes; unpaired: {unpaired_requests}, {unpaired_bytes}"
    );
}

#[test]
fn counts_over_the_budget_are_left_out_until_asked_for() {
    let (_, pack) = counted_pack("count-budget");
    let searched = ViewState {
        search: "minister".into(),
        ..Default::default()
    };
    let none = BTreeSet::new();
    // Nothing fetched yet: counting through the sets would fetch every facet's block.
    let costly = pack.counting_bytes(&none);
    assert!(costly > 0);
    let view = pack_view_within(&pack, &searched, &none, Some(costly - 1)).unwrap();
    assert_eq!(view.uncounted, Some(costly));
    assert!(view.facet_counts.is_empty() && view.timeline_counts.is_empty());
    // What does not need the counts is all there.
    assert_eq!(view.matching, pack.matching(&searched).unwrap().len());
    assert!(view.matching > 0 && !view.listed.is_empty());
    // Within the budget, or asked for, they are counted; once fetched, they cost nothing.
    let within = pack_view_within(&pack, &searched, &none, Some(costly)).unwrap();
    assert_eq!(within.uncounted, None);
    assert_counted_as_through_sets(&pack, &searched, &within, "within the budget");
    assert_eq!(pack.counting_bytes(&none), 0);
    let again = pack_view_within(&pack, &searched, &none, Some(0)).unwrap();
    assert_eq!(again.facet_counts, within.facet_counts);
}

#[test]
fn counts_a_pack_carries_need_no_budget() {
    let (_, pack) = counted_pack("count-budget-carried");
    let values = paired_values(&pack);
    let state = ViewState {
        include: vec![values[0].1.clone(), values[1].1.clone()],
        ..Default::default()
    };
    let view = pack_view_within(&pack, &state, &BTreeSet::new(), Some(0)).unwrap();
    assert_eq!(view.uncounted, None);
    assert_counted_as_through_sets(&pack, &state, &view, "a pair");
}
