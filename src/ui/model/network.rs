//! The network view's drawing: node sizes, a force-directed layout that keeps the nodes already shown where they were, labels that do not overlap, and the picture as SVG text.
//!
//! Hand-written rather than a layout crate: the view needs nodes pinned where they
//! stood before a filter changed, which `fa2` (graphology's ForceAtlas2, MIT) does
//! not offer, and it pulls in rayon; `forceatlas2` is AGPL. A network of at most
//! [`MAX_NODES`] nodes is laid out in well under a frame's work.

use rustc_hash::FxHashMap as HashMap;

use crate::engine::explore::Network;
use crate::engine::index::corpus::Corpus;
use crate::engine::io::network_export::xml_text;

/// The drawing's size, in SVG units.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 480.0;
/// The most nodes the view offers (its slider's end).
pub const MAX_NODES: usize = 80;
/// Steps of the force simulation.
const ITERATIONS: usize = 160;
/// The pull to the centre, per unit of distance.
const GRAVITY: f64 = 1.0;
/// Space kept free along the drawing's edges.
const MARGIN: f64 = 24.0;
/// Label text size, and the width one character takes, roughly (labels are sized
/// before the browser draws them).
pub const LABEL_SIZE: f64 = 11.0;
const CHAR_WIDTH: f64 = 6.2;

/// A node's radius: its area grows with its documents, from 4 to 16 units.
pub fn node_radius(documents: usize, most_documents: usize) -> f64 {
    let share = documents as f64 / most_documents.max(1) as f64;
    4.0 + 12.0 * share.clamp(0.0, 1.0).sqrt()
}

/// A network's nodes by entity id, and their positions ([`layout`], nodes of
/// `previous` kept where they were; edges weighted by the documents shared).
pub fn lay_out(
    corpus: &Corpus,
    network: &Network,
    previous: &HashMap<String, (f64, f64)>,
) -> (Vec<String>, Vec<(f64, f64)>) {
    let keys: Vec<String> = network
        .nodes
        .iter()
        .map(|node| corpus.entities()[node.entity].id.clone())
        .collect();
    let edges: Vec<(usize, usize, f64)> = network
        .edges
        .iter()
        .map(|e| (e.a, e.b, e.shared as f64))
        .collect();
    let positions = layout(&keys, &edges, previous);
    (keys, positions)
}

/// Positions for `keys` (stable node ids) joined by `edges` (node indices and a
/// weight). A node placed before, in `previous`, stays exactly there; new nodes
/// start next to their placed neighbours and are moved by the forces: repulsion
/// between every pair, attraction along edges, a pull to the centre.
/// Deterministic: the same input gives the same drawing.
pub fn layout(
    keys: &[String],
    edges: &[(usize, usize, f64)],
    previous: &HashMap<String, (f64, f64)>,
) -> Vec<(f64, f64)> {
    let n = keys.len();
    let pinned: Vec<bool> = keys.iter().map(|k| previous.contains_key(k)).collect();
    let mut positions: Vec<(f64, f64)> = keys
        .iter()
        .map(|k| {
            previous
                .get(k)
                .copied()
                .unwrap_or_else(|| start_position(k))
        })
        .collect();
    // A new node starts beside the placed neighbour it shares most with.
    for (i, key) in keys.iter().enumerate() {
        if pinned[i] {
            continue;
        }
        let strongest = edges
            .iter()
            .filter_map(|&(a, b, w)| match (a == i, b == i) {
                (true, _) if pinned[b] => Some((b, w)),
                (_, true) if pinned[a] => Some((a, w)),
                _ => None,
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((j, _)) = strongest {
            let (dx, dy) = jitter(key, 30.0);
            positions[i] = clamp((positions[j].0 + dx, positions[j].1 + dy));
        }
    }
    if pinned.iter().all(|&p| p) {
        return positions;
    }
    let area = (WIDTH - 2.0 * MARGIN) * (HEIGHT - 2.0 * MARGIN);
    let k = (area / n.max(1) as f64).sqrt() * 0.5;
    let centre = (WIDTH / 2.0, HEIGHT / 2.0);
    let mut temperature = WIDTH / 8.0;
    let cooling = temperature / ITERATIONS as f64;
    let mut force = vec![(0.0f64, 0.0f64); n];
    for _ in 0..ITERATIONS {
        force.iter_mut().for_each(|f| *f = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy, d) = delta(positions[i], positions[j]);
                let push = k * k / d;
                force[i].0 += dx / d * push;
                force[i].1 += dy / d * push;
                force[j].0 -= dx / d * push;
                force[j].1 -= dy / d * push;
            }
        }
        for &(a, b, weight) in edges {
            let (dx, dy, d) = delta(positions[a], positions[b]);
            let pull = d * d / k * (1.0 + weight.ln_1p()) * 0.5;
            force[a].0 -= dx / d * pull;
            force[a].1 -= dy / d * pull;
            force[b].0 += dx / d * pull;
            force[b].1 += dy / d * pull;
        }
        for i in 0..n {
            if pinned[i] {
                continue;
            }
            let (cx, cy, _) = delta(centre, positions[i]);
            // A pull to the centre as strong as the push of the others at the edge of
            // the drawing: names in no edge gather round it instead of lining its walls.
            let (fx, fy) = (force[i].0 + cx * GRAVITY, force[i].1 + cy * GRAVITY);
            let length = (fx * fx + fy * fy).sqrt().max(1e-9);
            let step = length.min(temperature);
            positions[i] = clamp((
                positions[i].0 + fx / length * step,
                positions[i].1 + fy / length * step,
            ));
        }
        temperature = (temperature - cooling).max(1.0);
    }
    positions
}

