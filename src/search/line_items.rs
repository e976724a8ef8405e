//! The index's items in id order, documents' lines held apart in compact columns (issue 13).
//!
//! A document's line has no strings of its own, one document, an offset in it, a length and
//! a byte set: as an [`Item`] it took 56 bytes, nearly a quarter of the corpus's size again
//! on generated news. Here it takes a row of 16 (its byte set, its offset in its document,
//! its length with a flag) and a byte more: its document is its 64-line block's plus that
//! many (else found in the table of where each document's lines start), and its words'
//! codes are found from where they start while the line keeps its own. Callers see the
//! same [`Item`] for every id ([`Items::get`] makes it), so answers do not change.

use super::arena::MAX_PIECE;
use super::entry_words::THROUGH_WORDS;
use super::held::vec_bytes;
use super::index::Item;
use super::item::ItemKind;

/// `LineItems::lens` bit set when folding leaves the line as it is.
const KEY_IS_TEXT: u32 = 1 << 31;
/// `LineItems::lens` bits that hold the length: a line piece is at most
/// [`super::arena::MAX_PIECE`] (2^28) bytes.
const LEN_BITS: u32 = 29;
const LEN_MASK: u32 = (1 << LEN_BITS) - 1;
/// The bits between the length and the flag: the offset's bits above its low 32 (so a
/// line may start up to 16 GiB into its document).
const HIGH_MASK: u32 = !KEY_IS_TEXT & !LEN_MASK;
const _: () = assert!(MAX_PIECE <= LEN_MASK as usize);
/// Lines per entry of `LineItems::block_docs`.
const BLOCK: usize = 64;
/// `LineItems::doc_steps` of a line whose document is this many or more past its block's.
const FAR: u8 = u8::MAX;

/// Every item of an index in id order: documents, entities and standard input lines as
/// whole [`Item`]s, then the documents' lines as columns.
#[derive(Debug, Default)]
pub(crate) struct Items {
    /// Documents, then entities (or standard input lines), each whole.
    others: Vec<Item>,
    lines: LineItems,
}

/// One document line's own fields: 16 bytes, read together (one cache line, where three
/// columns took three misses a line on a one-letter key's scan).
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The bytes of the line's text, folded key and skeletons (see [`super::bytes`]).
    bytes: u64,
    /// The low 32 bits of the line's byte offset in its document.
    start: u32,
    /// The line's length in bytes, the offset's high bits above it, [`KEY_IS_TEXT`].
    len: u32,
}

/// The documents' lines.
#[derive(Debug, Default)]
struct LineItems {
    /// Each line's own fields.
    rows: Vec<Row>,
    /// Where each document's lines start (the place of its first line; a document without
    /// lines has its next one's), then, once [`Items::finish_lines`] ran, the number of lines.
    doc_starts: Vec<u32>,
    /// The document of every [`BLOCK`]-th line.
    block_docs: Vec<u32>,
    /// How many documents each line's is past its block's ([`FAR`]: that many or more,
    /// then looked for in `doc_starts`): a line's document in two reads, where a binary
    /// search over every document made the filter's whole answer to a one-letter key half
    /// as slow again, and one among its block's documents still 10-15 % slower than main.
    doc_steps: Vec<u8>,
    /// While lines keep their own entry codes: where line `n`'s codes start in the words'
    /// code stream ([`super::words::Words::line`]), then where the last one's end.
    codes_at: Vec<u64>,
    /// Once the vocabulary is shared: the lines held apart (by place, sorted) and where
    /// their codes are; every other line reads its entries through its words.
    apart: Vec<(u32, u64, u32)>,
}

/// A document line as [`Items::push_line`] takes it, its columns' values.
pub(crate) struct NewLine {
    doc: u32,
    row: Row,
}

