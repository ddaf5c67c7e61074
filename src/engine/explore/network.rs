//! Who appears with whom: the entities most present in a set of documents as nodes, and the documents each pair shares as weighted edges.

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;
use crate::engine::recognize::entities::EntityType;

/// An entity of the network and how many of the documents mention it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkNode {
    pub entity: usize,
    pub documents: usize,
}

/// Two nodes (indices into [`Network::nodes`], `a < b`) and the documents both are mentioned in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkEdge {
    pub a: usize,
    pub b: usize,
    pub shared: usize,
}

/// The strongest nodes and edges of a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    /// Most documents first, then by name.
    pub nodes: Vec<NetworkNode>,
    /// Most shared documents first, then by the nodes' order.
    pub edges: Vec<NetworkEdge>,
}

/// The network of `base`: the `max_nodes` visible entities of `kinds` mentioned in
/// most of its documents, and the `max_edges` pairs of them sharing most documents.
///
/// One pass over the documents' mentions, each document's nodes paired once: the
/// cost is the mentions plus, per document, the square of the chosen nodes it
/// mentions (bounded by `max_nodes`).
pub fn network(
    corpus: &Corpus,
    base: &DocSet,
    kinds: &[EntityType],
    max_nodes: usize,
    max_edges: usize,
) -> Network {
    let entities = corpus.entities();
    let mut counts = vec![0usize; entities.len()];
    let mut last_document = vec![usize::MAX; entities.len()];
    let documents: Vec<usize> = base.iter().collect();
    for &d in &documents {
        for &e in corpus.mention_entities(d) {
            if last_document[e] != d {
                last_document[e] = d;
                counts[e] += 1;
            }
        }
    }
    let mut nodes: Vec<NetworkNode> = counts
        .iter()
        .enumerate()
        .filter(|&(e, &n)| n > 0 && !entities[e].hidden && kinds.contains(&entities[e].kind))
        .map(|(entity, &documents)| NetworkNode { entity, documents })
        .collect();
    let order = |a: &NetworkNode, b: &NetworkNode| {
        b.documents
            .cmp(&a.documents)
            .then_with(|| entities[a.entity].name.cmp(&entities[b.entity].name))
            .then(a.entity.cmp(&b.entity))
    };
    if nodes.len() > max_nodes && max_nodes > 0 {
        nodes.select_nth_unstable_by(max_nodes - 1, order);
    }
    nodes.truncate(max_nodes);
    nodes.sort_by(order);

    let n = nodes.len();
    let mut node_of = vec![usize::MAX; entities.len()];
    for (i, node) in nodes.iter().enumerate() {
        node_of[node.entity] = i;
    }
    let mut shared = vec![0usize; n * n];
    let mut in_document: Vec<usize> = Vec::new();
    for &d in &documents {
        in_document.clear();
        in_document.extend(
            corpus
                .mention_entities(d)
                .iter()
                .map(|&e| node_of[e])
                .filter(|&i| i != usize::MAX),
        );
        in_document.sort_unstable();
        in_document.dedup();
        for (k, &a) in in_document.iter().enumerate() {
            for &b in &in_document[k + 1..] {
                shared[a * n + b] += 1;
            }
        }
    }
    let mut edges: Vec<NetworkEdge> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter_map(|(a, b)| {
            let s = shared[a * n + b];
            (s > 0).then_some(NetworkEdge { a, b, shared: s })
        })
        .collect();
    edges.sort_by(|x, y| y.shared.cmp(&x.shared).then((x.a, x.b).cmp(&(y.a, y.b))));
    edges.truncate(max_edges);
    Network { nodes, edges }
}

