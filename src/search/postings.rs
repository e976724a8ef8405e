//! Which document lines hold each word: an inverted index, so that a term finds its lines
//! through the few words that contain it instead of reading every line's text.
//!
//! Two kinds of keys lead to lines here. Folded words: runs of alphanumeric characters of a
//! line's folded key, the bounds the matcher draws words by (`is_word_start`,
//! `is_word_end`); a pattern made of alphanumeric characters occurs in a key only inside one
//! such run, so the lines holding it are exactly the lines of the words that contain it.
//! And skeleton entries ([`super::words`]): the lines holding each entry. Each distinct
//! folded word is stored once; a key's lines are line numbers (an item id less the id of
//! the first line: entities come before lines and are replaced without touching them),
//! ascending, delta-encoded as LEB128, each with a flag bit (for a folded word: the line's
//! key starts with it); a word met once keeps its one line inline ([`super::lists`]).

use std::sync::Arc;

use hashbrown::HashTable;
use memchr::memmem::Finder;
use xxhash_rust::xxh3::xxh3_64;

use super::ends::Ends;
use super::forward::{Forward, WordKinds};
pub(crate) use super::lists::{Lists, ListsBuilder};
use crate::text::fold_into;

#[path = "word_order.rs"]
mod word_order;

/// See [`Postings::edge_kinds`]: the word starts with the needle.
pub(crate) const EDGE_START: u8 = 1;
/// See [`Postings::edge_kinds`]: the word ends with the needle.
pub(crate) const EDGE_END: u8 = 2;
/// See [`Postings::edge_kinds`]: the word is the needle.
pub(crate) const EDGE_WHOLE: u8 = 4;

/// The distinct folded words: numbered in the order first met while they are read, then
/// by how often they are met ([`word_order`]).
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// Distinct words, each followed by `\n` (which no word holds).
    words: String,
    /// Where each word's `\n` ends in `words`.
    ends: Ends,
}

impl Vocab {
    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Heap bytes of the words and their ends.
    pub fn held(&self) -> usize {
        self.words.capacity() + self.ends.held()
    }

    /// Word `id`.
    pub fn word(&self, id: u32) -> &str {
        word_at(&self.words, &self.ends, id)
    }

    /// The number of `word`, numbered now when new. `None` past 32-bit offsets.
    fn intern(&mut self, table: &mut HashTable<u32>, word: &str) -> Option<u32> {
        let hash = xxh3_64(word.as_bytes());
        let (words, ends) = (&self.words, &self.ends);
        let text = |id: u32| word_at(words, ends, id);
        if let Some(&id) = table.find(hash, |&id| text(id) == word) {
            return Some(id);
        }
        let id = u32::try_from(self.ends.len()).ok()?;
        self.words.push_str(word);
        self.words.push('\n');
        self.ends.push(u32::try_from(self.words.len()).ok()?)?;
        let (words, ends) = (&self.words, &self.ends);
        table.insert_unique(hash, id, |&id| xxh3_64(word_at(words, ends, id).as_bytes()));
        Some(id)
    }
}

/// The folded words of document lines and the lines of each.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    /// The words, shared with the line filters that read a line's edge words' text.
    pub vocab: Arc<Vocab>,
    /// Each word's lines; the flag: the line's folded key starts with the word.
    pub lines: Lists,
    /// Each line's words in order (what is left of its folded key), shared with the line
    /// filters that read them line by line.
    pub forward: Arc<Forward>,
}

/// [`char::is_alphanumeric`] for every character below U+0800 (Latin, Turkish, Arabic),
/// as bits: the standard library answers each non-ASCII character by a table search, which
/// took a quarter of building the postings and of a keystroke's scan on Turkish and Arabic
/// text.
static ALNUM_LOW: std::sync::LazyLock<[u64; 32]> = std::sync::LazyLock::new(|| {
    let mut bits = [0u64; 32];
    for c in ('\0'..'\u{800}').filter(|c| c.is_alphanumeric()) {
        let i = c as usize;
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
});

/// Exactly [`char::is_alphanumeric`], quicker on the scripts okur reads.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let i = c as usize;
    match ALNUM_LOW.get(i / 64) {
        Some(word) => word >> (i % 64) & 1 == 1,
        None => c.is_alphanumeric(),
    }
}

/// The words of a folded key: (starts the key, word).
fn words_of(key: &str) -> impl Iterator<Item = (bool, &str)> {
    key.split(|c: char| !is_alnum(c))
        .enumerate()
        .filter(|(_, w)| !w.is_empty())
        .map(|(n, w)| (n == 0, w))
}

impl Postings {
    /// Indexes the lines whose texts `texts` gives, in order: each is folded (once, here)
    /// into its words, which are numbered, then numbered again by how often they are met
    /// ([`word_order`]) and kept in [`Postings::forward`]; then each word's lines are laid
    /// out from those numbers. `None` when a count outgrows 32 bits.
    pub fn build(texts: impl Iterator<Item = impl AsRef<str>>) -> Option<Postings> {
        let mut table: HashTable<u32> = HashTable::new();
        let mut postings = Postings::default();
        let mut forward = Forward::default();
        let mut vocab = Vocab::default();
        let mut key = String::new();
        for text in texts {
            key.clear();
            fold_into(text.as_ref(), &mut key);
            for (first, word) in words_of(&key) {
                let id = vocab.intern(&mut table, word)?;
                forward.push_word(id, first);
            }
            let at_end = key.chars().next_back().is_some_and(is_alnum);
            forward.end_line(at_end);
        }
        u32::try_from(forward.lines()).ok()?;
        drop(table);
        forward.finish()?;
        let (vocab, forward, listed) = word_order::by_frequency(vocab, forward)?;
        let mut builder = ListsBuilder::new(listed, vocab.len());
        let mut ends = Vec::new();
        for pass in 0..2 {
            forward.for_each(|line, id, first| {
                // Fewer than 2^32 lines (checked above).
                builder.add(id, u32::try_from(line).unwrap_or(u32::MAX), first);
            });
            if pass == 0 {
                ends = builder.lay_out()?;
            }
        }
        postings.vocab = Arc::new(vocab);
        postings.forward = Arc::new(forward);
        postings.lines = builder.finish(ends)?;
        Some(postings)
    }

