//! The root component: empty state, drop zone, file messages, entity facets, the place list and the document list.

use std::collections::BTreeSet;

use leptos::ev::DragEvent;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::gazetteer;
use super::loading::{cancel, file_list, load_files, prepare, Progress, Sinks};
use super::reader::Reader;
use super::sample::SAMPLE_FILES;
use crate::engine::lexicon::PlaceIdx;
use crate::engine::places::{filter_documents, flag, place_tree, PlaceFilter};
use crate::engine::{AnalysisOptions, Anchoring, Corpus, DateMention, EntityType, SplitOptions};

/// Facet sections, in display order; places have their own list grouped by country.
const FACETS: &[(EntityType, &str)] = &[
    (EntityType::Person, "People"),
    (EntityType::Organisation, "Organisations"),
    (EntityType::Nationality, "Nationalities"),
];

/// One active filter: an entity, or a country or region of the place list. Filters
/// combine with AND.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Filter {
    Entity(usize),
    Place(PlaceFilter),
}

impl Filter {
    /// The documents this filter keeps, ascending.
    fn documents(&self, c: &Corpus) -> Vec<usize> {
        match self {
            Filter::Entity(e) => c
                .entities
                .get(*e)
                .map(|e| e.documents.clone())
                .unwrap_or_default(),
            Filter::Place(p) => filter_documents(c, p),
        }
    }

    fn label(&self, c: &Corpus) -> String {
        let lex = crate::engine::lexicon::lexicon();
        match self {
            Filter::Entity(e) => c
                .entities
                .get(*e)
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            Filter::Place(PlaceFilter::Country(iso)) => lex
                .country(iso)
                .map_or(iso.to_string(), |p| p.name.to_string()),
            Filter::Place(PlaceFilter::Region(iso, admin1)) => lex
                .region(iso, admin1)
                .map_or(admin1.to_string(), |p| p.name.to_string()),
        }
    }
}

fn toggle(selected: RwSignal<BTreeSet<Filter>>, filter: Filter) {
    selected.update(|s| {
        if !s.remove(&filter) {
            s.insert(filter);
        }
    });
}

/// How many values a facet shows.
const FACET_LIMIT: usize = 12;

/// Above this many files, loaded files are summed up in one line.
const FILE_MESSAGE_LIMIT: usize = 12;

/// Documents listed at a time; "Show more" adds as many again.
const DOCUMENT_PAGE: usize = 50;

/// Entity chips and dates shown per listed document (the reader shows them all).
const CHIPS_PER_DOCUMENT: usize = 10;
const DATES_PER_DOCUMENT: usize = 6;

#[component]
pub fn App() -> impl IntoView {
    let corpus = StoredValue::new(Corpus::new());
    // Bumped whenever the corpus changes; views read it to know when to recompute.
    let (version, set_version) = signal(0u64);
    let (dragging, set_dragging) = signal(false);
    let (progress, set_progress) = signal(None::<Progress>);
    let (split_articles, set_split_articles) = signal(true);
    let selected = RwSignal::new(BTreeSet::<Filter>::new());
    gazetteer::start_loading();
    prepare();

    let options = move || AnalysisOptions {
        split: SplitOptions {
            split_articles: split_articles.get_untracked(),
        },
        ..AnalysisOptions::default()
    };
    let sinks = Sinks {
        corpus,
        version: set_version,
        progress: set_progress,
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        let files = file_list(ev.data_transfer().and_then(|d| d.files()));
        load_files(files, sinks, options());
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let files = file_list(input.files());
        load_files(files, sinks, options());
        input.set_value("");
    };
    let load_sample = move |_| {
        let options = options();
        leptos::task::spawn_local(async move {
            gazetteer::ready().await;
            corpus.update_value(|c| {
                for (name, text) in SAMPLE_FILES {
                    c.add_file(name, text.as_bytes(), &options);
                }
            });
            set_version.update(|v| *v += 1);
        });
    };
    let is_empty = move || {
        version.get();
        corpus.with_value(|c| c.files.is_empty())
    };

    view! {
        <div
            class="app"
            class:dragging=dragging
            on:dragenter=move |ev: DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragover=move |ev: DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop
            data-testid="drop-zone"
        >
            <header class="top">
                <h1>"Dossier"</h1>
                <p class="tagline">"Who, where and when in your documents. Nothing leaves this tab."</p>
                <div class="actions">
                    <label class="button">
                        "Open files"
                        <input type="file" multiple accept=".txt,.md,.text,.markdown,text/plain,text/markdown" on:change=on_pick data-testid="file-input"/>
                    </label>
                    <button class="button" on:click=load_sample data-testid="try-sample">"Try the sample"</button>
                    <label class="option">
                        <input type="checkbox" prop:checked=split_articles
                            on:change=move |ev| set_split_articles.set(event_target_checked(&ev))/>
                        "Split files that hold several articles"
                    </label>
                </div>
            </header>
                        {move || progress.get().map(|p| view! {
                <p class="progress" role="status" data-testid="progress">
                    {format!("Analysed {} of {} files ({:.1} of {:.1} MB){}", p.n_done, p.n_files, p.bytes_done / 1e6, p.bytes_total / 1e6,
                        p.seconds_left.filter(|s| *s >= 1.0).map(|s| format!(", about {} s left", s.round())).unwrap_or_default())}
                    " "
                    <button class="clear" on:click=move |_| cancel() data-testid="cancel-loading">"Cancel"</button>
                </p>
            })}
            <Show when=is_empty fallback=move || view! { <Explorer corpus version set_version selected/> }>
                <section class="empty" data-testid="empty-state">
                    <h2>"Drop text files anywhere on this page"</h2>
                    <p>"Plain text (.txt) and Markdown (.md) files are read in your browser; people, organisations, places, nationalities and dates are listed as they load."</p>
                    <p>"Or pick files with " <strong>"Open files"</strong> ", or press " <strong>"Try the sample"</strong> " for ten short example articles."</p>
                </section>
            </Show>
        </div>
    }
}

