//! The words of document lines by skeleton, stored once per distinct word.
//!
//! A line's skeleton field (see [`super::skeleton`]) names one entry per word, and news text
//! says the same words again and again: a corpus of a gigabyte holds some hundred thousand
//! distinct entries, and the field written out per line took about twice the text. Here each
//! distinct entry is kept once (the vocabulary), and a line keeps only the numbers of its
//! entries in order, as variable-length integers (one or two bytes for common words). A
//! term's shape is tried once per entry it meets, not once per line ([`EntryMemo`]).
//!
//! Once the entries are renumbered by the folded words ([`super::entry_words`]), several
//! entries have one text (folded words the skeleton reads alike): each
//! distinct text is still held once, and a term's shape tried once per text, which names
//! its entries ([`shared_texts`]).

use hashbrown::HashTable;
use xxhash_rust::xxh3::xxh3_64;

use super::ends::Ends;
use super::leb128;

pub(crate) use entry_memo::{EntryMemo, EntrySet};

#[path = "entry_memo.rs"]
mod entry_memo;
#[path = "shared_texts.rs"]
mod shared_texts;

use shared_texts::{Shared, SharedBuilder};

/// Distinct entry texts from which a vocabulary can be one whose words hardly repeat
/// ([`Words::hardly_repeat`]): below it the words' postings are small whatever the text.
const MANY_TEXTS: usize = 1 << 16;

/// The vocabulary of skeleton entries and the entry numbers of every indexed line.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Entries back to back, each written ` a:<skeleton>.<vowels> ` as a one-entry field.
    entries: String,
    /// Where each entry ends in `entries` (entry `n` starts where `n - 1` ends): 32 bits,
    /// half what 64 took, a tenth of the index on a corpus whose words are mostly seen once
    /// (the vocabulary grows with the corpus); a vocabulary past 4 GiB is too big. Held in
    /// about 2 bytes each ([`Ends`]).
    ends: Ends,
    /// Each line's entry numbers, plus one (0 is a left-out word, ` -`), as LEB128; once
    /// the vocabulary is shared with the folded words ([`super::entry_words`]), only the
    /// lines held apart's (the others read theirs through their words).
    lines: Vec<u8>,
    /// Entry numbers while lines are added, found by the hash of the entry's text (read
    /// back from `entries`, not copied); dropped by [`Words::finish`].
    ids: HashTable<u32>,
    /// No entry is added any more (an index's vocabulary once built).
    finished: bool,
    /// Once the vocabulary is shared with the folded words ([`super::entry_words`]): the
    /// entry numbers (words) of each distinct skeleton, the texts above. `None` while each
    /// text is its own entry.
    shared: Option<Shared>,
}

/// What [`Words::share`] puts in place.
pub(super) struct SharePlan {
    shared: Shared,
    /// The old number of each distinct text, in the new order.
    old_of_new: Vec<u32>,
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
    /// when the vocabulary or the numbers outgrow 32-bit entry numbers or their offsets
    /// (the line's numbers are then taken back: each line's start where the last ended).
    #[cfg(test)]
    pub fn push_line(&mut self, field: &str) -> Option<(u64, u32)> {
        let start = self.lines.len();
        let mut fits = true;
        for entry in field.split(' ') {
            fits = fits && self.push_entry(entry).is_some();
        }
        self.end_line(start, fits)
    }

    /// Adds the code of `entry` (one entry of a skeleton field, its spaces left out or
    /// not: an empty part is skipped) to the line being added, which started where
    /// [`Words::lines_len`] was; `None` when it outgrows 32 bits (the line must then end
    /// with `fits` false).
    pub fn push_entry(&mut self, entry: &str) -> Option<()> {
        for part in entry.split(' ').filter(|e| !e.is_empty()) {
            let code = self.code(part)?;
            leb128::push(&mut self.lines, u64::from(code));
        }
        Some(())
    }

    /// Bytes of every line's codes so far: where the next line's start.
    pub fn lines_len(&self) -> usize {
        self.lines.len()
    }

