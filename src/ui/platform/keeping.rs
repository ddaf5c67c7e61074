//! Keeping the corpus in this browser across reloads: written in chunks after each change, reopened chunk by chunk on load, forgotten on request.
//!
//! Every step (serialising a few chunks, indexing a chunk's documents) is a short
//! task, so keeping or reopening 300 MB never freezes the page. A save writes its
//! chunks under a key prefix of its own and then, in one transaction, the head that
//! names them: a save cut off (a change, a closed tab, a full disk) leaves the
//! previous kept corpus whole. Every failure is reported and changes nothing loaded.

use std::cell::Cell;

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::engine::io::export::Snapshot;
use crate::engine::io::keep::{HeadReader, KeepWriter};
use crate::engine::Corpus;
use crate::ui::platform::loading::{reopening, set_reopening, Progress, Reopening, Sinks};
use crate::ui::platform::now_ms;
use crate::ui::platform::storage::{self, Change};

/// The head's key, and the key naming the prefix of its chunks.
const HEAD: &str = "head";
const CHUNKS_PREFIX: &str = "prefix";
/// Every chunk key starts with this (then a save's time, then the chunk's number).
const CHUNK: &str = "c";
const LAST_CHUNK_KEY: &str = "c\u{ffff}";

/// Longest step of a save or a reopen, in ms: under the 50 ms of a long task, and
/// long beside the few ms a yield to the page costs (a timer's clamp).
const STEP_MS: f64 = 25.0;
/// File reports written into (or read from) the head between two looks at the clock.
const HEAD_FILES_PER_STEP: usize = 2000;
/// Chunks read from storage at once when reopening.
const CHUNKS_PER_READ: usize = 16;
/// Quiet time after the last change before the corpus is kept again.
const SAVE_DELAY_MS: u64 = 1500;

thread_local! {
    /// Bumped to abandon a save under way (a newer change, or Forget).
    static SAVE_TOKEN: Cell<u64> = const { Cell::new(0) };
    /// The corpus version last kept (or reopened): nothing to keep until it changes.
    static KEPT_VERSION: Cell<Option<u64>> = const { Cell::new(None) };
}

fn chunk_key(prefix: &str, n: usize) -> String {
    format!("{prefix}/{n:07}")
}

/// Lets the page answer before the next step.
async fn yield_to_page() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Writes the corpus as chunks then its head, a step at a time, saying how far it has
/// got in `status`. Ok(false) when abandoned for a newer change.
async fn keep(
    corpus: StoredValue<Corpus>,
    version: ReadSignal<u64>,
    status: RwSignal<Option<String>>,
) -> Result<bool, String> {
    let token = SAVE_TOKEN.with(|t| t.get());
    let at_version = version.get_untracked();
    let still_current =
        || SAVE_TOKEN.with(|t| t.get()) == token && version.get_untracked() == at_version;
    let prefix = format!("{CHUNK}{:015}", js_sys::Date::now() as u64);
    let total: usize = corpus.with_value(|c| c.documents().iter().map(|d| d.text.len()).sum());
    let mut writer = KeepWriter::new();
    let (mut n, mut done_bytes, mut finished) = (0, 0usize, false);
    while !finished {
        if !still_current() {
            return Ok(false);
        }
        let started = now_ms();
        let mut changes = Vec::new();
        while now_ms() - started < STEP_MS {
            match corpus.with_value(|c| writer.next_chunk(c)) {
                Some(bytes) => {
                    done_bytes += bytes.len();
                    changes.push(Change::Put(
                        chunk_key(&prefix, n),
                        Uint8Array::from(&bytes[..]).into(),
                    ));
                    n += 1;
                }
                None => {
                    finished = true;
                    break;
                }
            }
        }
        if !changes.is_empty() {
            storage::apply(changes).await?;
        }
        if total > 0 && !finished {
            status.set(Some(format!(
                "Keeping in this browser: {:.0} of {:.0} MB…",
                done_bytes as f64 / 1e6,
                total as f64 / 1e6
            )));
        }
        yield_to_page().await;
    }
    // The head too is written a step at a time: 100,000 file reports at once took
    // a task of 50 to 70 ms.
    let mut head = writer.head_in_steps();
    loop {
        if !still_current() {
            return Ok(false);
        }
        let started = now_ms();
        let mut written = false;
        while !written && now_ms() - started < STEP_MS {
            written = corpus.with_value(|c| head.step(c, HEAD_FILES_PER_STEP));
        }
        if written {
            break;
        }
        yield_to_page().await;
    }
    let head = corpus.with_value(|c| head.finish(c));
    storage::apply(vec![
        Change::Put(HEAD.into(), Uint8Array::from(&head[..]).into()),
        Change::Put(CHUNKS_PREFIX.into(), JsValue::from_str(&prefix)),
        // Every other save's chunks (older ones, and any cut off).
        Change::DeleteRange(CHUNK.into(), format!("{prefix}/")),
        Change::DeleteRange(format!("{prefix}/\u{ffff}"), LAST_CHUNK_KEY.into()),
        Change::DeleteLegacy,
    ])
    .await?;
    Ok(true)
}

