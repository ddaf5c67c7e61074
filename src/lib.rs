//! Dossier: explore a pile of documents in the browser — who, where and when — without uploading anything.
//!
//! - [`engine`] is pure Rust: decoding, splitting, entity and date recognition,
//!   the corpus index. It has no web dependencies, builds and tests natively,
//!   and also powers the `dossier` command-line tool.
//! - `ui` is the Leptos interface over the engine (wasm only), and `ui::model`,
//!   what its views show, as plain functions that build and test natively.

pub mod engine;

pub mod ui;

/// The browser build's allocator: talc rather than Rust's default dlmalloc for wasm,
/// faster at the many small allocations of analysis and indexing, and smaller.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
