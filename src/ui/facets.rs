//! One entity facet (people, organisations, nationalities): values with counts within the other filters; include, OR, exclude.

use std::collections::HashSet;

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::explore::Explore;
use crate::engine::view::{facet_counts, Value};
use crate::engine::EntityType;

/// How many values a facet shows before "Show all".
const FACET_LIMIT: usize = 12;

/// Whether a click asks for OR: Shift, Ctrl or Cmd held.
pub fn wants_alternative(ev: &MouseEvent) -> bool {
    ev.shift_key() || ev.ctrl_key() || ev.meta_key()
}

/// One value of a facet or of the place list, as shown.
pub struct ValueRow {
    pub value: Value,
    pub facet: EntityType,
    pub label: String,
    /// Documents within the other filters.
    pub count: usize,
    /// Empty in entity facets; "country", "region", "place" or "nationality" in the place list.
    pub class: &'static str,
    pub included: bool,
    pub excluded: bool,
}

impl ValueRow {
    /// The value (click to include, Shift-click to add as an alternative) and a
    /// button to exclude it.
    pub fn render(self, ex: Explore) -> impl IntoView {
        let ValueRow {
            value,
            facet,
            label,
            count,
            class,
            included,
            excluded,
        } = self;
        let include_value = value.clone();
        let exclude_label = format!("Exclude {label}");
        let testid = if class.is_empty() {
            "facet-value"
        } else {
            "place-value"
        };
        view! {
            <span class="value-row">
                <button class=format!("facet-value {class}") class:active=included class:excluded=excluded
                    aria-pressed=included.to_string()
                    title="Click to keep documents that mention it; Shift-click to add it as an alternative (OR)"
                    on:click=move |ev| ex.include(include_value.clone(), facet, wants_alternative(&ev))
                    data-testid=testid>
                    <span class="name">{label}</span>
                    <span class="count">{count}</span>
                </button>
                <button class="exclude" class:active=excluded aria-pressed=excluded.to_string()
                    aria-label=exclude_label.clone() title=exclude_label
                    on:click=move |_| ex.exclude(value.clone()) data-testid="exclude-value">"−"</button>
            </span>
        }
    }
}

/// The ids of entities the state names, included or excluded.
pub fn chosen_ids(ex: &Explore) -> (HashSet<String>, HashSet<String>) {
    let state = ex.state.get();
    let ids = |values: &[Value]| {
        values
            .iter()
            .filter_map(|v| match v {
                Value::Entity(id) => Some(id.clone()),
                Value::Place(_) => None,
            })
            .collect::<HashSet<String>>()
    };
    (ids(&state.include), ids(&state.exclude))
}

/// The "all of / any of" switch of a facet, shown once it has two included values.
pub fn mode_switch(ex: Explore, facet: EntityType, n_included: usize) -> impl IntoView {
    (n_included >= 2).then(|| {
        let any = ex.state.with(|s| s.any_of.contains(&facet));
        view! {
            <button class="mode" aria-pressed=any.to_string() data-testid="facet-mode"
                title="How the chosen values of this facet combine"
                on:click=move |_| ex.state.update(|s| s.toggle_any_of(facet))>
                {if any { "any of these" } else { "all of these" }}
            </button>
        }
    })
}

#[component]
pub fn Facet(
    ex: Explore,
    kind: EntityType,
    label: &'static str,
    name_filter: RwSignal<String>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let body = move || {
        let evaluation = ex.evaluation.get();
        let state = ex.state.get();
        let needle = name_filter.get().to_lowercase();
        let all = show_all.get();
        let (included, excluded) = chosen_ids(&ex);
        ex.corpus.with_value(|c| {
            let base = evaluation.0.base_for_facet(kind, &state);
            let in_use = |i: usize| {
                let id = &c.entities[i].id;
                included.contains(id) || excluded.contains(id)
            };
            let values: Vec<_> = facet_counts(c, kind, &base, in_use)
                .into_iter()
                .filter(|f| needle.is_empty() || c.entities[f.entity].name.to_lowercase().contains(&needle))
                .collect();
            let n_values = values.len();
            let n_included = values.iter().filter(|f| included.contains(&c.entities[f.entity].id)).count();
            let limit = if all { n_values } else { FACET_LIMIT };
            let rows = values
                .into_iter()
                .enumerate()
                // Chosen values stay visible however far down their count puts them.
                .filter(|(k, f)| *k < limit || in_use(f.entity))
                .map(|(_, f)| {
                    let e = &c.entities[f.entity];
                    let row = ValueRow {
                        value: Value::Entity(e.id.clone()),
                        facet: kind,
                        label: e.name.clone(),
                        count: f.documents,
                        class: "",
                        included: included.contains(&e.id),
                        excluded: excluded.contains(&e.id),
                    };
                    view! { <li>{row.render(ex)}</li> }
                })
                .collect_view();
            view! {
                <h3>{label} " " <span class="count">{n_values}</span> {mode_switch(ex, kind, n_included)}</h3>
                <ul>{rows}</ul>
                {(n_values > FACET_LIMIT).then(|| view! {
                    <button class="more" data-testid="facet-more" aria-expanded=all.to_string()
                        on:click=move |_| show_all.update(|a| *a = !*a)>
                        {if all { "Show fewer".to_string() } else { format!("Show all {n_values}") }}
                    </button>
                })}
            }
        })
    };
    view! {
        <section class="facet" data-testid=format!("facet-{}", kind.code()) aria-label=label>
            {body}
        </section>
    }
}
