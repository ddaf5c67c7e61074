//! The views: one Leptos component (or a few small ones) per file, reading the shared explorer state.

pub mod app;
pub mod documents;
pub mod entity_panel;
pub mod explorer;
pub mod facets;
pub mod network;
pub mod pack_explorer;
pub mod place_list;
pub mod reader;
pub mod timeline;
