//! The corpus index: documents from many files, mentions grouped into entities with stable ids.
//!
//! Grouping rules: within a document a surname after a full name is that person
//! (unless two full names share it); places linked to the gazetteer group by
//! gazetteer id ("US", "U.S." and "United States" are one place); otherwise the
//! same type and normalised name is the same entity across documents.

use std::collections::HashMap;

use crate::engine::error::FileError;
use crate::engine::index::days::day_number;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx, PlaceKind};
use crate::engine::{analyze_file, AnalysisOptions, Document};

/// What happened to one file the user loaded.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    pub name: String,
    pub size: usize,
    pub n_documents: usize,
    pub warnings: Vec<String>,
    pub error: Option<FileError>,
    /// The name of an earlier file with the same bytes, if this one was skipped as a duplicate.
    pub duplicate_of: Option<String>,
}

impl FileReport {
    /// One line for the user: what was loaded or why not.
    pub fn message(&self) -> String {
        if let Some(error) = &self.error {
            format!("{} {error}", self.name)
        } else if let Some(original) = &self.duplicate_of {
            format!(
                "{} has the same content as {original} and was loaded once",
                self.name
            )
        } else {
            let mut m = format!(
                "{}: {} document{}",
                self.name,
                self.n_documents,
                if self.n_documents == 1 { "" } else { "s" }
            );
            for w in &self.warnings {
                m.push_str("; ");
                m.push_str(w);
            }
            m
        }
    }
}

/// What a piece of a document's text is, for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// A mention of the entity at this index of [`Corpus::entities`].
    Entity(usize),
    /// The date mention at this index of the document's `dates`.
    Date(usize),
}

/// A byte range of a document's text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
}

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

/// A change the user made to the entity index. Edits are kept in order, survive
/// re-indexing (they name entities by id) and can be undone one by one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Call the entity by this name.
    Rename { id: String, name: String },
    /// The mentions of `from` are mentions of `into`, which keeps its id and `name`.
    Merge {
        from: String,
        into: String,
        name: String,
    },
    /// Hide or show again.
    SetHidden { id: String, hidden: bool },
}

/// The edits folded into lookups.
#[derive(Clone, Debug, Default)]
struct Curation {
    renames: HashMap<String, String>,
    merged_into: HashMap<String, String>,
    hidden: std::collections::HashSet<String>,
}

impl Curation {
    fn from_edits(edits: &[Edit]) -> Curation {
        let mut c = Curation::default();
        for edit in edits {
            match edit {
                Edit::Rename { id, name } => {
                    c.renames.insert(id.clone(), name.clone());
                }
                Edit::Merge { from, into, name } => {
                    c.merged_into.insert(from.clone(), into.clone());
                    c.renames
                        .entry(into.clone())
                        .or_insert_with(|| name.clone());
                }
                Edit::SetHidden { id, hidden } => {
                    if *hidden {
                        c.hidden.insert(id.clone());
                    } else {
                        c.hidden.remove(id);
                    }
                }
            }
        }
        c
    }

    /// The id an entity's mentions end up under, after merges (chains followed, cycles cut).
    fn resolve(&self, id: String) -> String {
        let mut id = id;
        for _ in 0..self.merged_into.len() {
            match self.merged_into.get(&id) {
                Some(next) => id = next.clone(),
                None => break,
            }
        }
        id
    }
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    UnknownEntity,
    /// Only entities of one type merge (a person into a person).
    DifferentTypes,
    SameEntity,
    EmptyName,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EditError::UnknownEntity => "that entity is no longer in the corpus",
            EditError::DifferentTypes => "only entities of the same type can be merged",
            EditError::SameEntity => "an entity cannot be merged into itself",
            EditError::EmptyName => "a name cannot be empty",
        })
    }
}

/// All loaded documents and the entity index built over them.
#[derive(Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub files: Vec<FileReport>,
    pub entities: Vec<Entity>,
    /// Per document, per entity mention: the index of its entity in `entities`.
    pub mention_entities: Vec<Vec<usize>>,
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
}

/// One file decoded and analysed, not yet indexed: what a worker sends back.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct AnalysedFile {
    pub name: String,
    pub size: usize,
    /// [`content_hash`] of the bytes, to note duplicates.
    pub content_hash: String,
    /// The documents and warnings, or why the file could not be read.
    pub outcome: Result<(Vec<Document>, Vec<String>), FileError>,
}

