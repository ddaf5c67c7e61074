//! One entity facet (people, organisations, nationalities): values with counts within the other filters; include, OR, exclude.

use std::collections::HashSet;

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::engine::explore::{facet_counts, Value};
use crate::engine::EntityType;
use crate::ui::state::explore::Explore;

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
    /// Documents within the other filters, and whether the value is included or
    /// excluded: signals, so that a row keeps its element (and the focus) as they change.
    pub count: Signal<usize>,
    /// Empty in entity facets; "country", "region", "place" or "nationality" in the place list.
    pub class: &'static str,
    pub included: Signal<bool>,
    pub excluded: Signal<bool>,
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
                    aria-pressed=move || included.get().to_string()
                    title="Click to keep documents that mention it; Shift-click to add it as an alternative (OR)"
                    on:click=move |ev| ex.include(include_value.clone(), facet, wants_alternative(&ev))
                    data-testid=testid>
                    <span class="name">{label}</span>
                    <span class="count">{count}</span>
                </button>
                <button class="exclude" class:active=excluded aria-pressed=move || excluded.get().to_string()
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

/// One row of a facet as data, with the key of what it shows.
#[derive(Clone, PartialEq)]
struct RowData {
    key: u64,
    id: String,
    label: String,
    count: usize,
    included: bool,
    excluded: bool,
}

/// A facet's rows within the current filters.
#[derive(Clone, PartialEq)]
struct FacetData {
    rows: Vec<RowData>,
    n_values: usize,
    n_included: usize,
}

#[component]
pub fn Facet(
    ex: Explore,
    kind: EntityType,
    label: &'static str,
    name_filter: RwSignal<String>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let data = Memo::new(move |_| {
        let evaluation = ex.evaluation.get();
        let state = ex.state.get();
        let needle = name_filter.get().to_lowercase();
        let all = show_all.get();
        let (included, excluded) = chosen_ids(&ex);
        ex.corpus.with_value(|c| {
            let base = evaluation.0.base_for_facet(kind, &state);
            let in_use = |i: usize| {
                let id = &c.entities()[i].id;
                included.contains(id) || excluded.contains(id)
            };
            let shown = |name: &str| needle.is_empty() || name.to_lowercase().contains(&needle);
            let limit = if all { usize::MAX } else { FACET_LIMIT };
            let (values, n_values) = facet_counts(c, kind, &base, in_use, shown, limit);
            let n_included = values
                .iter()
                .filter(|f| included.contains(&c.entities()[f.entity].id))
                .count();
            // The top values, then chosen ones further down (facet_counts keeps them).
            let rows = values
                .into_iter()
                .map(|f| {
                    let e = &c.entities()[f.entity];
                    let (inc, exc) = (included.contains(&e.id), excluded.contains(&e.id));
                    RowData {
                        key: crate::ui::state::explore::row_key((&e.id, &e.name)),
                        id: e.id.clone(),
                        label: e.name.clone(),
                        count: f.documents,
                        included: inc,
                        excluded: exc,
                    }
                })
                .collect();
            FacetData {
                rows,
                n_values,
                n_included,
            }
        })
    });
    let head = move || {
        let (n_values, n_included) = data.with(|d| (d.n_values, d.n_included));
        view! { {label} " " <span class="count">{n_values}</span> {mode_switch(ex, kind, n_included)} }
    };
    let more =
        move || {
            let n_values = data.with(|d| d.n_values);
            let all = show_all.get();
            (n_values > FACET_LIMIT).then(|| view! {
            <button class="more" data-testid="facet-more" aria-expanded=all.to_string()
                on:click=move |_| show_all.update(|a| *a = !*a)>
                {if all { "Show fewer".to_string() } else { format!("Show all {n_values}") }}
            </button>
        })
        };
    view! {
        <section class="facet" data-testid=format!("facet-{}", kind.code()) aria-label=label>
            <h3>{head}</h3>
            <ul>
                <For each=move || data.get().rows key=|r| r.key children=move |r| {
                    // The row's changing parts, looked up in the facet's data as it changes.
                    let key = r.key;
                    let current = Memo::new(move |_| {
                        data.with(|d| d.rows.iter().find(|x| x.key == key).map(|x| (x.count, x.included, x.excluded)).unwrap_or_default())
                    });
                    let row = ValueRow {
                        value: Value::Entity(r.id),
                        facet: kind,
                        label: r.label,
                        count: Signal::derive(move || current.get().0),
                        class: "",
                        included: Signal::derive(move || current.get().1),
                        excluded: Signal::derive(move || current.get().2),
                    };
                    view! { <li>{row.render(ex)}</li> }
                }/>
            </ul>
            {more}
        </section>
    }
}
