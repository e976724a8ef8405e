//! The lines of documents as index items, without copies of the corpus: a line's text is a
//! range of its document's text (the index shares the corpus), its folded key is not kept
//! (its words' numbers are, once the words are indexed: [`super::forward`]; the key is
//! folded again where a line's text must be read), and its words' skeletons are entry
//! numbers into a shared vocabulary ([`super::words`]).

use std::borrow::Cow;

use crate::text::{fold_into, is_word_char};

use super::arena::{MAX_PIECE, pieces};
use super::bytes::byte_set;
use super::entry_words::{THROUGH_WORDS, share_vocabulary};
use super::index::{Index, Item};
use super::line_items::NewLine;
use super::postings::Postings;
use super::skeleton::each_skeleton_entry;
use super::words::LineWords;

/// One line's folded key while it is added (reused line after line).
#[derive(Debug, Default)]
pub(super) struct LineScratch {
    key: String,
}

impl Index {
    /// Adds the lines of document `doc` (its text `text`): trimmed, holding a word, very
    /// long ones in pieces. `scratch` holds one line's folded key and skeleton field at a
    /// time.
    pub(super) fn push_lines(&mut self, doc: usize, text: &str, scratch: &mut LineScratch) {
        let Ok(doc) = u32::try_from(doc) else {
            self.too_big = true;
            return;
        };
        for (at, trimmed) in crate::text::trimmed_lines(text) {
            if !trimmed.chars().any(is_word_char) {
                continue;
            }
            let mut piece_at = at;
            for piece in pieces(trimmed, MAX_PIECE) {
                self.push_line(doc, piece_at, piece, scratch);
                piece_at += piece.len();
            }
        }
    }

    /// Adds one line item: `text` at byte `offset` of document `doc`. Nothing is added,
    /// and the index is marked too big, when an id, a length or an offset does not fit.
    fn push_line(&mut self, doc: u32, offset: usize, text: &str, scratch: &mut LineScratch) {
        let fits = u32::try_from(self.items.len()).is_ok_and(|id| id < u32::MAX);
        if !fits {
            self.too_big = true;
            return;
        }
        let LineScratch { key } = scratch;
        key.clear();
        fold_into(text, key);
        let key_is_text = key == text;
        // The same bytes as an item whose strings are all stored: text, key, skeletons
        // (the entries, and the spaces between them).
        let mut bytes = byte_set(text.as_bytes()) | byte_set(key.as_bytes());
        let (start, mut fits) = (self.words.lines_len(), true);
        let words = &mut self.words;
        each_skeleton_entry(text, None, |entry| {
            bytes |= byte_set(entry.as_bytes()) | byte_set(b" ");
            fits = fits && words.push_entry(entry).is_some();
        });
        // A line that does not fit leaves no codes behind.
        let line = NewLine::new(doc, offset, text.len(), bytes, key_is_text);
        let codes = self.words.end_line(start, fits && line.is_some());
        let (Some(line), Some((at, len))) = (line, codes) else {
            self.too_big = true;
            return;
        };
        self.items
            .push_line(line, at.saturating_add(u64::from(len)));
    }

    /// The `n`-th string of a document line (0 text, 1 key when it is the text; it has no
    /// others: its key is folded again by [`Index::key`], its skeletons are in
    /// [`Index::line_words`]).
    /// A packed document's line is copied out of its text, decompressed once for the run
    /// of its lines read (see [`crate::corpus::Document::with_text`]).
    pub(super) fn line_field(&self, item: &Item, n: usize) -> Cow<'_, str> {
        let text = || {
            let doc = usize::try_from(item.docs[0]).ok();
            let doc = doc.and_then(|d| self.corpus.as_ref()?.docs.get(d));
            let start = item.doc_offset.checked_sub(1);
            let start = start.and_then(|s| usize::try_from(s).ok());
            let len = usize::try_from(item.lens[0]).ok();
            let (Some(doc), Some(start), Some(len)) = (doc, start, len) else {
                return Cow::Borrowed("");
            };
            let range = start..start.saturating_add(len);
            if !doc.held_text().is_packed() {
                return match doc.text() {
                    Ok(Cow::Borrowed(text)) => Cow::Borrowed(text.get(range).unwrap_or("")),
                    _ => Cow::Borrowed(""),
                };
            }
            let line = doc.with_text(|text| text.get(range).unwrap_or("").to_string());
            Cow::Owned(line.unwrap_or_default())
        };
        match n {
            0 => text(),
            1 if item.key_is_text => text(),
            _ => Cow::Borrowed(""),
        }
    }

    /// A document line's words as skeleton entries (`None` for other items, whose
    /// skeletons are a string field).
    pub(crate) fn line_words(&self, item: &Item) -> Option<LineWords<'_>> {
        if !item.in_doc {
            return None;
        }
        if item.lens[4] == THROUGH_WORDS {
            let forward = &self.postings.as_ref()?.forward;
            let line = usize::try_from(item.at).ok()?;
            return Some(self.words.through(forward.words(line)));
        }
        Some(self.words.line(item.at, item.lens[4]))
    }

    /// Indexes the lines' words (see [`super::postings`]): each folded word's lines and
    /// each line's words, and the skeleton entries renumbered by the folded words (see
    /// [`super::entry_words`]: a line's entries are then read through its words, and an
    /// entry's lines are its word's), so that a one-word term is answered from its words
    /// rather than by reading every line (the reader's filter line; the results are the
    /// same). Costs about half the text's size again, which a one-off search does not win
    /// back. Left out when the index is too big; done once.
    ///
    /// Also left out when the lines' words hardly repeat (made-up words, hashes:
    /// [`super::words::Words::hardly_repeat`]), a list for nearly every word: on 40 MB of
    /// made-up words they held 1.45 times the text and took 4.3 times it at their build's
    /// peak (the reader's peak, 7.2 to 8.2 times the file), for keys answered at most about
    /// three times as fast as by reading the lines (11 against 33 ms CPU), on one line no
    /// faster (issue 13).
    pub fn index_words(&mut self) {
        if self.too_big || self.postings.is_some() || self.words.hardly_repeat() {
            return;
        }
        let lines = self.items.from(self.first_line());
        let texts = lines.map(|item| self.line_field(&item, 0));
        let Some(postings) = Postings::build(texts) else {
            return;
        };
        let vocab = postings.vocab.len();
        self.entry_side =
            share_vocabulary(&mut self.words, &mut self.items, &postings.forward, vocab);
        self.postings = Some(postings);
    }
}
