//! Named cases for the corpus index: grouping across documents, acronyms, edits, highlights and the worker payload.

use super::*;
use crate::engine::index::grouping::entity_id;

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus::new();
    for (name, text) in files {
        corpus.add_file(name, text.as_bytes(), &AnalysisOptions::default());
    }
    corpus
}

fn entity<'a>(c: &'a Corpus, name: &str) -> &'a Entity {
    c.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                c.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
}

#[test]
fn an_acronym_defined_in_brackets_is_the_organisation_it_abbreviates() {
    let c = corpus(&[
        (
            "a.txt",
            "Rules\n\nThe Northern Grain Board (NGB) fined the firm. The NGB said more would follow.\n",
        ),
        (
            "b.txt",
            "More rules\n\nThe Northern Grain Board (NGB) spoke again on Friday.\n",
        ),
        ("c.txt", "Other news\n\nThe NGB and the ABC met officials.\n"),
    ]);
    let board = entity(&c, "Northern Grain Board");
    assert_eq!(
        board.documents,
        [0, 1, 2],
        "both documents that define it, and the one that uses it bare"
    );
    assert_eq!(board.aliases, ["NGB"]);
    assert_eq!(board.n_mentions, 6);
    assert!(!c.entities.iter().any(|e| e.name == "NGB"));
}

/// Cross-document acronyms, whatever the order the documents come in.
#[test]
fn an_acronym_defined_in_one_document_joins_its_bare_uses_in_others() {
    let defines = (
        "a.txt",
        "Rules\n\nThe Northern Grain Board (NGB) fined Acme Robotics.\n",
    );
    let bare = (
        "b.txt",
        "Other news\n\nThe NGB and Zentrix Labs met officials.\n",
    );
    let redefines = (
        "c.txt",
        "Elsewhere\n\nThe National Gas Bureau (NGB) met Zentrix Labs.\n",
    );
    let later_bare = ("d.txt", "Later\n\nThe NGB spoke on Friday.\n");
    // (name, files, Northern Grain Board's documents, an "NGB" entity's documents)
    type Case<'a> = (
        &'a str,
        Vec<(&'a str, &'a str)>,
        Vec<usize>,
        Option<Vec<usize>>,
    );
    let cases: Vec<Case> = vec![
        ("definition first", vec![defines, bare], vec![0, 1], None),
        (
            "bare use first: merged when defined",
            vec![bare, defines],
            vec![0, 1],
            None,
        ),
        (
            "a conflicting definition: later bare uses stay their own",
            vec![defines, bare, redefines, later_bare],
            vec![0, 1],
            Some(vec![3]),
        ),
    ];
    for (name, files, board_docs, ngb_docs) in cases {
        let c = corpus(&files);
        assert_eq!(
            entity(&c, "Northern Grain Board").documents,
            board_docs,
            "{name}"
        );
        let ngb = c.entities.iter().find(|e| e.name == "NGB");
        assert_eq!(ngb.map(|e| e.documents.clone()), ngb_docs, "{name}");
        // A view or link that named the bare acronym's entity before it merged finds
        // the organisation.
        let bare_id = entity_id("ORG:NGB");
        if name.starts_with("bare use first") {
            let found = c
                .entity_by_id(&bare_id)
                .map(|i| c.entities[i].name.as_str());
            assert_eq!(found, Some("Northern Grain Board"), "{name}");
        }
        // Every mention points at an entity that lists its document, and every
        // entity's documents hold one of its mentions (nothing left dangling).
        for (d, slots) in c.mention_entities.iter().enumerate() {
            for &e in slots {
                assert!(c.entities[e].documents.contains(&d), "{name}: doc {d}");
            }
        }
        for (e, entity) in c.entities.iter().enumerate() {
            assert_eq!(c.id_index[&entity.id], e, "{name}: {}", entity.name);
            for &d in &entity.documents {
                assert!(
                    c.mention_entities[d].contains(&e),
                    "{name}: {}",
                    entity.name
                );
            }
        }
    }
}

