//! The search index: documents, entities and text lines, with keys folded once at build.

use std::borrow::Cow;
use std::sync::Arc;

use crate::corpus::{Corpus, Document};
use crate::text::{fold_into, fold_str};

use super::arena::{MAX_PIECE, pieces, push_fields};
use super::bytes::byte_set;
use super::entry_words::{EntryLines, EntrySide};
use super::item::{EntityItem, ItemKind, ItemView, TitleRow};
pub(crate) use super::line_items::Items;
use super::lines::LineScratch;
use super::postings::Postings;
use super::skeleton::push_skeletons_of;
use super::word_memo::WordMemo;
use super::words::Words;

/// One item: its strings back to back in [`Index::strs`] (text, folded key unless it is the
/// text itself, extra, ISO date, skeletons), their lengths, its documents, and the set of
/// bytes its strings hold. A line of a document keeps none of that text: its text is a
/// range of the document's (shared with the reader, not copied), its folded key is not
/// stored (folded again when its text must be read: see [`super::forward`]), and its
/// words' skeletons are entry numbers into [`Index::words`]. 56 bytes, with offsets of 64
/// bits, so a corpus of any size never wraps an offset; a document line is held in 16
/// ([`Items`]) and made whole when asked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    /// Where the item's strings start in the arena; for a document line, which keeps no
    /// strings there, where its words' entry numbers start in [`Index::words`] (see
    /// `in_doc`): one field for both, 8 bytes a line less.
    pub(super) at: u64,
    /// Byte lengths of: the shown text (title, name or line); the folded text; folded
    /// secondary text that also matches (dateline, file name, aliases), no positions; the
    /// ISO date (documents, date entities); word skeletons, each as ` a:<skeleton>` (Arabic
    /// word) or ` l:<skeleton>` (Latin).
    pub(super) lens: [u32; 5],
    /// An entity's documents as a range of [`Index::doc_ids`] (start, count); the one
    /// document of a title or a line inline (count 1; 0 for a line of standard input).
    pub(super) docs: [u32; 2],
    /// Byte offset of the text in its document plus one (0: not a slice of one).
    pub(super) doc_offset: u64,
    /// The bytes of its strings (see [`super::bytes`]): most items a term cannot meet are
    /// skipped by this alone.
    pub(crate) bytes: u64,
    pub(crate) kind: ItemKind,
    /// The folded text is the text itself (nothing to fold): stored once, or for a line
    /// not folded again.
    pub(super) key_is_text: bool,
    /// A line of a document: its text is bytes `doc_offset - 1 ..` of the document's text
    /// (`lens[0]` long; `lens[1]` unused: no key is stored), and `lens[4]` bytes from `at`
    /// its words' entry numbers in [`Index::words`], or, once the words are indexed, when
    /// `lens[4]` is [`super::entry_words::THROUGH_WORDS`], `at` is its line number and its
    /// entries are its folded words'.
    pub(super) in_doc: bool,
}

impl Item {
    /// Length of the shown text in bytes (the ranking tie-break: shorter first).
    pub(crate) fn text_len(&self) -> u32 {
        self.lens[0]
    }
}

