//! What extraction found, as the reader holds it for the panels: the entity rows, each
//! document's mentions and each entity's documents. On a corpus of news these are most of
//! what the reader keeps of extraction (about one mention per 30 bytes of text), so each
//! part is held at its size, in numbers no wider than it needs.

use crate::kind::Kind;

/// One row of the entity panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    /// Person, place or date.
    pub kind: Kind,
    /// Canonical name (or the date as written).
    pub name: String,
    /// ISO value of a date.
    pub value: Option<String>,
    /// Documents that mention it.
    pub docs: usize,
    /// Mentions in the whole corpus.
    pub mentions: usize,
}

/// A mention in a document, pointing at its entity row: 9 bytes, its numbers as bytes so
/// that nothing pads it (a corpus of news has about one mention per 30 bytes of text, and
/// three numbers of 32 bits held 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    start: [u8; 4],
    /// Bytes from the start to the end: a name is far shorter than 64 KiB.
    len: [u8; 2],
    /// The entity row, of 24 bits: as many rows would take gigabytes of names.
    entity: [u8; 3],
}

impl MentionRef {
    /// The mention of bytes `start..end` of its document, of entity row `entity`; `None`
    /// past 4 GiB of text, for a mention of 64 KiB or more, or past 16M rows (no tokens,
    /// so no mentions, are made past 4 GiB; names and rows come far short of the others).
    pub fn new(start: usize, end: usize, entity: usize) -> Option<MentionRef> {
        let len = u16::try_from(end.checked_sub(start)?).ok()?;
        let [e0, e1, e2, high] = u32::try_from(entity).ok()?.to_le_bytes();
        if high != 0 {
            return None;
        }
        Some(MentionRef {
            start: u32::try_from(start).ok()?.to_le_bytes(),
            len: len.to_le_bytes(),
            entity: [e0, e1, e2],
        })
    }

    /// Byte offset in the document.
    pub fn start(&self) -> usize {
        u32::from_le_bytes(self.start) as usize
    }

    /// End (exclusive).
    pub fn end(&self) -> usize {
        self.start() + usize::from(u16::from_le_bytes(self.len))
    }

    /// Index into [`Facts::entities`].
    pub fn entity(&self) -> usize {
        let [e0, e1, e2] = self.entity;
        u32::from_le_bytes([e0, e1, e2, 0]) as usize
    }
}

/// What extraction found, in the shape the panels draw.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Entities, sorted for the panel (kind, then corpus count).
    pub entities: Vec<EntityRow>,
    /// Mentions per document (same order as the corpus), sorted by start. Read-only: the
    /// documents of each entity are indexed from them at [`Facts::new`].
    pub mentions: Vec<Vec<MentionRef>>,
    /// Per entity, the documents that mention it, in corpus order: the entity filter is a
    /// lookup, not a scan of every mention. One list of every entity's documents, entity
    /// after entity, as 32-bit numbers: a list per entity of 64-bit ones held twice the
    /// bytes, and the lists' own headers more.
    entity_docs: Vec<u32>,
    /// Where each entity's documents start in `entity_docs`, and where the last end.
    entity_starts: Vec<usize>,
}

impl Facts {
    /// Facts over these entities and mentions, with the documents of each entity indexed.
    pub fn new(entities: Vec<EntityRow>, mentions: Vec<Vec<MentionRef>>) -> Facts {
        // Counted first, so that the one list is taken at its size and filled in place.
        let mut counts = vec![0usize; entities.len()];
        each_entity_doc(&mentions, entities.len(), |entity, _| counts[entity] += 1);
        let mut entity_starts = Vec::with_capacity(entities.len() + 1);
        let mut at = 0;
        for n in &counts {
            entity_starts.push(at);
            at += n;
        }
        entity_starts.push(at);
        let mut entity_docs = vec![0; at];
        let mut next = entity_starts.clone();
        each_entity_doc(&mentions, entities.len(), |entity, doc| {
            entity_docs[next[entity]] = doc;
            next[entity] += 1;
        });
        Facts {
            entities,
            mentions,
            entity_docs,
            entity_starts,
        }
    }

    /// The bytes the facts hold, by part (what `corpus_memory` prints): the mentions, the
    /// room their vectors have unused, the vectors themselves, the rows with their names,
    /// and each entity's documents.
    pub fn held_parts(&self) -> Vec<(&'static str, usize)> {
        let size = std::mem::size_of::<MentionRef>();
        let mentions: usize = self.mentions.iter().map(Vec::len).sum::<usize>() * size;
        let room: usize = self.mentions.iter().map(Vec::capacity).sum::<usize>() * size;
        let names: usize = (self.entities.iter())
            .map(|r| r.name.capacity() + r.value.as_ref().map_or(0, String::capacity))
            .sum();
        vec![
            ("mentions", mentions),
            ("mentions' spare room", room - mentions),
            (
                "documents' vectors",
                self.mentions.capacity() * std::mem::size_of::<Vec<MentionRef>>(),
            ),
            (
                "rows",
                self.entities.capacity() * std::mem::size_of::<EntityRow>(),
            ),
            ("rows' names", names),
            (
                "entities' documents",
                self.entity_docs.capacity() * std::mem::size_of::<u32>()
                    + self.entity_starts.capacity() * std::mem::size_of::<usize>(),
            ),
        ]
    }

    /// The documents that mention entity row `entity`, in corpus order.
    pub fn docs_of(&self, entity: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        let range = match (
            self.entity_starts.get(entity),
            self.entity_starts.get(entity + 1),
        ) {
            (Some(&from), Some(&to)) => from..to,
            _ => 0..0,
        };
        let docs = self.entity_docs.get(range).unwrap_or(&[]);
        docs.iter().map(|&d| d as usize)
    }
}

/// Calls `f` with (entity, document) once for each entity row below `rows` a document
/// mentions, documents in corpus order. Documents past 32-bit numbers are left out (no
/// corpus holds that many).
fn each_entity_doc(mentions: &[Vec<MentionRef>], rows: usize, mut f: impl FnMut(usize, u32)) {
    let mut last = vec![u32::MAX; rows];
    for (doc, ms) in mentions.iter().enumerate() {
        let Ok(doc) = u32::try_from(doc) else { break };
        for m in ms {
            if let Some(seen) = last.get_mut(m.entity())
                && *seen != doc
            {
                *seen = doc;
                f(m.entity(), doc);
            }
        }
    }
}
