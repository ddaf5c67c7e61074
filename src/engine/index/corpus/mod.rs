//! The corpus index: documents from many files, mentions grouped into entities with stable ids.
//!
//! Grouping rules: within a document a surname after a full name is that person
//! (unless two full names share it); places linked to the gazetteer group by
//! gazetteer id ("US", "U.S." and "United States" are one place); otherwise the
//! same type and normalised name is the same entity across documents.

use rustc_hash::FxHashMap as HashMap;

use crate::engine::error::FileError;
use crate::engine::index::analysed::{content_hash, AnalysedFile};
use crate::engine::index::days::day_number;
use crate::engine::index::grouping::{
    defined_in_brackets, fold_whitespace, grouping_keys, surfaces, typed_entity_id,
};
use crate::engine::index::near_duplicates::{Grouper, Signature};
use crate::engine::index::report::FileReport;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx};
use crate::engine::{AnalysisOptions, Document, EntityMention};
use edits::Curation;

/// A named entity across the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable across loads and machines: a hash of type and grouping key.
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Other surface forms seen, most frequent first.
    pub aliases: Vec<String>,
    pub n_mentions: usize,
    /// Indices into [`Corpus::documents`], ascending.
    pub documents: Vec<usize>,
    /// ISO country code for places and nationalities linked to the gazetteer.
    pub country: Option<&'static str>,
    /// Titles and roles written before a person's name ("Foreign Minister"), first seen first.
    pub roles: Vec<String>,
    /// The gazetteer entry of a linked place or of a nationality's country.
    pub place: Option<PlaceIdx>,
    /// Hidden by the user: left out of facets, the place list and the reader's marks.
    pub hidden: bool,
}

