//! A document cut into marked pieces for the reader: entity and date mentions among plain text.

use super::Corpus;

/// What a piece of a document's text is, for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// A mention of the entity at this index of [`Corpus::entities`].
    Entity(usize),
    /// The date mention at this index of the document's `dates`.
    Date(usize),
}

/// A byte range of a document's text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
}

impl Corpus {
    /// A document's text cut into pieces for the reader: plain text, entity mentions
    /// and date mentions, in order, covering the whole text without overlaps. Where
    /// mentions overlap, the one that starts first (then the longer) is kept whole.
    pub fn highlights(&self, doc_idx: usize) -> Vec<Highlight> {
        let Some(doc) = self.documents.get(doc_idx) else {
            return Vec::new();
        };
        let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
        for (i, m) in doc.entities.iter().enumerate() {
            marks.push((
                m.start,
                m.end,
                Mark::Entity(self.mention_entities[doc_idx][i]),
            ));
        }
        for (i, m) in doc.dates.iter().enumerate() {
            marks.push((m.start, m.end, Mark::Date(i)));
        }
        marks.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::with_capacity(marks.len() * 2 + 1);
        let mut at = 0;
        for (start, end, mark) in marks {
            if start < at {
                continue;
            }
            if start > at {
                out.push(Highlight {
                    start: at,
                    end: start,
                    mark: Mark::Plain,
                });
            }
            out.push(Highlight { start, end, mark });
            at = end;
        }
        if at < doc.text.len() {
            out.push(Highlight {
                start: at,
                end: doc.text.len(),
                mark: Mark::Plain,
            });
        }
        out
    }
}
