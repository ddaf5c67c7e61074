//! Reading a pack piece by piece through byte ranges: the head first, then only the sets, directory pages and documents a view needs.
//!
//! Where the bytes come from is a [`RangeSource`]: files on disk natively, HTTP range
//! requests in a browser. Everything fetched is kept, so a piece is read once.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::PathBuf;
use std::rc::Rc;

use roaring::RoaringBitmap;
use rustc_hash::FxHashMap as HashMap;

use crate::engine::explore::places::PlaceFilter;
use crate::engine::explore::search::search_terms;
use crate::engine::explore::state::{Value, ViewState};
use crate::engine::pack::compression;
use crate::engine::pack::format::{key, *};
use crate::engine::pack::words::{cut, words_of};
use crate::engine::recognize::entities::EntityType;

/// A search term that starts more words than this finds only the first ones' documents.
pub const MAX_WORDS_PER_TERM: usize = 256;

/// Why a pack could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// The source could not give the bytes (a missing file, a network error).
    Fetch(String),
    /// The bytes are not what the format says (another format version, a damaged file).
    Damaged(String),
    /// A [`Prefetched`] source does not hold these bytes yet: fetch them, then ask again.
    NotFetched(Request),
}

/// One read a source is asked for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Request {
    pub file: String,
    /// Bytes `offset..offset + len`, or the whole file.
    pub range: Option<(u64, u64)>,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Fetch(why) => write!(f, "could not be fetched: {why}"),
            PackError::Damaged(why) => write!(f, "is not a pack this version reads: {why}"),
            PackError::NotFetched(r) => write!(f, "has not fetched {} yet", r.file),
        }
    }
}

impl std::error::Error for PackError {}

/// Where a pack's bytes come from.
pub trait RangeSource {
    /// The bytes `offset..offset + len` of `file`, or the whole file when `range` is None.
    fn read(&self, file: &str, range: Option<(u64, u64)>) -> Result<Vec<u8>, PackError>;
}

/// A pack in a folder on disk.
pub struct FileSource {
    pub dir: PathBuf,
}

impl RangeSource for FileSource {
    fn read(&self, file: &str, range: Option<(u64, u64)>) -> Result<Vec<u8>, PackError> {
        use std::io::{Seek, SeekFrom};
        let fetch = |e: std::io::Error| PackError::Fetch(format!("{file}: {e}"));
        let mut handle = std::fs::File::open(self.dir.join(file)).map_err(fetch)?;
        match range {
            None => {
                let mut bytes = Vec::new();
                handle.read_to_end(&mut bytes).map_err(fetch)?;
                Ok(bytes)
            }
            Some((offset, len)) => {
                handle.seek(SeekFrom::Start(offset)).map_err(fetch)?;
                let mut bytes = vec![0; len as usize];
                handle.read_exact(&mut bytes).map_err(fetch)?;
                Ok(bytes)
            }
        }
    }
}

/// Bytes fetched elsewhere (a browser's HTTP range requests, which are asynchronous)
/// and handed in: a read of anything else is [`PackError::NotFetched`], so that the
/// caller fetches it and runs the same read again. The reader stays synchronous.
#[derive(Default)]
pub struct Prefetched {
    pieces: RefCell<HashMap<Request, Rc<Vec<u8>>>>,
}

impl Prefetched {
    /// Hands in the bytes of a request.
    pub fn insert(&self, request: Request, bytes: Vec<u8>) {
        self.pieces.borrow_mut().insert(request, Rc::new(bytes));
    }
}

impl RangeSource for Prefetched {
    fn read(&self, file: &str, range: Option<(u64, u64)>) -> Result<Vec<u8>, PackError> {
        let request = Request {
            file: file.to_string(),
            range,
        };
        match self.pieces.borrow().get(&request) {
            Some(bytes) => Ok(bytes.to_vec()),
            None => Err(PackError::NotFetched(request)),
        }
    }
}

/// A source that counts what is read through it: the benchmark's and the tests' requests and bytes.
pub struct Counted<S> {
    pub inner: S,
    pub requests: std::cell::Cell<u64>,
    pub bytes: std::cell::Cell<u64>,
}

impl<S> Counted<S> {
    pub fn new(inner: S) -> Counted<S> {
        Counted {
            inner,
            requests: Default::default(),
            bytes: Default::default(),
        }
    }

