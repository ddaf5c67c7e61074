//! Taking a corpus out: CSV of entities, mentions and dates (all documents or a filtered set), and a JSON snapshot that loads back as the same corpus.
//!
//! A snapshot holds the analysed documents, not the files: loading one rebuilds the
//! index without analysing again, so a big corpus is processed once and shared.
//! Places are stored by gazetteer key ("geonames:1526384"), never by table position,
//! so a snapshot stays valid when the gazetteer changes (an unknown key is unlinked).

use std::collections::HashMap;

use crate::engine::explore::{context_bounds, precision_word, DocSet};
use crate::engine::index::corpus::{Corpus, Edit};
use crate::engine::index::report::FileReport;
use crate::engine::ingest::formats::pdf::PageBreaks;
use crate::engine::recognize::lexicon::{lexicon, PlaceIdx};
use crate::engine::tooling::offsets::CharOffsets;
use crate::engine::Document;

/// What a snapshot file says it is.
pub const SNAPSHOT_FORMAT: &str = "dossier-snapshot";
pub const SNAPSHOT_VERSION: u32 = 1;

/// A corpus as data: files, analysed documents and the user's links and edits.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub version: u32,
    pub files: Vec<FileReport>,
    /// Content hash and file name of each file loaded, so duplicates are still noted.
    pub content_hashes: Vec<(String, String)>,
    /// Gazetteer keys of the places mentions link to; in `documents`, a mention's
    /// `place` is a position in this table.
    pub places: Vec<String>,
    pub documents: Vec<Document>,
    /// The user's readings of place names (name as written, place key or none).
    pub confirmed_links: Vec<(String, Option<String>)>,
    pub edits: Vec<Edit>,
}

