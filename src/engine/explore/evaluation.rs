//! A view state evaluated against a corpus: one document set per criterion, combined on demand.

use std::collections::BTreeSet;

use crate::engine::explore::docset::*;
use crate::engine::explore::duplicates::once_per_group;
use crate::engine::explore::labels::{facet_of, value_documents};
use crate::engine::explore::search::SearchHits;
use crate::engine::explore::state::{Value, ViewState};
use crate::engine::index::corpus::Corpus;
use crate::engine::recognize::entities::EntityType;

/// Which part of the state a criterion comes from, so that a view can leave its own out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Facet(EntityType),
    Exclude,
    Range,
    Search,
}

/// A state evaluated against a corpus: one document set per criterion, combined on demand.
pub struct Evaluation {
    n_documents: usize,
    criteria: Vec<(Source, DocSet)>,
    /// Documents matching everything, ascending.
    pub matching: Vec<usize>,
    /// Search hits, if a search is active: needed again for keyword in context.
    pub search: Option<SearchHits>,
    /// When counts take each group of near-duplicates once: every document's group leader.
    group_leaders: Option<Vec<usize>>,
}

impl Evaluation {
    /// Evaluates `state`. `search` may carry hits computed earlier for the same
    /// corpus and search text (searching is the costly part; facets clicks reuse it).
    pub fn new(corpus: &Corpus, state: &ViewState, search: Option<SearchHits>) -> Evaluation {
        let n = corpus.documents().len();
        let mut criteria: Vec<(Source, DocSet)> = Vec::new();
        // Each included value with its facet (a value naming nothing counts as a place).
        let included: Vec<(EntityType, &Value)> = state
            .include
            .iter()
            .map(|v| (facet_of(corpus, v).unwrap_or(EntityType::Place), v))
            .collect();
        let facets: BTreeSet<EntityType> = included.iter().map(|(f, _)| *f).collect();
        for facet in facets {
            let values = included
                .iter()
                .filter(|(f, _)| *f == facet)
                .map(|(_, v)| *v);
            let set = if state.any_of.contains(&facet) {
                let mut set = DocSet::none(n);
                for v in values {
                    for d in value_documents(corpus, v) {
                        set.insert(d);
                    }
                }
                set
            } else {
                let mut set = DocSet::all(n);
                for v in values {
                    set.intersect_with(&DocSet::of(n, &value_documents(corpus, v)));
                }
                set
            };
            criteria.push((Source::Facet(facet), set));
        }
        if !state.exclude.is_empty() {
            let mut set = DocSet::all(n);
            for v in &state.exclude {
                for d in value_documents(corpus, v) {
                    set.remove(d);
                }
            }
            criteria.push((Source::Exclude, set));
        }
        if let Some((first, last)) = state.range {
            let set = corpus
                .documents()
                .iter()
                .map(|doc| {
                    doc.dates
                        .iter()
                        .filter_map(|m| m.interval)
                        .any(|(a, b)| a <= last && b >= first)
                })
                .collect();
            criteria.push((Source::Range, set));
        }
        let search = if state.search.trim().is_empty() {
            None
        } else {
            let hits = match search {
                Some(h) if h.query == state.search && h.documents.n_documents() == n => h,
                _ => SearchHits::new(corpus, &state.search),
            };
            criteria.push((Source::Search, hits.documents.clone()));
            Some(hits)
        };
        let mut evaluation = Evaluation {
            n_documents: n,
            criteria,
            matching: Vec::new(),
            search,
            group_leaders: state.once.then(|| corpus.group_leaders().to_vec()),
        };
        let all = evaluation.combined(|_| true);
        evaluation.matching = (0..n).filter(|&d| all.contains(d)).collect();
        evaluation
    }

    fn combined(&self, keep: impl Fn(Source) -> bool) -> DocSet {
        let mut set = DocSet::all(self.n_documents);
        for (source, criterion) in &self.criteria {
            if keep(*source) {
                set.intersect_with(criterion);
            }
        }
        set
    }

    /// The documents a facet's counts are taken over: everything but the facet's own
    /// values when they combine with OR (so that each count says what adding it gives).
    pub fn base_for_facet(&self, facet: EntityType, state: &ViewState) -> DocSet {
        let own_or = state.any_of.contains(&facet);
        self.counted(self.combined(|s| !(own_or && s == Source::Facet(facet))))
    }

    /// The documents the timeline counts: everything but the date range, which it shows.
    pub fn base_for_timeline(&self) -> DocSet {
        self.counted(self.combined(|s| s != Source::Range))
    }

    /// The documents of `set` that counts take: each group of near-duplicates once
    /// when the state asks so.
    fn counted(&self, set: DocSet) -> DocSet {
        match &self.group_leaders {
            Some(leaders) => once_per_group(leaders, &set),
            None => set,
        }
    }

    /// The documents matching everything, as a set.
    pub fn matching_set(&self) -> DocSet {
        DocSet::of(self.n_documents, &self.matching)
    }

    /// The documents matching everything as counts take them (each group of
    /// near-duplicates once when the state asks so): the network's documents.
    pub fn counted_matching(&self) -> DocSet {
        self.counted(self.matching_set())
    }
}