    /// Requests and bytes so far, and the counters reset.
    pub fn take(&self) -> (u64, u64) {
        (self.requests.replace(0), self.bytes.replace(0))
    }
}

impl<S: RangeSource> RangeSource for Counted<S> {
    fn read(&self, file: &str, range: Option<(u64, u64)>) -> Result<Vec<u8>, PackError> {
        let bytes = self.inner.read(file, range)?;
        self.requests.set(self.requests.get() + 1);
        self.bytes.set(self.bytes.get() + bytes.len() as u64);
        Ok(bytes)
    }
}

/// Pieces fetched from one file: where each starts, and its bytes.
type FetchedPieces = Vec<(u32, Rc<Vec<u8>>)>;

/// A pack opened through its head; every other piece is fetched when first asked for.
pub struct PackReader<S> {
    source: S,
    head: Head,
    pages: RefCell<HashMap<usize, Rc<Vec<DirectoryEntry>>>>,
    /// Pieces fetched, by where they start; a block's pieces are read from the block.
    fetched: RefCell<HashMap<u32, FetchedPieces>>,
}

impl<S: RangeSource> PackReader<S> {
    /// Reads the head (one request).
    pub fn open(source: S) -> Result<PackReader<S>, PackError> {
        let bytes = source.read("head.json", None)?;
        let head = Self::parse_head(&bytes)?;
        Ok(PackReader::with_head(source, head))
    }

    /// The head from its bytes, refused if of another format.
    pub fn parse_head(bytes: &[u8]) -> Result<Head, PackError> {
        let head: Head = serde_json::from_slice(bytes)
            .map_err(|e| PackError::Damaged(format!("head.json: {e}")))?;
        if head.format != FORMAT {
            return Err(PackError::Damaged(format!(
                "head.json says {}, this version reads {FORMAT}",
                head.format
            )));
        }
        Ok(head)
    }

    /// A reader over a head already read.
    pub fn with_head(source: S, head: Head) -> PackReader<S> {
        PackReader {
            source,
            head,
            pages: RefCell::default(),
            fetched: RefCell::default(),
        }
    }

    pub fn head(&self) -> &Head {
        &self.head
    }

    pub fn source(&self) -> &S {
        &self.source
    }

    fn file_name(&self, file: u32) -> Result<&str, PackError> {
        self.head
            .pieces
            .get(file as usize)
            .map(String::as_str)
            .ok_or_else(|| PackError::Damaged(format!("no file number {file}")))
    }

    /// A piece's bytes if a block or piece fetched before holds them.
    fn cached(&self, piece: &PieceRef) -> Option<Rc<Vec<u8>>> {
        let fetched = self.fetched.borrow();
        for (start, bytes) in fetched.get(&piece.file)? {
            let end = *start as u64 + bytes.len() as u64;
            if piece.offset >= *start && piece.offset as u64 + piece.len as u64 <= end {
                let from = (piece.offset - start) as usize;
                if from == 0 && bytes.len() == piece.len as usize {
                    return Some(bytes.clone());
                }
                return Some(Rc::new(bytes[from..from + piece.len as usize].to_vec()));
            }
        }
        None
    }

    /// A piece's bytes: from a block or piece fetched before, else one range request.
    fn piece(&self, piece: &PieceRef) -> Result<Rc<Vec<u8>>, PackError> {
        if let Some(bytes) = self.cached(piece) {
            return Ok(bytes);
        }
        let name = self.file_name(piece.file)?;
        let bytes = self
            .source
            .read(name, Some((piece.offset as u64, piece.len as u64)))?;
        if bytes.len() != piece.len as usize {
            return Err(PackError::Damaged(format!(
                "{name} is shorter than its pieces"
            )));
        }
        let bytes = Rc::new(bytes);
        self.fetched
            .borrow_mut()
            .entry(piece.file)
            .or_default()
            .push((piece.offset, bytes.clone()));
        Ok(bytes)
    }

    /// Fetches a block (a facet's or the timeline's sets) in one request, so that its sets are read from it.
    pub fn fetch_block(&self, block: &PieceRef) -> Result<(), PackError> {
        if block.len > 0 {
            self.piece(block)?;
        }
        Ok(())
    }