/// One index over documents, entities and lines. Immutable while searched, so it can be
/// shared with a background search thread (`Index: Send + Sync`); only its entities are
/// replaced when extraction ends ([`Index::set_entities`]).
#[derive(Debug, Default)]
pub struct Index {
    /// Items in id order: documents, then entities, then lines.
    pub(crate) items: Items,
    pub(super) strs: String,
    /// The documents of each entity, one range each (see `Item::docs`).
    pub(super) doc_ids: Vec<u32>,
    /// The documents whose lines are items, read for their text (shared, not copied).
    pub(super) corpus: Option<Arc<Corpus>>,
    /// The skeleton entries of the documents' lines.
    pub(super) words: Words,
    /// The documents' lines of each folded word (`None` before the lines are indexed, or
    /// when they outgrew it): what a term's words lead to (see [`super::wordscan`]).
    pub(super) postings: Option<Postings>,
    /// What the lines whose entries are not their folded words' add to the words' lines
    /// (see [`super::entry_words`]): with them, each skeleton entry's lines.
    pub(super) entry_side: Option<EntrySide>,
    /// The words holding recent patterns.
    pub(super) word_memo: WordMemo,
    /// Folded tags per document, set by the caller (triage), ` | ` between two.
    pub(crate) tags: Vec<String>,
    /// Folded source (the path as given) per document, for `%src`.
    pub(crate) sources: Vec<String>,
    /// The bytes of each document's tags and source, which also match on its item.
    pub(crate) doc_bytes: Vec<u64>,
    /// Fuzzy terms match lines as subsequences (standard input), not substrings.
    pub(crate) fuzzy_lines: bool,
    /// Number of document items (the entities' items follow them).
    doc_items: usize,
    /// Number of entity items.
    entity_items: usize,
    /// Where the entities' strings and document ids start in the arenas (their tail), once
    /// entities were set.
    entity_arena: Option<(usize, usize)>,
    /// True when the corpus was too big to index whole (more than 4 billion items or
    /// documents): what is past that is left out, and the caller says so.
    pub(super) too_big: bool,
}

impl Index {
    /// Indexes titles, datelines and lines of the documents of `corpus`, and `entities`.
    /// The index keeps `corpus` (shared) and reads the lines' text from it.
    pub fn build(corpus: &Arc<Corpus>, entities: &[EntityItem]) -> Index {
        let mut index = Index::titles(&corpus.docs);
        let mut scratch = LineScratch::default();
        for (i, doc) in corpus.docs.iter().enumerate() {
            // A text that does not read back has no lines (`text_failure` says why).
            let _ = doc.read_text(|text| index.push_lines(i, text, &mut scratch));
        }
        index.corpus = Some(Arc::clone(corpus));
        index.words.finish();
        index.items.finish_lines(corpus.docs.len());
        // Entities before anything else is built: setting them gives back the arena's
        // spare room (see `Index::index_words`).
        index.set_entities(entities);
        index
    }

    /// Indexes `docs` (owned from now on: the index keeps them for their lines' text) and
    /// `entities`, as [`Index::build`] does.
    pub fn of_documents(docs: Vec<Document>, entities: &[EntityItem]) -> Index {
        Index::build(&Arc::new(Corpus { docs }), entities)
    }

    /// Indexes document titles only (parsed documents).
    pub fn titles(docs: &[Document]) -> Index {
        Index::from_titles(docs.iter().map(|doc| TitleRow {
            path: &doc.path,
            title: &doc.title,
            title_offset: doc.read_text(|t| t.find(doc.title.as_str())).ok().flatten(),
            date: doc.date(),
            source: doc.source(),
        }))
    }

