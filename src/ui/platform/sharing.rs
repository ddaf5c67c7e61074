//! Taking a corpus out and bringing one in: CSV and snapshot downloads, snapshot files dropped in, and hosted corpora opened with `?corpus=URL`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::explore::DocSet;
use crate::engine::io::export::{dates_csv, entities_csv, mentions_csv, Snapshot};
use crate::engine::{AnalysisOptions, Corpus, FileError};
use crate::ui::platform::gazetteer;
use crate::ui::platform::loading::{load_files, Sinks};
use crate::ui::platform::to_load::ToLoad;
use crate::ui::state::explore::Explore;

fn not_loaded(reason: &str) -> FileError {
    FileError::NotLoaded {
        reason: reason.to_string(),
    }
}

/// Offers `contents` as a file to save, without any server: a Blob and a link to it.
pub(crate) fn download(name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = window().document().ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The export buttons: CSV of entities, mentions and dates of the documents shown
/// (all of them when nothing is filtered), and a snapshot of the whole corpus.
#[component]
pub fn ExportMenu(ex: Explore) -> impl IntoView {
    let export = move |what: &'static str| {
        let set: DocSet = ex.evaluation.with_untracked(|e| e.0.matching_set());
        let (name, mime, contents) = ex.corpus.with_value(|c| match what {
            "entities" => ("dossier-entities.csv", "text/csv", entities_csv(c, &set)),
            "mentions" => ("dossier-mentions.csv", "text/csv", mentions_csv(c, &set)),
            "dates" => ("dossier-dates.csv", "text/csv", dates_csv(c, &set)),
            _ => (
                "corpus.dossier.json",
                "application/json",
                Snapshot::of(c).to_json(),
            ),
        });
        if download(name, mime, &contents).is_err() {
            ex.notice
                .set(Some("The browser refused the download.".into()));
        }
    };
    let scope = move || {
        let n = ex.evaluation.with(|e| e.0.matching.len());
        let documents = if n == 1 { "document" } else { "documents" };
        if ex.state.with(|s| s.is_filtered()) {
            format!("Export the {n} {documents} shown as CSV:")
        } else {
            format!("Export all {n} {documents} as CSV:")
        }
    };
    view! {
        <div class="export" data-testid="export">
            <span class="note">{scope}</span>
            <button class="more" data-testid="export-entities" on:click=move |_| export("entities")>"entities"</button>
            <button class="more" data-testid="export-mentions" on:click=move |_| export("mentions")>"mentions"</button>
            <button class="more" data-testid="export-dates" on:click=move |_| export("dates")>"dates"</button>
            <span class="note">"· the whole corpus:"</span>
            <button class="more" data-testid="export-snapshot" title="A file that opens in Dossier as this corpus, with your edits"
                on:click=move |_| export("snapshot")>"snapshot"</button>
        </div>
    }
}

/// Replaces the corpus by a snapshot's, or reports why `name` is not one. The
/// snapshot's content is only ever data: it is parsed, checked and indexed.
pub fn open_snapshot(sinks: Sinks, name: &str, text: &str) {
    match Snapshot::from_json(text) {
        Ok(snapshot) => {
            let mut corpus = snapshot.into_corpus();
            if corpus.files().is_empty() {
                corpus.add_refused(name, not_loaded("holds no files"));
            }
            sinks.corpus.set_value(corpus);
        }
        Err(why) => sinks
            .corpus
            .update_value(|c| c.add_refused(name, not_loaded(&why))),
    }
    sinks.version.update(|v| *v += 1);
}

/// Whether a file may be a snapshot: JSON files are looked into first.
fn may_be_snapshot(name: &str) -> bool {
    name.to_lowercase().ends_with(".json")
}

/// JSON files (possible snapshots) apart from the rest, which go to the loader.
pub fn split_snapshots(files: Vec<ToLoad>) -> (Vec<ToLoad>, Vec<ToLoad>) {
    files.into_iter().partition(|f| may_be_snapshot(&f.name()))
}

