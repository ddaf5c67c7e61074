//! Packs: a corpus written once as a folder of static files, explored by reading only the pieces a view needs.
//!
//! `dossier pack` writes one ([`writer`]); a reader ([`reader`]) opens it through its
//! head and fetches sets, directory pages and documents by byte range. The layout is
//! in [`format`]. Packs come after the index in the pipeline: they store what the
//! index computed, keyed by stable ids.

pub mod compression;
mod files;
pub mod format;
pub mod reader;
pub mod view;
pub mod words;
pub mod writer;

#[cfg(test)]
mod tests;

pub use format::{Head, FORMAT, MAX_FILE_BYTES};
pub use reader::{Counted, FileSource, PackError, PackReader, RangeSource};
pub use view::{pack_view, pack_view_within, PackView};
pub use writer::{PackSummary, PackWriter};
