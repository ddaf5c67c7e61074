//! Packs read back: every set, count and document a pack gives equals what the corpus it was written from gives.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use roaring::RoaringBitmap;

use super::format::{key, MAX_FILE_BYTES};
use super::*;
use crate::engine::explore::evaluation::Evaluation;
use crate::engine::explore::places::{filter_documents, place_tree, PlaceFilter};
use crate::engine::explore::state::{Value, ViewState};
use crate::engine::explore::tests::FILES;
use crate::engine::tooling::synthetic::news_text;
use crate::engine::{AnalysisOptions, Corpus, Date, EntityType};

/// A folder of its own under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/pack-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn corpus_of(files: &[(&str, String)]) -> Corpus {
    let mut corpus = Corpus::new();
    for (name, text) in files {
        corpus.add_file(name, text.as_bytes(), &AnalysisOptions::default());
    }
    corpus
}

fn all_files() -> Vec<(&'static str, String)> {
    let mut files: Vec<(&str, String)> = FILES.iter().map(|(n, t)| (*n, t.to_string())).collect();
    files.push(("wire.txt", news_text(30_000)));
    files
}

fn pack_of(corpus: &Corpus, dir: &Path, max_file_bytes: u64) -> PackSummary {
    let mut writer = PackWriter::with_file_limit(dir, max_file_bytes).unwrap();
    writer.add_corpus(corpus).unwrap();
    writer.finish().unwrap()
}

fn open(dir: &Path) -> PackReader<FileSource> {
    PackReader::open(FileSource {
        dir: dir.to_path_buf(),
    })
    .unwrap()
}

/// Every facet of a pack, to count all its top values.
fn every_facet<S: RangeSource>(pack: &PackReader<S>) -> BTreeSet<usize> {
    (0..pack.n_facets()).collect()
}

fn bitmap(documents: &[usize]) -> RoaringBitmap {
    documents.iter().map(|&d| d as u32).collect()
}

fn entity_id(corpus: &Corpus, name: &str) -> String {
    corpus
        .entities()
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
        .id
        .clone()
}

#[test]
fn every_key_gives_the_documents_the_corpus_gives() {
    let corpus = corpus_of(&all_files());
    assert!(
        corpus.documents().len() > 10,
        "the wire copy splits into articles"
    );
    let dir = scratch("every_key");
    let summary = pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    assert_eq!(summary.documents as usize, corpus.documents().len());
    for entity in corpus.entities() {
        let set = pack.key_set(&key::entity(&entity.id)).unwrap();
        assert_eq!(set, bitmap(&entity.documents), "{}", entity.name);
    }
    for country in place_tree(&corpus).countries {
        let filter = PlaceFilter::Country(country.iso);
        let set = pack.key_set(&key::country(country.iso)).unwrap();
        assert_eq!(
            set,
            bitmap(&filter_documents(&corpus, &filter)),
            "{}",
            country.iso
        );
        for region in country.regions {
            let filter = PlaceFilter::Region(country.iso, region.admin1);
            let set = pack
                .key_set(&key::region(country.iso, region.admin1))
                .unwrap();
            assert_eq!(
                set,
                bitmap(&filter_documents(&corpus, &filter)),
                "{}",
                region.name
            );
        }
    }
    assert!(pack.key_set("e:no-such-id").unwrap().is_empty());
}

#[test]
fn head_counts_equal_the_corpus() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("head_counts");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    let head = pack.head();
    assert_eq!(head.documents as usize, corpus.documents().len());
    assert_eq!(head.files as usize, corpus.files().len());
    let people = head
        .facets
        .iter()
        .find(|f| f.kind == EntityType::Person)
        .unwrap();
    let petrova = people
        .top
        .iter()
        .find(|v| v.label == "Anna Petrova")
        .expect("a top person");
    assert_eq!(petrova.documents, 2);
    let counts = pack.facet_counts(&pack.all(), &every_facet(&pack)).unwrap();
    for (facet, counts) in head.facets.iter().zip(&counts) {
        for (value, &count) in facet.top.iter().zip(counts) {
            assert_eq!(value.documents as u64, count, "{}", value.label);
        }
    }
    let year_2024 = head
        .timeline
        .years
        .iter()
        .find(|v| v.key == "t:2024")
        .unwrap();
    let dated_2024 = (0..corpus.documents().len())
        .filter(|&d| {
            corpus.day_spans(d).iter().any(|&(a, b)| {
                a <= crate::engine::index::days::day_number(jiff::civil::date(2024, 12, 31))
                    && b >= crate::engine::index::days::day_number(jiff::civil::date(2024, 1, 1))
            })
        })
        .count();
    assert_eq!(year_2024.documents as usize, dated_2024);
    let undated = (0..corpus.documents().len())
        .filter(|&d| corpus.day_spans(d).is_empty())
        .count();
    assert_eq!(head.timeline.undated as usize, undated);
}

