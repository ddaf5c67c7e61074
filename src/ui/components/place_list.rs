//! The place list: countries (with flag and count) that open to regions and places, counts within the other filters, and a choice of reading for ambiguous names.

use std::collections::{BTreeSet, HashSet};

use leptos::prelude::*;

use crate::engine::explore::places::{place_tree_within, CountryGroup, PlaceFilter, PlaceTree};
use crate::engine::explore::{Value, ViewState};
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx};
use crate::engine::{Corpus, EntityType};
use crate::ui::components::facets::{chosen_ids, mode_switch, ValueRow};
use crate::ui::model::places::{excluded_countries, excluded_places, PlaceSearch, GROUP_LIMIT};
use crate::ui::platform::flags::{country_mark, system_draws_flags};
use crate::ui::state::explore::Explore;

/// What every row of the place list needs, for one rendering of the list.
struct Rows<'a> {
    ex: Explore,
    corpus: &'a Corpus,
    tree: &'a PlaceTree,
    state: &'a ViewState,
    included: &'a HashSet<String>,
    excluded: &'a HashSet<String>,
    search: &'a PlaceSearch,
}

impl Rows<'_> {
    /// A country, region, place or nationality as a row that filters by it.
    fn value_row(&self, value: Value, label: String, count: usize, class: &'static str) -> AnyView {
        let (inc, exc) = match &value {
            Value::Entity(id) => (self.included.contains(id), self.excluded.contains(id)),
            v => (
                self.state.include.contains(v),
                self.state.exclude.contains(v),
            ),
        };
        let facet = if class == "nationality" {
            EntityType::Nationality
        } else {
            EntityType::Place
        };
        ValueRow {
            value,
            facet,
            label,
            count: Signal::stored(count),
            class,
            included: Signal::stored(inc),
            excluded: Signal::stored(exc),
        }
        .render(self.ex)
        .into_any()
    }

    /// A name with several gazetteer readings: a menu to pick the one meant, which
    /// applies to every mention written that way.
    fn chooser(&self, i: usize) -> Option<AnyView> {
        let (ex, c) = (self.ex, self.corpus);
        let e = &c.entities()[i];
        let choices = if e.kind == EntityType::Place {
            c.link_choices(i)
        } else {
            Vec::new()
        };
        if choices.iter().filter(|ch| ch.place.is_some()).count() < 2 {
            return None;
        }
        let current = e.place;
        let places: Vec<Option<PlaceIdx>> = choices.iter().map(|ch| ch.place).collect();
        let options = choices
            .iter()
            .enumerate()
            .map(|(k, ch)| view! { <option value=k.to_string() selected=ch.place == current>{ch.label.clone()}</option> })
            .collect_view();
        let relink = move |place: Option<PlaceIdx>| {
            ex.corpus.update_value(|c| c.relink(i, place));
            ex.after_change(None);
        };
        Some(view! {
            <select class="relink" aria-label=format!("Which {} is meant", e.name) title="Which place is meant: applies to every mention written this way"
                data-testid="relink"
                on:change=move |ev| {
                    let k: usize = event_target_value(&ev).parse().unwrap_or(0);
                    if let Some(&place) = places.get(k) { relink(place) }
                }>
                {options}
            </select>
        }.into_any())
    }

    fn entity_row(&self, i: usize, class: &'static str) -> impl IntoView {
        let e = &self.corpus.entities()[i];
        let label = if e.kind == EntityType::Nationality {
            format!("{} (nationality)", e.name)
        } else {
            e.name.clone()
        };
        view! { <li>{self.value_row(Value::Entity(e.id.clone()), label, self.tree.entity_documents[i], class)}{self.chooser(i)}</li> }
    }

    /// A country's regions (each heading its places), other places, nationalities,
    /// and the menu for the country's own name ("Georgia").
    fn country_contents(&self, country: &CountryGroup) -> impl IntoView {
        let c = self.corpus;
        let iso = country.iso;
        let regions = country.regions.iter().map(|r| {
            let places = r.places.iter().filter(|&&i| c.entities()[i].name != r.name).map(|&i| self.entity_row(i, "place")).collect_view();
            // The region named as such heads its group; its reading can change too.
            let own = r.places.iter().find(|&&i| c.entities()[i].name == r.name).and_then(|&i| self.chooser(i));
            view! {
                <li>
                    {self.value_row(Value::Place(PlaceFilter::Region(iso, r.admin1)), r.name.clone(), r.documents.len(), "region")}
                    {own}
                    <ul>{places}</ul>
                </li>
            }
        }).collect_view();
        let others = country
            .other_places
            .iter()
            .map(|&i| self.entity_row(i, "place"))
            .collect_view();
        let nationalities = country
            .nationalities
            .iter()
            .map(|&i| self.entity_row(i, "nationality"))
            .collect_view();
        let country_chooser = country
            .country_entity
            .and_then(|i| self.chooser(i))
            .map(|select| view! { <li>{select}</li> });
        view! { <ul>{country_chooser}{regions}{others}{nationalities}</ul> }
    }

    /// A country with its flag and count, opening to its contents.
    fn country(
        &self,
        country: &CountryGroup,
        opened: RwSignal<BTreeSet<&'static str>>,
        is_open: bool,
    ) -> impl IntoView {
        let iso = country.iso;
        let heading = self.value_row(
            Value::Place(PlaceFilter::Country(iso)),
            format!("{} {}", country_mark(iso), country.name),
            country.documents.len(),
            "country",
        );
        let contents = is_open.then(|| self.country_contents(country));
        view! {
            <li class="country" data-testid="place-country">
                <div class="country-head">
                    <button class="disclose" aria-expanded=is_open.to_string() data-testid="place-open"
                        aria-label=format!("Places in {}", country.name)
                        on:click=move |_| opened.update(|o| { if !o.remove(iso) { o.insert(iso); } })>
                        {if is_open { "▾" } else { "▸" }}
                    </button>
                    {heading}
                </div>
                {contents}
            </li>
        }
    }

    /// An excluded country with nothing left: listed, struck through, so the exclusion can be lifted.
    fn excluded_country(&self, iso: &'static str) -> impl IntoView {
        let name = lexicon()
            .country(iso)
            .map_or(iso.to_string(), |p| p.name.to_string());
        view! {
            <li class="country" data-testid="place-country">
                <div class="country-head">
                    <span class="disclose" aria-hidden="true"></span>
                    {self.value_row(Value::Place(PlaceFilter::Country(iso)), format!("{} {name}", country_mark(iso)), 0, "country")}
                </div>
            </li>
        }
    }

    /// Excluded regions and places the list no longer holds: listed, struck through,
    /// so the exclusion can be lifted where it was made.
    fn excluded_places(&self, excluded: Vec<(Value, String)>) -> Option<impl IntoView> {
        (!excluded.is_empty()).then(|| {
            let n = excluded.len();
            let rows = excluded
                .into_iter()
                .map(|(value, label)| {
                    let class = if matches!(value, Value::Place(_)) {
                        "region"
                    } else {
                        "place"
                    };
                    view! { <li>{self.value_row(value, label, 0, class)}</li> }
                })
                .collect_view();
            view! {
                <li class="country" data-testid="place-excluded">
                    <p class="group-title">"Excluded" " " <span class="count">{n}</span></p>
                    <ul>{rows}</ul>
                </li>
            }
        })
    }

    /// The places beyond one country, or not in the gazetteer, the first [`GROUP_LIMIT`] of them.
    fn group(
        &self,
        title: &'static str,
        ids: &[usize],
        testid: &'static str,
    ) -> Option<impl IntoView> {
        let rows = self.search.rows(self.corpus, ids);
        let n_rows = rows.len();
        (n_rows > 0).then(|| view! {
            <li class="country" data-testid=testid>
                <p class="group-title">{title} " " <span class="count">{n_rows}</span></p>
                <ul>
                    {rows.into_iter().take(GROUP_LIMIT).map(|i| self.entity_row(i, "place")).collect_view()}
                    {(n_rows > GROUP_LIMIT).then(|| view! { <li class="note">{format!("and {} more: search to find them", n_rows - GROUP_LIMIT)}</li> })}
                </ul>
            </li>
        })
    }
}

