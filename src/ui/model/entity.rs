//! What the entity panel says of the chosen entity: a line about it, the entities offered to merge into, and each edit in words for Undo.

use crate::engine::{Corpus, Edit, Entity, EntityType};

pub fn kind_word(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "person",
        EntityType::Organisation => "organisation",
        EntityType::Place => "place",
        EntityType::Nationality => "nationality",
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "person · 3 documents · 5 mentions · Foreign Minister".
pub fn about(entity: &Entity) -> String {
    let mut about = format!(
        "{} · {} · {}",
        kind_word(entity.kind),
        plural(entity.documents.len(), "document"),
        plural(entity.n_mentions, "mention")
    );
    if !entity.roles.is_empty() {
        about.push_str(" · ");
        about.push_str(&entity.roles.join(", "));
    }
    about
}

/// The entities entity `i` may be merged into: visible ones of its type, most
/// documents first, then by name; at most `limit`.
pub fn merge_candidates(corpus: &Corpus, i: usize, limit: usize) -> Vec<usize> {
    let entities = corpus.entities();
    let Some(kind) = entities.get(i).map(|e| e.kind) else {
        return Vec::new();
    };
    let mut candidates: Vec<usize> = (0..entities.len())
        .filter(|&j| j != i && entities[j].kind == kind && !entities[j].hidden)
        .collect();
    candidates.sort_by(|&a, &b| {
        entities[b]
            .documents
            .len()
            .cmp(&entities[a].documents.len())
            .then_with(|| entities[a].name.cmp(&entities[b].name))
    });
    candidates.truncate(limit);
    candidates
}

/// An edit in words, after "Undo ": "rename of Petrova to Anna Petrova".
pub fn describe(edit: &Edit, name_of: impl Fn(&str) -> String) -> String {
    match edit {
        Edit::Rename { id, name } => format!("rename of {} to {name}", name_of(id)),
        Edit::Merge { name, .. } => format!("merge into {name}"),
        Edit::SetHidden { id, hidden: true } => format!("hiding {}", name_of(id)),
        Edit::SetHidden { id, hidden: false } => format!("showing {}", name_of(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::AnalysisOptions;

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (name, text) in [
            ("a.txt", "Talks\n\nForeign Minister Anna Petrova met David Miller in Almaty. Petrova said the talks went well.\n"),
            ("b.txt", "More talks\n\nDavid Miller met Sara Okafor in Baku.\n"),
        ] {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c
    }

    fn index(c: &Corpus, name: &str) -> usize {
        c.entities().iter().position(|e| e.name == name).unwrap()
    }

    #[test]
    fn the_about_line_counts_and_names_roles() {
        let c = corpus();
        assert_eq!(
            about(&c.entities()[index(&c, "Anna Petrova")]),
            "person · 1 document · 2 mentions · Foreign Minister"
        );
        assert_eq!(
            about(&c.entities()[index(&c, "David Miller")]),
            "person · 2 documents · 2 mentions"
        );
    }

    #[test]
    fn merge_candidates_are_of_the_same_type_most_documents_first() {
        let c = corpus();
        let names: Vec<&str> = merge_candidates(&c, index(&c, "Sara Okafor"), 10)
            .into_iter()
            .map(|j| c.entities()[j].name.as_str())
            .collect();
        assert_eq!(names, ["David Miller", "Anna Petrova"]);
        assert_eq!(merge_candidates(&c, index(&c, "Sara Okafor"), 1).len(), 1);
        assert!(merge_candidates(&c, usize::MAX, 10).is_empty());
    }

    #[test]
    fn edits_in_words() {
        let name_of = |id: &str| format!("<{id}>");
        let cases: &[(&str, Edit, &str)] = &[
            (
                "rename",
                Edit::Rename {
                    id: "1".into(),
                    name: "Anna".into(),
                },
                "rename of <1> to Anna",
            ),
            (
                "merge",
                Edit::Merge {
                    from: "1".into(),
                    into: "2".into(),
                    name: "Anna Petrova".into(),
                },
                "merge into Anna Petrova",
            ),
            (
                "hide",
                Edit::SetHidden {
                    id: "3".into(),
                    hidden: true,
                },
                "hiding <3>",
            ),
            (
                "show",
                Edit::SetHidden {
                    id: "3".into(),
                    hidden: false,
                },
                "showing <3>",
            ),
        ];
        for (name, edit, expected) in cases {
            assert_eq!(describe(edit, name_of), *expected, "{name}");
        }
    }
}
