//! The chosen entity: what it is, what appears with it, and the user's edits (rename, merge, hide) with undo.

use leptos::prelude::*;

use crate::engine::explore::{appears_with, Value};
use crate::engine::{Edit, EntityType};
use crate::ui::state::explore::Explore;

/// Entities listed under "Appears with".
const APPEARS_WITH: usize = 8;

/// Entities offered to merge into.
const MERGE_CHOICES: usize = 60;

fn kind_word(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "person",
        EntityType::Organisation => "organisation",
        EntityType::Place => "place",
        EntityType::Nationality => "nationality",
    }
}

fn describe(edit: &Edit, name_of: impl Fn(&str) -> String) -> String {
    match edit {
        Edit::Rename { id, name } => format!("rename of {} to {name}", name_of(id)),
        Edit::Merge { name, .. } => format!("merge into {name}"),
        Edit::SetHidden { id, hidden: true } => format!("hiding {}", name_of(id)),
        Edit::SetHidden { id, hidden: false } => format!("showing {}", name_of(id)),
    }
}

/// The last included entity, with its neighbours and the edits a user can make.
#[component]
pub fn EntityPanel(ex: Explore) -> impl IntoView {
    // Whether the rename form is open; the draft is kept apart so that typing
    // does not re-render the panel (and take the focus away).
    let renaming = RwSignal::new(false);
    let draft = StoredValue::new(String::new());
    let merge_target = RwSignal::new(String::new());
    // The merge choices are built only when asked for: most visits to an entity do not merge.
    let merging = RwSignal::new(false);
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
            let kind = e.kind;
            let mut about = format!(
                "{} · {} document{} · {} mention{}",
                kind_word(kind),
                e.documents.len(),
                if e.documents.len() == 1 { "" } else { "s" },
                e.n_mentions,
                if e.n_mentions == 1 { "" } else { "s" }
            );
            if !e.roles.is_empty() {
                about.push_str(&format!(" · {}", e.roles.join(", ")));
            }
            let aliases = (!e.aliases.is_empty()).then(|| format!("Also written: {}", e.aliases.join(", ")));
            let neighbours = appears_with(c, i, APPEARS_WITH)
                .into_iter()
                .map(|co| {
                    let (other, n) = (&c.entities()[co.entity], co.shared_documents);
                    let (value, facet) = (Value::Entity(other.id.clone()), other.kind);
                    view! {
                        <li><button class=format!("chip {}", other.kind.code().to_lowercase()) data-testid="appears-with"
                            title="Add to the filters"
                            on:click=move |ev| ex.include(value.clone(), facet, crate::ui::components::facets::wants_alternative(&ev))>
                            {other.name.clone()} " " <span class="count">{n}</span>
                        </button></li>
                    }
                })
                .collect_view();
            let merge_options = merging.get().then(|| {
                let mut candidates: Vec<usize> = (0..c.entities().len())
                    .filter(|&j| j != i && c.entities()[j].kind == kind && !c.entities()[j].hidden)
                    .collect();
                candidates.sort_by(|&a, &b| c.entities()[b].documents.len().cmp(&c.entities()[a].documents.len()).then_with(|| c.entities()[a].name.cmp(&c.entities()[b].name)));
                candidates.truncate(MERGE_CHOICES);
                candidates
                    .into_iter()
                    .map(|j| view! { <option value=c.entities()[j].id.clone()>{format!("{} ({})", c.entities()[j].name, c.entities()[j].documents.len())}</option> })
                    .collect_view()
            });
            let name = e.name.clone();
            let (id_rename, id_merge, id_hide) = (id.clone(), id.clone(), id.clone());
            let rename_form = if renaming.get() {
                view! {
                    <form class="rename" on:submit=move |ev| {
                        ev.prevent_default();
                        renaming.set(false);
                        ex.edit(Edit::Rename { id: id_rename.clone(), name: draft.get_value() });
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
            };
            Some(view! {
                <section class="entity-panel" aria-label=format!("About {}", e.name) data-testid="entity-panel">
                    <h2 class=kind.code().to_lowercase()>{e.name.clone()}</h2>
                    <p class="meta">{about}</p>
                    {aliases.map(|a| view! { <p class="meta">{a}</p> })}
                    <h3>"Appears with"</h3>
                    <ul class="chips">{neighbours}</ul>
                    <div class="curation">
                        {rename_form}
                        {match merge_options {
                            Some(options) => view! {
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
                                        ex.edit(Edit::Merge { from: id_merge.clone(), into, name });
                                        merge_target.set(String::new());
                                    }>"Merge"</button>
                            }.into_any(),
                            None => view! {
                                <button class="more" data-testid="merge-open" on:click=move |_| merging.set(true)>"Merge into…"</button>
                            }.into_any(),
                        }}
                        <button class="more" data-testid="hide"
                            title="Leave it out of the facets, the place list and the reader's marks"
                            on:click=move |_| ex.edit(Edit::SetHidden { id: id_hide.clone(), hidden: true })>"Hide"</button>
                    </div>
                </section>
            })
        })
    };
    // Undo, the hidden entities, and why an edit was refused.
    let edits = move || {
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
    };
    view! { {edits} {panel} }
}
