//! Analysis off the main thread: the same wasm module runs in a module Web Worker.
//!
//! The page sends batches `{jobs: [{id, file, name?}], options}` (a few in flight),
//! a loose file's job carrying its `bytes` instead of the file (the page reads it:
//! see [`AnalysisWorker::analyse`]); the worker learns each other file's size (the
//! page never asks: it costs a synchronous call to the browser per picked file),
//! refuses those over the limit unread, reads the rest, decodes and analyses each,
//! and answers the batch with
//! `{answers: [{id, size, bytes}]}`, each an [`AnalysedFile`] in its compact byte form
//! ([`AnalysedFile::to_bytes`]), its buffer transferred rather than copied; the page
//! reads them back in small slices (decoding JSON here cost the page more than a
//! second per 10,000 files, in long tasks). Before its
//! first answer it says `{ready, places}`: the size of its gazetteer, which must equal
//! the page's so that place indices mean the same on both sides. Before a file of a
//! megabyte or more it says `{started: id}` and answers what it has, so that the
//! page can name a file that runs long and stop that worker alone.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::error::FileError;
use crate::engine::ingest::decode::size_limit;
use crate::engine::ingest::formats::pdf;
use crate::engine::{AnalysedFile, AnalysisOptions};
use crate::ui::model::schedule::{handed_back, LONG_FILE_BYTES};
use crate::ui::platform::to_load::ToLoad;

/// Most bytes read from disk at once: a batch's files are read in groups of this
/// size, so that a batch of large files never sits in memory whole.
const READ_BYTES: usize = 16_000_000;

/// Passes over the sample articles (about 40 KB) before the worker says it is ready.
const WARM_UP_PASSES: usize = 8;

/// The `role` of a worker that walks dropped folders rather than analysing files.
pub const WALKER_ROLE: &str = "walk";

/// True when this module runs in a worker rather than a page.
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<web_sys::Window>().is_none()
}

/// Sets `key` of a message (or any object) being built.
pub(crate) fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `key` of a message received, or undefined.
pub(crate) fn get(source: &JsValue, key: &str) -> JsValue {
    Reflect::get(source, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's side: install the gazetteer, announce readiness, then analyse each
/// file it is sent, one at a time (messages queue while one is analysed).
pub fn run_worker() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let address = get(&get(&scope, "location"), "href").as_string();
    let walker = address
        .and_then(|a| web_sys::Url::new(&a).ok())
        .is_some_and(|url| url.search_params().get("role").as_deref() == Some(WALKER_ROLE));
    if walker {
        crate::ui::platform::folders::serve_walks(scope);
        return;
    }
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
        let _ = crate::ui::platform::gazetteer::fetch_and_install().await;
        let places = crate::engine::recognize::lexicon::lexicon().places.len();
        // Warm up: a browser first runs wasm through a quick baseline compiler and
        // optimises the functions that prove hot; a few passes over the sample
        // articles get the engine there before the user's first files arrive.
        let options = AnalysisOptions::default();
        for _ in 0..WARM_UP_PASSES {
            for (name, text) in crate::ui::platform::sample::SAMPLE_FILES {
                let _ = crate::engine::analyze_text(name, text, &options);
            }
        }
        let message = Object::new();
        set(&message, "ready", &JsValue::TRUE);
        set(&message, "places", &JsValue::from_f64(places as f64));
        let _ = scope.post_message(&message);
        *ready.borrow_mut() = true;
        drain(&scope, &queue);
    });
}

/// Answers each queued batch (see [`answer_batch`]); batches run concurrently, so the
/// next one is read while this one is analysed.
fn drain(scope: &web_sys::DedicatedWorkerGlobalScope, queue: &Rc<RefCell<Vec<JsValue>>>) {
    let batches: Vec<JsValue> = queue.borrow_mut().drain(..).collect();
    for batch in batches {
        let options: AnalysisOptions = get(&batch, "options")
            .as_string()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let jobs: Vec<JsValue> = js_sys::Array::from(&get(&batch, "jobs")).iter().collect();
        wasm_bindgen_futures::spawn_local(answer_batch(scope.clone(), jobs, options));
    }
}

