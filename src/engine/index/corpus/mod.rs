//! The corpus index: documents from many files, mentions grouped into entities with stable ids.
//!
//! Grouping rules: within a document a surname after a full name is that person
//! (unless two full names share it); places linked to the gazetteer group by
//! gazetteer id ("US", "U.S." and "United States" are one place); otherwise the
//! same type and normalised name is the same entity across documents.

use std::collections::HashMap;

use crate::engine::error::FileError;
use crate::engine::index::analysed::{content_hash, AnalysedFile};
use crate::engine::index::days::day_number;
use crate::engine::index::grouping::{entity_id, fold_whitespace, grouping_keys};
use crate::engine::index::report::FileReport;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx};
use crate::engine::{AnalysisOptions, Document};
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
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
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

mod edits;
mod highlights;
mod links;

pub use edits::{Edit, EditError};
pub use highlights::{Highlight, Mark};
pub use links::{place_label, LinkChoice};

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
    fn an_acronym_defined_in_brackets_is_the_organisation_it_abbreviates() {
        let c = corpus(&[
            (
                "a.txt",
                "Rules\n\nThe Northern Grain Board (NGB) fined the firm. The NGB said more would follow.\n",
            ),
            (
                "b.txt",
                "More rules\n\nThe Northern Grain Board (NGB) spoke again on Friday.\n",
            ),
            ("c.txt", "Other news\n\nThe NGB and the ABC met officials.\n"),
        ]);
        let sec = entity(&c, "Northern Grain Board");
        assert_eq!(sec.documents, [0, 1], "both documents that define it");
        assert_eq!(sec.aliases, ["NGB"]);
        assert_eq!(sec.n_mentions, 5);
        let undefined = entity(&c, "NGB");
        assert_eq!(
            undefined.documents,
            [2],
            "not defined there: its own entity"
        );
    }

    #[test]
    fn an_acronym_joins_the_one_name_of_the_document_with_its_initials() {
        let c = corpus(&[
            (
                "a.txt",
                "Aid\n\nThe United Nations appealed for aid. The UN said food was short.\n",
            ),
            (
                "b.txt",
                "Two boards\n\nThe National Bank Board and the National Budget Bureau met. The NBB said little.\n",
            ),
        ]);
        let un = entity(&c, "United Nations");
        assert_eq!(
            (un.n_mentions, &un.aliases[..]),
            (2, &["UN".to_string()][..])
        );
        let nbb = entity(&c, "NBB");
        assert_eq!(
            nbb.n_mentions, 1,
            "two names have those initials: left alone"
        );
    }

    #[test]
    fn well_known_acronyms_join_their_names_across_documents() {
        let c = corpus(&[
            ("a.txt", "Aid\n\nThe UN said food was short on Monday.\n"),
            ("b.txt", "Talks\n\nThe United Nations appealed for calm.\n"),
            ("c.txt", "Fine\n\nThe SEC fined the bank on Friday.\n"),
            (
                "d.txt",
                "Rules\n\nThe U.S. Securities and Exchange Commission wrote new rules.\n",
            ),
            (
                "e.txt",
                "Trade\n\nThe Southern Economic Council (SEC) met. The SEC voted.\n",
            ),
        ]);
        let un = entity(&c, "United Nations");
        assert_eq!(
            (un.n_mentions, un.documents.len()),
            (2, 2),
            "UN and United Nations"
        );
        let sec = entity(&c, "U.S. Securities and Exchange Commission");
        assert_eq!(
            (sec.n_mentions, sec.documents.len()),
            (2, 2),
            "SEC and its full name"
        );
        let conference = entity(&c, "Southern Economic Council");
        assert_eq!(
            (conference.n_mentions, conference.documents.len()),
            (3, 1),
            "an acronym defined in the document means what it defines there"
        );
    }

    #[test]
    fn analysed_files_cross_as_bytes_unchanged() {
        let cases: &[(&str, &[u8])] = &[
            (
                "news",
                include_bytes!("../../../../tests/golden/cases/wire-dateline.txt"),
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
