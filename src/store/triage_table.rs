//! The triage of every document of a corpus as a table by document index: what the list's
//! filters (`%unread`, `%star`, archived hidden) and its state sort read for each document,
//! a byte each, where asking the [`State`] is a string key looked up down an ordered map
//! (31–41 ms for 67k documents). The table is made from the state's own entries (the
//! texts with recorded triage), each text's documents found by its key's hash, so making
//! it costs the journal's size, not the corpus's; it is made again only when the
//! state's revision or the documents change, and after a single edit only for the
//! documents of the text it changed.

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::copies::Text;
use super::model::{DocState, State};
use crate::corpus::Document;

/// A document's triage, as the list's filters and sort read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TriageFlags(u8);

impl TriageFlags {
    const READ: u8 = 1;
    const STAR: u8 = 2;
    const ARCHIVED: u8 = 4;
    const TAGGED: u8 = 8;

    /// The flags of a document's whole state.
    pub fn of(state: &DocState) -> TriageFlags {
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        TriageFlags(
            bit(state.read, Self::READ)
                | bit(state.star, Self::STAR)
                | bit(state.archived, Self::ARCHIVED)
                | bit(!state.tags.is_empty(), Self::TAGGED),
        )
    }

    /// Has been read.
    pub fn read(self) -> bool {
        self.0 & Self::READ != 0
    }

    /// Starred.
    pub fn star(self) -> bool {
        self.0 & Self::STAR != 0
    }

    /// Archived.
    pub fn archived(self) -> bool {
        self.0 & Self::ARCHIVED != 0
    }

    /// Has at least one tag: only then need a `%tag:` filter ask the whole state.
    pub fn tagged(self) -> bool {
        self.0 & Self::TAGGED != 0
    }
}

/// Each document's triage by index, kept in step with a state and a list of documents.
#[derive(Debug, Clone, Default)]
pub struct TriageTable {
    /// Documents by their text's key, hashed to 128 bits (so no key is compared, and no
    /// document touched, to find a text's documents): most texts have one document.
    by_text: FxHashMap<u128, SmallVec<[usize; 1]>>,
    /// How many of the documents `by_text` holds (they only ever grow while loading).
    indexed: usize,
    flags: Vec<TriageFlags>,
    /// The state revision `flags` were made from, if any.
    revision: Option<u64>,
    archived: usize,
}

impl TriageTable {
    /// Brings the table in step with `state` and `docs`: documents added since are indexed,
    /// and the flags made again when either changed. Documents replaced (not only added)
    /// need [`TriageTable::clear`] first.
    pub fn sync(&mut self, state: &State, docs: &[Document]) {
        if docs.len() < self.indexed {
            self.clear();
        }
        if docs.len() > self.indexed {
            for (i, doc) in docs.iter().enumerate().skip(self.indexed) {
                self.by_text
                    .entry(text_hash(&doc.key.text))
                    .or_default()
                    .push(i);
            }
            self.indexed = docs.len();
            self.revision = None;
        }
        if self.revision == Some(state.revision()) {
            return;
        }
        match state.last_edit() {
            // One edit since: only its text's documents can have changed.
            Some((before, text)) if self.revision == Some(before) => {
                if let Some(text) = text {
                    self.set_text(text, state.docs.get(text), docs);
                }
                self.revision = Some(state.revision());
            }
            _ => self.fill(state, docs),
        }
    }

    /// Forgets everything: the next [`TriageTable::sync`] indexes every document again.
    pub fn clear(&mut self) {
        *self = TriageTable::default();
    }

    /// The triage of document `doc` (nothing recorded for an index out of range).
    pub fn get(&self, doc: usize) -> TriageFlags {
        self.flags.get(doc).copied().unwrap_or_default()
    }

    /// True when some document is archived: until one is, nothing is hidden.
    pub fn any_archived(&self) -> bool {
        self.archived > 0
    }

    /// Makes the flags from the state's entries, each text's documents found by its hash.
    fn fill(&mut self, state: &State, docs: &[Document]) {
        self.flags.clear();
        self.flags.resize(docs.len(), TriageFlags::default());
        self.archived = 0;
        for (key, text) in &state.docs {
            self.set_text(key, Some(text), docs);
        }
        self.revision = Some(state.revision());
    }

    /// Sets the flags of the documents of the text keyed `key` from its recorded state
    /// (`None`: nothing recorded). A document is read only when the text has copies with
    /// triage of their own.
    fn set_text(&mut self, key: &str, text: Option<&Text>, docs: &[Document]) {
        let Some(found) = self.by_text.get(&text_hash(key)) else {
            return;
        };
        for &i in found {
            let flags = text.map_or_else(TriageFlags::default, |text| {
                let copy = match text.copies.is_empty() {
                    true => None,
                    false => docs.get(i).and_then(|d| d.key.copy.as_deref()),
                };
                TriageFlags::of(text.shown(copy))
            });
            let Some(slot) = self.flags.get_mut(i) else {
                continue;
            };
            self.archived = self.archived.saturating_sub(usize::from(slot.archived()));
            self.archived += usize::from(flags.archived());
            *slot = flags;
        }
    }
}

/// A text key's 128-bit hash: two keys that differ never meet in practice (the keys are
/// themselves 128-bit hashes of the texts), and its bits are already well mixed, so the
/// map hashes them with Fx rather than SipHash.
fn text_hash(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

#[cfg(test)]
#[path = "triage_table_tests.rs"]
mod tests;
