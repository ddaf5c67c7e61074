//! The explorer's layout: file messages, timeline, facets, place list, documents and reader, its panels appearing a frame apart.

use leptos::prelude::*;

use crate::engine::{EntityType, Warning};
use crate::ui::components::documents::{ActiveFilters, DocumentList, SearchBox};
use crate::ui::components::entity_panel::EntityPanel;
use crate::ui::components::facets::Facet;
use crate::ui::components::network::NetworkView;
use crate::ui::components::place_list::PlaceList;
use crate::ui::components::reader::Reader;
use crate::ui::components::timeline::TimelineView;
use crate::ui::platform::sharing::ExportMenu;
use crate::ui::platform::{gazetteer, tables};
use crate::ui::state::explore::Explore;

/// About one frame, between the explorer's panels appearing.
pub const FRAME_MS: u64 = 17;
/// How many frames the explorer's panels take to appear (the last `Later` step).
pub const PANEL_STEPS: u64 = 5;
/// Above this many files, loaded files are summed up in one line.
const FILE_MESSAGE_LIMIT: usize = 12;

/// A table's columns offered for its text: its name, the columns and the one in use.
type ColumnChoice = (String, Vec<String>, usize);

/// The column chooser of the table being re-read, if one is open.
fn column_chooser(
    choice: RwSignal<Option<ColumnChoice>>,
    read_again: Callback<(String, usize)>,
) -> impl IntoView {
    move || {
        let (name, columns, current) = choice.get()?;
        let options = columns
            .iter()
            .enumerate()
            .map(|(k, column)| view! { <option value=k.to_string() selected=k == current>{column.clone()}</option> })
            .collect_view();
        let on_change = move |ev| {
            if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                read_again.run((name.clone(), k));
                choice.set(None);
            }
        };
        Some(view! {
            <li class="message column-choice">
                <label>"Text of each row from the column " <select data-testid="text-column" on:change=on_change>{options}</select></label>
                " " <button class="clear" on:click=move |_| choice.set(None)>"Cancel"</button>
            </li>
        })
    }
}

/// A table's button to choose its text column, for tables this session can read again.
fn choose_column_button(
    name: &str,
    guessed: Option<String>,
    choice: RwSignal<Option<ColumnChoice>>,
) -> Option<impl IntoView> {
    tables::kept(name)?;
    let name = name.to_string();
    let open = move |_| {
        let (name, guessed) = (name.clone(), guessed.clone());
        leptos::task::spawn_local(async move {
            if let Some((columns, current)) = tables::columns(&name, guessed).await {
                choice.set(Some((name, columns, current)));
            }
        });
    };
    Some(
        view! { " " <button class="clear" data-testid="choose-column" on:click=open>"Choose the text column"</button> },
    )
}

