//! Stage 2, documents to mentions: tokens, the closed word lists and the gazetteer they read, and the entity and date recognisers.

pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod namelike;
pub(crate) mod place_words;
pub(crate) mod sports_words;
pub mod token;
pub(crate) mod words;
