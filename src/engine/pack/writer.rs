//! Writing a pack: corpora (or partial packs) added in order, documents streamed to disk as they come, sets kept as bitmaps until the end.
//!
//! Memory holds the sets (a few bits per document a key names) and 12 bytes per
//! document, never the documents' text: a corpus can be added in slices, each
//! dropped once added, so that a pack of any size is built in bounded memory.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use roaring::RoaringBitmap;
use rustc_hash::FxHashMap as HashMap;

use crate::engine::index::corpus::Corpus;
use crate::engine::index::days::date_of_day;
use crate::engine::pack::compression::compress;
use crate::engine::pack::files::{Appender, Pieces};
use crate::engine::pack::format::{key, *};
use crate::engine::pack::reader::{FileSource, PackReader};
use crate::engine::pack::words::{add_last, WordIndex};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};

mod counts;
mod keyed;
mod parallel;
mod records;
use counts::{counted_keys, paired_values};
use keyed::KeyedDocuments;
use parallel::{map_in_parallel, ITEMS_PER_BLOCK};
use records::{record_of, stored_record, title_of};

/// Spans longer than this many months (a century, "the 1990s") count in their years only.
const MAX_MONTHS_PER_SPAN: i32 = 24;
/// Spans longer than this many years count in no bin of the timeline's sets.
const MAX_YEARS_PER_SPAN: i32 = 100;
/// The day counts cover these years; dates outside count in years and months only.
const DAY_COUNT_YEARS: (i16, i16) = (1800, 2199);

/// What the head says of a key besides its set.
#[derive(Clone, Debug, Default)]
struct Label {
    label: String,
    kind: Option<EntityType>,
    country: Option<String>,
    /// The documents of the slice the label was taken from: the largest slice names it.
    weight: u64,
}

/// What a finished pack holds, for the command line's report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackSummary {
    pub documents: u32,
    pub keys: usize,
    pub files: usize,
    pub bytes: u64,
    pub largest_file: u64,
    pub text_bytes: u64,
    /// Documents whose record would have exceeded a file: their text was cut to fit.
    pub cut_documents: u32,
}

/// A pack being written into a folder.
pub struct PackWriter {
    pieces: Pieces,
    docs: Appender,
    titles_out: Appender,
    /// Titles of the documents since the last full block.
    titles: Vec<TitleRecord>,
    title_blocks: Vec<PieceRef>,
    sets: HashMap<String, RoaringBitmap>,
    /// The word sets, apart until the end: they are most of a build's insertions.
    words: WordIndex,
    labels: HashMap<String, Label>,
    document_refs: Vec<PieceRef>,
    /// Documents per day as differences: +n where a run of days starts, −n after it ends.
    day_changes: BTreeMap<i32, i64>,
    undated: u32,
    files: u32,
    files_without_documents: u32,
    text_bytes: u64,
    cut_documents: u32,
    counted_min_documents: u32,
    /// A record is serialised here before it is compressed: one buffer, which
    /// grew from empty for every document.
    serialised: Vec<u8>,
}

impl PackWriter {
    /// Starts a pack in `dir` (created if missing; files of an earlier pack are overwritten).
    pub fn create(dir: &Path) -> io::Result<PackWriter> {
        Self::with_file_limit(dir, MAX_FILE_BYTES)
    }

    /// Starts a pack whose files stay under `max_file_bytes` (tests use small limits).
    pub fn with_file_limit(dir: &Path, max_file_bytes: u64) -> io::Result<PackWriter> {
        std::fs::create_dir_all(dir)?;
        Ok(PackWriter {
            pieces: Pieces {
                dir: dir.to_path_buf(),
                names: Vec::new(),
                max_file_bytes,
                bytes: 0,
                largest: 0,
            },
            docs: Appender::new("docs"),
            titles_out: Appender::new("titles"),
            titles: Vec::new(),
            title_blocks: Vec::new(),
            sets: HashMap::default(),
            words: WordIndex::default(),
            labels: HashMap::default(),
            document_refs: Vec::new(),
            day_changes: BTreeMap::new(),
            undated: 0,
            files: 0,
            files_without_documents: 0,
            text_bytes: 0,
            cut_documents: 0,
            counted_min_documents: COUNTED_MIN_DOCUMENTS,
            serialised: Vec::new(),
        })
    }

