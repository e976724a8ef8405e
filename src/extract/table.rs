//! Mentions held compactly once the rules have produced them. A [`RawMention`] is 72 bytes
//! with two strings of its own (a date's ISO value, a lexicon's canonical name) and a linked
//! [`Mention`] 56: on a corpus of news, about one mention per 30 bytes of text, they held
//! more than twice the corpus. Here a mention is its byte range in the shared document text
//! and numbers: the strings many mentions share are held once, in a table ([`Strings`]).
//!
//! Offsets are 32 bits, as the tokens' are ([`super::token`]): past 4 GiB of one text no
//! tokens are made, so no mention is found there either.

use std::sync::{Arc, Mutex, PoisonError};

use super::lexicon::FxMap;
use super::{CorpusExtraction, Entity, Kind, Mention, RawMention};

#[path = "span.rs"]
mod span;
pub(crate) use span::{PackedSpans, Span};

#[path = "linked.rs"]
mod linked;

#[path = "doc_blocks.rs"]
mod doc_blocks;
pub use doc_blocks::DocBlocks;
use linked::NONE;
pub use linked::{DocMentions, Linked};

/// Strings that many mentions share (dates' ISO values, lexicon names), each held once and
/// named by a number. Shared by the extraction's worker threads.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    inner: Mutex<Interned>,
}

#[derive(Debug, Default)]
struct Interned {
    ids: FxMap<Arc<str>, u32>,
    list: Vec<Arc<str>>,
}

impl Interned {
    fn id(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        // As many strings as numbers below NONE would take far more memory than a machine
        // has; were it ever reached, the string is left out rather than misnamed.
        let Some(id) = u32::try_from(self.list.len()).ok().filter(|&id| id < NONE) else {
            return NONE;
        };
        let s: Arc<str> = Arc::from(s);
        self.list.push(Arc::clone(&s));
        self.ids.insert(s, id);
        id
    }

    fn get(&self, id: u32) -> Option<&str> {
        let ix = usize::try_from(id).ok()?;
        self.list.get(ix).map(|s| &**s)
    }
}

impl Strings {
    fn lock(&self) -> std::sync::MutexGuard<'_, Interned> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// One document's mentions, compact (the strings taken into the table).
    pub(crate) fn spans(&self, ms: &[RawMention]) -> Box<[Span]> {
        let mut table = self.lock();
        ms.iter()
            .filter_map(|m| {
                Some(Span::new(
                    (u32::try_from(m.start).ok()?, u32::try_from(m.end).ok()?),
                    table.id(m.value.as_deref()),
                    table.id(m.canonical.as_deref()),
                    m.kind,
                ))
            })
            .collect()
    }

    /// One document's mentions, compact and packed ([`PackedSpans`]).
    pub(crate) fn packed(&self, ms: &[RawMention]) -> PackedSpans {
        PackedSpans::new(self.spans(ms).iter().copied())
    }

    /// One document's mentions as the rules gave them.
    pub(crate) fn raw(&self, spans: &[Span]) -> Vec<RawMention> {
        self.raw_of(spans.iter().copied())
    }

    /// [`Strings::raw`] of spans read one at a time (packed ones).
    pub(crate) fn raw_of(&self, spans: impl IntoIterator<Item = Span>) -> Vec<RawMention> {
        let table = self.lock();
        spans.into_iter().map(|s| s.raw(&table)).collect()
    }

    /// One mention as the rules gave it.
    pub(crate) fn one(&self, span: &Span) -> RawMention {
        span.raw(&self.lock())
    }

    /// The value strings, by number: what [`MentionTable`] keeps of the table.
    fn into_values(self) -> Vec<Box<str>> {
        let table = self
            .inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        table.list.iter().map(|s| Box::from(&**s)).collect()
    }
}

/// Every document's linked mentions in one compact table, and the entities they link to:
/// what the reader keeps of extraction. Each document's mentions are packed ([`linked`]),
/// about four bytes a mention (they were 12-byte rows, and the whole table 0.43 times the
/// corpus). [`MentionTable::to_extraction`] gives the same mentions as [`Mention`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionTable {
    /// All mentions, document after document, each document's sorted by start, packed, in
    /// blocks of whole documents: the table grows a block at a time (never a doubling copy
    /// of the whole), and [`MentionTable::into_each_doc`] frees each block once it is read.
    blocks: DocBlocks,
    /// Number of mentions.
    count: usize,
    /// Where the last mention pushed ended in its document.
    last_end: u32,
    /// Each entity number given out while linking, renumbered ([`NONE`] for one left out).
    remap: Vec<u32>,
    /// Dates' ISO values, by number.
    values: Vec<Box<str>>,
    /// Linked entities.
    pub entities: Vec<Entity>,
}

impl MentionTable {
    /// A table for `docs` documents, filled by [`MentionTable::push`] document after
    /// document.
    pub(crate) fn with_capacity(docs: usize) -> MentionTable {
        MentionTable {
            blocks: DocBlocks::with_capacity(docs),
            ..MentionTable::default()
        }
    }