/// `b - a` and its length (never zero: coincident points are nudged apart).
fn delta(a: (f64, f64), b: (f64, f64)) -> (f64, f64, f64) {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    let d = (dx * dx + dy * dy).sqrt();
    if d < 0.01 {
        (0.01, 0.0, 0.01)
    } else {
        (dx, dy, d)
    }
}

fn clamp((x, y): (f64, f64)) -> (f64, f64) {
    (
        x.clamp(MARGIN, WIDTH - MARGIN),
        y.clamp(MARGIN, HEIGHT - MARGIN),
    )
}

/// A deterministic offset of at most `scale` in each direction, from a key.
fn jitter(key: &str, scale: f64) -> (f64, f64) {
    let h = crate::engine::index::analysed::fnv1a(key.as_bytes());
    let unit = |bits: u64| (bits & 0xffff) as f64 / 65535.0 * 2.0 - 1.0;
    (unit(h) * scale, unit(h >> 16) * scale)
}

/// Where a node with no placed neighbour starts: spread over the drawing by its key.
fn start_position(key: &str) -> (f64, f64) {
    let (dx, dy) = jitter(key, 1.0);
    clamp((
        WIDTH / 2.0 + dx * WIDTH * 0.4,
        HEIGHT / 2.0 + dy * HEIGHT * 0.4,
    ))
}

/// Where a node's label goes: its anchor point and text anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelPlace {
    pub x: f64,
    pub y: f64,
    /// "start", "end" or "middle".
    pub anchor: &'static str,
}

/// Labels for nodes (positions, radii, label texts), biggest node first: each tries
/// the right, the left, above and below its node and takes the first place that
/// overlaps no label already placed and no other node; a label with no free place
/// is left out (its node still names itself on hover and to screen readers).
pub fn place_labels(
    positions: &[(f64, f64)],
    radii: &[f64],
    labels: &[String],
) -> Vec<Option<LabelPlace>> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by(|&a, &b| radii[b].total_cmp(&radii[a]).then(a.cmp(&b)));
    let node_boxes: Vec<[f64; 4]> = positions
        .iter()
        .zip(radii)
        .map(|(&(x, y), &r)| [x - r, y - r, x + r, y + r])
        .collect();
    let mut taken: Vec<[f64; 4]> = Vec::new();
    let mut places = vec![None; positions.len()];
    for i in order {
        let (x, y) = positions[i];
        let r = radii[i];
        let width = labels[i].chars().count() as f64 * CHAR_WIDTH;
        let half = LABEL_SIZE / 2.0;
        let candidates = [
            (
                LabelPlace {
                    x: x + r + 3.0,
                    y: y + half - 1.0,
                    anchor: "start",
                },
                [x + r + 3.0, y - half, x + r + 3.0 + width, y + half],
            ),
            (
                LabelPlace {
                    x: x - r - 3.0,
                    y: y + half - 1.0,
                    anchor: "end",
                },
                [x - r - 3.0 - width, y - half, x - r - 3.0, y + half],
            ),
            (
                LabelPlace {
                    x,
                    y: y - r - 3.0,
                    anchor: "middle",
                },
                [
                    x - width / 2.0,
                    y - r - 3.0 - LABEL_SIZE,
                    x + width / 2.0,
                    y - r - 3.0,
                ],
            ),
            (
                LabelPlace {
                    x,
                    y: y + r + LABEL_SIZE + 1.0,
                    anchor: "middle",
                },
                [
                    x - width / 2.0,
                    y + r + 1.0,
                    x + width / 2.0,
                    y + r + 1.0 + LABEL_SIZE,
                ],
            ),
        ];
        let free = candidates.into_iter().find(|(_, bounds)| {
            bounds[0] >= 0.0
                && bounds[2] <= WIDTH
                && bounds[1] >= 0.0
                && bounds[3] <= HEIGHT
                && !taken.iter().any(|t| overlap(t, bounds))
                && !node_boxes
                    .iter()
                    .enumerate()
                    .any(|(j, b)| j != i && overlap(b, bounds))
        });
        if let Some((place, bounds)) = free {
            taken.push(bounds);
            places[i] = Some(place);
        }
    }
    places
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// One node as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnNode {
    pub name: String,
    /// The entity type's code, lower case: the CSS class of its colour.
    pub class: String,
    pub documents: usize,
    pub at: (f64, f64),
    pub radius: f64,
    pub label: Option<LabelPlace>,
}

