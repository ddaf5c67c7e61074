//! What happened to each file the user loaded, in one line for the user.

use crate::engine::error::{FileError, Warning};

/// What happened to one file the user loaded.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    pub name: String,
    pub size: usize,
    pub n_documents: usize,
    pub warnings: Vec<Warning>,
    pub error: Option<FileError>,
    /// The name of an earlier file with the same bytes, if this one was skipped as a duplicate.
    pub duplicate_of: Option<String>,
}

impl FileReport {
    /// One line for the user: what was loaded or why not.
    pub fn message(&self) -> String {
        if let Some(error) = &self.error {
            format!("{} {error}", self.name)
        } else if let Some(original) = &self.duplicate_of {
            format!(
                "{} has the same content as {original} and was loaded once",
                self.name
            )
        } else {
            let mut m = format!(
                "{}: {} document{}",
                self.name,
                self.n_documents,
                if self.n_documents == 1 { "" } else { "s" }
            );
            for w in &self.warnings {
                m.push_str("; ");
                m.push_str(&w.to_string());
            }
            m
        }
    }
}