    /// Keys of at least `documents` documents carry counts (tests use small corpora).
    pub fn count_within_keys_of(&mut self, documents: u32) {
        self.counted_min_documents = documents;
    }

    /// Documents added so far.
    pub fn documents(&self) -> u32 {
        self.document_refs.len() as u32
    }

    /// Adds a corpus's documents after those already added. Entities join those of
    /// earlier slices by their stable id; grouping that spans documents (acronyms
    /// defined in another document, near-duplicates) is the slice's own.
    pub fn add_corpus(&mut self, corpus: &Corpus) -> io::Result<()> {
        let mut keyed = KeyedDocuments::default();
        let entity_keys = self.entity_keys(corpus, &mut keyed);
        let mut keys_of_document = Vec::new();
        for (d, document) in corpus.documents().iter().enumerate() {
            let n = self.documents();
            let record = record_of(corpus, d);
            let piece = self.append_record(&record)?;
            self.document_refs.push(piece);
            self.add_title(title_of(document))?;
            insert(&mut self.sets, &key::file(&document.source), n);
            self.text_bytes += document.text.len() as u64;
            keys_of_document.clear();
            keys_of_document.extend(
                corpus
                    .mention_entities(d)
                    .iter()
                    .flat_map(|&e| entity_keys.get(e).into_iter().flatten()),
            );
            self.add_days(corpus.day_spans(d), &mut keyed, &mut keys_of_document);
            keyed.add_document(n, &mut keys_of_document);
            self.words.add_document(n, &document.text, &document.title);
        }
        keyed.add_to(&mut self.sets);
        self.files += corpus.files().len() as u32;
        self.files_without_documents +=
            corpus.files().iter().filter(|f| f.n_documents == 0).count() as u32;
        Ok(())
    }

    /// The keys each entity's documents join (its own; a place's country and region
    /// too), and the labels of those keys.
    fn entity_keys(&mut self, corpus: &Corpus, keyed: &mut KeyedDocuments) -> Vec<Vec<u32>> {
        let lex = lexicon();
        let mut all = Vec::with_capacity(corpus.entities().len());
        for entity in corpus.entities() {
            if entity.hidden {
                all.push(Vec::new());
                continue;
            }
            let weight = entity.documents.len() as u64;
            let own = key::entity(&entity.id);
            self.label(
                &own,
                &entity.name,
                Some(entity.kind),
                entity.country,
                weight,
            );
            let mut keys = vec![keyed.key_id(own)];
            let place = entity.place.map(|p| lex.place(p));
            if let Some(place) = place.filter(|p| !p.country.is_empty()) {
                let country = key::country(place.country);
                let name = lex.country(place.country).map_or(place.country, |c| c.name);
                self.label(&country, name, None, Some(place.country), u64::MAX);
                keys.push(keyed.key_id(country));
                let in_region = entity.kind == EntityType::Place
                    && place.kind != PlaceKind::Country
                    && !place.admin1.is_empty();
                if in_region {
                    let region = key::region(place.country, place.admin1);
                    let name = lex
                        .region(place.country, place.admin1)
                        .map_or(place.admin1, |r| r.name);
                    self.label(&region, name, None, Some(place.country), u64::MAX);
                    keys.push(keyed.key_id(region));
                }
            }
            all.push(keys);
        }
        all
    }

    fn label(
        &mut self,
        key: &str,
        label: &str,
        kind: Option<EntityType>,
        country: Option<&str>,
        weight: u64,
    ) {
        let known = self.labels.get(key).is_some_and(|l| l.weight >= weight);
        if !known {
            let label = Label {
                label: label.to_string(),
                kind,
                country: country.map(str::to_string),
                weight,
            };
            self.labels.insert(key.to_string(), label);
        }
    }

