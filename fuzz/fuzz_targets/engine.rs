//! Fuzz target: every way bytes enter the engine — a dropped file of each format, a snapshot, a link's fragment.
#![no_main]

use dossier::engine::io::export::Snapshot;
use dossier::engine::explore::{from_fragment, to_fragment, Evaluation};
use dossier::engine::{AnalysisOptions, Corpus};
use libfuzzer_sys::fuzz_target;

/// The first byte picks the file's extension.
const EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "csv", "tsv", "json", "jsonl", "eml", "pdf", "docx", "odt", "",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = format!("f.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]);
    let mut corpus = Corpus::new();
    corpus.add_file(&name, bytes, &AnalysisOptions::default());
    assert_eq!(corpus.files().len(), 1);
    for d in corpus.documents() {
        for m in &d.entities {
            assert!(m.start < m.end && m.end <= d.text.len() && d.text.is_char_boundary(m.start));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // A hostile snapshot is data: it loads or is refused, and never panics.
        if let Ok(snapshot) = Snapshot::from_json(text) {
            let _ = snapshot.into_corpus();
        }
        // A hostile link: whatever state it gives evaluates and writes back.
        let state = from_fragment(text);
        let _ = Evaluation::new(&corpus, &state, None);
        let _ = from_fragment(&to_fragment(&state));
    }
    let json = Snapshot::of(&corpus).to_json();
    let back = Snapshot::from_json(&json)
        .expect("our own snapshot reads back")
        .into_corpus();
    assert_eq!(Snapshot::of(&back).to_json(), json);
});