#[test]
fn a_reindex_keeps_each_date_once() {
    let mut c = corpus(&[
        (
            "a.txt",
            "Talks\n\nAna Petrova met Ivan Petrov in Oslo on May 3, 2024.\n",
        ),
        ("b.txt", "More\n\nIvan Petrov left Oslo on June 9, 2024.\n"),
    ]);
    let before: Vec<Vec<(i32, i32)>> = (0..2).map(|d| c.day_spans(d).to_vec()).collect();
    let n_before = c.all_day_spans().len();
    let (from, into) = (
        entity(&c, "Ana Petrova").id.clone(),
        entity(&c, "Ivan Petrov").id.clone(),
    );
    c.edit(Edit::Merge {
        from,
        into,
        name: "Petrovs".to_string(),
    })
    .expect("a merge of two persons");
    assert_eq!(c.all_day_spans().len(), n_before);
    let after: Vec<Vec<(i32, i32)>> = (0..2).map(|d| c.day_spans(d).to_vec()).collect();
    assert_eq!(after, before);
}

#[test]
fn an_acronym_joins_the_one_name_of_the_document_with_its_initials() {
    let c = corpus(&[
        (
            "a.txt",
            "Aid\n\nThe United Nations appealed for aid. The UN said food was short.\n",
        ),
        (
            "b.txt",
            "Two boards\n\nThe National Bank Board and the National Budget Bureau met. The NBB said little.\n",
        ),
    ]);
    let un = entity(&c, "United Nations");
    assert_eq!(
        (un.n_mentions, &un.aliases[..]),
        (2, &["UN".to_string()][..])
    );
    let nbb = entity(&c, "NBB");
    assert_eq!(
        nbb.n_mentions, 1,
        "two names have those initials: left alone"
    );
}

#[test]
fn an_organisation_with_and_without_its_legal_form_is_one_entity() {
    let c = corpus(&[
        (
            "a.txt",
            "Results\n\nShares of Acme Robotics, Inc. rose on Monday after the results.\n",
        ),
        (
            "b.txt",
            "Orders\n\nOrders at Acme Robotics grew in May, analysts said.\n",
        ),
        (
            "c.txt",
            "Cars\n\nThe Ford Motor Co. and Ford Motor Company sold more cars.\n",
        ),
    ]);
    let acme = c
        .entities
        .iter()
        .find(|e| e.name.starts_with("Acme Robotics"))
        .expect("Acme Robotics");
    assert_eq!(acme.documents, [0, 1], "{:?}", acme);
    assert!(
        !c.entities.iter().any(|e| e.name == "Inc"),
        "a legal form alone is no entity"
    );
    let ford = c
        .entities
        .iter()
        .filter(|e| e.name.starts_with("Ford Motor"))
        .count();
    assert_eq!(ford, 1, "Co and Company are one form");
}

#[test]
fn a_company_called_by_its_first_word_is_one_entity_with_its_full_name() {
    let c = corpus(&[(
        "deal.txt",
        "Deal\n\nBrennan Foods Inc said it would buy Pickett Dairy Co. Brennan, based in \
         Minneapolis, said Pickett chairman Walter Pickett would join its board. Shares \
         of Pickett jumped.\n",
    )]);
    let brennan = entity(&c, "Brennan Foods Inc");
    assert_eq!(brennan.n_mentions, 2, "{brennan:?}");
    let pickett = entity(&c, "Pickett Dairy Co.");
    assert_eq!(pickett.n_mentions, 3, "{pickett:?}");
    let walter = entity(&c, "Walter Pickett");
    assert_eq!(walter.n_mentions, 1, "the person stays apart: {walter:?}");
}