impl Snapshot {
    /// The snapshot of a corpus.
    pub fn of(corpus: &Corpus) -> Snapshot {
        let lex = lexicon();
        let mut table: Vec<String> = Vec::new();
        let mut position: HashMap<PlaceIdx, PlaceIdx> = HashMap::new();
        let mut to_table = |p: PlaceIdx| -> PlaceIdx {
            *position.entry(p).or_insert_with(|| {
                table.push(lex.place(p).key());
                (table.len() - 1) as PlaceIdx
            })
        };
        let documents = corpus
            .documents()
            .iter()
            .map(|d| {
                let mut d = d.clone();
                for m in &mut d.entities {
                    m.place = m.place.map(&mut to_table);
                }
                d
            })
            .collect();
        let confirmed_links = corpus
            .confirmed_links()
            .into_iter()
            .map(|(name, p)| (name, p.map(|p| lex.place(p).key())))
            .collect();
        Snapshot {
            format: SNAPSHOT_FORMAT.to_string(),
            version: SNAPSHOT_VERSION,
            files: corpus.files().to_vec(),
            content_hashes: corpus.content_hashes(),
            places: table,
            documents,
            confirmed_links,
            edits: corpus.edits().to_vec(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether a text looks like a snapshot (its format is named first), before
    /// parsing it whole: dropped JSON files are either snapshots or documents.
    pub fn looks_like(text: &str) -> bool {
        let head = text.get(..400).unwrap_or(text);
        head.contains(&format!("\"{SNAPSHOT_FORMAT}\""))
    }

    /// Reads a snapshot; the error says why a file is not one.
    pub fn from_json(text: &str) -> Result<Snapshot, String> {
        #[derive(serde::Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let header: Header =
            serde_json::from_str(text).map_err(|_| "is not a Dossier snapshot".to_string())?;
        if header.format.as_deref() != Some(SNAPSHOT_FORMAT) {
            return Err("is not a Dossier snapshot".to_string());
        }
        match header.version {
            Some(v) if v <= SNAPSHOT_VERSION => {}
            _ => return Err("is a snapshot from a newer Dossier".to_string()),
        }
        serde_json::from_str(text).map_err(|e| format!("is a damaged snapshot ({e})"))
    }

    /// The corpus it holds. Mentions must lie inside their text: a damaged or
    /// hand-made snapshot loses those mentions, never the document.
    pub fn into_corpus(self) -> Corpus {
        let lex = lexicon();
        let by_key: HashMap<&str, PlaceIdx> = self
            .places
            .iter()
            .filter_map(|k| lex.place_by_key(k).map(|p| (k.as_str(), p)))
            .collect();
        let resolve = |position: PlaceIdx| -> Option<PlaceIdx> {
            let key = self.places.get(position as usize)?;
            by_key.get(key.as_str()).copied()
        };
        let documents = self
            .documents
            .iter()
            .cloned()
            .map(|d| checked_document(d, resolve))
            .collect();
        let links = self
            .confirmed_links
            .into_iter()
            .map(|(name, key)| {
                let place = key.and_then(|k| lex.place_by_key(&k));
                (name, place)
            })
            .collect();
        Corpus::restore(
            self.files,
            self.content_hashes.into_iter().collect(),
            links,
            self.edits,
            documents,
        )
    }
}

/// A document read back from storage: mentions outside its text are dropped (a
/// damaged or hand-made file loses them, never the document) and place positions
/// become the gazetteer's places through `resolve`.
pub(crate) fn checked_document(
    mut d: Document,
    resolve: impl Fn(PlaceIdx) -> Option<PlaceIdx>,
) -> Document {
    let text = &d.text;
    let inside = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    d.entities.retain(|m| inside(m.start, m.end));
    d.dates.retain(|m| inside(m.start, m.end));
    for m in &mut d.entities {
        m.place = m.place.and_then(&resolve);
    }
    d
}

/// One CSV field: quoted when it must be, and a leading = + - @ neutralised so
/// that a spreadsheet never runs a document's text as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub(crate) fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = row.iter().map(|v| field(v)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn country_of(corpus: &Corpus, entity: usize) -> String {
    let lex = lexicon();
    corpus.entities()[entity]
        .country
        .map(|iso| {
            lex.country(iso)
                .map_or(iso.to_string(), |c| format!("{iso} {}", c.name))
        })
        .unwrap_or_default()
}

/// Entities mentioned in the documents of `set`: id, name, type, aliases, documents
/// and mentions there, country for places and nationalities, gazetteer key.
pub fn entities_csv(corpus: &Corpus, set: &DocSet) -> String {
    let mut documents = vec![0usize; corpus.entities().len()];
    let mut mentions = vec![0usize; corpus.entities().len()];
    for d in 0..corpus.documents().len() {
        let ids = corpus.mention_entities(d);
        if !set.contains(d) {
            continue;
        }
        let mut seen: Vec<usize> = Vec::new();
        for &e in ids {
            mentions[e] += 1;
            if !seen.contains(&e) {
                seen.push(e);
                documents[e] += 1;
            }
        }
    }
    let lex = lexicon();
    let mut order: Vec<usize> = (0..corpus.entities().len())
        .filter(|&e| documents[e] > 0 && !corpus.entities()[e].hidden)
        .collect();
    order.sort_by(|&a, &b| {
        documents[b]
            .cmp(&documents[a])
            .then_with(|| corpus.entities()[a].name.cmp(&corpus.entities()[b].name))
    });
    csv(
        &[
            "id",
            "name",
            "type",
            "aliases",
            "documents",
            "mentions",
            "country",
            "place",
        ],
        order.into_iter().map(|e| {
            let entity = &corpus.entities()[e];
            vec![
                entity.id.clone(),
                entity.name.clone(),
                entity.kind.code().to_string(),
                entity.aliases.join("; "),
                documents[e].to_string(),
                mentions[e].to_string(),
                country_of(corpus, e),
                entity.place.map(|p| lex.place(p).key()).unwrap_or_default(),
            ]
        }),
    )
}

/// A one-line neighbourhood of a span: `width` characters each side.
fn context(text: &str, start: usize, end: usize, width: usize) -> String {
    let (left, right) = context_bounds(text, start, end, width);
    text[left..right]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const CONTEXT_CHARS: usize = 60;

/// Rows for each document of `set`, in corpus order: `rows` gets the document's
/// index, the document and its character offsets, and each row starts with the
/// document's file, part and title.
fn document_rows<'a>(
    corpus: &'a Corpus,
    set: &'a DocSet,
    rows: impl Fn(usize, &'a Document, &CharOffsets) -> Vec<Vec<String>> + 'a,
) -> impl Iterator<Item = Vec<String>> + 'a {
    corpus
        .documents()
        .iter()
        .enumerate()
        .filter(|(d, _)| set.contains(*d))
        .flat_map(move |(d, doc)| {
            let offsets = CharOffsets::new(&doc.text);
            rows(d, doc, &offsets).into_iter().map(move |row| {
                let mut full = vec![doc.source.clone(), doc.part.to_string(), doc.title.clone()];
                full.extend(row);
                full
            })
        })
}

/// The page a mention starts on, in a document with pages (a PDF's); else empty.
fn page_of(pages: &PageBreaks, offset: usize) -> String {
    if pages.is_empty() {
        String::new()
    } else {
        pages.page_at(offset).to_string()
    }
}

/// Entity mentions in the documents of `set`: document, offsets (in characters of
/// the document text), page (a PDF's), text, type, entity, and the words around it.
pub fn mentions_csv(corpus: &Corpus, set: &DocSet) -> String {
    let rows = document_rows(corpus, set, |d, doc, offsets| {
        let pages = PageBreaks::of(&doc.text);
        doc.entities
            .iter()
            .zip(corpus.mention_entities(d))
            .filter(|(_, &e)| !corpus.entities()[e].hidden)
            .map(|(m, &e)| {
                let entity = &corpus.entities()[e];
                vec![
                    offsets.to_char(m.start).to_string(),
                    offsets.to_char(m.end).to_string(),
                    page_of(&pages, m.start),
                    doc.text[m.start..m.end].to_string(),
                    m.kind.code().to_string(),
                    entity.id.clone(),
                    entity.name.clone(),
                    context(&doc.text, m.start, m.end, CONTEXT_CHARS),
                ]
            })
            .collect()
    });
    csv(
        &[
            "file",
            "part",
            "title",
            "start",
            "end",
            "page",
            "text",
            "type",
            "entity_id",
            "entity",
            "context",
        ],
        rows,
    )
}

/// Date mentions in the documents of `set`: document, offsets, page, text, first and
/// last day, precision, how the date was anchored, value, whether its day-month
/// order is uncertain.
pub fn dates_csv(corpus: &Corpus, set: &DocSet) -> String {
    let rows = document_rows(corpus, set, |_, doc, offsets| {
        let pages = PageBreaks::of(&doc.text);
        doc.dates
            .iter()
            .map(|m| {
                let (first, last) = m
                    .interval
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .unwrap_or_default();
                vec![
                    offsets.to_char(m.start).to_string(),
                    offsets.to_char(m.end).to_string(),
                    page_of(&pages, m.start),
                    doc.text[m.start..m.end].to_string(),
                    first,
                    last,
                    precision_word(m.precision).to_string(),
                    serde_json::to_value(m.anchoring)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    m.value.clone(),
                    m.ambiguous.to_string(),
                ]
            })
            .collect()
    });
    csv(
        &[
            "file",
            "part",
            "title",
            "start",
            "end",
            "page",
            "text",
            "first",
            "last",
            "precision",
            "anchoring",
            "value",
            "ambiguous",
        ],
        rows,
    )
}

/// Set-ups shared by the tests of the corpus's saved forms (snapshot, kept corpus).
#[cfg(test)]
pub(crate) mod test_support {
    use crate::engine::Corpus;

    /// The user's choice that "Georgia" means the US state: a link both forms must keep.
    pub fn link_georgia_to_the_us_state(c: &mut Corpus) {
        let georgia = c
            .entities()
            .iter()
            .position(|e| e.name == "Georgia")
            .expect("the corpus names Georgia");
        let state = c
            .link_choices(georgia)
            .into_iter()
            .find(|ch| ch.label.contains("United States"))
            .expect("Georgia, United States is a choice");
        c.relink(georgia, state.place);
    }

    /// The id of the entity named `name`.
    pub fn entity_id(c: &Corpus, name: &str) -> String {
        c.entities()
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity named {name}"))
            .id
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{entity_id, link_georgia_to_the_us_state};
    use super::*;
    use crate::engine::AnalysisOptions;

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (name, text) in [
            ("a.txt", "Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024. \"Peace, at last\", she said.\n"),
            ("b.txt", "Georgia note\n\nA. Petrova spoke in Georgia on June 3, 2024 about the border with Armenia.\n"),
            ("c.txt", "Données\n\nÉlodie Martin est arrivée à Paris le 3 mai 2024. =SUM(A1) was typed by David Miller.\n"),
        ] {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c.add_file(
            "a copy.txt",
            c.documents()[0].text.clone().as_bytes(),
            &AnalysisOptions::default(),
        );
        c
    }

    #[test]
    fn a_snapshot_loads_back_as_the_same_corpus() {
        let mut c = corpus();
        // The user's links and edits travel with the snapshot.
        link_georgia_to_the_us_state(&mut c);
        let (short, full) = (entity_id(&c, "A. Petrova"), entity_id(&c, "Anna Petrova"));
        c.edit(Edit::Merge {
            from: short,
            into: full.clone(),
            name: "Anna Petrova".into(),
        })
        .unwrap();
        c.edit(Edit::Rename {
            id: full,
            name: "Anna V. Petrova".into(),
        })
        .unwrap();

        let json = Snapshot::of(&c).to_json();
        assert!(Snapshot::looks_like(&json) && !Snapshot::looks_like("[{\"text\": \"x\"}]"));
        let back = Snapshot::from_json(&json).unwrap().into_corpus();
        assert_eq!(
            Snapshot::of(&back).to_json(),
            json,
            "exported again, byte for byte"
        );
        // Every entity as one line: id, name, mentions, documents, hidden, country.
        let summary = |c: &Corpus| {
            let mut v: Vec<String> = c
                .entities()
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {} {:?} {} {:?}",
                        e.id, e.name, e.n_mentions, e.documents, e.hidden, e.country
                    )
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(summary(&back), summary(&c));
        assert_eq!(back.files(), c.files());
        assert_eq!(back.edits(), c.edits());
        // A file added after loading a snapshot is still recognised as a duplicate.
        let mut back = back;
        let again = back
            .add_file(
                "again.txt",
                corpus().documents()[0].text.as_bytes(),
                &AnalysisOptions::default(),
            )
            .clone();
        assert!(again.duplicate_of.is_some(), "{again:?}");
    }

    #[test]
    fn what_is_not_a_snapshot_says_so() {
        let cases = [
            ("not JSON", "hello", "is not a Dossier snapshot"),
            ("other JSON", "{\"a\": 1}", "is not a Dossier snapshot"),
            ("a list", "[1, 2]", "is not a Dossier snapshot"),
            (
                "newer",
                "{\"format\": \"dossier-snapshot\", \"version\": 99}",
                "is a snapshot from a newer Dossier",
            ),
            (
                "damaged",
                "{\"format\": \"dossier-snapshot\", \"version\": 1, \"files\": 3}",
                "is a damaged snapshot",
            ),
        ];
        for (name, text, expected) in cases {
            let error = Snapshot::from_json(text).unwrap_err();
            assert!(error.starts_with(expected), "{name}: {error}");
        }
    }

    #[test]
    fn mentions_outside_their_text_are_dropped_not_trusted() {
        let c = corpus();
        let mut snapshot = Snapshot::of(&c);
        let n = snapshot.documents[0].entities.len();
        snapshot.documents[0].entities[0].end = 10_000;
        snapshot.documents[0].dates[0].start = 10_001;
        let back = snapshot.into_corpus();
        assert_eq!(back.documents()[0].entities.len(), n - 1);
        assert!(back
            .documents()
            .iter()
            .all(|d| d.entities.iter().all(|m| m.end <= d.text.len())));
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        let cases = [
            ("plain", "Almaty", "Almaty"),
            ("comma", "Peace, at last", "\"Peace, at last\""),
            ("quote", "a \"b\"", "\"a \"\"b\"\"\""),
            ("newline", "a\nb", "\"a\nb\""),
            ("formula", "=SUM(A1)", "'=SUM(A1)"),
            ("plus", "+1", "'+1"),
            ("at", "@x", "'@x"),
            ("accents", "Élodie", "Élodie"),
        ];
        for (name, value, expected) in cases {
            assert_eq!(field(value), expected, "{name}");
        }
    }

    #[test]
    fn csv_exports_cover_the_chosen_documents() {
        let c = corpus();
        let all = DocSet::all(c.documents().len());
        let mut only_first = DocSet::none(c.documents().len());
        only_first.insert(0);
        let entities = entities_csv(&c, &all);
        assert!(entities.starts_with("id,name,type,aliases,documents,mentions,country,place\r\n"));
        assert!(entities.contains(",Kazakhstan,LOC,"), "{entities}");
        assert!(entities.contains("KZ Kazakhstan,geonames:"), "{entities}");
        assert!(!entities_csv(&c, &only_first).contains("Armenia"));
        let mentions = mentions_csv(&c, &all);
        // Offsets are in characters of the document text.
        let line = mentions.lines().find(|l| l.contains(",Paris,")).unwrap();
        let doc = c
            .documents()
            .iter()
            .find(|d| d.text.contains("Élodie"))
            .unwrap();
        let start = doc.text[..doc.text.find("Paris").unwrap()].chars().count();
        assert!(
            line.contains(&format!(",{start},{},,Paris,LOC,", start + 5)),
            "{line}"
        );
        assert!(
            !mentions.contains(",=") && !mentions.contains("\n="),
            "no field starts a formula"
        );
        // A PDF's pages: each mention's page, and none for a document without pages.
        let mut paged = Corpus::new();
        paged.add_document(
            crate::engine::analyze_text(
                "report.pdf",
                "Cover page\n\u{c}\nTalks opened in Almaty on 10 May 2024.",
                &Default::default(),
            )
            .remove(0),
        );
        let paged_set = DocSet::all(1);
        assert!(mentions_csv(&paged, &paged_set).contains(",2,Almaty,LOC,"));
        assert!(dates_csv(&paged, &paged_set).contains(",2,10 May 2024,"));
        let dates = dates_csv(&c, &all);
        assert!(
            dates.contains(",May 10, 2024\",2024-05-10,2024-05-10,day,explicit,2024-05-10,false")
                || dates.contains(
                    "\"May 10, 2024\",2024-05-10,2024-05-10,day,explicit,2024-05-10,false"
                ),
            "{dates}"
        );
        assert_eq!(
            dates_csv(&c, &DocSet::none(c.documents().len()))
                .lines()
                .count(),
            1,
            "only the header"
        );
    }
}
