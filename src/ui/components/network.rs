//! The network view: who appears with whom in the documents shown, as an SVG of nodes and weighted edges; a node filters, an edge lists the documents the two share.
//!
//! Names reach the page only as text nodes and attribute values, never as markup.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::engine::explore::{document_ref, network, shared_documents, DocSet, Value};
use crate::engine::index::corpus::Corpus;
use crate::engine::io::network_export::{network_csv, network_graphml};
use crate::engine::EntityType;
use crate::ui::model::network::{
    edge_width, lay_out, node_radius, place_labels, to_svg, DrawnNode, HEIGHT, MAX_NODES, WIDTH,
};
use crate::ui::platform::sharing::download;
use crate::ui::state::explore::Explore;

/// Nodes shown at first, and edges per node at most.
const DEFAULT_NODES: usize = 30;
const EDGES_PER_NODE: usize = 2;
/// Documents listed for a chosen edge.
const SHARED_LISTED: usize = 50;

/// The network as drawn: nodes with their entity, edges between node indices.
#[derive(Clone, Debug, PartialEq)]
struct Drawing {
    nodes: Vec<(DrawnNode, usize, String, EntityType)>,
    edges: Vec<(usize, usize, usize)>,
}

/// Which types the network shows, as (type, label) pairs with a switch each.
const KINDS: [(EntityType, &str); 3] = [
    (EntityType::Person, "people"),
    (EntityType::Organisation, "organisations"),
    (EntityType::Place, "places"),
];

/// The network of the documents of `base` as drawn: the `n` strongest names of
/// `kinds`, laid out with the nodes of `previous` kept in place (and noted there).
fn draw(
    c: &Corpus,
    base: &DocSet,
    kinds: &[EntityType],
    n: usize,
    previous: StoredValue<HashMap<String, (f64, f64)>>,
) -> Drawing {
    let net = network(c, base, kinds, n, n * EDGES_PER_NODE);
    let entities = c.entities();
    let (keys, positions) = previous.with_value(|p| lay_out(c, &net, p));
    previous.set_value(
        keys.iter()
            .cloned()
            .zip(positions.iter().copied())
            .collect(),
    );
    let most = net.nodes.first().map_or(1, |node| node.documents);
    let radii: Vec<f64> = net
        .nodes
        .iter()
        .map(|node| node_radius(node.documents, most))
        .collect();
    let names: Vec<String> = net
        .nodes
        .iter()
        .map(|node| entities[node.entity].name.clone())
        .collect();
    let labels = place_labels(&positions, &radii, &names);
    let nodes = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let entity = &entities[node.entity];
            let drawn = DrawnNode {
                name: names[i].clone(),
                class: entity.kind.code().to_lowercase(),
                documents: node.documents,
                at: positions[i],
                radius: radii[i],
                label: labels[i],
            };
            (drawn, node.entity, entity.id.clone(), entity.kind)
        })
        .collect();
    let edges = net.edges.iter().map(|e| (e.a, e.b, e.shared)).collect();
    Drawing { nodes, edges }
}

/// The documents both names of the chosen edge are in, to open or to filter by both.
fn shared_panel(ex: Explore, chosen: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    move || {
        let (a, b) = chosen.get()?;
        let evaluation = ex.evaluation.get();
        ex.corpus.with_value(|c| {
        let (ea, eb) = (c.entities().get(a)?, c.entities().get(b)?);
        let docs = shared_documents(c, &evaluation.0.matching_set(), a, b);
        let heading = format!("{} and {}: {} shared documents", ea.name, eb.name, docs.len());
        let both = [(Value::Entity(ea.id.clone()), ea.kind), (Value::Entity(eb.id.clone()), eb.kind)];
        let items = docs
            .iter()
            .take(SHARED_LISTED)
            .filter_map(|&d| {
                let reference = document_ref(c, d)?;
                let doc = &c.documents()[d];
                Some(view! {
                    <li><button class="more" data-testid="shared-document"
                        on:click=move |_| ex.state.update(|s| s.open = Some(reference.clone()))>{doc.title.clone()}</button>
                        <span class="note">{format!(" {}", doc.source)}</span></li>
                })
            })
            .collect_view();
        Some(view! {
            <div class="shared" data-testid="network-shared">
                <h3>{heading}</h3>
                <ul>{items}</ul>
                <button class="more" data-testid="filter-both" on:click=move |_| {
                    for (value, kind) in both.clone() { ex.include(value, kind, false); }
                    chosen.set(None);
                }>"Filter by both"</button>
                <button class="more" on:click=move |_| chosen.set(None)>"Close"</button>
            </div>
        })
    })
    }
}

