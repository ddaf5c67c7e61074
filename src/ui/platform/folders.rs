//! Dropped folders: walked through the browser's file entries in name order, their files handed to the loader a few hundred at a time as they are found.
//!
//! A drop's `files` list holds a dropped folder as one unreadable entry; its items'
//! entries hold the folder itself. A folder's files go by their path in the drop.
//! Files got from an entry arrive with their size already known, so handing them to a
//! worker costs the page nothing per file — unlike files from the picker, where the
//! page pays a synchronous look-up for each.

use crate::ui::platform::loading::ToLoad;
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// Files got from the browser at once (their look-ups run side by side).
const FILES_PER_HAND_OUT: usize = 256;

/// What a drop holds: loose files, and folders to walk.
pub struct Dropped {
    pub files: Vec<ToLoad>,
    pub folders: Vec<FileSystemDirectoryEntry>,
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
            Ok(Some(entry)) if entry.is_directory() => dropped.folders.push(entry.unchecked_into()),
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    dropped.files.push(file.into());
                }
            }
        }
    }
    dropped
}

/// Every entry of a folder (the browser gives them a hundred or so at a time).
async fn entries(folder: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, JsValue> {
    let reader: FileSystemDirectoryReader = folder.create_reader();
    let mut all = Vec::new();
    loop {
        let batch = Promise::new(&mut |resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
        });
        let batch = Array::from(&JsFuture::from(batch).await?);
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
}

/// The files of `entries`, each with its path in the drop (`news/a/note.txt`, as the
/// native tool names a folder's files, so that two `note.txt` of different folders stay
/// two sources), or its name if the browser could not give it. The path travels beside
/// the file: a new `File` of that name would cost the page a look-up per file (0.5 ms).
async fn files_of(entries: &[FileSystemFileEntry]) -> Vec<Result<ToLoad, String>> {
    let promises: Array = entries
        .iter()
        .map(|entry| {
            Promise::new(&mut |resolve, reject| {
                entry.file_with_callback_and_callback(&resolve, &reject);
            })
        })
        .collect();
    let settled = match JsFuture::from(Promise::all_settled(&promises)).await {
        Ok(settled) => Array::from(&settled),
        Err(_) => return entries.iter().map(|e| Err(e.name())).collect(),
    };
    entries
        .iter()
        .zip(settled.iter())
        .map(|(entry, outcome)| {
            let file = Reflect::get(&outcome, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.dyn_into::<File>().ok())
                .ok_or_else(|| entry.name())?;
            let path = entry.full_path().trim_start_matches('/').to_string();
            Ok(ToLoad {
                file,
                path: Some(path),
            })
        })
        .collect()
}

/// Walks `folder` depth first in name order (a folder's files, then its folders),
/// handing its files to `take` as they are found; returns the names of files and
/// folders the browser would not give.
pub async fn walk(folder: FileSystemDirectoryEntry, take: impl Fn(Vec<ToLoad>)) -> Vec<String> {
    let mut unreadable = Vec::new();
    let mut stack = vec![folder];
    while let Some(folder) = stack.pop() {
        let mut found = match entries(&folder).await {
            Ok(found) => found,
            Err(_) => {
                unreadable.push(folder.full_path());
                continue;
            }
        };
        // Each name is a call into the browser: ask it once per entry.
        found.sort_by_cached_key(|e| e.name());
        let (folders, files): (Vec<FileSystemEntry>, Vec<FileSystemEntry>) =
            found.into_iter().partition(|e| e.is_directory());
        let files: Vec<FileSystemFileEntry> =
            files.into_iter().map(JsCast::unchecked_into).collect();
        for slice in files.chunks(FILES_PER_HAND_OUT) {
            let mut ready = Vec::with_capacity(slice.len());
            for file in files_of(slice).await {
                match file {
                    Ok(file) => ready.push(file),
                    Err(name) => unreadable.push(name),
                }
            }
            take(ready);
        }
        stack.extend(folders.into_iter().rev().map(JsCast::unchecked_into));
    }
    unreadable
}
