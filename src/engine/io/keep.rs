//! Keeping a corpus in the browser in pieces: chunks of analysed documents and a small head, each written or read in a step short enough to leave the page responsive.
//!
//! A whole-corpus snapshot is one string: serialising 300 MB of documents blocks the
//! page for half a minute, and so does parsing it back. Kept in pieces, the page
//! serialises one chunk (about [`CHUNK_TEXT_BYTES`] of text) per step, between which
//! it answers the user, and a reload reads and indexes one chunk at a time. Chunks
//! are postcard (compact, and fast to read back); they carry the documents'
//! near-duplicate signatures so that reopening computes none. The head is written
//! last: chunks without the head that names them are never read, so a write cut off
//! half way leaves the previous kept corpus whole.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::engine::index::corpus::{Corpus, Edit};
use crate::engine::index::near_duplicates::Signature;
use crate::engine::index::report::FileReport;
use crate::engine::io::export::checked_document;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx};
use crate::engine::Document;

/// What a kept head says it is, and the newest version this build reads.
pub const KEPT_FORMAT: &str = "dossier-kept";
pub const KEPT_VERSION: u32 = 1;

/// About how much document text one chunk holds: a step serialises or indexes one
/// chunk, and at this size a step takes a few milliseconds.
pub const CHUNK_TEXT_BYTES: usize = 256 * 1024;

/// What is kept besides the documents: files, the user's links and edits, and how
/// many chunks hold the documents.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KeptHead {
    pub format: String,
    pub version: u32,
    pub files: Vec<FileReport>,
    pub content_hashes: Vec<(String, String)>,
    /// Gazetteer keys of the places mentions link to; in the chunks, a mention's
    /// `place` is a position in this table (as in a snapshot).
    pub places: Vec<String>,
    pub confirmed_links: Vec<(String, Option<String>)>,
    /// The user's edits as JSON: they are few, and their tagged form is JSON's.
    pub edits: String,
    pub documents: usize,
    pub chunks: usize,
    /// Bytes of document text, to say how much is being reopened.
    pub text_bytes: usize,
}

/// Writes a corpus as chunks then a head; the corpus must not change in between
/// (the page starts again when it does).
pub struct KeepWriter {
    chunk_text_bytes: usize,
    next_document: usize,
    chunks: usize,
    text_bytes: usize,
    places: Vec<String>,
    position: HashMap<PlaceIdx, PlaceIdx>,
}

impl KeepWriter {
    pub fn new() -> KeepWriter {
        KeepWriter::with_chunk_text(CHUNK_TEXT_BYTES)
    }

    /// A writer whose chunks hold about `bytes` of text each.
    pub fn with_chunk_text(bytes: usize) -> KeepWriter {
        KeepWriter {
            chunk_text_bytes: bytes,
            next_document: 0,
            chunks: 0,
            text_bytes: 0,
            places: Vec::new(),
            position: HashMap::new(),
        }
    }

    /// The next chunk of the corpus's documents, or None once every one is written.
    pub fn next_chunk(&mut self, corpus: &Corpus) -> Option<Vec<u8>> {
        let documents = corpus.documents();
        let signatures = corpus.signatures();
        if self.next_document >= documents.len() {
            return None;
        }
        let lex = lexicon();
        let mut chunk: Vec<(Document, Signature)> = Vec::new();
        let mut text = 0;
        while self.next_document < documents.len()
            && (chunk.is_empty() || text < self.chunk_text_bytes)
        {
            let mut document = documents[self.next_document].clone();
            for m in &mut document.entities {
                m.place = m.place.map(|p| {
                    *self.position.entry(p).or_insert_with(|| {
                        self.places.push(lex.place(p).key());
                        (self.places.len() - 1) as PlaceIdx
                    })
                });
            }
            text += document.text.len();
            let signature = signatures
                .get(self.next_document)
                .cloned()
                .unwrap_or_default();
            chunk.push((document, signature));
            self.next_document += 1;
        }
        self.chunks += 1;
        self.text_bytes += text;
        Some(postcard::to_stdvec(&chunk).unwrap_or_default())
    }