/// Downloads the drawing as SVG, or the network as GraphML or an edge-list CSV.
fn export_network(
    ex: Explore,
    drawing: Memo<Drawing>,
    shown_kinds: RwSignal<Vec<EntityType>>,
    size: RwSignal<usize>,
    what: &'static str,
) {
    let (name, mime, contents) = match what {
        "svg" => drawing.with_untracked(|d| {
            let nodes: Vec<DrawnNode> = d.nodes.iter().map(|n| n.0.clone()).collect();
            (
                "dossier-network.svg",
                "image/svg+xml",
                to_svg(&nodes, &d.edges),
            )
        }),
        _ => {
            let evaluation = ex.evaluation.get_untracked();
            let (kinds, n) = (shown_kinds.get_untracked(), size.get_untracked());
            ex.corpus.with_value(|c| {
                let net = network(
                    c,
                    &evaluation.0.counted_matching(),
                    &kinds,
                    n,
                    n * EDGES_PER_NODE,
                );
                if what == "graphml" {
                    (
                        "dossier-network.graphml",
                        "application/graphml+xml",
                        network_graphml(c, &net),
                    )
                } else {
                    (
                        "dossier-network-edges.csv",
                        "text/csv",
                        network_csv(c, &net),
                    )
                }
            })
        }
    };
    if download(name, mime, &contents).is_err() {
        ex.notice
            .set(Some("The browser refused the download.".into()));
    }
}

/// A switch per entity type the network can show.
fn kind_switches(shown_kinds: RwSignal<Vec<EntityType>>) -> impl IntoView {
    KINDS
    .iter()
    .map(|&(kind, label)| {
        let checked = move || shown_kinds.with(|k| k.contains(&kind));
        let toggle = move |_| {
            shown_kinds.update(|k| {
                if let Some(p) = k.iter().position(|x| *x == kind) {
                    k.remove(p);
                } else {
                    k.push(kind);
                }
            })
        };
        view! { <label><input type="checkbox" prop:checked=checked on:change=toggle data-testid=format!("network-kind-{}", kind.code())/> " " {label}</label> }
    })
    .collect_view()
}

