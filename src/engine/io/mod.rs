//! Taking a corpus out and back in: CSV exports, JSON snapshots, and the corpus kept in pieces in the browser.

pub mod export;
pub mod keep;
pub mod network_export;
