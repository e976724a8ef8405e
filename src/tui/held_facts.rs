//! What extraction found, as the reader holds it for the panels: the entity rows, each
//! document's mentions and each entity's documents. On a corpus of news these are most of
//! what the reader keeps of extraction (about one mention per 30 bytes of text), so each
//! part is held at its size, in numbers no wider than it needs.

pub use super::packed_mentions::Mentions;
use super::packed_mentions::{self, Codes};
use crate::extract::DocBlocks;
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

/// A mention in a document, pointing at its entity row, as [`Facts::mentions`] reads it:
/// 9 bytes, its numbers as bytes so that nothing pads it (the facts hold them packed, in
/// about 4 bytes each; a mention is held this way only while a caller reads it).
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
    /// Every document's mentions, packed ([`packed_mentions`]), document after document,
    /// in the order they were given (by start), in blocks of whole documents as
    /// extraction's table holds its own: made from the table as its blocks are freed, the
    /// two are never held whole at once. Read-only: the documents of each entity are
    /// indexed from them when the facts are made.
    mentions: DocBlocks,
    /// The entity row each mention's code stands for.
    rows_by_code: Vec<u32>,
    /// Per entity, the documents that mention it, in corpus order: the entity filter is a
    /// lookup, not a scan of every mention. One list of every entity's documents, entity
    /// after entity, as 32-bit numbers: a list per entity of 64-bit ones held twice the
    /// bytes, and the lists' own headers more.
    entity_docs: Vec<u32>,
    /// Where each entity's documents start in `entity_docs`, and where the last end.
    entity_starts: Vec<usize>,
}

/// [`Facts`] made a document at a time: each document's mentions are packed as they come,
/// so that no document's are held unpacked beside the others (the reader makes the facts
/// as it frees extraction's table).
#[derive(Debug)]
pub struct FactsBuilder {
    facts: Facts,
    codes: Codes,
    /// Documents pushed so far.
    docs: usize,
}

impl FactsBuilder {
    /// Facts over the panel's `entities` (their corpus counts give the mentions' codes),
    /// room made for `docs` documents.
    pub fn new(entities: Vec<EntityRow>, docs: usize) -> FactsBuilder {
        let codes = Codes::new(&entities);
        let facts = Facts {
            entities,
            mentions: DocBlocks::with_capacity(docs),
            ..Facts::default()
        };
        FactsBuilder {
            facts,
            codes,
            docs: 0,
        }
    }

    /// Adds the next document's mentions (sorted by start, as extraction gives them: the
    /// gaps between them are then short). They go into blocks of whole documents, a block
    /// of room taken at a time: made from extraction's table as its blocks are freed, one
    /// buffer for all of them grew by doubling (or was taken whole at the start) beside the
    /// table, and the hand-over peaked 16 MB above extraction's end at 20,000 articles.
    pub fn push_doc(&mut self, mentions: impl IntoIterator<Item = MentionRef>) {
        let (doc, mut end) = (self.docs, 0);
        for m in mentions {
            if let Some((out, _)) = self.facts.mentions.open(doc) {
                packed_mentions::push(out, &mut end, m, &self.codes);
            }
        }
        self.docs += 1;
    }

    /// The facts, with the documents of each entity indexed.
    pub fn finish(self) -> Facts {
        let mut facts = self.facts;
        facts.mentions.finish(self.docs);
        facts.rows_by_code = self.codes.into_rows();
        facts.index_entity_docs();
        facts
    }
}

impl Facts {
    /// Facts over these entities and each document's mentions (sorted by start), with the
    /// documents of each entity indexed.
    pub fn new<D>(entities: Vec<EntityRow>, mentions: impl IntoIterator<Item = D>) -> Facts
    where
        D: IntoIterator<Item = MentionRef>,
    {
        let mentions = mentions.into_iter();
        let mut facts = FactsBuilder::new(entities, mentions.size_hint().0);
        for doc in mentions {
            facts.push_doc(doc);
        }
        facts.finish()
    }

    /// The mentions of document `doc` (none past the documents), in the order given.
    pub fn mentions(&self, doc: usize) -> Mentions<'_> {
        Mentions::new(self.mentions.doc(doc), &self.rows_by_code)
    }

    /// Every document's mentions, in corpus order.
    pub fn each_doc(&self) -> impl ExactSizeIterator<Item = Mentions<'_>> + '_ {
        (0..self.mentions.docs()).map(|doc| self.mentions(doc))
    }

    /// Indexes the documents of each entity from the mentions: counted first, so that the
    /// one list is taken at its size and filled in place.
    fn index_entity_docs(&mut self) {
        let rows = self.entities.len();
        let mut counts = vec![0usize; rows];
        each_entity_doc(self.each_doc(), rows, |entity, _| counts[entity] += 1);
        let mut entity_starts = Vec::with_capacity(rows + 1);
        let mut at = 0;
        for n in &counts {
            entity_starts.push(at);
            at += n;
        }
        entity_starts.push(at);
        let mut entity_docs = vec![0; at];
        let mut next = entity_starts.clone();
        each_entity_doc(self.each_doc(), rows, |entity, doc| {
            entity_docs[next[entity]] = doc;
            next[entity] += 1;
        });
        (self.entity_docs, self.entity_starts) = (entity_docs, entity_starts);
    }

    /// The bytes the facts hold, by part (what `corpus_memory` prints): the packed
    /// mentions, the room their buffer has unused, where each document's start, the rows
    /// with their names, the codes' rows, and each entity's documents.
    pub fn held_parts(&self) -> Vec<(&'static str, usize)> {
        let names: usize = (self.entities.iter())
            .map(|r| r.name.capacity() + r.value.as_ref().map_or(0, String::capacity))
            .sum();
        let word = std::mem::size_of::<usize>();
        let [mentions, room, starts] = self.mentions.held();
        vec![
            ("mentions", mentions),
            ("mentions' spare room", room),
            ("documents' starts", starts),
            (
                "rows",
                self.entities.capacity() * std::mem::size_of::<EntityRow>(),
            ),
            ("rows' names", names),
            (
                "rows' codes",
                self.rows_by_code.capacity() * std::mem::size_of::<u32>(),
            ),
            (
                "entities' documents",
                self.entity_docs.capacity() * std::mem::size_of::<u32>()
                    + self.entity_starts.capacity() * word,
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
fn each_entity_doc<'a>(
    docs: impl Iterator<Item = Mentions<'a>>,
    rows: usize,
    mut f: impl FnMut(usize, u32),
) {
    let mut last = vec![u32::MAX; rows];
    for (doc, ms) in docs.enumerate() {
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