    /// Writes one document's record, its text cut at a character boundary if the
    /// whole would not fit in a file.
    fn append_record(&mut self, record: &DocumentRecordRef) -> io::Result<PieceRef> {
        let mut bytes = stored_record(record, &mut self.serialised)?;
        if bytes.len() as u64 > self.pieces.max_file_bytes {
            self.cut_documents += 1;
            let mut cut = record.to_owned_record();
            while bytes.len() as u64 > self.pieces.max_file_bytes && !cut.document.text.is_empty() {
                let mut end = cut.document.text.len() / 2;
                while !cut.document.text.is_char_boundary(end) {
                    end -= 1;
                }
                cut.document.text.truncate(end);
                let kept = cut
                    .document
                    .entities
                    .iter()
                    .filter(|m| m.end <= end)
                    .count();
                cut.document.entities.truncate(kept);
                cut.mention_entities.truncate(kept);
                cut.document.dates.retain(|m| m.end <= end);
                bytes = stored_record(&cut, &mut self.serialised)?;
            }
        }
        self.docs.append(&mut self.pieces, &bytes)
    }

    /// Adds the next document's title, writing a block when full.
    fn add_title(&mut self, title: TitleRecord) -> io::Result<()> {
        self.titles.push(title);
        if self.titles.len() == TITLES_PER_BLOCK as usize {
            self.flush_titles()?;
        }
        Ok(())
    }

    fn flush_titles(&mut self) -> io::Result<()> {
        if !self.titles.is_empty() {
            let raw = postcard::to_stdvec(&self.titles).map_err(io::Error::other)?;
            let bytes = compress(&raw);
            let piece = self.titles_out.append(&mut self.pieces, &bytes)?;
            self.title_blocks.push(piece);
            self.titles.clear();
        }
        Ok(())
    }

    /// Adds a document's timeline bins, as this slice's key numbers, to `bins`, and
    /// its days to the day counts.
    fn add_days(&mut self, spans: &[(i32, i32)], keyed: &mut KeyedDocuments, bins: &mut Vec<u32>) {
        if spans.is_empty() {
            self.undated += 1;
            return;
        }
        for &(first, last) in spans {
            let (Some(a), Some(b)) = (date_of_day(first), date_of_day(last)) else {
                continue;
            };
            let (ya, yb) = (a.year() as i32, b.year() as i32);
            let months = (yb * 12 + b.month() as i32) - (ya * 12 + a.month() as i32) + 1;
            if yb - ya < MAX_YEARS_PER_SPAN {
                // A bin's number: a year's is its year times 16, a month's adds its month.
                bins.extend((ya..=yb).map(|y| keyed.bin_id(y * 16, || key::year(y))));
            }
            if months <= MAX_MONTHS_PER_SPAN {
                let first_month = ya * 12 + a.month() as i32 - 1;
                bins.extend((0..months).map(|i| {
                    let m = first_month + i;
                    let (year, month) = (m.div_euclid(12), (m.rem_euclid(12) + 1) as i8);
                    keyed.bin_id(year * 16 + month as i32, || key::month(year, month))
                }));
            }
        }
        for (first, last) in merged_day_runs(spans) {
            *self.day_changes.entry(first).or_default() += 1;
            *self.day_changes.entry(last + 1).or_default() -= 1;
        }
    }