/// Reads a batch in as few reads as [`READ_BYTES`] allows, each one blob of several
/// files (a read of a dropped file is a round trip to the browser's file store), then
/// analyses the files and answers the batch in one message (a file of a megabyte or
/// more alone). Large files past the first 16 MB of them go back to the page unread,
/// for another worker (`schedule::handed_back`). If a read fails, its files are read
/// one by one, so that an unreadable file is reported alone.
async fn answer_batch(
    scope: web_sys::DedicatedWorkerGlobalScope,
    jobs: Vec<JsValue>,
    options: AnalysisOptions,
) {
    // A loose file comes read (`bytes`, see `AnalysisWorker::analyse`), any other
    // as a file to read here.
    let read_by_page: Vec<Option<js_sys::Uint8Array>> = jobs
        .iter()
        .map(|j| get(j, "bytes").dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|buffer| buffer.map(|b| js_sys::Uint8Array::new(&b)))
        .collect();
    let files: Vec<Option<web_sys::File>> = jobs
        .iter()
        .map(|j| get(j, "file").dyn_into().ok())
        .collect();
    // A dropped folder's file goes by its path (`name`); any other by its own name.
    let names: Vec<String> = jobs
        .iter()
        .zip(&files)
        .map(|(j, f)| {
            get(j, "name")
                .as_string()
                .or_else(|| f.as_ref().map(|f| f.name()))
                .unwrap_or_default()
        })
        .collect();
    // Sizes are read here: in the page each is a synchronous call to the browser
    // (about half a millisecond for a picked file, 50 s for 100,000 files).
    let sizes: Vec<usize> = (read_by_page.iter().zip(&files))
        .map(|(read, file)| match (read, file) {
            (Some(bytes), _) => bytes.length() as usize,
            (None, Some(file)) => file.size() as usize,
            (None, None) => 0,
        })
        .collect();
    let mut outbox = Outbox::default();
    let back = hand_back(&scope, &jobs, &sizes, &names);
    // Small files first: a large one may take seconds, and the small ones of its
    // batch should not wait behind it.
    let mut order: Vec<usize> = (0..files.len()).filter(|i| !back.contains(i)).collect();
    order.sort_by_key(|&i| sizes[i] >= LONG_FILE_BYTES);
    let mut at = 0;
    while at < order.len() {
        // One read of files up to READ_BYTES together (a larger file alone); a file
        // over its limit is never read.
        let (mut end, mut bytes) = (at, 0);
        while end < order.len() && (end == at || bytes + sizes[order[end]] <= READ_BYTES) {
            bytes += sizes[order[end]];
            end += 1;
        }
        let group = &order[at..end];
        let readable: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| files[i].is_some() && read_by_page[i].is_none())
            .filter(|&i| sizes[i] <= size_limit(&names[i]))
            .collect();
        let read_files: Vec<web_sys::File> =
            readable.iter().filter_map(|&i| files[i].clone()).collect();
        let read_sizes: Vec<usize> = readable.iter().map(|&i| sizes[i]).collect();
        let mut contents = read_all(&read_files, &read_sizes).await.into_iter();
        for &i in group {
            let read = if let Some(bytes) = &read_by_page[i] {
                Some(Ok(bytes.to_vec()))
            } else if readable.contains(&i) {
                Some(
                    contents
                        .next()
                        .unwrap_or_else(|| Err("it could not be read".to_string())),
                )
            } else if files[i].is_none() {
                Some(Err("it could not be read".to_string()))
            } else {
                None
            };
            // A large file may take seconds: what is done so far goes out first, and
            // the page is told which file runs, so that it can name it and stop it alone.
            let long = matches!(&read, Some(Ok(b)) if b.len() >= LONG_FILE_BYTES);
            if long {
                outbox.post(&scope);
                let started = Object::new();
                set(&started, "started", &get(&jobs[i], "id"));
                let _ = scope.post_message(&started);
            }
            let analysed = analyse_read(&names[i], sizes[i], read, &options).await;
            outbox.push(&jobs[i], sizes[i], &analysed);
            if long {
                outbox.post(&scope);
            }
        }
        at = end;
    }
    outbox.post(&scope);
}