#[test]
fn well_known_acronyms_join_their_names_across_documents() {
    let c = corpus(&[
        ("a.txt", "Aid\n\nThe UN said food was short on Monday.\n"),
        ("b.txt", "Talks\n\nThe United Nations appealed for calm.\n"),
        ("c.txt", "Fine\n\nThe SEC fined the bank on Friday.\n"),
        (
            "d.txt",
            "Rules\n\nThe U.S. Securities and Exchange Commission wrote new rules.\n",
        ),
        (
            "e.txt",
            "Trade\n\nThe Southern Economic Council (SEC) met. The SEC voted.\n",
        ),
    ]);
    let un = entity(&c, "United Nations");
    assert_eq!(
        (un.n_mentions, un.documents.len()),
        (2, 2),
        "UN and United Nations"
    );
    let sec = entity(&c, "U.S. Securities and Exchange Commission");
    assert_eq!(
        (sec.n_mentions, sec.documents.len()),
        (2, 2),
        "SEC and its full name"
    );
    let conference = entity(&c, "Southern Economic Council");
    assert_eq!(
        (conference.n_mentions, conference.documents.len()),
        (3, 1),
        "an acronym defined in the document means what it defines there"
    );
}

#[test]
fn analysed_files_cross_as_bytes_unchanged() {
    let cases: &[(&str, &[u8])] = &[
        (
            "news",
            include_bytes!("../../../../tests/golden/cases/wire-dateline.txt"),
        ),
        (
            "html",
            b"<title>T</title><p>Ararat Mirzoyan in Almaty on May 10, 2024.</p>",
        ),
        (
            "csv",
            b"title,text\nA,\"Met in Paris, March 2020\"\nB,Oslo\n",
        ),
        ("binary", b"%PDF-1.7\x00\x01\x02"),
        ("empty", b""),
        ("windows-1252", b"Caf\xe9 in Lyon \x96 1999"),
    ];
    for (name, bytes) in cases {
        let file_name = format!(
            "{name}.{}",
            if *name == "csv" {
                "csv"
            } else if *name == "html" {
                "html"
            } else {
                "txt"
            }
        );
        let analysed = AnalysedFile::analyse(&file_name, bytes, &AnalysisOptions::default());
        let back = AnalysedFile::from_bytes(&analysed.to_bytes(), "?");
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(&analysed).unwrap(),
            "{name}"
        );
    }
    let cut =
        AnalysedFile::analyse("a.txt", b"Almaty, 1991.", &AnalysisOptions::default()).to_bytes();
    let broken = AnalysedFile::from_bytes(&cut[..cut.len() / 2], "a.txt");
    assert_eq!(broken.name, "a.txt");
    assert!(matches!(broken.outcome, Err(FileError::Unreadable { .. })));
}

#[test]
fn surname_joins_the_full_name_and_places_join_by_gazetteer() {
    let c = corpus(&[(
        "a.txt",
        "Foreign Minister Jeyhun Bayramov met the press. Bayramov said the U.S. and the United States agree.",
    )]);
    let person = entity(&c, "Jeyhun Bayramov");
    assert_eq!(person.n_mentions, 2);
    assert_eq!(person.roles, ["Foreign Minister"]);
    assert_eq!(person.aliases, ["Bayramov"]);
    let us = entity(&c, "United States");
    assert_eq!(us.n_mentions, 2);
    assert_eq!(us.country, Some("US"));
}

#[test]
fn same_name_across_documents_is_one_entity_and_ids_are_stable() {
    let c = corpus(&[
        ("a.txt", "Ararat Mirzoyan spoke in Almaty."),
        ("b.txt", "Later Ararat Mirzoyan left Almaty."),
    ]);
    let person = entity(&c, "Ararat Mirzoyan");
    assert_eq!(person.documents, [0, 1]);
    let again = corpus(&[("b.txt", "Later Ararat Mirzoyan left Almaty.")]);
    assert_eq!(entity(&again, "Ararat Mirzoyan").id, person.id);
}

