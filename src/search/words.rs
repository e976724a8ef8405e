//! The words of document lines by skeleton, stored once per distinct word.
//!
//! A line's skeleton field (see [`super::skeleton`]) names one entry per word, and news text
//! says the same words again and again: a corpus of a gigabyte holds some hundred thousand
//! distinct entries, and the field written out per line took about twice the text. Here each
//! distinct entry is kept once (the vocabulary), and a line keeps only the numbers of its
//! entries in order, as variable-length integers (one or two bytes for common words). A
//! term's shape is tried once per entry it meets, not once per line ([`EntryMemo`]).

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use hashbrown::HashTable;
use xxhash_rust::xxh3::xxh3_64;

use super::leb128;

/// The vocabulary of skeleton entries and the entry numbers of every indexed line.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Entries back to back, each written ` a:<skeleton>.<vowels> ` as a one-entry field.
    entries: String,
    /// Where each entry ends in `entries` (entry `n` starts where `n - 1` ends): 32 bits,
    /// half what 64 took, a tenth of the index on a corpus whose words are mostly seen once
    /// (the vocabulary grows with the corpus); a vocabulary past 4 GiB is too big.
    ends: Vec<u32>,
    /// Each line's entry numbers, plus one (0 is a left-out word, ` -`), as LEB128; once
    /// the vocabulary is shared with the folded words ([`super::entry_words`]), only the
    /// lines held apart's (the others read theirs through their words).
    lines: Vec<u8>,
    /// Entry numbers while lines are added, found by the hash of the entry's text (read
    /// back from `entries`, not copied); dropped by [`Words::finish`].
    ids: HashTable<u32>,
    /// No entry is added any more (an index's vocabulary once built).
    finished: bool,
}

/// One line's entries, as [`super::matcher::Fields`] hands them to a term.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineWords<'a> {
    pub words: &'a Words,
    /// The line's LEB128 entry numbers.
    pub codes: &'a [u8],
}

impl Words {
    /// Adds the entries of one line's skeleton field (as [`super::index::push_skeletons`]
    /// writes it); returns where its numbers start and how many bytes they take, or `None`
    /// when the vocabulary or the numbers outgrow 32-bit entry numbers or their offsets.
    pub fn push_line(&mut self, field: &str) -> Option<(u64, u32)> {
        let start = self.lines.len();
        for entry in field.split(' ').filter(|e| !e.is_empty()) {
            let code = self.code(entry)?;
            leb128::push(&mut self.lines, u64::from(code));
        }
        let len = u32::try_from(self.lines.len() - start).ok()?;
        Some((u64::try_from(start).ok()?, len))
    }

    /// The code a line keeps for `entry` (one entry of a skeleton field, without its
    /// spaces): 0 for a left-out word (`-`), else its number plus one, added when new.
    pub fn code(&mut self, entry: &str) -> Option<u32> {
        match entry {
            "-" => Some(0),
            _ => self.intern(entry)?.checked_add(1),
        }
    }

    /// The number of `entry` (without its spaces), added when new.
    fn intern(&mut self, entry: &str) -> Option<u32> {
        let hash = xxh3_64(entry.as_bytes());
        if let Some(&id) = self.ids.find(hash, |&id| self.bare(id) == entry) {
            return Some(id);
        }
        let id = u32::try_from(self.ends.len())
            .ok()
            .filter(|&id| id < u32::MAX)?;
        let end = u32::try_from(self.entries.len() + entry.len() + 2).ok()?;
        self.entries.push(' ');
        self.entries.push_str(entry);
        self.entries.push(' ');
        self.ends.push(end);
        let (entries, ends) = (&self.entries, &self.ends);
        self.ids.insert_unique(hash, id, |&id| {
            xxh3_64(bare_entry(entries, ends, id).as_bytes())
        });
        Some(id)
    }

    /// Entry `id` without its spaces, as [`Words::code`] was given it.
    fn bare(&self, id: u32) -> &str {
        bare_entry(&self.entries, &self.ends, id)
    }

    /// Drops what only adding lines needs, and spare capacity.
    pub fn finish(&mut self) {
        self.ids = HashTable::new();
        self.finished = true;
        self.entries.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.lines.shrink_to_fit();
    }

    /// Entry `id` as a one-entry skeleton field (` a:<skeleton>.<vowels> `).
    pub fn entry(&self, id: u32) -> &str {
        entry_at(&self.entries, &self.ends, id)
    }

