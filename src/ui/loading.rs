//! Reading dropped or picked files in the browser and handing their bytes to the engine.

use gloo_file::futures::read_as_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::engine::decode::MAX_FILE_BYTES;
use crate::engine::{AnalysisOptions, Corpus, FileError};

/// How far a batch of files has been read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub n_done: usize,
    pub n_files: usize,
    pub bytes_done: f64,
    pub bytes_total: f64,
}

/// Reads each file in turn and adds it to the corpus; bumps `version` after each so
/// that the views follow as files arrive, and reports progress (None when done). A
/// file that cannot be read is reported by name.
pub fn load_files(
    files: Vec<web_sys::File>,
    corpus: StoredValue<Corpus>,
    version: WriteSignal<u64>,
    progress: WriteSignal<Option<Progress>>,
    options: AnalysisOptions,
) {
    let mut state = Progress {
        n_files: files.len(),
        bytes_total: files.iter().map(|f| f.size()).sum(),
        ..Progress::default()
    };
    progress.set(Some(state));
    spawn_local(async move {
        // Every document is linked against the same gazetteer.
        super::gazetteer::ready().await;
        for file in files {
            state.n_done += 1;
            state.bytes_done += file.size();
            progress.set(Some(state));
            let name = file.name();
            // Refuse an oversized file before reading it, so the tab never holds it.
            let size = file.size() as usize;
            if size > MAX_FILE_BYTES {
                corpus.update_value(|c| {
                    c.add_refused(
                        &name,
                        FileError::TooLarge {
                            size,
                            limit: MAX_FILE_BYTES,
                        },
                    )
                });
                version.update(|v| *v += 1);
                continue;
            }
            let blob = gloo_file::File::from(file);
            match read_as_bytes(&blob).await {
                Ok(bytes) => corpus.update_value(|c| {
                    c.add_file(&name, &bytes, &options);
                }),
                Err(e) => corpus.update_value(|c| c.add_unreadable(&name, &e.to_string())),
            }
            version.update(|v| *v += 1);
            // Let the page paint between files.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        progress.set(None);
    });
}

/// Files of a `FileList` (from a drop or the file picker) as a vector.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
