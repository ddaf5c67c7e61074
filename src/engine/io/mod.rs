//! Taking a corpus out and back in: CSV exports and JSON snapshots.

pub mod export;
pub mod network_export;