/// The documents of `base` that mention both entities, ascending.
pub fn shared_documents(corpus: &Corpus, base: &DocSet, a: usize, b: usize) -> Vec<usize> {
    let entities = corpus.entities();
    let (Some(ea), Some(eb)) = (entities.get(a), entities.get(b)) else {
        return Vec::new();
    };
    // Both lists are ascending: a merge walk.
    let (mut i, mut j, mut both) = (0, 0, Vec::new());
    while i < ea.documents.len() && j < eb.documents.len() {
        let (x, y) = (ea.documents[i], eb.documents[j]);
        if x == y {
            if base.contains(x) {
                both.push(x);
            }
            i += 1;
            j += 1;
        } else if x < y {
            i += 1;
        } else {
            j += 1;
        }
    }
    both
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::AnalysisOptions;

    /// Who met whom: Petrova and Miller twice, Petrova and Chen once, Okafor alone.
    const FILES: &[(&str, &str)] = &[
        (
            "a.txt",
            "Talks\n\nAnna Petrova met David Miller in Almaty on Monday.\n",
        ),
        (
            "b.txt",
            "Dinner\n\nAnna Petrova and David Miller dined with Li Chen in Baku.\n",
        ),
        ("c.txt", "Note\n\nAnna Petrova wrote to the Red Cross.\n"),
        ("d.txt", "Other\n\nGrace Okafor spoke in Lagos.\n"),
    ];

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (name, text) in FILES {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c
    }

    /// Nodes as (name, documents) and edges as (name, name, shared).
    type Labelled = (Vec<(String, usize)>, Vec<(String, String, usize)>);

    fn labelled(c: &Corpus, net: &Network) -> Labelled {
        let name = |i: usize| c.entities()[net.nodes[i].entity].name.clone();
        (
            (0..net.nodes.len())
                .map(|i| (name(i), net.nodes[i].documents))
                .collect(),
            net.edges
                .iter()
                .map(|e| (name(e.a), name(e.b), e.shared))
                .collect(),
        )
    }

    #[test]
    fn nodes_are_the_most_mentioned_and_edges_the_documents_shared() {
        let c = corpus();
        let all = DocSet::all(c.documents().len());
        let people = [EntityType::Person];
        let (nodes, edges) = labelled(&c, &network(&c, &all, &people, 10, 10));
        let owned = |v: &[(&str, usize)]| {
            v.iter()
                .map(|(n, k)| (n.to_string(), *k))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            nodes,
            owned(&[
                ("Anna Petrova", 3),
                ("David Miller", 2),
                ("Grace Okafor", 1),
                ("Li Chen", 1)
            ])
        );
        let pair = |a: &str, b: &str, k| (a.to_string(), b.to_string(), k);
        assert_eq!(
            edges,
            [
                pair("Anna Petrova", "David Miller", 2),
                pair("Anna Petrova", "Li Chen", 1),
                pair("David Miller", "Li Chen", 1)
            ]
        );
        // Limits keep the strongest; a narrower base counts within it.
        let (nodes, edges) = labelled(&c, &network(&c, &all, &people, 2, 10));
        assert_eq!(nodes.len(), 2);
        assert_eq!(edges, [pair("Anna Petrova", "David Miller", 2)]);
        let (_, edges) = labelled(&c, &network(&c, &all, &people, 10, 1));
        assert_eq!(edges.len(), 1);
        let first_two = DocSet::of(c.documents().len(), &[0]);
        let (nodes, edges) = labelled(&c, &network(&c, &first_two, &people, 10, 10));
        assert_eq!(nodes, owned(&[("Anna Petrova", 1), ("David Miller", 1)]));
        assert_eq!(edges, [pair("Anna Petrova", "David Miller", 1)]);
        assert_eq!(
            network(&c, &DocSet::none(4), &people, 10, 10),
            Network::default()
        );
    }

    #[test]
    fn an_edge_opens_the_documents_both_are_in() {
        let c = corpus();
        let entity = |name: &str| c.entities().iter().position(|e| e.name == name).unwrap();
        let (petrova, miller) = (entity("Anna Petrova"), entity("David Miller"));
        let all = DocSet::all(c.documents().len());
        assert_eq!(shared_documents(&c, &all, petrova, miller), [0, 1]);
        assert_eq!(
            shared_documents(&c, &DocSet::of(4, &[1, 2]), petrova, miller),
            [1]
        );
        assert_eq!(
            shared_documents(&c, &all, petrova, usize::MAX),
            Vec::<usize>::new()
        );
    }
}
