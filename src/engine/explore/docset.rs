//! Sets of documents as one flag per document index, and the corpus's display order.

use crate::engine::index::corpus::Corpus;
use crate::engine::index::days::day_number;

/// A set of documents of a corpus, one flag per document index.
///
/// A corpus grows between refreshes while it loads, so views read a set made
/// earlier together with more documents than it knows. The only read is
/// [`DocSet::contains`], under which a document indexed after the set was made is
/// simply not in it: no view can index past the end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSet {
    flags: Vec<bool>,
}

impl DocSet {
    /// Every one of `n_documents`.
    pub fn all(n_documents: usize) -> DocSet {
        DocSet {
            flags: vec![true; n_documents],
        }
    }

    /// None of `n_documents`.
    pub fn none(n_documents: usize) -> DocSet {
        DocSet {
            flags: vec![false; n_documents],
        }
    }

    /// The `documents` among `n_documents` (indices past the end are ignored).
    pub fn of(n_documents: usize, documents: &[usize]) -> DocSet {
        let mut set = DocSet::none(n_documents);
        for &d in documents {
            set.insert(d);
        }
        set
    }

    /// Whether document `d` is in the set; false for a document the set does not know.
    pub fn contains(&self, d: usize) -> bool {
        self.flags.get(d).copied().unwrap_or(false)
    }

    /// Adds document `d` (a document the set does not know is ignored).
    pub fn insert(&mut self, d: usize) {
        if let Some(flag) = self.flags.get_mut(d) {
            *flag = true;
        }
    }

    /// Removes document `d`.
    pub fn remove(&mut self, d: usize) {
        if let Some(flag) = self.flags.get_mut(d) {
            *flag = false;
        }
    }

    /// Keeps only the documents also in `other`.
    pub fn intersect_with(&mut self, other: &DocSet) {
        for (d, flag) in self.flags.iter_mut().enumerate() {
            *flag &= other.contains(d);
        }
    }

    /// How many documents the set was made for (members or not).
    pub fn n_documents(&self) -> usize {
        self.flags.len()
    }

    /// The members, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.flags
            .iter()
            .enumerate()
            .filter_map(|(d, &flag)| flag.then_some(d))
    }
}

/// A set from one flag per document, in document order.
impl FromIterator<bool> for DocSet {
    fn from_iter<I: IntoIterator<Item = bool>>(flags: I) -> DocSet {
        DocSet {
            flags: flags.into_iter().collect(),
        }
    }
}

/// Every document in display order: by document date, undated documents last.
///
/// Runs on every corpus change while a corpus loads: the keys are taken once, as
/// day numbers (undated after every day), and sorted unstably — each key holds its
/// document, so the order is the same as a stable sort's.
pub fn date_order(corpus: &Corpus) -> Vec<usize> {
    // One u64 per document, the day (offset to sort as unsigned) above its index.
    let mut keyed: Vec<u64> = corpus
        .documents()
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let day = doc.date.map_or(i32::MAX, |dd| day_number(dd.date));
            (u64::from(day.wrapping_sub(i32::MIN) as u32) << 32) | d as u64
        })
        .collect();
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|key| (key & u64::from(u32::MAX)) as usize)
        .collect()
}

/// The documents of `set` in `order` (all documents in display order, computed
/// once per corpus): a filtered list without sorting it.
pub fn in_order(order: &[usize], set: &DocSet) -> Vec<usize> {
    order.iter().copied().filter(|&d| set.contains(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::DocSet;

    #[test]
    fn a_document_the_set_does_not_know_is_not_in_it() {
        let mut set = DocSet::of(3, &[0, 2, 7]);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 2], "7 is past the end");
        assert!(!set.contains(3) && !set.contains(usize::MAX));
        set.insert(5);
        set.remove(9);
        set.intersect_with(&DocSet::of(2, &[0, 1]));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [0],
            "2 is unknown to the other set"
        );
        assert_eq!(set.n_documents(), 3);
        let flags: DocSet = [false, true].into_iter().collect();
        assert_eq!(flags, DocSet::of(2, &[1]));
    }
}
