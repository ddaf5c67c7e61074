//! The command-line tool run as a user runs it: its output piped into a reader that stops early.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Stdio};

/// A reader that closes the pipe before anything is written (`| head -0`, `| true`):
/// the tool ends with success and no panic, each command that prints.
#[test]
fn a_reader_closing_the_pipe_ends_the_tool_quietly() {
    let dir = std::env::temp_dir().join(format!("dossier-cli-pipe-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("talks.txt"),
        "Bayramov met Mirzoyan in Almaty on May 10, 2024, for talks hosted by Kazakhstan.",
    )
    .unwrap();
    let (input, pack) = (input.to_string_lossy(), dir.join("pack"));
    let pack = pack.to_string_lossy();
    let cases: &[(&str, Vec<&str>)] = &[
        ("pack", vec!["pack", &input, "-o", &pack]),
        ("pack-figures", vec!["pack-figures", &pack]),
        ("bench", vec!["bench", "--mb", "1"]),
    ];
    for (name, args) in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{name}: {:?}, {stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
