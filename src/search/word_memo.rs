//! A small memo of the words holding a pattern, so a term typed key by key looks for its
//! longer pattern among the previous key's words rather than the whole vocabulary.

use std::sync::Mutex;

use super::postings::Postings;

/// Per pattern, the folded words holding it, from the last searches: a pattern grown from
/// one of them is looked for among its words alone, not the whole vocabulary.
#[derive(Debug, Default)]
pub(crate) struct WordMemo(Mutex<Vec<(String, Vec<u32>)>>);

/// How many patterns [`WordMemo`] keeps, and how many words of each at most (4 MB in all).
const MEMO_PATTERNS: usize = 8;
const MEMO_WORDS: usize = 1 << 17;

impl WordMemo {
    /// The words of `postings` holding `needle`, or `None` when more than `limit` do.
    pub(super) fn words_holding(
        &self,
        postings: &Postings,
        needle: &str,
        limit: usize,
    ) -> Option<Vec<u32>> {
        let mut memo = self.0.lock().ok()?;
        let base = memo
            .iter()
            .filter(|(p, _)| needle.contains(p.as_str()))
            .max_by_key(|(p, _)| p.len());
        let found = postings.words_holding(needle, base.map(|(_, w)| w.as_slice()), limit)?;
        if found.len() <= MEMO_WORDS && !memo.iter().any(|(p, _)| p == needle) {
            if memo.len() >= MEMO_PATTERNS {
                memo.remove(0);
            }
            memo.push((needle.to_string(), found.clone()));
        }
        Some(found)
    }
}