impl NewLine {
    /// A line of document `doc` at byte `offset` of its text, `len` bytes long, holding
    /// `bytes` ([`super::bytes`]), `key_is_text` when folding leaves it as it is. `None`
    /// when it is longer than 2^28 bytes or starts 16 GiB or more into its document.
    pub fn new(doc: u32, offset: usize, len: usize, bytes: u64, key_is_text: bool) -> Option<Self> {
        let offset = u64::try_from(offset).ok()?;
        // The offset's bits above 32 go above the length (2 of them), the low 32 apart.
        let high = u32::try_from(offset >> 32)
            .ok()
            .filter(|&h| h <= HIGH_MASK >> LEN_BITS)?;
        let start = u32::try_from(offset & u64::from(u32::MAX)).ok()?;
        if len > MAX_PIECE {
            return None;
        }
        let len = u32::try_from(len).ok()?;
        let flag = if key_is_text { KEY_IS_TEXT } else { 0 };
        let len = len | high << LEN_BITS | flag;
        let row = Row { bytes, start, len };
        Some(NewLine { doc, row })
    }
}

impl Items {
    /// Number of items.
    pub fn len(&self) -> usize {
        self.others.len() + self.lines.rows.len()
    }

    /// True when there is no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `id`, made whole (a document line's from its columns).
    pub fn get(&self, id: usize) -> Option<Item> {
        match id.checked_sub(self.others.len()) {
            None => self.others.get(id).copied(),
            Some(place) => self.lines.get(place),
        }
    }

    /// Length of item `id`'s shown text (0 when there is no such item), without making it
    /// whole: ranking asks it of every hit.
    pub fn text_len(&self, id: usize) -> u32 {
        match id.checked_sub(self.others.len()) {
            None => self.others.get(id).map_or(0, Item::text_len),
            Some(place) => self.lines.rows.get(place).map_or(0, |r| r.len & LEN_MASK),
        }
    }

    /// The one document of item `id` when it is a document's line, without making the line
    /// whole (`None` for any other item): ranking a one-letter key's answer asks it of
    /// hundreds of thousands of hits, and making each line whole cost that answer 15 %.
    pub fn line_doc(&self, id: usize) -> Option<u32> {
        let place = id.checked_sub(self.others.len())?;
        u32::try_from(self.lines.doc_of(place)?).ok()
    }

    /// Every item in id order, made whole.
    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<Item> {
        (0..self.len()).filter_map(|id| self.get(id)).collect()
    }

    /// Every item from id `first` on.
    pub fn from(&self, first: usize) -> impl Iterator<Item = Item> + '_ {
        (first..self.len()).filter_map(|id| self.get(id))
    }

    /// Appends a whole item (a title, an entity, a line of standard input): before any
    /// document line, whose ids it would move.
    pub fn push(&mut self, item: Item) {
        self.others.push(item);
    }

    /// The whole items: documents, then entities (or standard input lines).
    pub fn others_mut(&mut self) -> &mut Vec<Item> {
        &mut self.others
    }

    /// Number of document lines.
    pub fn lines_len(&self) -> usize {
        self.lines.rows.len()
    }

    /// Appends `line` (documents in order; ids below 4 billion), its entry codes ending at
    /// `codes_end` in the words' code stream (they start where the line before's end).
    pub fn push_line(&mut self, line: NewLine, codes_end: u64) {
        let l = &mut self.lines;
        let place = u32::try_from(l.rows.len()).unwrap_or(u32::MAX);
        let doc = usize::try_from(line.doc).unwrap_or(usize::MAX);
        while l.doc_starts.len() <= doc {
            l.doc_starts.push(place);
        }
        if l.codes_at.is_empty() {
            l.codes_at.push(0);
        }
        if l.rows.len().is_multiple_of(BLOCK) {
            l.block_docs.push(line.doc);
        }
        let block_doc = l.block_docs.last().copied().unwrap_or(line.doc);
        let steps = line.doc.saturating_sub(block_doc);
        // 255 steps are [`FAR`] too: looked for, found all the same.
        l.doc_steps.push(u8::try_from(steps).unwrap_or(FAR));
        l.rows.push(line.row);
        l.codes_at.push(codes_end);
    }

    /// Ends the document lines of `docs` documents: the table of where each one's lines
    /// start gets its last entries, and spare room is given back.
    pub fn finish_lines(&mut self, docs: usize) {
        let l = &mut self.lines;
        let total = u32::try_from(l.rows.len()).unwrap_or(u32::MAX);
        l.doc_starts.truncate(docs);
        while l.doc_starts.len() <= docs {
            l.doc_starts.push(total);
        }
        self.others.shrink_to_fit();
        l.block_docs.shrink_to_fit();
        l.doc_steps.shrink_to_fit();
        l.doc_starts.shrink_to_fit();
        l.rows.shrink_to_fit();
        l.codes_at.shrink_to_fit();
    }

    /// Per document, the place of its first line, then the number of lines (see
    /// [`super::doc_lines`]); empty when no document's lines were added.
    pub fn doc_starts(&self) -> &[u32] {
        &self.lines.doc_starts
    }

    /// Where line `place`'s own entry codes are (start, length) while the lines keep them.
    pub fn own_codes(&self, place: usize) -> Option<(u64, u32)> {
        self.lines.own_codes(place)
    }

    /// From now on every line reads its entries through its words, but those of `apart`
    /// (place, codes' start, length; sorted by place), which keep theirs.
    pub fn share(&mut self, apart: Vec<(u32, u64, u32)>) {
        self.lines.apart = apart;
        self.lines.codes_at = Vec::new();
    }

    /// Drops the lines from place `n` on, or the whole items past `n` when there are fewer
    /// (the index's ids stop at 4 billion).
    pub fn truncate(&mut self, n: usize) {
        let lines = n.saturating_sub(self.others.len());
        let l = &mut self.lines;
        l.rows.truncate(lines);
        l.doc_steps.truncate(lines);
        l.block_docs.truncate(lines.div_ceil(BLOCK));
        l.codes_at.truncate(lines.saturating_add(1));
        self.others.truncate(n);
    }

    /// Heap bytes of the whole items, and of the line columns.
    pub fn held(&self) -> (usize, usize) {
        let l = &self.lines;
        let lines = vec_bytes(&l.rows)
            + vec_bytes(&l.doc_starts)
            + vec_bytes(&l.block_docs)
            + vec_bytes(&l.doc_steps)
            + vec_bytes(&l.codes_at)
            + vec_bytes(&l.apart);
        (vec_bytes(&self.others), lines)
    }
}

