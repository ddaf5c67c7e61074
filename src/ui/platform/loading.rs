//! Loading dropped or picked files: analysed in a Web Worker, indexed here in small batches.
//!
//! Files go to a pool of workers (one per core, up to four) in batches, a bounded
//! number at a time (so a folder of 10,000 files is not read all at once); analysed files come back as data and are added to the corpus in
//! slices of at most `SLICE_MS` so that the page keeps answering; the views are
//! refreshed at most every `REFRESH_MS` (the schedule is in `ui::model::schedule`), less often when refreshing a large
//! corpus proves costly. Cancelling stops the worker mid-file;
//! what was already analysed stays, the rest is listed as not loaded. A large file
//! that runs longer than `SLOW_FILE_MS` is named in the progress line and can be
//! stopped alone: its worker is replaced and the other files go on. If the worker
//! cannot start, or its gazetteer differs from the page's, files are analysed here.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use gloo_file::futures::read_as_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::engine::ingest::decode::size_limit;
use crate::engine::{AnalysedFile, AnalysisOptions, Corpus, FileError};
pub use crate::ui::model::schedule::Progress;
use crate::ui::model::schedule::{
    batch_size, fits_in_memory, refresh_wait_ms, RecentRate, SlowFile, BATCH, MAX_WORKERS,
    MEMORY_CEILING_BYTES, PUMP_SLICE_MS, SLICE_MS, SLOW_FILE_MS,
};
use crate::ui::platform::to_load::ToLoad;
use crate::ui::platform::worker::{AnalysisWorker, WorkerReply};
use crate::ui::platform::{gazetteer, now_ms, tables};

/// Where the app's views are, for the loader to update them.
#[derive(Clone, Copy)]
pub struct Sinks {
    pub corpus: StoredValue<Corpus>,
    pub version: WriteSignal<u64>,
    pub progress: WriteSignal<Option<Progress>>,
}

/// A file back from analysis, waiting to be indexed.
enum Arrived {
    /// Analysed on this thread.
    Read(AnalysedFile),
    /// From a worker, still in its byte form: read back in the indexing slices, so
    /// that a worker's answer costs the page almost nothing when it arrives.
    Encoded {
        bytes: js_sys::Uint8Array,
        name: String,
    },
}

impl Arrived {
    fn name(&self) -> String {
        match self {
            Arrived::Read(file) => file.name.clone(),
            Arrived::Encoded { name, .. } => name.clone(),
        }
    }

    /// About what indexing it adds to memory is proportional to: its analysed form's size.
    fn size(&self) -> f64 {
        match self {
            Arrived::Read(file) => file.size as f64,
            Arrived::Encoded { bytes, .. } => bytes.length() as f64,
        }
    }