/// Forgets everything kept, and abandons a save under way.
async fn forget() -> Result<(), String> {
    SAVE_TOKEN.with(|t| t.set(t.get() + 1));
    KEPT_VERSION.with(|k| k.set(None));
    storage::apply(vec![
        Change::Delete(HEAD.into()),
        Change::Delete(CHUNKS_PREFIX.into()),
        Change::DeleteRange(CHUNK.into(), LAST_CHUNK_KEY.into()),
        Change::DeleteLegacy,
    ])
    .await
}

/// What came of reopening.
enum Reopened {
    Nothing,
    Corpus(Box<Corpus>),
    /// Stopped by Cancel: the kept corpus stays kept.
    Stopped,
}

/// Reads the head, then the chunks a few at a time, indexing each chunk's documents in
/// steps of [`STEP_MS`] and showing how far it has got.
async fn reopen(sinks: Sinks) -> Result<Reopened, String> {
    let Some(head) = storage::get(HEAD).await? else {
        return Ok(Reopened::Nothing);
    };
    let prefix = storage::get(CHUNKS_PREFIX)
        .await?
        .and_then(|p| p.as_string())
        .ok_or("the name of its parts is missing")?;
    let mut head = HeadReader::new(Uint8Array::new(&head).to_vec())?;
    let mut progress = Progress {
        n_files: head.files_total(),
        reopening: true,
        ..Progress::default()
    };
    sinks.progress.set(Some(progress.clone()));
    // The head's file reports, a few thousand per step: read at once, 100,000 of
    // them were a task over 50 ms.
    let mut started = now_ms();
    while !head.step(HEAD_FILES_PER_STEP)? {
        if now_ms() - started >= STEP_MS {
            yield_to_page().await;
            if reopening() == Reopening::Cancelled {
                return Ok(Reopened::Stopped);
            }
            started = now_ms();
        }
    }
    let mut reader = head.finish()?;
    let chunks = reader.chunks();
    progress.bytes_total = reader.text_bytes() as f64;
    sinks.progress.set(Some(progress.clone()));
    let mut next = 0;
    while next < chunks {
        let last = (next + CHUNKS_PER_READ).min(chunks) - 1;
        let values =
            storage::get_range(&chunk_key(&prefix, next), &chunk_key(&prefix, last)).await?;
        let wanted = last + 1 - next;
        if values.len() < wanted {
            return Err(format!(
                "{} of its {chunks} parts are missing",
                wanted - values.len()
            ));
        }
        for value in values {
            let documents = reader.decode(&Uint8Array::new(&value).to_vec())?;
            for document in documents {
                progress.bytes_done += document.0.text.len() as f64;
                reader.add(document);
                if now_ms() - started >= STEP_MS {
                    yield_to_page().await;
                    if reopening() == Reopening::Cancelled {
                        return Ok(Reopened::Stopped);
                    }
                    sinks.progress.set(Some(progress.clone()));
                    started = now_ms();
                }
            }
            reader.chunk_done();
        }
        next = last + 1;
    }
    reader.finish().map(|c| Reopened::Corpus(Box::new(c)))
}