    /// Adds a partial pack's documents after those already added: its sets shifted
    /// by the documents before it, its records copied as they are.
    pub fn add_pack(&mut self, part: &PackReader<FileSource>) -> io::Result<()> {
        let offset = self.documents();
        let head = part.head().clone();
        for n in 0..head.documents {
            let bytes = part.raw_record(n).map_err(io::Error::other)?;
            let piece = self.docs.append(&mut self.pieces, &bytes)?;
            self.document_refs.push(piece);
        }
        for block in 0..head.titles.len() {
            for title in part.title_block(block).map_err(io::Error::other)? {
                self.add_title(title)?;
            }
        }
        for page in 0..head.directory.len() {
            for entry in part.directory_page(page).map_err(io::Error::other)?.iter() {
                let set = part.entry_set(entry).map_err(io::Error::other)?;
                let shifted = RoaringBitmap::from_sorted_iter(set.iter().map(|d| d + offset))
                    .map_err(|e| io::Error::other(e.to_string()))?;
                *self.sets.entry(entry.key.clone()).or_default() |= shifted;
                let country = head_country(&head, &entry.key);
                let weight = match entry.kind {
                    Some(_) => entry.documents as u64,
                    None => u64::MAX,
                };
                self.label(&entry.key, &entry.label, entry.kind, country, weight);
            }
        }
        let days = &head.timeline.days;
        for (i, &count) in days.counts.iter().enumerate() {
            if count > 0 {
                let day = days.first_day + i as i32;
                *self.day_changes.entry(day).or_default() += count as i64;
                *self.day_changes.entry(day + 1).or_default() -= count as i64;
            }
        }
        self.undated += head.timeline.undated;
        self.files += head.files;
        self.files_without_documents += head.files_without_documents;
        self.text_bytes += head.text_bytes;
        Ok(())
    }

    /// Writes the sets, the directory, the document index and the head.
    pub fn finish(mut self) -> io::Result<PackSummary> {
        self.docs.close(&mut self.pieces)?;
        self.flush_titles()?;
        self.titles_out.close(&mut self.pieces)?;
        for (word, set) in std::mem::take(&mut self.words).into_sets() {
            *self.sets.entry(key::word(&word)).or_default() |= set;
        }
        let mut sets_out = Appender::new("sets");
        let mut written: HashMap<String, PieceRef> = HashMap::default();
        let mut facets = Vec::new();
        for kind in [
            EntityType::Person,
            EntityType::Organisation,
            EntityType::Place,
            EntityType::Nationality,
        ] {
            let keys: Vec<String> = self
                .labels
                .iter()
                .filter(|(k, l)| l.kind == Some(kind) && self.sets.contains_key(*k))
                .map(|(k, _)| k.clone())
                .collect();
            facets.push(self.write_facet(kind, keys, &mut sets_out, &mut written)?);
        }
        let country_keys: Vec<String> = self
            .sets
            .keys()
            .filter(|k| k.starts_with("c:"))
            .cloned()
            .collect();
        let countries =
            self.write_facet(EntityType::Place, country_keys, &mut sets_out, &mut written)?;
        let timeline = self.write_timeline(&mut sets_out, &mut written)?;
        let mut keys: Vec<String> = self.sets.keys().cloned().collect();
        keys.sort_unstable();
        let unwritten: Vec<(&String, &RoaringBitmap)> = keys
            .iter()
            .map(|k| (k, &self.sets[k]))
            .filter(|(k, set)| set.len() > INLINE_SET_DOCUMENTS && !written.contains_key(*k))
            .collect();
        for block in unwritten.chunks(ITEMS_PER_BLOCK) {
            let serialised = map_in_parallel(block, |(_, set)| serialize(set));
            for ((k, _), bytes) in block.iter().zip(serialised) {
                let piece = sets_out.append(&mut self.pieces, &bytes)?;
                written.insert((*k).clone(), piece);
            }
        }
        sets_out.close(&mut self.pieces)?;
        let counted = counted_keys(&facets, &countries, &timeline);
        let counts = self.write_counts(&keys, &counted)?;
        let pairs = self.write_pairs(&counted, paired_values(&facets, &countries))?;
        let directory = self.write_directory(&keys, &written, &counts)?;
        let document_index = self.write_document_index()?;
        let head = Head {
            format: FORMAT.to_string(),
            written_by: format!("dossier {}", env!("CARGO_PKG_VERSION")),
            documents: self.documents(),
            files: self.files,
            files_without_documents: self.files_without_documents,
            text_bytes: self.text_bytes,
            pieces: self.pieces.names.clone(),
            facets,
            countries,
            timeline,
            counted,
            pairs,
            directory,
            document_index,
            titles: std::mem::take(&mut self.title_blocks),
        };
        let json = serde_json::to_vec(&head).map_err(io::Error::other)?;
        std::fs::write(self.pieces.dir.join("head.json"), &json)?;
        self.pieces.bytes += json.len() as u64;
        Ok(PackSummary {
            documents: head.documents,
            keys: keys.len(),
            files: self.pieces.names.len() + 1,
            bytes: self.pieces.bytes,
            largest_file: self.pieces.largest.max(json.len() as u64),
            text_bytes: self.text_bytes,
            cut_documents: self.cut_documents,
        })
    }

