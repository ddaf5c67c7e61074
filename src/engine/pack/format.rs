//! The pack's layout on disk: the head, the directory of sets, document records, and the keys that name every set.
//!
//! A pack is a folder a static server can host as is:
//!
//! - `head.json`: the corpus summary a client reads first (facets' top values,
//!   countries, the timeline's counts at every granularity) and where every other
//!   piece starts (the directory's pages, the document index's files).
//! - `sets-NNNNN.bin`: Roaring bitmaps of document numbers, one per key, back to back.
//!   The sets of a facet's top values, of the countries and of the timeline's bins are
//!   written contiguously, so that one range request fetches a whole facet.
//! - `directory-NNNNN.bin`: every key in order, cut into pages of about 64 KB, each
//!   page a postcard list of [`DirectoryEntry`]; the head lists each page's first key,
//!   so finding any set is one small read.
//! - `docs-NNNNN.bin`: one postcard [`DocumentRecord`] per document, LZ4-compressed (`compression`).
//! - `titles-NNNNN.bin`: per block of [`TITLES_PER_BLOCK`] documents, their titles,
//!   files and dates, compressed alike: the document list's cards without the documents.
//! - `counts-NNNNN.bin`: for each entity, country or region of many documents, the
//!   counts of the values shown first among its documents ([`Head::counted`]).
//! - `pairs-NNNNN.bin`: per pair of the facets' first-block values ([`Pairs`]), the
//!   counts of [`Head::counted`] among the pair's common documents, then their index.
//! - `index-NNNNN.bin`: per document, 12 bytes (file, offset, length) of its record;
//!   [`DOCUMENTS_PER_INDEX_FILE`] documents per file, so document `n` is found by
//!   arithmetic.
//!
//! No file exceeds [`MAX_FILE_BYTES`] (common static hosts refuse files over 25 MiB).

use serde::{Deserialize, Serialize};

use crate::engine::recognize::entities::EntityType;
use crate::engine::Document;

/// Written in the head; a reader refuses any other.
pub const FORMAT: &str = "dossier-pack/2";

/// The largest file a pack writes: under the 25 MiB of GitHub Pages and Cloudflare Pages.
pub const MAX_FILE_BYTES: u64 = 24 * 1024 * 1024;

/// About how much of the directory one page holds: one read of this size finds any key.
pub const DIRECTORY_PAGE_BYTES: usize = 64 * 1024;

/// Documents per document-index file (12 bytes each: 12 MiB a file).
pub const DOCUMENTS_PER_INDEX_FILE: u32 = 1 << 20;

/// The bytes of one document's entry in the document index.
pub const INDEX_ENTRY_BYTES: u64 = 12;

/// Sets of at most this many documents live in their directory entry, not in a sets
/// file: most words and names occur in a few documents, and a bitmap of one costs
/// more than its number.
pub const INLINE_SET_DOCUMENTS: u64 = 8;

/// Documents per block of titles: the document list reads a block for up to this many cards.
pub const TITLES_PER_BLOCK: u32 = 256;

/// Values of each facet whose sets sit in its first block: the values a facet shows
/// before "Show all", so that a click fetches only theirs.
pub const FIRST_BLOCK_VALUES: usize = 12;

/// Entities, countries and regions with at least this many documents carry the counts
/// of the values shown first among their documents ([`Head::counted`]), so that
/// choosing one of them alone fetches no facet's sets.
pub const COUNTED_MIN_DOCUMENTS: u32 = 64;

/// Values of each facet whose sets sit in the facet's blocks, and whose counts the head carries.
pub const TOP_VALUES: usize = 50;

/// Where a piece of a pack is: which file (by its number in [`Head::files`]), from which byte, how long.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceRef {
    pub file: u32,
    pub offset: u32,
    pub len: u32,
}

impl DirectoryEntry {
    /// The inline set's documents, if the set is inline.
    pub fn inline_documents(&self) -> Option<Vec<u32>> {
        if self.set.len > 0 {
            return None;
        }
        let mut at = 0u32;
        Some(
            self.inline
                .iter()
                .enumerate()
                .map(|(i, &gap)| {
                    at = if i == 0 { gap } else { at.saturating_add(gap) };
                    at
                })
                .collect(),
        )
    }
}

