//! This browser's storage for the kept corpus: IndexedDB pieces by key, written in transactions that report quota errors.
//!
//! Storage can fail (private windows, quota): every failure comes back as a message
//! and nothing in memory is touched (`keeping.rs` decides what the user is told).

use js_sys::{Function, Promise};
use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "dossier";
/// Version 2 added the store of pieces; version 1's store is read once, then emptied.
const DATABASE_VERSION: u32 = 2;
const STORE: &str = "kept";
const LEGACY_STORE: &str = "corpus";
const LEGACY_KEY: &str = "current";

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
    let opening: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, DATABASE_VERSION)
        .map_err(describe)?;
    let upgrading = opening.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            for store in [LEGACY_STORE, STORE] {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = request(opening.unchecked_into()).await?;
    db.dyn_into::<IdbDatabase>().map_err(describe)
}

/// One change to the kept pieces.
pub enum Change {
    Put(String, JsValue),
    Delete(String),
    /// Every key from the first to the second, both included.
    DeleteRange(String, String),
    /// The corpus kept whole by earlier versions (one JSON string).
    DeleteLegacy,
}

/// Applies `changes` in one transaction and waits until it commits, where quota
/// errors show; nothing is applied when one fails.
pub async fn apply(changes: Vec<Change>) -> Result<(), String> {
    let db = open().await?;
    let names = js_sys::Array::of2(&JsValue::from_str(STORE), &JsValue::from_str(LEGACY_STORE));
    let transaction = db
        .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
        .map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    for change in changes {
        match change {
            Change::Put(key, value) => store.put_with_key(&value, &JsValue::from_str(&key)),
            Change::Delete(key) => store.delete(&JsValue::from_str(&key)),
            Change::DeleteRange(first, last) => {
                let range =
                    IdbKeyRange::bound(&JsValue::from_str(&first), &JsValue::from_str(&last))
                        .map_err(describe)?;
                store.delete(&range)
            }
            Change::DeleteLegacy => transaction
                .object_store(LEGACY_STORE)
                .and_then(|legacy| legacy.delete(&JsValue::from_str(LEGACY_KEY))),
        }
        .map_err(describe)?;
    }
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

/// The kept piece at `key`, if any.
pub async fn get(key: &str) -> Result<Option<JsValue>, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    let value = request(store.get(&JsValue::from_str(key)).map_err(describe)?).await?;
    db.close();
    Ok((!value.is_undefined()).then_some(value))
}

/// The pieces from key `first` to `last` (both included), in key order.
pub async fn get_range(first: &str, last: &str) -> Result<Vec<JsValue>, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    let range = IdbKeyRange::bound(&JsValue::from_str(first), &JsValue::from_str(last))
        .map_err(describe)?;
    let values = request(store.get_all_with_key(&range).map_err(describe)?).await?;
    db.close();
    Ok(js_sys::Array::from(&values).iter().collect())
}

/// The corpus as earlier versions kept it (one snapshot's JSON), if any.
pub async fn get_legacy() -> Result<Option<String>, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(LEGACY_STORE).map_err(describe)?;
    let store = transaction.object_store(LEGACY_STORE).map_err(describe)?;
    let value = request(
        store
            .get(&JsValue::from_str(LEGACY_KEY))
            .map_err(describe)?,
    )
    .await?;
    db.close();
    Ok(value.as_string())
}