    /// A facet's values, most documents first: the top ones' sets in two blocks.
    fn write_facet(
        &mut self,
        kind: EntityType,
        mut keys: Vec<String>,
        out: &mut Appender,
        written: &mut HashMap<String, PieceRef>,
    ) -> io::Result<Facet> {
        let documents = |k: &String| self.sets.get(k).map_or(0, |s| s.len());
        keys.sort_by(|a, b| documents(b).cmp(&documents(a)).then_with(|| a.cmp(b)));
        let values = keys.len() as u32;
        keys.truncate(TOP_VALUES);
        let mut top = Vec::new();
        let mut blocks = Vec::new();
        for part in [
            &keys[..keys.len().min(FIRST_BLOCK_VALUES)],
            keys.get(FIRST_BLOCK_VALUES..).unwrap_or_default(),
        ] {
            if !part.is_empty() {
                let (values, block) = self.write_block(part, out, written)?;
                top.extend(values);
                blocks.push(block);
            }
        }
        Ok(Facet {
            kind,
            values,
            top,
            blocks,
        })
    }

    fn write_timeline(
        &mut self,
        out: &mut Appender,
        written: &mut HashMap<String, PieceRef>,
    ) -> io::Result<Timeline> {
        let bins: Vec<String> = self
            .sets
            .keys()
            .filter(|k| k.starts_with("t:"))
            .cloned()
            .collect();
        let mut bins = bins;
        bins.sort_unstable();
        let (values, block) = self.write_block(&bins, out, written)?;
        let (years, months) = values.into_iter().partition(|v| v.key.len() == 6);
        Ok(Timeline {
            years,
            months,
            block,
            days: self.day_counts(),
            undated: self.undated,
        })
    }

    /// Sets of `keys` back to back, and the head's values for them.
    fn write_block(
        &mut self,
        keys: &[String],
        out: &mut Appender,
        written: &mut HashMap<String, PieceRef>,
    ) -> io::Result<(Vec<HeadValue>, PieceRef)> {
        let parts: Vec<Vec<u8>> = keys.iter().map(|k| serialize(&self.sets[k])).collect();
        let (refs, block) = out.append_block(&mut self.pieces, &parts)?;
        let mut values = Vec::with_capacity(keys.len());
        for (k, piece) in keys.iter().zip(refs) {
            written.insert(k.clone(), piece);
            let label = self.labels.get(k).cloned().unwrap_or_default();
            values.push(HeadValue {
                key: k.clone(),
                label: label.label,
                documents: self.sets[k].len() as u32,
                set: piece,
                country: label.country,
            });
        }
        Ok((values, block))
    }

    fn day_counts(&self) -> DayCounts {
        let lo = crate::engine::index::days::day_number(jiff::civil::date(DAY_COUNT_YEARS.0, 1, 1));
        let hi =
            crate::engine::index::days::day_number(jiff::civil::date(DAY_COUNT_YEARS.1, 12, 31));
        let mut running = 0i64;
        let mut counts: Vec<(i32, u32)> = Vec::new();
        let mut changes = self.day_changes.iter().peekable();
        while let Some((&day, &change)) = changes.next() {
            running += change;
            let next = changes.peek().map_or(day + 1, |(&d, _)| d);
            if running > 0 {
                for d in day.max(lo)..next.min(hi + 1) {
                    counts.push((d, running as u32));
                }
            }
        }
        let Some(&(first_day, _)) = counts.first() else {
            return DayCounts::default();
        };
        let last_day = counts.last().map_or(first_day, |c| c.0);
        let mut dense = vec![0; (last_day - first_day + 1) as usize];
        for (d, c) in counts {
            dense[(d - first_day) as usize] = c;
        }
        DayCounts {
            first_day,
            counts: dense,
        }
    }