    fn into_file(self) -> AnalysedFile {
        thread_local! {
            /// One buffer every answer is read back through, rather than a new one
            /// per file (a third of the allocator's time on the page, in a profile).
            static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        /// A buffer grown past this by a large file is given back after it.
        const KEPT_BYTES: usize = 4 << 20;
        match self {
            Arrived::Read(file) => file,
            Arrived::Encoded { bytes, name } => ANSWER.with_borrow_mut(|answer| {
                answer.resize(bytes.length() as usize, 0);
                bytes.copy_to(answer);
                let file = AnalysedFile::from_bytes(answer, &name);
                if answer.capacity() > KEPT_BYTES {
                    *answer = Vec::new();
                }
                file
            }),
        }
    }
}

struct Job {
    id: u32,
    file: ToLoad,
    options: AnalysisOptions,
}

impl Job {
    fn name(&self) -> String {
        self.file.name()
    }
}

/// One worker of the pool and the files it holds.
struct Slot {
    worker: Rc<AnalysisWorker>,
    /// It answered and its gazetteer matches the page's.
    ready: bool,
    in_flight: Vec<Job>,
    /// The large file it is analysing, and since when (ms).
    running: Option<(u32, f64)>,
}

impl Slot {
    /// Sends `batch` (files that share their options) to this worker, which holds them
    /// until it answers.
    fn send(&mut self, batch: Vec<Job>) {
        let Some(options) = batch.first().map(|j| j.options) else {
            return;
        };
        let jobs: Vec<(u32, &ToLoad)> = batch.iter().map(|j| (j.id, &j.file)).collect();
        self.worker.analyse(&jobs, &options);
        self.in_flight.extend(batch);
    }
}

#[derive(Default)]
struct Loader {
    /// One worker per core, up to [`MAX_WORKERS`]: the page itself is mostly idle.
    workers: Vec<Slot>,
    /// Analyse on the page (no worker could start, or one disagrees).
    on_main_thread: bool,
    main_thread_busy: bool,
    queue: VecDeque<Job>,
    analysed: VecDeque<Arrived>,
    progress: Progress,
    /// Files done recently, for the time left.
    rate: RecentRate,
    next_id: u32,
    refresh_scheduled: bool,
    /// A later task hands more files to the workers (see `pump`).
    pump_scheduled: bool,
    /// How long the last refresh of the views took.
    last_refresh_ms: f64,
    /// A timer looks for a file that runs long while large files are analysed.
    watching: bool,
    sinks: Option<Sinks>,
    /// Files analysed again (another text column): their new analysis replaces
    /// the old one when it is indexed.
    replacing: HashSet<String>,
}

thread_local! {
    static LOADER: Rc<RefCell<Loader>> = Rc::default();
}

/// Whether the kept corpus is being reopened (files that arrive meanwhile wait, so
/// that the reopened corpus does not replace them), and whether Cancel stopped it.
#[derive(Clone, Copy, PartialEq)]
pub enum Reopening {
    No,
    Running,
    Cancelled,
}

thread_local! {
    static REOPENING: std::cell::Cell<Reopening> = const { std::cell::Cell::new(Reopening::No) };
}

pub fn reopening() -> Reopening {
    REOPENING.with(|r| r.get())
}

pub fn set_reopening(state: Reopening) {
    REOPENING.with(|r| r.set(state));
}

fn loader() -> Rc<RefCell<Loader>> {
    LOADER.with(Rc::clone)
}

/// Starts the worker (and its warm-up) and indexes the gazetteer on the page, after
/// first paint and before any file is dropped, so that neither delays the first load.
pub fn prepare() {
    let state = loader();
    ensure_worker(&state);
    spawn_local(async {
        gazetteer::ready().await;
        gazetteer::index_in_steps().await;
    });
}

/// Adds files to the loading queue; progress and results flow to `sinks`.
pub fn load_files(files: Vec<ToLoad>, sinks: Sinks, options: AnalysisOptions) {
    for file in &files {
        tables::keep(file);
    }
    queue_files(files, sinks, options);
}

/// Analyses a file loaded before again with other options; its new documents
/// replace those it gave.
pub fn load_again(file: ToLoad, sinks: Sinks, options: AnalysisOptions) {
    loader().borrow_mut().replacing.insert(file.name());
    queue_files(vec![file], sinks, options);
}

fn queue_files(files: Vec<ToLoad>, sinks: Sinks, options: AnalysisOptions) {
    let state = loader();
    {
        let mut s = state.borrow_mut();
        s.sinks = Some(sinks);
        if s.queue.is_empty() && s.n_in_flight() == 0 && s.analysed.is_empty() {
            s.progress = Progress::default();
            s.rate.start(now_ms() / 1000.0);
        }
        // No file's size is asked here: for a picked file each is a synchronous call to
        // the browser (half a millisecond: 50 s for 100,000 files). The worker asks, and
        // refuses a file over its limit unread.
        let full = !fits_in_memory(memory_bytes(), 0.0);
        for file in files {
            if full {
                sinks
                    .corpus
                    .update_value(|c| c.add_refused(&file.name(), memory_full()));
                continue;
            }
            s.next_id += 1;
            let id = s.next_id;
            s.progress.n_files += 1;
            s.queue.push_back(Job { id, file, options });
        }
        sinks.progress.set(Some(s.progress.clone()));
        // Only refusals change the corpus here: the views are not redrawn for a queue
        // (a dropped folder is queued a few hundred files at a time).
        if full {
            sinks.version.update(|v| *v += 1);
        }
    }
    ensure_worker(&state);
    pump(&state);
}

/// Stops loading: the worker is stopped mid-file; files already analysed are kept,
/// the others are listed as not loaded.
pub fn cancel() {
    if reopening() == Reopening::Running {
        set_reopening(Reopening::Cancelled);
    }
    stop_loading(true, FileError::Cancelled);
}

/// The wasm memory the page's module holds (it grows, never shrinks).
fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |b| b.byte_length() as f64)
        })
}