#[test]
fn two_full_names_sharing_a_surname_stay_apart() {
    let c = corpus(&[(
        "a.txt",
        "Senator John Smith and Mary Smith disagreed. Smith said no.",
    )]);
    assert_ne!(entity(&c, "John Smith").id, entity(&c, "Mary Smith").id);
    assert_eq!(entity(&c, "John Smith").n_mentions, 1);
}

#[test]
fn highlights_cover_the_text_in_order_without_overlaps() {
    let text = "Foreign Minister Jeyhun Bayramov met the press in Almaty on May 10, 2024.";
    let c = corpus(&[("a.txt", text)]);
    let pieces = c.highlights(0);
    assert_eq!(pieces.first().map(|h| h.start), Some(0));
    assert_eq!(
        pieces.last().map(|h| h.end),
        Some(c.documents[0].text.len())
    );
    assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
    let marked: Vec<&str> = pieces
        .iter()
        .filter(|h| h.mark != Mark::Plain)
        .map(|h| &c.documents[0].text[h.start..h.end])
        .collect();
    assert_eq!(marked, ["Jeyhun Bayramov", "Almaty", "May 10, 2024"]);
    assert!(c.highlights(7).is_empty());
}

#[test]
fn a_confirmed_link_applies_to_every_identical_mention() {
    let mut c = corpus(&[
        ("a.txt", "Georgia held elections on Sunday."),
        ("b.txt", "Rain fell across Georgia overnight."),
    ]);
    let georgia = entity(&c, "Georgia");
    assert_eq!(georgia.country, Some("GE"));
    assert_eq!(georgia.documents, [0, 1]);
    let idx = c.entities.iter().position(|e| e.name == "Georgia").unwrap();
    let choices = c.link_choices(idx);
    let state = choices
        .iter()
        .find(|ch| ch.label == "Georgia (region, United States)")
        .unwrap_or_else(|| panic!("{choices:?}"))
        .place;
    assert_eq!(choices.last().map(|ch| ch.place), Some(None));
    c.relink(idx, state);
    let georgia = entity(&c, "Georgia");
    assert_eq!(
        (georgia.country, georgia.documents.clone()),
        (Some("US"), vec![0, 1])
    );
    // A file loaded later follows the choice too.
    c.add_file(
        "c.txt",
        b"Storms hit Georgia again.",
        &AnalysisOptions::default(),
    );
    assert_eq!(entity(&c, "Georgia").documents, [0, 1, 2]);
    // Unlinking keeps the mentions as an unlinked place.
    let idx = c.entities.iter().position(|e| e.name == "Georgia").unwrap();
    c.relink(idx, None);
    let georgia = entity(&c, "Georgia");
    assert_eq!((georgia.place, georgia.documents.len()), (None, 3));
}

#[test]
fn a_file_analysed_elsewhere_indexes_like_one_analysed_here() {
    let options = AnalysisOptions::default();
    let text = b"Foreign Minister Jeyhun Bayramov met Ararat Mirzoyan in Almaty on May 10, 2024.";
    let direct = corpus(&[("a.txt", std::str::from_utf8(text).unwrap())]);
    // The worker's answer crosses as JSON.
    let json = serde_json::to_string(&AnalysedFile::analyse("a.txt", text, &options)).unwrap();
    let mut via_worker = Corpus::new();
    via_worker.add_analysed(serde_json::from_str(&json).unwrap());
    assert_eq!(via_worker.entities, direct.entities);
    assert_eq!(via_worker.documents[0].dates, direct.documents[0].dates);
    // The same bytes again are a duplicate, however they arrive.
    via_worker.add_analysed(AnalysedFile::analyse("copy.txt", text, &options));
    assert!(via_worker.files[1]
        .message()
        .contains("same content as a.txt"));
}

#[test]
fn bad_files_are_reported_and_the_rest_still_loads() {
    let mut c = Corpus::new();
    let options = AnalysisOptions::default();
    c.add_file("report.pdf", b"%PDF-1.4 binary", &options);
    c.add_file("notes.txt", b"Talks in Almaty went on.", &options);
    c.add_file("copy.txt", b"Talks in Almaty went on.", &options);
    assert_eq!(c.documents.len(), 1);
    assert!(c.files[0]
        .message()
        .contains("report.pdf could not be read: it is not a valid PDF"));
    assert!(c.files[2].message().contains("same content as notes.txt"));
}

