//! The view state in the address: written to the URL fragment as it changes, read back on load and when the fragment changes.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::engine::explore::{from_fragment, to_fragment, ViewState};

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Starts `state` from the address and keeps the two in step. The address is
/// replaced, not pushed: filtering does not flood the browser's history.
pub fn sync_with_address(state: RwSignal<ViewState>) {
    let initial = from_fragment(&current_fragment());
    if initial != state.get_untracked() {
        state.set(initial);
    }
    Effect::new(move |_| {
        let fragment = state.with(to_fragment);
        let wanted = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{fragment}")
        };
        if current_fragment() != wanted {
            let location = window().location();
            let url = if wanted.is_empty() {
                format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                )
            } else {
                wanted
            };
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
    });
    // A link pasted into this tab, or the fragment edited by hand.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let restored = from_fragment(&current_fragment());
        if restored != state.get_untracked() {
            state.set(restored);
        }
    });
    on_cleanup(move || handle.remove());
}
