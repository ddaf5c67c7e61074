//! Dropped folders: walked in name order through the browser's file handles, in a worker of their own (or through its file entries, in the page, where it has no handles), their files handed to the loader a few hundred at a time as they are found.
//!
//! A drop's `files` list holds a dropped folder as one unreadable entry; its items
//! hold the folder itself. A folder's files go by their path in the drop. Files got
//! from a handle or an entry arrive with their size already known, so handing them to
//! a worker costs the page nothing per file — unlike files from the picker, where the
//! page pays a synchronous look-up for each. Handles give their files without tasks
//! on the page's thread: 20,000 files walked in 2.7 s, the longest task 79 ms; by
//! entries 6.4 s, in tasks of up to 456 ms. But each handle, when collected, runs a
//! finaliser in the browser (about 10 µs): walked in the page, 20,000 handles made
//! garbage-collection pauses of up to 225 ms there. The walker worker's heap holds
//! them instead, and only the files cross to the page.

use std::cell::Cell;
use std::rc::Rc;

use crate::ui::platform::to_load::ToLoad;
use crate::ui::platform::worker::{get, set, start_module_worker, WALKER_ROLE};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryHandle,
    FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry, FileSystemFileHandle,
    FileSystemHandle, FileSystemHandleKind, MessageEvent,
};

/// Files got from the browser at once (their look-ups run side by side).
const FILES_PER_HAND_OUT: usize = 256;

/// What a drop holds: loose files, and folders to walk.
pub struct Dropped {
    pub files: Vec<ToLoad>,
    pub folders: Vec<DroppedFolder>,
}

/// A dropped folder: its entry, and the promise of its handle where the browser has
/// `getAsFileSystemHandle` (asked in the drop event: the drop's data is gone after).
pub struct DroppedFolder {
    entry: FileSystemDirectoryEntry,
    handle: Option<Promise>,
}

/// Reads a drop's items; must run in the drop event (its data is gone after).
pub fn dropped(transfer: &DataTransfer) -> Dropped {
    let items = transfer.items();
    let mut dropped = Dropped {
        files: Vec::new(),
        folders: Vec::new(),
    };
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) if entry.is_directory() => dropped.folders.push(DroppedFolder {
                entry: entry.unchecked_into(),
                handle: Reflect::get(&item, &JsValue::from_str("getAsFileSystemHandle"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call0(&item).ok())
                    .and_then(|p| p.dyn_into::<Promise>().ok()),
            }),
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    dropped.files.push(file.into());
                }
            }
        }
    }
    dropped
}

/// A folder or file of a dropped folder, as the browser gives it.
enum Node {
    Entry(FileSystemEntry),
    Handle(FileSystemHandle),
}

impl Node {
    fn name(&self) -> String {
        match self {
            Node::Entry(e) => e.name(),
            Node::Handle(h) => h.name(),
        }
    }

    fn is_folder(&self) -> bool {
        match self {
            Node::Entry(e) => e.is_directory(),
            Node::Handle(h) => h.kind() == FileSystemHandleKind::Directory,
        }
    }

    /// The promise of a file node's `File`.
    fn file(&self) -> Promise {
        match self {
            Node::Entry(e) => Promise::new(&mut |resolve, reject| {
                e.unchecked_ref::<FileSystemFileEntry>()
                    .file_with_callback_and_callback(&resolve, &reject);
            }),
            Node::Handle(h) => h.unchecked_ref::<FileSystemFileHandle>().get_file(),
        }
    }

    /// Every node a folder node holds (entries come a hundred or so at a time,
    /// handles one at a time).
    async fn children(&self) -> Result<Vec<Node>, JsValue> {
        let mut all = Vec::new();
        match self {
            Node::Entry(e) => {
                let reader: FileSystemDirectoryReader = e
                    .unchecked_ref::<FileSystemDirectoryEntry>()
                    .create_reader();
                loop {
                    let batch = Promise::new(&mut |resolve, reject| {
                        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
                    });
                    let batch = Array::from(&JsFuture::from(batch).await?);
                    if batch.length() == 0 {
                        return Ok(all);
                    }
                    all.extend(batch.iter().map(|e| Node::Entry(e.unchecked_into())));
                }
            }
            Node::Handle(h) => {
                let values = h.unchecked_ref::<FileSystemDirectoryHandle>().values();
                loop {
                    let next = JsFuture::from(values.next()?).await?;
                    if Reflect::get(&next, &JsValue::from_str("done"))?.is_truthy() {
                        return Ok(all);
                    }
                    let value = Reflect::get(&next, &JsValue::from_str("value"))?;
                    all.push(Node::Handle(value.unchecked_into()));
                }
            }
        }
    }
}

/// The files of `nodes`, each with its path in the drop (`news/a/note.txt`, as the
/// native tool names a folder's files, so that two `note.txt` of different folders stay
/// two sources), or that path if the browser would not give it. The path travels
/// beside the file: a new `File` of that name would cost the page a look-up per file.
async fn files_of(nodes: &[(String, Node)]) -> Vec<Result<ToLoad, String>> {
    let promises: Array = nodes.iter().map(|(_, node)| node.file()).collect();
    let settled = match JsFuture::from(Promise::all_settled(&promises)).await {
        Ok(settled) => Array::from(&settled),
        Err(_) => return nodes.iter().map(|(path, _)| Err(path.clone())).collect(),
    };
    nodes
        .iter()
        .zip(settled.iter())
        .map(|((path, _), outcome)| {
            let file = Reflect::get(&outcome, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.dyn_into::<File>().ok())
                .ok_or_else(|| path.clone())?;
            Ok(ToLoad {
                file,
                path: Some(path.clone()),
            })
        })
        .collect()
}

