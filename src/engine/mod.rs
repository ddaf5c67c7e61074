//! The pure analysis engine: bytes → documents → mentions → corpus index. No web dependencies.
//!
//! Analysing text never fails: it returns results plus diagnostics. Only
//! whole-file problems (binary, unsupported, empty, too large) are errors, and
//! they are reported per file while the other files go on.

pub mod error;
pub mod explore;
pub mod index;
pub mod ingest;
pub mod io;
pub mod pack;
pub mod recognize;
pub mod tooling;

pub use error::{FileError, Warning};
pub use index::analysed::AnalysedFile;
pub use index::corpus::{Corpus, Edit, EditError, Entity, Highlight, Mark};
pub use index::report::FileReport;
pub use ingest::split::SplitOptions;
pub use jiff::civil::Date;
pub use recognize::dates::{Anchoring, DateMention, DocumentDate, NumericOrder, Precision};
pub use recognize::entities::{EntityMention, EntityType};

/// Settings that change how files are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnalysisOptions {
    pub split: SplitOptions,
    pub numeric_order: NumericOrder,
    /// The column of a CSV or TSV file that holds the text, chosen by the user
    /// (0-based); `None` finds it by name, else takes the longest.
    #[serde(default)]
    pub text_column: Option<usize>,
}

/// One analysed document: an article of a file, its text and what was found in it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The file it came from.
    pub source: String,
    /// Its position among the articles of that file (0-based).
    pub part: usize,
    pub title: String,
    pub text: String,
    pub date: Option<DocumentDate>,
    pub entities: Vec<EntityMention>,
    pub dates: Vec<DateMention>,
}

/// Analyses one document's text. `metadata_date` is a document date known from
/// outside the text; `fallback_year` the year of the previous document of the same file.
pub fn analyze_document(
    source: &str,
    part: usize,
    title: String,
    text: String,
    metadata_date: Option<Date>,
    fallback_year: Option<i16>,
    options: &AnalysisOptions,
) -> Document {
    let context = recognize::dates::DateContext {
        metadata_date,
        fallback_year,
        order: options.numeric_order,
        ..Default::default()
    };
    analyze_in_context(source, part, title, text, context)
}

fn analyze_in_context(
    source: &str,
    part: usize,
    title: String,
    text: String,
    context: recognize::dates::DateContext,
) -> Document {
    let tokens = recognize::token::tokenize(&text);
    let entities = recognize::entities::recognize(&text, &tokens);
    let (mut dates, date) = recognize::dates::recognize(&text, &tokens, context);
    recognize::drop_dates_inside_names(&mut dates, &entities);
    Document {
        source: source.to_string(),
        part,
        title,
        text,
        date,
        entities,
        dates,
    }
}

/// What a file's own properties say of it (an office file's Title and creation
/// date): the weakest word on a title or a date, taken only where the text gives none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileProperties {
    pub title: Option<String>,
    pub date: Option<Date>,
}

/// Splits a file's text into articles and analyses each; later articles take
/// their year from earlier ones when they have none.
pub fn analyze_text(source: &str, text: &str, options: &AnalysisOptions) -> Vec<Document> {
    analyze_text_with(source, text, &FileProperties::default(), options)
}

/// [`analyze_text`] for a file whose properties give a title or a date.
pub fn analyze_text_with(
    source: &str,
    text: &str,
    properties: &FileProperties,
    options: &AnalysisOptions,
) -> Vec<Document> {
    let articles = ingest::split::split_articles(text, options.split);
    // Front matter or an e-mail Date header dates every article of the file.
    let metadata_date = recognize::dates::metadata_date(text);
    let mut documents: Vec<Document> = Vec::with_capacity(articles.len());
    for (part, article) in articles.into_iter().enumerate() {
        let fallback_year = documents.last().and_then(|d: &Document| {
            d.date.map(|dd| dd.date.year()).or_else(|| {
                d.dates
                    .iter()
                    .rev()
                    .find_map(|m| m.interval.map(|(a, _)| a.year()))
            })
        });
        let title = article
            .title
            .or_else(|| properties.title.clone())
            .unwrap_or_else(|| source.to_string());
        let body = text[article.start..article.end].to_string();
        let context = recognize::dates::DateContext {
            metadata_date,
            // An earlier article's year says more of this one than when the file was saved.
            properties_date: properties.date.filter(|_| fallback_year.is_none()),
            fallback_year,
            order: options.numeric_order,
        };
        documents.push(analyze_in_context(source, part, title, body, context));
    }
    documents
}

