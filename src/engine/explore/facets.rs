//! Facet counts within the other filters, and what appears with an entity.

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;
use crate::engine::recognize::entities::EntityType;

/// A facet value with its count of documents within the current filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub entity: usize,
    pub documents: usize,
}

/// The values of one facet within `base`, hidden entities and names `shown` rejects
/// left out, values with no document left out unless `keep` says they are in use;
/// by count, then name. Returns the first `limit` of them (then any kept value
/// further down) and how many there are in all: only the top is sorted, as a
/// facet of a large corpus holds tens of thousands of names.
pub fn facet_counts(
    corpus: &Corpus,
    facet: EntityType,
    base: &DocSet,
    keep: impl Fn(usize) -> bool,
    shown: impl Fn(&str) -> bool,
    limit: usize,
) -> (Vec<FacetCount>, usize) {
    let mut counts: Vec<FacetCount> = corpus
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == facet && !e.hidden && shown(&e.name))
        .map(|(i, e)| FacetCount {
            entity: i,
            documents: e.documents.iter().filter(|&&d| base.contains(d)).count(),
        })
        .filter(|c| c.documents > 0 || keep(c.entity))
        .collect();
    let n_values = counts.len();
    let order = |a: &FacetCount, b: &FacetCount| {
        b.documents.cmp(&a.documents).then_with(|| {
            corpus.entities()[a.entity]
                .name
                .cmp(&corpus.entities()[b.entity].name)
        })
    };
    if counts.len() > limit {
        if limit > 0 {
            counts.select_nth_unstable_by(limit - 1, order);
        }
        let rest = counts.split_off(limit);
        counts.sort_by(order);
        let mut kept: Vec<FacetCount> = rest.into_iter().filter(|c| keep(c.entity)).collect();
        kept.sort_by(order);
        counts.extend(kept);
    } else {
        counts.sort_by(order);
    }
    (counts, n_values)
}

/// An entity that appears with another, and in how many documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoOccurrence {
    /// Entity index.
    pub entity: usize,
    /// Documents both entities are mentioned in.
    pub shared_documents: usize,
}

/// The entities that share the most documents with `entity`, visible ones only,
/// most shared documents first, then by name.
pub fn appears_with(corpus: &Corpus, entity: usize, limit: usize) -> Vec<CoOccurrence> {
    let Some(e) = corpus.entities().get(entity) else {
        return Vec::new();
    };
    let mut shared = vec![0usize; corpus.entities().len()];
    let mut seen_in_document = vec![usize::MAX; corpus.entities().len()];
    for &d in &e.documents {
        for &other in corpus.mention_entities(d) {
            if other != entity && seen_in_document[other] != d {
                seen_in_document[other] = d;
                shared[other] += 1;
            }
        }
    }
    let mut top: Vec<CoOccurrence> = shared
        .into_iter()
        .enumerate()
        .filter(|&(i, n)| n > 0 && !corpus.entities()[i].hidden)
        .map(|(entity, shared_documents)| CoOccurrence {
            entity,
            shared_documents,
        })
        .collect();
    top.sort_by(|a, b| {
        b.shared_documents.cmp(&a.shared_documents).then_with(|| {
            corpus.entities()[a.entity]
                .name
                .cmp(&corpus.entities()[b.entity].name)
        })
    });
    top.truncate(limit);
    top
}
