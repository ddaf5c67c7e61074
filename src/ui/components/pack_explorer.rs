//! The explorer over a hosted pack (`?corpus=URL/`): facets, countries, timeline, search, list and reader, each click fetching only the pieces it needs.

use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::engine::explore::places::PlaceFilter;
use crate::engine::explore::state::{DocRef, Value, ViewState};
use crate::engine::pack::format::{Facet, Head};
use crate::engine::pack::view::{counts_csv, listed_csv};
use crate::engine::pack::{pack_view_within, PackView};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::lexicon;
use crate::ui::model::pack::{marked_pieces, pack_bars};
use crate::ui::platform::packs::{open_pack, with_pieces, PackSession};
use crate::ui::platform::sharing::{corpus_parameter, download};
use crate::ui::state::url_state::sync_with_address;

/// Values a facet shows before "Show all".
const SHOWN_VALUES: usize = crate::engine::pack::format::FIRST_BLOCK_VALUES;

/// The most a view fetches to count the shown values unasked (a click's budget): past
/// it, the counts wait for the user's word (at a million documents a search's counts
/// are about 11 MB).
const COUNT_BUDGET_BYTES: u64 = 1_000_000;

/// Everything the pack explorer's views read.
#[derive(Clone, Copy)]
struct PackUi {
    state: RwSignal<ViewState>,
    session: StoredValue<Option<Rc<PackSession>>, LocalStorage>,
    head: RwSignal<Option<Arc<Head>>>,
    view: RwSignal<Option<Arc<PackView>>>,
    /// What the page has fetched from the pack: requests and bytes.
    fetched: RwSignal<(u64, u64)>,
    busy: RwSignal<bool>,
    /// Views computed so far (in the status line's `data-views`, for tests to wait on).
    views: RwSignal<u64>,
    /// Facets (by position, the countries last) showing all their top values, so counted.
    expanded: RwSignal<BTreeSet<usize>>,
    /// The user asked for counts whatever they fetch.
    count_anyway: RwSignal<bool>,
    error: RwSignal<Option<String>>,
}

impl PackUi {
    /// The bytes counting would fetch, when the current view left its counts out.
    fn uncounted(self) -> Option<u64> {
        self.view.with(|v| v.as_ref().and_then(|v| v.uncounted))
    }
}

impl PackUi {
    fn toggle(self, value: Value, exclude: bool) {
        self.state.update(|s| {
            if exclude {
                s.toggle_exclude(value);
            } else {
                s.toggle_include(value);
            }
        });
    }
}

/// The pack explorer's page: the pack named by `?corpus=URL/`.
#[component]
pub fn PackApp() -> impl IntoView {
    match corpus_parameter() {
        Some(url) => view! { <PackExplorer url/> }.into_any(),
        None => view! {
            <section class="empty" data-testid="pack-missing">
                <h2>"No pack named"</h2>
                <p>"Open this page with the address of a pack's folder: " <code>"?corpus=https://example.org/packs/archive/"</code>
                   ". A pack is what " <code>"dossier pack"</code> " writes."</p>
            </section>
        }.into_any(),
    }
}

