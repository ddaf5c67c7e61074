//! Acronyms across documents: one a document defines in brackets ("the Northern Grain Board (NGB)") is that organisation wherever another document uses it bare.

use super::Corpus;
use crate::engine::index::grouping::is_acronym_text;
use crate::engine::recognize::entities::EntityType;
use crate::engine::Document;

/// What the corpus's documents define an acronym as.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Definition {
    /// One organisation, by its grouping key.
    One(String),
    /// Documents define it as different organisations: its bare uses stay their own
    /// entity from then on (those joined before stay joined).
    Conflicting,
}

impl Corpus {
    /// Bare acronyms of a document's organisations that another document defined
    /// take that definition's key (the document's own definitions came first).
    pub(super) fn redirect_defined_acronyms(&self, document: &Document, keys: &mut [String]) {
        if self.acronym_definitions.is_empty() {
            return;
        }
        for (mention, key) in document.entities.iter().zip(keys.iter_mut()) {
            if mention.kind != EntityType::Organisation || !is_acronym_text(key) {
                continue;
            }
            if let Some(Definition::One(full)) = self.acronym_definitions.get(key.as_str()) {
                *key = full.clone();
            }
        }
    }

    /// Records the acronyms an indexed document defines (`defined`, from
    /// `defined_in_brackets`); an acronym defined for the first time joins the
    /// entity its earlier bare uses made.
    pub(super) fn register_defined_acronyms(&mut self, defined: Vec<(String, String)>) {
        for (acronym, full) in defined {
            match self.acronym_definitions.get(&acronym) {
                None => {
                    let bare = self.entity_with_key(EntityType::Organisation, &acronym);
                    let named = self.entity_with_key(EntityType::Organisation, &full);
                    self.acronym_definitions
                        .insert(acronym, Definition::One(full));
                    if let (Some(from), Some(into)) = (bare, named) {
                        if from != into {
                            self.merge_entity_into(from, into);
                        }
                    }
                }
                Some(Definition::One(earlier)) if *earlier != full => {
                    self.acronym_definitions
                        .insert(acronym, Definition::Conflicting);
                }
                Some(_) => {}
            }
        }
    }

    /// The index of the entity of a type and grouping key, after the user's merges.
    fn entity_with_key(&self, kind: EntityType, key: &str) -> Option<usize> {
        self.id_index.get(&self.resolved_id(kind, key)).copied()
    }

    /// Moves every mention of entity `from` to entity `into` and removes `from`
    /// (the last entity takes its place). The cost is the two entities' documents,
    /// not the corpus.
    fn merge_entity_into(&mut self, from: usize, into: usize) {
        let moved = std::mem::take(&mut self.entities[from].documents);
        for &d in &moved {
            for slot in self.mention_entities[d].iter_mut() {
                if *slot == from {
                    *slot = into;
                }
            }
        }
        let (n_mentions, roles) = {
            let gone = &mut self.entities[from];
            (gone.n_mentions, std::mem::take(&mut gone.roles))
        };
        let counts = std::mem::take(&mut self.surface_counts[from]);
        let target = &mut self.entities[into];
        target.n_mentions += n_mentions;
        for role in roles {
            if !target.roles.contains(&role) {
                target.roles.push(role);
            }
        }
        target.documents.extend(moved);
        target.documents.sort_unstable();
        target.documents.dedup();
        for (surface, n) in counts {
            *self.surface_counts[into].entry(surface).or_default() += n;
        }
        let gone_id = self.entities[from].id.clone();
        let into = self.remove_entity(from, into);
        let kept_id = self.entities[into].id.clone();
        self.merged_ids.insert(gone_id, kept_id);
        self.refresh_names(into);
    }

    /// Removes an entity no mention refers to any more: the last entity moves into
    /// its place. Returns where entity `keep` now stands.
    fn remove_entity(&mut self, gone: usize, keep: usize) -> usize {
        let last = self.entities.len() - 1;
        let removed = self.entities.swap_remove(gone);
        self.surface_counts.swap_remove(gone);
        self.id_index.remove(&removed.id);
        if gone == last {
            return keep;
        }
        for &d in &self.entities[gone].documents {
            for slot in self.mention_entities[d].iter_mut() {
                if *slot == last {
                    *slot = gone;
                }
            }
        }
        self.id_index.insert(self.entities[gone].id.clone(), gone);
        if keep == last {
            gone
        } else {
            keep
        }
    }
}
