//! The CSV and TSV files of this session, kept so that their text column can be chosen after loading and the file read again.
//!
//! A `File` is a handle on the user's file, not its bytes: keeping one costs
//! nothing until it is read again. Files restored from the browser's storage or a
//! snapshot have no handle, so their column cannot be chosen.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen_futures::JsFuture;

use crate::engine::ingest::formats::table_columns;
use crate::ui::platform::to_load::ToLoad;

/// Bytes read from a table to find its header (a header longer than this is cut).
const HEAD_BYTES: f64 = 256.0 * 1024.0;

thread_local! {
    static TABLES: RefCell<HashMap<String, ToLoad>> = RefCell::default();
}

fn is_table(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}

/// Keeps a loaded file's handle if it is a table.
pub fn keep(file: &ToLoad) {
    let name = file.name();
    if is_table(&name) {
        TABLES.with(|t| t.borrow_mut().insert(name, file.clone()));
    }
}

/// The kept table of that name, if any.
pub fn kept(name: &str) -> Option<ToLoad> {
    TABLES.with(|t| t.borrow().get(name).cloned())
}

/// The columns of a kept table and the one its text comes from (`guessed`: the
/// column its warning names, when none is named like a text column).
pub async fn columns(name: &str, guessed: Option<String>) -> Option<(Vec<String>, usize)> {
    let file = kept(name)?.file;
    let head = file.slice_with_f64_and_f64(0.0, HEAD_BYTES).ok()?;
    let buffer = JsFuture::from(head.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    table_columns(name, &bytes, guessed.as_deref())
}
