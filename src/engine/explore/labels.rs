//! Values and documents named by stable keys, resolved against a corpus: facets, labels, document sets and references.

use crate::engine::explore::places::PlaceFilter;
use crate::engine::explore::state::{DocRef, Value};
use crate::engine::index::corpus::Corpus;
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::Precision;

/// The facet a value belongs to: its entity's type; countries and regions are places.
pub fn facet_of(corpus: &Corpus, value: &Value) -> Option<EntityType> {
    match value {
        Value::Entity(id) => corpus.entity_by_id(id).map(|i| corpus.entities()[i].kind),
        Value::Place(_) => Some(EntityType::Place),
    }
}

/// What a value shows as, in chips and headings.
pub fn value_label(corpus: &Corpus, value: &Value) -> String {
    let lex = lexicon();
    match value {
        Value::Entity(id) => corpus.entity_by_id(id).map_or_else(
            || "(gone)".to_string(),
            |i| corpus.entities()[i].name.clone(),
        ),
        Value::Place(PlaceFilter::Country(iso)) => lex
            .country(iso)
            .map_or(iso.to_string(), |p| p.name.to_string()),
        Value::Place(PlaceFilter::Region(iso, admin1)) => lex
            .region(iso, admin1)
            .map_or(admin1.to_string(), |p| p.name.to_string()),
    }
}

/// The documents a value selects, ascending.
pub fn value_documents(corpus: &Corpus, value: &Value) -> Vec<usize> {
    match value {
        Value::Entity(id) => corpus
            .entity_by_id(id)
            .map(|i| corpus.entities()[i].documents.clone())
            .unwrap_or_default(),
        Value::Place(p) => crate::engine::explore::places::filter_documents(corpus, p),
    }
}

/// The index of the document a reference names, if it is loaded.
pub fn find_document(corpus: &Corpus, doc: &DocRef) -> Option<usize> {
    corpus
        .documents()
        .iter()
        .position(|d| d.source == doc.source && d.part == doc.part)
}

/// The reference of a loaded document.
pub fn document_ref(corpus: &Corpus, d: usize) -> Option<DocRef> {
    corpus.documents().get(d).map(|doc| DocRef {
        source: doc.source.clone(),
        part: doc.part,
    })
}

/// How finely a mention is known, as a word for tooltips.
pub fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Season => "season",
        Precision::Half => "half-year",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Vague => "vague",
    }
}