    /// Every entry in which `finder` finds its needle, by number, in order: one pass over
    /// the whole vocabulary (the entries lie back to back).
    pub fn entries_holding<'a>(
        &'a self,
        finder: &'a memchr::memmem::Finder<'_>,
    ) -> impl Iterator<Item = u32> + 'a {
        let ends = &self.ends;
        finder
            .find_iter(self.entries.as_bytes())
            .filter_map(move |at| {
                let at = u32::try_from(at).ok()?;
                u32::try_from(ends.partition_point(|&end| end <= at)).ok()
            })
    }

    /// Heap bytes of the vocabulary of entries (their text and ends).
    pub fn entries_held(&self) -> usize {
        self.entries.capacity() + super::held::vec_bytes(&self.ends)
    }

    /// Heap bytes of the lines' entry codes.
    pub fn codes_held(&self) -> usize {
        super::held::vec_bytes(&self.lines)
    }

    /// Number of distinct entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True once [`Words::finish`] was called: no entry is added any more.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// A line's codes: `len` bytes from `start` (as [`Words::push_line`] returned them).
    pub fn line(&self, start: u64, len: u32) -> LineWords<'_> {
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let end = start.saturating_add(usize::try_from(len).unwrap_or(0));
        LineWords {
            words: self,
            codes: self.lines.get(start..end).unwrap_or_default(),
        }
    }

    /// A line's entries read through its folded words' codes `codes` (as
    /// [`super::forward::Forward`] holds them), once the vocabulary is shared (see
    /// [`super::entry_words`]): word `n`'s entry is entry `n`, empty for a word without
    /// one, which no term meets.
    pub fn through<'a>(&'a self, codes: &'a [u8]) -> LineWords<'a> {
        LineWords { words: self, codes }
    }

    /// Puts the codes of the lines held apart in place of every line's (see
    /// [`super::entry_words::share_vocabulary`]).
    pub(super) fn replace_codes(&mut self, lines: Vec<u8>) {
        self.lines = lines;
    }

    /// Puts the renumbered vocabulary in place (see
    /// [`super::entry_words::share_vocabulary`]).
    pub(super) fn replace_entries(&mut self, entries: String, ends: Vec<u32>) {
        (self.entries, self.ends) = (entries, ends);
        self.ids = HashTable::new();
        self.finished = true;
    }
}

/// Entry `id` of `entries` laid out as [`Words::entries`] is, with its spaces.
fn entry_at<'a>(entries: &'a str, ends: &[u32], id: u32) -> &'a str {
    let id = usize::try_from(id).unwrap_or(usize::MAX);
    let end = ends.get(id).copied().unwrap_or(0);
    let start = match id.checked_sub(1) {
        Some(before) => ends.get(before).copied().unwrap_or(end),
        None => 0,
    };
    let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
        return "";
    };
    entries.get(start..end).unwrap_or("")
}

/// Entry `id` of `entries` without its spaces.
fn bare_entry<'a>(entries: &'a str, ends: &[u32], id: u32) -> &'a str {
    let entry = entry_at(entries, ends, id);
    entry.get(1..entry.len().saturating_sub(1)).unwrap_or("")
}

impl<'a> LineWords<'a> {
    /// The codes `codes` (as [`leb128::push`] wrote [`Words::code`]s) of entries of `words`.
    pub fn new(words: &'a Words, codes: &'a [u8]) -> LineWords<'a> {
        LineWords { words, codes }
    }

    /// The line's entries in order: `Some(id)` for a word's entry, `None` for a left-out
    /// word (` -`). A line read through its folded words gives a left-out word's own
    /// entry, which is empty: no term meets it, as none meets a left-out word.
    pub fn ids(&self) -> impl Iterator<Item = Option<u32>> + '_ {
        let mut rest = self.codes;
        std::iter::from_fn(move || {
            let (code, used) = leb128::read(rest)?;
            let code = u32::try_from(code).ok()?;
            rest = rest.get(used..).unwrap_or_default();
            Some(code.checked_sub(1))
        })
    }
}

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
    /// The entries of the finished `words` that `meets`, among those `candidates` gives
    /// (every entry that can be met is among them): found once per search.
    pub fn met(
        &self,
        candidates: impl Iterator<Item = u32>,
        words: &Words,
        meets: impl Fn(&str) -> bool,
    ) -> &EntrySet {
        self.met.get_or_init(|| {
            Arc::new(EntrySet::of(
                candidates.filter(|&id| meets(words.entry(id))),
            ))
        })
    }

    /// Sets the entries met, found elsewhere for the same term and vocabulary (no effect
    /// once they are set).
    pub fn seed(&self, met: Arc<EntrySet>) {
        let _ = self.met.set(met);
    }

    /// Whether entry `id` of `words` is met, asking `meets` the first time.
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
                let met = meets(words.entry(id));
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
    fn entries_are_stored_once_and_lines_keep_their_order() {
        let mut words = Words::default();
        let a = words.push_line(" a:lfrf.aa - l:lvrv.ao a:lfrf.aa ");
        let b = words.push_line(" l:lvrv.ao ");
        words.finish();
        assert_eq!(words.len(), 2);
        let ((sa, la), (sb, lb)) = (a.unwrap_or_default(), b.unwrap_or_default());
        let ids: Vec<_> = words.line(sa, la).ids().collect();
        assert_eq!(ids, [Some(0), None, Some(1), Some(0)]);
        assert_eq!(words.line(sb, lb).ids().collect::<Vec<_>>(), [Some(1)]);
        assert_eq!(words.entry(0), " a:lfrf.aa ");
        assert_eq!(words.entry(1), " l:lvrv.ao ");
        assert_eq!(words.entry(2), "");
    }
}

#[cfg(test)]
mod set_tests {
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