/// The whole page for a pack at `url`.
#[component]
pub fn PackExplorer(url: String) -> impl IntoView {
    let ui = PackUi {
        state: RwSignal::new(ViewState::default()),
        session: StoredValue::new_local(None),
        head: RwSignal::new(None),
        view: RwSignal::new(None),
        fetched: RwSignal::new((0, 0)),
        busy: RwSignal::new(true),
        views: RwSignal::new(0),
        expanded: RwSignal::new(BTreeSet::new()),
        count_anyway: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    sync_with_address(ui.state);
    let shown_url = url.clone();
    leptos::task::spawn_local(async move {
        match open_pack(&url).await {
            Ok(session) => {
                ui.head.set(Some(Arc::new(session.reader.head().clone())));
                ui.fetched
                    .set((session.requests.get(), session.bytes.get()));
                ui.session.set_value(Some(session));
            }
            Err(why) => {
                ui.error.set(Some(format!("The pack at {url} {why}")));
                ui.busy.set(false);
            }
        }
    });
    // Each change of the state (or the pack opening) computes its view; a view
    // computed for a state since changed is dropped.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let state = ui.state.get();
        let expanded = ui.expanded.get();
        let budget = (!ui.count_anyway.get()).then_some(COUNT_BUDGET_BYTES);
        if ui.head.with(Option::is_none) {
            return;
        }
        let Some(session) = ui.session.get_value() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        ui.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = with_pieces(&session, |reader| {
                pack_view_within(reader, &state, &expanded, budget)
            })
            .await;
            if generation.get_value() != mine {
                return;
            }
            ui.fetched
                .set((session.requests.get(), session.bytes.get()));
            match result {
                Ok(view) => {
                    ui.view.set(Some(Arc::new(view)));
                    ui.error.set(None);
                }
                Err(why) => ui.error.set(Some(why)),
            }
            ui.busy.set(false);
            ui.views.update(|n| *n += 1);
        });
    });
    let summary = move || {
        let head = ui.head.get()?;
        let (requests, bytes) = ui.fetched.get();
        let matching = ui.view.with(|v| v.as_ref().map(|v| v.matching));
        let shown = match matching {
            Some(m) if m != head.documents as u64 => format!("{m} of {}", head.documents),
            _ => head.documents.to_string(),
        };
        Some(format!(
            "{shown} documents · a pack of {} files at {shown_url} · fetched {:.0} KB in {requests} requests",
            head.files,
            bytes as f64 / 1e3
        ))
    };
    view! {
        <div class="app pack" data-testid="pack-explorer">
            <header class="top">
                <h1>"Dossier"</h1>
                <p class="tagline">"Who, where and when in a pack of documents hosted as plain files. Only the pieces a view needs are fetched."</p>
            </header>
            <p class="progress" role="status" data-testid="pack-status" aria-busy=move || ui.busy.get().to_string() data-views=move || ui.views.get().to_string()>
                {move || summary().unwrap_or_else(|| "Opening the pack…".into())}
            </p>
            {move || ui.error.get().map(|e| view! { <p class="message error" role="alert" data-testid="pack-error">{e}</p> })}
            {move || ui.head.get().map(|head| view! { <PackBody ui head/> })}
        </div>
    }
}

#[component]
fn PackBody(ui: PackUi, head: Arc<Head>) -> impl IntoView {
    let labels = [
        (EntityType::Person, "People"),
        (EntityType::Organisation, "Organisations"),
        (EntityType::Nationality, "Nationalities"),
    ];
    let facets: Vec<_> = labels
        .into_iter()
        .filter_map(|(kind, label)| {
            let index = head.facets.iter().position(|f| f.kind == kind)?;
            let facet = head.facets[index].clone();
            Some(view! { <PackFacet ui facet index label/> })
        })
        .collect();
    let countries = head.countries.clone();
    let countries_index = head.facets.len();
    let timeline_head = head.clone();
    view! {
        <div class="explorer" class:reading-open=move || ui.state.with(|s| s.open.is_some())>
            <PackTimeline ui head=timeline_head/>
            <aside class="facets" aria-label="Entities">
                <PackUncounted ui/>
                {facets}
                <PackFacet ui facet=countries index=countries_index label="Countries"/>
            </aside>
            <main class="documents" aria-label="Documents">
                <PackSearch ui/>
                <PackChosen ui/>
                <PackExports ui/>
                <PackList ui/>
            </main>
            <div class="reading">
                <PackReaderView ui/>
            </div>
        </div>
    }
}

/// The value a head's key stands for in the view state.
fn value_of(key: &str) -> Option<Value> {
    if let Some(id) = key.strip_prefix("e:") {
        return Some(Value::Entity(id.to_string()));
    }
    let iso = key.strip_prefix("c:")?;
    let iso = lexicon().country(iso)?.country;
    Some(Value::Place(PlaceFilter::Country(iso)))
}

