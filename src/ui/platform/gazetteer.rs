//! The small-city table (`cities.tsv`), fetched after first paint and installed before the first analysis.
//!
//! It is a separate asset so that the page paints without it; analysis waits for it
//! (a few hundred milliseconds at most on a local or static host) so that every
//! document is linked against the same gazetteer.

use std::sync::atomic::{AtomicU8, Ordering};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const LOADING: u8 = 0;
const READY: u8 = 1;
const FAILED: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(LOADING);

/// Starts fetching the table; call once at start-up.
pub fn start_loading() {
    leptos::task::spawn_local(async {
        let installed = match fetch_text("cities.tsv").await {
            Ok(table) => crate::engine::recognize::lexicon::install_small_cities(table),
            Err(_) => false,
        };
        STATE.store(if installed { READY } else { FAILED }, Ordering::Relaxed);
    });
}

/// Waits until the table is installed or has failed (at most ten seconds); returns
/// whether small towns will be linked.
pub async fn ready() -> bool {
    for _ in 0..400 {
        match STATE.load(Ordering::Relaxed) {
            READY => return true,
            FAILED => return false,
            _ => gloo_timers::future::TimeoutFuture::new(25).await,
        }
    }
    false
}

/// Fetches a text file relative to the page, or to the worker script in a worker.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let global = js_sys::global();
    let request = match global.dyn_ref::<web_sys::Window>() {
        Some(window) => window.fetch_with_str(url),
        None => global
            .unchecked_ref::<web_sys::WorkerGlobalScope>()
            .fetch_with_str(url),
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// The table could not be fetched: small towns stay unlinked.
pub fn failed() -> bool {
    STATE.load(Ordering::Relaxed) == FAILED
}