/// Why files are refused once the tab's memory is nearly full.
fn memory_full() -> FileError {
    FileError::NotLoaded {
        reason: format!(
            "was not loaded: this tab holds as much as its memory allows ({:.1} GB); what is loaded stays explorable. For a larger pile, make a pack with `dossier pack` (see the README)",
            MEMORY_CEILING_BYTES / 1e9
        ),
    }
}

/// Stops every worker and lists the files not yet indexed as not loaded with `error`;
/// files analysed but not indexed are indexed first when `index_analysed`.
fn stop_loading(index_analysed: bool, error: FileError) {
    let state = loader();
    let mut s = state.borrow_mut();
    let mut names: Vec<String> = Vec::new();
    for slot in s.workers.drain(..) {
        slot.worker.terminate();
        names.extend(slot.in_flight.iter().map(Job::name));
    }
    let Some(sinks) = s.sinks else { return };
    names.extend(s.queue.drain(..).map(|j| j.name()));
    let analysed: Vec<Arrived> = s.analysed.drain(..).collect();
    sinks.corpus.update_value(|c| {
        for file in analysed {
            if index_analysed {
                c.add_analysed(file.into_file());
            } else {
                c.add_refused(&file.name(), error.clone());
            }
        }
        for name in &names {
            c.add_refused(name, error.clone());
        }
    });
    s.progress.slow = None;
    sinks.progress.set(None);
    sinks.version.update(|v| *v += 1);
}

/// Stops the file named in the progress line as running long: its worker is
/// terminated and a fresh one started; the file is reported as stopped, the other
/// files that worker held go back to the queue, and loading goes on.
pub fn stop_slow_file() {
    let state = loader();
    {
        let mut s = state.borrow_mut();
        let now = now_ms();
        let Some(index) = s.slowest(now) else { return };
        let Some(sinks) = s.sinks else { return };
        let slot = &mut s.workers[index];
        slot.worker.terminate();
        let (id, since) = slot.running.take().expect("the slowest slot runs a file");
        let jobs: Vec<Job> = std::mem::take(&mut slot.in_flight);
        for job in jobs.into_iter().rev() {
            if job.id == id {
                s.progress.n_done += 1;
                let seconds = ((now - since) / 1000.0).round() as u32;
                sinks
                    .corpus
                    .update_value(|c| c.add_refused(&job.name(), FileError::Stopped { seconds }));
            } else {
                s.queue.push_front(job);
            }
        }
        s.progress.slow = None;
        match start_worker(&state, index) {
            Some(fresh) => s.workers[index] = fresh,
            None => s.fall_back_to_main_thread(),
        }
        sinks.progress.set(Some(s.progress.clone()));
        sinks.version.update(|v| *v += 1);
    }
    schedule_refresh(&state);
    pump(&state);
}

