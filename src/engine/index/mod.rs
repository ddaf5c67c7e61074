//! Stage 3, mentions to the corpus index: entities grouped across documents, the user's edits, dates as day numbers.

pub mod corpus;
pub mod days;
