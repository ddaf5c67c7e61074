//! Analysis off the main thread: the same wasm module runs in a module Web Worker.
//!
//! The page sends `{id, file, options}` one file at a time (a few in flight); the
//! worker reads the file, decodes and analyses it, and answers `{id, json}` with an
//! [`AnalysedFile`] as JSON (one string is the cheapest thing to post). Before its
//! first answer it says `{ready, places}`: the size of its gazetteer, which must equal
//! the page's so that place indices mean the same on both sides.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::{AnalysedFile, AnalysisOptions};

/// True when this module runs in a worker rather than a page.
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<web_sys::Window>().is_none()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn get(source: &JsValue, key: &str) -> JsValue {
    Reflect::get(source, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's side: install the gazetteer, announce readiness, then analyse each
/// file it is sent, one at a time (messages queue while one is analysed).
pub fn run_worker() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let queue: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let ready = Rc::new(RefCell::new(false));
    {
        let (queue, ready, scope2) = (queue.clone(), ready.clone(), scope.clone());
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                queue.borrow_mut().push(ev.data());
                if *ready.borrow() {
                    drain(&scope2, &queue);
                }
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(table) = super::gazetteer::fetch_text("cities.tsv").await {
            crate::engine::lexicon::install_small_cities(table);
        }
        let places = crate::engine::lexicon::lexicon().places.len();
        let message = Object::new();
        set(&message, "ready", &JsValue::TRUE);
        set(&message, "places", &JsValue::from_f64(places as f64));
        let _ = scope.post_message(&message);
        *ready.borrow_mut() = true;
        drain(&scope, &queue);
    });
}

/// Starts analysing the queued files in order (each one reads, then analyses).
fn drain(scope: &web_sys::DedicatedWorkerGlobalScope, queue: &Rc<RefCell<Vec<JsValue>>>) {
    let jobs: Vec<JsValue> = queue.borrow_mut().drain(..).collect();
    for job in jobs {
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let id = get(&job, "id");
            let file: web_sys::File = get(&job, "file").unchecked_into();
            let options: AnalysisOptions = get(&job, "options")
                .as_string()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            let name = file.name();
            let analysed =
                match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
                    Ok(bytes) => AnalysedFile::analyse(&name, &bytes, &options),
                    Err(e) => AnalysedFile {
                        name,
                        size: 0,
                        content_hash: String::new(),
                        outcome: Err(crate::engine::FileError::Unreadable {
                            reason: e.to_string(),
                        }),
                    },
                };
            let message = Object::new();
            set(&message, "id", &id);
            let json = serde_json::to_string(&analysed).unwrap_or_default();
            set(&message, "json", &JsValue::from_str(&json));
            let _ = scope.post_message(&message);
        });
    }
}

/// The page's handle on a worker.
pub struct AnalysisWorker {
    worker: web_sys::Worker,
}

/// What the worker said.
pub enum WorkerReply {
    Ready { places: usize },
    Analysed { id: u32, file: Box<AnalysedFile> },
}

impl AnalysisWorker {
    /// Starts a worker on the page's own wasm module; `on_reply` gets its answers.
    pub fn start(on_reply: impl FnMut(WorkerReply) + 'static) -> Result<AnalysisWorker, String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        // Trunk preloads the module's JavaScript glue; the worker imports the same file.
        let glue = document
            .query_selector("link[rel=modulepreload][href$='.js']")
            .ok()
            .flatten()
            .and_then(|l| l.get_attribute("href"))
            .ok_or("the page does not name its module")?;
        let base = document.base_uri().ok().flatten().unwrap_or_default();
        let glue = web_sys::Url::new_with_base(&glue, &base)
            .map_err(|e| format!("{e:?}"))?
            .href();
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let url = format!("worker.js?glue={}", js_sys::encode_uri_component(&glue));
        let worker =
            web_sys::Worker::new_with_options(&url, &options).map_err(|e| format!("{e:?}"))?;
        let mut on_reply = on_reply;
        let handler =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if get(&data, "ready").is_truthy() {
                    let places = get(&data, "places").as_f64().unwrap_or(0.0) as usize;
                    on_reply(WorkerReply::Ready { places });
                    return;
                }
                let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
                let json = get(&data, "json").as_string().unwrap_or_default();
                if let Ok(file) = serde_json::from_str::<AnalysedFile>(&json) {
                    on_reply(WorkerReply::Analysed {
                        id,
                        file: Box::new(file),
                    });
                }
            });
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        Ok(AnalysisWorker { worker })
    }

    /// Sends one file to analyse.
    pub fn analyse(&self, id: u32, file: &web_sys::File, options: &AnalysisOptions) {
        let message = Object::new();
        set(&message, "id", &JsValue::from_f64(id as f64));
        set(&message, "file", file);
        let options = serde_json::to_string(options).unwrap_or_default();
        set(&message, "options", &JsValue::from_str(&options));
        let _ = self.worker.post_message(&message);
    }

    /// Stops the worker at once, mid-file if need be.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}
