//! The document list: search box, active filters as chips, and the matching documents by date with snippets or keyword-in-context lines.

use leptos::prelude::*;

use crate::engine::explore::{
    date_order, document_ref, in_order, keyword_in_context, one_per_group, value_label,
    Listed as ListedGroup,
};
use crate::ui::model::card::{card_summary, window, CardSummary};
use crate::ui::state::explore::{row_key, Explore};

/// Entity chips, dates and search hits shown per listed document (the reader shows them all).
const CHIPS_PER_DOCUMENT: usize = 10;
const DATES_PER_DOCUMENT: usize = 6;
const HITS_PER_DOCUMENT: usize = 3;

/// Characters of context on each side of a search hit.
const CONTEXT_CHARS: usize = 60;

/// Milliseconds of quiet typing before a search runs.
const SEARCH_DELAY_MS: u64 = 200;

/// The search box: the state's search follows the typing after a short pause.
#[component]
pub fn SearchBox(ex: Explore) -> impl IntoView {
    let typed = RwSignal::new(ex.state.get_untracked().search);
    // A restored or cleared search shows in the box (only when the search itself
    // changes: other filters must not undo typing still waiting for its pause).
    let search = Memo::new(move |_| ex.state.with(|s| s.search.clone()));
    Effect::new(move |_| {
        let search = search.get();
        if search != typed.get_untracked() {
            typed.set(search);
        }
    });
    let generation = StoredValue::new(0u64);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    ex.state.update(|s| s.search = text);
                }
            },
            std::time::Duration::from_millis(SEARCH_DELAY_MS),
        );
    };
    view! {
        <div class="search">
            <input type="search" placeholder="Search the text of every document" aria-label="Search the documents"
                prop:value=typed on:input=on_input data-testid="search"/>
        </div>
    }
}

/// Active filters as removable chips, with a way to clear them all.
#[component]
pub fn ActiveFilters(ex: Explore) -> impl IntoView {
    move || {
        ex.version.track();
        let state = ex.state.get();
        state.is_filtered().then(|| {
            ex.corpus.with_value(|c| {
                let any = |v| {
                    crate::engine::explore::facet_of(c, v).is_some_and(|f| state.any_of.contains(&f))
                };
                let included = state.include.iter().map(|v| {
                    let label = if any(v) { format!("or {}", value_label(c, v)) } else { value_label(c, v) };
                    let v = v.clone();
                    view! {
                        <li><button class="chip-remove" data-testid="active-filter" title="Remove this filter"
                            on:click=move |_| ex.state.update(|s| s.toggle_include(v.clone()))>{label} " ×"</button></li>
                    }
                }).collect_view();
                let excluded = state.exclude.iter().map(|v| {
                    let label = format!("not {}", value_label(c, v));
                    let v = v.clone();
                    view! {
                        <li><button class="chip-remove not" data-testid="active-filter" title="Remove this filter"
                            on:click=move |_| ex.state.update(|s| s.toggle_exclude(v.clone()))>{label} " ×"</button></li>
                    }
                }).collect_view();
                let range = state.range.map(|(a, b)| view! {
                    <li><button class="chip-remove" data-testid="active-filter" title="Remove this filter"
                        on:click=move |_| ex.state.update(|s| s.range = None)>{format!("dated {a} to {b}")} " ×"</button></li>
                });
                let search = (!state.search.trim().is_empty()).then(|| view! {
                    <li><button class="chip-remove" data-testid="active-filter" title="Remove this filter"
                        on:click=move |_| ex.state.update(|s| s.search.clear())>{format!("“{}”", state.search.trim())} " ×"</button></li>
                });
                view! {
                    <div class="active-filters">
                        <ul>{included}{excluded}{range}{search}</ul>
                        <button class="clear" data-testid="clear-filters" on:click=move |_| ex.state.update(|s| s.clear_filters())>"Clear all"</button>
                    </div>
                }
            })
        })
    }
}

/// One listed document: its index, its place in the list and the key of what its card shows.
#[derive(Clone, PartialEq)]
struct Listed {
    document: usize,
    /// Near-duplicates of it that match too, listed under it rather than beside it.
    n_similar: usize,
    position: usize,
    key: u64,
}

