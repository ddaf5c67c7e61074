//! What `make bench` calls in the page (engine throughput, the generated text, wasm memory): exported by the app's module only, so that the PDF reader module does not link the engine.

use wasm_bindgen::prelude::*;

/// Engine throughput in this browser, for `make bench`: analyses `megabytes` of the
/// generated benchmark text and returns `{bytes, seconds, mb_per_s, n_entities, n_dates}`.
#[wasm_bindgen]
pub fn bench_engine(megabytes: u32) -> JsValue {
    let text = dossier::engine::tooling::synthetic::news_text(megabytes as usize * 1_000_000);
    let options = dossier::engine::AnalysisOptions::default();
    let _ = dossier::engine::analyze_text("warm", "Almaty, Kazakhstan.", &options);
    bench_engine_on(&text)
}

/// The generated benchmark text (news density), for `make bench` to feed both engines and to cut into documents.
#[wasm_bindgen]
pub fn bench_text(megabytes: f64) -> String {
    dossier::engine::tooling::synthetic::news_text((megabytes * 1e6) as usize)
}

/// Analyses `text` as one file and reports `{bytes, seconds, mb_per_s, n_entities, n_dates}`.
#[wasm_bindgen]
pub fn bench_engine_on(text: &str) -> JsValue {
    let options = dossier::engine::AnalysisOptions::default();
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    let documents = dossier::engine::analyze_text("bench.txt", text, &options);
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
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

#[derive(serde::Serialize)]
struct BenchReport {
    bytes: usize,
    seconds: f64,
    mb_per_s: f64,
    n_entities: usize,
    n_dates: usize,
}
