//! The place list: countries (with flag and count) that open to regions and places, counts within the other filters, and a choice of reading for ambiguous names.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::engine::explore::places::{flag, place_tree_within, PlaceFilter};
use crate::engine::explore::Value;
use crate::engine::recognize::lexicon::PlaceIdx;
use crate::engine::EntityType;
use crate::ui::components::facets::{chosen_ids, mode_switch, ValueRow};
use crate::ui::state::explore::Explore;

/// Rows shown in the groups of places beyond one country or not in the gazetteer.
const GROUP_LIMIT: usize = 30;

#[component]
pub fn PlaceList(ex: Explore, name_filter: RwSignal<String>) -> impl IntoView {
    let place_search = RwSignal::new(String::new());
    // Countries opened by the user: only their contents are rendered (a large corpus
    // has thousands of places).
    let opened = RwSignal::new(BTreeSet::<&'static str>::new());
    // The user's reading of an ambiguous place name: applies to every identical mention.
    let relink = move |entity: usize, place: Option<PlaceIdx>| {
        ex.corpus.update_value(|c| c.relink(entity, place));
        ex.after_change(None);
    };
    let list = move || {
        let evaluation = ex.evaluation.get();
        let state = ex.state.get();
        let needle = place_search.get().to_lowercase();
        let global = name_filter.get().to_lowercase();
        let open_now = opened.get();
        let (included, excluded) = chosen_ids(&ex);
        ex.corpus.with_value(|c| {
            let base = evaluation.0.base_for_facet(EntityType::Place, &state);
            let tree = place_tree_within(c, Some(&base));
            let matches = |name: &str| {
                let name = name.to_lowercase();
                name.contains(&needle) && name.contains(&global)
            };
            let place_row = |value: Value, label: String, count: usize, class: &'static str| {
                let (inc, exc) = match &value {
                    Value::Entity(id) => (included.contains(id), excluded.contains(id)),
                    v => (state.include.contains(v), state.exclude.contains(v)),
                };
                let facet = if class == "nationality" { EntityType::Nationality } else { EntityType::Place };
                ValueRow {
                    value,
                    facet,
                    label,
                    count: Signal::stored(count),
                    class,
                    included: Signal::stored(inc),
                    excluded: Signal::stored(exc),
                }
                .render(ex)
            };
            // A name with several gazetteer readings: the user may pick the one meant.
            let chooser = |i: usize| {
                let e = &c.entities()[i];
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
                let e = &c.entities()[i];
                let label = if e.kind == EntityType::Nationality { format!("{} (nationality)", e.name) } else { e.name.clone() };
                view! { <li>{place_row(Value::Entity(e.id.clone()), label, tree.entity_documents[i], class)}{chooser(i)}</li> }
            };
            let searching = !needle.is_empty() || !global.is_empty();
            let countries = tree.countries.iter().filter_map(|country| {
                let place_names = country.regions.iter().flat_map(|r| r.places.iter()).chain(&country.other_places).chain(&country.nationalities);
                let hit = matches(country.name)
                    || country.regions.iter().any(|r| matches(&r.name))
                    || place_names.clone().any(|&i| matches(&c.entities()[i].name));
                if !hit {
                    return None;
                }
                let iso = country.iso;
                let is_open = searching || open_now.contains(iso);
                let heading = place_row(
                    Value::Place(PlaceFilter::Country(iso)),
                    format!("{} {}", flag(iso), country.name),
                    country.documents.len(),
                    "country",
                );
                let contents = is_open.then(|| {
                    let regions = country.regions.iter().map(|r| {
                        let places = r.places.iter().filter(|&&i| c.entities()[i].name != r.name).map(|&i| entity_row(i, "place")).collect_view();
                        // The region named as such heads its group; its reading can change too.
                        let own = r.places.iter().find(|&&i| c.entities()[i].name == r.name).and_then(|&i| chooser(i));
                        view! {
                            <li>
                                {place_row(Value::Place(PlaceFilter::Region(iso, r.admin1)), r.name.clone(), r.documents.len(), "region")}
                                {own}
                                <ul>{places}</ul>
                            </li>
                        }
                    }).collect_view();
                    let others = country.other_places.iter().map(|&i| entity_row(i, "place")).collect_view();
                    let nationalities = country.nationalities.iter().map(|&i| entity_row(i, "nationality")).collect_view();
                    // The country named as such may be another place of that name ("Georgia").
                    let country_chooser = country.country_entity.and_then(chooser).map(|select| view! { <li>{select}</li> });
                    view! { <ul>{country_chooser}{regions}{others}{nationalities}</ul> }
                });
                Some(view! {
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
                })
            }).collect_view();
            // Excluded countries have no documents left, but stay listed so that the
            // exclusion can be seen and lifted where it was made.
            let lex = crate::engine::recognize::lexicon::lexicon();
            let excluded_countries = state
                .exclude
                .iter()
                .filter_map(|v| match v {
                    Value::Place(PlaceFilter::Country(iso)) if !tree.countries.iter().any(|c| c.iso == *iso) => Some(*iso),
                    _ => None,
                })
                .map(|iso| {
                    let name = lex.country(iso).map_or(iso.to_string(), |p| p.name.to_string());
                    view! {
                        <li class="country" data-testid="place-country">
                            <div class="country-head">
                                <span class="disclose" aria-hidden="true"></span>
                                {place_row(Value::Place(PlaceFilter::Country(iso)), format!("{} {name}", flag(iso)), 0, "country")}
                            </div>
                        </li>
                    }
                })
                .collect_view();
            let group = |title: &'static str, ids: &[usize], testid: &'static str| {
                let rows: Vec<usize> = ids.iter().copied().filter(|&i| matches(&c.entities()[i].name)).collect();
                let n_rows = rows.len();
                (n_rows > 0).then(|| view! {
                    <li class="country" data-testid=testid>
                        <p class="group-title">{title} " " <span class="count">{n_rows}</span></p>
                        <ul>
                            {rows.into_iter().take(GROUP_LIMIT).map(|i| entity_row(i, "place")).collect_view()}
                            {(n_rows > GROUP_LIMIT).then(|| view! { <li class="note">{format!("and {} more: search to find them", n_rows - GROUP_LIMIT)}</li> })}
                        </ul>
                    </li>
                })
            };
            view! {
                <ul class="place-list">
                    {countries}
                    {excluded_countries}
                    {group("Beyond one country", &tree.beyond_countries, "place-beyond")}
                    {group("Not in the gazetteer", &tree.unlinked, "place-unlinked")}
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
    view! {
        <section class="facet places" data-testid="facet-LOC" aria-label="Places">
            <h3>"Places" " " {mode}</h3>
            <input class="name-filter" type="search" placeholder="Search places" aria-label="Search places"
                prop:value=place_search on:input=move |ev| place_search.set(event_target_value(&ev)) data-testid="place-search"/>
            {list}
        </section>
    }
}
