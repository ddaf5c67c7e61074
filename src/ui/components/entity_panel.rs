//! The chosen entity: what it is, what appears with it, and the user's edits (rename, merge, hide) with undo.

use leptos::prelude::*;

use crate::engine::explore::{appears_with, Value};
use crate::engine::{Corpus, Edit};
use crate::ui::components::facets::wants_alternative;
use crate::ui::model::entity::{about, describe, entity_time, merge_candidates, sparkline_path};
use crate::ui::state::explore::Explore;

/// Entities listed under "Appears with".
const APPEARS_WITH: usize = 8;

/// Entities offered to merge into.
const MERGE_CHOICES: usize = 60;

/// The last included entity, with its neighbours and the edits a user can make.
#[component]
pub fn EntityPanel(ex: Explore) -> impl IntoView {
    let forms = Forms {
        renaming: RwSignal::new(false),
        draft: StoredValue::new(String::new()),
        merging: RwSignal::new(false),
        merge_target: RwSignal::new(String::new()),
    };
    let panel = move || {
        ex.version.track();
        let id = ex.state.with(|s| {
            s.include.iter().rev().find_map(|v| match v {
                Value::Entity(id) => Some(id.clone()),
                Value::Place(_) => None,
            })
        })?;
        ex.corpus.with_value(|c| {
            let i = c.entity_by_id(&id)?;
            let e = &c.entities()[i];
            let aliases = (!e.aliases.is_empty()).then(|| format!("Also written: {}", e.aliases.join(", ")));
            Some(view! {
                <section class="entity-panel" aria-label=format!("About {}", e.name) data-testid="entity-panel">
                    <h2 class=e.kind.code().to_lowercase()>{e.name.clone()}</h2>
                    <p class="meta">{about(e)}</p>
                    {aliases.map(|a| view! { <p class="meta">{a}</p> })}
                    {time_line(c, i)}
                    <h3>"Appears with"</h3>
                    <ul class="chips">{neighbours(ex, c, i)}</ul>
                    <div class="curation">
                        {rename_form(ex, forms, &id, &e.name)}
                        {merge_controls(ex, forms, c, i, &id)}
                        {hide_button(ex, &id)}
                    </div>
                </section>
            })
        })
    };
    view! { {move || edits_bar(ex)} {panel} }
}

/// When the entity is mentioned: a sparkline of its documents on the corpus's timeline
/// axis, and its first and last dated mention.
fn time_line(c: &Corpus, i: usize) -> Option<impl IntoView> {
    const WIDTH: f64 = 120.0;
    const HEIGHT: f64 = 18.0;
    let time = entity_time(c, i)?;
    let (first, last) = (time.first?, time.last?);
    let dates = if first == last {
        format!("dated mentions: {first}")
    } else {
        format!("dated mentions from {first} to {last}")
    };
    let path = sparkline_path(&time.counts, WIDTH, HEIGHT);
    let label = format!("When it is mentioned, on the timeline's axis; {dates}");
    Some(view! {
        <p class="meta when" data-testid="entity-time">
            <svg class="sparkline" viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH height=HEIGHT
                role="img" aria-label=label data-testid="entity-sparkline">
                <path d=path/>
            </svg>
            " " <span data-testid="entity-dates">{dates}</span>
        </p>
    })
}

/// The panel's forms: whether renaming (the draft is kept apart, so that typing does
/// not re-render the panel and take the focus away) and merging (the choices are
/// built only when asked for: most visits to an entity do not merge).
#[derive(Clone, Copy)]
struct Forms {
    renaming: RwSignal<bool>,
    draft: StoredValue<String>,
    merging: RwSignal<bool>,
    merge_target: RwSignal<String>,
}

/// The entities that share most documents with entity `i`, as chips that add them to the filters.
fn neighbours(ex: Explore, c: &Corpus, i: usize) -> impl IntoView {
    appears_with(c, i, APPEARS_WITH)
        .into_iter()
        .map(|co| {
            let (other, n) = (&c.entities()[co.entity], co.shared_documents);
            let (value, facet) = (Value::Entity(other.id.clone()), other.kind);
            view! {
                <li><button class=format!("chip {}", other.kind.code().to_lowercase()) data-testid="appears-with"
                    title="Add to the filters"
                    on:click=move |ev| ex.include(value.clone(), facet, wants_alternative(&ev))>
                    {other.name.clone()} " " <span class="count">{n}</span>
                </button></li>
            }
        })
        .collect_view()
}