impl Loader {
    /// The worker whose large file has run longest, if past [`SLOW_FILE_MS`].
    fn slowest(&self, now: f64) -> Option<usize> {
        self.workers
            .iter()
            .enumerate()
            .filter_map(|(k, slot)| Some((k, slot.running?.1)))
            .filter(|(_, since)| now - since >= SLOW_FILE_MS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
    }

    /// The file that runs long, for the progress line.
    fn slow_file(&self, now: f64) -> Option<SlowFile> {
        let slot = &self.workers[self.slowest(now)?];
        let (id, since) = slot.running?;
        let job = slot.in_flight.iter().find(|j| j.id == id)?;
        Some(SlowFile {
            name: job.name(),
            seconds: ((now - since) / 1000.0) as u32,
        })
    }

    fn n_in_flight(&self) -> usize {
        self.workers.iter().map(|w| w.in_flight.len()).sum()
    }

    /// Back to analysing on the page: every worker stops and its files queue again.
    fn fall_back_to_main_thread(&mut self) {
        self.on_main_thread = true;
        for slot in self.workers.drain(..).collect::<Vec<_>>() {
            slot.worker.terminate();
            for job in slot.in_flight.into_iter().rev() {
                self.queue.push_front(job);
            }
        }
    }
}

fn ensure_worker(state: &Rc<RefCell<Loader>>) {
    let mut s = state.borrow_mut();
    if !s.workers.is_empty() || s.on_main_thread {
        return;
    }
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    let n_workers = (cores as usize).clamp(1, MAX_WORKERS);
    for index in 0..n_workers {
        match start_worker(state, index) {
            Some(slot) => s.workers.push(slot),
            None => break,
        }
    }
    if s.workers.is_empty() {
        s.on_main_thread = true;
    }
}

/// A worker for the pool's place `index`; its replies are routed by that index.
fn start_worker(state: &Rc<RefCell<Loader>>, index: usize) -> Option<Slot> {
    let weak = Rc::downgrade(state);
    let worker = AnalysisWorker::start(move |reply| {
        if let Some(state) = weak.upgrade() {
            on_reply(&state, index, reply);
        }
    })
    .ok()?;
    Some(Slot {
        worker: Rc::new(worker),
        ready: false,
        in_flight: Vec::new(),
        running: None,
    })
}

/// While large files are analysed, names the one that runs long in the progress
/// line, every half second (nothing else refreshes it while a worker is busy).
fn watch_slow_files(state: &Rc<RefCell<Loader>>) {
    if std::mem::replace(&mut state.borrow_mut().watching, true) {
        return;
    }
    let state = state.clone();
    spawn_local(async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(500).await;
            let mut s = state.borrow_mut();
            let running = s.workers.iter().any(|w| w.running.is_some());
            let slow = s.slow_file(now_ms());
            let loading = s.n_in_flight() > 0 || !s.queue.is_empty();
            if s.progress.slow != slow && loading {
                s.progress.slow = slow;
                // While every worker is held by a large file no refresh comes.
                let (done, total) = (s.progress.n_done as f64, s.progress.n_files as f64);
                s.progress.seconds_left = s.rate.seconds_left(now_ms() / 1000.0, done, total);
                if let Some(sinks) = s.sinks {
                    sinks.progress.set(Some(s.progress.clone()));
                }
            }
            if !running {
                s.watching = false;
                return;
            }
        }
    });
}

