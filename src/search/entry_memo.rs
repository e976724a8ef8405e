//! What one term met among the skeleton entries of a vocabulary ([`super::words`]): each
//! entry is tried once per search, however many lines hold it.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use super::Words;

/// What one term found for each entry of the vocabulary so far: every entry is tried once
/// per search, however many lines hold it. One per term and search thread.
#[derive(Debug, Default)]
pub(crate) struct EntryMemo {
    /// Per entry: 0 not tried yet, 1 not met, 2 met.
    seen: RefCell<Vec<u8>>,
    /// For a finished vocabulary: the entries met, found in one pass (or handed in).
    met: OnceCell<Arc<EntrySet>>,
}

/// A set of entry numbers as bits: a line's entries are looked up in it one by one, so a
/// lookup is a shift and a mask, not a search.
#[derive(Debug, Default)]
pub(crate) struct EntrySet {
    bits: Vec<u64>,
    empty: bool,
}

impl EntrySet {
    /// The set of `ids`.
    pub fn of(ids: impl Iterator<Item = u32>) -> EntrySet {
        let mut set = EntrySet {
            bits: Vec::new(),
            empty: true,
        };
        for id in ids {
            let Ok(i) = usize::try_from(id) else {
                continue;
            };
            if set.bits.len() <= i / 64 {
                set.bits.resize(i / 64 + 1, 0);
            }
            set.bits[i / 64] |= 1 << (i % 64);
            set.empty = false;
        }
        set
    }

    /// True when no entry is in the set.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// True when entry `id` is in the set.
    pub fn contains(&self, id: u32) -> bool {
        let Ok(i) = usize::try_from(id) else {
            return false;
        };
        self.bits
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
}

impl EntryMemo {
    /// The entries of the finished `words` whose text holds `finder`'s needle and `meets`
    /// (see [`Words::entries_meeting`]): found once per search.
    pub fn met(
        &self,
        words: &Words,
        finder: &memchr::memmem::Finder<'_>,
        meets: impl Fn(&str) -> bool,
    ) -> &EntrySet {
        self.met.get_or_init(|| {
            Arc::new(EntrySet::of(
                words.entries_meeting(finder, meets).into_iter(),
            ))
        })
    }

    /// Sets the entries met, found elsewhere for the same term and vocabulary (no effect
    /// once they are set).
    pub fn seed(&self, met: Arc<EntrySet>) {
        let _ = self.met.set(met);
    }

    /// Whether entry `id` of `words` is met, asking `meets` the first time (for a
    /// vocabulary still growing: a shared one names no entry's text, [`Words::entry`]).
    pub fn get(&self, words: &Words, id: u32, meets: impl FnOnce(&str) -> bool) -> bool {
        let Ok(slot) = usize::try_from(id) else {
            return false;
        };
        let mut seen = self.seen.borrow_mut();
        if seen.len() < words.len() {
            seen.resize(words.len(), 0);
        }
        match seen.get(slot).copied() {
            Some(2) => true,
            Some(1) => false,
            Some(_) => {
                let met = words.entry(id).is_some_and(meets);
                seen[slot] = if met { 2 } else { 1 };
                met
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_set_holds_what_it_was_given() {
        let set = EntrySet::of([3, 64, 200].into_iter());
        assert!(!set.is_empty());
        assert!([3, 64, 200].iter().all(|&id| set.contains(id)));
        assert!(
            [0, 63, 65, 199, 201, u32::MAX]
                .iter()
                .all(|&id| !set.contains(id))
        );
        assert!(EntrySet::of(std::iter::empty()).is_empty());
    }
}
