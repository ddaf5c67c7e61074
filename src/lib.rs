//! Dossier: explore a pile of documents in the browser — who, where and when — without uploading anything.
//!
//! - [`engine`] is pure Rust: decoding, splitting, entity and date recognition,
//!   the corpus index. It has no web dependencies, builds and tests natively,
//!   and also powers the `dossier` command-line tool.
//! - `ui` is the Leptos interface over the engine (wasm only), and `ui::model`,
//!   what its views show, as plain functions that build and test natively.

pub mod engine;

pub mod ui;