/// Posts back at once, for a worker free, the batch's large files past what this
/// worker keeps (`schedule::handed_back`; a file over its size limit is never read,
/// so it weighs nothing), and returns their places in the batch.
fn hand_back(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    jobs: &[JsValue],
    sizes: &[usize],
    names: &[String],
) -> Vec<usize> {
    let readable_sizes: Vec<usize> = (sizes.iter().zip(names))
        .map(|(&size, name)| if size <= size_limit(name) { size } else { 0 })
        .collect();
    let back = handed_back(&readable_sizes);
    if !back.is_empty() {
        let ids: js_sys::Array = back.iter().map(|&i| get(&jobs[i], "id")).collect();
        let message = Object::new();
        set(&message, "handedBack", &ids);
        let _ = scope.post_message(&message);
    }
    back
}

/// One file's analysis from what reading it gave: `None` when it was over its size
/// limit and so never read, an error when the browser could not read it.
async fn analyse_read(
    name: &str,
    size: usize,
    read: Option<Result<Vec<u8>, String>>,
    options: &AnalysisOptions,
) -> AnalysedFile {
    match read {
        Some(Ok(bytes)) if pdf::is_pdf(name, &bytes) => analyse_pdf(name, &bytes, options).await,
        Some(Ok(bytes)) => AnalysedFile::analyse(name, &bytes, options),
        None => AnalysedFile::refused(
            name,
            size,
            FileError::TooLarge {
                size,
                limit: size_limit(name),
            },
        ),
        Some(Err(reason)) => AnalysedFile::refused(name, 0, FileError::Unreadable { reason }),
    }
}

/// Answers gathered for one message, their bytes end to end in one buffer: a buffer
/// per file was a JavaScript object and a backing store per file for the page's
/// garbage collector, whose pauses were the longest tasks of a large drop.
#[derive(Default)]
struct Outbox {
    /// Per answer: its job's id, the file's size, and where its bytes end in `bytes`.
    answers: Vec<(JsValue, usize, usize)>,
    bytes: Vec<u8>,
}

impl Outbox {
    /// Adds the answer for one job.
    fn push(&mut self, job: &JsValue, size: usize, analysed: &AnalysedFile) {
        self.bytes.extend_from_slice(&analysed.to_bytes());
        self.answers.push((get(job, "id"), size, self.bytes.len()));
    }

    /// Sends the answers gathered so far (if any) as `{answers: [{id, size, bytes}]}`,
    /// each `bytes` a view of the one buffer, which is transferred.
    fn post(&mut self, scope: &web_sys::DedicatedWorkerGlobalScope) {
        if self.answers.is_empty() {
            return;
        }
        let buffer = js_sys::Uint8Array::from(self.bytes.as_slice()).buffer();
        let answers = js_sys::Array::new();
        let mut start = 0;
        for (id, size, end) in &self.answers {
            let answer = Object::new();
            set(&answer, "id", id);
            set(&answer, "size", &JsValue::from_f64(*size as f64));
            let bytes = js_sys::Uint8Array::new_with_byte_offset_and_length(
                &buffer,
                start as u32,
                (end - start) as u32,
            );
            set(&answer, "bytes", &bytes);
            answers.push(&answer);
            start = *end;
        }
        let message = Object::new();
        set(&message, "answers", &answers);
        let _ = scope.post_message_with_transfer(&message, &js_sys::Array::of1(&buffer));
        *self = Outbox::default();
    }
}

/// The files' bytes: read as one blob and cut back by their sizes (one read is far
/// cheaper than many), or each alone if that fails.
async fn read_all(files: &[web_sys::File], sizes: &[usize]) -> Vec<Result<Vec<u8>, String>> {
    if files.is_empty() {
        return Vec::new();
    }
    let parts: js_sys::Array = files.iter().collect();
    if let Ok(read) = web_sys::Blob::new_with_blob_sequence(&parts).map(|b| b.array_buffer()) {
        if let Ok(buffer) = JsFuture::from(read).await {
            return cut(&js_sys::Uint8Array::new(&buffer).to_vec(), sizes);
        }
    }
    let mut each = Vec::with_capacity(files.len());
    for f in files {
        each.push(
            JsFuture::from(f.array_buffer())
                .await
                .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                .map_err(|e| format!("{e:?}")),
        );
    }
    each
}