    /// Adds a mention of document `doc` (documents come in order: a later one closes the
    /// ones before it) with the span, value and entity of `span` and `entity`.
    pub(crate) fn push(&mut self, doc: usize, span: &Span, entity: usize) {
        let Some((block, new_doc)) = self.blocks.open(doc) else {
            return;
        };
        if new_doc {
            self.last_end = 0;
        }
        let entity = u32::try_from(entity).unwrap_or(NONE);
        let range = (span.start, span.end);
        linked::push(block, &mut self.last_end, range, span.value, entity);
        self.count += 1;
    }

    /// The table once every mention of `docs` documents is in: entity numbers given out
    /// while linking renumbered through `remap`, the values taken from `strings`.
    pub(crate) fn finish(
        mut self,
        docs: usize,
        entities: Vec<Entity>,
        remap: &[usize],
        strings: Strings,
    ) -> MentionTable {
        self.blocks.finish(docs);
        self.remap = (remap.iter())
            .map(|&to| u32::try_from(to).unwrap_or(NONE))
            .collect();
        self.entities = entities;
        self.values = strings.into_values();
        self
    }

    /// Bytes the packed mentions take.
    pub fn packed_bytes(&self) -> usize {
        self.blocks.bytes()
    }

    /// Number of documents.
    pub fn docs(&self) -> usize {
        self.blocks.docs()
    }

    /// Number of mentions in all documents.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when no document has a mention.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The mentions of document `doc`, sorted by start (none past the last document).
    pub fn doc(&self, doc: usize) -> DocMentions<'_> {
        DocMentions::new(self.blocks.doc(doc), &self.remap)
    }

    /// Each document's mentions, in corpus order.
    pub fn per_doc(&self) -> impl Iterator<Item = DocMentions<'_>> {
        (0..self.docs()).map(|d| self.doc(d))
    }

    /// Calls `f` with each document's mentions in corpus order, freeing each block once its
    /// documents are read: what is made from the table need not be held beside all of it.
    pub fn into_each_doc(self, mut f: impl FnMut(DocMentions<'_>)) {
        let remap = self.remap;
        (self.blocks).into_each_doc(|bytes| f(DocMentions::new(bytes, &remap)));
    }

    /// The ISO value of a mention, a resolved date's.
    fn value(&self, m: &Linked) -> Option<&str> {
        let ix = usize::try_from(m.value()?).ok()?;
        self.values.get(ix).map(|s| &**s)
    }

    /// The kind of a mention: its entity's.
    pub fn kind(&self, m: &Linked) -> Option<Kind> {
        self.entities.get(m.entity()).map(|e| e.kind)
    }

    /// The bytes the table holds, by part (what `corpus_memory` prints): the mentions, the
    /// room their blocks have unused, the documents' bounds, the entities' numbers, the
    /// dates' values, and the entities with their names and aliases.
    pub fn held_parts(&self) -> Vec<(&'static str, usize)> {
        let [mentions, room, bounds] = self.blocks.held();
        let values = self.values.capacity() * std::mem::size_of::<Box<str>>()
            + self.values.iter().map(|v| v.len()).sum::<usize>();
        let names: usize = self.entities.iter().map(|e| e.canonical.capacity()).sum();
        let aliases: usize = (self.entities.iter())
            .map(|e| {
                e.aliases.capacity() * std::mem::size_of::<String>()
                    + e.aliases.iter().map(String::capacity).sum::<usize>()
            })
            .sum();
        vec![
            ("mentions", mentions),
            ("mentions' spare room", room),
            ("documents' bounds", bounds),
            ("entities' numbers", self.remap.capacity() * 4),
            ("dates' values", values),
            (
                "entities",
                self.entities.capacity() * std::mem::size_of::<Entity>(),
            ),
            ("entities' names", names),
            ("entities' aliases", aliases),
        ]
    }

    /// The same mentions and entities as [`Mention`]s, per document.
    pub fn to_extraction(&self) -> CorpusExtraction {
        let mentions = self
            .per_doc()
            .map(|ms| {
                ms.filter_map(|m| {
                    Some(Mention {
                        start: m.start(),
                        end: m.end(),
                        kind: self.kind(&m)?,
                        value: self.value(&m).map(str::to_string),
                        entity: m.entity(),
                    })
                })
                .collect()
            })
            .collect();
        CorpusExtraction {
            mentions,
            entities: self.entities.clone(),
        }
    }
}

impl From<CorpusExtraction> for MentionTable {
    /// The table of an extraction made elsewhere (tests hand the reader their own).
    fn from(ex: CorpusExtraction) -> MentionTable {
        let strings = Strings::default();
        let mut table = MentionTable::with_capacity(ex.mentions.len());
        let most = ex.mentions.iter().flatten().map(|m| m.entity + 1).max();
        let same: Vec<usize> = (0..most.unwrap_or(0).max(ex.entities.len())).collect();
        {
            let mut interned = strings.lock();
            for (doc, ms) in ex.mentions.iter().enumerate() {
                for m in ms {
                    let (Ok(start), Ok(end)) = (u32::try_from(m.start), u32::try_from(m.end))
                    else {
                        continue;
                    };
                    let value = interned.id(m.value.as_deref());
                    let span = Span::new((start, end), value, NONE, m.kind);
                    table.push(doc, &span, m.entity);
                }
            }
        }
        table.finish(ex.mentions.len(), ex.entities, &same, strings)
    }
}
