//! The explorer's state: what the user chose (values included or left out, a date range, a search, the open document).
//!
//! Index-free: a [`ViewState`] names entities by their stable ids and documents by
//! file and position, so that a state survives a re-index, a reload and a copied link.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::engine::explore::places::PlaceFilter;
use crate::engine::recognize::entities::EntityType;

/// One value a user can include or exclude: an entity, or a country or region of the place list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// An entity by its stable id.
    Entity(String),
    Place(PlaceFilter),
}

/// A document by the file it came from and its position among that file's articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRef {
    pub source: String,
    pub part: usize,
}

/// Everything that decides what the explorer shows; it round-trips through the URL fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Included values, in the order chosen. Values of different facets combine with AND;
    /// within one facet with AND too, unless the facet is in `any_of`.
    pub include: Vec<Value>,
    /// Facets whose included values combine with OR.
    pub any_of: BTreeSet<EntityType>,
    /// Documents mentioning any of these are left out.
    pub exclude: Vec<Value>,
    /// Documents with a date mention overlapping these days (inclusive).
    pub range: Option<(Date, Date)>,
    /// Full-text search: every term must occur (a term starts a word; "quoted phrases" stay whole).
    pub search: String,
    /// The document open in the reader.
    pub open: Option<DocRef>,
    /// The timeline's zoom: the days of each level zoomed into, innermost last. A way
    /// of looking, not a filter: it selects nothing and survives "Clear all".
    pub zoom: Vec<(Date, Date)>,
    /// Counts take each group of near-duplicates once (a story republished ten
    /// times counts one document). A way of counting, kept by "Clear all".
    pub once: bool,
    /// The centre column shows the network of who appears with whom instead of
    /// the document list. A way of looking, kept by "Clear all".
    pub network: bool,
}

impl ViewState {
    /// Includes a value, or removes it if it is already included (or excluded).
    pub fn toggle_include(&mut self, value: Value) {
        if let Some(pos) = self.include.iter().position(|v| *v == value) {
            self.include.remove(pos);
        } else {
            self.exclude.retain(|v| *v != value);
            self.include.push(value);
        }
    }

    /// Excludes a value, or removes the exclusion.
    pub fn toggle_exclude(&mut self, value: Value) {
        if let Some(pos) = self.exclude.iter().position(|v| *v == value) {
            self.exclude.remove(pos);
        } else {
            self.include.retain(|v| *v != value);
            self.exclude.push(value);
        }
    }

    /// Switches a facet between "all of" (AND) and "any of" (OR).
    pub fn toggle_any_of(&mut self, facet: EntityType) {
        if !self.any_of.remove(&facet) {
            self.any_of.insert(facet);
        }
    }

    /// Whether any filter narrows the documents.
    pub fn is_filtered(&self) -> bool {
        !self.include.is_empty()
            || !self.exclude.is_empty()
            || self.range.is_some()
            || !self.search.trim().is_empty()
    }

    /// Removes every filter; the open document stays open, the timeline zoomed.
    pub fn clear_filters(&mut self) {
        let open = self.open.take();
        let zoom = std::mem::take(&mut self.zoom);
        *self = ViewState {
            open,
            zoom,
            once: self.once,
            network: self.network,
            ..ViewState::default()
        };
    }
}
