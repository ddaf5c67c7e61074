//! PDFs made by real producers (ReportLab and Chromium, through tools/pdf_fixtures.py): character accuracy of the text read against the text written, per fixture, and a message for each file that cannot be read.
//!
//! The fixtures are generated at test time by the pinned ReportLab that
//! tools/setup.sh installs in tools/.venv (DOSSIER_PYTHON overrides the interpreter).

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::engine::ingest::formats::pdf::{read_pdf, PAGE_BREAK};

/// The least share of characters read right on a fixture with a text layer.
const MIN_ACCURACY: f64 = 0.98;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes the hard cases into a fresh folder and returns it.
fn fixtures(tag: &str) -> PathBuf {
    let python = std::env::var("DOSSIER_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("tools/.venv/bin/python"));
    assert!(
        python.exists(),
        "{} is missing: run tools/setup.sh (it installs ReportLab for the PDF fixtures)",
        python.display()
    );
    let dir = std::env::temp_dir().join(format!("dossier-pdf-{}-{tag}", std::process::id()));
    let status = Command::new(&python)
        .arg(root().join("tools/pdf_fixtures.py"))
        .args(["cases", dir.to_str().unwrap()])
        .status()
        .expect("run the fixture writer");
    assert!(status.success(), "tools/pdf_fixtures.py failed");
    dir
}

/// Words only: layout whitespace (line ends, paragraph gaps) is not text.
fn words(text: &str) -> Vec<char> {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// 1 − edit distance / length, page by page (pages must match in number, unless
/// the text was written whole: the producer chose where pages break).
fn accuracy(read: &[String], written: &[&str]) -> f64 {
    if written.len() == 1 && read.len() > 1 {
        return accuracy(&[read.join("\n")], written);
    }
    assert_eq!(read.len(), written.len(), "page count");
    let (mut errors, mut length) = (0, 0);
    for (r, w) in read.iter().zip(written) {
        let (r, w) = (words(r), words(w));
        if r != w {
            errors += edit_distance(&r, &w);
        }
        length += w.len();
    }
    1.0 - errors as f64 / length.max(1) as f64
}

#[test]
fn pdf_fixtures_read_right() {
    let dir = fixtures("readable");
    let readable = [
        "columns",
        "hyphenated",
        "ligatures",
        "running-heads",
        "rotated",
        "scripts",
        "hundred-pages",
        "browser-columns",
        "browser-report",
    ];
    let mut failures = Vec::new();
    // Each fixture's text as read, words only, for the exact checks below.
    let mut texts = std::collections::HashMap::new();
    println!(
        "{:<16} {:>6} {:>9} {:>9}",
        "fixture", "pages", "chars", "accuracy"
    );
    for name in readable {
        let bytes = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        let written = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let written: Vec<&str> = written.trim_end().split('\u{c}').collect();
        let read = read_pdf(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let score = accuracy(&read.pages, &written);
        println!(
            "{name:<16} {:>6} {:>9} {score:>9.4}",
            read.pages.len(),
            written.iter().map(|p| p.chars().count()).sum::<usize>()
        );
        if score < MIN_ACCURACY {
            failures.push(format!("{name}: {score:.4}"));
        }
        assert!(
            !read.text().contains("\u{c}\u{c}")
                && read.text().matches(PAGE_BREAK).count() + 1 == read.pages.len()
        );
        texts.insert(
            name,
            words(&read.pages.join(" ")).into_iter().collect::<String>(),
        );
    }
    assert!(failures.is_empty(), "below {MIN_ACCURACY}: {failures:?}");
    // Words a small accuracy loss would hide: a scrambled menu word, a year cut
    // into digits (no longer a date), a ligature left in a name.
    let exact = [
        ("browser-report", "Home | News | Reports | Contact"),
        ("browser-report", "Published 3 March 2025"),
        ("ligatures", "office in Sheffield"),
        ("columns", "Minutes of the committee, part 2"),
    ];
    for (name, wanted) in exact {
        let text = &texts[name];
        assert!(text.contains(wanted), "{name}: no {wanted:?} in {text}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pdf_fixtures_that_cannot_be_read_say_why() {
    let dir = fixtures("unreadable");
    let cases = [
        ("scanned", "no text layer (a scan?)"),
        ("encrypted", "password-protected"),
        ("truncated", "not a valid PDF (a broken or truncated file)"),
        ("bad-operator", "the PDF reader failed on it"),
    ];
    for (name, want) in cases {
        let bytes = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        let error = read_pdf(&bytes).unwrap_err().to_string();
        assert!(error.contains(want), "{name}: {error}");
    }
    std::fs::remove_dir_all(Path::new(&dir)).ok();
}