fn on_reply(state: &Rc<RefCell<Loader>>, index: usize, reply: WorkerReply) {
    match reply {
        WorkerReply::Ready { places } => {
            let state = state.clone();
            spawn_local(async move {
                // The page's gazetteer must be the worker's: place indices cross over.
                gazetteer::ready().await;
                let same = crate::engine::recognize::lexicon::lexicon().places.len() == places;
                {
                    let mut s = state.borrow_mut();
                    if !same {
                        s.fall_back_to_main_thread();
                    } else if let Some(slot) = s.workers.get_mut(index) {
                        slot.ready = true;
                    }
                }
                pump(&state);
            });
        }
        WorkerReply::Started { id } => {
            if let Some(slot) = state.borrow_mut().workers.get_mut(index) {
                slot.running = Some((id, now_ms()));
            }
            watch_slow_files(state);
        }
        WorkerReply::HandedBack { ids } => {
            let s = &mut *state.borrow_mut();
            let Some(slot) = s.workers.get_mut(index) else {
                return;
            };
            let (back, kept) = std::mem::take(&mut slot.in_flight)
                .into_iter()
                .partition(|j| ids.contains(&j.id));
            slot.in_flight = kept;
            // Straight to the least busy other worker: through the queue they could go
            // back to this one, which sees them only after its large file.
            let other = (s.workers.iter_mut().enumerate())
                .filter(|(k, w)| *k != index && w.ready)
                .min_by_key(|(_, w)| w.in_flight.len());
            match other {
                Some((_, other)) => other.send(back),
                None => back.into_iter().rev().for_each(|j| s.queue.push_front(j)),
            }
        }
        WorkerReply::Analysed { id, size, bytes } => {
            {
                let mut s = state.borrow_mut();
                if let Some(slot) = s.workers.get_mut(index) {
                    if slot.running.is_some_and(|(running, _)| running == id) {
                        slot.running = None;
                    }
                }
                let job = s.workers.get_mut(index).and_then(|slot| {
                    let pos = slot.in_flight.iter().position(|j| j.id == id)?;
                    Some(slot.in_flight.remove(pos))
                });
                let name = match job {
                    Some(job) => {
                        s.progress.n_done += 1;
                        s.progress.bytes_done += size;
                        job.file.name()
                    }
                    None => format!("file {id}"),
                };
                s.analysed.push_back(Arrived::Encoded { bytes, name });
            }
            schedule_refresh(state);
            pump(state);
        }
    }
}

/// Sends queued files to the workers (or analyses them here) while they have room.
fn pump(state: &Rc<RefCell<Loader>>) {
    let mut s = state.borrow_mut();
    if s.on_main_thread {
        if !s.main_thread_busy && !s.queue.is_empty() {
            s.main_thread_busy = true;
            drop(s);
            spawn_local(analyse_on_main_thread(state.clone()));
        }
        return;
    }
    if s.pump_scheduled {
        return;
    }
    // Handing files to a worker costs the page a little (a folder's file is cloned
    // into the message, a loose one read first): batches go out a round at a time,
    // one per worker, until PUMP_SLICE_MS have passed; the rest in a later task.
    let started = now_ms();
    let s = &mut *s;
    let n_ready = s.workers.iter().filter(|w| w.ready).count().max(1);
    loop {
        let mut sent = false;
        // A few files are shared out among the workers rather than all sent to one.
        let share = s.queue.len().div_ceil(n_ready).max(1);
        for slot in s.workers.iter_mut().filter(|w| w.ready) {
            // Sizes are the worker's to learn: files so far say what to expect.
            let each = s.progress.expected_file_bytes();
            let bytes = slot.in_flight.len() as f64 * each;
            let sizes = vec![each; s.queue.len().min(BATCH)];
            let n = batch_size(slot.in_flight.len(), bytes, &sizes, s.queue.len()).min(share);
            if n == 0 {
                continue;
            }
            // A batch shares its options: it ends where a file asks for others.
            let first = s.queue.front().map(|j| j.options).unwrap_or_default();
            let n = s
                .queue
                .iter()
                .take(n)
                .take_while(|j| j.options == first)
                .count();
            slot.send(s.queue.drain(..n).collect());
            sent = true;
        }
        if !sent {
            return;
        }
        if now_ms() - started >= PUMP_SLICE_MS {
            s.pump_scheduled = true;
            let state = state.clone();
            spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(0).await;
                state.borrow_mut().pump_scheduled = false;
                pump(&state);
            });
            return;
        }
    }
}

