//! Sets of documents as one flag per document index, and the corpus's display order.

use crate::engine::index::corpus::Corpus;

/// A set of documents as one flag per document index.
pub type DocSet = Vec<bool>;

/// Whether `d` is in `set`. A document indexed after the set was made (a corpus
/// grows between refreshes while it loads) is not in it; the views read sets and
/// the growing corpus together, so a plain index could panic.
pub fn in_set(set: &[bool], d: usize) -> bool {
    set.get(d).copied().unwrap_or(false)
}

pub(crate) fn all_documents(n: usize) -> DocSet {
    vec![true; n]
}

pub(crate) fn set_of(n: usize, documents: &[usize]) -> DocSet {
    let mut set = vec![false; n];
    for &d in documents {
        if let Some(flag) = set.get_mut(d) {
            *flag = true;
        }
    }
    set
}

pub(crate) fn intersect(into: &mut DocSet, other: &DocSet) {
    for (a, b) in into.iter_mut().zip(other) {
        *a &= *b;
    }
}

/// Every document in display order: by document date, undated documents last.
pub fn date_order(corpus: &Corpus) -> Vec<usize> {
    let mut sorted: Vec<usize> = (0..corpus.documents().len()).collect();
    sorted.sort_by_key(|&d| {
        let date = corpus.documents()[d].date.map(|dd| dd.date);
        (date.is_none(), date, d)
    });
    sorted
}

/// The documents of `set` in `order` (all documents in display order, computed
/// once per corpus): a filtered list without sorting it.
pub fn in_order(order: &[usize], set: &DocSet) -> Vec<usize> {
    order.iter().copied().filter(|&d| in_set(set, d)).collect()
}