/// Decodes and analyses one file. On a whole-file error, returns no documents.
pub fn analyze_file(
    name: &str,
    bytes: &[u8],
    options: &AnalysisOptions,
) -> Result<(Vec<Document>, Vec<Warning>), FileError> {
    let extension = ingest::decode::extension(name);
    if ingest::formats::pdf::is_pdf(name, bytes) {
        ingest::decode::check_size(name, bytes)?;
        // The page's bundle leaves the PDF reader out (it is most of a megabyte):
        // its workers hand PDFs to the reader module and call `analyze_pdf`.
        #[cfg(not(target_arch = "wasm32"))]
        return analyze_pdf(name, ingest::formats::pdf::read_pdf(bytes), options);
        #[cfg(target_arch = "wasm32")]
        return Err(FileError::Unreadable {
            reason: "PDFs are read in a worker, and this browser could not start one".into(),
        });
    }
    if ingest::formats::office::OFFICE_EXTENSIONS.contains(&extension.as_str()) {
        ingest::decode::check_size(name, bytes)?;
        let office = ingest::formats::office::office(&extension, bytes)?;
        let properties = FileProperties {
            title: office.title,
            date: office.date,
        };
        let documents = analyze_text_with(name, &office.text, &properties, options);
        return Ok((documents, Vec::new()));
    }
    let decoded = ingest::decode::decode(name, bytes)?;
    let mut warnings = decoded.warnings;
    let documents = match ingest::formats::read(
        &extension,
        decoded.text,
        options.text_column,
        &mut warnings,
    )? {
        ingest::formats::Layout::Text(text) => analyze_text(name, &text, options),
        ingest::formats::Layout::Records(records) => analyze_records(name, records, options),
    };
    Ok((documents, warnings))
}

/// Analyses what the PDF reader made of a file: one document per file (a report is
/// one document however many articles it holds), its pages separated by
/// [`ingest::formats::pdf::PAGE_BREAK`]; the Title and CreationDate properties are
/// the weakest word on its title and date, as an office file's are.
pub fn analyze_pdf(
    name: &str,
    read: Result<ingest::formats::pdf::PdfText, FileError>,
    options: &AnalysisOptions,
) -> Result<(Vec<Document>, Vec<Warning>), FileError> {
    let pdf = read?;
    let properties = FileProperties {
        title: pdf.title.clone(),
        date: pdf.date,
    };
    let whole = AnalysisOptions {
        split: ingest::split::SplitOptions {
            split_articles: false,
        },
        ..*options
    };
    Ok((
        analyze_text_with(name, &pdf.text(), &properties, &whole),
        Vec::new(),
    ))
}

/// Analyses the documents a structured file delimits (rows, objects, a page, a
/// message); each keeps its title and date, later ones take the year of earlier ones.
pub fn analyze_records(
    source: &str,
    records: Vec<ingest::formats::Record>,
    options: &AnalysisOptions,
) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::with_capacity(records.len());
    for (part, record) in records.into_iter().enumerate() {
        let fallback_year = documents
            .last()
            .and_then(|d| d.date.map(|dd| dd.date.year()));
        let title = record.title.unwrap_or_else(|| {
            // Untitled rows: the first words of the text.
            let words: Vec<&str> = record.text.split_whitespace().take(8).collect();
            if words.is_empty() {
                source.to_string()
            } else {
                words.join(" ")
            }
        });
        documents.push(analyze_document(
            source,
            part,
            title,
            record.text,
            record.date,
            fallback_year,
            options,
        ));
    }
    documents
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine must stay free of web crates so that it builds natively and powers the CLI.
    #[test]
    fn engine_imports_nothing_web() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
        let mut stack = vec![dir];
        let mut n_files = 0;
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                n_files += 1;
                for forbidden in ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"] {
                    let used = source.lines().any(|l| {
                        let l = l.trim_start();
                        (l.starts_with("use ") || l.contains("::"))
                            && l.contains(&format!("{forbidden}::"))
                    });
                    assert!(!used, "{} uses {forbidden}", path.display());
                }
            }
        }
        assert!(n_files >= 8);
    }

    #[test]
    fn the_seed_file_gives_two_documents_with_their_people_places_and_dates() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/almaty-talks.txt");
        let text = std::fs::read_to_string(&path)
            .expect("../shared/samples/almaty-talks.txt beside the project");
        let docs = analyze_text("almaty-talks.txt", &text, &AnalysisOptions::default());
        assert_eq!(docs.len(), 2);
        let names = |d: &Document, kind: EntityType| -> Vec<String> {
            d.entities
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| d.text[m.start..m.end].to_string())
                .collect()
        };
        let people: Vec<String> = docs
            .iter()
            .flat_map(|d| names(d, EntityType::Person))
            .collect();
        for person in [
            "Jeyhun Bayramov",
            "Ararat Mirzoyan",
            "Murat Nurtleu",
            "Vedant Patel",
        ] {
            assert!(
                people.iter().any(|p| p == person),
                "{person} missing from {people:?}"
            );
        }
        assert!(names(&docs[0], EntityType::Place)
            .iter()
            .any(|p| p == "Almaty"));
        let values: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.dates.iter().map(|m| m.value.as_str()))
            .collect();
        for value in ["2024-05-10", "2024-04-19", "1991", "2024-05-13"] {
            assert!(values.contains(&value), "{value} missing from {values:?}");
        }
        let may = docs[0]
            .dates
            .iter()
            .find(|m| m.value == "2024-05-10")
            .unwrap();
        assert_eq!(may.interval.unwrap().1, Date::new(2024, 5, 11).unwrap());
    }
}