/// The fallback: read and analyse each queued file on this thread, yielding between files.
async fn analyse_on_main_thread(state: Rc<RefCell<Loader>>) {
    gazetteer::ready().await;
    loop {
        let next = state.borrow_mut().queue.pop_front();
        let Some(job) = next else { break };
        let name = job.name();
        // The fallback asks the size (the worker does it otherwise), to refuse unread.
        let size = job.file.file.size() as usize;
        let limit = size_limit(&name);
        let analysed = if size > limit {
            AnalysedFile::refused(&name, size, FileError::TooLarge { size, limit })
        } else {
            match read_as_bytes(&gloo_file::File::from(job.file.file)).await {
                Ok(bytes) => AnalysedFile::analyse(&name, &bytes, &job.options),
                Err(e) => AnalysedFile::refused(
                    &name,
                    0,
                    FileError::Unreadable {
                        reason: e.to_string(),
                    },
                ),
            }
        };
        {
            let mut s = state.borrow_mut();
            s.progress.n_done += 1;
            s.progress.bytes_done += size as f64;
            s.analysed.push_back(Arrived::Read(analysed));
        }
        schedule_refresh(&state);
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    state.borrow_mut().main_thread_busy = false;
    schedule_refresh(&state);
}

fn schedule_refresh(state: &Rc<RefCell<Loader>>) {
    let mut s = state.borrow_mut();
    if s.refresh_scheduled {
        return;
    }
    s.refresh_scheduled = true;
    let state = state.clone();
    spawn_local(async move {
        let wait = refresh_wait_ms(state.borrow().last_refresh_ms);
        gloo_timers::future::TimeoutFuture::new(wait as u32).await;
        refresh(&state).await;
    });
}

/// Indexes what has arrived, in slices that leave the main thread free, then
/// refreshes the views once.
async fn refresh(state: &Rc<RefCell<Loader>>) {
    let Some(sinks) = state.borrow().sinks else {
        return;
    };
    while reopening() != Reopening::No {
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    loop {
        let started = now_ms();
        let mut more = false;
        while now_ms() - started < SLICE_MS {
            let next = state.borrow_mut().analysed.pop_front();
            match next {
                // Indexing it could exhaust the tab's memory: stop before anything fails.
                Some(file) if !fits_in_memory(memory_bytes(), file.size()) => {
                    {
                        let mut s = state.borrow_mut();
                        s.analysed.push_front(file);
                        s.refresh_scheduled = false;
                    }
                    stop_loading(false, memory_full());
                    return;
                }
                Some(file) => {
                    let file = file.into_file();
                    let again = state.borrow_mut().replacing.remove(&file.name);
                    sinks.corpus.update_value(|c| {
                        if again {
                            c.replace_file(file);
                        } else {
                            c.add_analysed(file);
                        }
                    })
                }
                None => break,
            }
            more = !state.borrow().analysed.is_empty();
        }
        if !more {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    // The views update in a task of their own, not after an indexing slice.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let started = now_ms();
    let (finished, progress) = {
        let mut s = state.borrow_mut();
        s.refresh_scheduled = false;
        let finished = s.queue.is_empty()
            && s.n_in_flight() == 0
            && s.analysed.is_empty()
            && !s.main_thread_busy;
        let (done, total) = (s.progress.n_done as f64, s.progress.n_files as f64);
        // None once no file was done in the rate's window: a stale time is not shown.
        s.progress.seconds_left = s.rate.seconds_left(started / 1000.0, done, total);
        s.progress.slow = s.slow_file(started);
        (finished, s.progress.clone())
    };
    // Files that arrived during the yield above found a refresh already scheduled.
    if !state.borrow().analysed.is_empty() {
        schedule_refresh(state);
    }
    sinks.progress.set((!finished).then_some(progress));
    sinks.version.update(|v| *v += 1);
    // The views' work runs in microtasks after this; the next task sees it done.
    gloo_timers::future::TimeoutFuture::new(0).await;
    state.borrow_mut().last_refresh_ms = now_ms() - started;
}