#[test]
fn day_counts_count_each_document_once_a_day() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("day_counts");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let days = open(&dir).head().timeline.days.clone();
    for (i, &count) in days.counts.iter().enumerate() {
        let day = days.first_day + i as i32;
        let expected = (0..corpus.documents().len())
            .filter(|&d| {
                corpus
                    .day_spans(d)
                    .iter()
                    .any(|&(a, b)| a <= day && day <= b)
            })
            .count();
        assert_eq!(count as usize, expected, "day {day}");
    }
}

type StateCase = (&'static str, fn(&Corpus) -> ViewState);

#[test]
fn a_view_state_matches_what_it_matches_in_the_corpus() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("view_states");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    let cases: &[StateCase] = &[
        ("nothing chosen", |_| ViewState::default()),
        ("one person", |c| ViewState {
            include: vec![Value::Entity(entity_id(c, "Anna Petrova"))],
            ..Default::default()
        }),
        ("two people, both", |c| ViewState {
            include: vec![
                Value::Entity(entity_id(c, "Anna Petrova")),
                Value::Entity(entity_id(c, "David Miller")),
            ],
            ..Default::default()
        }),
        ("two people, either", |c| ViewState {
            include: vec![
                Value::Entity(entity_id(c, "Anna Petrova")),
                Value::Entity(entity_id(c, "David Miller")),
            ],
            any_of: [EntityType::Person].into(),
            ..Default::default()
        }),
        ("a person left out", |c| ViewState {
            exclude: vec![Value::Entity(entity_id(c, "David Miller"))],
            ..Default::default()
        }),
        ("a country", |_| ViewState {
            include: vec![Value::Place(PlaceFilter::Country("KZ"))],
            ..Default::default()
        }),
        ("a word", |_| ViewState {
            search: "peace".into(),
            ..Default::default()
        }),
        ("a word's start, in capitals", |_| ViewState {
            search: "HISTOR".into(),
            ..Default::default()
        }),
        ("two words and a person", |c| ViewState {
            include: vec![Value::Entity(entity_id(c, "Anna Petrova"))],
            search: "spoke border".into(),
            ..Default::default()
        }),
        ("whole months", |_| ViewState {
            range: Some((Date::constant(2024, 5, 1), Date::constant(2024, 6, 30))),
            ..Default::default()
        }),
        ("an unknown entity", |_| ViewState {
            include: vec![Value::Entity("000000000000".into())],
            ..Default::default()
        }),
    ];
    for (name, state) in cases {
        let state = state(&corpus);
        let expected = Evaluation::new(&corpus, &state, None).matching;
        let found: Vec<usize> = pack
            .matching(&state)
            .unwrap()
            .iter()
            .map(|d| d as usize)
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn documents_come_back_whole() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("documents");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    for (d, document) in corpus.documents().iter().enumerate() {
        let record = pack.document(d as u32).unwrap();
        assert_eq!(record.document.text, document.text);
        assert_eq!(record.document.title, document.title);
        assert_eq!(record.document.source, document.source);
        assert_eq!(record.document.entities, document.entities);
        let ids: Vec<Option<&str>> = record
            .mention_entities
            .iter()
            .map(|slot| slot.map(|s| record.entity_ids[s as usize].as_str()))
            .collect();
        let expected: Vec<Option<&str>> = corpus
            .mention_entities(d)
            .iter()
            .map(|&e| Some(corpus.entities()[e].id.as_str()))
            .collect();
        assert_eq!(ids, expected);
    }
    let past_the_end = corpus.documents().len() as u32;
    assert!(matches!(
        pack.document(past_the_end),
        Err(PackError::Damaged(_))
    ));
}

#[test]
fn no_file_exceeds_the_limit_and_small_files_read_the_same() {
    let corpus = corpus_of(&all_files());
    let (small, large) = (scratch("small_files"), scratch("large_files"));
    let limit = 4096;
    let summary = pack_of(&corpus, &small, limit);
    pack_of(&corpus, &large, MAX_FILE_BYTES);
    assert!(summary.files > 4, "the limit cut the pack into many files");
    for file in std::fs::read_dir(&small).unwrap() {
        let file = file.unwrap();
        if file.file_name() != "head.json" {
            assert!(
                file.metadata().unwrap().len() <= limit,
                "{:?}",
                file.file_name()
            );
        }
    }
    let (small, large) = (open(&small), open(&large));
    let state = ViewState {
        search: "talks".into(),
        ..Default::default()
    };
    assert_eq!(
        small.matching(&state).unwrap(),
        large.matching(&state).unwrap()
    );
    assert_eq!(
        small
            .facet_counts(&small.all(), &every_facet(&small))
            .unwrap(),
        large
            .facet_counts(&large.all(), &every_facet(&large))
            .unwrap()
    );
}

#[test]
fn a_document_larger_than_a_file_is_cut_to_fit() {
    // Words that do not repeat, so that compression cannot shrink them below the limit.
    let text: String = (0..4000).map(|i| format!("w{:x} ", i * 7919)).collect();
    let corpus = corpus_of(&[("long.txt", format!("Long\n\n{text}"))]);
    let dir = scratch("cut");
    let summary = pack_of(&corpus, &dir, 8192);
    assert_eq!(summary.cut_documents, 1);
    let record = open(&dir).document(0).unwrap();
    assert!(record.document.text.len() < corpus.documents()[0].text.len());
    assert!(corpus.documents()[0]
        .text
        .starts_with(&record.document.text));
}

#[test]
fn merged_slices_equal_one_pack_of_the_slices() {
    let files = all_files();
    let (first, second) = files.split_at(3);
    let (first, second) = (corpus_of(first), corpus_of(second));
    let (a, b, merged, whole) = (
        scratch("slice_a"),
        scratch("slice_b"),
        scratch("merged"),
        scratch("whole"),
    );
    pack_of(&first, &a, MAX_FILE_BYTES);
    pack_of(&second, &b, MAX_FILE_BYTES);
    let mut writer = PackWriter::create(&merged).unwrap();
    writer.add_pack(&open(&a)).unwrap();
    writer.add_pack(&open(&b)).unwrap();
    writer.finish().unwrap();
    let mut writer = PackWriter::create(&whole).unwrap();
    writer.add_corpus(&first).unwrap();
    writer.add_corpus(&second).unwrap();
    writer.finish().unwrap();
    let (merged, whole) = (open(&merged), open(&whole));
    let strip = |h: &Head| {
        let mut h = h.clone();
        h.pieces.clear();
        h.directory.clear();
        h
    };
    // Where pieces lie differs (records are copied, not rewritten); what they hold does not.
    let (mh, wh) = (strip(merged.head()), strip(whole.head()));
    assert_eq!(mh.documents, wh.documents);
    assert_eq!(mh.timeline.days, wh.timeline.days);
    assert_eq!(mh.timeline.undated, wh.timeline.undated);
    for (m, w) in mh.facets.iter().zip(&wh.facets) {
        let labels = |f: &format::Facet| -> Vec<(String, String, u32)> {
            f.top
                .iter()
                .map(|v| (v.key.clone(), v.label.clone(), v.documents))
                .collect()
        };
        assert_eq!(labels(m), labels(w), "{:?}", m.kind);
    }
    for page in 0..whole.head().directory.len() {
        for entry in whole.directory_page(page).unwrap().iter() {
            let found = merged
                .entry(&entry.key)
                .unwrap()
                .expect("the key is merged");
            assert_eq!(
                (&found.label, found.kind),
                (&entry.label, entry.kind),
                "{}",
                entry.key
            );
            assert_eq!(
                merged.entry_set(&found).unwrap(),
                whole.entry_set(entry).unwrap()
            );
        }
    }
    for n in 0..whole.head().documents {
        assert_eq!(
            merged.document(n).unwrap().document.text,
            whole.document(n).unwrap().document.text
        );
    }
}

#[test]
fn damaged_packs_are_reported_not_read() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("damaged");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let head = std::fs::read_to_string(dir.join("head.json")).unwrap();
    std::fs::write(
        dir.join("head.json"),
        head.replace(format::FORMAT, "dossier-pack/0"),
    )
    .unwrap();
    let refused = PackReader::open(FileSource { dir: dir.clone() });
    assert!(matches!(refused, Err(PackError::Damaged(_))));
    std::fs::write(dir.join("head.json"), &head).unwrap();
    let directory = open(&dir)
        .head()
        .pieces
        .iter()
        .find(|p| p.starts_with("directory"))
        .cloned();
    std::fs::write(dir.join(directory.unwrap()), b"not a directory").unwrap();
    let pack = open(&dir);
    assert!(pack.entry("w:peace").is_err());
    let missing = PackReader::open(FileSource {
        dir: dir.join("nowhere"),
    });
    assert!(matches!(missing, Err(PackError::Fetch(_))));
}