#[test]
fn edits_rename_merge_hide_and_undo() {
    let mut c = corpus(&[
        (
            "a.txt",
            "Talks\n\nAnna Petrova met David Miller in Almaty. Petrova spoke.\n",
        ),
        (
            "b.txt",
            "More\n\nA. Petrova and Dave Miller met in Astana.\n",
        ),
    ]);
    let id_of = |c: &Corpus, name: &str| entity(c, name).id.clone();
    let anna = id_of(&c, "Anna Petrova");
    let short = id_of(&c, "A. Petrova");
    let miller = id_of(&c, "David Miller");
    let dave = id_of(&c, "Dave Miller");
    let almaty = id_of(&c, "Almaty");
    let n_entities = c.entities.len();

    // Table: an edit, then what must hold.
    type Check = fn(&Corpus, &str, &str) -> bool;
    let cases: Vec<(&str, Edit, Check)> = vec![
        (
            "rename",
            Edit::Rename {
                id: anna.clone(),
                name: "  Anna  V. Petrova ".into(),
            },
            |c, anna, _| c.entities[c.entity_by_id(anna).unwrap()].name == "Anna V. Petrova",
        ),
        (
            "merge keeps the target's id and name, and joins documents",
            Edit::Merge {
                from: short.clone(),
                into: anna.clone(),
                name: "Anna V. Petrova".into(),
            },
            |c, anna, short| {
                let e = &c.entities[c.entity_by_id(anna).unwrap()];
                c.entity_by_id(short).is_none()
                    && e.name == "Anna V. Petrova"
                    && e.documents == [0, 1]
                    && e.aliases.contains(&"A. Petrova".to_string())
            },
        ),
        (
            "hide",
            Edit::SetHidden {
                id: almaty.clone(),
                hidden: true,
            },
            |c, _, _| c.entities.iter().any(|e| e.name == "Almaty" && e.hidden),
        ),
    ];
    for (name, edit, check) in &cases {
        c.edit(edit.clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(check(&c, &anna, &short), "{name}");
    }
    // Edits survive a re-index (a relink re-indexes everything).
    let astana = c.entities.iter().position(|e| e.name == "Astana").unwrap();
    let place = c.entities[astana].place;
    c.relink(astana, place);
    for (name, _, check) in &cases {
        assert!(check(&c, &anna, &short), "{name}, after a re-index");
    }
    // Refused edits change nothing.
    let refused = [
        (
            Edit::Merge {
                from: almaty.clone(),
                into: miller.clone(),
                name: String::new(),
            },
            EditError::DifferentTypes,
        ),
        (
            Edit::Merge {
                from: miller.clone(),
                into: miller.clone(),
                name: String::new(),
            },
            EditError::SameEntity,
        ),
        (
            Edit::Rename {
                id: "0".into(),
                name: "x".into(),
            },
            EditError::UnknownEntity,
        ),
        (
            Edit::Rename {
                id: dave.clone(),
                name: " ".into(),
            },
            EditError::EmptyName,
        ),
    ];
    for (edit, error) in refused {
        assert_eq!(c.edit(edit), Err(error));
    }
    assert_eq!(c.edits().len(), 3);
    // Undo, last first, back to where it started.
    assert!(matches!(c.undo(), Some(Edit::SetHidden { .. })));
    assert!(!entity(&c, "Almaty").hidden);
    assert!(matches!(c.undo(), Some(Edit::Merge { .. })));
    assert_eq!(c.entities.len(), n_entities);
    assert!(c.entity_by_id(&short).is_some());
    assert!(matches!(c.undo(), Some(Edit::Rename { .. })));
    assert_eq!(
        c.entities[c.entity_by_id(&anna).unwrap()].name,
        "Anna Petrova"
    );
    assert_eq!(c.undo(), None);
}

#[test]
fn a_name_in_capitals_is_one_entity_with_the_name_in_running_text() {
    let c = corpus(&[
        (
            "cover.txt",
            "Annual report\n\nHALDANE INDUSTRIES, INC.\nHaldane Industries, Inc. makes chairs.\n",
        ),
        (
            "filing.txt",
            "Notice\n\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\nForm 10-K of Acme.\n",
        ),
        (
            "news.txt",
            "Probe\n\nThe Securities and Exchange Commission opened a probe on Monday.\n",
        ),
    ]);
    let haldane = entity(&c, "Haldane Industries");
    assert_eq!(
        haldane.n_mentions, 2,
        "capitals and running text, called as in running text"
    );
    let sec = entity(&c, "Securities and Exchange Commission");
    assert_eq!(
        (sec.n_mentions, sec.documents.len()),
        (2, 2),
        "a well-known organisation in capitals"
    );
}

#[test]
fn a_file_read_again_another_way_replaces_what_it_gave() {
    let table = "id,story,notes\n1,Ararat Mirzoyan met Jeyhun Bayramov in Almaty.,an internal note far longer than the story it is attached to\n";
    let mut c = Corpus::new();
    let options = AnalysisOptions::default();
    c.add_file(
        "before.txt",
        b"Note\n\nAnna Petrova spoke in Yerevan.\n",
        &options,
    );
    c.add_file("feed.csv", table.as_bytes(), &options);
    c.add_file(
        "after.txt",
        b"Note\n\nDavid Miller spoke in Baku.\n",
        &options,
    );
    assert!(
        c.entities().iter().all(|e| e.name != "Ararat Mirzoyan"),
        "the notes were read"
    );
    let chosen = AnalysisOptions {
        text_column: Some(1),
        ..options
    };
    let report = c.replace_file(AnalysedFile::analyse("feed.csv", table.as_bytes(), &chosen));
    assert!(
        report.duplicate_of.is_none() && report.warnings.is_empty(),
        "{report:?}"
    );
    let sources: Vec<&str> = c.documents().iter().map(|d| d.source.as_str()).collect();
    assert_eq!(sources, ["before.txt", "after.txt", "feed.csv"]);
    assert_eq!(c.files().len(), 3);
    for name in ["Ararat Mirzoyan", "Anna Petrova", "David Miller"] {
        assert_eq!(entity(&c, name).documents.len(), 1, "{name}");
    }
    assert_eq!(
        c.group_leaders().len(),
        3,
        "near-duplicate groups follow the documents"
    );
}

#[test]
fn a_corpus_without_near_duplicates_indexes_the_same_and_groups_nothing() {
    let options = AnalysisOptions::default();
    let story = "Jeyhun Bayramov and Ararat Mirzoyan met in Almaty on May 10, 2024, \
                 for talks hosted by Murat Nurtleu, the foreign minister of Kazakhstan, \
                 on a peace treaty between Azerbaijan and Armenia after decades of conflict.";
    let edited = story.replace("decades", "years");
    let files = [("a.txt", story.to_string()), ("b.txt", edited)];
    let mut grouped = Corpus::new();
    let mut ungrouped = Corpus::without_near_duplicates();
    for (name, text) in &files {
        grouped.add_analysed(AnalysedFile::analyse(name, text.as_bytes(), &options));
        ungrouped.add_analysed(AnalysedFile::analyse_unsigned(
            name,
            text.as_bytes(),
            &options,
        ));
    }
    assert_eq!(
        grouped.group_leader(1),
        0,
        "the edited copy joins the story"
    );
    assert_eq!(ungrouped.group_leader(1), 1, "no groups without signatures");
    let names = |c: &Corpus| {
        c.entities()
            .iter()
            .map(|e| (e.id.clone(), e.documents.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&grouped), names(&ungrouped));
}