    /// The set at `piece`.
    pub fn set(&self, piece: &PieceRef) -> Result<RoaringBitmap, PackError> {
        let bytes = self.piece(piece)?;
        RoaringBitmap::deserialize_from(&bytes[..])
            .map_err(|e| PackError::Damaged(format!("a set: {e}")))
    }

    /// The set of a directory entry: held in it, or at its piece.
    pub fn entry_set(&self, entry: &DirectoryEntry) -> Result<RoaringBitmap, PackError> {
        match entry.inline_documents() {
            Some(documents) => Ok(documents.into_iter().collect()),
            None => self.set(&entry.set),
        }
    }

    /// One page of the directory.
    pub fn directory_page(&self, page: usize) -> Result<Rc<Vec<DirectoryEntry>>, PackError> {
        if let Some(entries) = self.pages.borrow().get(&page) {
            return Ok(entries.clone());
        }
        let (_, piece) = self
            .head
            .directory
            .get(page)
            .ok_or_else(|| PackError::Damaged(format!("no directory page {page}")))?;
        let bytes = self.piece(piece)?;
        let entries: Vec<DirectoryEntry> = postcard::from_bytes(&bytes)
            .map_err(|e| PackError::Damaged(format!("directory page {page}: {e}")))?;
        let entries = Rc::new(entries);
        self.pages.borrow_mut().insert(page, entries.clone());
        Ok(entries)
    }

    /// The page that would hold `key`.
    fn page_of(&self, key: &str) -> Option<usize> {
        let after = self
            .head
            .directory
            .partition_point(|(first, _)| first.as_str() <= key);
        after.checked_sub(1)
    }

    /// A key's directory entry (one small read the first time its page is needed).
    pub fn entry(&self, key: &str) -> Result<Option<DirectoryEntry>, PackError> {
        let Some(page) = self.page_of(key) else {
            return Ok(None);
        };
        let entries = self.directory_page(page)?;
        Ok(entries
            .binary_search_by(|e| e.key.as_str().cmp(key))
            .ok()
            .map(|i| entries[i].clone()))
    }

