//! Dossier: explore a pile of documents in the browser — who, where and when — without uploading anything.
//!
//! - [`engine`] is pure Rust: decoding, splitting, entity and date recognition,
//!   the corpus index. It has no web dependencies, builds and tests natively,
//!   and also powers the `dossier` command-line tool.
//! - `ui` (wasm only) is the Leptos interface over the engine.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