/// Walks `folder` depth first in name order (a folder's files, then its folders),
/// handing its files to `take` as they are found: through its handle in a walker
/// worker where the browser gives handles, else in the page; returns the paths of
/// files and folders the browser would not give.
pub async fn walk(
    folder: DroppedFolder,
    take: impl Fn(Vec<ToLoad>) + Clone + 'static,
) -> Vec<String> {
    let handle = match folder.handle {
        Some(promise) => JsFuture::from(promise).await.ok(),
        None => None,
    };
    let Some(handle) = handle.and_then(|h| h.dyn_into::<FileSystemDirectoryHandle>().ok()) else {
        return walk_nodes(Node::Entry(folder.entry.unchecked_into()), &take).await;
    };
    match walk_in_worker(&handle, take.clone()).await {
        Some(unreadable) => unreadable,
        None => walk_nodes(Node::Handle(handle.unchecked_into()), &take).await,
    }
}

/// The page's side of a walk in a worker (see [`serve_walks`]): sends the folder's
/// handle once the worker listens, takes the files found as they come (`{paths,
/// files}`), and returns the paths the browser would not give (`{walked}`). `None`
/// when no worker walked it (none could start, or it failed before finding a file):
/// the page walks it then.
async fn walk_in_worker(
    handle: &FileSystemDirectoryHandle,
    take: impl Fn(Vec<ToLoad>) + 'static,
) -> Option<Vec<String>> {
    let worker = start_module_worker(&[("role", WALKER_ROLE)]).ok()?;
    let mut finish = None;
    let finished = Promise::new(&mut |resolve, _| finish = Some(resolve));
    let finish: Function = finish?;
    let taken = Rc::new(Cell::new(0usize));
    let message = Object::new();
    set(&message, "walk", handle);
    let on_message = {
        let (finish, taken, worker) = (finish.clone(), taken.clone(), worker.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            if get(&data, "listening").is_truthy() {
                if worker.post_message(&message).is_err() {
                    let _ = finish.call1(&JsValue::NULL, &JsValue::NULL);
                }
                return;
            }
            let walked = get(&data, "walked");
            if !walked.is_undefined() {
                let _ = finish.call1(&JsValue::NULL, &walked);
                return;
            }
            let paths = Array::from(&get(&data, "paths"));
            let files = Array::from(&get(&data, "files"));
            let found: Vec<ToLoad> = paths
                .iter()
                .zip(files.iter())
                .map(|(path, file)| ToLoad {
                    file: file.unchecked_into(),
                    path: path.as_string(),
                })
                .collect();
            taken.set(taken.get() + found.len());
            take(found);
        })
    };
    // A worker that fails (its module would not load) ends the walk: `null`.
    let on_error = Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
        let _ = finish.call1(&JsValue::NULL, &JsValue::NULL);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let walked = JsFuture::from(finished).await.unwrap_or(JsValue::NULL);
    worker.terminate();
    if walked.is_null() {
        // Files already taken are loading: the rest of the folder is reported unread.
        return (taken.get() > 0).then(|| vec![handle.name()]);
    }
    Some(
        Array::from(&walked)
            .iter()
            .filter_map(|p| p.as_string())
            .collect(),
    )
}

/// The walker worker's side: walks each folder handle it is sent (`{walk}`), posting
/// its files as they are found (`{paths, files}`: two arrays, fewer objects for the
/// page to collect) and then the paths it could not read (`{walked}`, or `null` when
/// what came was not a folder's handle). Says `{listening}` first.
pub fn serve_walks(scope: web_sys::DedicatedWorkerGlobalScope) {
    let target = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let scope = scope.clone();
        let Ok(handle) = get(&ev.data(), "walk").dyn_into::<FileSystemDirectoryHandle>() else {
            let message = Object::new();
            set(&message, "walked", &JsValue::NULL);
            let _ = scope.post_message(&message);
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let post = |found: Vec<ToLoad>| {
                let (paths, files) = (Array::new(), Array::new());
                for file in found {
                    paths.push(&JsValue::from_str(&file.path.unwrap_or_default()));
                    files.push(&file.file);
                }
                let message = Object::new();
                set(&message, "paths", &paths);
                set(&message, "files", &files);
                let _ = scope.post_message(&message);
            };
            let unreadable = walk_nodes(Node::Handle(handle.unchecked_into()), &post).await;
            let message = Object::new();
            let unreadable: Array = unreadable.iter().map(|p| JsValue::from_str(p)).collect();
            set(&message, "walked", &unreadable);
            let _ = scope.post_message(&message);
        });
    });
    target.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before the module was running are lost: the page waits for this.
    let listening = Object::new();
    set(&listening, "listening", &JsValue::TRUE);
    let _ = target.post_message(&listening);
}

/// Walks from `root` (see [`walk`]), wherever it runs.
async fn walk_nodes(root: Node, take: &dyn Fn(Vec<ToLoad>)) -> Vec<String> {
    let mut unreadable = Vec::new();
    let mut stack = vec![(root.name(), root)];
    while let Some((path, folder)) = stack.pop() {
        let Ok(found) = folder.children().await else {
            unreadable.push(path);
            continue;
        };
        // Each name is a call into the browser: asked once per node.
        let mut found: Vec<(String, Node)> = found
            .into_iter()
            .map(|node| (format!("{path}/{}", node.name()), node))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let (folders, files): (Vec<_>, Vec<_>) =
            found.into_iter().partition(|(_, node)| node.is_folder());
        for slice in files.chunks(FILES_PER_HAND_OUT) {
            let mut ready = Vec::with_capacity(slice.len());
            for file in files_of(slice).await {
                match file {
                    Ok(file) => ready.push(file),
                    Err(path) => unreadable.push(path),
                }
            }
            take(ready);
        }
        stack.extend(folders.into_iter().rev());
    }
    unreadable
}