#[component]
pub fn PlaceList(ex: Explore, name_filter: RwSignal<String>) -> impl IntoView {
    let place_search = RwSignal::new(String::new());
    // Countries opened by the user: only their contents are rendered (a large corpus
    // has thousands of places).
    let opened = RwSignal::new(BTreeSet::<&'static str>::new());
    let list = move || {
        // The corpus on the list's own tick, a task after the other views; the
        // user's choices at once.
        ex.places_tick.track();
        let state = ex.state.get();
        let evaluation = ex.evaluation.get_untracked();
        let search = PlaceSearch::new(&place_search.get(), &name_filter.get());
        let open_now = opened.get();
        let (included, excluded) = chosen_ids(&ex);
        ex.corpus.with_value(|c| {
            let base = evaluation.0.base_for_facet(EntityType::Place, &state);
            let tree = place_tree_within(c, Some(&base));
            let rows = Rows {
                ex,
                corpus: c,
                tree: &tree,
                state: &state,
                included: &included,
                excluded: &excluded,
                search: &search,
            };
            let countries = tree
                .countries
                .iter()
                .filter(|country| search.keeps_country(c, country))
                .map(|country| {
                    rows.country(
                        country,
                        opened,
                        search.is_active() || open_now.contains(country.iso),
                    )
                })
                .collect_view();
            let excluded_countries = excluded_countries(&state, &tree)
                .into_iter()
                .map(|iso| rows.excluded_country(iso))
                .collect_view();
            let excluded_places = rows.excluded_places(excluded_places(&state, c, &tree));
            view! {
                <ul class="place-list">
                    {countries}
                    {excluded_countries}
                    {excluded_places}
                    {rows.group("Beyond one country", &tree.beyond_countries, "place-beyond")}
                    {rows.group("Not in the gazetteer", &tree.unlinked, "place-unlinked")}
                </ul>
            }
        })
    };
    let mode = move || {
        let (included, _) = chosen_ids(&ex);
        let n_included = ex.state.with(|s| {
            s.include
                .iter()
                .filter(|v| matches!(v, Value::Place(_)))
                .count()
        }) + ex.corpus.with_value(|c| {
            c.entities()
                .iter()
                .filter(|e| e.kind == EntityType::Place && included.contains(&e.id))
                .count()
        });
        mode_switch(ex, EntityType::Place, n_included)
    };
    // Says which country marks the list shows, for whoever reads the page (and its tests).
    let marks = if system_draws_flags() {
        "flags"
    } else {
        "codes"
    };
    view! {
        <section class="facet places" data-testid="facet-LOC" aria-label="Places" data-country-marks=marks>
            <h3>"Places" " " {mode}</h3>
            <input class="name-filter" type="search" placeholder="Search places" aria-label="Search places"
                prop:value=place_search on:input=move |ev| place_search.set(event_target_value(&ev)) data-testid="place-search"/>
            {list}
        </section>
    }
}