#[test]
fn a_facet_click_reads_one_block_per_facet_then_nothing() {
    // (and the second block of each too, when every value is counted)
    let corpus = corpus_of(&all_files());
    let dir = scratch("requests");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let source = Counted::new(FileSource { dir: dir.clone() });
    let pack = PackReader::open(source).unwrap();
    pack.source().take();
    let state = ViewState {
        include: vec![Value::Entity(entity_id(&corpus, "Anna Petrova"))],
        ..Default::default()
    };
    let matching = pack.matching(&state).unwrap();
    let first_values = pack.facet_counts(&matching, &BTreeSet::new()).unwrap();
    assert!(first_values
        .iter()
        .all(|c| c.len() <= format::FIRST_BLOCK_VALUES));
    let (requests, _) = pack.source().take();
    assert!(
        requests <= pack.n_facets() as u64 + 1,
        "{requests} requests for the first blocks"
    );
    pack.facet_counts(&matching, &every_facet(&pack)).unwrap();
    let (more, _) = pack.source().take();
    let requests = requests + more;
    let blocks = 2 * pack.n_facets() as u64;
    assert!(requests <= blocks + 1, "{requests} requests");
    pack.facet_counts(&matching, &every_facet(&pack)).unwrap();
    assert_eq!(
        pack.source().take().0,
        0,
        "counted again from what was fetched"
    );
}