    /// Indexes title rows, document `i` being the `i`-th row: the quick index for the first
    /// frame, fed by [`crate::corpus::fast::read_titles`] before any full parse.
    pub fn from_titles<'a>(rows: impl IntoIterator<Item = TitleRow<'a>>) -> Index {
        let mut index = Index::default();
        for (i, row) in rows.into_iter().enumerate() {
            let name = row.path.rsplit('/').next().unwrap_or("");
            let date = row.date.unwrap_or("");
            index.push_doc(i, row.title, row.title_offset, date, name);
            index.tags.push(String::new());
            // `%src` meets the path and, for an article from a feed or site, its name.
            let source = match row.source {
                Some(name) => fold_str(&format!("{} {name}", row.path)),
                None => fold_str(row.path),
            };
            index.doc_bytes.push(byte_set(source.as_bytes()));
            index.sources.push(source);
        }
        index.doc_items = index.items.len();
        index
    }

    /// Indexes plain lines (standard input for `okur find --stdin`), one item each.
    pub fn lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index {
            fuzzy_lines: true,
            ..Index::default()
        };
        for line in lines {
            for piece in pieces(line, MAX_PIECE) {
                index.push_item(ItemKind::Line, [0, 0], None, |strs| {
                    push_fields(strs, piece, "", "", |out| push_skeletons(piece, out))
                });
            }
        }
        index
    }

    /// Replaces the indexed entities with `entities`; the documents' items stay as they
    /// are (a new extraction costs the entities alone, not the corpus). Ids keep their
    /// order: documents, entities, lines.
    pub fn set_entities(&mut self, entities: &[EntityItem]) {
        let (strs_at, ids_at) = self
            .entity_arena
            .unwrap_or((self.strs.len(), self.doc_ids.len()));
        self.strs.truncate(strs_at);
        self.doc_ids.truncate(ids_at);
        self.entity_arena = Some((strs_at, ids_at));
        let old = self.doc_items..self.doc_items + self.entity_items;
        // The new entities' items are made apart, then put in place of the old ones (the
        // lines, held apart, take their ids after them).
        let all = std::mem::replace(self.items.others_mut(), Vec::with_capacity(entities.len()));
        for e in entities {
            self.push_entity(e);
        }
        let new = std::mem::replace(self.items.others_mut(), all);
        self.entity_items = new.len();
        let others = self.items.others_mut();
        // Room for exactly the entities more than before: splicing would double it.
        others.reserve_exact(new.len().saturating_sub(old.len()));
        others.splice(old, new);
        // The arenas grew by doubling: give back what the entities did not take.
        self.strs.shrink_to_fit();
        self.doc_ids.shrink_to_fit();
        if u32::try_from(self.items.len()).is_err() {
            self.items.truncate(u32::MAX as usize);
            self.too_big = true;
        }
    }

    /// The id of the first document line (documents and entities come first).
    pub(super) fn first_line(&self) -> usize {
        self.doc_items + self.entity_items
    }

    /// The id of the first document line: the items before it are the documents' titles
    /// and the entities, which [`Index::search_heads`] scores alone.
    pub fn first_line_id(&self) -> usize {
        self.first_line()
    }

    /// True when the corpus was too big to index whole (over 4 billion items or
    /// documents): searches miss what was left out.
    pub fn too_big(&self) -> bool {
        self.too_big
    }

    /// Sets a document's tags (they match on its document item).
    pub fn set_tags(&mut self, doc: usize, tags: &[String]) {
        if let Some(slot) = self.tags.get_mut(doc) {
            *slot = fold_str(&tags.join(" | "));
            let bytes = byte_set(slot.as_bytes());
            let source = self.sources.get(doc).map_or(0, |s| byte_set(s.as_bytes()));
            if let Some(set) = self.doc_bytes.get_mut(doc) {
                *set = bytes | source;
            }
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The item with id `id`, for display.
    pub fn item(&self, id: u32) -> Option<ItemView<'_>> {
        let item = self.items.get(usize::try_from(id).ok()?)?;
        Some(ItemView {
            kind: item.kind,
            text: self.text(&item),
            doc: self
                .docs(&item)
                .first()
                .and_then(|&d| usize::try_from(d).ok()),
            doc_offset: item
                .doc_offset
                .checked_sub(1)
                .and_then(|o| usize::try_from(o).ok()),
        })
    }

    /// The `n`-th string of an item (0 text, 1 key, 2 extra, 3 ISO date, 4 skeletons)
    /// stored in the index: none of a document line's (its text and key are read from
    /// its document, [`Index::text`], [`Index::key`]; it has no others).
    fn field(&self, item: &Item, n: usize) -> &str {
        if item.in_doc {
            return "";
        }
        // A key that is the text was not stored again (its length is 0).
        let n = if n == 1 && item.key_is_text { 0 } else { n };
        let lens = item.lens.map(|l| usize::try_from(l).unwrap_or(usize::MAX));
        let before = lens
            .iter()
            .take(n)
            .fold(0usize, |a, &l| a.saturating_add(l));
        let Some(start) = usize::try_from(item.at)
            .ok()
            .map(|at| at.saturating_add(before))
        else {
            return "";
        };
        let end = start.saturating_add(lens.get(n).copied().unwrap_or(0));
        self.strs.get(start..end).unwrap_or("")
    }

    /// The text shown for an item: a title, a name or a line (copied out of its
    /// document's text when that is packed).
    pub(crate) fn text(&self, item: &Item) -> Cow<'_, str> {
        if item.in_doc {
            return self.line_field(item, 0);
        }
        Cow::Borrowed(self.field(item, 0))
    }

    /// The folded text: stored for titles, entities and standard input lines; a document
    /// line's is folded again into `buf` (unless folding leaves its text as it is).
    pub(crate) fn key<'a>(&'a self, item: &Item, buf: &'a mut String) -> &'a str {
        if item.in_doc && !item.key_is_text {
            buf.clear();
            fold_into(&self.text(item), buf);
            return buf;
        }
        if item.in_doc {
            return match self.line_field(item, 1) {
                Cow::Borrowed(key) => key,
                Cow::Owned(key) => {
                    *buf = key;
                    buf
                }
            };
        }
        self.field(item, 1)
    }

    /// Folded secondary text that also matches (dateline, file name, aliases).
    pub(crate) fn extra(&self, item: &Item) -> &str {
        self.field(item, 2)
    }

    /// The ISO date of a document or a date entity.
    pub(crate) fn iso(&self, item: &Item) -> &str {
        self.field(item, 3)
    }

    /// Each skeleton entry's lines, once the words are indexed.
    pub(super) fn entry_lines(&self) -> Option<EntryLines<'_>> {
        let postings = self.postings.as_ref()?;
        Some(self.entry_side.as_ref()?.lines(&postings.lines))
    }

    /// The word skeletons (see [`push_skeletons`]).
    pub(crate) fn skel(&self, item: &Item) -> &str {
        self.field(item, 4)
    }

    /// The documents of an item, in corpus order.
    pub(crate) fn docs<'a>(&'a self, item: &'a Item) -> &'a [u32] {
        if !matches!(item.kind, ItemKind::Entity(_)) {
            let one = std::slice::from_ref(&item.docs[0]);
            return if item.docs[1] == 0 { &[] } else { one };
        }
        self.entity_docs(item)
    }

    /// Item `id`'s kind and documents (in corpus order). A document line's document is read
    /// from its columns, the line not made whole: ranking and counting a one-letter key's
    /// answer ask it of hundreds of thousands of hits, and making each line whole cost that
    /// answer 15 %.
    pub(crate) fn kind_and_docs(&self, id: usize) -> Option<(ItemKind, ItemDocs<'_>)> {
        if let Some(doc) = self.items.line_doc(id) {
            return Some((ItemKind::Line, ItemDocs::One(Some(doc))));
        }
        let item = self.items.get(id)?;
        let docs = match item.kind {
            ItemKind::Entity(_) => ItemDocs::Many(self.entity_docs(&item).iter()),
            _ => ItemDocs::One((item.docs[1] != 0).then_some(item.docs[0])),
        };
        Some((item.kind, docs))
    }

    /// An entity's documents: its range of [`Index::doc_ids`].
    fn entity_docs(&self, item: &Item) -> &[u32] {
        let [start, count] = item.docs;
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let end = start.saturating_add(usize::try_from(count).unwrap_or(0));
        self.doc_ids.get(start..end).unwrap_or(&[])
    }
}

/// The documents of one item ([`Index::kind_and_docs`]), in corpus order.
#[derive(Debug, Clone)]
pub(crate) enum ItemDocs<'a> {
    /// A title's or a line's one document (none for a line of standard input).
    One(Option<u32>),
    /// An entity's documents.
    Many(std::slice::Iter<'a, u32>),
}

impl Iterator for ItemDocs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            ItemDocs::One(doc) => doc.take(),
            ItemDocs::Many(docs) => docs.next().copied(),
        }
    }
}

/// Appends the skeleton entries of the words of `s` (see [`super::skeleton`]).
pub(crate) fn push_skeletons(s: &str, out: &mut String) {
    push_skeletons_of(s, None, out);
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
