//! A small memo of the words holding a pattern, so a term typed key by key looks for its
//! longer pattern among the previous key's words rather than the whole vocabulary.
//!
//! Every table a term's words make ([`super::postings::Postings::first_kinds`],
//! [`super::postings::Postings::edge_kinds`], the words whose lines are followed) is made
//! from the words holding its pattern (or its longest run of letters), whatever its
//! operator: and a word holding a pattern holds every piece of it. So the words of `anka`
//! are found among those of `ank` (or of `nk`), which `^ank`, `ank$` or `'ank` found just
//! as well; the memo is keyed by the pattern alone.

use std::sync::{Arc, Mutex};

use super::postings::Postings;

/// Per pattern, the folded words holding it, from the last searches, newest last.
#[derive(Debug)]
pub(crate) struct WordMemo {
    memo: Mutex<Vec<(String, Arc<[u32]>)>>,
    /// Bytes of the vocabulary a pass over it reads in the time one word is looked at
    /// alone: a piece's words are looked through only when fewer than the vocabulary's
    /// bytes over this.
    word_cost: usize,
}

/// See [`WordMemo::word_cost`]: a word looked at alone costs about what a pass over 64
/// bytes of the vocabulary does, so the words of a piece most words hold (`a`) are not
/// worth looking through.
const WORD_COST: usize = 64;

impl Default for WordMemo {
    fn default() -> WordMemo {
        WordMemo::with_word_cost(WORD_COST)
    }
}

/// How many patterns [`WordMemo`] keeps.
const MEMO_PATTERNS: usize = 8;
/// How many words it keeps in all (8 MB): a one-letter pattern is in most words of a large
/// vocabulary, and the next key's are found among them.
const MEMO_WORDS: usize = 1 << 21;

impl WordMemo {
    /// A memo that looks through a piece's words when they are fewer than the
    /// vocabulary's bytes over `word_cost` (see [`WordMemo::word_cost`]).
    pub(super) fn with_word_cost(word_cost: usize) -> WordMemo {
        WordMemo {
            memo: Mutex::default(),
            word_cost,
        }
    }

    /// The words of `postings` holding `needle`, ascending: found among the words of the
    /// remembered pattern `needle` holds that has the fewest, when they are few enough
    /// (see [`WordMemo::word_cost`]), else in the whole vocabulary. `None` only past
    /// 32-bit offsets.
    pub(super) fn holding(&self, postings: &Postings, needle: &str) -> Option<Arc<[u32]>> {
        let base = {
            let memo = self.memo.lock().ok()?;
            if let Some((_, known)) = memo.iter().find(|(p, _)| p == needle) {
                return Some(Arc::clone(known));
            }
            memo.iter()
                .filter(|(p, _)| needle.contains(p.as_str()))
                .map(|(_, words)| words)
                .min_by_key(|words| words.len())
                .filter(|words| {
                    words.len().saturating_mul(self.word_cost) <= postings.vocabulary_len()
                })
                .map(Arc::clone)
        };
        // Looked for with the lock let go: it is held only to read and update the memo.
        let found: Arc<[u32]> = postings
            .words_holding(needle, base.as_deref(), usize::MAX)?
            .into();
        self.keep(needle, &found);
        Some(found)
    }

    /// Remembers `words` as the words holding `needle`, forgetting the oldest patterns to
    /// stay within [`MEMO_PATTERNS`] and [`MEMO_WORDS`].
    fn keep(&self, needle: &str, words: &Arc<[u32]>) {
        let Ok(mut memo) = self.memo.lock() else {
            return;
        };
        if words.len() > MEMO_WORDS || memo.iter().any(|(p, _)| p == needle) {
            return;
        }
        let mut total: usize = memo.iter().map(|(_, w)| w.len()).sum();
        while !memo.is_empty() && (memo.len() >= MEMO_PATTERNS || total + words.len() > MEMO_WORDS)
        {
            total -= memo.remove(0).1.len();
        }
        memo.push((needle.to_string(), Arc::clone(words)));
    }
}

#[cfg(test)]
#[path = "word_memo_tests.rs"]
mod tests;