impl AnalysedFile {
    /// Decodes and analyses one file (the pure half of [`Corpus::add_file`]).
    pub fn analyse(name: &str, bytes: &[u8], options: &AnalysisOptions) -> AnalysedFile {
        AnalysedFile {
            name: name.to_string(),
            size: bytes.len(),
            content_hash: content_hash(bytes),
            outcome: analyze_file(name, bytes, options),
        }
    }

    /// The compact form a worker posts to the page: serde's data model in postcard's
    /// bytes, several times quicker to read back than JSON (texts stay UTF-8).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// Reads [`AnalysedFile::to_bytes`] back; bytes that do not decode (never from our
    /// own worker) come back as an unreadable file named `fallback_name`.
    pub fn from_bytes(bytes: &[u8], fallback_name: &str) -> AnalysedFile {
        postcard::from_bytes(bytes).unwrap_or_else(|e| AnalysedFile {
            name: fallback_name.to_string(),
            size: 0,
            content_hash: String::new(),
            outcome: Err(FileError::Unreadable {
                reason: format!("its analysis could not be read back ({e})"),
            }),
        })
    }
}

/// A file's identity for duplicate detection: FNV-1a of its bytes, in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

/// One reading a place name may have, for the user to choose from.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkChoice {
    /// None: the place is not in the gazetteer.
    pub place: Option<PlaceIdx>,
    /// "Georgia (region, United States)".
    pub label: String,
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
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
                    for document in documents {
                        self.add_document(document);
                    }
                }
                Err(error) => report.error = Some(error),
            }
        }
        self.files.push(report);
        self.files.last().expect("just pushed")
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
        let size = match error {
            FileError::TooLarge { size, .. } => size,
            _ => 0,
        };
        self.files.push(FileReport {
            name: name.to_string(),
            size,
            n_documents: 0,
            warnings: Vec::new(),
            error: Some(error),
            duplicate_of: None,
        });
    }

    /// Indexes one analysed document.
    pub fn add_document(&mut self, mut document: Document) {
        if !self.link_choices.is_empty() {
            for m in document.entities.iter_mut() {
                if m.kind == EntityType::Place {
                    let name = fold_whitespace(&document.text[m.start..m.end]);
                    if let Some(&choice) = self.link_choices.get(&name) {
                        m.place = choice;
                    }
                }
            }
        }
        let doc_idx = self.documents.len();
        let keys = grouping_keys(&document);
        let mut mention_entities = Vec::with_capacity(keys.len());
        for (mention, key) in document.entities.iter().zip(keys) {
            let surface = fold_whitespace(&document.text[mention.start..mention.end]);
            let full_key = format!("{}:{key}", mention.kind.code());
            let id = self.curation.resolve(entity_id(&full_key));
            let entity_idx = match self.id_index.get(&id) {
                Some(&i) => i,
                None => {
                    let i = self.entities.len();
                    let place = mention.place.map(|p| lexicon().place(p));
                    self.id_index.insert(id.clone(), i);
                    self.entities.push(Entity {
                        hidden: self.curation.hidden.contains(&id),
                        id,
                        name: surface.clone(),
                        kind: mention.kind,
                        aliases: Vec::new(),
                        n_mentions: 0,
                        documents: Vec::new(),
                        country: place.map(|p| p.country).filter(|c| !c.is_empty()),
                        roles: Vec::new(),
                        place: mention.place,
                    });
                    self.surface_counts.push(HashMap::new());
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
            *self.surface_counts[entity_idx].entry(surface).or_default() += 1;
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
        self.documents.push(document);
        self.mention_entities.push(mention_entities);
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

    /// Canonical name: the gazetteer name for linked places, else the fullest common form.
    fn refresh_names(&mut self, entity_idx: usize) {
        let counts = &self.surface_counts[entity_idx];
        let mut forms: Vec<(&String, &usize)> = counts.iter().collect();
        forms.sort_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count();
            (words(b.0), b.1, b.0.len())
                .cmp(&(words(a.0), a.1, a.0.len()))
                .then(a.0.cmp(b.0))
        });
        let entity = &mut self.entities[entity_idx];
        let canonical = forms[0].0.clone();
        entity.name = canonical;
        // A place linked to the gazetteer is called by the gazetteer's name ("KYIV" and
        // "Kyiv" are Kyiv, "US" is the United States).
        // Unless the gazetteer spells it with marks the text leaves out ("Rafaḩ" as "Rafah").
        if let (EntityType::Place, Some(idx)) = (entity.kind, entity.place) {
            let gazetteer_name = lexicon().place(idx).name;
            if gazetteer_name.is_ascii() || !entity.name.is_ascii() {
                entity.name = gazetteer_name.to_string();
            }
        }
        if let Some(name) = self.curation.renames.get(&entity.id) {
            entity.name = name.clone();
        }
        entity.hidden = self.curation.hidden.contains(&entity.id);
        let mut aliases: Vec<(&String, &usize)> = forms
            .into_iter()
            .filter(|(f, _)| **f != entity.name)
            .collect();
        aliases.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        entity.aliases = aliases.into_iter().map(|(f, _)| f.clone()).collect();
    }

    /// A document's text cut into pieces for the reader: plain text, entity mentions
    /// and date mentions, in order, covering the whole text without overlaps. Where
    /// mentions overlap, the one that starts first (then the longer) is kept whole.
    pub fn highlights(&self, doc_idx: usize) -> Vec<Highlight> {
        let Some(doc) = self.documents.get(doc_idx) else {
            return Vec::new();
        };
        let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
        for (i, m) in doc.entities.iter().enumerate() {
            marks.push((
                m.start,
                m.end,
                Mark::Entity(self.mention_entities[doc_idx][i]),
            ));
        }
        for (i, m) in doc.dates.iter().enumerate() {
            marks.push((m.start, m.end, Mark::Date(i)));
        }
        marks.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::with_capacity(marks.len() * 2 + 1);
        let mut at = 0;
        for (start, end, mark) in marks {
            if start < at {
                continue;
            }
            if start > at {
                out.push(Highlight {
                    start: at,
                    end: start,
                    mark: Mark::Plain,
                });
            }
            out.push(Highlight { start, end, mark });
            at = end;
        }
        if at < doc.text.len() {
            out.push(Highlight {
                start: at,
                end: doc.text.len(),
                mark: Mark::Plain,
            });
        }
        out
    }

    /// The readings a place entity's names may have: every gazetteer place of that
    /// name (small towns included), then "not in the gazetteer". The current one is
    /// among them.
    pub fn link_choices(&self, entity_idx: usize) -> Vec<LinkChoice> {
        let lex = lexicon();
        let Some(entity) = self.entities.get(entity_idx) else {
            return Vec::new();
        };
        let mut places: Vec<PlaceIdx> = Vec::new();
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            for &p in lex.link_candidates(strip_article(name)) {
                if !places.contains(&p) {
                    places.push(p);
                }
            }
        }
        if let Some(current) = entity.place {
            if !places.contains(&current) {
                places.insert(0, current);
            }
        }
        let mut choices: Vec<LinkChoice> = places
            .into_iter()
            .map(|p| LinkChoice {
                place: Some(p),
                label: place_label(p),
            })
            .collect();
        choices.push(LinkChoice {
            place: None,
            label: "not in the gazetteer".to_string(),
        });
        choices
    }

    /// The user's choice of reading for a place entity: every mention written like
    /// any of its names, across the corpus, is linked to `place` (or unlinked), now
    /// and in files loaded later. Entity indices change; ids stay stable.
    pub fn relink(&mut self, entity_idx: usize, place: Option<PlaceIdx>) {
        let Some(entity) = self.entities.get(entity_idx) else {
            return;
        };
        if entity.kind != EntityType::Place {
            return;
        }
        let names: Vec<String> = std::iter::once(entity.name.clone())
            .chain(entity.aliases.iter().cloned())
            .collect();
        // The names as written in the documents (a linked place is called by its
        // gazetteer name, which may not appear in the text).
        let mut written: Vec<String> = Vec::new();
        for (d, doc) in self.documents.iter().enumerate() {
            for (m, &e) in doc.entities.iter().zip(&self.mention_entities[d]) {
                if e == entity_idx {
                    let name = fold_whitespace(&doc.text[m.start..m.end]);
                    if !written.contains(&name) {
                        written.push(name);
                    }
                }
            }
        }
        for name in names.into_iter().chain(written) {
            self.link_choices.insert(name, place);
        }
        self.reindex();
    }

    /// Rebuilds the entity index from the documents (after a change of links).
    fn reindex(&mut self) {
        let documents = std::mem::take(&mut self.documents);
        self.entities.clear();
        self.mention_entities.clear();
        self.id_index.clear();
        self.surface_counts.clear();
        for document in documents {
            self.add_document(document);
        }
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
        content_hashes: Vec<(String, String)>,
        confirmed_links: Vec<(String, Option<PlaceIdx>)>,
        edits: Vec<Edit>,
        documents: Vec<Document>,
    ) -> Corpus {
        let mut corpus = Corpus {
            files,
            content_hashes: content_hashes.into_iter().collect(),
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
    pub fn entity_by_id(&self, id: &str) -> Option<usize> {
        self.id_index.get(id).copied()
    }

    /// The user's edits, oldest first.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Applies a user's edit: renames and hiding take effect at once, a merge
    /// re-indexes (mentions move to the other entity, which keeps its id).
    pub fn edit(&mut self, edit: Edit) -> Result<(), EditError> {
        match &edit {
            Edit::Rename { id, name } => {
                self.entity_by_id(id).ok_or(EditError::UnknownEntity)?;
                if name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
            }
            Edit::SetHidden { id, .. } => {
                self.entity_by_id(id).ok_or(EditError::UnknownEntity)?;
            }
            Edit::Merge { from, into, .. } => {
                let a = self.entity_by_id(from).ok_or(EditError::UnknownEntity)?;
                let b = self.entity_by_id(into).ok_or(EditError::UnknownEntity)?;
                if a == b {
                    return Err(EditError::SameEntity);
                }
                if self.entities[a].kind != self.entities[b].kind {
                    return Err(EditError::DifferentTypes);
                }
            }
        }
        let edit = match edit {
            Edit::Rename { id, name } => Edit::Rename {
                id,
                name: fold_whitespace(&name),
            },
            other => other,
        };
        self.edits.push(edit);
        self.apply_edits();
        Ok(())
    }

    /// Takes back the last edit; returns it, or None when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Edit> {
        let edit = self.edits.pop()?;
        self.apply_edits();
        Some(edit)
    }

    /// Re-applies the edits after a change to them: a re-index when merges changed,
    /// else only names and visibility.
    fn apply_edits(&mut self) {
        let before = std::mem::take(&mut self.curation.merged_into);
        self.curation = Curation::from_edits(&self.edits);
        if before != self.curation.merged_into {
            self.reindex();
        } else {
            for i in 0..self.entities.len() {
                self.refresh_names(i);
            }
        }
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

/// An entity's stable id: a hash of its type and grouping key.
fn entity_id(full_key: &str) -> String {
    format!("{:012x}", fnv1a(full_key.as_bytes()) & 0xffff_ffff_ffff)
}

/// The grouping key of each entity mention of a document.
fn grouping_keys(document: &Document) -> Vec<String> {
    let text = &document.text;
    let surface = |m: &crate::engine::EntityMention| fold_whitespace(&text[m.start..m.end]);
    // Full personal names of the document, by their last and first words.
    let mut full_names_by_part: HashMap<String, Vec<String>> = HashMap::new();
    for m in document
        .entities
        .iter()
        .filter(|m| m.kind == EntityType::Person)
    {
        let name = surface(m);
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() >= 2 {
            for part in [words[0], words[words.len() - 1]] {
                let list = full_names_by_part.entry(part.to_string()).or_default();
                if !list.contains(&name) {
                    list.push(name.clone());
                }
            }
        }
    }
    document
        .entities
        .iter()
        .map(|m| {
            let name = surface(m);
            match m.kind {
                EntityType::Place => match m.place {
                    Some(p) => lexicon().place(p).key(),
                    None => strip_article(&name).to_string(),
                },
                EntityType::Person => match full_names_by_part.get(&name) {
                    Some(full) if full.len() == 1 && !name.contains(' ') => full[0].clone(),
                    // A multi-word surname: "Von der Leyen" after "Ursula von der Leyen".
                    _ => {
                        let suffix = format!(" {}", name.to_lowercase());
                        let mut longer: Vec<&String> = full_names_by_part
                            .values()
                            .flatten()
                            .filter(|f| f.len() > name.len() && f.to_lowercase().ends_with(&suffix))
                            .collect();
                        longer.sort_unstable();
                        longer.dedup();
                        match longer[..] {
                            [only] => only.clone(),
                            _ => name,
                        }
                    }
                },
                _ => strip_article(&name).to_string(),
            }
        })
        .collect()
}

/// "Georgia (country)", "Georgia (region, United States)", "Athens (city, Georgia, United States)".
pub fn place_label(idx: PlaceIdx) -> String {
    let lex = lexicon();
    let p = lex.place(idx);
    let kind = match p.kind {
        PlaceKind::Continent => "continent",
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::Capital => "capital",
        PlaceKind::City => "city",
    };
    let mut parts = vec![kind.to_string()];
    if !matches!(p.kind, PlaceKind::Country | PlaceKind::Region) {
        if let Some(region) = lex.region(p.country, p.admin1) {
            parts.push(region.name.to_string());
        }
    }
    if p.kind != PlaceKind::Country {
        if let Some(country) = lex.country(p.country) {
            parts.push(country.name.to_string());
        }
    }
    format!("{} ({})", p.name, parts.join(", "))
}

fn strip_article(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// FNV-1a, 64 bit: a small stable hash for ids and duplicate detection.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(files: &[(&str, &str)]) -> Corpus {
        let mut corpus = Corpus::new();
        for (name, text) in files {
            corpus.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        corpus
    }

    fn entity<'a>(c: &'a Corpus, name: &str) -> &'a Entity {
        c.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "{name} not in {:?}",
                    c.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn analysed_files_cross_as_bytes_unchanged() {
        let cases: &[(&str, &[u8])] = &[
            (
                "news",
                include_bytes!("../../../tests/golden/cases/wire-dateline.txt"),
            ),
            (
                "html",
                b"<title>T</title><p>Ararat Mirzoyan in Almaty on May 10, 2024.</p>",
            ),
            (
                "csv",
                b"title,text\nA,\"Met in Paris, March 2020\"\nB,Oslo\n",
            ),
            ("binary", b"%PDF-1.7\x00\x01\x02"),
            ("empty", b""),
            ("windows-1252", b"Caf\xe9 in Lyon \x96 1999"),
        ];
        for (name, bytes) in cases {
            let file_name = format!(
                "{name}.{}",
                if *name == "csv" {
                    "csv"
                } else if *name == "html" {
                    "html"
                } else {
                    "txt"
                }
            );
            let analysed = AnalysedFile::analyse(&file_name, bytes, &AnalysisOptions::default());
            let back = AnalysedFile::from_bytes(&analysed.to_bytes(), "?");
            assert_eq!(
                serde_json::to_string(&back).unwrap(),
                serde_json::to_string(&analysed).unwrap(),
                "{name}"
            );
        }
        let cut = AnalysedFile::analyse("a.txt", b"Almaty, 1991.", &AnalysisOptions::default())
            .to_bytes();
        let broken = AnalysedFile::from_bytes(&cut[..cut.len() / 2], "a.txt");
        assert_eq!(broken.name, "a.txt");
        assert!(matches!(broken.outcome, Err(FileError::Unreadable { .. })));
    }

    #[test]
    fn surname_joins_the_full_name_and_places_join_by_gazetteer() {
        let c = corpus(&[(
            "a.txt",
            "Foreign Minister Jeyhun Bayramov met the press. Bayramov said the U.S. and the United States agree.",
        )]);
        let person = entity(&c, "Jeyhun Bayramov");
        assert_eq!(person.n_mentions, 2);
        assert_eq!(person.roles, ["Foreign Minister"]);
        assert_eq!(person.aliases, ["Bayramov"]);
        let us = entity(&c, "United States");
        assert_eq!(us.n_mentions, 2);
        assert_eq!(us.country, Some("US"));
    }

    #[test]
    fn same_name_across_documents_is_one_entity_and_ids_are_stable() {
        let c = corpus(&[
            ("a.txt", "Ararat Mirzoyan spoke in Almaty."),
            ("b.txt", "Later Ararat Mirzoyan left Almaty."),
        ]);
        let person = entity(&c, "Ararat Mirzoyan");
        assert_eq!(person.documents, [0, 1]);
        let again = corpus(&[("b.txt", "Later Ararat Mirzoyan left Almaty.")]);
        assert_eq!(entity(&again, "Ararat Mirzoyan").id, person.id);
    }

    #[test]
    fn two_full_names_sharing_a_surname_stay_apart() {
        let c = corpus(&[(
            "a.txt",
            "Senator John Smith and Mary Smith disagreed. Smith said no.",
        )]);
        assert_ne!(entity(&c, "John Smith").id, entity(&c, "Mary Smith").id);
        assert_eq!(entity(&c, "John Smith").n_mentions, 1);
    }

    #[test]
    fn highlights_cover_the_text_in_order_without_overlaps() {
        let text = "Foreign Minister Jeyhun Bayramov met the press in Almaty on May 10, 2024.";
        let c = corpus(&[("a.txt", text)]);
        let pieces = c.highlights(0);
        assert_eq!(pieces.first().map(|h| h.start), Some(0));
        assert_eq!(
            pieces.last().map(|h| h.end),
            Some(c.documents[0].text.len())
        );
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|h| h.mark != Mark::Plain)
            .map(|h| &c.documents[0].text[h.start..h.end])
            .collect();
        assert_eq!(marked, ["Jeyhun Bayramov", "Almaty", "May 10, 2024"]);
        assert!(c.highlights(7).is_empty());
    }

    #[test]
    fn a_confirmed_link_applies_to_every_identical_mention() {
        let mut c = corpus(&[
            ("a.txt", "Georgia held elections on Sunday."),
            ("b.txt", "Rain fell across Georgia overnight."),
        ]);
        let georgia = entity(&c, "Georgia");
        assert_eq!(georgia.country, Some("GE"));
        assert_eq!(georgia.documents, [0, 1]);
        let idx = c.entities.iter().position(|e| e.name == "Georgia").unwrap();
        let choices = c.link_choices(idx);
        let state = choices
            .iter()
            .find(|ch| ch.label == "Georgia (region, United States)")
            .unwrap_or_else(|| panic!("{choices:?}"))
            .place;
        assert_eq!(choices.last().map(|ch| ch.place), Some(None));
        c.relink(idx, state);
        let georgia = entity(&c, "Georgia");
        assert_eq!(
            (georgia.country, georgia.documents.clone()),
            (Some("US"), vec![0, 1])
        );
        // A file loaded later follows the choice too.
        c.add_file(
            "c.txt",
            b"Storms hit Georgia again.",
            &AnalysisOptions::default(),
        );
        assert_eq!(entity(&c, "Georgia").documents, [0, 1, 2]);
        // Unlinking keeps the mentions as an unlinked place.
        let idx = c.entities.iter().position(|e| e.name == "Georgia").unwrap();
        c.relink(idx, None);
        let georgia = entity(&c, "Georgia");
        assert_eq!((georgia.place, georgia.documents.len()), (None, 3));
    }

    #[test]
    fn a_file_analysed_elsewhere_indexes_like_one_analysed_here() {
        let options = AnalysisOptions::default();
        let text =
            b"Foreign Minister Jeyhun Bayramov met Ararat Mirzoyan in Almaty on May 10, 2024.";
        let direct = corpus(&[("a.txt", std::str::from_utf8(text).unwrap())]);
        // The worker's answer crosses as JSON.
        let json = serde_json::to_string(&AnalysedFile::analyse("a.txt", text, &options)).unwrap();
        let mut via_worker = Corpus::new();
        via_worker.add_analysed(serde_json::from_str(&json).unwrap());
        assert_eq!(via_worker.entities, direct.entities);
        assert_eq!(via_worker.documents[0].dates, direct.documents[0].dates);
        // The same bytes again are a duplicate, however they arrive.
        via_worker.add_analysed(AnalysedFile::analyse("copy.txt", text, &options));
        assert!(via_worker.files[1]
            .message()
            .contains("same content as a.txt"));
    }

    #[test]
    fn bad_files_are_reported_and_the_rest_still_loads() {
        let mut c = Corpus::new();
        let options = AnalysisOptions::default();
        c.add_file("report.pdf", b"%PDF-1.4 binary", &options);
        c.add_file("notes.txt", b"Talks in Almaty went on.", &options);
        c.add_file("copy.txt", b"Talks in Almaty went on.", &options);
        assert_eq!(c.documents.len(), 1);
        assert!(c.files[0]
            .message()
            .contains("report.pdf is a PDF document"));
        assert!(c.files[2].message().contains("same content as notes.txt"));
    }

    #[test]
    fn edits_rename_merge_hide_and_undo() {
        let mut c = corpus(&[
            (
                "a.txt",
                "Talks\n\nAnna Petrova met David Miller in Almaty. Petrova spoke.\n",
            ),
            (
                "b.txt",
                "More\n\nA. Petrova and Dave Miller met in Astana.\n",
            ),
        ]);
        let id_of = |c: &Corpus, name: &str| entity(c, name).id.clone();
        let anna = id_of(&c, "Anna Petrova");
        let short = id_of(&c, "A. Petrova");
        let miller = id_of(&c, "David Miller");
        let dave = id_of(&c, "Dave Miller");
        let almaty = id_of(&c, "Almaty");
        let n_entities = c.entities.len();

        // Table: an edit, then what must hold.
        type Check = fn(&Corpus, &str, &str) -> bool;
        let cases: Vec<(&str, Edit, Check)> = vec![
            (
                "rename",
                Edit::Rename {
                    id: anna.clone(),
                    name: "  Anna  V. Petrova ".into(),
                },
                |c, anna, _| c.entities[c.entity_by_id(anna).unwrap()].name == "Anna V. Petrova",
            ),
            (
                "merge keeps the target's id and name, and joins documents",
                Edit::Merge {
                    from: short.clone(),
                    into: anna.clone(),
                    name: "Anna V. Petrova".into(),
                },
                |c, anna, short| {
                    let e = &c.entities[c.entity_by_id(anna).unwrap()];
                    c.entity_by_id(short).is_none()
                        && e.name == "Anna V. Petrova"
                        && e.documents == [0, 1]
                        && e.aliases.contains(&"A. Petrova".to_string())
                },
            ),
            (
                "hide",
                Edit::SetHidden {
                    id: almaty.clone(),
                    hidden: true,
                },
                |c, _, _| c.entities.iter().any(|e| e.name == "Almaty" && e.hidden),
            ),
        ];
        for (name, edit, check) in &cases {
            c.edit(edit.clone())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(check(&c, &anna, &short), "{name}");
        }
        // Edits survive a re-index (a relink re-indexes everything).
        let astana = c.entities.iter().position(|e| e.name == "Astana").unwrap();
        let place = c.entities[astana].place;
        c.relink(astana, place);
        for (name, _, check) in &cases {
            assert!(check(&c, &anna, &short), "{name}, after a re-index");
        }
        // Refused edits change nothing.
        let refused = [
            (
                Edit::Merge {
                    from: almaty.clone(),
                    into: miller.clone(),
                    name: String::new(),
                },
                EditError::DifferentTypes,
            ),
            (
                Edit::Merge {
                    from: miller.clone(),
                    into: miller.clone(),
                    name: String::new(),
                },
                EditError::SameEntity,
            ),
            (
                Edit::Rename {
                    id: "0".into(),
                    name: "x".into(),
                },
                EditError::UnknownEntity,
            ),
            (
                Edit::Rename {
                    id: dave.clone(),
                    name: " ".into(),
                },
                EditError::EmptyName,
            ),
        ];
        for (edit, error) in refused {
            assert_eq!(c.edit(edit), Err(error));
        }
        assert_eq!(c.edits().len(), 3);
        // Undo, last first, back to where it started.
        assert!(matches!(c.undo(), Some(Edit::SetHidden { .. })));
        assert!(!entity(&c, "Almaty").hidden);
        assert!(matches!(c.undo(), Some(Edit::Merge { .. })));
        assert_eq!(c.entities.len(), n_entities);
        assert!(c.entity_by_id(&short).is_some());
        assert!(matches!(c.undo(), Some(Edit::Rename { .. })));
        assert_eq!(
            c.entities[c.entity_by_id(&anna).unwrap()].name,
            "Anna Petrova"
        );
        assert_eq!(c.undo(), None);
    }
}
