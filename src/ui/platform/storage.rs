//! Keeping the corpus in this browser: the snapshot saved to IndexedDB after changes, read back on load, forgotten on request.
//!
//! Storage can fail (private windows, quota): every failure is reported and nothing
//! in memory is touched; the tab keeps working without persistence.

use js_sys::{Function, Promise};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "dossier";
const STORE: &str = "corpus";
const KEY: &str = "current";

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.message())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// Settles when `target` fires `success_event` (with `result()`) or an error event.
fn settle(
    set_success: impl FnOnce(Option<&Function>),
    set_failure: impl FnOnce(Option<&Function>),
    result: impl FnOnce() -> JsValue + 'static,
) -> Promise {
    let mut set_success = Some(set_success);
    let mut set_failure = Some(set_failure);
    let mut result = Some(result);
    Promise::new(&mut |resolve, reject| {
        let result = result.take();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let value = result.map_or(JsValue::UNDEFINED, |r| r());
            let _ = resolve.call1(&JsValue::NULL, &value);
        });
        let on_failure = Closure::once_into_js(move |event: web_sys::Event| {
            let error = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map_or(JsValue::from_str("the browser refused"), JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        if let Some(f) = set_success.take() {
            f(Some(on_success.unchecked_ref()));
        }
        if let Some(f) = set_failure.take() {
            f(Some(on_failure.unchecked_ref()));
        }
    })
}

async fn request(request: IdbRequest) -> Result<JsValue, String> {
    let (a, b, c) = (request.clone(), request.clone(), request.clone());
    let promise = settle(
        move |f| a.set_onsuccess(f),
        move |f| b.set_onerror(f),
        move || c.result().unwrap_or(JsValue::UNDEFINED),
    );
    JsFuture::from(promise).await.map_err(describe)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = window()
        .indexed_db()
        .map_err(describe)?
        .ok_or("this browser keeps no data for pages (IndexedDB is off)")?;
    let opening: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1).map_err(describe)?;
    let upgrading = opening.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let _ = db.create_object_store(STORE);
        }
    });
    opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = request(opening.unchecked_into()).await?;
    db.dyn_into::<IdbDatabase>().map_err(describe)
}

/// Writes (or, with None, deletes) the kept corpus; waits for the transaction to commit,
/// where quota errors show.
async fn write(value: Option<&str>) -> Result<(), String> {
    let db = open().await?;
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    match value {
        Some(json) => store.put_with_key(&JsValue::from_str(json), &JsValue::from_str(KEY)),
        None => store.delete(&JsValue::from_str(KEY)),
    }
    .map_err(describe)?;
    let (a, b) = (transaction.clone(), transaction.clone());
    let done = settle(
        move |f| a.set_oncomplete(f),
        move |f| b.set_onabort(f),
        || JsValue::UNDEFINED,
    );
    let result = JsFuture::from(done).await.map(|_| ()).map_err(|_| {
        transaction
            .error()
            .map_or("the browser refused to store it".to_string(), |e| {
                e.message()
            })
    });
    db.close();
    result
}

/// Keeps a snapshot of the corpus.
pub async fn save(json: String) -> Result<(), String> {
    write(Some(&json)).await
}

/// Forgets the kept corpus.
pub async fn forget() -> Result<(), String> {
    write(None).await
}

/// The kept snapshot, if any.
pub async fn load() -> Result<Option<String>, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    let value = request(store.get(&JsValue::from_str(KEY)).map_err(describe)?).await?;
    db.close();
    Ok(value.as_string())
}

/// Quiet time after the last change before the corpus is kept again.
const SAVE_DELAY_MS: u64 = 1500;

/// Corpora with more text than this are kept only when asked: writing the snapshot
/// blocks the page for about a second per 10 MB.
const AUTO_KEEP_BYTES: usize = 16_000_000;

/// Opens the corpus kept in this browser, unless something else was loaded first.
pub fn restore(sinks: crate::ui::platform::loading::Sinks, status: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        crate::ui::platform::gazetteer::ready().await;
        match load().await {
            Ok(Some(json)) if sinks.corpus.with_value(|c| c.files().is_empty()) => {
                crate::ui::platform::sharing::open_snapshot(
                    sinks,
                    "the corpus kept in this browser",
                    &json,
                );
                status.set(Some("Kept in this browser.".into()));
            }
            Ok(_) => {}
            Err(e) => status.set(Some(format!(
                "This browser will not keep the corpus ({e}); it stays loaded in this tab."
            ))),
        }
    });
}

/// Keeps the corpus after each change (once loading is over and changes pause), and
/// shows whether that worked, with a way to forget it.
#[component]
pub fn KeptNote(
    ex: crate::ui::state::explore::Explore,
    loading: ReadSignal<Option<crate::ui::platform::loading::Progress>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let generation = StoredValue::new(0u64);
    let keep_large = RwSignal::new(false);
    let keep_now = move || {
        let json = ex
            .corpus
            .with_value(|c| crate::engine::io::export::Snapshot::of(c).to_json());
        leptos::task::spawn_local(async move {
            status.set(Some(match save(json).await {
                Ok(()) => "Kept in this browser.".to_string(),
                Err(e) => format!(
                    "Could not keep the corpus in this browser ({e}); it stays loaded in this tab."
                ),
            }));
        });
    };
    Effect::new(move |_| {
        ex.version.track();
        let large_ok = keep_large.get();
        if loading.get().is_some() || ex.corpus.with_value(|c| c.files().is_empty()) {
            return;
        }
        let text_bytes: usize = ex
            .corpus
            .with_value(|c| c.documents().iter().map(|d| d.text.len()).sum());
        if text_bytes > AUTO_KEEP_BYTES && !large_ok {
            status.set(Some(format!(
                "Not kept in this browser: {:.0} MB of text is more than the {} MB kept automatically.",
                text_bytes as f64 / 1e6,
                AUTO_KEEP_BYTES / 1_000_000
            )));
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    keep_now();
                }
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        );
    });
    let forget_all = move |_| {
        generation.update_value(|g| *g += 1);
        leptos::task::spawn_local(async move {
            let result = forget().await;
            ex.corpus.set_value(crate::engine::Corpus::new());
            ex.state.set(Default::default());
            ex.set_version.update(|v| *v += 1);
            status.set(
                result
                    .err()
                    .map(|e| format!("Could not forget the kept corpus ({e}).")),
            );
        });
    };
    move || {
        status.get().map(|s| view! {
            <p class="kept" data-testid="kept">
                <span class="note">{s.clone()}</span> " "
                {s.starts_with("Not kept").then(|| view! {
                    <button class="more" data-testid="keep-anyway" on:click=move |_| keep_large.set(true)>"Keep it anyway"</button>
                })}
                <button class="more" data-testid="forget" title="Remove the documents from this tab and from this browser's storage"
                    on:click=forget_all>"Forget this corpus"</button>
            </p>
        })
    }
}
