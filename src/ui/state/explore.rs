//! What every explorer view shares: the corpus, its version, the view state, the state evaluated once per change, and the user's edits.

use std::sync::Arc;

use leptos::prelude::*;

use crate::engine::explore::{Evaluation, Value, ViewState};
use crate::engine::{Corpus, Edit, EntityType};

pub use crate::ui::model::timeline::row_key;

/// An evaluation shared by the views; equal only to itself, so that every change
/// of state or corpus re-renders what reads it.
#[derive(Clone)]
pub struct Evaluated(pub Arc<Evaluation>);

impl PartialEq for Evaluated {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A signal bumped in a task of its own after each change of what `source` reads
/// (each tick has its own timer: two ticks made this way run in two tasks). Not at
/// creation: what follows a tick computes then anyway.
pub fn tick_after(source: impl Fn() + 'static) -> RwSignal<u64> {
    let tick = RwSignal::new(0u64);
    Effect::new(move |previous_run: Option<()>| {
        source();
        if previous_run.is_some() {
            set_timeout(
                move || {
                    // What reads the tick may be gone by then.
                    let _ = tick.try_update(|t| *t += 1);
                },
                std::time::Duration::ZERO,
            );
        }
    });
    tick
}

/// Handles to the explorer's shared state; cheap to copy into every component.
#[derive(Clone, Copy)]
pub struct Explore {
    pub corpus: StoredValue<Corpus>,
    /// Bumped whenever the corpus changes.
    pub version: ReadSignal<u64>,
    pub set_version: WriteSignal<u64>,
    pub state: RwSignal<ViewState>,
    pub evaluation: Memo<Evaluated>,
    /// A message about the last edit that could not be made.
    pub notice: RwSignal<Option<String>>,
    /// Bumped when names shown for entities may have changed in existing documents
    /// (an edit, a relink, the end of a load) — not on every batch of new documents,
    /// so that listed cards are not rebuilt while a corpus streams in.
    pub names: RwSignal<u64>,
    /// Bumped a task after each corpus change: the timeline follows the corpus on
    /// this tick (and the user's choices at once), so that refreshing a large corpus
    /// while it loads is shorter tasks rather than one long one.
    pub timeline_tick: RwSignal<u64>,
    /// The same for the place list (rebuilt whole: a few thousand elements), in a
    /// task of its own.
    pub places_tick: RwSignal<u64>,
    /// The same for the document list's display order (a sort of every document).
    pub order_tick: RwSignal<u64>,
}

impl Explore {
    pub fn new(
        corpus: StoredValue<Corpus>,
        version: ReadSignal<u64>,
        set_version: WriteSignal<u64>,
        state: RwSignal<ViewState>,
    ) -> Explore {
        let evaluation = Memo::new(move |previous: Option<&Evaluated>| {
            version.track();
            let state = state.get();
            // Searching is the costly part: reuse the previous hits when the search is the same.
            let search = previous.and_then(|p| p.0.search.clone());
            Evaluated(Arc::new(
                corpus.with_value(|c| Evaluation::new(c, &state, search)),
            ))
        });
        Explore {
            corpus,
            version,
            set_version,
            state,
            evaluation,
            notice: RwSignal::new(None),
            names: RwSignal::new(0),
            timeline_tick: tick_after(move || version.track()),
            places_tick: tick_after(move || version.track()),
            order_tick: tick_after(move || version.track()),
        }
    }

    /// Includes a value; `as_alternative` (Shift-click) makes its facet combine with OR.
    pub fn include(&self, value: Value, facet: EntityType, as_alternative: bool) {
        self.state.update(|s| {
            if as_alternative && !s.include.contains(&value) {
                s.any_of.insert(facet);
            }
            s.toggle_include(value);
        });
    }

    pub fn exclude(&self, value: Value) {
        self.state.update(|s| s.toggle_exclude(value));
    }

    /// Applies an edit to the entity index. Filters follow a merge to the entity
    /// merged into, and drop entities that are hidden or gone.
    pub fn edit(&self, edit: Edit) {
        let result = self.corpus.try_update_value(|c| c.edit(edit.clone()));
        match result {
            Some(Ok(())) => {
                self.notice.set(None);
                self.after_change(Some(&edit));
            }
            Some(Err(e)) => self.notice.set(Some(format!("Not done: {e}."))),
            None => {}
        }
    }

    /// Takes back the last edit.
    pub fn undo(&self) {
        if self
            .corpus
            .try_update_value(|c| c.undo())
            .flatten()
            .is_some()
        {
            self.notice.set(None);
            self.after_change(None);
        }
    }

    /// After the entity index changed: keep filters that still name a visible entity.
    pub fn after_change(&self, edit: Option<&Edit>) {
        let mut state = self.state.get_untracked();
        self.corpus.with_value(|c| {
            let follow = |v: &Value| -> Option<Value> {
                let Value::Entity(id) = v else {
                    return Some(v.clone());
                };
                let id = match edit {
                    Some(Edit::Merge { from, into, .. }) if from == id => into.clone(),
                    _ => id.clone(),
                };
                let i = c.entity_by_id(&id)?;
                (!c.entities()[i].hidden).then_some(Value::Entity(id))
            };
            let mut seen = Vec::new();
            state.include = state
                .include
                .iter()
                .filter_map(follow)
                .filter(|v| {
                    let new = !seen.contains(v);
                    seen.push(v.clone());
                    new
                })
                .collect();
            state.exclude = state.exclude.iter().filter_map(follow).collect();
        });
        self.state.set(state);
        self.set_version.update(|v| *v += 1);
        self.names.update(|n| *n += 1);
    }
}
