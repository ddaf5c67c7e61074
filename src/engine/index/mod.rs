//! Stage 3, mentions to the corpus index: entities grouped across documents, the user's edits, dates as day numbers.

pub mod analysed;
pub mod corpus;
pub mod days;
pub mod grouping;
pub mod near_duplicates;
pub mod report;