#[component]
pub fn NetworkView(ex: Explore) -> impl IntoView {
    let shown_kinds = RwSignal::new(vec![EntityType::Person, EntityType::Organisation]);
    let size = RwSignal::new(DEFAULT_NODES);
    // Where each node stood last time: nodes that stay keep their place.
    let previous: StoredValue<HashMap<String, (f64, f64)>> = StoredValue::new(HashMap::default());
    let hovered = RwSignal::new(None::<usize>);
    // The edge chosen, by its two entities.
    let chosen = RwSignal::new(None::<(usize, usize)>);
    let drawing = Memo::new(move |_| {
        let evaluation = ex.evaluation.get();
        let (kinds, n) = (shown_kinds.get(), size.get());
        ex.corpus
            .with_value(|c| draw(c, &evaluation.0.counted_matching(), &kinds, n, previous))
    });
    let neighbours = move |i: usize, j: usize| {
        drawing.with(|d| {
            d.edges
                .iter()
                .any(|&(a, b, _)| (a, b) == (i, j) || (a, b) == (j, i))
        })
    };
    let dim_node = move |i: usize| hovered.get().is_some_and(|h| h != i && !neighbours(h, i));
    let dim_edge = move |a: usize, b: usize| hovered.get().is_some_and(|h| h != a && h != b);

    let nodes = move || {
        drawing.with(|d| {
            d.nodes
                .iter()
                .enumerate()
                .map(|(i, (node, _, id, kind))| {
                    let (value, kind) = (Value::Entity(id.clone()), *kind);
                    let on_key = value.clone();
                    let label = node.label.map(|l| view! {
                        <text x=format!("{:.1}", l.x) y=format!("{:.1}", l.y) text-anchor=l.anchor>{node.name.clone()}</text>
                    });
                    let aria = format!("{}, {} documents: filter by it", node.name, node.documents);
                    view! {
                        <g class=format!("node {}", node.class) class:dim=move || dim_node(i) tabindex="0" role="button"
                            aria-label=aria data-testid="network-node" data-name=node.name.clone()
                            data-x=format!("{:.1}", node.at.0) data-y=format!("{:.1}", node.at.1)
                            on:click=move |ev| ex.include(value.clone(), kind, ev.shift_key())
                            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Enter" { ex.include(on_key.clone(), kind, ev.shift_key()) }
                            on:mouseenter=move |_| hovered.set(Some(i)) on:mouseleave=move |_| hovered.set(None)
                            on:focus=move |_| hovered.set(Some(i)) on:blur=move |_| hovered.set(None)>
                            <title>{format!("{}: {} documents", node.name, node.documents)}</title>
                            <circle cx=format!("{:.1}", node.at.0) cy=format!("{:.1}", node.at.1) r=format!("{:.1}", node.radius)></circle>
                            {label}
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let edges = move || {
        drawing.with(|d| {
            let most = d.edges.iter().map(|e| e.2).max().unwrap_or(1);
            d.edges
                .iter()
                .map(|&(a, b, shared)| {
                    let (p, q) = (d.nodes[a].0.at, d.nodes[b].0.at);
                    let pair = (d.nodes[a].1, d.nodes[b].1);
                    let title = format!("{} and {}: {shared} shared documents", d.nodes[a].0.name, d.nodes[b].0.name);
                    let aria = format!("{title}: list them");
                    let coords = (format!("{:.1}", p.0), format!("{:.1}", p.1), format!("{:.1}", q.0), format!("{:.1}", q.1));
                    view! {
                        <g class="edge" class:dim=move || dim_edge(a, b) class:chosen=move || chosen.get() == Some(pair)
                            tabindex="0" role="button" aria-label=aria data-testid="network-edge"
                            on:click=move |_| chosen.set(Some(pair))
                            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Enter" { chosen.set(Some(pair)) }>
                            <title>{title}</title>
                            <line class="hit" x1=coords.0.clone() y1=coords.1.clone() x2=coords.2.clone() y2=coords.3.clone()></line>
                            <line class="stroke" x1=coords.0 y1=coords.1 x2=coords.2 y2=coords.3 stroke-width=format!("{:.1}", edge_width(shared, most))></line>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let summary =
        move || drawing.with(|d| format!("{} names, {} links", d.nodes.len(), d.edges.len()));
    view! {
        <section class="network" data-testid="network" aria-label="Who appears with whom">
            <div class="network-controls">
                {kind_switches(shown_kinds)}
                <label>"Names: " <input type="range" min="5" max=MAX_NODES.to_string() step="5" prop:value=move || size.get().to_string()
                    on:input=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_NODES)) data-testid="network-size"/>
                    " " {move || size.get().to_string()}</label>
                <span class="note" data-testid="network-summary">{summary}</span>
            </div>
            <svg class="network-graph" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group"
                aria-label="Names as circles sized by documents, lines between names that share documents">
                <g class="edges">{edges}</g>
                <g class="nodes">{nodes}</g>
            </svg>
            <p class="note">"Click a name to filter by it, a line to list the documents both are in. Export: "
                <button class="more" data-testid="network-export-svg" on:click=move |_| export_network(ex, drawing, shown_kinds, size, "svg")>"SVG"</button>
                <button class="more" data-testid="network-export-graphml" on:click=move |_| export_network(ex, drawing, shown_kinds, size, "graphml")>"GraphML"</button>
                <button class="more" data-testid="network-export-csv" on:click=move |_| export_network(ex, drawing, shown_kinds, size, "csv")>"edges CSV"</button>
            </p>
            {shared_panel(ex, chosen)}
        </section>
    }
}
