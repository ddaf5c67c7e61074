//! Stage 4, the index to views: the explorer's state, filters, counts, search, timeline and place list.
//!
//! Everything the UI shows is computed here and tested natively; the UI only renders.

pub mod docset;
pub mod duplicates;
pub mod evaluation;
pub mod facets;
pub mod fragment;
pub mod labels;
pub mod network;
pub mod places;
pub mod search;
pub mod state;
pub mod timeline;

pub use docset::{date_order, in_order, DocSet};
pub use duplicates::{compare, once_per_group, one_per_group, Change, Listed};
pub use evaluation::Evaluation;
pub use facets::{appears_with, facet_counts, CoOccurrence, FacetCount};
pub use fragment::{from_fragment, to_fragment};
pub use labels::{
    document_ref, facet_of, find_document, precision_word, value_documents, value_label,
};
pub use network::{network, shared_documents, Network, NetworkEdge, NetworkNode};
pub use search::{context_bounds, keyword_in_context, search_terms, KeywordInContext, SearchHits};
pub use state::{DocRef, Value, ViewState};
pub use timeline::{
    bin_label, granularity_for, timeline, timeline_axis, Bin, Granularity, Timeline,
};

#[cfg(test)]
pub(crate) mod tests;
