//! One vocabulary for both kinds of word keys (issue 13): once a corpus's folded words are
//! indexed ([`super::postings`]), its skeleton entries ([`super::words`]) are renumbered so
//! that entry `n` is the skeleton of folded word `n`. A line whose skeleton words pair one
//! to one with its folded words, each folded word with the entry it has everywhere else,
//! then keeps no entry codes of its own (they are read through its words'), and an entry's
//! lines are its word's lines: the index holds one per-line code stream and one set of
//! inverted lists instead of two. Words sharing a skeleton share its text
//! ([`Words::share`]).
//!
//! The two split a line apart differently in a few places: the skeleton reads the text as
//! written (harakat, Arabic-Indic digits, a Turkish `ş` against `s`, presentation forms),
//! the folded words its folded key (see [`crate::text::fold_into`]); a folded word may
//! stand for two skeletons (`çam` and `cam` both fold to `cam`), and a line may hold more
//! or fewer words on one side. Such a line is held apart: it keeps its own entry codes, and
//! its entries' lines are listed on their own ([`EntrySide`]).

use super::forward::Forward;
use super::index::Items;
use super::leb128;
use super::postings::Lists;
use super::words::Words;

/// `Item::lens[4]` of a document line whose entry codes are its folded words' (its `at`
/// is then its line number in [`Forward`]).
pub(super) const THROUGH_WORDS: u32 = u32::MAX;

/// Not yet paired (see [`pair_line`]).
const UNSET: u32 = u32::MAX;

/// What the lines held apart add to the words' lines.
#[derive(Debug, Default)]
pub(crate) struct EntrySide {
    /// One bit per line: set for a line held apart, which its words' lists still name but
    /// whose entries are its own.
    apart: Vec<u64>,
    /// (entry, line) for every entry of every line held apart, sorted, each once.
    pairs: Vec<(u32, u32)>,
    /// Number of folded words: entries from here on are no word's.
    words: u32,
}

/// Each entry's lines, as the words' lists and the lines held apart give them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntryLines<'a> {
    lists: &'a Lists,
    side: &'a EntrySide,
}

impl EntrySide {
    /// Heap bytes of the bits and pairs.
    pub fn held(&self) -> usize {
        super::held::vec_bytes(&self.apart) + super::held::vec_bytes(&self.pairs)
    }

    /// Number of lines held apart.
    pub fn lines_apart(&self) -> usize {
        self.apart.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The entries' lines read through `lists`, the folded words' lines.
    pub fn lines<'a>(&'a self, lists: &'a Lists) -> EntryLines<'a> {
        EntryLines { lists, side: self }
    }

    fn is_apart(&self, line: usize) -> bool {
        self.apart
            .get(line / 64)
            .is_some_and(|w| w >> (line % 64) & 1 == 1)
    }

    fn pairs_of(&self, entry: u32) -> &[(u32, u32)] {
        let start = self.pairs.partition_point(|&(e, _)| e < entry);
        let end = self.pairs.partition_point(|&(e, _)| e <= entry);
        self.pairs.get(start..end).unwrap_or_default()
    }
}

impl EntryLines<'_> {
    /// Bytes of entry `entry`'s lists: what reading them costs.
    pub fn cost(&self, entry: u32) -> usize {
        let own = (entry < self.side.words).then(|| self.lists.cost(entry));
        own.unwrap_or(0) + self.side.pairs_of(entry).len() * 4
    }

    /// Calls `f` with each line holding entry `entry` (the flag is always false), once
    /// each: first the lines read through the entry's word, ascending, then those held
    /// apart, ascending.
    pub fn for_each(&self, entry: u32, mut f: impl FnMut(usize, bool)) {
        if entry < self.side.words {
            self.lists.for_each(entry, |line, _| {
                if !self.side.is_apart(line) {
                    f(line, false);
                }
            });
        }
        for &(_, line) in self.side.pairs_of(entry) {
            if let Ok(line) = usize::try_from(line) {
                f(line, false);
            }
        }
    }
}

/// Renumbers the entries of `words` by the folded words of `forward` (`vocab_len` of
/// them), as the module doc says, and sets each document line of `items` (line `n` of
/// `forward` the `n`-th) to read its entries through its words or from its own codes.
/// `None`, with nothing changed, when a number outgrows 32 bits.
pub(super) fn share_vocabulary(
    words: &mut Words,
    items: &mut Items,
    forward: &Forward,
    vocab_len: usize,
) -> Option<EntrySide> {
    let vocab = u32::try_from(vocab_len).ok()?;
    let mut primary = vec![UNSET; vocab_len];
    let lines = items.lines_len();
    let mut apart = vec![0u64; lines.div_ceil(64)];
    let mut pending = Vec::new();
    for line in 0..lines {
        let (at, len) = items.own_codes(line)?;
        let own = words.line(at, len).codes;
        if !pair_line(own, forward.words(line), &mut primary, &mut pending) {
            apart[line / 64] |= 1 << (line % 64);
        }
    }
    // Each old entry's new number: the first word it is the entry of, else one past the
    // words (an entry met only in lines held apart).
    let mut new_of_old = vec![UNSET; words.len()];
    for (w, &code) in (0u32..).zip(&primary) {
        let slot = code
            .checked_sub(1)
            .and_then(|e| new_of_old.get_mut(e as usize));
        if let Some(slot) = slot.filter(|s| **s == UNSET) {
            *slot = w;
        }
    }
    let mut next = vocab;
    for slot in new_of_old.iter_mut().filter(|s| **s == UNSET) {
        *slot = next;
        next = next.checked_add(1).filter(|&n| n < UNSET)?;
    }
    let (codes, places, pairs) = apart_codes(words, items, &apart, &new_of_old)?;
    let by_text = entries_by_text(&primary, &new_of_old, vocab);
    let plan = words.plan_share(by_text, usize::try_from(next).ok()?)?;
    drop((primary, new_of_old));
    // Nothing below fails once the lines' codes start to change. The old codes go before
    // the texts are laid out again: the two are not held at once.
    words.replace_codes(codes);
    items.share(places);
    words.share(plan);
    Some(EntrySide {
        apart,
        pairs,
        words: vocab,
    })
}

