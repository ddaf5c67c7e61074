//! The browser interface: Leptos components over the engine. Only this tree touches the DOM.
//!
//! - `model` (every target): what the views show, as plain functions tested natively;
//! - `state`: the handle the views share (corpus, view state, evaluation) and the address;
//! - `components`: the views, which only render what `model` and the engine compute;
//! - `platform`: loading through workers, storage, sharing, warm-up.

pub mod model;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
pub use components::app::App;
#[cfg(target_arch = "wasm32")]
pub use platform::worker::{in_worker, run_worker};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Engine throughput in this browser, for `make bench`: analyses `megabytes` of the
/// generated benchmark text and returns `{bytes, seconds, mb_per_s, n_entities, n_dates}`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn bench_engine(megabytes: u32) -> JsValue {
    let text = crate::engine::tooling::synthetic::news_text(megabytes as usize * 1_000_000);
    let options = crate::engine::AnalysisOptions::default();
    let _ = crate::engine::analyze_text("warm", "Almaty, Kazakhstan.", &options);
    bench_engine_on(&text)
}

/// The generated benchmark text (news density), for `make bench` to feed both engines and to cut into documents.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn bench_text(megabytes: f64) -> String {
    crate::engine::tooling::synthetic::news_text((megabytes * 1e6) as usize)
}

/// Analyses `text` as one file and reports `{bytes, seconds, mb_per_s, n_entities, n_dates}`.
#[cfg(target_arch = "wasm32")]
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn bench_engine_on(text: &str) -> JsValue {
    let options = crate::engine::AnalysisOptions::default();
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    let documents = crate::engine::analyze_text("bench.txt", text, &options);
    let seconds = (now() - started) / 1000.0;
    let report = BenchReport {
        bytes: text.len(),
        seconds,
        mb_per_s: text.len() as f64 / 1e6 / seconds,
        n_entities: documents.iter().map(|d| d.entities.len()).sum(),
        n_dates: documents.iter().map(|d| d.dates.len()).sum(),
    };
    serde_wasm_bindgen::to_value(&report).unwrap_or(JsValue::NULL)
}

/// The page's wasm linear memory in bytes (the corpus lives there, outside the JS heap).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

#[cfg(target_arch = "wasm32")]
#[derive(serde::Serialize)]
struct BenchReport {
    bytes: usize,
    seconds: f64,
    mb_per_s: f64,
    n_entities: usize,
    n_dates: usize,
}