    /// Bytes of the vocabulary: what a pass over every word (to find those holding a
    /// pattern) reads.
    pub fn vocabulary_len(&self) -> usize {
        self.vocab.words.len()
    }

    /// Word `id`.
    pub fn word(&self, id: u32) -> &str {
        self.vocab.word(id)
    }

    /// The words that contain `needle` (alphanumeric characters only), ascending; `None` as
    /// soon as more than `limit` do. Among `within` alone when given (the words of a
    /// pattern that `needle` grew from).
    pub fn words_holding(
        &self,
        needle: &str,
        within: Option<&[u32]>,
        limit: usize,
    ) -> Option<Vec<u32>> {
        if let Some(within) = within {
            let out: Vec<u32> = within
                .iter()
                .copied()
                .filter(|&id| find_in(self.word(id).as_bytes(), needle.as_bytes()).is_some())
                .collect();
            return (out.len() <= limit).then_some(out);
        }
        let mut out = Vec::new();
        self.each_holding(needle, |id| {
            out.push(id);
            out.len() <= limit
        })?;
        (out.len() <= limit).then_some(out)
    }

    /// Per word (by number), how it holds `needle` (alphanumeric characters only), as its
    /// first occurrence lies (see [`WordKinds`]).
    /// `own` are the words holding it ([`Postings::words_holding`]): only they are read.
    pub fn first_kinds(&self, needle: &str, own: &[u32]) -> WordKinds {
        let mut kinds = WordKinds::new(self.vocab.len());
        for &id in own {
            let word = self.word(id);
            if let Some(at) = find_in(word.as_bytes(), needle.as_bytes()) {
                kinds.set(
                    id,
                    u8::from(at == 0) | u8::from(at + needle.len() == word.len()) << 1,
                );
            }
        }
        kinds
    }

    /// Per word (by number), how it holds `needle` at its edges, for anchored terms: bits
    /// [`EDGE_START`] (the word starts with it), [`EDGE_END`] (ends with it), [`EDGE_WHOLE`]
    /// (is it); 0 when it does not hold it at either edge. `own` are the words holding it.
    pub fn edge_kinds(&self, needle: &str, own: &[u32]) -> Vec<u8> {
        let mut kinds = vec![0u8; self.vocab.len()];
        for &id in own {
            if let Some(slot) = kinds.get_mut(id as usize) {
                *slot = edge_kind(self.word(id), needle);
            }
        }
        kinds
    }

    /// Calls `f(id)` once for each word holding `needle`, ascending, while `f` says go on.
    /// `None` past 32-bit offsets.
    fn each_holding(&self, needle: &str, mut f: impl FnMut(u32) -> bool) -> Option<()> {
        let finder = Finder::new(needle.as_bytes());
        let bytes = self.vocab.words.as_bytes();
        // `id`: the number of the word starting at `start`.
        let (mut id, mut start) = (0usize, 0usize);
        while let Some(found) = bytes.get(start..).and_then(|rest| finder.find(rest)) {
            let at = start + found;
            // Hits come in order: the words passed each end in a `\n`, counted.
            id += memchr::memchr_iter(b'\n', bytes.get(start..at).unwrap_or_default()).count();
            if !f(u32::try_from(id).ok()?) {
                return Some(());
            }
            // The word's other hits are not wanted: on from the next word (a one-letter
            // needle is in most words, several times).
            let rest = bytes.get(at..).unwrap_or_default();
            start = memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| at + n + 1);
            id += 1;
        }
        Some(())
    }
}

/// How `word` holds `needle` at its edges: the bits [`Postings::edge_kinds`] gives.
pub(crate) fn edge_kind(word: &str, needle: &str) -> u8 {
    let bit = |holds: bool, bit: u8| if holds { bit } else { 0 };
    bit(word.starts_with(needle), EDGE_START)
        | bit(word.ends_with(needle), EDGE_END)
        | bit(word == needle, EDGE_WHOLE)
}

/// Where `needle` first lies in `hay`, a word: a few bytes, where a general searcher's
/// call (as [`Finder::find`]) costs more than the reading, a million times for the words of
/// a one-letter key.
fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    hay.windows(needle.len())
        .position(|w| w.first() == Some(&first) && w == needle)
}

/// Word `id` of `words` laid out as [`Vocab::words`] is.
fn word_at<'a>(words: &'a str, ends: &Ends, id: u32) -> &'a str {
    let span = usize::try_from(id).ok().and_then(|i| ends.span(i));
    let Some((start, end)) = span else {
        return "";
    };
    words.get(start..end.saturating_sub(1)).unwrap_or("")
}

#[cfg(test)]
#[path = "postings_tests.rs"]
mod tests;