    /// Every key in order, in pages of about [`DIRECTORY_PAGE_BYTES`].
    fn write_directory(
        &mut self,
        keys: &[String],
        written: &HashMap<String, PieceRef>,
        counts: &HashMap<String, PieceRef>,
    ) -> io::Result<Vec<(String, PieceRef)>> {
        let mut out = Appender::new("directory");
        let mut pages = Vec::new();
        let mut page: Vec<DirectoryEntry> = Vec::new();
        let mut page_bytes = 0;
        let page_limit = DIRECTORY_PAGE_BYTES.min(self.pieces.max_file_bytes as usize / 4);
        for block in keys.chunks(ITEMS_PER_BLOCK) {
            let entries = map_in_parallel(block, |k| {
                let label = self.labels.get(k);
                let set = written.get(k).copied().unwrap_or_default();
                let inline = if set.len == 0 {
                    inline_gaps(self.sets[k].iter())
                } else {
                    Vec::new()
                };
                DirectoryEntry {
                    key: k.clone(),
                    set,
                    inline,
                    documents: self.sets[k].len() as u32,
                    label: label.map(|l| l.label.clone()).unwrap_or_default(),
                    kind: label.and_then(|l| l.kind),
                    counts: counts.get(k).copied(),
                }
            });
            for entry in entries {
                page_bytes += entry.key.len() + entry.label.len() + 16 + 3 * entry.inline.len();
                page.push(entry);
                if page_bytes >= page_limit {
                    pages.push(self.write_directory_page(&mut out, &mut page)?);
                    page_bytes = 0;
                }
            }
        }
        if !page.is_empty() {
            pages.push(self.write_directory_page(&mut out, &mut page)?);
        }
        out.close(&mut self.pieces)?;
        Ok(pages)
    }

    /// Writes `page` (emptied) to the directory; its first key and place.
    fn write_directory_page(
        &mut self,
        out: &mut Appender,
        page: &mut Vec<DirectoryEntry>,
    ) -> io::Result<(String, PieceRef)> {
        let first = page[0].key.clone();
        let bytes = postcard::to_stdvec(&page).map_err(io::Error::other)?;
        page.clear();
        Ok((first, out.append(&mut self.pieces, &bytes)?))
    }

    fn write_document_index(&mut self) -> io::Result<Vec<u32>> {
        let mut out = Appender::new("index");
        let mut files = Vec::new();
        for chunk in self.document_refs.chunks(DOCUMENTS_PER_INDEX_FILE as usize) {
            let bytes: Vec<u8> = chunk.iter().flat_map(|r| r.to_index_bytes()).collect();
            out.close(&mut self.pieces)?;
            files.push(out.append(&mut self.pieces, &bytes)?.file);
        }
        out.close(&mut self.pieces)?;
        Ok(files)
    }
}

/// The country a partial pack's head gives a key, if it carries one.
fn head_country(head: &Head, key: &str) -> Option<&'static str> {
    let iso = head
        .facets
        .iter()
        .chain([&head.countries])
        .flat_map(|f| &f.top)
        .find(|v| v.key == key)
        .and_then(|v| v.country.as_deref())
        .or_else(|| key.strip_prefix("c:"))
        .or_else(|| key.strip_prefix("r:").and_then(|r| r.split('/').next()))?;
    lexicon().country(iso).map(|c| c.country)
}

fn insert(sets: &mut HashMap<String, RoaringBitmap>, key: &str, document: u32) {
    match sets.get_mut(key) {
        Some(set) => add_last(set, document),
        None => {
            let mut set = RoaringBitmap::new();
            set.insert(document);
            sets.insert(key.to_string(), set);
        }
    }
}

/// A document's runs of days, overlapping spans merged, so that it counts once a day.
fn merged_day_runs(spans: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for (a, b) in sorted {
        match runs.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => runs.push((a, b)),
        }
    }
    runs
}

fn serialize(set: &RoaringBitmap) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(set.serialized_size());
    // Writing to a Vec cannot fail.
    let _ = set.serialize_into(&mut bytes);
    bytes
}