    /// The head, once every chunk is written, in one step.
    pub fn head(self, corpus: &Corpus) -> Vec<u8> {
        let mut head = self.head_in_steps();
        while !head.step(corpus, usize::MAX) {}
        head.finish(corpus)
    }

    /// The head, once every chunk is written, to be written a few file reports per
    /// step ([`HeadWriter::step`]), then the rest ([`HeadWriter::finish`]).
    pub fn head_in_steps(self) -> HeadWriter {
        HeadWriter {
            bytes: Vec::new(),
            next_file: None,
            writer: self,
        }
    }
}

/// A [`KeptHead`] written in steps, from the corpus's own lists (borrowed, never
/// copied): a head of 100,000 files took a task of over 100 ms written at once. postcard
/// writes a struct's fields one after the other and a sequence as its length then its
/// items, so the bytes are those of the whole head and read back as a [`KeptHead`].
pub struct HeadWriter {
    bytes: Vec<u8>,
    /// The next file report to write (None: nothing written yet).
    next_file: Option<usize>,
    writer: KeepWriter,
}

impl HeadWriter {
    /// Writes up to `files` more file reports (the fields before them first); true
    /// once every file report is written.
    pub fn step(&mut self, corpus: &Corpus, files: usize) -> bool {
        let all = corpus.files();
        let bytes = &mut self.bytes;
        let next = match self.next_file {
            Some(next) => next,
            None => {
                put(bytes, &KEPT_FORMAT);
                put(bytes, &KEPT_VERSION);
                put(bytes, &all.len());
                0
            }
        };
        let end = next.saturating_add(files).min(all.len());
        for file in &all[next..end] {
            put(bytes, file);
        }
        self.next_file = Some(end);
        end == all.len()
    }

    /// The whole head: the fields after the file reports (every file report must be
    /// written: see [`HeadWriter::step`]).
    pub fn finish(mut self, corpus: &Corpus) -> Vec<u8> {
        let lex = lexicon();
        let (bytes, writer) = (&mut self.bytes, &self.writer);
        let hashes = corpus.content_hashes_unordered();
        put(bytes, &hashes.len());
        for pair in hashes {
            put(bytes, &pair);
        }
        put(bytes, &writer.places);
        let links: Vec<(String, Option<String>)> = corpus
            .confirmed_links()
            .into_iter()
            .map(|(name, p)| (name, p.map(|p| lex.place(p).key())))
            .collect();
        put(bytes, &links);
        put(
            bytes,
            &serde_json::to_string(corpus.edits()).unwrap_or_default(),
        );
        put(bytes, &writer.next_document);
        put(bytes, &writer.chunks);
        put(bytes, &writer.text_bytes);
        self.bytes
    }
}

/// Appends one value to `bytes` as postcard writes it inside a struct or a sequence.
fn put<T: serde::Serialize + ?Sized>(bytes: &mut Vec<u8>, value: &T) {
    // Writing to a Vec cannot fail.
    let _ = postcard::to_io(value, bytes);
}

impl Default for KeepWriter {
    fn default() -> KeepWriter {
        KeepWriter::new()
    }
}

/// A kept head read in steps, the mirror of [`HeadWriter`]: a head of 100,000 files
/// (9 MB) decoded at once was the one task of a reopen over 50 ms. The fields before
/// the file reports are read first, then a few file reports or content hashes per
/// step ([`HeadReader::step`]), then the rest ([`HeadReader::finish`]).
pub struct HeadReader {
    bytes: Vec<u8>,
    /// Where the next value starts in `bytes`.
    at: usize,
    files: Vec<FileReport>,
    files_total: usize,
    /// Put into the map the corpus keeps as they are read, so that it is not built
    /// in one task at the end.
    content_hashes: FxHashMap<String, String>,
    /// How many content hashes the head holds, once read.
    hashes_total: Option<usize>,
}