/// Reads a PDF through the PDF reader module (worker.js loads it on the first PDF;
/// it is not in this module, so that the page's first paint does not carry it),
/// then analyses what it read as the native tool does.
async fn analyse_pdf(name: &str, bytes: &[u8], options: &AnalysisOptions) -> AnalysedFile {
    let read = match crate::engine::ingest::decode::check_size(name, bytes) {
        Err(e) => Err(e),
        Ok(()) => read_pdf_in_module(bytes).await,
    };
    AnalysedFile {
        name: name.to_string(),
        size: bytes.len(),
        content_hash: crate::engine::index::analysed::content_hash(bytes),
        outcome: crate::engine::analyze_pdf(name, read, options),
        signatures: Vec::new(),
    }
    .signed()
}

async fn read_pdf_in_module(bytes: &[u8]) -> Result<pdf::PdfText, FileError> {
    let failed = |reason: &str| FileError::Unreadable {
        reason: reason.to_string(),
    };
    let reader: js_sys::Function = get(&js_sys::global(), "dossierReadPdf")
        .dyn_into()
        .map_err(|_| failed("the PDF reader is missing from this build"))?;
    let promise = reader
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .map_err(|_| failed("the PDF reader could not be started"))?;
    let answer = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| {
            let what = if get(&e, "loading").is_truthy() {
                "the PDF reader could not be loaded (is dossier-pdf_bg.wasm beside the page?)"
            } else {
                "the PDF reader failed on it (a damaged or unusual PDF)"
            };
            failed(what)
        })?;
    let answer = js_sys::Uint8Array::new(&answer).to_vec();
    postcard::from_bytes(&answer)
        .unwrap_or_else(|_| Err(failed("the PDF reader's answer could not be read")))
}

// The page's reads of loose files, in JavaScript: each file's stream read to its
// end, or stopped past its limit (its size is not known without a synchronous call
// to the browser), the files of a batch at once. One promise per batch: awaiting
// each chunk from the module cost a closure and a crossing per chunk.
#[wasm_bindgen(inline_js = r#"
export async function readLoose(files, limits) {
  return Promise.all(files.map(async (file, i) => {
    try {
      const reader = file.stream().getReader();
      const chunks = [];
      let total = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > limits[i]) { reader.cancel(); return null; }
        chunks.push(value);
      }
      const [first] = chunks;
      if (chunks.length === 1 && first.byteOffset === 0 && first.length === first.buffer.byteLength) return first.buffer;
      const whole = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) { whole.set(chunk, at); at += chunk.length; }
      return whole.buffer;
    } catch {
      return null;
    }
  }));
}
"#)]
extern "C" {
    /// Resolves to one `ArrayBuffer` per file, or `null` for a file over its limit
    /// or unreadable.
    #[wasm_bindgen(js_name = readLoose)]
    fn read_loose(files: &js_sys::Array, limits: &js_sys::Array) -> js_sys::Promise;
}

/// The read's bytes cut back into its files, by their sizes.
fn cut(bytes: &[u8], sizes: &[usize]) -> Vec<Result<Vec<u8>, String>> {
    let mut at = 0;
    sizes
        .iter()
        .map(|&size| {
            let end = (at + size).min(bytes.len());
            let piece = bytes[at..end].to_vec();
            at = end;
            Ok(piece)
        })
        .collect()
}

/// Starts a worker on the page's own wasm module, `query` added to its address (the
/// worker's part: see [`run_worker`]).
pub fn start_module_worker(query: &[(&str, &str)]) -> Result<web_sys::Worker, String> {
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
    let mut url = format!("worker.js?glue={}", js_sys::encode_uri_component(&glue));
    for (key, value) in query {
        url.push('&');
        url.push_str(key);
        url.push('=');
        url.push_str(&String::from(js_sys::encode_uri_component(value)));
    }
    web_sys::Worker::new_with_options(&url, &options).map_err(|e| format!("{e:?}"))
}

/// The page's handle on a worker.
pub struct AnalysisWorker {
    worker: web_sys::Worker,
}