/// An edge's stroke width: thicker for more shared documents, from 1 to 6 units.
pub fn edge_width(shared: usize, most_shared: usize) -> f64 {
    1.0 + 5.0 * (shared as f64).ln_1p() / (most_shared.max(1) as f64).ln_1p()
}

/// The drawing as a standalone SVG file (colours inline, every name escaped).
pub fn to_svg(nodes: &[DrawnNode], edges: &[(usize, usize, usize)]) -> String {
    let colour = |class: &str| match class {
        "per" => "#7a3db8",
        "org" => "#0f6e62",
        "loc" => "#a34a12",
        _ => "#5a5a12",
    };
    let most_shared = edges.iter().map(|e| e.2).max().unwrap_or(1);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" font-family=\"sans-serif\" font-size=\"{LABEL_SIZE}\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    for &(a, b, shared) in edges {
        let (p, q) = (nodes[a].at, nodes[b].at);
        out.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#8a8a84\" stroke-opacity=\"0.6\" stroke-width=\"{:.1}\"><title>{} — {}: {shared} shared documents</title></line>\n",
            p.0, p.1, q.0, q.1, edge_width(shared, most_shared), xml_text(&nodes[a].name), xml_text(&nodes[b].name)
        ));
    }
    for node in nodes {
        out.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{}\"><title>{}: {} documents</title></circle>\n",
            node.at.0, node.at.1, node.radius, colour(&node.class), xml_text(&node.name), node.documents
        ));
        if let Some(label) = node.label {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" fill=\"#1d1d1b\">{}</text>\n",
                label.x,
                label.y,
                label.anchor,
                xml_text(&node.name)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("e{i}")).collect()
    }

    #[test]
    fn nodes_shown_before_stay_where_they_were() {
        let edges = [(0, 1, 3.0), (1, 2, 1.0), (2, 3, 1.0), (0, 4, 2.0)];
        let first = layout(&keys(5), &edges, &HashMap::default());
        assert_eq!(
            first,
            layout(&keys(5), &edges, &HashMap::default()),
            "deterministic"
        );
        for &(x, y) in &first {
            assert!(
                (MARGIN..=WIDTH - MARGIN).contains(&x) && (MARGIN..=HEIGHT - MARGIN).contains(&y)
            );
        }
        // A filter drops e3 and brings e5, linked to e0: the others do not move.
        let previous: HashMap<String, (f64, f64)> =
            keys(5).into_iter().zip(first.iter().copied()).collect();
        let next_keys: Vec<String> = ["e0", "e1", "e2", "e4", "e5"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        let next = layout(&next_keys, &[(0, 1, 3.0), (0, 4, 1.0)], &previous);
        for (i, key) in next_keys.iter().enumerate().take(4) {
            assert_eq!(next[i], previous[key], "{key}");
        }
        let (dx, dy) = (next[4].0 - first[0].0, next[4].1 - first[0].1);
        assert!(
            next[4] != first[0] && (dx * dx + dy * dy).sqrt() < WIDTH / 2.0,
            "e5 is placed near e0"
        );
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        let edges = [(0, 1, 5.0), (2, 3, 5.0)];
        let p = layout(&keys(4), &edges, &HashMap::default());
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 2) && d(2, 3) < d(1, 3), "{p:?}");
    }

    #[test]
    fn labels_never_overlap_and_one_with_no_room_is_left_out() {
        /// A name, node positions and how many labels find room.
        type Case = (&'static str, &'static [(f64, f64)], usize);
        let cases: &[Case] = &[
            ("apart", &[(100.0, 100.0), (400.0, 300.0)], 2),
            (
                "side by side, one label goes left",
                &[(300.0, 200.0), (330.0, 200.0)],
                2,
            ),
            (
                "five on one spot: four sides, the fifth left out",
                &[(300.0, 200.0); 5],
                4,
            ),
        ];
        for (name, positions, expected) in cases {
            let radii = vec![6.0; positions.len()];
            let labels: Vec<String> = (0..positions.len())
                .map(|i| format!("Person number {i}"))
                .collect();
            let places = place_labels(positions, &radii, &labels);
            assert_eq!(
                places.iter().flatten().count(),
                *expected,
                "{name}: {places:?}"
            );
        }
    }

    #[test]
    fn the_svg_escapes_names() {
        let node = |name: &str, at| DrawnNode {
            name: name.into(),
            class: "per".into(),
            documents: 2,
            at,
            radius: 6.0,
            label: Some(LabelPlace {
                x: 0.0,
                y: 0.0,
                anchor: "start",
            }),
        };
        let svg = to_svg(
            &[
                node("<script>x</script>", (10.0, 10.0)),
                node("B & C", (50.0, 50.0)),
            ],
            &[(0, 1, 2)],
        );
        assert!(
            !svg.contains("<script>")
                && svg.contains("&lt;script&gt;")
                && svg.contains("B &amp; C")
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert_eq!(svg.matches("<line").count(), 1);
    }
}