/// Reads each JSON file: a snapshot is opened, any other JSON is analysed like a
/// dropped file (one document per object).
pub fn open_snapshot_files(files: Vec<ToLoad>, sinks: Sinks, options: AnalysisOptions) {
    for file in files {
        leptos::task::spawn_local(async move {
            let name = file.name();
            match JsFuture::from(file.file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                Some(text) if Snapshot::looks_like(&text) => {
                    gazetteer::ready().await;
                    open_snapshot(sinks, &name, &text)
                }
                Some(_) => load_files(vec![file], sinks, options),
                None => {
                    sinks.corpus.update_value(|c: &mut Corpus| {
                        c.add_refused(&name, not_loaded("could not be read"))
                    });
                    sinks.version.update(|v| *v += 1);
                }
            }
        });
    }
}

/// The `corpus` parameter of the page's address, if any.
pub fn corpus_parameter() -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("corpus").filter(|u| !u.trim().is_empty())
}

async fn fetch_response(url: &str) -> Result<web_sys::Response, String> {
    fetch_response_with(url, &web_sys::RequestInit::new()).await
}

/// Fetches `url` with `init` (a `Range` header, for packs): the response, or why not in
/// words that follow a file's name. An HTTP error status is an error.
pub(crate) async fn fetch_response_with(
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<web_sys::Response, String> {
    let response = JsFuture::from(window().fetch_with_str_and_init(url, init))
        .await
        .map_err(|_| {
            "could not be fetched (offline, or another site that does not allow it)".to_string()
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "gave no response".to_string())?;
    if !response.ok() {
        return Err(format!("could not be fetched (HTTP {})", response.status()));
    }
    Ok(response)
}

/// Opens a hosted corpus: a snapshot, or a manifest (a JSON list of text-file URLs,
/// relative to the manifest) whose files are fetched and loaded like dropped ones.
pub fn open_hosted_corpus(url: String, sinks: Sinks, options: AnalysisOptions) {
    leptos::task::spawn_local(async move {
        let report = |why: String| {
            sinks
                .corpus
                .update_value(|c| c.add_refused(&url, not_loaded(&why)));
            sinks.version.update(|v| *v += 1);
        };
        let base = window().location().href().unwrap_or_default();
        let Ok(absolute) = web_sys::Url::new_with_base(&url, &base) else {
            return report("is not a valid address".into());
        };
        let text = match fetch_response(&absolute.href()).await {
            Ok(response) => match response.text().map(JsFuture::from) {
                Ok(future) => future
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default(),
                Err(_) => return report("could not be read".into()),
            },
            Err(why) => return report(why),
        };
        gazetteer::ready().await;
        if Snapshot::looks_like(&text) {
            return open_snapshot(sinks, &url, &text);
        }
        let Ok(list) = serde_json::from_str::<Vec<String>>(&text) else {
            return report(
                "is neither a Dossier snapshot nor a manifest (a JSON list of file addresses)"
                    .into(),
            );
        };
        let mut files = Vec::new();
        for entry in list {
            let Ok(file_url) = web_sys::Url::new_with_base(&entry, &absolute.href()) else {
                sinks
                    .corpus
                    .update_value(|c| c.add_refused(&entry, not_loaded("is not a valid address")));
                continue;
            };
            let name = file_url
                .pathname()
                .rsplit('/')
                .next()
                .unwrap_or(&entry)
                .to_string();
            let blob = match fetch_response(&file_url.href()).await {
                Ok(response) => match response.blob().map(JsFuture::from) {
                    Ok(future) => future
                        .await
                        .ok()
                        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok()),
                    Err(_) => None,
                },
                Err(why) => {
                    sinks
                        .corpus
                        .update_value(|c| c.add_refused(&name, not_loaded(&why)));
                    continue;
                }
            };
            let file = blob.and_then(|b| {
                web_sys::File::new_with_blob_sequence(&js_sys::Array::of1(&b), &name).ok()
            });
            match file {
                Some(f) => files.push(f),
                None => sinks
                    .corpus
                    .update_value(|c| c.add_refused(&name, not_loaded("could not be read"))),
            }
        }
        sinks.version.update(|v| *v += 1);
        load_files(
            files.into_iter().map(ToLoad::from).collect(),
            sinks,
            options,
        );
    });
}