/// What the worker said.
pub enum WorkerReply {
    Ready {
        places: usize,
    },
    /// It began analysing a large file (see [`LONG_FILE_BYTES`]).
    Started {
        id: u32,
    },
    /// It gives these files back unread, for another worker (see [`handed_back`]).
    HandedBack {
        ids: Vec<u32>,
    },
    /// An [`AnalysedFile`] as bytes, read back when the page has time, and the
    /// file's size (the page never asks: see `answer_batch`).
    Analysed {
        id: u32,
        size: f64,
        bytes: js_sys::Uint8Array,
    },
}

impl AnalysisWorker {
    /// Starts a worker on the page's own wasm module; `on_reply` gets its answers.
    pub fn start(on_reply: impl FnMut(WorkerReply) + 'static) -> Result<AnalysisWorker, String> {
        let worker = start_module_worker(&[])?;
        let mut on_reply = on_reply;
        let handler =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if get(&data, "ready").is_truthy() {
                    let places = get(&data, "places").as_f64().unwrap_or(0.0) as usize;
                    on_reply(WorkerReply::Ready { places });
                    return;
                }
                if let Some(id) = get(&data, "started").as_f64() {
                    on_reply(WorkerReply::Started { id: id as u32 });
                    return;
                }
                if let Ok(back) = get(&data, "handedBack").dyn_into::<js_sys::Array>() {
                    let ids = back.iter().filter_map(|id| id.as_f64()).map(|id| id as u32);
                    on_reply(WorkerReply::HandedBack { ids: ids.collect() });
                    return;
                }
                for answer in js_sys::Array::from(&get(&data, "answers")).iter() {
                    let id = get(&answer, "id").as_f64().unwrap_or(0.0) as u32;
                    let size = get(&answer, "size").as_f64().unwrap_or(0.0);
                    let bytes = get(&answer, "bytes").unchecked_into();
                    on_reply(WorkerReply::Analysed { id, size, bytes });
                }
            });
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        Ok(AnalysisWorker { worker })
    }

    /// Sends a batch of files to analyse, answered in one message. A loose file
    /// (picked, or dropped outside a folder) is read here first and its bytes are
    /// transferred: cloning one into a message is a synchronous look-up in the
    /// browser, about half a millisecond and far longer while the browser is busy
    /// (the longest tasks of a large pick), and reading it is not. A file not read
    /// here in full (over its size limit, unreadable) goes as a file, for the worker
    /// to refuse or report.
    pub fn analyse(&self, jobs: &[(u32, &ToLoad)], options: &AnalysisOptions) {
        let list = js_sys::Array::new();
        let mut loose = Vec::new();
        for (id, file) in jobs {
            let job = Object::new();
            set(&job, "id", &JsValue::from_f64(*id as f64));
            set(&job, "file", &file.file);
            match &file.path {
                Some(path) => set(&job, "name", &JsValue::from_str(path)),
                None => loose.push((job.clone(), file.file.clone())),
            }
            list.push(&job);
        }
        let message = Object::new();
        set(&message, "jobs", &list);
        let options = serde_json::to_string(options).unwrap_or_default();
        set(&message, "options", &JsValue::from_str(&options));
        if loose.is_empty() {
            let _ = self.worker.post_message(&message);
            return;
        }
        let worker = self.worker.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let files: js_sys::Array = loose.iter().map(|(_, file)| file.clone()).collect();
            let limits: js_sys::Array = (loose.iter())
                .map(|(_, file)| JsValue::from_f64(size_limit(&file.name()) as f64))
                .collect();
            let read = JsFuture::from(read_loose(&files, &limits)).await;
            let read = read.map(|r| js_sys::Array::from(&r)).unwrap_or_default();
            let transfer = js_sys::Array::new();
            for ((job, file), bytes) in loose.iter().zip(read.iter()) {
                if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
                    set(job, "file", &JsValue::UNDEFINED);
                    set(job, "name", &JsValue::from_str(&file.name()));
                    set(job, "bytes", &bytes);
                    transfer.push(&bytes);
                }
            }
            let _ = worker.post_message_with_transfer(&message, &transfer);
        });
    }

    /// Stops the worker at once, mid-file if need be.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}