impl HeadReader {
    /// Starts reading a head; the error says why it cannot be read.
    pub fn new(bytes: Vec<u8>) -> Result<HeadReader, String> {
        let mut head = HeadReader {
            bytes,
            at: 0,
            files: Vec::new(),
            files_total: 0,
            content_hashes: FxHashMap::default(),
            hashes_total: None,
        };
        let format: String = head.take()?;
        if format != KEPT_FORMAT {
            return Err("its head is not a kept corpus".to_string());
        }
        let version: u32 = head.take()?;
        if version > KEPT_VERSION {
            return Err("it was kept by a newer Dossier".to_string());
        }
        head.files_total = head.take()?;
        // A length is trusted no further than the bytes left could hold: a file
        // report takes six bytes at least (a byte per field).
        head.files
            .reserve(head.files_total.min(head.bytes_left() / 6));
        Ok(head)
    }

    /// The number of files the head reports.
    pub fn files_total(&self) -> usize {
        self.files_total
    }

    /// Reads up to `items` more file reports, then content hashes; true once every
    /// one is read.
    pub fn step(&mut self, items: usize) -> Result<bool, String> {
        for _ in 0..items {
            if self.files.len() < self.files_total {
                let file = self.take()?;
                self.files.push(file);
                continue;
            }
            let total = match self.hashes_total {
                Some(total) => total,
                None => {
                    let total: usize = self.take()?;
                    // A pair of strings takes two bytes at least.
                    self.content_hashes
                        .reserve(total.min(self.bytes_left() / 2));
                    *self.hashes_total.insert(total)
                }
            };
            if self.content_hashes.len() == total {
                return Ok(true);
            }
            let (hash, name) = self.take()?;
            self.content_hashes.insert(hash, name);
        }
        Ok(self.hashes_total == Some(self.content_hashes.len()))
    }

    /// Reads the fields after the content hashes (every one must be read: see
    /// [`HeadReader::step`]) and starts a corpus with what the head holds.
    pub fn finish(mut self) -> Result<KeepReader, String> {
        while !self.step(usize::MAX)? {}
        let places: Vec<String> = self.take()?;
        let confirmed_links: Vec<(String, Option<String>)> = self.take()?;
        let edits: String = self.take()?;
        let documents: usize = self.take()?;
        let chunks: usize = self.take()?;
        let text_bytes: usize = self.take()?;
        let edits: Vec<Edit> =
            serde_json::from_str(&edits).map_err(|e| format!("its edits are damaged ({e})"))?;
        let lex = lexicon();
        let links = confirmed_links
            .into_iter()
            .map(|(name, key)| (name, key.as_deref().and_then(|k| lex.place_by_key(k))))
            .collect();
        let corpus = Corpus::restore(self.files, self.content_hashes, links, edits, Vec::new());
        Ok(KeepReader {
            documents,
            chunks,
            text_bytes,
            places: places.iter().map(|k| lex.place_by_key(k)).collect(),
            corpus,
            chunks_read: 0,
        })
    }

    fn bytes_left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    /// The next value of the head, as postcard wrote it inside the head's struct.
    fn take<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, String> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let (value, left) =
            postcard::take_from_bytes(rest).map_err(|e| format!("its head is damaged ({e})"))?;
        self.at = self.bytes.len() - left.len();
        Ok(value)
    }
}

/// Reads a head, then its chunks in order, into a corpus.
pub struct KeepReader {
    documents: usize,
    chunks: usize,
    text_bytes: usize,
    /// Gazetteer place of each position of the head's table (None: unknown here).
    places: Vec<Option<PlaceIdx>>,
    corpus: Corpus,
    chunks_read: usize,
}

impl KeepReader {
    /// Starts from a head, read in one step; the error says why it cannot be read.
    pub fn new(head: &[u8]) -> Result<KeepReader, String> {
        HeadReader::new(head.to_vec())?.finish()
    }

    /// The number of chunks that hold the documents.
    pub fn chunks(&self) -> usize {
        self.chunks
    }

