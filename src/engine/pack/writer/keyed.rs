//! A slice's documents by key, gathered as numbers and added to the pack's sets once per key.

use roaring::RoaringBitmap;
use rustc_hash::FxHashMap as HashMap;

use crate::engine::pack::words::add_last;

/// The keys a slice's documents join, as (key, document) pairs of numbers.
///
/// A document joins a few dozen keys (its entities, their countries and regions,
/// its years and months). Looking each up among all of the pack's keys, and
/// sorting a document's keys as strings, was a twentieth of a build; a slice's
/// pairs are sorted once as numbers, and each key's set looked up once a slice.
#[derive(Default)]
pub(super) struct KeyedDocuments {
    keys: Vec<String>,
    ids: HashMap<String, u32>,
    /// Timeline bins by their number (see [`KeyedDocuments::bin_id`]).
    bin_ids: HashMap<i32, u32>,
    pairs: Vec<(u32, u32)>,
}

impl KeyedDocuments {
    /// The number of `key` in this slice.
    pub(super) fn key_id(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
    }

    /// The number of a timeline bin known by its own number `bin`, its key made by
    /// `key` only the first time in the slice.
    pub(super) fn bin_id(&mut self, bin: i32, key: impl FnOnce() -> String) -> u32 {
        if let Some(&id) = self.bin_ids.get(&bin) {
            return id;
        }
        let id = self.key_id(key());
        self.bin_ids.insert(bin, id);
        id
    }

    /// Document `n` joins the keys `ids` (each once: sorted and deduplicated here).
    pub(super) fn add_document(&mut self, n: u32, ids: &mut Vec<u32>) {
        ids.sort_unstable();
        ids.dedup();
        self.pairs.extend(ids.iter().map(|&id| (id, n)));
    }

    /// Adds the slice's documents to `sets`, a key at a time.
    ///
    /// The pairs are grouped by key with a counting sort, not a comparison sort of
    /// them all (a sixtieth of a build): documents were added in order, so each
    /// key's documents come out in order.
    pub(super) fn add_to(self, sets: &mut HashMap<String, RoaringBitmap>) {
        // `starts[k]..starts[k + 1]` will be key k's run in `documents`.
        let mut starts = vec![0; self.keys.len() + 1];
        for &(key, _) in &self.pairs {
            starts[key as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut documents = vec![0; self.pairs.len()];
        let mut next = starts.clone();
        for &(key, n) in &self.pairs {
            documents[next[key as usize]] = n;
            next[key as usize] += 1;
        }
        for (key, run) in self.keys.into_iter().zip(starts.windows(2)) {
            if run[0] == run[1] {
                continue;
            }
            let set = sets.entry(key).or_default();
            for &n in &documents[run[0]..run[1]] {
                add_last(set, n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_gets_its_documents_however_they_came() {
        let mut sets: HashMap<String, RoaringBitmap> = HashMap::default();
        sets.entry("e:old".to_string()).or_default().insert(1);
        let mut keyed = KeyedDocuments::default();
        let (old, new) = (keyed.key_id("e:old".into()), keyed.key_id("e:new".into()));
        assert_eq!(keyed.key_id("e:old".into()), old, "a key is numbered once");
        let mut made = 0;
        let mut year = || {
            made += 1;
            "t:2024".to_string()
        };
        let y2024 = keyed.bin_id(2024, &mut year);
        assert_eq!(keyed.bin_id(2024, &mut year), y2024);
        assert_eq!(made, 1, "a bin's key is made once a slice");
        keyed.add_document(5, &mut vec![new, old, new, y2024]);
        keyed.add_document(6, &mut vec![old]);
        keyed.add_document(7, &mut vec![]);
        keyed.add_document(9, &mut vec![y2024, new]);
        keyed.add_to(&mut sets);
        let mut found: Vec<(String, Vec<u32>)> = sets
            .into_iter()
            .map(|(key, set)| (key, set.iter().collect()))
            .collect();
        found.sort();
        let expected = [
            ("e:new", vec![5, 9]),
            ("e:old", vec![1, 5, 6]),
            ("t:2024", vec![5, 9]),
        ];
        let expected: Vec<(String, Vec<u32>)> = expected
            .into_iter()
            .map(|(k, d)| (k.to_string(), d))
            .collect();
        assert_eq!(found, expected);
    }
}