/// Documents as an inline set: the first, then the gaps.
pub fn inline_gaps(documents: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut previous: Option<u32> = None;
    documents
        .map(|d| {
            let gap = previous.map_or(d, |p| d - p);
            previous = Some(d);
            gap
        })
        .collect()
}

impl PieceRef {
    /// The 12 bytes of a document-index entry.
    pub fn to_index_bytes(self) -> [u8; INDEX_ENTRY_BYTES as usize] {
        let mut bytes = [0; INDEX_ENTRY_BYTES as usize];
        bytes[0..4].copy_from_slice(&self.file.to_le_bytes());
        bytes[4..8].copy_from_slice(&self.offset.to_le_bytes());
        bytes[8..12].copy_from_slice(&self.len.to_le_bytes());
        bytes
    }

    /// Reads [`PieceRef::to_index_bytes`] back; None if fewer than 12 bytes.
    pub fn from_index_bytes(bytes: &[u8]) -> Option<PieceRef> {
        let word = |i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?))
        };
        Some(PieceRef {
            file: word(0)?,
            offset: word(4)?,
            len: word(8)?,
        })
    }
}

/// One key of the directory: where its set is and how many documents it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub key: String,
    /// Where its set is; empty when the set is `inline`.
    pub set: PieceRef,
    /// A set of at most [`INLINE_SET_DOCUMENTS`]: the first document, then the gaps.
    pub inline: Vec<u32>,
    pub documents: u32,
    /// What a person reads for it: an entity's name, a region's name (empty for words and bins).
    pub label: String,
    /// An entity's type (None for places, bins and words).
    pub kind: Option<EntityType>,
    /// For a key of [`COUNTED_MIN_DOCUMENTS`] documents or more: the documents of
    /// each of [`Head::counted`] among its own (postcard `Vec<u32>`).
    pub counts: Option<PieceRef>,
}

/// Each facet (the countries last) with how many of its top values [`Head::counted`]
/// holds: its first block's.
pub fn counted_per_facet<'a>(
    facets: &'a [Facet],
    countries: &'a Facet,
) -> impl Iterator<Item = (&'a Facet, usize)> {
    facets
        .iter()
        .chain([countries])
        .map(|f| (f, f.top.len().min(FIRST_BLOCK_VALUES)))
}

/// The values of [`Head::counted`], in its order: each facet's first-block values, the
/// countries' first block, the years, the months. The writer names them and the reader
/// counts them through this one function, so the two cannot disagree on the order.
pub fn counted_values<'a>(
    facets: &'a [Facet],
    countries: &'a Facet,
    timeline: &'a Timeline,
) -> impl Iterator<Item = &'a HeadValue> {
    counted_per_facet(facets, countries)
        .flat_map(|(f, n)| &f.top[..n])
        .chain(&timeline.years)
        .chain(&timeline.months)
}

/// A value the head carries with its count and set: a facet's top value, a country, a bin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadValue {
    pub key: String,
    pub label: String,
    pub documents: u32,
    pub set: PieceRef,
    /// A place's or nationality's country (ISO code), if linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The values of one facet: its top values, whose sets form one block of a sets file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub kind: EntityType,
    /// How many values the facet has in all.
    pub values: u32,
    pub top: Vec<HeadValue>,
    /// The blocks holding the top values' sets, one range request each: the first
    /// [`FIRST_BLOCK_VALUES`] values', then the others'.
    pub blocks: Vec<PieceRef>,
}

/// Documents per day, from `first_day` (a day number: days since 1970-01-01) on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DayCounts {
    pub first_day: i32,
    pub counts: Vec<u32>,
}

/// The timeline's counts at every granularity; years and months also with their sets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub years: Vec<HeadValue>,
    pub months: Vec<HeadValue>,
    /// The block holding the years' and months' sets.
    pub block: PieceRef,
    pub days: DayCounts,
    /// Documents with no resolved date.
    pub undated: u32,
}

/// A group of values' sets written back to back: one range request fetches them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub keys: Vec<String>,
    pub block: PieceRef,
}

