//! The network view taken out: its edges as CSV and the whole graph as GraphML, for Gephi, Cytoscape or a spreadsheet.

use crate::engine::explore::Network;
use crate::engine::index::corpus::Corpus;
use crate::engine::io::export::csv;

/// One row per edge: both entities by name, type and id, and the documents they share.
pub fn network_csv(corpus: &Corpus, network: &Network) -> String {
    let entity = |node: usize| &corpus.entities()[network.nodes[node].entity];
    csv(
        &[
            "source",
            "source_type",
            "source_id",
            "target",
            "target_type",
            "target_id",
            "shared_documents",
        ],
        network.edges.iter().map(|e| {
            let (a, b) = (entity(e.a), entity(e.b));
            vec![
                a.name.clone(),
                a.kind.code().to_string(),
                a.id.clone(),
                b.name.clone(),
                b.kind.code().to_string(),
                b.id.clone(),
                e.shared.to_string(),
            ]
        }),
    )
}

/// The graph in GraphML: nodes with name, type and documents, undirected edges
/// weighted by the documents shared.
pub fn network_graphml(corpus: &Corpus, network: &Network) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n",
        "  <key id=\"documents\" for=\"node\" attr.name=\"documents\" attr.type=\"int\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"shared_documents\" attr.type=\"int\"/>\n",
        "  <graph id=\"dossier\" edgedefault=\"undirected\">\n",
    ));
    for node in &network.nodes {
        let entity = &corpus.entities()[node.entity];
        out.push_str(&format!(
            "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"type\">{}</data><data key=\"documents\">{}</data></node>\n",
            xml_text(&entity.id),
            xml_text(&entity.name),
            entity.kind.code(),
            node.documents
        ));
    }
    for edge in &network.edges {
        let id = |node: usize| xml_text(&corpus.entities()[network.nodes[node].entity].id);
        out.push_str(&format!(
            "    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data></edge>\n",
            id(edge.a),
            id(edge.b),
            edge.shared
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Text for XML content or a quoted attribute: markup characters escaped, and
/// characters XML 1.0 cannot hold (controls) dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::explore::{network, DocSet};
    use crate::engine::{AnalysisOptions, EntityType};

    #[test]
    fn the_network_exports_as_an_edge_list_and_as_graphml() {
        let mut c = Corpus::new();
        let text =
            "Talks\n\nAnna Petrova met \"=Bad\" <Smith> in Almaty with Anna Petrova's aide.\n";
        c.add_file("a.txt", text.as_bytes(), &AnalysisOptions::default());
        let all = DocSet::all(c.documents().len());
        let net = network(&c, &all, &[EntityType::Person, EntityType::Place], 10, 10);
        assert!(net.edges.iter().any(|e| e.shared == 1), "{net:?}");
        let edges = network_csv(&c, &net);
        assert!(edges.starts_with(
            "source,source_type,source_id,target,target_type,target_id,shared_documents\r\n"
        ));
        assert_eq!(edges.lines().count(), net.edges.len() + 1);
        assert!(edges.contains("Anna Petrova,PER,"), "{edges}");
        let graphml = network_graphml(&c, &net);
        assert_eq!(graphml.matches("<node ").count(), net.nodes.len());
        assert_eq!(graphml.matches("<edge ").count(), net.edges.len());
        assert!(!graphml.contains("<Smith>"));
    }

    #[test]
    fn xml_text_escapes_markup_and_drops_controls() {
        // (name, text, expected)
        let cases = [
            ("plain", "Almaty", "Almaty"),
            (
                "markup",
                "<b>\"A&B's\"</b>",
                "&lt;b&gt;&quot;A&amp;B&apos;s&quot;&lt;/b&gt;",
            ),
            ("controls", "a\u{0}b\u{1b}c\td", "abc\td"),
        ];
        for (name, text, expected) in cases {
            assert_eq!(xml_text(text), expected, "{name}");
        }
    }
}
