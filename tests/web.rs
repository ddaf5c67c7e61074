//! Browser tests with wasm-bindgen-test in headless Chromium: the engine compiled to wasm, and the mounted app.
#![cfg(target_arch = "wasm32")]

use dossier::engine::recognize::namelike::install_name_likeness;
use dossier::engine::{analyze_text, AnalysisOptions, Corpus, EntityType};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = "Talks End in Almaty\nMay 11, 2024\nForeign Minister Jeyhun Bayramov met Ararat Mirzoyan in Almaty, Kazakhstan, on Friday.\n";

/// The app fetches the name-likeness model after first paint and installs it
/// before the first analysis; the tests install the same bytes.
fn install_tables_as_the_app_does() {
    let _ = install_name_likeness(include_bytes!("../data/generated/name_likeness.bin"));
}

#[wasm_bindgen_test]
fn the_name_likeness_model_installs_once_and_refuses_other_bytes() {
    assert!(!install_name_likeness(b"not a model"));
    install_tables_as_the_app_does();
    assert!(!install_name_likeness(include_bytes!(
        "../data/generated/name_likeness.bin"
    )));
}

#[wasm_bindgen_test]
fn engine_finds_people_places_and_dates_under_wasm() {
    install_tables_as_the_app_does();
    let docs = analyze_text("a.txt", ARTICLE, &AnalysisOptions::default());
    let doc = &docs[0];
    let names: Vec<(&str, EntityType)> = doc
        .entities
        .iter()
        .map(|m| (&doc.text[m.start..m.end], m.kind))
        .collect();
    assert!(
        names.contains(&("Jeyhun Bayramov", EntityType::Person)),
        "{names:?}"
    );
    assert!(names.contains(&("Almaty", EntityType::Place)), "{names:?}");
    let values: Vec<&str> = doc.dates.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(values, ["2024-05-11", "2024-05-10"]);
}

#[wasm_bindgen_test]
fn corpus_reports_binary_files_by_name_under_wasm() {
    let mut corpus = Corpus::new();
    let options = AnalysisOptions::default();
    corpus.add_file("photo.png", b"\x89PNG\r\n", &options);
    // The page's module leaves the PDF reader to its workers' reader module.
    corpus.add_file("report.pdf", b"%PDF-1.4", &options);
    corpus.add_file("a.txt", ARTICLE.as_bytes(), &options);
    assert_eq!(corpus.documents().len(), 1);
    assert!(corpus.files()[0]
        .message()
        .starts_with("photo.png is a PNG image"));
    assert!(corpus.files()[1]
        .message()
        .starts_with("report.pdf could not be read: PDFs are read in a worker"));
}

#[wasm_bindgen_test]
fn app_mounts_with_its_empty_state_and_buttons() {
    leptos::mount::mount_to_body(dossier::ui::App);
    let document = web_sys::window().unwrap().document().unwrap();
    let find = |sel: &str| document.query_selector(sel).unwrap();
    assert!(find("[data-testid=empty-state]").is_some());
    assert!(find("[data-testid=try-sample]").is_some());
    assert!(find("[data-testid=file-input]").is_some());
}
