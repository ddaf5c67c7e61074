//! Stage 1, bytes to documents: decoding, the file formats, and splitting files that hold several articles.

pub mod decode;
pub mod formats;
pub mod split;
