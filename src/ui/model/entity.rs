//! What the entity panel says of the chosen entity: a line about it, when it is mentioned (a sparkline on the corpus's timeline axis, the first and last dated mention), the entities offered to merge into, and each edit in words for Undo.

use crate::engine::explore::{timeline, timeline_axis, DocSet};
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

/// When an entity is mentioned: its documents on the corpus's timeline axis (the
/// bars the timeline would show with it chosen, on the axis it shows without), and
/// the earliest and latest dates written in those documents, as written ("1991",
/// "2024-05-13"), outliers of the axis included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityTime {
    /// Documents per bar of the corpus's axis (a document counts in each bar it has a date in).
    pub counts: Vec<usize>,
    pub first: Option<String>,
    pub last: Option<String>,
}

pub fn entity_time(corpus: &Corpus, i: usize) -> Option<EntityTime> {
    let entity = corpus.entities().get(i)?;
    let mut set = DocSet::none(corpus.documents().len());
    for &d in &entity.documents {
        set.insert(d);
    }
    let bars = timeline(corpus, &set, timeline_axis(corpus));
    let counts = bars.bins.iter().map(|b| b.precise + b.vague).collect();
    let dated = entity
        .documents
        .iter()
        .flat_map(|&d| corpus.documents()[d].dates.iter())
        .filter_map(|m| m.interval.map(|(a, b)| (a, b, &m.value)));
    let (mut first, mut last) = (None, None);
    for (a, b, value) in dated {
        if first.as_ref().is_none_or(|(f, _)| a < *f) {
            first = Some((a, value.clone()));
        }
        if last.as_ref().is_none_or(|(l, _)| b > *l) {
            last = Some((b, value.clone()));
        }
    }
    Some(EntityTime {
        counts,
        first: first.map(|(_, v)| v),
        last: last.map(|(_, v)| v),
    })
}

/// A sparkline's bars as one SVG path in a `width` × `height` box, the tallest bar
/// full height; empty when nothing is counted.
pub fn sparkline_path(counts: &[usize], width: f64, height: f64) -> String {
    let top = counts.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return String::new();
    }
    let step = width / counts.len() as f64;
    let mut path = String::new();
    for (k, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
        // At least a pixel, so that one document among hundreds still shows.
        let h = (n as f64 / top as f64 * height).max(1.0);
        path.push_str(&format!(
            "M{:.1} {:.1}h{:.1}v{:.1}h-{:.1}z",
            k as f64 * step,
            height - h,
            (step * 0.8).max(0.5),
            h,
            (step * 0.8).max(0.5)
        ));
    }
    path
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
    fn an_entitys_time_is_its_documents_on_the_corpus_axis() {
        let mut c = Corpus::new();
        for (name, text) in [
            (
                "a.txt",
                "One\n\nAnna Petrova spoke in Almaty on May 1, 2024.\n",
            ),
            (
                "b.txt",
                "Two\n\nAnna Petrova recalled 1991 in Baku on June 3, 2024.\n",
            ),
            (
                "c.txt",
                "Three\n\nDavid Miller spoke in Baku on June 20, 2024.\n",
            ),
            ("d.txt", "Four\n\nDavid Miller spoke again, undated.\n"),
        ] {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        let anna = entity_time(&c, index(&c, "Anna Petrova")).unwrap();
        let david = entity_time(&c, index(&c, "David Miller")).unwrap();
        let cases: &[(&str, bool)] = &[
            (
                "one bar per bar of the corpus's axis",
                anna.counts.len() == david.counts.len() && !anna.counts.is_empty(),
            ),
            (
                "each of her dated documents in a bar",
                anna.counts.iter().sum::<usize>() >= 2,
            ),
            (
                "his undated document in no bar",
                david.counts.iter().sum::<usize>() == 1,
            ),
            (
                "her first date as written, outliers included",
                anna.first.as_deref() == Some("1991"),
            ),
            ("her last date", anna.last.as_deref() == Some("2024-06-03")),
            (
                "his dates",
                david.first.as_deref() == Some("2024-06-20")
                    && david.last.as_deref() == Some("2024-06-20"),
            ),
        ];
        for (name, holds) in cases {
            assert!(holds, "{name}: {anna:?} {david:?}");
        }
        assert_eq!(entity_time(&c, usize::MAX), None);
    }

    #[test]
    fn sparkline_bars_scale_to_the_tallest() {
        let cases: &[(&str, &[usize], &str)] = &[
            ("nothing counted", &[0, 0], ""),
            (
                "one full bar, one empty",
                &[2, 0],
                "M0.0 0.0h40.0v20.0h-40.0z",
            ),
            (
                "a small bar keeps a pixel",
                &[100, 0, 0, 1],
                "M0.0 0.0h20.0v20.0h-20.0zM75.0 19.0h20.0v1.0h-20.0z",
            ),
        ];
        for (name, counts, expected) in cases {
            assert_eq!(sparkline_path(counts, 100.0, 20.0), *expected, "{name}");
        }
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
