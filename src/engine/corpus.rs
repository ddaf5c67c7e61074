//! The corpus index: documents from many files, mentions grouped into entities with stable ids.
//!
//! Grouping rules: within a document a surname after a full name is that person
//! (unless two full names share it); places linked to the gazetteer group by
//! gazetteer id ("US", "U.S." and "United States" are one place); otherwise the
//! same type and normalised name is the same entity across documents.

use std::collections::HashMap;

use super::decode::FileError;
use super::entities::EntityType;
use super::lexicon::{lexicon, PlaceIdx, PlaceKind};
use super::{analyze_file, AnalysisOptions, Document};

/// What happened to one file the user loaded.
#[derive(Clone, Debug, PartialEq)]
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
    key_index: HashMap<String, usize>,
    surface_counts: Vec<HashMap<String, usize>>,
    /// Links the user confirmed, by place name as written: they apply to every
    /// identical mention, in the documents loaded and in those still to come.
    link_choices: HashMap<String, Option<PlaceIdx>>,
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
            let entity_idx = match self.key_index.get(&full_key) {
                Some(&i) => i,
                None => {
                    let i = self.entities.len();
                    let place = mention.place.map(|p| lexicon().place(p));
                    self.entities.push(Entity {
                        id: format!("{:012x}", fnv1a(full_key.as_bytes()) & 0xffff_ffff_ffff),
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
                    self.key_index.insert(full_key, i);
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
        self.documents.push(document);
        self.mention_entities.push(mention_entities);
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
        self.key_index.clear();
        self.surface_counts.clear();
        for document in documents {
            self.add_document(document);
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

/// The grouping key of each entity mention of a document.
fn grouping_keys(document: &Document) -> Vec<String> {
    let text = &document.text;
    let surface = |m: &super::EntityMention| fold_whitespace(&text[m.start..m.end]);
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
}
