//! The user's edits to the entity index (rename, merge, hide), folded into lookups, applied and undone.

use std::collections::HashMap;

use super::Corpus;
use crate::engine::index::grouping::fold_whitespace;

/// A change the user made to the entity index. Edits are kept in order, survive
/// re-indexing (they name entities by id) and can be undone one by one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Call the entity by this name.
    Rename { id: String, name: String },
    /// The mentions of `from` are mentions of `into`, which keeps its id and `name`.
    Merge {
        from: String,
        into: String,
        name: String,
    },
    /// Hide or show again.
    SetHidden { id: String, hidden: bool },
}

/// The edits folded into lookups.
#[derive(Clone, Debug, Default)]
pub(super) struct Curation {
    pub(super) renames: HashMap<String, String>,
    pub(super) merged_into: HashMap<String, String>,
    pub(super) hidden: std::collections::HashSet<String>,
}

impl Curation {
    pub(super) fn from_edits(edits: &[Edit]) -> Curation {
        let mut c = Curation::default();
        for edit in edits {
            match edit {
                Edit::Rename { id, name } => {
                    c.renames.insert(id.clone(), name.clone());
                }
                Edit::Merge { from, into, name } => {
                    c.merged_into.insert(from.clone(), into.clone());
                    c.renames
                        .entry(into.clone())
                        .or_insert_with(|| name.clone());
                }
                Edit::SetHidden { id, hidden } => {
                    if *hidden {
                        c.hidden.insert(id.clone());
                    } else {
                        c.hidden.remove(id);
                    }
                }
            }
        }
        c
    }

    /// The id an entity's mentions end up under, after merges (chains followed, cycles cut).
    pub(super) fn resolve(&self, id: String) -> String {
        let mut id = id;
        for _ in 0..self.merged_into.len() {
            match self.merged_into.get(&id) {
                Some(next) => id = next.clone(),
                None => break,
            }
        }
        id
    }
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    UnknownEntity,
    /// Only entities of one type merge (a person into a person).
    DifferentTypes,
    SameEntity,
    EmptyName,
}

impl std::error::Error for EditError {}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EditError::UnknownEntity => "that entity is no longer in the corpus",
            EditError::DifferentTypes => "only entities of the same type can be merged",
            EditError::SameEntity => "an entity cannot be merged into itself",
            EditError::EmptyName => "a name cannot be empty",
        })
    }
}

impl Corpus {
    /// The user's edits, oldest first.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Applies a user's edit: renames and hiding take effect at once, a merge
    /// re-indexes (mentions move to the other entity, which keeps its id).
    pub fn edit(&mut self, edit: Edit) -> Result<(), EditError> {
        match &edit {
            Edit::Rename { id, name } => {
                self.entity_by_id(id).ok_or(EditError::UnknownEntity)?;
                if name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
            }
            Edit::SetHidden { id, .. } => {
                self.entity_by_id(id).ok_or(EditError::UnknownEntity)?;
            }
            Edit::Merge { from, into, .. } => {
                let a = self.entity_by_id(from).ok_or(EditError::UnknownEntity)?;
                let b = self.entity_by_id(into).ok_or(EditError::UnknownEntity)?;
                if a == b {
                    return Err(EditError::SameEntity);
                }
                if self.entities[a].kind != self.entities[b].kind {
                    return Err(EditError::DifferentTypes);
                }
            }
        }
        let edit = match edit {
            Edit::Rename { id, name } => Edit::Rename {
                id,
                name: fold_whitespace(&name).into_owned(),
            },
            other => other,
        };
        self.edits.push(edit);
        self.apply_edits();
        Ok(())
    }

    /// Takes back the last edit; returns it, or None when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Edit> {
        let edit = self.edits.pop()?;
        self.apply_edits();
        Some(edit)
    }

    /// Re-applies the edits after a change to them: a re-index when merges changed,
    /// else only names and visibility.
    fn apply_edits(&mut self) {
        let before = std::mem::take(&mut self.curation.merged_into);
        self.curation = Curation::from_edits(&self.edits);
        if before != self.curation.merged_into {
            self.reindex();
        } else {
            for i in 0..self.entities.len() {
                self.refresh_names(i);
            }
        }
    }
}
