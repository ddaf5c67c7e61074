//! The engine's tables that are separate assets — the small-city table (`cities.tsv`) and the name-likeness model (`name_likeness.bin`) — fetched after first paint and installed before the first analysis; then the page indexes the gazetteer in slices.
//!
//! They are separate assets so that the page paints without them (together 560 KB
//! gzipped); analysis waits for them (a few hundred milliseconds at most on a local
//! or static host) so that every document is analysed with the same tables.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::model::schedule::SLICE_MS;
use crate::ui::platform::now_ms;

const LOADING: u8 = 0;
const READY: u8 = 1;
const FAILED: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(LOADING);
static NAME_LIKENESS_FAILED: AtomicBool = AtomicBool::new(false);

/// Starts fetching the tables; call once at start-up.
pub fn start_loading() {
    leptos::task::spawn_local(async {
        let (cities, name_likeness) = fetch_and_install().await;
        NAME_LIKENESS_FAILED.store(!name_likeness, Ordering::Relaxed);
        STATE.store(if cities { READY } else { FAILED }, Ordering::Relaxed);
    });
}

/// Fetches and installs both tables (on the page, or in the worker, which has an
/// engine of its own); returns whether each is in.
pub async fn fetch_and_install() -> (bool, bool) {
    let cities = match fetch_text("cities.tsv").await {
        Ok(table) => crate::engine::recognize::lexicon::install_small_cities(table),
        Err(_) => false,
    };
    let name_likeness = match fetch_bytes("name_likeness.bin").await {
        Ok(bytes) => crate::engine::recognize::namelike::install_name_likeness(&bytes),
        Err(_) => false,
    };
    (cities, name_likeness)
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
    let response = fetch(url).await?;
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Fetches a binary file, as [`fetch_text`] does.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = fetch(url).await?;
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn fetch(url: &str) -> Result<web_sys::Response, String> {
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
    Ok(response)
}

/// Place rows of the gazetteer indexed between two checks of the clock (about a
/// millisecond's worth in the page).
const ROWS_PER_STEP: usize = 500;

/// Indexes the gazetteer on the page in slices of [`SLICE_MS`], yielding between
/// them: at once it was one task of 105–120 ms on every page start. Stops if the
/// page asked for the gazetteer meanwhile (it then indexed it at once).
pub async fn index_in_steps() {
    use crate::engine::recognize::lexicon::{self, Lexicon};
    let mut builder = Lexicon::build_in_steps();
    let mut done = false;
    while !done {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if lexicon::is_built() {
            return;
        }
        let started = now_ms();
        while !done && now_ms() - started < SLICE_MS {
            done = builder.step(ROWS_PER_STEP);
        }
    }
    gloo_timers::future::TimeoutFuture::new(0).await;
    lexicon::install(builder.finish());
}

/// The name-likeness model could not be fetched: unfamiliar names are typed by
/// their context alone.
pub fn name_likeness_failed() -> bool {
    NAME_LIKENESS_FAILED.load(Ordering::Relaxed)
}

/// The table could not be fetched: small towns stay unlinked.
pub fn failed() -> bool {
    STATE.load(Ordering::Relaxed) == FAILED
}