/// All loaded documents and the entity index built over them.
#[derive(Default)]
pub struct Corpus {
    // Private: the hidden indexes below must stay aligned with these, so they change
    // only through the corpus's own methods.
    documents: Vec<Document>,
    files: Vec<FileReport>,
    entities: Vec<Entity>,
    /// Per document, per entity mention: the index of its entity in `entities`.
    mention_entities: Vec<Vec<usize>>,
    content_hashes: HashMap<String, String>,
    /// Entity index by id.
    id_index: HashMap<String, usize>,
    /// The user's edits, oldest first, and what they amount to.
    edits: Vec<Edit>,
    curation: Curation,
    surface_counts: Vec<HashMap<String, usize>>,
    /// Links the user confirmed, by place name as written: they apply to every
    /// identical mention, in the documents loaded and in those still to come.
    link_choices: HashMap<String, Option<PlaceIdx>>,
    /// Every document's resolved date mentions as day numbers (first, last), one run
    /// per document in document order, and where each document's run ends: the
    /// timeline bins all of them on every click.
    day_spans: Vec<(i32, i32)>,
    day_span_ends: Vec<usize>,
    /// Acronyms the documents define in brackets, so that their bare uses in other
    /// documents join the organisation (`acronyms.rs`).
    acronym_definitions: HashMap<String, acronyms::Definition>,
    /// Ids of entities merged into another by the index itself, to the id merged into.
    merged_ids: HashMap<String, String>,
    /// Near-duplicates: every document's signature, the document leading its group
    /// (itself when alone), and the members of each group of two or more, in order.
    signatures: Vec<Signature>,
    group_leaders: Vec<usize>,
    group_members: HashMap<usize, Vec<usize>>,
    grouper: Grouper,
    /// Set for a corpus that never shows near-duplicates (a pack's slice): documents
    /// are neither signed nor grouped, a tenth of analysing and indexing saved.
    without_near_duplicates: bool,
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
    }

    /// A corpus that does not group near-duplicates: every document leads its own
    /// group, and files analysed without signatures are not signed here.
    pub fn without_near_duplicates() -> Self {
        Corpus {
            without_near_duplicates: true,
            ..Self::default()
        }
    }

    /// Every document, in the order indexed (a document's index never changes).
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// What happened to every file loaded, in order.
    pub fn files(&self) -> &[FileReport] {
        &self.files
    }

    /// Every entity; indices change on a re-index (relinks, merges), ids do not.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity of each entity mention of document `doc_idx`, in mention order
    /// (empty for an index past the end).
    pub fn mention_entities(&self, doc_idx: usize) -> &[usize] {
        self.mention_entities
            .get(doc_idx)
            .map_or(&[][..], Vec::as_slice)
    }

    /// Decodes, analyses and indexes one file; returns its report. Never fails:
    /// a bad file is reported and the corpus keeps everything else.
    pub fn add_file(&mut self, name: &str, bytes: &[u8], options: &AnalysisOptions) -> &FileReport {
        let content_hash = content_hash(bytes);
        if self.content_hashes.contains_key(&content_hash) {
            // Bytes already loaded: no need to analyse them again.
            return self.add_analysed(AnalysedFile {
                name: name.to_string(),
                size: bytes.len(),
                content_hash,
                outcome: Ok((Vec::new(), Vec::new())),
                signatures: Vec::new(),
            });
        }
        self.add_analysed(AnalysedFile::analyse(name, bytes, options))
    }

    /// Indexes a file analysed elsewhere (the web app analyses in a worker); a file
    /// with the bytes of one already loaded is noted as its duplicate.
    pub fn add_analysed(&mut self, file: AnalysedFile) -> &FileReport {
        let mut report = FileReport {
            name: file.name,
            size: file.size,
            n_documents: 0,
            warnings: Vec::new(),
            error: None,
            duplicate_of: None,
        };
        if let Some(original) = self.content_hashes.get(&file.content_hash) {
            report.duplicate_of = Some(original.clone());
        } else {
            match file.outcome {
                Ok((documents, warnings)) => {
                    self.content_hashes
                        .insert(file.content_hash, report.name.clone());
                    report.n_documents = documents.len();
                    report.warnings = warnings;
                    if file.signatures.len() == documents.len() {
                        for (document, signature) in documents.into_iter().zip(file.signatures) {
                            self.add_signed_document(document, signature);
                        }
                    } else {
                        for document in documents {
                            self.add_document(document);
                        }
                    }
                }
                Err(error) => report.error = Some(error),
            }
        }
        self.files.push(report);
        self.files.last().expect("just pushed")
    }

    /// Replaces what a file gave (its documents and report) by a new analysis of it
    /// (the same bytes read another way: a table's text column chosen). Other files'
    /// documents keep their places; the index is rebuilt, with the user's edits.
    pub fn replace_file(&mut self, file: AnalysedFile) -> &FileReport {
        let name = file.name.clone();
        let documents = std::mem::take(&mut self.documents);
        let signatures = std::mem::take(&mut self.signatures);
        (self.documents, self.signatures) = documents
            .into_iter()
            .zip(signatures)
            .filter(|(d, _)| d.source != name)
            .unzip();
        self.files.retain(|f| f.name != name);
        self.content_hashes.retain(|_, n| *n != name);
        self.reindex();
        self.add_analysed(file)
    }

    /// Records a file that could not even be read, so that the user sees it by name.
    pub fn add_unreadable(&mut self, name: &str, reason: &str) {
        self.add_refused(
            name,
            FileError::Unreadable {
                reason: reason.to_string(),
            },
        );
    }

    /// Records a file refused before its bytes were read (too large, unreadable).
    pub fn add_refused(&mut self, name: &str, error: FileError) {
        let size = error.size();
        self.files.push(FileReport {
            name: name.to_string(),
            size,
            n_documents: 0,
            warnings: Vec::new(),
            error: Some(error),
            duplicate_of: None,
        });
    }

    /// Records a file found, outside this corpus, to repeat the bytes of `original`
    /// (a pack's earlier slice); returns its report.
    pub fn add_duplicate(&mut self, name: String, size: usize, original: &str) -> &FileReport {
        self.files.push(FileReport {
            name,
            size,
            n_documents: 0,
            warnings: Vec::new(),
            error: None,
            duplicate_of: Some(original.to_string()),
        });
        self.files.last().expect("just pushed")
    }

    /// Indexes one analysed document.
    pub fn add_document(&mut self, document: Document) {
        let signature = if self.without_near_duplicates {
            Signature::default()
        } else {
            Signature::of(&document.text)
        };
        self.add_signed_document(document, signature);
    }

    /// Indexes one document whose near-duplicate signature is known.
    pub(crate) fn add_signed_document(&mut self, mut document: Document, signature: Signature) {
        if !self.link_choices.is_empty() {
            for m in document.entities.iter_mut() {
                if m.kind == EntityType::Place {
                    let name = fold_whitespace(&document.text[m.start..m.end]);
                    if let Some(&choice) = self.link_choices.get(name.as_ref()) {
                        m.place = choice;
                    }
                }
            }
        }
        let doc_idx = self.documents.len();
        let surfaces = surfaces(&document);
        let mut keys = grouping_keys(&document, &surfaces);
        self.redirect_defined_acronyms(&document, &mut keys);
        let mut mention_entities = Vec::with_capacity(keys.len());
        // A document names its entities again and again: each (type, key) is
        // resolved to its entity once per document, not once per mention.
        let mut entity_of_key: HashMap<(EntityType, &str), usize> =
            HashMap::with_capacity_and_hasher(keys.len(), Default::default());
        for ((mention, key), surface) in document.entities.iter().zip(&keys).zip(&surfaces) {
            let entity_idx = match entity_of_key.get(&(mention.kind, key.as_str())) {
                Some(&i) => i,
                None => {
                    let i = self.entity_for_key(mention, key, surface);
                    entity_of_key.insert((mention.kind, key.as_str()), i);
                    i
                }
            };
            let entity = &mut self.entities[entity_idx];
            entity.n_mentions += 1;
            if let Some(role) = &mention.role {
                if !entity.roles.contains(role) {
                    entity.roles.push(role.clone());
                }
            }
            if entity.documents.last() != Some(&doc_idx) {
                entity.documents.push(doc_idx);
            }
            let counts = &mut self.surface_counts[entity_idx];
            match counts.get_mut(surface.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(surface.to_string(), 1);
                }
            }
            mention_entities.push(entity_idx);
        }
        // Each entity of the document once, however often it is mentioned.
        let mut touched = mention_entities.clone();
        touched.sort_unstable();
        touched.dedup();
        for i in touched {
            self.refresh_names(i);
        }
        self.day_spans.extend(
            document
                .dates
                .iter()
                .filter_map(|m| m.interval)
                .map(|(a, b)| (day_number(a), day_number(b))),
        );
        self.day_span_ends.push(self.day_spans.len());
        let leader = self.grouper.add(&signature, &self.signatures);
        if leader != doc_idx {
            self.group_members
                .entry(leader)
                .or_insert_with(|| vec![leader])
                .push(doc_idx);
        }
        self.group_leaders.push(leader);
        self.signatures.push(signature);
        let defined = defined_in_brackets(&document, &surfaces);
        self.documents.push(document);
        self.mention_entities.push(mention_entities);
        self.register_defined_acronyms(defined);
    }

    /// The id of the entity of a type and grouping key, after the user's merges.
    fn resolved_id(&self, kind: EntityType, key: &str) -> String {
        self.curation.resolve(typed_entity_id(kind.code(), key))
    }

    /// The entity a mention's type and grouping key name (after the user's merges),
    /// created from the mention when the corpus has none yet.
    fn entity_for_key(&mut self, mention: &EntityMention, key: &str, surface: &str) -> usize {
        let id = self.resolved_id(mention.kind, key);
        if let Some(&i) = self.id_index.get(&id) {
            return i;
        }
        let i = self.entities.len();
        let place = mention.place.map(|p| lexicon().place(p));
        self.id_index.insert(id.clone(), i);
        self.entities.push(Entity {
            hidden: self.curation.hidden.contains(&id),
            id,
            name: surface.to_string(),
            kind: mention.kind,
            aliases: Vec::new(),
            n_mentions: 0,
            documents: Vec::new(),
            country: place.map(|p| p.country).filter(|c| !c.is_empty()),
            roles: Vec::new(),
            place: mention.place,
        });
        self.surface_counts.push(HashMap::default());
        i
    }

    /// Every document's resolved date mentions as day numbers (first, last).
    pub fn all_day_spans(&self) -> &[(i32, i32)] {
        &self.day_spans
    }

    /// A document's resolved date mentions as day numbers (first, last), in text order.
    pub fn day_spans(&self, doc_idx: usize) -> &[(i32, i32)] {
        let start = match doc_idx {
            0 => 0,
            d => self.day_span_ends.get(d - 1).copied().unwrap_or(0),
        };
        let end = self.day_span_ends.get(doc_idx).copied().unwrap_or(start);
        &self.day_spans[start..end]
    }

    /// Canonical name: the gazetteer name for linked places, else the fullest common
    /// form, written in running text rather than in capitals ("Haldane Industries"
    /// over a cover's "HALDANE INDUSTRIES").
    fn refresh_names(&mut self, entity_idx: usize) {
        let counts = &self.surface_counts[entity_idx];
        let mut forms: Vec<(&String, &usize)> = counts.iter().collect();
        forms.sort_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count();
            let mixed_case = |s: &str| s.chars().any(char::is_lowercase);
            (words(b.0), mixed_case(b.0), b.1, b.0.len())
                .cmp(&(words(a.0), mixed_case(a.0), a.1, a.0.len()))
                .then(a.0.cmp(b.0))
        });
        let entity = &mut self.entities[entity_idx];
        let mut name: &str = forms[0].0;
        // A place linked to the gazetteer is called by the gazetteer's name ("KYIV" and
        // "Kyiv" are Kyiv, "US" is the United States).
        // Unless the gazetteer spells it with marks the text leaves out ("Rafaḩ" as "Rafah").
        if let (EntityType::Place, Some(idx)) = (entity.kind, entity.place) {
            let gazetteer_name = lexicon().place(idx).name;
            if gazetteer_name.is_ascii() || !name.is_ascii() {
                name = gazetteer_name;
            }
        }
        if let Some(renamed) = self.curation.renames.get(&entity.id) {
            name = renamed;
        }
        // Names and aliases are replaced only when they change: an entity's names are
        // refreshed in every document that mentions it, and were copied each time.
        if entity.name != name {
            entity.name = name.to_string();
        }
        entity.hidden = self.curation.hidden.contains(&entity.id);
        let mut aliases: Vec<(&String, &usize)> = forms
            .into_iter()
            .filter(|(f, _)| **f != entity.name)
            .collect();
        aliases.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let unchanged = entity.aliases.len() == aliases.len()
            && entity
                .aliases
                .iter()
                .zip(&aliases)
                .all(|(kept, (f, _))| kept == *f);
        if !unchanged {
            entity.aliases = aliases.into_iter().map(|(f, _)| f.clone()).collect();
        }
    }

    /// Rebuilds the entity index from the documents (after a change of links).
    fn reindex(&mut self) {
        let documents = std::mem::take(&mut self.documents);
        self.entities.clear();
        self.mention_entities.clear();
        self.id_index.clear();
        self.surface_counts.clear();
        self.acronym_definitions.clear();
        self.merged_ids.clear();
        self.day_spans.clear();
        self.day_span_ends.clear();
        // The texts do not change: their signatures are kept, their groups found again.
        let signatures = std::mem::take(&mut self.signatures);
        self.group_leaders.clear();
        self.group_members.clear();
        self.grouper = Grouper::default();
        for (document, signature) in documents.into_iter().zip(signatures) {
            self.add_signed_document(document, signature);
        }
    }

    /// The document leading document `doc`'s group of near-duplicates (`doc` itself
    /// when it has none, or for an index past the end).
    pub fn group_leader(&self, doc: usize) -> usize {
        self.group_leaders.get(doc).copied().unwrap_or(doc)
    }

    /// Per document, the document leading its group of near-duplicates.
    pub fn group_leaders(&self) -> &[usize] {
        &self.group_leaders
    }

    /// Every document of `doc`'s group of near-duplicates, in corpus order (`doc`
    /// alone when it has none).
    pub fn near_duplicates(&self, doc: usize) -> Vec<usize> {
        self.group_members
            .get(&self.group_leader(doc))
            .cloned()
            .unwrap_or_else(|| vec![doc])
    }

    /// Each file's content hash and name, in no order, borrowed (for the kept head).
    pub(crate) fn content_hashes_unordered(&self) -> &HashMap<String, String> {
        &self.content_hashes
    }

    /// Content hash to file name of every file loaded, for a snapshot.
    pub(crate) fn content_hashes(&self) -> Vec<(String, String)> {
        let mut hashes: Vec<(String, String)> = self
            .content_hashes
            .iter()
            .map(|(h, n)| (h.clone(), n.clone()))
            .collect();
        hashes.sort();
        hashes
    }

    /// Every document's near-duplicate signature, in document order, for keeping.
    pub(crate) fn signatures(&self) -> &[Signature] {
        &self.signatures
    }

    /// The user's choices of reading, by name as written, for a snapshot.
    pub(crate) fn confirmed_links(&self) -> Vec<(String, Option<PlaceIdx>)> {
        let mut links: Vec<(String, Option<PlaceIdx>)> = self
            .link_choices
            .iter()
            .map(|(n, p)| (n.clone(), *p))
            .collect();
        links.sort();
        links
    }

    /// Rebuilds a corpus from what a snapshot holds: the index is built again from
    /// the documents, with the links and edits the user made.
    pub(crate) fn restore(
        files: Vec<FileReport>,
        content_hashes: HashMap<String, String>,
        confirmed_links: Vec<(String, Option<PlaceIdx>)>,
        edits: Vec<Edit>,
        documents: Vec<Document>,
    ) -> Corpus {
        let mut corpus = Corpus {
            files,
            content_hashes,
            link_choices: confirmed_links.into_iter().collect(),
            curation: Curation::from_edits(&edits),
            edits,
            ..Corpus::default()
        };
        for document in documents {
            corpus.add_document(document);
        }
        corpus
    }

    /// The index of the entity with this id.
    /// The entity of an id; an id whose entity was merged into another (an acronym
    /// defined after its bare uses) leads to that one, so views and links that
    /// named it still do.
    pub fn entity_by_id(&self, id: &str) -> Option<usize> {
        let mut id = id;
        for _ in 0..=self.merged_ids.len() {
            if let Some(&i) = self.id_index.get(id) {
                return Some(i);
            }
            id = self.merged_ids.get(id)?;
        }
        None
    }

    /// Indices into `entities`, most documents first, then by name.
    pub fn entities_by_document_count(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&self.entities[a], &self.entities[b]);
            eb.documents
                .len()
                .cmp(&ea.documents.len())
                .then_with(|| ea.name.cmp(&eb.name))
        });
        order
    }
}

mod acronyms;
mod edits;
mod highlights;
mod links;

pub use edits::{Edit, EditError};
pub use highlights::{Highlight, Mark};
pub use links::{place_label, LinkChoice};

#[cfg(test)]
mod tests;
