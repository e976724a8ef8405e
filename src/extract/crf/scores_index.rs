//! The index of [`super::WordScores`]: what each word contributes, found by the word.
//!
//! The words are held back to back in one buffer and the entries, 32 bytes each, point into
//! it. A map from an owned `String` kept a 48-byte bucket per word and the word in an
//! allocation of its own, elsewhere in the heap: a lookup read the bucket, then waited on
//! the word's line to compare it, and a time profile put that wait among the tagger's two
//! largest. Here the words of a news vocabulary (the frequent ones first seen, so first in
//! the buffer) share their lines, and an entry is compared by length before any byte.

use hashbrown::HashTable;
use xxhash_rust::xxh3::xxh3_64;

use super::Cached;

/// One word's entry: 32 bytes, two to a cache line.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The hash of the word's key ([`super::Context::key_hash`]), kept with its scores.
    key_hash: u64,
    cached: Cached,
    /// Where the word starts in [`WordIndex::words`].
    at: u32,
    /// Its length in bytes.
    len: u32,
}

/// Words (token texts) and what each contributes.
#[derive(Debug, Default)]
pub(super) struct WordIndex {
    entries: HashTable<Entry>,
    /// The words, back to back.
    words: String,
}

impl WordIndex {
    /// Number of words held.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Where the index stands: the words held and the bytes they take, for
    /// [`Self::truncate`].
    pub(super) fn mark(&self) -> (usize, usize) {
        (self.entries.len(), self.words.len())
    }

    /// Forgets the words added since `mark` (from [`Self::mark`]), keeping the room they
    /// took: those held in `words` from where it then ended.
    pub(super) fn truncate(&mut self, (entries, bytes): (usize, usize)) {
        if entries >= self.entries.len() {
            return;
        }
        self.entries.retain(|e| (e.at as usize) < bytes);
        self.words.truncate(bytes);
    }

    /// What `word` contributes and its key's hash, if it is held.
    #[inline]
    pub(super) fn get(&self, word: &str) -> Option<(Cached, u64)> {
        let words = self.words.as_bytes();
        let len = u32::try_from(word.len()).ok()?;
        let found = self.entries.find(xxh3_64(word.as_bytes()), |e| {
            e.len == len
                && words.get(e.at as usize..(e.at + e.len) as usize) == Some(word.as_bytes())
        })?;
        Some((found.cached, found.key_hash))
    }

    /// Holds `word` (not held yet) with what it contributes and its key's hash; does nothing
    /// past 4 GiB of words (the word is then scored directly each time, alike).
    pub(super) fn insert(&mut self, word: &str, cached: Cached, key_hash: u64) {
        let (Ok(at), Ok(len)) = (u32::try_from(self.words.len()), u32::try_from(word.len())) else {
            return;
        };
        if at.checked_add(len).is_none() {
            return;
        }
        self.words.push_str(word);
        let entry = Entry {
            key_hash,
            cached,
            at,
            len,
        };
        let words = self.words.as_bytes();
        // Growing rehashes each word held from the buffer.
        let rehash = |e: &Entry| xxh3_64(&words[e.at as usize..(e.at + e.len) as usize]);
        self.entries
            .insert_unique(xxh3_64(word.as_bytes()), entry, rehash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_held_and_nothing_else() {
        let mut index = WordIndex::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            let at = u32::try_from(i).expect("small");
            index.insert(w, Cached::Word(at), u64::from(at) * 3);
        }
        assert_eq!(index.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            let at = u32::try_from(i).expect("small");
            match index.get(w) {
                Some((Cached::Word(got), hash)) => assert_eq!((got, hash), (at, u64::from(at) * 3)),
                other => panic!("{w}: {other:?}"),
            }
        }
        // A word that is a prefix or an extension of one held, or empty, is not held.
        for absent in ["w", "w12345", "w4999x", "", "x0"] {
            assert!(index.get(absent).is_none(), "{absent}");
        }
        index.insert("", Cached::Word(7), 1);
        assert!(matches!(index.get(""), Some((Cached::Word(7), 1))));
    }
}