#[component]
fn Explorer(
    corpus: StoredValue<Corpus>,
    version: ReadSignal<u64>,
    set_version: WriteSignal<u64>,
    selected: RwSignal<BTreeSet<Filter>>,
) -> impl IntoView {
    // The document open in the reader.
    let open = RwSignal::new(None::<usize>);
    let all_files = RwSignal::new(false);
    let file_messages = move || {
        version.get();
        let show_all = all_files.get();
        corpus.with_value(|c| {
            // Many files: one summary line, and a line for each file with something to say.
            let many = c.files.len() > FILE_MESSAGE_LIMIT && !show_all;
            let summary = many.then(|| {
                let n_documents: usize = c.files.iter().map(|f| f.n_documents).sum();
                view! {
                    <li class="message" data-testid="files-summary">
                        {format!("{} files loaded, {} documents", c.files.len(), n_documents)} " "
                        <button class="clear" on:click=move |_| all_files.set(true)>"List every file"</button>
                    </li>
                }
            });
            let lines = c.files
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
                    view! { <li class=class data-testid="file-message">{f.message()}</li> }
                })
                .collect_view();
            view! { {summary} {lines} }
        })
    };
    // Facet controls: a name filter across facets, and which facets show all values.
    let name_filter = RwSignal::new(String::new());
    let expanded = RwSignal::new(BTreeSet::<&'static str>::new());
    let facets = move || {
        version.get();
        let chosen = selected.get();
        let needle = name_filter.get().to_lowercase();
        let open_facets = expanded.get();
        corpus.with_value(|c| {
            // Entity indices by document count, then name: computed once per render.
                        let order = c.entities_by_document_count();
            FACETS
                .iter()
                .map(|&(kind, label)| {
                    let matching: Vec<usize> = order
                        .iter()
                        .copied()
                        .filter(|&i| c.entities[i].kind == kind)
                        .filter(|&i| needle.is_empty() || c.entities[i].name.to_lowercase().contains(&needle))
                        .collect();
                    let n_matching = matching.len();
                    let show_all = open_facets.contains(kind.code());
                    let limit = if show_all { n_matching } else { FACET_LIMIT };
                    let values: Vec<(usize, String, usize)> = matching
                        .into_iter()
                        .take(limit)
                        .map(|i| (i, c.entities[i].name.clone(), c.entities[i].documents.len()))
                        .collect();
                    let chosen = chosen.clone();
                    let code = kind.code();
                    view! {
                        <section class="facet" data-testid=format!("facet-{code}")>
                            <h3>{label} <span class="count">{n_matching}</span></h3>
                            <ul>
                                {values.into_iter().map(|(idx, name, n_docs)| {
                                    let active = chosen.contains(&Filter::Entity(idx));
                                    view! {
                                        <li>
                                            <button class="facet-value" class:active=active aria-pressed=active.to_string()
                                                on:click=move |_| toggle(selected, Filter::Entity(idx))
                                                data-testid="facet-value">
                                                <span class="name">{name}</span>
                                                <span class="count">{n_docs}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(n_matching > FACET_LIMIT).then(|| view! {
                                <button class="more" data-testid="facet-more"
                                    on:click=move |_| expanded.update(|e| { if !e.remove(code) { e.insert(code); } })>
                                    {if show_all { "Show fewer".to_string() } else { format!("Show all {n_matching}") }}
                                </button>
                            })}
                        </section>
                    }
                })
                .collect_view()
        })
    };
    // Active filters as removable chips, with a way to clear them all.
    let active_filters = move || {
        version.get();
        let chosen = selected.get();
        (!chosen.is_empty()).then(|| {
            corpus.with_value(|c| {
                let chips = chosen
                    .iter()
                    .map(|f| (f.clone(), f.label(c)))
                    .map(|(f, name)| view! {
                        <li>
                            <button class="chip-remove" data-testid="active-filter" title="Remove this filter"
                                on:click=move |_| selected.update(|s| { s.remove(&f); })>
                                {name} " ×"
                            </button>
                        </li>
                    })
                    .collect_view();
                view! {
                    <div class="active-filters">
                        <ul>{chips}</ul>
                        <button class="clear" data-testid="clear-filters" on:click=move |_| selected.set(BTreeSet::new())>"Clear all"</button>
                    </div>
                }
            })
        })
    };
    let n_listed = RwSignal::new(DOCUMENT_PAGE);
    let documents = move || {
        version.get();
        let chosen = selected.get();
        let limit = n_listed.get();
        corpus.with_value(|c| {
            let kept: Vec<Vec<usize>> = chosen.iter().map(|f| f.documents(c)).collect();
            let mut shown: Vec<usize> = (0..c.documents.len())
                .filter(|d| kept.iter().all(|docs| docs.binary_search(d).is_ok()))
                .collect();
                        // By document date, undated documents last.
            shown.sort_by_key(|&d| {
                let date = c.documents[d].date.map(|dd| dd.date);
                (date.is_none(), date, d)
            });
            let n_shown = shown.len();
            let items = shown
                .into_iter()
                .take(limit)
                .map(|d| {
                    let doc = &c.documents[d];
                    let mut entity_names: Vec<(String, &'static str)> = Vec::new();
                    for &e in &c.mention_entities[d] {
                        let entity = &c.entities[e];
                        if !entity_names.iter().any(|(n, _)| *n == entity.name) {
                            entity_names.push((entity.name.clone(), entity.kind.code()));
                        }
                    }
                                        let dates: Vec<(String, &'static str)> = doc
                        .dates
                        .iter()
                        .map(|m| (format!("{} → {}", &doc.text[m.start..m.end], date_label(m)), anchoring_note(m.anchoring)))
                        .collect();
                    let (n_entities, n_dates) = (entity_names.len(), dates.len());
                    let date = doc.date.map(|dd| dd.date.to_string()).unwrap_or_else(|| "undated".into());
                    let snippet: String = doc.text.lines().skip(1).find(|l| l.split_whitespace().count() > 8).unwrap_or("").chars().take(220).collect();
                    view! {
                        <article class="document" data-testid="document">
                            <h3><button class="title" on:click=move |_| open.set(Some(d)) data-testid="document-title">{doc.title.clone()}</button></h3>
                            <p class="meta">{doc.source.clone()} " · " {date}</p>
                            <p class="snippet">{snippet}</p>
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
                })
                .collect_view();
            let more = (n_shown > limit).then(|| view! {
                <button class="more" data-testid="more-documents" on:click=move |_| n_listed.update(|n| *n += DOCUMENT_PAGE)>
                    {format!("Show {} more of {}", DOCUMENT_PAGE.min(n_shown - limit), n_shown - limit)}
                </button>
            });
            view! {
                <p class="summary" data-testid="summary">{format!("{n_shown} of {} documents", c.documents.len())}</p>
                {items}
                {more}
            }
        })
    };
    let gazetteer_note = move || {
        version.get();
        gazetteer::failed().then(|| view! {
            <li class="message warning">"The small-city table did not load: towns under 100,000 people stay unlinked."</li>
        })
    };
    view! {
        <ul class="files" data-testid="file-messages">{gazetteer_note}{file_messages}</ul>
        <div class="explorer">
            <aside class="facets" aria-label="Entities">
                <input class="name-filter" type="search" placeholder="Filter names" aria-label="Filter names"
                    prop:value=name_filter on:input=move |ev| name_filter.set(event_target_value(&ev)) data-testid="name-filter"/>
                {facets}
                <PlaceList corpus version set_version selected name_filter/>
            </aside>
                        <main class="documents" aria-label="Documents">
                <Reader corpus version open/>
                {active_filters}
                {documents}
            </main>
        </div>
    }
}

/// The normalised date as a reader wants it: "2024-05-10..11" for a range of days,
/// the TIMEX value otherwise ("2024-05", "1991", "2006-Q4").
fn date_label(m: &DateMention) -> String {
    match m.interval {
        Some((first, last)) if m.precision == crate::engine::Precision::Day && first != last => {
            if first.year() == last.year() && first.month() == last.month() {
                format!("{first}..{:02}", last.day())
            } else {
                format!("{first}..{last}")
            }
        }
        None if m.anchoring == Anchoring::Unresolved => format!("{} (no document date)", m.value),
        _ => m.value.clone(),
    }
}

/// How a date was anchored, for the tooltip.
fn anchoring_note(anchoring: Anchoring) -> &'static str {
    match anchoring {
        Anchoring::Explicit => "written out in full",
        Anchoring::YearInferred => "year taken from the document date or a nearby year",
        Anchoring::Relative => "counted from the document date",
        Anchoring::Unresolved => "relative, but the document has no date to count from",
    }
}

/// Places grouped by country, then region, with document counts. Countries (with
/// their flag) are sorted by count; each opens to its regions and places. Nationalities
/// count toward their country's documents but are listed as nationalities. Clicking a
/// country, a region or a place filters the documents like any facet value.
#[component]
fn PlaceList(
    corpus: StoredValue<Corpus>,
    version: ReadSignal<u64>,
    set_version: WriteSignal<u64>,
    selected: RwSignal<BTreeSet<Filter>>,
    name_filter: RwSignal<String>,
) -> impl IntoView {
    let place_search = RwSignal::new(String::new());
    // The user's reading of an ambiguous place name: applies to every identical
    // mention. Entity filters survive by id (entity indices change).
    let relink = move |entity: usize, place: Option<PlaceIdx>| {
        let mut chosen = selected.get_untracked();
        corpus.update_value(|c| {
            let ids: Vec<(Filter, Option<String>)> = chosen
                .iter()
                .map(|f| match f {
                    Filter::Entity(e) => (f.clone(), c.entities.get(*e).map(|e| e.id.clone())),
                    _ => (f.clone(), None),
                })
                .collect();
            c.relink(entity, place);
            chosen = ids
                .into_iter()
                .filter_map(|(f, id)| match (f, id) {
                    (Filter::Entity(_), Some(id)) => c
                        .entities
                        .iter()
                        .position(|e| e.id == id)
                        .map(Filter::Entity),
                    (Filter::Entity(_), None) => None,
                    (f, _) => Some(f),
                })
                .collect();
        });
        selected.set(chosen);
        set_version.update(|v| *v += 1);
    };
    let list = move || {
        version.get();
        let chosen = selected.get();
        let needle = place_search.get().to_lowercase();
        let global = name_filter.get().to_lowercase();
        corpus.with_value(|c| {
            let tree = place_tree(c);
            let matches = |name: &str| {
                let name = name.to_lowercase();
                name.contains(&needle) && name.contains(&global)
            };
            let value = |filter: Filter, label: String, n_docs: usize, class: &'static str| {
                let active = chosen.contains(&filter);
                view! {
                    <button class=format!("facet-value {class}") class:active=active aria-pressed=active.to_string()
                        on:click=move |_| toggle(selected, filter.clone()) data-testid="place-value">
                        <span class="name">{label}</span>
                        <span class="count">{n_docs}</span>
                    </button>
                }
            };
            // A name with several gazetteer readings: the user may pick the one meant.
            let chooser = |i: usize| {
                let e = &c.entities[i];
                let choices = if e.kind == EntityType::Place { c.link_choices(i) } else { Vec::new() };
                (choices.iter().filter(|ch| ch.place.is_some()).count() > 1).then(|| {
                    let current = e.place;
                    let places: Vec<Option<PlaceIdx>> = choices.iter().map(|ch| ch.place).collect();
                    let options = choices
                        .iter()
                        .enumerate()
                        .map(|(k, ch)| view! { <option value=k.to_string() selected=ch.place == current>{ch.label.clone()}</option> })
                        .collect_view();
                    view! {
                        <select class="relink" aria-label=format!("Which {} is meant", e.name) title="Which place is meant: applies to every mention written this way"
                            data-testid="relink"
                            on:change=move |ev| {
                                let k: usize = event_target_value(&ev).parse().unwrap_or(0);
                                if let Some(&place) = places.get(k) { relink(i, place) }
                            }>
                            {options}
                        </select>
                    }
                })
            };
            let entity_row = |i: usize, class: &'static str| {
                let e = &c.entities[i];
                let label = if e.kind == EntityType::Nationality { format!("{} (nationality)", e.name) } else { e.name.clone() };
                view! { <li>{value(Filter::Entity(i), label, e.documents.len(), class)}{chooser(i)}</li> }
            };
            let searching = !needle.is_empty() || !global.is_empty();
            let countries = tree.countries.iter().filter_map(|country| {
                let place_names = country.regions.iter().flat_map(|r| r.places.iter()).chain(&country.other_places).chain(&country.nationalities);
                let hit = matches(country.name)
                    || country.regions.iter().any(|r| matches(&r.name))
                    || place_names.clone().any(|&i| matches(&c.entities[i].name));
                if !hit {
                    return None;
                }
                let heading = value(
                    Filter::Place(PlaceFilter::Country(country.iso)),
                    format!("{} {}", flag(country.iso), country.name),
                    country.documents.len(),
                    "country",
                );
                let regions = country.regions.iter().map(|r| {
                    let places = r.places.iter().filter(|&&i| c.entities[i].name != r.name).map(|&i| entity_row(i, "place")).collect_view();
                    // The region named as such heads its group; its reading can change too.
                    let own = r.places.iter().find(|&&i| c.entities[i].name == r.name).and_then(|&i| chooser(i));
                    view! {
                        <li>
                            {value(Filter::Place(PlaceFilter::Region(country.iso, r.admin1)), r.name.clone(), r.documents.len(), "region")}
                            {own}
                            <ul>{places}</ul>
                        </li>
                    }
                }).collect_view();
                let others = country.other_places.iter().map(|&i| entity_row(i, "place")).collect_view();
                let nationalities = country.nationalities.iter().map(|&i| entity_row(i, "nationality")).collect_view();
                // The country named as such may be another place of that name ("Georgia").
                let country_chooser = country.country_entity.and_then(chooser).map(|select| view! { <li>{select}</li> });
                Some(view! {
                    <li class="country" data-testid="place-country">
                        <details open=searching>
                            <summary>{heading}</summary>
                            <ul>{country_chooser}{regions}{others}{nationalities}</ul>
                        </details>
                    </li>
                })
            }).collect_view();
            let group = |title: &'static str, ids: &[usize], testid: &'static str| {
                let rows: Vec<usize> = ids.iter().copied().filter(|&i| matches(&c.entities[i].name)).collect();
                (!rows.is_empty()).then(|| view! {
                    <li class="country" data-testid=testid>
                        <details open=searching>
                            <summary>{title} <span class="count">{rows.len()}</span></summary>
                            <ul>{rows.into_iter().map(|i| entity_row(i, "place")).collect_view()}</ul>
                        </details>
                    </li>
                })
            };
            view! {
                <ul class="place-list">
                    {countries}
                    {group("Beyond one country", &tree.beyond_countries, "place-beyond")}
                    {group("Not in the gazetteer", &tree.unlinked, "place-unlinked")}
                </ul>
            }
        })
    };
    view! {
        <section class="facet places" data-testid="facet-LOC">
            <h3>"Places"</h3>
            <input class="name-filter" type="search" placeholder="Search places" aria-label="Search places"
                prop:value=place_search on:input=move |ev| place_search.set(event_target_value(&ev)) data-testid="place-search"/>
            {list}
        </section>
    }
}
