//! The browser's PDF reader module: the engine's PDF reader alone, loaded by an analysis worker when its first PDF comes, so that the page's first paint does not carry it.
//!
//! It reads a PDF's bytes into the engine's `Result<PdfText, FileError>`, in
//! postcard bytes; the worker analyses that with `engine::analyze_pdf`, as the
//! native tool analyses what it reads itself.

#[cfg(target_arch = "wasm32")]
mod exported {
    use wasm_bindgen::prelude::*;

    /// A PDF's text and properties, or why it cannot be read, as postcard bytes.
    #[wasm_bindgen]
    pub fn read_pdf(bytes: &[u8]) -> Vec<u8> {
        let read = dossier::engine::ingest::formats::pdf::read_pdf(bytes);
        postcard::to_stdvec(&read).unwrap_or_default()
    }
}

fn main() {}