#[component]
fn PackFacet(ui: PackUi, facet: Facet, index: usize, label: &'static str) -> impl IntoView {
    let show_all = Signal::derive(move || ui.expanded.with(|e| e.contains(&index)));
    let n_values = facet.values;
    let top = facet.top.clone();
    let rows = move || {
        let counts = ui
            .view
            .with(|v| v.as_ref().and_then(|v| v.facet_counts.get(index).cloned()));
        let uncounted = ui.uncounted().is_some();
        let limit = if show_all.get() {
            top.len()
        } else {
            SHOWN_VALUES
        };
        top.iter()
            .enumerate()
            .filter_map(|(i, v)| {
                // Left uncounted, every value shows, its count unknown.
                if uncounted {
                    return Some((v, None));
                }
                let count = counts.as_ref().map_or(v.documents as u64, |c| c.get(i).copied().unwrap_or(0));
                (count > 0).then_some((v, Some(count)))
            })
            .take(limit)
            .filter_map(|(v, count)| {
                let value = value_of(&v.key)?;
                let state = ui.state.get();
                let included = state.include.contains(&value);
                let excluded = state.exclude.contains(&value);
                let (include_value, exclude_value) = (value.clone(), value);
                let exclude_label = format!("Exclude {}", v.label);
                Some(view! {
                    <li><span class="value-row">
                        <button class="facet-value" class:active=included class:excluded=excluded
                            aria-pressed=included.to_string() data-testid="pack-value"
                            on:click=move |_| ui.toggle(include_value.clone(), false)>
                            <span class="name">{v.label.clone()}</span>
                            <span class="count">{count.map_or_else(|| "·".to_string(), |c| c.to_string())}</span>
                        </button>
                        <button class="exclude" class:active=excluded aria-label=exclude_label.clone() title=exclude_label
                            on:click=move |_| ui.toggle(exclude_value.clone(), true)>"−"</button>
                    </span></li>
                })
            })
            .collect_view()
    };
    let shown = facet.top.len();
    view! {
        <section class="facet" data-testid=format!("pack-facet-{}", label.to_lowercase()) aria-label=label>
            <h3>{label} " " <span class="count">{n_values}</span></h3>
            <ul>{rows}</ul>
            {(shown > SHOWN_VALUES).then(|| view! {
                <button class="more" aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| ui.expanded.update(|e| if !e.remove(&index) { e.insert(index); })>
                    {move || if show_all.get() { "Show fewer".to_string() } else { format!("Show the top {shown}") }}
                </button>
            })}
        </section>
    }
}

/// When the view left its counts out: what counting would fetch, and a button to count.
#[component]
fn PackUncounted(ui: PackUi) -> impl IntoView {
    move || {
        ui.uncounted().map(|bytes| {
            view! {
                <p class="message" role="status" data-testid="pack-uncounted">
                    {format!(
                        "Not counted by value: counting these documents fetches {:.1} MB of the pack's sets (the timeline shows every document). ",
                        bytes as f64 / 1e6
                    )}
                    <button data-testid="pack-count" on:click=move |_| ui.count_anyway.set(true)>"Count them"</button>
                </p>
            }
        })
    }
}