/// One document's card: title, file, date, tally, snippet or search hits, chips, dates.
fn card(ex: Explore, d: usize, n_similar: Signal<usize>, search: &str) -> AnyView {
    ex.corpus.with_value(|c| {
        let doc = &c.documents()[d];
        let CardSummary {
            entities: entity_names,
            dates,
            tally,
            date,
            date_note,
            snippet,
        } = card_summary(c, d);
        let (n_entities, n_dates) = (entity_names.len(), dates.len());
        let in_context = if search.trim().is_empty() {
            Vec::new()
        } else {
            keyword_in_context(c, search, &[d], HITS_PER_DOCUMENT, HITS_PER_DOCUMENT, CONTEXT_CHARS)
        };
        let excerpt = if in_context.is_empty() {
            view! { <p class="snippet">{snippet}</p> }.into_any()
        } else {
            view! {
                <ul class="kwic" data-testid="kwic">
                    {in_context.into_iter().map(|h| view! {
                        <li data-testid="kwic-line"><span class="left">{h.left}</span> " " <mark class="hit">{h.hit}</mark> " " <span class="right">{h.right}</span></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        };
        let reference = document_ref(c, d);
        let (open_ref, click_ref, similar_ref) = (reference.clone(), reference.clone(), reference);
        // Reactive: while a corpus loads, a card's count of near-duplicates grows
        // without the card being built again.
        let similar = move || {
            let n = n_similar.get();
            let reference = similar_ref.clone();
            (n > 0).then(|| view! {
                <button class="similar-badge" data-testid="similar-badge"
                    title="Near-duplicates of this document that match too: open it to see and compare them"
                    on:click=move |_| ex.state.update(|s| s.open = reference.clone())>{format!("{n} similar")}</button>
            })
        };
        let is_open = Memo::new(move |_| open_ref.is_some() && ex.state.with(|s| s.open == open_ref));
        view! {
            <article class="document" class:open=is_open data-testid="document">
                <h3><button class="title" aria-pressed=move || is_open.get().to_string()
                    on:click=move |_| ex.state.update(|s| s.open = click_ref.clone())
                    data-testid="document-title">{doc.title.clone()}</button></h3>
                <p class="meta">{doc.source.clone()} " · " <span title=date_note data-testid="document-date">{date}</span> " · " <span data-testid="document-tally">{tally}</span> {similar}</p>
                {excerpt}
                <ul class="chips">
                    {entity_names.into_iter().take(CHIPS_PER_DOCUMENT).map(|(name, code)| view! {
                        <li class=format!("chip {}", code.to_lowercase()) data-testid="entity">{name}</li>
                    }).collect_view()}
                    {(n_entities > CHIPS_PER_DOCUMENT).then(|| view! { <li class="chip more-chips">{format!("+{} more", n_entities - CHIPS_PER_DOCUMENT)}</li> })}
                </ul>
                <ul class="dates">
                    {dates.into_iter().take(DATES_PER_DOCUMENT).map(|(d, note)| view! { <li data-testid="date" title=note>{d}</li> }).collect_view()}
                    {(n_dates > DATES_PER_DOCUMENT).then(|| view! { <li>{format!("+{} more", n_dates - DATES_PER_DOCUMENT)}</li> })}
                </ul>
            </article>
        }
        .into_any()
    })
}

/// The list's summary (documents matching, and listed when near-duplicates are
/// folded) and the switch that counts each group of near-duplicates once.
fn list_head(ex: Explore, shown: Memo<Vec<ListedGroup>>) -> impl IntoView {
    let summary = move || {
        let n = ex.evaluation.with(|e| e.0.matching.len());
        let listed = shown.with(Vec::len);
        let total = ex.corpus.with_value(|c| c.documents().len());
        if listed < n {
            format!("{n} of {total} documents · {listed} listed, near-duplicates under one")
        } else {
            format!("{n} of {total} documents")
        }
    };
    let once = move |ev| {
        let checked = event_target_checked(&ev);
        ex.state.update(|s| s.once = checked);
    };
    view! {
        <div class="list-head">
            <p class="summary" role="status" data-testid="summary">{summary}</p>
            <label class="count-once" title="Facets and the timeline count a story republished with small edits once">
                <input type="checkbox" data-testid="count-once" prop:checked=move || ex.state.with(|s| s.once) on:change=once/>
                " Count near-duplicates once"
            </label>
        </div>
    }
}

/// Height of one card in the list, in CSS pixels (cards are clamped to it), and
/// cards rendered beyond the visible ones on each side: enough for a scroll step,
/// few, as a filter change rebuilds every card it brings into the window.
const CARD_PX: f64 = 184.0;
const OVERSCAN: usize = 3;

/// The matching documents by date, as a windowed list: the list scrolls on its
/// own and only the cards in view (and a few around) exist in the page, however
/// many documents match. Cards are keyed: unchanged ones keep their elements.
#[component]
pub fn DocumentList(ex: Explore) -> impl IntoView {
    let search = Memo::new(move |_| ex.state.with(|s| s.search.clone()));
    // Every document in display order, once per corpus change (not per click), on
    // the order's own tick: until then new documents wait out of the list.
    let order = Memo::new(move |_| {
        ex.order_tick.track();
        ex.corpus.with_value(date_order)
    });
    // The matching documents in display order, one of each group of near-duplicates.
    let shown = Memo::new(move |_| {
        let evaluation = ex.evaluation.get();
        let matching = order.with(|order| in_order(order, &evaluation.0.matching_set()));
        ex.corpus.with_value(|c| one_per_group(c, &matching))
    });
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(800.0f64);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    // A new filter shows its first documents.
    Effect::new(move |_| {
        shown.track();
        // Only when scrolled: touching scrollTop forces a layout in the middle of the update.
        if scroll_top.get_untracked() != 0.0 {
            if let Some(list) = list_ref.get_untracked() {
                list.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });
    let page = Memo::new(move |_| {
        let names = ex.names.get();
        let search = search.get();
        let (top, height) = (scroll_top.get(), viewport.get());
        shown.with(|shown| {
            let in_view = window(top, height, CARD_PX, OVERSCAN, shown.len());
            ex.corpus.with_value(|c| {
                shown
                    .iter()
                    .enumerate()
                    .skip(in_view.start)
                    .take(in_view.len())
                    .map(|(position, listed)| {
                        // The document itself (a corpus may be replaced), and what its card shows.
                        let d = listed.document;
                        let doc = &c.documents()[d];
                        Listed {
                            document: d,
                            n_similar: listed.n_similar,
                            position,
                            key: row_key((
                                d,
                                &doc.source,
                                doc.part,
                                doc.text.len(),
                                names,
                                &search,
                            )),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let on_scroll = move |_| {
        if let Some(list) = list_ref.get_untracked() {
            scroll_top.set(list.scroll_top() as f64);
            viewport.set(list.client_height() as f64);
        }
    };
    view! {
        {list_head(ex, shown)}
        <div class="document-list" node_ref=list_ref on:scroll=on_scroll tabindex="-1" aria-label="Matching documents">
            <div class="document-window" style:height=move || format!("{}px", shown.with(Vec::len) as f64 * CARD_PX)>
                <For each=move || page.get() key=|l| l.key children=move |l| {
                    // A card keeps its element when a filter moves it: only its place changes.
                    let key = l.key;
                    let top = move || {
                        let position = page.with(|p| p.iter().find(|x| x.key == key).map_or(0, |x| x.position));
                        format!("{}px", position as f64 * CARD_PX)
                    };
                    let n_similar = Signal::derive(move || page.with(|p| p.iter().find(|x| x.key == key).map_or(0, |x| x.n_similar)));
                    // Set through the CSS object model: the page's CSP forbids style attributes.
                    view! { <div class="document-slot" style:top=top style:height=format!("{CARD_PX}px")>{card(ex, l.document, n_similar, &search.get_untracked())}</div> }
                }/>
            </div>
        </div>
    }
}