#[test]
fn titles_and_permalinks_find_their_documents() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("titles");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    let n = corpus.documents().len() as u32;
    let titles = pack.titles(0..n, usize::MAX).unwrap();
    assert_eq!(titles.len(), corpus.documents().len());
    for ((d, title), document) in titles.iter().zip(corpus.documents()) {
        assert_eq!(title.title, document.title);
        assert_eq!(
            (title.source.as_str(), title.part as usize),
            (document.source.as_str(), document.part)
        );
        assert_eq!(
            pack.find(&title.source, title.part as usize).unwrap(),
            Some(*d)
        );
    }
    assert_eq!(pack.find("wire.txt", 100_000).unwrap(), None);
    assert_eq!(pack.find("no-such-file.txt", 0).unwrap(), None);
    assert_eq!(pack.titles(0..n, 0).unwrap(), Vec::new(), "no block read");
}

#[test]
fn a_prefetched_source_asks_for_each_piece_then_reads_like_files() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("prefetched");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let files = FileSource { dir: dir.clone() };
    // What a page does: run the read, fetch what it was missing, run it again.
    let fetch_until_done =
        |pack: &PackReader<reader::Prefetched>, run: &dyn Fn() -> Result<Vec<u32>, PackError>| {
            let mut fetches = 0;
            loop {
                match run() {
                    Err(PackError::NotFetched(request)) => {
                        let bytes = files.read(&request.file, request.range).unwrap();
                        pack.source().insert(request, bytes);
                        fetches += 1;
                        assert!(fetches < 100, "each piece is asked for once");
                    }
                    other => return (other.unwrap(), fetches),
                }
            }
        };
    let head = files.read("head.json", None).unwrap();
    let head = PackReader::<reader::Prefetched>::parse_head(&head).unwrap();
    let pack = PackReader::with_head(reader::Prefetched::default(), head);
    let state = ViewState {
        include: vec![Value::Entity(entity_id(&corpus, "Anna Petrova"))],
        search: "spoke".into(),
        ..Default::default()
    };
    let (found, fetches) = fetch_until_done(&pack, &|| Ok(pack.matching(&state)?.iter().collect()));
    let expected: Vec<u32> = Evaluation::new(&corpus, &state, None)
        .matching
        .iter()
        .map(|&d| d as u32)
        .collect();
    assert_eq!(found, expected);
    assert!(fetches >= 2, "the directory and the sets were fetched");
    let (again, fetches) = fetch_until_done(&pack, &|| Ok(pack.matching(&state)?.iter().collect()));
    assert_eq!((again, fetches), (expected, 0));
}