    /// Ends the line whose codes started at `start` (its entries given to
    /// [`Words::push_entry`]): where they start and how many bytes they take, or `None` when
    /// `fits` is false or they outgrow 32-bit offsets, the line's codes then taken back
    /// (each line's start where the last ended).
    pub fn end_line(&mut self, start: usize, fits: bool) -> Option<(u64, u32)> {
        let len = self.lines.len().checked_sub(start);
        let place = len
            .filter(|_| fits)
            .and_then(|len| Some((u64::try_from(start).ok()?, u32::try_from(len).ok()?)));
        if place.is_none() {
            self.lines.truncate(start);
        }
        place
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
        self.ends.push(end)?;
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

    /// Entry `id` as a one-entry skeleton field (` a:<skeleton>.<vowels> `), while each
    /// entry has its own text: `None` once the vocabulary is shared (an entry's text is
    /// then found by text, [`Words::entries_meeting`]) or past the last entry.
    pub fn entry(&self, id: u32) -> Option<&str> {
        match self.shared {
            Some(_) => None,
            None => Some(entry_at(&self.entries, &self.ends, id)).filter(|e| !e.is_empty()),
        }
    }

    /// Every entry whose text holds `finder`'s needle and `meets`: one pass over the
    /// distinct texts (they lie back to back), `meets` asked once per text, then the
    /// text's entries, by text (not in order of number).
    pub fn entries_meeting(
        &self,
        finder: &memchr::memmem::Finder<'_>,
        meets: impl Fn(&str) -> bool,
    ) -> Vec<u32> {
        let ends = &self.ends;
        let mut last = None;
        let texts = finder
            .find_iter(self.entries.as_bytes())
            .filter_map(|at| {
                let at = u32::try_from(at).ok()?;
                u32::try_from(ends.count_at_most(at)).ok()
            })
            .filter(|&text| last.replace(text) != Some(text))
            .filter(|&text| meets(entry_at(&self.entries, ends, text)));
        match &self.shared {
            Some(shared) => {
                let mut out = Vec::new();
                shared.entries_of(texts, &mut out);
                out
            }
            None => texts.collect(),
        }
    }

    /// Heap bytes of the vocabulary of entries: their texts and ends, and once shared
    /// which entries have each text.
    pub fn entries_held(&self) -> usize {
        let shared = self.shared.as_ref().map_or(0, Shared::held);
        self.entries.capacity() + self.ends.held() + shared
    }

    /// Heap bytes of the lines' entry codes.
    pub fn codes_held(&self) -> usize {
        super::held::vec_bytes(&self.lines)
    }

    /// Number of entries (one past the greatest number).
    pub fn len(&self) -> usize {
        self.shared.as_ref().map_or(self.ends.len(), Shared::len)
    }

    /// Number of distinct entry texts.
    pub fn texts(&self) -> usize {
        self.ends.len()
    }

    /// True when the lines' words hardly repeat: at least [`MANY_TEXTS`] distinct entry
    /// texts, more than one for every two words the lines hold (made-up words, hashes).
    /// Read before the vocabulary is shared (the lines' codes are then all here).
    pub fn hardly_repeat(&self) -> bool {
        let texts = self.texts();
        // A LEB128 code's last byte, and only its last, is below 0x80: one per word.
        let words = || self.lines.iter().filter(|&&b| b < 0x80).count();
        texts >= MANY_TEXTS && texts.saturating_mul(2) > words()
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

    /// Which entries each distinct text has, renumbered (see
    /// [`super::entry_words::share_vocabulary`]): `pairs` yields (text, entry) for every
    /// entry, entries ascending, each below `len`. `None` when an entry is out of order or
    /// range, or a text unknown; [`Words::share`] then puts it in place.
    pub(super) fn plan_share(
        &self,
        pairs: impl Iterator<Item = (u32, u32)> + Clone,
        len: usize,
    ) -> Option<SharePlan> {
        // Each old text's new number; first how many texts have an entry, so that the
        // entries not first of their text are listed without spare room.
        let mut new_of_old = vec![u32::MAX; self.ends.len()];
        let (mut texts, mut all) = (0usize, 0usize);
        for (old, _) in pairs.clone() {
            let new = new_of_old.get_mut(usize::try_from(old).ok()?)?;
            texts += usize::from(*new == u32::MAX);
            all += 1;
            *new = 0;
        }
        new_of_old.fill(u32::MAX);
        let mut builder = SharedBuilder::new(len, all - texts);
        for (old, entry) in pairs {
            let new = new_of_old.get_mut(usize::try_from(old).ok()?)?;
            *new = builder.add(entry, Some(*new).filter(|&n| n != u32::MAX))?;
        }
        let (shared, count) = builder.finish();
        let mut old_of_new = vec![0u32; usize::try_from(count).ok()?];
        for (old, &new) in (0u32..).zip(&new_of_old) {
            if let Some(slot) = old_of_new.get_mut(usize::try_from(new).unwrap_or(usize::MAX)) {
                *slot = old;
            }
        }
        Some(SharePlan { shared, old_of_new })
    }

    /// Puts `plan` in place: the texts laid out again in order of their first entry (see
    /// [`shared_texts`]), a text no entry has dropped.
    pub(super) fn share(&mut self, plan: SharePlan) {
        let mut entries = String::with_capacity(self.entries.len());
        let mut ends = Ends::default();
        for &old in &plan.old_of_new {
            entries.push_str(entry_at(&self.entries, &self.ends, old));
            // No longer than the texts were, whose ends fit, each past the last.
            let _ = ends.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
        }
        ends.shrink_to_fit();
        entries.shrink_to_fit();
        (self.entries, self.ends) = (entries, ends);
        self.ids = HashTable::new();
        self.finished = true;
        self.shared = Some(plan.shared);
    }

    /// Each entry's text, by number (tests: the vocabulary holds no such table).
    #[cfg(test)]
    pub(super) fn texts_by_entry(&self) -> Vec<&str> {
        let mut out = vec![""; self.len()];
        for text in 0..u32::try_from(self.texts()).unwrap_or(0) {
            let mut entries = Vec::new();
            match &self.shared {
                Some(shared) => shared.entries_of(std::iter::once(text), &mut entries),
                None => entries.push(text),
            }
            for entry in entries {
                if let Some(slot) = out.get_mut(entry as usize) {
                    *slot = entry_at(&self.entries, &self.ends, text);
                }
            }
        }
        out
    }
}

/// Entry `id` of `entries` laid out as [`Words::entries`] is, with its spaces.
fn entry_at<'a>(entries: &'a str, ends: &Ends, id: u32) -> &'a str {
    let span = usize::try_from(id).ok().and_then(|i| ends.span(i));
    let Some((start, end)) = span else {
        return "";
    };
    entries.get(start..end).unwrap_or("")
}

/// Entry `id` of `entries` without its spaces.
fn bare_entry<'a>(entries: &'a str, ends: &Ends, id: u32) -> &'a str {
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
        assert_eq!(words.entry(0), Some(" a:lfrf.aa "));
        assert_eq!(words.entry(1), Some(" l:lvrv.ao "));
        assert_eq!(words.entry(2), None);
    }
}