#[component]
pub fn Explorer(ex: Explore, read_again: Callback<(String, usize)>) -> impl IntoView {
    let Explore {
        corpus, version, ..
    } = ex;
    let all_files = RwSignal::new(false);
    let column_choice: RwSignal<Option<ColumnChoice>> = RwSignal::new(None);
    let file_messages = move || {
        version.get();
        let show_all = all_files.get();
        corpus.with_value(|c| {
            // Many files: one summary line, and a line for each file with something to say.
            let many = c.files().len() > FILE_MESSAGE_LIMIT && !show_all;
            let summary = many.then(|| {
                let n_documents: usize = c.files().iter().map(|f| f.n_documents).sum();
                view! {
                    <li class="message" data-testid="files-summary">
                        {format!("{} files loaded, {} documents", c.files().len(), n_documents)} " "
                        <button class="clear" on:click=move |_| all_files.set(true)>"List every file"</button>
                    </li>
                }
            });
            let lines = c.files()
                .iter()
                .filter(|f| !many || f.error.is_some() || !f.warnings.is_empty() || f.duplicate_of.is_some())
                .map(|f| {
                    let class = if f.error.is_some() {
                        "message error"
                    } else if f.warnings.is_empty() {
                        "message"
                    } else {
                        "message warning"
                    };
                    let guessed = f.warnings.iter().find_map(|w| match w {
                        Warning::TextColumnGuessed { column } => Some(column.clone()),
                        _ => None,
                    });
                    let choose = (f.error.is_none() && f.n_documents > 0)
                        .then(|| choose_column_button(&f.name, guessed, column_choice))
                        .flatten();
                    view! { <li class=class data-testid="file-message">{f.message()}{choose}</li> }
                })
                .collect_view();
            view! { {summary} {lines} }
        })
    };
    // Only a change of view rebuilds the centre (the network keeps its layout across filters).
    let show_network = Memo::new(move |_| ex.state.with(|s| s.network));
    // A filter on names across the facets and the place list.
    let name_filter = RwSignal::new(String::new());
    let gazetteer_note = move || {
        version.get();
        let cities = gazetteer::failed().then(|| view! {
            <li class="message warning">"The small-city table did not load: towns under 100,000 people stay unlinked."</li>
        });
        let names = gazetteer::name_likeness_failed().then(|| view! {
            <li class="message warning">"The name-likeness model did not load: unfamiliar names are typed by their context alone."</li>
        });
        view! { {cities} {names} }
    };
    view! {
        <ul class="files" data-testid="file-messages">{gazetteer_note}{file_messages}{column_chooser(column_choice, read_again)}</ul>
        <div class="explorer" class:reading-open=move || ex.state.with(|s| s.open.is_some())>
            <Later step=0><TimelineView ex/></Later>
            <aside class="facets" aria-label="Entities">
                <input class="name-filter" type="search" placeholder="Filter names" aria-label="Filter names in every facet"
                    prop:value=name_filter on:input=move |ev| name_filter.set(event_target_value(&ev)) data-testid="name-filter"/>
                <Later step=1><Facet ex kind=EntityType::Person label="People" name_filter/></Later>
                <Later step=2><Facet ex kind=EntityType::Organisation label="Organisations" name_filter/></Later>
                <Later step=3><PlaceList ex name_filter/></Later>
                <Later step=4><Facet ex kind=EntityType::Nationality label="Nationalities" name_filter/></Later>
            </aside>
            <main class="documents" aria-label="Documents">
                <SearchBox ex/>
                <ActiveFilters ex/>
                <Later step=PANEL_STEPS as u32>
                    <div class="toolbar">
                        <ExportMenu ex/>
                        <ViewSwitch ex/>
                    </div>
                    <EntityPanel ex/>
                    {move || if show_network.get() {
                        view! { <NetworkView ex/> }.into_any()
                    } else {
                        view! { <DocumentList ex/> }.into_any()
                    }}
                </Later>
            </main>
            <div class="reading">
                <Reader ex/>
            </div>
        </div>
    }
}

/// The centre column's two ways of looking: the document list or the network.
#[component]
fn ViewSwitch(ex: Explore) -> impl IntoView {
    let network = move || ex.state.with(|s| s.network);
    view! {
        <div class="view-switch" role="group" aria-label="Show">
            <button aria-pressed=move || (!network()).to_string() data-testid="show-list"
                on:click=move |_| ex.state.update(|s| s.network = false)>"Documents"</button>
            <button aria-pressed=move || network().to_string() data-testid="show-network"
                on:click=move |_| ex.state.update(|s| s.network = true)>"Network"</button>
        </div>
    }
}

/// Builds its children `step` frames after the one that builds it: the explorer's
/// first appearance (with a corpus already large) is split into a task and a layout
/// per panel, so that none of them holds the page for long.
#[component]
fn Later(step: u32, children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(
        move || {
            // The explorer may be gone by then (the corpus was forgotten).
            let _ = ready.try_set(true);
        },
        std::time::Duration::from_millis(u64::from(step) * FRAME_MS),
    );
    move || ready.get().then(|| children())
}