    /// Up to `limit` entries whose key starts with `prefix`, in key order.
    pub fn entries_with_prefix(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<DirectoryEntry>, PackError> {
        let mut found = Vec::new();
        let mut page = self.page_of(prefix).unwrap_or(0);
        while page < self.head.directory.len() && found.len() < limit {
            if page > 0 && !self.head.directory[page].0.starts_with(prefix) {
                let first = &self.head.directory[page].0;
                if first.as_str() > prefix {
                    break;
                }
            }
            let entries = self.directory_page(page)?;
            let from = entries.partition_point(|e| e.key.as_str() < prefix);
            let matching = entries[from..]
                .iter()
                .take_while(|e| e.key.starts_with(prefix));
            found.extend(matching.take(limit - found.len()).cloned());
            if entries
                .last()
                .is_some_and(|e| !e.key.starts_with(prefix) && e.key.as_str() > prefix)
            {
                break;
            }
            page += 1;
        }
        Ok(found)
    }

    /// The documents of a key (empty if the pack has no such key).
    pub fn key_set(&self, key: &str) -> Result<RoaringBitmap, PackError> {
        if let Some(piece) = self.head_piece(key) {
            return self.set(&piece);
        }
        match self.entry(key)? {
            Some(entry) => self.entry_set(&entry),
            None => Ok(RoaringBitmap::new()),
        }
    }

    /// Where the head already says a key's set is (a facet's top value, a country, a bin).
    fn head_piece(&self, key: &str) -> Option<PieceRef> {
        let timeline = &self.head.timeline;
        self.head
            .facets
            .iter()
            .chain([&self.head.countries])
            .flat_map(|f| &f.top)
            .chain(&timeline.years)
            .chain(&timeline.months)
            .find(|v| v.key == key)
            .map(|v| v.set)
    }

    /// The raw stored bytes of document `n`'s record (copied as is by a merge).
    pub fn raw_record(&self, n: u32) -> Result<Vec<u8>, PackError> {
        let file = self
            .head
            .document_index
            .get((n / DOCUMENTS_PER_INDEX_FILE) as usize)
            .copied()
            .filter(|_| n < self.head.documents)
            .ok_or_else(|| PackError::Damaged(format!("no document {n}")))?;
        let at = (n % DOCUMENTS_PER_INDEX_FILE) as u64 * INDEX_ENTRY_BYTES;
        let name = self.file_name(file)?;
        let entry = self.source.read(name, Some((at, INDEX_ENTRY_BYTES)))?;
        let piece = PieceRef::from_index_bytes(&entry)
            .ok_or_else(|| PackError::Damaged(format!("{name}: a short entry")))?;
        Ok(self.piece(&piece)?.to_vec())
    }

    /// Document `n`: two small reads (its index entry, its record).
    pub fn document(&self, n: u32) -> Result<DocumentRecord, PackError> {
        let raw = unpack(&self.raw_record(n)?, &format!("document {n}"))?;
        postcard::from_bytes(&raw).map_err(|e| PackError::Damaged(format!("document {n}: {e}")))
    }

    /// The titles of block `block` ([`TITLES_PER_BLOCK`] documents from `block × TITLES_PER_BLOCK`).
    pub fn title_block(&self, block: usize) -> Result<Vec<TitleRecord>, PackError> {
        let piece = self
            .head
            .titles
            .get(block)
            .ok_or_else(|| PackError::Damaged(format!("no title block {block}")))?;
        let what = format!("title block {block}");
        let raw = unpack(&self.piece(piece)?, &what)?;
        postcard::from_bytes(&raw).map_err(|e| PackError::Damaged(format!("{what}: {e}")))
    }

    /// The titles of `documents` (ascending), reading at most `max_blocks` blocks:
    /// the document list's cards, a block covering many neighbouring documents.
    pub fn titles(
        &self,
        documents: impl Iterator<Item = u32>,
        max_blocks: usize,
    ) -> Result<Vec<(u32, TitleRecord)>, PackError> {
        let mut found = Vec::new();
        let mut block: Option<(u32, Vec<TitleRecord>)> = None;
        let mut blocks_read = 0;
        for n in documents {
            let wanted = n / TITLES_PER_BLOCK;
            if block.as_ref().is_none_or(|(b, _)| *b != wanted) {
                if blocks_read == max_blocks {
                    break;
                }
                block = Some((wanted, self.title_block(wanted as usize)?));
                blocks_read += 1;
            }
            let titles = &block.as_ref().expect("read above").1;
            if let Some(title) = titles.get((n % TITLES_PER_BLOCK) as usize) {
                found.push((n, title.clone()));
            }
        }
        Ok(found)
    }

    /// The number of the document a permalink names: the `part`-th of its file.
    pub fn find(&self, source: &str, part: usize) -> Result<Option<u32>, PackError> {
        Ok(self.key_set(&key::file(source))?.select(part as u32))
    }

    /// The documents holding every term of a search. A term matches words it starts
    /// (as in a dropped corpus); a quoted phrase matches documents holding all its
    /// words, not necessarily side by side.
    pub fn search(&self, query: &str) -> Result<RoaringBitmap, PackError> {
        let mut result: Option<RoaringBitmap> = None;
        for term in search_terms(query) {
            for word in words_of(&term) {
                let prefix = key::word(cut(&word));
                let mut documents = RoaringBitmap::new();
                for entry in self.entries_with_prefix(&prefix, MAX_WORDS_PER_TERM)? {
                    documents |= self.entry_set(&entry)?;
                }
                result = Some(match result {
                    Some(r) => r & documents,
                    None => documents,
                });
            }
        }
        Ok(result.unwrap_or_else(|| self.all()))
    }

    /// Every document.
    pub fn all(&self) -> RoaringBitmap {
        let mut all = RoaringBitmap::new();
        all.insert_range(0..self.head.documents);
        all
    }

    /// The documents a value selects.
    fn value_set(&self, value: &Value) -> Result<RoaringBitmap, PackError> {
        self.key_set(&value_key(value))
    }

    /// The facet a value belongs to (places and unknown values count as places).
    fn facet_of(&self, value: &Value) -> Result<EntityType, PackError> {
        Ok(match value {
            Value::Entity(id) => self
                .entry(&key::entity(id))?
                .and_then(|e| e.kind)
                .unwrap_or(EntityType::Place),
            Value::Place(_) => EntityType::Place,
        })
    }

    /// True when two chosen values are of one facet that the state takes any of (OR).
    pub fn any_of_both(&self, state: &ViewState, a: &Value, b: &Value) -> Result<bool, PackError> {
        let facet = self.facet_of(a)?;
        Ok(state.any_of.contains(&facet) && self.facet_of(b)? == facet)
    }

    /// The documents matching a view state, as in a dropped corpus; a date range
    /// counts whole months (the pack keeps months' sets, not days').
    pub fn matching(&self, state: &ViewState) -> Result<RoaringBitmap, PackError> {
        let mut result = self.all();
        let mut by_facet: Vec<(EntityType, &Value)> = Vec::new();
        for value in &state.include {
            by_facet.push((self.facet_of(value)?, value));
        }
        by_facet.sort_by_key(|(f, _)| *f);
        for group in by_facet.chunk_by(|a, b| a.0 == b.0) {
            let facet = group[0].0;
            if state.any_of.contains(&facet) {
                let mut any = RoaringBitmap::new();
                for (_, value) in group {
                    any |= self.value_set(value)?;
                }
                result &= any;
            } else {
                for (_, value) in group {
                    result &= self.value_set(value)?;
                }
            }
        }
        for value in &state.exclude {
            result -= self.value_set(value)?;
        }
        if let Some((first, last)) = state.range {
            let mut in_range = RoaringBitmap::new();
            let (from, to) = (
                first.year() as i32 * 12 + first.month() as i32 - 1,
                last.year() as i32 * 12 + last.month() as i32 - 1,
            );
            for m in from..=to.min(from + 12 * 200) {
                in_range |=
                    self.key_set(&key::month(m.div_euclid(12), (m.rem_euclid(12) + 1) as i8))?;
            }
            result &= in_range;
        }
        if !state.search.trim().is_empty() {
            result &= self.search(&state.search)?;
        }
        Ok(result)
    }

    /// Each facet (the countries last) with how many of its top values a view counts:
    /// the first block's, or all of them for the facets in `every_value`.
    fn counted_facets<'a>(
        &'a self,
        every_value: &'a BTreeSet<usize>,
    ) -> impl Iterator<Item = (&'a Facet, usize)> + 'a {
        let facets = counted_per_facet(&self.head.facets, &self.head.countries);
        facets.enumerate().map(|(f, (facet, first_block))| {
            let counted = if every_value.contains(&f) {
                facet.top.len()
            } else {
                first_block
            };
            (facet, counted)
        })
    }

    /// The bytes that counting the shown values through their sets
    /// ([`PackReader::facet_counts`], [`PackReader::timeline_counts`]) would still fetch:
    /// their blocks not fetched before (or their sets, where a block was too large to
    /// be one piece).
    pub fn counting_bytes(&self, every_value: &BTreeSet<usize>) -> u64 {
        let mut needed: Vec<PieceRef> = Vec::new();
        for (facet, counted) in self.counted_facets(every_value) {
            let ranges = [
                0..counted.min(FIRST_BLOCK_VALUES),
                FIRST_BLOCK_VALUES..counted,
            ];
            let used = ranges.into_iter().filter(|r| !r.is_empty());
            for (block, range) in facet.blocks.iter().zip(used) {
                if block.len > 0 {
                    needed.push(*block);
                } else if let Some(values) = facet.top.get(range) {
                    needed.extend(values.iter().map(|v| v.set));
                }
            }
        }
        let timeline = &self.head.timeline;
        if timeline.block.len > 0 {
            needed.push(timeline.block);
        } else {
            needed.extend(timeline.years.iter().chain(&timeline.months).map(|v| v.set));
        }
        needed
            .iter()
            .filter(|p| self.cached(p).is_none())
            .map(|p| p.len as u64)
            .sum()
    }

    /// Each facet's first [`FIRST_BLOCK_VALUES`] top values counted within `within`,
    /// and all its top values for the facets (by position, the countries last) in
    /// `every_value`: one block request per facet and block the first time.
    pub fn facet_counts(
        &self,
        within: &RoaringBitmap,
        every_value: &BTreeSet<usize>,
    ) -> Result<Vec<Vec<u64>>, PackError> {
        let mut all = Vec::new();
        for (facet, counted) in self.counted_facets(every_value) {
            let blocks = if counted > FIRST_BLOCK_VALUES { 2 } else { 1 };
            for block in facet.blocks.iter().take(blocks) {
                self.fetch_block(block)?;
            }
            let mut counts = Vec::with_capacity(counted);
            for value in &facet.top[..counted] {
                counts.push(self.set(&value.set)?.intersection_len(within));
            }
            all.push(counts);
        }
        Ok(all)
    }

    /// The documents of each of [`Head::counted`] among a key's own, if its entry
    /// carries them (keys of many documents): a directory page and one small read.
    pub fn counts_within(&self, key: &str) -> Result<Option<Vec<u32>>, PackError> {
        let Some(piece) = self.entry(key)?.and_then(|e| e.counts) else {
            return Ok(None);
        };
        let bytes = self.piece(&piece)?;
        let counts: Vec<u32> = postcard::from_bytes(&bytes)
            .map_err(|e| PackError::Damaged(format!("the counts of {key}: {e}")))?;
        if counts.len() != self.head.counted.len() {
            return Err(PackError::Damaged(format!(
                "the counts of {key} do not match the head"
            )));
        }
        Ok(Some(counts))
    }

    /// The documents of each of [`Head::counted`] among the documents common to two
    /// keys, if both are among the paired values ([`Pairs`]): two small reads.
    pub fn counts_within_pair(&self, a: &str, b: &str) -> Result<Option<Vec<u32>>, PackError> {
        let Some(pairs) = self.head.pairs else {
            return Ok(None);
        };
        let paired = &self.head.counted[..(pairs.values as usize).min(self.head.counted.len())];
        let (Some(a), Some(b)) = (
            paired.iter().position(|k| k == a),
            paired.iter().position(|k| k == b),
        ) else {
            return Ok(None);
        };
        if a == b {
            return Ok(None);
        }
        let (i, j) = (a.min(b) as u32, a.max(b) as u32);
        let entry = pairs.position(i, j) * INDEX_ENTRY_BYTES;
        if entry + INDEX_ENTRY_BYTES > pairs.index.len as u64 {
            return Err(PackError::Damaged("the index of pairs is short".into()));
        }
        let at = PieceRef {
            file: pairs.index.file,
            offset: pairs.index.offset + entry as u32,
            len: INDEX_ENTRY_BYTES as u32,
        };
        let piece = PieceRef::from_index_bytes(&self.piece(&at)?)
            .ok_or_else(|| PackError::Damaged("an entry of the index of pairs".into()))?;
        if piece.len == 0 {
            return Ok(Some(vec![0; self.head.counted.len()]));
        }
        let counts: Vec<u32> = postcard::from_bytes(&self.piece(&piece)?)
            .map_err(|e| PackError::Damaged(format!("the counts of a pair: {e}")))?;
        if counts.len() != self.head.counted.len() {
            return Err(PackError::Damaged(
                "the counts of a pair do not match the head".into(),
            ));
        }
        Ok(Some(counts))
    }

    /// Each of [`Head::counted`] over every document, as the head carries them.
    pub fn head_counted(&self) -> Vec<u32> {
        let head = &self.head;
        counted_values(&head.facets, &head.countries, &head.timeline)
            .map(|v| v.documents)
            .collect()
    }

    /// The number of facets [`PackReader::facet_counts`] counts (the entity types', then the countries').
    pub fn n_facets(&self) -> usize {
        self.head.facets.len() + 1
    }

    /// The timeline's years and months counted within `within` (one block request the first time).
    pub fn timeline_counts(&self, within: &RoaringBitmap) -> Result<Vec<u64>, PackError> {
        let timeline = &self.head.timeline;
        self.fetch_block(&timeline.block)?;
        timeline
            .years
            .iter()
            .chain(&timeline.months)
            .map(|v| Ok(self.set(&v.set)?.intersection_len(within)))
            .collect()
    }
}

/// A stored record or title block unpacked.
fn unpack(stored: &[u8], what: &str) -> Result<Vec<u8>, PackError> {
    compression::decompress(stored).map_err(|e| PackError::Damaged(format!("{what}: {e}")))
}

/// The key of a value of the view state.
pub fn value_key(value: &Value) -> String {
    match value {
        Value::Entity(id) => key::entity(id),
        Value::Place(PlaceFilter::Country(iso)) => key::country(iso),
        Value::Place(PlaceFilter::Region(iso, admin1)) => key::region(iso, admin1),
    }
}