/// Pairs a line's entry codes `own` (0 a left-out word, else entry plus one) with its
/// word codes `words` (word plus one): true when they pair one to one and each word with
/// the code it had in the lines paired before (`primary`, per word), which a word new
/// here takes. Else false, and `primary` is as it was.
fn pair_line(own: &[u8], words: &[u8], primary: &mut [u32], pending: &mut Vec<usize>) -> bool {
    pending.clear();
    let (mut own, mut words) = (codes(own), codes(words));
    let paired = loop {
        let (code, word) = match (own.next(), words.next()) {
            (None, None) => break true,
            (Some(code), Some(word)) => (code, word),
            _ => break false,
        };
        let code = u32::try_from(code).ok().filter(|&c| c != UNSET);
        let slot = word.checked_sub(1).and_then(|w| usize::try_from(w).ok());
        let (Some(code), Some(slot)) = (code, slot) else {
            break false;
        };
        match primary.get_mut(slot) {
            Some(p) if *p == UNSET => {
                *p = code;
                pending.push(slot);
            }
            Some(p) if *p == code => {}
            _ => break false,
        }
    };
    if !paired {
        for &slot in pending.iter() {
            primary[slot] = UNSET;
        }
    }
    paired
}

/// The numbers of LEB128 `bytes`.
fn codes(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let (code, used) = leb128::read(rest)?;
        rest = rest.get(used..).unwrap_or_default();
        Some(code)
    })
}

/// (old entry, new entry) for every new entry: each folded word with the entry it pairs
/// with (none for a word that pairs with a left-out word, or with none), then the entries
/// of lines held apart that no word pairs with, numbered from `vocab` on. The old entries
/// are the distinct texts, each held once ([`Words::share`]).
fn entries_by_text<'a>(
    primary: &'a [u32],
    new_of_old: &'a [u32],
    vocab: u32,
) -> impl Iterator<Item = (u32, u32)> + Clone + 'a {
    // Code 0 is a left-out word, `UNSET` a word never paired: neither has an entry.
    let of_word = (0u32..).zip(primary).filter_map(|(word, &code)| {
        let old = code.checked_sub(1).filter(|&e| e != UNSET - 1)?;
        Some((old, word))
    });
    let extras = (0u32..)
        .zip(new_of_old)
        .filter(move |&(_, &new)| new >= vocab)
        .map(|(old, &new)| (old, new));
    of_word.chain(extras)
}

/// The lines held apart in the new numbers: their codes back to back, each one's place in
/// them (line, start, length; by line), and the sorted (entry, line) pairs.
type ApartCodes = (Vec<u8>, Vec<(u32, u64, u32)>, Vec<(u32, u32)>);

/// The [`ApartCodes`] of the lines whose bit is set in `apart`.
fn apart_codes(
    words: &Words,
    items: &Items,
    apart: &[u64],
    new_of_old: &[u32],
) -> Option<ApartCodes> {
    let (mut out, mut places, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
    // One line's entries, each once: a long paragraph says its words many times, and a pair
    // per occurrence took several times the codes themselves (48 MB for a 40 MB document).
    let mut entries = Vec::new();
    for line in 0..items.lines_len() {
        if apart
            .get(line / 64)
            .is_none_or(|w| w >> (line % 64) & 1 == 0)
        {
            continue;
        }
        let (at, len) = items.own_codes(line)?;
        let line = u32::try_from(line).ok()?;
        let start = out.len();
        entries.clear();
        for code in codes(words.line(at, len).codes) {
            let old = code.checked_sub(1).and_then(|e| usize::try_from(e).ok());
            let new = match old {
                Some(old) => *new_of_old.get(old)?,
                None => {
                    out.push(0);
                    continue;
                }
            };
            leb128::push(&mut out, u64::from(new) + 1);
            entries.push(new);
        }
        entries.sort_unstable();
        entries.dedup();
        pairs.extend(entries.iter().map(|&e| (e, line)));
        let len = u32::try_from(out.len() - start)
            .ok()
            .filter(|&l| l != THROUGH_WORDS)?;
        places.push((line, u64::try_from(start).ok()?, len));
    }
    // Each line's pairs are distinct already.
    pairs.sort_unstable();
    out.shrink_to_fit();
    pairs.shrink_to_fit();
    Some((out, places, pairs))
}

#[cfg(test)]
#[path = "entry_words_tests.rs"]
mod tests;