/// For each pair of the facets' and countries' first-block values (the first
/// `values` of [`Head::counted`]: what a second click most often combines), the
/// documents of each counted value among the pair's common documents, so that a
/// second click reads two small pieces instead of every shown value's set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pairs {
    pub values: u32,
    /// Per pair `(i, j)`, `i < j`, in order, [`INDEX_ENTRY_BYTES`] naming its counts
    /// (postcard `Vec<u32>`; an empty piece when the pair has no document in common).
    pub index: PieceRef,
}

impl Pairs {
    /// Where pair `(i, j)` (`i < j < values`) is in the index.
    pub fn position(&self, i: u32, j: u32) -> u64 {
        let (i, j, n) = (i as u64, j as u64, self.values as u64);
        i * n - i * (i + 1) / 2 + (j - i - 1)
    }
}

/// What a client reads first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub format: String,
    /// The Dossier version that wrote it (document records hold gazetteer entries by number).
    pub written_by: String,
    pub documents: u32,
    /// Files read, and files that gave no document (unreadable, refused, duplicates).
    pub files: u32,
    pub files_without_documents: u32,
    pub text_bytes: u64,
    /// Every file of the pack but the head, by number.
    pub pieces: Vec<String>,
    pub facets: Vec<Facet>,
    pub countries: Facet,
    pub timeline: Timeline,
    /// The values whose counts within a key its directory entry may carry, in order:
    /// each facet's first-block values, the countries' first block, the years, the months.
    pub counted: Vec<String>,
    /// Counts within each pair of the first values of `counted` (absent in packs
    /// written before them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Pairs>,
    /// Each directory page's first key and where the page is.
    pub directory: Vec<(String, PieceRef)>,
    /// The document index's files, in order.
    pub document_index: Vec<u32>,
    /// Blocks of [`TitleRecord`]s, [`TITLES_PER_BLOCK`] documents each, in document order.
    pub titles: Vec<PieceRef>,
}

/// What the document list shows of a document without fetching it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TitleRecord {
    pub title: String,
    pub source: String,
    pub part: u32,
    /// The document's date, if known (ISO).
    pub date: Option<String>,
    /// Its first words, for the card.
    pub opening: String,
}

/// One document as a pack stores it: the analysed document, and the entity id of each of its entity mentions.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub document: Document,
    /// The corpus's entity ids this document's mentions belong to.
    pub entity_ids: Vec<String>,
    /// Per entity mention, its id's position in `entity_ids` (None: no entity, a hidden one).
    pub mention_entities: Vec<Option<u32>>,
}

/// A [`DocumentRecord`] being written, borrowing the corpus's document and ids:
/// serialised to the same bytes, without copying the document's text first.
#[derive(Serialize)]
pub struct DocumentRecordRef<'a> {
    pub document: &'a Document,
    pub entity_ids: Vec<&'a str>,
    pub mention_entities: Vec<Option<u32>>,
}

impl DocumentRecordRef<'_> {
    /// The record as an owned one, to be cut.
    pub fn to_owned_record(&self) -> DocumentRecord {
        DocumentRecord {
            document: self.document.clone(),
            entity_ids: self.entity_ids.iter().map(|id| id.to_string()).collect(),
            mention_entities: self.mention_entities.clone(),
        }
    }
}

/// The keys that name sets. Their prefixes sort the directory by kind of key, and
/// words last, so that a word prefix is one contiguous range of the directory.
pub mod key {
    /// An entity by its stable id.
    pub fn entity(id: &str) -> String {
        format!("e:{id}")
    }

    /// The id in an entity key.
    pub fn entity_id(key: &str) -> Option<&str> {
        key.strip_prefix("e:")
    }

    /// A country of the place list (its places, regions and nationality).
    pub fn country(iso: &str) -> String {
        format!("c:{iso}")
    }

    /// A region of a country.
    pub fn region(iso: &str, admin1: &str) -> String {
        format!("r:{iso}/{admin1}")
    }

    /// A year of the timeline: documents with a date mention overlapping it.
    pub fn year(year: i32) -> String {
        format!("t:{year:04}")
    }

    /// A month of the timeline.
    pub fn month(year: i32, month: i8) -> String {
        format!("t:{year:04}-{month:02}")
    }

    /// The documents of a file, by its name (a document is the file's n-th).
    pub fn file(name: &str) -> String {
        format!("f:{name}")
    }

    /// A word of the text, lower case.
    pub fn word(word: &str) -> String {
        format!("w:{word}")
    }
}
