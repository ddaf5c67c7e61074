//! Stage 4, the index to views: the explorer's state, filters, counts, search, timeline and place list.

pub mod places;
pub mod view;
