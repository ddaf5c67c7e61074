//! What can go wrong with a whole file: the one error the engine returns, shown to the user per file.
//!
//! Analysing text never fails; only a file that cannot be read at all is an error,
//! and the other files of a load go on.

use std::borrow::Cow;
use std::fmt;

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileError {
    /// A known binary format, named ("PDF document", "ZIP archive").
    Binary {
        format: Cow<'static, str>,
    },
    /// Not a format Dossier reads.
    Unsupported {
        extension: String,
    },
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// The browser or file system could not read it.
    Unreadable {
        reason: String,
    },
    /// Not loaded, for the reason given, worded to follow the file's name
    /// ("could not be fetched (HTTP 404)", "is not a Dossier snapshot").
    NotLoaded {
        reason: String,
    },
    /// The user cancelled loading before this file was analysed.
    Cancelled,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Binary { format } => write!(
                f,
                "is a {format}, not text: Dossier reads plain text files (.txt, .md)"
            ),
            FileError::Unsupported { extension } => write!(
                f,
                "has an unsupported type (.{extension}): Dossier reads plain text files (.txt, .md)"
            ),
            FileError::Empty => write!(f, "is empty"),
            FileError::Unreadable { reason } => write!(f, "could not be read: {reason}"),
            FileError::NotLoaded { reason } => f.write_str(reason),
            FileError::Cancelled => write!(f, "was not loaded: loading was cancelled"),
            FileError::TooLarge { size, limit } => write!(
                f,
                "is too large ({:.1} MB): the limit is {} MB per file",
                *size as f64 / 1e6,
                limit / (1024 * 1024)
            ),
        }
    }
}