impl LineItems {
    /// Line `place` as an [`Item`]: the same fields it had when held whole.
    fn get(&self, place: usize) -> Option<Item> {
        let Row {
            bytes,
            start,
            len: lens,
        } = *self.rows.get(place)?;
        let low = u64::from(start);
        let offset = u64::from((lens & HIGH_MASK) >> LEN_BITS) << 32 | low;
        let doc = self.doc_of(place)?;
        let (at, codes_len) = self.codes(place)?;
        Some(Item {
            at,
            lens: [lens & LEN_MASK, 0, 0, 0, codes_len],
            docs: [u32::try_from(doc).ok()?, 1],
            doc_offset: offset.checked_add(1)?,
            bytes,
            kind: ItemKind::Line,
            key_is_text: lens & KEY_IS_TEXT != 0,
            in_doc: true,
        })
    }

    /// The document of line `place`: its block's plus its steps, or, when that is far, the
    /// last whose lines start at or before it.
    fn doc_of(&self, place: usize) -> Option<usize> {
        let from = *self.block_docs.get(place / BLOCK)? as usize;
        match *self.doc_steps.get(place)? {
            FAR => {
                let starts = self.doc_starts.get(from..)?;
                let after = starts.partition_point(|&s| s as usize <= place);
                (from + after).checked_sub(1)
            }
            steps => Some(from + usize::from(steps)),
        }
    }

    /// Where line `place`'s own entry codes are (start, length) while the lines keep them.
    fn own_codes(&self, place: usize) -> Option<(u64, u32)> {
        let at = self.codes_at.get(place..place.checked_add(2)?)?;
        Some((at[0], u32::try_from(at[1].checked_sub(at[0])?).ok()?))
    }

    /// The line's `Item::at` and `Item::lens[4]`: its own codes' place, or its place and
    /// [`THROUGH_WORDS`].
    fn codes(&self, place: usize) -> Option<(u64, u32)> {
        if let Some(own) = self.own_codes(place) {
            return Some(own);
        }
        let key = u32::try_from(place).ok()?;
        match self.apart.binary_search_by_key(&key, |&(p, _, _)| p) {
            Ok(i) => self.apart.get(i).map(|&(_, at, len)| (at, len)),
            Err(_) => Some((u64::try_from(place).ok()?, THROUGH_WORDS)),
        }
    }
}

#[cfg(test)]
#[path = "line_items_tests.rs"]
mod tests;
