//! One file decoded and analysed but not yet indexed: what a worker posts to the page, and the content hash that notes duplicates.

use crate::engine::error::{FileError, Warning};
use crate::engine::index::near_duplicates::Signature;
use crate::engine::{analyze_file, AnalysisOptions, Document};

/// One file decoded and analysed, not yet indexed: what a worker sends back.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct AnalysedFile {
    pub name: String,
    pub size: usize,
    /// [`content_hash`] of the bytes, to note duplicates.
    pub content_hash: String,
    /// The documents and warnings, or why the file could not be read.
    pub outcome: Result<(Vec<Document>, Vec<Warning>), FileError>,
    /// Each document's near-duplicate signature, made where the file was analysed
    /// (a worker, in the page) so that indexing does not; empty when not made.
    pub signatures: Vec<Signature>,
}

impl AnalysedFile {
    /// Decodes and analyses one file (the pure half of [`Corpus::add_file`]), with
    /// each document's near-duplicate signature.
    pub fn analyse(name: &str, bytes: &[u8], options: &AnalysisOptions) -> AnalysedFile {
        Self::analyse_unsigned(name, bytes, options).signed()
    }

    /// [`AnalysedFile::analyse`] without signatures, for a corpus that does not group
    /// near-duplicates ([`Corpus::without_near_duplicates`]): a sixth of analysing.
    pub fn analyse_unsigned(name: &str, bytes: &[u8], options: &AnalysisOptions) -> AnalysedFile {
        Self::analyse_hashed(name, bytes, content_hash(bytes), options)
    }

    /// [`AnalysedFile::analyse_unsigned`] with the hash that finds exact duplicates
    /// given: a build that keeps no hashes may use a faster one than
    /// [`content_hash`], which kept corpora store; every file of one corpus must
    /// be hashed alike.
    pub fn analyse_hashed(
        name: &str,
        bytes: &[u8],
        content_hash: String,
        options: &AnalysisOptions,
    ) -> AnalysedFile {
        AnalysedFile {
            name: name.to_string(),
            size: bytes.len(),
            content_hash,
            outcome: analyze_file(name, bytes, options),
            signatures: Vec::new(),
        }
    }

    /// A file not analysed, and why (too large to read, unreadable).
    pub fn refused(name: &str, size: usize, error: FileError) -> AnalysedFile {
        AnalysedFile {
            name: name.to_string(),
            size,
            content_hash: String::new(),
            outcome: Err(error),
            signatures: Vec::new(),
        }
    }

    /// With each document's near-duplicate signature.
    pub fn signed(mut self) -> AnalysedFile {
        if let Ok((documents, _)) = &self.outcome {
            self.signatures = documents.iter().map(|d| Signature::of(&d.text)).collect();
        }
        self
    }

    /// The compact form a worker posts to the page: serde's data model in postcard's
    /// bytes, several times quicker to read back than JSON (texts stay UTF-8).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// Reads [`AnalysedFile::to_bytes`] back; bytes that do not decode (never from our
    /// own worker) come back as an unreadable file named `fallback_name`.
    pub fn from_bytes(bytes: &[u8], fallback_name: &str) -> AnalysedFile {
        postcard::from_bytes(bytes).unwrap_or_else(|e| AnalysedFile {
            name: fallback_name.to_string(),
            size: 0,
            content_hash: String::new(),
            outcome: Err(FileError::Unreadable {
                reason: format!("its analysis could not be read back ({e})"),
            }),
            signatures: Vec::new(),
        })
    }
}

/// A file's identity for duplicate detection: FNV-1a of its bytes, in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

/// FNV-1a, 64 bit: a small stable hash for ids and duplicate detection.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continued(FNV1A_START, bytes)
}

/// FNV-1a's hash before any byte: with [`fnv1a_continued`], a hash of pieces
/// equals [`fnv1a`] of their concatenation, without building it.
pub const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;

/// `hash` (of the bytes so far) continued over `bytes`.
pub fn fnv1a_continued(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &b| {
        (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
