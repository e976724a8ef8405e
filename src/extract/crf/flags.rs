//! Lexicon memberships of a token as bits: one table lookup per word gives every list it is
//! in (gazetteer, given names, curated people, titles, organisation heads, cues, dates).

use super::model::Part;
use crate::extract::lexicon::{FxMap, Lexicon};
use crate::extract::morph::{ar_find, tr_splits};

/// Lexicon memberships of one token, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags(u16);

/// Every one-word lexicon entry with its membership bits, by a 64-bit hash of the word
/// (xxh3): a token takes one lookup instead of one per list. Hashes, not the words: the
/// words as keys (24-byte strings and their bytes, about 31,000) made the table 2 MB larger
/// in every process that tags, which a 40 MB document's reader could not spare. Two of the
/// words meet in a hash, or a token's key meets a word's, with a chance of about 1 in 10^14.
#[derive(Debug, Default)]
pub struct WordTable(FxMap<u64, u16>);

impl WordTable {
    fn hash(word: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(word.as_bytes())
    }

    /// The bits of `word`, if it is a one-word lexicon entry.
    pub fn get(&self, word: &str) -> Option<u16> {
        self.0.get(&Self::hash(word)).copied()
    }

    fn mark(&mut self, word: &str, bit: u16) {
        *self.0.entry(Self::hash(word)).or_default() |= bit;
    }

    /// How many words the table holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl Flags {
    const PLACE: u16 = 1;
    const PLACE_STRIPPED: u16 = 1 << 1;
    const PLACE_FIRST: u16 = 1 << 2;
    const GIVEN: u16 = 1 << 3;
    const PERSON_LAST: u16 = 1 << 4;
    const TITLE: u16 = 1 << 5;
    const ORG_HEAD: u16 = 1 << 6;
    const PLACE_CUE: u16 = 1 << 7;
    const DATE_WORD: u16 = 1 << 8;
    const DEMONYM: u16 = 1 << 9;
    const NAMES: [(u16, &'static str); 10] = [
        (Self::PLACE, "pl"),
        (Self::PLACE_STRIPPED, "ps"),
        (Self::PLACE_FIRST, "pf"),
        (Self::GIVEN, "gn"),
        (Self::PERSON_LAST, "pe"),
        (Self::TITLE, "ti"),
        (Self::ORG_HEAD, "or"),
        (Self::PLACE_CUE, "pc"),
        (Self::DATE_WORD, "dw"),
        (Self::DEMONYM, "dm"),
    ];

    /// The bits, for a compact cache.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Flags from [`Flags::bits`].
    pub fn from_bits(bits: u16) -> Flags {
        Flags(bits)
    }

    /// The memberships of folded key `k` (Arabic keys also tried without proclitics),
    /// looked up in `words`, every lexicon word with its bits ([`Flags::word_table`]).
    pub fn of(lx: &Lexicon, words: &WordTable, k: &str, arabic: bool) -> Flags {
        let bits = words.get(k).unwrap_or(0);
        let is_place = |w: &str| words.get(w).is_some_and(|b| b & Self::PLACE != 0);
        let stripped = bits & Self::PLACE == 0
            && if arabic {
                ar_find(k, |skip, rest| (skip > 0 && is_place(rest)).then_some(())).is_some()
            } else {
                tr_splits(k).any(|s| is_place(&k[..s]))
            };
        let mut f = bits;
        if stripped {
            f |= Self::PLACE_STRIPPED;
        }
        if !arabic && lx.is_demonym(k) {
            f |= Self::DEMONYM;
        }
        Flags(f)
    }

    /// Every word of the lexicons with its membership bits, so that a token takes one
    /// lookup instead of one per list.
    pub fn word_table(lx: &Lexicon) -> WordTable {
        let mut t = WordTable::default();
        // Only one-word entries: a token's key never holds a space, so a many-word place or
        // title (12,000 of the 26,000 places' keys) is never looked up here.
        let mut mark = |words: &mut dyn Iterator<Item = &String>, bit: u16| {
            for w in words.filter(|w| !w.contains(char::is_whitespace)) {
                t.mark(w, bit);
            }
        };
        mark(&mut lx.places.keys(), Self::PLACE);
        mark(&mut lx.place_first.iter(), Self::PLACE_FIRST);
        mark(&mut lx.given.iter(), Self::GIVEN);
        mark(&mut lx.people_last.keys(), Self::PERSON_LAST);
        mark(&mut lx.title_first.iter().chain(&lx.titles), Self::TITLE);
        mark(&mut lx.org_heads.iter(), Self::ORG_HEAD);
        mark(
            &mut lx.place_after.iter().chain(&lx.place_before),
            Self::PLACE_CUE,
        );
        // Every word of every month name (`تشرين`, `الثاني`), folded like keys.
        let month_words: Vec<String> = lx
            .months
            .iter()
            .flat_map(|(name, _)| {
                let key = crate::text::fold_str(name);
                key.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        mark(&mut lx.weekdays.keys().chain(&month_words), Self::DATE_WORD);
        t
    }

    #[cfg(test)]
    fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(bit, _)| self.0 & bit != 0)
            .map(|(_, n)| n)
    }

    /// [`Flags::names`] as attribute-name parts, hashed at compile time.
    pub(super) fn parts(self) -> impl Iterator<Item = Part<'static>> {
        const PARTS: [Part<'static>; 10] = {
            let mut parts = [Part::lit(""); 10];
            let mut i = 0;
            while i < 10 {
                parts[i] = Part::lit(Flags::NAMES[i].1);
                i += 1;
            }
            parts
        };
        Self::NAMES
            .into_iter()
            .zip(PARTS)
            .filter(move |((bit, _), _)| self.0 & bit != 0)
            .map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_see_places_through_suffixes_and_clitics() {
        let lx = Lexicon::load();
        let words = Flags::word_table(&lx);
        let f = Flags::of(&lx, &words, "rusyadan", false);
        assert!(f.names().any(|n| n == "ps"), "{f:?}");
        let f = Flags::of(&lx, &words, &crate::text::fold_str("وتركيا"), true);
        assert!(f.names().any(|n| n == "ps"), "{f:?}");
        let f = Flags::of(&lx, &words, "ankara", false);
        assert!(f.names().any(|n| n == "pl"));
    }

    #[test]
    fn the_word_table_holds_every_one_word_entry_and_no_other() {
        let lx = Lexicon::load();
        let words = Flags::word_table(&lx);
        let spaced = |k: &&String| k.contains(char::is_whitespace);
        let many_word: Vec<&String> = lx.places.keys().filter(spaced).collect();
        assert!(!many_word.is_empty(), "the lexicon has many-word places");
        assert!(many_word.iter().all(|k| words.get(k).is_none()));
        let place = |k: &String| words.get(k).is_some_and(|b| b & Flags::PLACE != 0);
        let one_word: Vec<&String> = lx.places.keys().filter(|k| !spaced(k)).collect();
        assert!(one_word.iter().all(|k| place(k)));
        assert!(words.get("ankarax").is_none());
        assert!(words.len() >= one_word.len());
    }
}
