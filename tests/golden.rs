//! Golden files: whole documents and the entities and dates the engine finds in them.
//!
//! Inputs are `tests/golden/cases/*.txt` and the sample corpus (`data/sample-corpus/*.txt`);
//! each has a `.expected` file beside it in `tests/golden/`. Expected files record what
//! the engine finds today; lines it gets wrong carry a `# FIXME: …` note (ignored when
//! comparing), so a fix shows up as a diff. Refresh with `UPDATE_GOLDEN=1 cargo test --test golden`
//! (notes are kept for lines that do not change).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier::engine::{AnalysisOptions, Corpus};

fn render(name: &str, text: &str) -> String {
    let mut corpus = Corpus::new();
    corpus.add_file(name, text.as_bytes(), &AnalysisOptions::default());
    let mut out = String::new();
    for (d, doc) in corpus.documents().iter().enumerate() {
        out.push_str(&format!("document: {}\n", doc.title));
        out.push_str(&format!(
            "date: {}\n",
            doc.date
                .map(|d| d.date.to_string())
                .unwrap_or_else(|| "none".into())
        ));
        let mut seen = Vec::new();
        for &e in corpus.mention_entities(d) {
            if !seen.contains(&e) {
                seen.push(e);
                let entity = &corpus.entities()[e];
                out.push_str(&format!("{} {}\n", entity.kind.code(), entity.name));
            }
        }
        for m in &doc.dates {
            out.push_str(&format!(
                "DATE {} = {}\n",
                &doc.text[m.start..m.end],
                m.value
            ));
        }
    }
    out
}

fn strip_note(line: &str) -> &str {
    line.split("  # ").next().unwrap_or(line).trim_end()
}

fn cases(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for (inputs, expected_dir) in [
        ("tests/golden/cases", "tests/golden/cases"),
        ("data/sample-corpus", "tests/golden/sample-corpus"),
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(inputs))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for input in files {
            let expected = root
                .join(expected_dir)
                .join(input.file_stem().unwrap())
                .with_extension("expected");
            pairs.push((input, expected));
        }
    }
    pairs
}

#[test]
fn golden_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pairs = cases(root);
    assert!(pairs.len() >= 12, "golden inputs missing");
    let mut failures = Vec::new();
    for (input, expected_path) in pairs {
        let text = std::fs::read_to_string(&input).unwrap();
        let got = render(&input.file_name().unwrap().to_string_lossy(), &text);
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        let expected_lines: Vec<&str> = expected.lines().map(strip_note).collect();
        let got_lines: Vec<&str> = got.lines().collect();
        if update {
            // Keep the notes of unchanged lines.
            let notes: HashMap<&str, &str> = expected
                .lines()
                .filter(|l| l.contains("  # "))
                .map(|l| (strip_note(l), l))
                .collect();
            let refreshed: Vec<&str> = got_lines
                .iter()
                .map(|l| notes.get(l).copied().unwrap_or(l))
                .collect();
            std::fs::write(&expected_path, refreshed.join("\n") + "\n").unwrap();
        } else if expected_lines != got_lines {
            failures.push(format!(
                "{}:\n--- expected\n{}\n--- got\n{}",
                input.display(),
                expected_lines.join("\n"),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (UPDATE_GOLDEN=1 to accept):\n{}",
        failures.join("\n\n")
    );
}
