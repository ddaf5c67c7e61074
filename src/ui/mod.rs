//! The browser interface: Leptos components over the engine. Only this tree touches the DOM.
//!
//! - `model` (every target): what the views show, as plain functions tested natively;
//! - `state`: the handle the views share (corpus, view state, evaluation) and the address;
//! - `components`: the views, which only render what `model` and the engine compute;
//! - `platform`: loading through workers, storage, sharing, warm-up.

pub mod model;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
pub use components::app::App;
#[cfg(target_arch = "wasm32")]
pub use components::pack_explorer::PackApp;
#[cfg(target_arch = "wasm32")]
pub use platform::worker::{in_worker, run_worker};
