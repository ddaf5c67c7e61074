//! The counts a pack carries so that the commonest clicks fetch no set: each key's counts of the values shown first, and each pair's of the first-shown values.

use std::io;

use roaring::RoaringBitmap;
use rustc_hash::FxHashMap as HashMap;

use super::parallel::{map_in_parallel, ITEMS_PER_BLOCK};
use super::PackWriter;
use crate::engine::pack::files::Appender;
use crate::engine::pack::format::*;

impl PackWriter {
    /// For each entity, country and region of enough documents, the documents of each
    /// counted value among its own.
    pub(super) fn write_counts(
        &mut self,
        keys: &[String],
        counted: &[String],
    ) -> io::Result<HashMap<String, PieceRef>> {
        let mut out = Appender::new("counts");
        let mut pieces = HashMap::default();
        let counted_sets: Vec<&RoaringBitmap> = counted.iter().map(|k| &self.sets[k]).collect();
        let min_documents = self.counted_min_documents as u64;
        let counting: Vec<(&String, &RoaringBitmap)> = keys
            .iter()
            .map(|k| (k, &self.sets[k]))
            .filter(|(k, set)| {
                let clickable = ["e:", "c:", "r:"].iter().any(|p| k.starts_with(p));
                clickable && set.len() >= min_documents
            })
            .collect();
        for block in counting.chunks(ITEMS_PER_BLOCK) {
            let encoded = map_in_parallel(block, |(_, set)| {
                let counts: Vec<u32> = counted_sets
                    .iter()
                    .map(|c| set.intersection_len(c) as u32)
                    .collect();
                postcard::to_stdvec(&counts)
            });
            for ((k, _), bytes) in block.iter().zip(encoded) {
                let bytes = bytes.map_err(io::Error::other)?;
                pieces.insert((*k).clone(), out.append(&mut self.pieces, &bytes)?);
            }
        }
        out.close(&mut self.pieces)?;
        Ok(pieces)
    }

    /// The counts of [`Pairs`]: for each pair of the first `values` counted keys, the
    /// documents of every counted key among the pair's common documents. None when a
    /// piece would not fit a file (only under the tiny limits of tests: the index is
    /// 12 bytes a pair, at most 21 KB).
    pub(super) fn write_pairs(
        &mut self,
        counted: &[String],
        values: usize,
    ) -> io::Result<Option<Pairs>> {
        let pairs = values * values.saturating_sub(1) / 2;
        let limit = self.pieces.max_file_bytes;
        let fits = |len: usize| len as u64 <= limit;
        if !fits(pairs * INDEX_ENTRY_BYTES as usize) {
            return Ok(None);
        }
        let mut out = Appender::new("pairs");
        let counted_sets: Vec<&RoaringBitmap> = counted.iter().map(|k| &self.sets[k]).collect();
        let mut index = Vec::with_capacity(pairs * INDEX_ENTRY_BYTES as usize);
        let pair_list: Vec<(usize, usize)> = (0..values)
            .flat_map(|i| (i + 1..values).map(move |j| (i, j)))
            .collect();
        for block in pair_list.chunks(ITEMS_PER_BLOCK) {
            // None for a pair with no document in common.
            let encoded = map_in_parallel(block, |&(i, j)| {
                let common = counted_sets[i] & counted_sets[j];
                if common.is_empty() {
                    return Ok(None);
                }
                let counts: Vec<u32> = counted_sets
                    .iter()
                    .map(|c| common.intersection_len(c) as u32)
                    .collect();
                postcard::to_stdvec(&counts).map(Some)
            });
            for bytes in encoded {
                let piece = match bytes.map_err(io::Error::other)? {
                    None => PieceRef::default(),
                    Some(bytes) if !fits(bytes.len()) => {
                        out.close(&mut self.pieces)?;
                        return Ok(None);
                    }
                    Some(bytes) => out.append(&mut self.pieces, &bytes)?,
                };
                index.extend(piece.to_index_bytes());
            }
        }
        let index = out.append(&mut self.pieces, &index)?;
        out.close(&mut self.pieces)?;
        Ok(Some(Pairs {
            values: values as u32,
            index,
        }))
    }
}

/// The values whose counts a key's entry carries ([`Head::counted`]).
pub(super) fn counted_keys(
    facets: &[Facet],
    countries: &Facet,
    timeline: &Timeline,
) -> Vec<String> {
    counted_values(facets, countries, timeline)
        .map(|v| v.key.clone())
        .collect()
}

/// How many of [`counted_keys`] are facets' and countries' values (the timeline's follow).
pub(super) fn paired_values(facets: &[Facet], countries: &Facet) -> usize {
    counted_per_facet(facets, countries).map(|(_, n)| n).sum()
}