#[test]
fn a_view_names_its_filters_lists_its_documents_and_opens_one() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("view");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    let petrova = entity_id(&corpus, "Anna Petrova");
    let state = ViewState {
        include: vec![Value::Entity(petrova.clone())],
        exclude: vec![Value::Place(PlaceFilter::Country("AM"))],
        open: Some(crate::engine::explore::state::DocRef {
            source: "almaty.txt".into(),
            part: 0,
        }),
        range: Some((Date::constant(2024, 1, 1), Date::constant(2024, 12, 31))),
        ..Default::default()
    };
    let view = pack_view(&pack, &state, &BTreeSet::new()).unwrap();
    let expected = Evaluation::new(&corpus, &state, None).matching;
    assert_eq!(view.matching as usize, expected.len());
    let listed: Vec<usize> = view.listed.iter().map(|(n, _)| *n as usize).collect();
    assert_eq!(listed, expected);
    let chosen: Vec<(&str, bool)> = view
        .chosen
        .iter()
        .map(|(_, l, x)| (l.as_str(), *x))
        .collect();
    assert_eq!(chosen, [("Anna Petrova", false), ("Armenia", true)]);
    let (n, record) = view.open.expect("the open document");
    assert_eq!(record.document.text, corpus.documents()[n as usize].text);
    assert_eq!(record.document.source, "almaty.txt");
    // The timeline counts what the range would leave out too.
    let years = pack.head().timeline.years.len();
    let in_2023 = pack
        .head()
        .timeline
        .years
        .iter()
        .position(|v| v.key == "t:2023");
    let without_range = ViewState {
        range: None,
        ..state.clone()
    };
    let undated_matching = Evaluation::new(&corpus, &without_range, None).matching;
    assert_eq!(
        view.timeline_counts.len(),
        years + pack.head().timeline.months.len()
    );
    if let Some(y) = in_2023 {
        let expected_2023 = undated_matching
            .iter()
            .filter(|&&d| pack.key_set("t:2023").unwrap().contains(d as u32))
            .count();
        assert_eq!(view.timeline_counts[y] as usize, expected_2023);
    }
}

#[test]
fn the_first_view_reads_the_head_and_one_block_of_titles() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("first_view");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = PackReader::open(Counted::new(FileSource { dir })).unwrap();
    pack.source().take();
    let view = pack_view(&pack, &ViewState::default(), &BTreeSet::new()).unwrap();
    assert_eq!(pack.source().take().0, 1, "the list's titles only");
    let counts = pack.facet_counts(&pack.all(), &every_facet(&pack)).unwrap();
    assert_eq!(
        view.facet_counts, counts,
        "the head's counts are the counts"
    );
    assert_eq!(
        view.timeline_counts,
        pack.timeline_counts(&pack.all()).unwrap()
    );
}

#[test]
fn exports_hold_the_counts_and_documents_shown() {
    let corpus = corpus_of(&all_files());
    let dir = scratch("exports");
    pack_of(&corpus, &dir, MAX_FILE_BYTES);
    let pack = open(&dir);
    let state = ViewState {
        include: vec![Value::Entity(entity_id(&corpus, "Anna Petrova"))],
        ..Default::default()
    };
    let view = pack_view(&pack, &state, &BTreeSet::new()).unwrap();
    let counts = view::counts_csv(&pack, &view);
    assert!(counts.starts_with("facet,name,key,documents\r\n"));
    assert!(counts.contains("PER,Anna Petrova,e:"), "{counts}");
    assert!(counts.contains("country,Kazakhstan,c:KZ,1"), "{counts}");
    let listed = view::listed_csv(&view);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1 + view.matching as usize);
    assert!(lines[1].contains("almaty.txt"), "{listed}");
}

mod counts;