/// Opens the corpus kept in this browser, unless something else was loaded first.
/// Files dropped meanwhile wait for it (the loader holds them), then join it.
pub fn restore(sinks: Sinks, status: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        crate::ui::platform::gazetteer::ready().await;
        if !sinks.corpus.with_value(|c| c.files().is_empty()) {
            return;
        }
        set_reopening(Reopening::Running);
        let reopened = reopen(sinks).await;
        set_reopening(Reopening::No);
        sinks.progress.set(None);
        match reopened {
            Ok(Reopened::Corpus(mut corpus)) => {
                let replaced = sinks.corpus.with_value(|live| {
                    if live.documents().is_empty() {
                        // Only refusals can have landed meanwhile: they are kept.
                        for report in live.files() {
                            if let Some(error) = &report.error {
                                corpus.add_refused(&report.name, error.clone());
                            }
                        }
                        true
                    } else {
                        false
                    }
                });
                if replaced {
                    sinks.corpus.set_value(*corpus);
                    // What was just read back needs no writing back.
                    sinks.version.update(|v| {
                        *v += 1;
                        KEPT_VERSION.with(|k| k.set(Some(*v)));
                    });
                    status.set(Some("Kept in this browser.".into()));
                } else {
                    status.set(Some("The corpus kept in this browser was not reopened: another was opened meanwhile.".into()));
                }
            }
            Ok(Reopened::Nothing) => match storage::get_legacy().await {
                Ok(Some(json)) if sinks.corpus.with_value(|c| c.files().is_empty()) && Snapshot::looks_like(&json) => {
                    crate::ui::platform::sharing::open_snapshot(sinks, "the corpus kept in this browser", &json);
                    status.set(Some("Kept in this browser.".into()));
                }
                Ok(_) => {}
                Err(e) => status.set(Some(format!("This browser will not keep the corpus ({e}); it stays loaded in this tab."))),
            },
            Ok(Reopened::Stopped) => status.set(Some(
                "Reopening was stopped: the corpus stays kept in this browser until another is loaded; reload the page to reopen it.".into(),
            )),
            Err(e) => status.set(Some(format!(
                "The corpus kept in this browser could not be reopened ({e}); what you load now is kept instead."
            ))),
        }
        sinks.version.update(|v| *v += 1);
    });
}

/// Keeps the corpus after each change (once loading is over and changes pause), and
/// shows whether that worked, with a way to forget it.
#[component]
pub fn KeptNote(
    ex: crate::ui::state::explore::Explore,
    loading: ReadSignal<Option<Progress>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let generation = StoredValue::new(0u64);
    let keep_now = move || {
        leptos::task::spawn_local(async move {
            match keep(ex.corpus, ex.version, status).await {
                Ok(true) => {
                    KEPT_VERSION.with(|k| k.set(Some(ex.version.get_untracked())));
                    status.set(Some("Kept in this browser.".to_string()));
                }
                // A newer change started a save of its own.
                Ok(false) => {}
                Err(e) => status.set(Some(format!(
                    "Could not keep the corpus in this browser ({e}); it stays loaded in this tab."
                ))),
            }
        });
    };
    Effect::new(move |_| {
        let version = ex.version.get();
        if loading.get().is_some() || ex.corpus.with_value(|c| c.files().is_empty()) {
            return;
        }
        if KEPT_VERSION.with(|k| k.get()) == Some(version) {
            return;
        }
        // A save under way is of an older corpus: it stops at its next step.
        SAVE_TOKEN.with(|t| t.set(t.get() + 1));
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
            ex.corpus.set_value(Corpus::new());
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
                <button class="more" data-testid="forget" title="Remove the documents from this tab and from this browser's storage"
                    on:click=forget_all>"Forget this corpus"</button>
            </p>
        })
    }
}
