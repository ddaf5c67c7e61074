//! Compiles the explorer's code before the first corpus needs it: the sample corpus rendered once into an element never attached to the page.
//!
//! Browsers compile a WebAssembly function on its first call, and the explorer's
//! first appearance calls some hundreds of them (each view type has build code of its
//! own): 120-170 ms of compiling on a 2-core machine, inside the tasks that build the
//! panels, so that the first drop of many files held the page for over 50 ms. This
//! render, done while the page waits for a drop, moves that cost before it. Nothing
//! of it reaches the page: its element is never attached, its corpus and view state
//! are its own, and all of it is dropped when it is done.

use std::time::Duration;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::explore::{Value, ViewState};
use crate::engine::{AnalysisOptions, Corpus, EntityType};
use crate::ui::components::explorer::{Explorer, FRAME_MS, PANEL_STEPS};
use crate::ui::platform::gazetteer;
use crate::ui::platform::sample::add_sample;
use crate::ui::state::explore::Explore;

/// How long after the page is ready to start: its first paint and fetches come first.
const START_AFTER: Duration = Duration::from_millis(300);

/// Renders the explorer for the sample corpus, detached, then a click on and off a
/// facet value; unless the page already shows a corpus (its explorer compiled the
/// code) or the small-city table is not in.
pub fn warm_up_explorer(page_corpus: StoredValue<Corpus>) {
    leptos::task::spawn_local(async move {
        // The first analysis fixes the gazetteer: never before the small-city table is
        // in (on a slow connection it may still be coming when `ready` gives up).
        let gazetteer_in = gazetteer::ready().await;
        TimeoutFuture::new(START_AFTER.as_millis() as u32).await;
        let in_use = page_corpus
            .try_with_value(|c| !c.files().is_empty())
            .unwrap_or(true);
        if in_use || !gazetteer_in {
            mark_done();
            return;
        }
        let Some(host) = detached_element() else {
            mark_done();
            return;
        };
        let mut sample = Corpus::new();
        add_sample(&mut sample, &AnalysisOptions::default());
        let person = sample
            .entities_by_document_count()
            .into_iter()
            .find(|&i| sample.entities()[i].kind == EntityType::Person)
            .map(|i| Value::Entity(sample.entities()[i].id.clone()));
        // Everything reactive made here belongs to this owner, cleaned up at the end.
        let owner = Owner::new();
        let (ex, mounted) = owner.with(|| {
            let corpus = StoredValue::new(sample);
            let (version, set_version) = signal(1u64);
            let state = RwSignal::new(ViewState::default());
            let ex = Explore::new(corpus, version, set_version, state);
            // The warm-up's explorer reads no table again.
            let read_again = Callback::new(|_: (String, usize)| {});
            let mounted =
                leptos::mount::mount_to(host, move || view! { <Explorer ex read_again/> });
            (ex, mounted)
        });
        // Every panel appears a frame after the one before.
        let panels_ms = (PANEL_STEPS + 2) * FRAME_MS;
        TimeoutFuture::new(panels_ms as u32).await;
        if let Some(person) = person {
            for _ in 0..2 {
                ex.include(person.clone(), EntityType::Person, false);
                TimeoutFuture::new(FRAME_MS as u32).await;
            }
        }
        drop(mounted);
        owner.cleanup();
        mark_done();
    });
}

/// Says on the page's root element that the warm-up is over (`data-warm-up="done"`),
/// for `make bench` to drop its files after it, as a person would.
fn mark_done() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-warm-up", "done");
    }
}

/// An element of the page's document that is not in it: nothing rendered there is
/// laid out, seen or found by the page's queries.
fn detached_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into()
        .ok()
}