fn rename_form(ex: Explore, forms: Forms, id: &str, name: &str) -> AnyView {
    let Forms {
        renaming, draft, ..
    } = forms;
    let (id, name) = (id.to_string(), name.to_string());
    if renaming.get() {
        view! {
            <form class="rename" on:submit=move |ev| {
                ev.prevent_default();
                renaming.set(false);
                ex.edit(Edit::Rename { id: id.clone(), name: draft.get_value() });
            }>
                <input type="text" aria-label="New name" prop:value=draft.get_value() data-testid="rename-input"
                    on:input=move |ev| draft.set_value(event_target_value(&ev))/>
                <button class="button small" type="submit" data-testid="rename-save">"Save"</button>
                <button class="more" type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
            </form>
        }.into_any()
    } else {
        view! {
            <button class="more" data-testid="rename" on:click=move |_| { draft.set_value(name.clone()); renaming.set(true); }>"Rename"</button>
        }.into_any()
    }
}

fn merge_controls(ex: Explore, forms: Forms, c: &Corpus, i: usize, id: &str) -> AnyView {
    let Forms {
        merging,
        merge_target,
        ..
    } = forms;
    if !merging.get() {
        return view! {
            <button class="more" data-testid="merge-open" on:click=move |_| merging.set(true)>"Merge into…"</button>
        }.into_any();
    }
    let options = merge_candidates(c, i, MERGE_CHOICES)
        .into_iter()
        .map(|j| {
            let e = &c.entities()[j];
            view! { <option value=e.id.clone()>{format!("{} ({})", e.name, e.documents.len())}</option> }
        })
        .collect_view();
    let from = id.to_string();
    view! {
        <label class="merge">
            "Merge into "
            <select aria-label="Entity to merge into" data-testid="merge-target"
                on:change=move |ev| merge_target.set(event_target_value(&ev))>
                <option value="">"choose…"</option>
                {options}
            </select>
        </label>
        <button class="more" data-testid="merge"
            on:click=move |_| {
                let into = merge_target.get_untracked();
                if into.is_empty() { return; }
                let name = ex.corpus.with_value(|c| c.entity_by_id(&into).map(|j| c.entities()[j].name.clone())).unwrap_or_default();
                merging.set(false);
                ex.edit(Edit::Merge { from: from.clone(), into, name });
                merge_target.set(String::new());
            }>"Merge"</button>
    }.into_any()
}

fn hide_button(ex: Explore, id: &str) -> impl IntoView {
    let id = id.to_string();
    view! {
        <button class="more" data-testid="hide"
            title="Leave it out of the facets, the place list and the reader's marks"
            on:click=move |_| ex.edit(Edit::SetHidden { id: id.clone(), hidden: true })>"Hide"</button>
    }
}

/// Undo, the hidden entities (each can be shown again), and why an edit was refused.
fn edits_bar(ex: Explore) -> Option<impl IntoView> {
    ex.version.track();
    let notice = ex.notice.get();
    ex.corpus.with_value(|c| {
        let name_of = |id: &str| c.entity_by_id(id).map_or_else(|| "an entity".to_string(), |i| c.entities()[i].name.clone());
        let last = c.edits().last().map(|e| describe(e, name_of));
        let hidden: Vec<(String, String)> = c.entities().iter().filter(|e| e.hidden).map(|e| (e.id.clone(), e.name.clone())).collect();
        (last.is_some() || !hidden.is_empty() || notice.is_some()).then(|| view! {
            <div class="edits" data-testid="edits">
                {notice.map(|n| view! { <span class="message error">{n}</span> })}
                {last.map(|l| view! { <button class="more" data-testid="undo" on:click=move |_| ex.undo()>{format!("Undo {l}")}</button> })}
                {(!hidden.is_empty()).then(|| view! {
                    <span class="note">"Hidden: "</span>
                    {hidden.into_iter().map(|(id, name)| view! {
                        <button class="chip-remove" data-testid="hidden-entity" title="Show it again"
                            on:click=move |_| ex.edit(Edit::SetHidden { id: id.clone(), hidden: false })>{name} " (show)"</button>
                    }).collect_view()}
                })}
            </div>
        })
    })
}