#[component]
fn PackTimeline(ui: PackUi, head: Arc<Head>) -> impl IntoView {
    let bars = move || {
        let counts = ui.view.with(|v| {
            v.as_ref()
                .filter(|v| v.uncounted.is_none())
                .map(|v| v.timeline_counts.clone())
        });
        let range = ui.state.with(|s| s.range);
        let counts = counts.unwrap_or_else(|| {
            let t = &head.timeline;
            t.years
                .iter()
                .chain(&t.months)
                .map(|v| v.documents as u64)
                .collect()
        });
        pack_bars(&head.timeline, &counts, range)
            .into_iter()
            .map(|bar| {
                let range = bar.range;
                let title = format!("{}: {} documents", bar.label, bar.count);
                view! {
                    <button class="pack-bar" class:chosen=bar.chosen title=title.clone() aria-label=title
                        data-testid="pack-bar" on:click=move |_| ui.state.update(|s| s.range = Some(range))>
                        <span class="fill" style:height=format!("{:.0}%", bar.height * 100.0)></span>
                        <span class="label">{bar.label}</span>
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pack-timeline" class:uncounted=move || ui.uncounted().is_some() aria-label="Timeline" data-testid="pack-timeline">
            <div class="bars">{bars}</div>
            {move || ui.state.with(|s| s.range.is_some()).then(|| view! {
                <button class="clear" data-testid="pack-all-dates" on:click=move |_| ui.state.update(|s| s.range = None)>"All dates"</button>
            })}
        </section>
    }
}

#[component]
fn PackSearch(ui: PackUi) -> impl IntoView {
    view! {
        <div class="search">
            <input type="search" placeholder="Search the words of the documents" aria-label="Search"
                prop:value=move || ui.state.with(|s| s.search.clone())
                on:change=move |ev| { let q = event_target_value(&ev); ui.state.update(|s| s.search = q) }
                data-testid="pack-search"/>
        </div>
    }
}

/// The chosen values as chips that remove them, and Clear all.
#[component]
fn PackChosen(ui: PackUi) -> impl IntoView {
    let chips = move || {
        let chosen = ui
            .view
            .with(|v| v.as_ref().map(|v| v.chosen.clone()).unwrap_or_default());
        chosen
            .into_iter()
            .map(|(value, label, excluded)| {
                let text = if excluded { format!("not {label} ×") } else { format!("{label} ×") };
                view! {
                    <li><button class="chip-remove" class:not=excluded data-testid="pack-chip" title="Remove this filter"
                        on:click=move |_| ui.toggle(value.clone(), excluded)>{text}</button></li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="active-filters">
            <ul>{chips}</ul>
            {move || ui.state.with(ViewState::is_filtered).then(|| view! {
                <button class="clear" on:click=move |_| ui.state.update(ViewState::clear_filters)>"Clear all"</button>
            })}
        </div>
    }
}

/// Downloads of what is shown: the counts, and the documents listed.
#[component]
fn PackExports(ui: PackUi) -> impl IntoView {
    let export = move |what: &'static str| {
        let (Some(view), Some(session)) = (ui.view.get_untracked(), ui.session.get_value()) else {
            return;
        };
        let (name, text) = match what {
            "counts" => ("dossier-counts.csv", counts_csv(&session.reader, &view)),
            _ => ("dossier-documents.csv", listed_csv(&view)),
        };
        if download(name, "text/csv", &text).is_err() {
            ui.error
                .set(Some("The browser refused the download.".into()));
        }
    };
    view! {
        <div class="toolbar">
            <div class="exports" role="group" aria-label="Download what is shown">
                <button class="clear" data-testid="pack-export-counts" disabled=move || ui.uncounted().is_some()
                    title=move || ui.uncounted().map(|_| "Count them first").unwrap_or_default() on:click=move |_| export("counts")>"Counts (CSV)"</button>
                <button class="clear" data-testid="pack-export-documents" on:click=move |_| export("documents")>"Documents listed (CSV)"</button>
            </div>
        </div>
    }
}

#[component]
fn PackList(ui: PackUi) -> impl IntoView {
    let cards = move || {
        let view = ui.view.get()?;
        let more = view.matching.saturating_sub(view.listed.len() as u64);
        let cards = view
            .listed
            .iter()
            .map(|(_, title)| {
                let doc = DocRef {
                    source: title.source.clone(),
                    part: title.part as usize,
                };
                let date = title.date.clone().unwrap_or_else(|| "undated".into());
                view! {
                    <article class="document" data-testid="pack-document">
                        <h3><button class="title" on:click=move |_| ui.state.update(|s| s.open = Some(doc.clone()))>{title.title.clone()}</button></h3>
                        <p class="meta">{title.source.clone()} " · " {date}</p>
                        <p class="snippet">{title.opening.clone()}</p>
                    </article>
                }
            })
            .collect_view();
        Some(view! {
            {cards}
            {(more > 0).then(|| view! { <p class="message">{format!("and {more} more: narrow the list to see them")}</p> })}
        })
    };
    view! { <div class="document-list pack-list" aria-label="Matching documents">{cards}</div> }
}

#[component]
fn PackReaderView(ui: PackUi) -> impl IntoView {
    move || {
        let view = ui.view.get()?;
        let (_, record) = view.open.clone()?;
        let pieces = marked_pieces(&record)
            .into_iter()
            .map(|p| match p.mention {
                Some(code) => view! { <mark class=code.to_lowercase() title=code data-testid="mention">{p.text}</mark> }.into_any(),
                None => view! { <span>{p.text}</span> }.into_any(),
            })
            .collect_view();
        Some(view! {
            <section class="reader" data-testid="reader" aria-label="Document">
                <header>
                    <h2>{record.document.title.clone()}</h2>
                    <button class="close" on:click=move |_| ui.state.update(|s| s.open = None) data-testid="close-reader">"Close"</button>
                </header>
                <div class="text">{pieces}</div>
            </section>
        })
    }
}
