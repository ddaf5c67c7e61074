//! A document's record and title as the pack stores them: what is serialised, from the corpus, and how.

use std::io;

use serde::Serialize;

use crate::engine::index::corpus::Corpus;
use crate::engine::pack::compression::compress;
use crate::engine::pack::format::{DocumentRecordRef, TitleRecord};

/// The record of document `d` of a corpus.
pub(super) fn record_of(corpus: &Corpus, d: usize) -> DocumentRecordRef<'_> {
    let mut entity_ids: Vec<&str> = Vec::new();
    // The corpus's index of each of `entity_ids`: one id per entity, so that its
    // position is found by comparing numbers, not the ids' text.
    let mut entities_listed: Vec<usize> = Vec::new();
    let mut mention_entities = Vec::new();
    for &e in corpus.mention_entities(d) {
        let slot =
            corpus
                .entities()
                .get(e)
                .filter(|e| !e.hidden)
                .map(
                    |entity| match entities_listed.iter().position(|&listed| listed == e) {
                        Some(p) => p as u32,
                        None => {
                            entity_ids.push(entity.id.as_str());
                            entities_listed.push(e);
                            entity_ids.len() as u32 - 1
                        }
                    },
                );
        mention_entities.push(slot);
    }
    DocumentRecordRef {
        document: &corpus.documents()[d],
        entity_ids,
        mention_entities,
    }
}

/// What the document list shows of a document.
pub(super) fn title_of(document: &crate::engine::Document) -> TitleRecord {
    const OPENING_BYTES: usize = 160;
    let body = document.text.trim_start();
    let body = body.strip_prefix(document.title.as_str()).unwrap_or(body);
    // Words up to the opening's length, and no further: reading every word of the
    // text to drop them was 7% of the writing thread.
    let mut opening = String::new();
    for word in body.split_whitespace() {
        if opening.len() >= OPENING_BYTES {
            break;
        }
        if !opening.is_empty() {
            opening.push(' ');
        }
        opening.push_str(word);
    }
    if opening.len() > OPENING_BYTES + 40 {
        opening = crate::engine::pack::words::cut_at(&opening, OPENING_BYTES).to_string();
    }
    TitleRecord {
        title: document.title.clone(),
        source: document.source.clone(),
        part: document.part as u32,
        date: document.date.map(|d| d.date.to_string()),
        opening,
    }
}

/// A record as stored: postcard, then compressed. It is serialised into
/// `serialised`, emptied first and kept for the next record.
pub(super) fn stored_record(
    record: &impl Serialize,
    serialised: &mut Vec<u8>,
) -> io::Result<Vec<u8>> {
    serialised.clear();
    let filled =
        postcard::to_extend(record, std::mem::take(serialised)).map_err(io::Error::other)?;
    let stored = compress(&filled);
    // A very long document's buffer is not kept for the short ones after it.
    const KEPT_BYTES: usize = 16 << 20;
    if filled.capacity() <= KEPT_BYTES {
        *serialised = filled;
    }
    Ok(stored)
}