    /// Bytes of document text the chunks hold.
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }

    /// Chunks indexed so far.
    pub fn chunks_read(&self) -> usize {
        self.chunks_read
    }

    /// Decodes one chunk (the next in order) into its documents.
    pub fn decode(&self, chunk: &[u8]) -> Result<Vec<(Document, Signature)>, String> {
        postcard::from_bytes(chunk)
            .map_err(|e| format!("part {} is damaged ({e})", self.chunks_read + 1))
    }

    /// Indexes one decoded document; a mention outside its text is dropped.
    pub fn add(&mut self, (document, signature): (Document, Signature)) {
        let places = &self.places;
        let resolve = |position: PlaceIdx| places.get(position as usize).copied().flatten();
        let document = checked_document(document, resolve);
        self.corpus.add_signed_document(document, signature);
    }

    /// Marks a chunk as read (after its documents are added).
    pub fn chunk_done(&mut self) {
        self.chunks_read += 1;
    }

    /// The corpus, once every chunk is read; the error says what is missing.
    pub fn finish(self) -> Result<Corpus, String> {
        if self.chunks_read != self.chunks || self.corpus.documents().len() != self.documents {
            return Err(format!(
                "{} of its {} documents were found",
                self.corpus.documents().len(),
                self.documents
            ));
        }
        Ok(self.corpus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::io::export::test_support::{entity_id, link_georgia_to_the_us_state};
    use crate::engine::io::export::Snapshot;
    use crate::engine::AnalysisOptions;

    fn corpus(copies: usize) -> Corpus {
        let mut c = Corpus::new();
        for i in 0..copies {
            for (name, text) in [
                ("a.txt", "Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024.\n"),
                ("b.txt", "Georgia note\n\nA. Petrova spoke in Georgia on June 3, 2024 about the border with Armenia.\n"),
            ] {
                let text = format!("{text}Item {i}.\n");
                c.add_file(&format!("{i}-{name}"), text.as_bytes(), &AnalysisOptions::default());
            }
        }
        c
    }

    fn keep(c: &Corpus) -> (Vec<u8>, Vec<Vec<u8>>) {
        let mut writer = KeepWriter::with_chunk_text(4096);
        let mut chunks = Vec::new();
        while let Some(chunk) = writer.next_chunk(c) {
            chunks.push(chunk);
        }
        (writer.head(c), chunks)
    }

    fn reopen(head: &[u8], chunks: &[Vec<u8>]) -> Result<Corpus, String> {
        read_chunks(KeepReader::new(head)?, chunks)
    }

    fn read_chunks(mut reader: KeepReader, chunks: &[Vec<u8>]) -> Result<Corpus, String> {
        for chunk in chunks {
            for document in reader.decode(chunk)? {
                reader.add(document);
            }
            reader.chunk_done();
        }
        reader.finish()
    }

    #[test]
    fn a_kept_corpus_reopens_as_its_snapshot_would() {
        let mut c = corpus(1);
        link_georgia_to_the_us_state(&mut c);
        c.edit(Edit::Rename {
            id: entity_id(&c, "Anna Petrova"),
            name: "Anna V. Petrova".into(),
        })
        .unwrap();
        let (head, chunks) = keep(&c);
        let back = reopen(&head, &chunks).unwrap();
        assert_eq!(
            Snapshot::of(&back).to_json(),
            Snapshot::of(&c).to_json(),
            "the same documents, files, links and edits"
        );
        assert_eq!(back.signatures(), c.signatures());
    }

    /// A corpus with a copy of a file under another name: known by its content
    /// hash, reported as a duplicate.
    fn corpus_with_a_copy() -> Corpus {
        let mut c = corpus(3);
        let copy = c.documents()[0].text.clone();
        c.add_file("copy.txt", copy.as_bytes(), &AnalysisOptions::default());
        c
    }

    #[test]
    fn the_head_reads_back_whole() {
        let c = corpus_with_a_copy();
        let (head, _) = keep(&c);
        let read: KeptHead = postcard::from_bytes(&head).unwrap();
        let mut hashes = read.content_hashes.clone();
        hashes.sort();
        assert_eq!(hashes, c.content_hashes(), "every file's content hash");
        assert_eq!(read.files, c.files(), "every file's report");
        assert_eq!(read.documents, c.documents().len());
        // The reader starts its corpus with them.
        let reader = KeepReader::new(&head).unwrap();
        assert_eq!(reader.corpus.content_hashes(), c.content_hashes());
        assert_eq!(reader.corpus.files(), c.files());
        assert_eq!(reader.documents, c.documents().len());
    }

    #[test]
    fn the_head_read_an_item_at_a_time_is_the_head_read_at_once() {
        let c = corpus_with_a_copy();
        let (head, chunks) = keep(&c);
        let mut reader = HeadReader::new(head.clone()).unwrap();
        assert_eq!(reader.files_total(), c.files().len());
        let mut steps = 1;
        while !reader.step(1).unwrap() {
            steps += 1;
        }
        // One step per file report and per content hash.
        assert_eq!(steps, c.files().len() + c.content_hashes().len());
        let back = read_chunks(reader.finish().unwrap(), &chunks).unwrap();
        let at_once = reopen(&head, &chunks).unwrap();
        assert_eq!(
            Snapshot::of(&back).to_json(),
            Snapshot::of(&at_once).to_json()
        );
        assert_eq!(back.content_hashes(), c.content_hashes());
    }

    #[test]
    fn the_head_written_a_file_at_a_time_is_the_head_written_at_once() {
        let c = corpus(3);
        let (at_once, _) = keep(&c);
        let mut writer = KeepWriter::with_chunk_text(4096);
        while writer.next_chunk(&c).is_some() {}
        let mut head = writer.head_in_steps();
        let mut steps = 1;
        while !head.step(&c, 1) {
            steps += 1;
        }
        assert_eq!(steps, c.files().len(), "one step per file report");
        assert_eq!(head.finish(&c), at_once);
        // And the bytes are postcard's for the whole head, as read back.
        let read: KeptHead = postcard::from_bytes(&at_once).unwrap();
        assert_eq!(postcard::to_stdvec(&read).unwrap(), at_once);
    }

    #[test]
    fn a_large_corpus_is_kept_in_chunks_of_bounded_text() {
        let c = corpus(200);
        let (head, chunks) = keep(&c);
        let text: usize = c.documents().iter().map(|d| d.text.len()).sum();
        assert!(
            chunks.len() >= text / 4096,
            "{} chunks for {text} bytes",
            chunks.len()
        );
        let reader = KeepReader::new(&head).unwrap();
        assert_eq!(reader.chunks(), chunks.len());
        assert_eq!(reader.text_bytes(), text);
        let back = reopen(&head, &chunks).unwrap();
        assert_eq!(back.documents().len(), c.documents().len());
        assert_eq!(back.entities().len(), c.entities().len());
    }

    #[test]
    fn damaged_or_missing_pieces_are_reported_never_trusted() {
        let c = corpus(60);
        let (head, chunks) = keep(&c);
        assert!(chunks.len() >= 2);
        let mut cut_chunk = chunks.clone();
        let half = cut_chunk[1].len() / 2;
        cut_chunk[1].truncate(half);
        let mut newer: KeptHead = postcard::from_bytes(&head).unwrap();
        newer.version = KEPT_VERSION + 1;
        // A head that says it reports more files than memory could hold.
        let mut boastful = postcard::to_stdvec(&(KEPT_FORMAT, KEPT_VERSION, usize::MAX)).unwrap();
        boastful.extend(&head[boastful.len()..]);
        // Name, head, chunks, what the error says.
        type Case<'a> = (&'a str, Vec<u8>, Vec<Vec<u8>>, &'a str);
        let cases: [Case; 6] = [
            ("no head", Vec::new(), chunks.clone(), "its head is damaged"),
            (
                "more files than it holds",
                boastful,
                chunks.clone(),
                "its head is damaged",
            ),
            (
                "a snapshot's bytes",
                b"{\"format\": \"dossier-snapshot\"}".to_vec(),
                chunks.clone(),
                "its head",
            ),
            (
                "newer",
                postcard::to_stdvec(&newer).unwrap(),
                chunks.clone(),
                "it was kept by a newer Dossier",
            ),
            (
                "a chunk cut short",
                head.clone(),
                cut_chunk,
                "part 2 is damaged",
            ),
            (
                "a chunk missing",
                head.clone(),
                chunks[..1].to_vec(),
                "of its",
            ),
        ];
        for (name, head, chunks, expected) in cases {
            let error = reopen(&head, &chunks).err().unwrap_or_default();
            assert!(error.contains(expected), "{name}: {error:?}");
        }
    }
}
