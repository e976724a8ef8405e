//! Turkish case suffixes without an apostrophe (`Rusyadan`) and Arabic proclitics (`وتركيا`):
//! find the part of a word that is a known name, so the span can leave the rest outside.

use std::sync::LazyLock;

/// Folded Turkish case and possessive suffixes that may follow a name without an apostrophe.
const TR_SUFFIXES: &[&str] = &[
    "a", "e", "i", "u", "ya", "ye", "yi", "yu", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
    "nin", "nun", "in", "un", "la", "le", "yla", "yle", "na", "ne", "nda", "nde", "ndan", "nden",
    "daki", "deki", "taki", "teki", "ki", "dir", "dur", "tir", "tur",
];

/// True when a folded remainder is a Turkish case suffix.
pub fn is_tr_suffix(rest: &str) -> bool {
    static SET: LazyLock<ShortWords> = LazyLock::new(|| ShortWords::new(TR_SUFFIXES));
    SET.contains(rest)
}

/// A set of short words held as integers (up to 7 bytes and the length packed in one) in
/// an open-addressed table, so that a lookup is a multiply and a load or two and compares no
/// strings: the rules try several splits of most tokens against suffix lists, and a linear
/// scan of string comparisons took half their time.
#[derive(Debug)]
pub struct ShortWords {
    /// A power-of-two table, 0 for an empty slot.
    slots: Vec<u64>,
    /// Words too long to pack, compared as strings.
    long: Vec<&'static str>,
}

impl ShortWords {
    /// The set of `words`.
    pub fn new(words: &[&'static str]) -> ShortWords {
        let size = (words.len() * 4).next_power_of_two().max(8);
        let mut set = ShortWords {
            slots: vec![0; size],
            long: Vec::new(),
        };
        for &w in words {
            match pack(w) {
                Some(p) => {
                    let mut at = set.slot(p);
                    while set.slots[at] != 0 && set.slots[at] != p {
                        at = (at + 1) & (size - 1);
                    }
                    set.slots[at] = p;
                }
                None => set.long.push(w),
            }
        }
        set
    }

    fn slot(&self, p: u64) -> usize {
        // Fibonacci hashing: the top bits of the product index the table.
        let h = p.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
        usize::try_from(h).unwrap_or(0) & (self.slots.len() - 1)
    }

    /// True when `s` is one of the words.
    pub fn contains(&self, s: &str) -> bool {
        let Some(p) = pack(s) else {
            return self.long.contains(&s);
        };
        let mask = self.slots.len() - 1;
        let mut at = self.slot(p);
        // The table is at most a quarter full, so a free slot ends every probe.
        loop {
            match self.slots[at] {
                0 => return false,
                q if q == p => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// The first four bytes of a set of words, as a bitset: a word whose opening bytes no word
/// of the set shares is in none of its lookups, found without hashing it as a string. The
/// date rules look every token (and its splits, and its forms without proclitics) up in
/// maps of a few hundred words, and most tokens open like none of them.
#[derive(Debug, Clone)]
pub struct Prefixes {
    /// 2^17 bits.
    bits: Vec<u64>,
}

impl Default for Prefixes {
    fn default() -> Self {
        Prefixes {
            bits: vec![0; Self::WORDS],
        }
    }
}

impl Prefixes {
    const WORDS: usize = 1 << 11;

    /// The bit of the first four bytes of `s` (fewer, padded with zeros, for a shorter one).
    fn bit(s: &str) -> usize {
        let b = s.as_bytes();
        Self::bit_of_bytes(&b[..b.len().min(4)])
    }

    fn test(&self, bit: usize) -> bool {
        self.bits[(bit / 64) & (Self::WORDS - 1)] & (1 << (bit % 64)) != 0
    }

    /// Adds `word`.
    pub fn insert(&mut self, word: &str) {
        let b = Self::bit(word);
        self.bits[(b / 64) & (Self::WORDS - 1)] |= 1 << (b % 64);
    }

    /// False when `word` is none of the words added (true for them and a few others).
    pub fn may_hold(&self, word: &str) -> bool {
        self.test(Self::bit(word))
    }

    /// False when no word added is a prefix of `word` (nor `word` itself), cut anywhere:
    /// a stem of four bytes or more opens like `word`, a shorter one is one of its first
    /// three bytes.
    pub fn may_hold_a_prefix_of(&self, word: &str) -> bool {
        let b = word.as_bytes();
        (1..b.len().min(4)).any(|n| self.test(Self::bit_of_bytes(&b[..n]))) || self.may_hold(word)
    }

    /// The bit of at most four bytes.
    fn bit_of_bytes(b: &[u8]) -> usize {
        // By cases, not a copy into a zeroed array: a copy of a length not known until run
        // time is a call to `memcpy`, which cost more than the rest of the test.
        let a = match *b {
            [a0, a1, a2, a3, ..] => [a0, a1, a2, a3],
            [a0, a1, a2] => [a0, a1, a2, 0],
            [a0, a1] => [a0, a1, 0, 0],
            [a0] => [a0, 0, 0, 0],
            [] => [0; 4],
        };
        let h = u64::from(u32::from_le_bytes(a)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 47;
        usize::try_from(h).unwrap_or(0)
    }
}

/// `s` as one nonzero integer, its length plus one in the top byte, if it has at most 7
/// bytes.
fn pack(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() > 7 {
        return None;
    }
    // Byte by byte, little-endian: a copy of a length not known until run time is a call
    // to `memcpy`, which cost more than the lookup it is for.
    let word = b
        .iter()
        .enumerate()
        .fold(0u64, |w, (i, &x)| w | u64::from(x) << (8 * i));
    Some(word | u64::from(u8::try_from(b.len() + 1).ok()?) << 56)
}

/// Splits of a folded Turkish word into (stem length in bytes, suffix), longest stem first,
/// for stems of at least three letters.
pub fn tr_splits(key: &str) -> impl Iterator<Item = usize> + '_ {
    let n = key.len();
    (1..=4)
        .filter_map(move |k| n.checked_sub(k))
        .filter(move |&s| s >= 3 && key.is_char_boundary(s) && is_tr_suffix(&key[s..]))
}

/// Arabic proclitics that may stand before another (`وب`, `فل`), folded forms.
const AR_CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Arabic proclitics that stand next to the word (`ب`, `ل`, `ك`), folded forms.
const AR_PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

/// The proclitic combinations `key` opens with, longest first, as byte lengths: a
/// conjunction and a preposition (`وب`), then one proclitic alone. Each letter is two bytes
/// in UTF-8. The order is that of the list of combinations this replaced (`وب`, `ول`, `وك`,
/// `فب`, `فل`, `فك`, `و`, `ف`, `ب`, `ل`, `ك`), read from the word's first two letters
/// instead of eleven string compares a word (the rules try most Arabic tokens).
fn ar_clitics(key: &str) -> impl Iterator<Item = usize> {
    let mut letters = key.chars();
    let (first, second) = (letters.next(), letters.next());
    let conj = first.is_some_and(|c| AR_CONJUNCTIONS.contains(&c));
    let prep = |c: Option<char>| c.is_some_and(|c| AR_PREPOSITIONS.contains(&c));
    let two = (conj && prep(second)).then_some(4);
    let one = (conj || prep(first)).then_some(2);
    two.into_iter().chain(one)
}

/// Tries the lookups of an Arabic word in order, returning the first `Some` from `f`, which
/// gets (bytes stripped from the front, folded key to try). The word itself comes first, then
/// with proclitics removed; `لل` also tries `ال`. Allocates only for that last form.
pub fn ar_find<T>(key: &str, mut f: impl FnMut(usize, &str) -> Option<T>) -> Option<T> {
    if let Some(v) = f(0, key) {
        return Some(v);
    }
    if !crate::text::has_proclitic(key) {
        return None;
    }
    for n in ar_clitics(key) {
        let (clitics, rest) = key.split_at(n);
        if rest.chars().nth(2).is_none() {
            continue;
        }
        if let Some(v) = f(n, rest) {
            return Some(v);
        }
        if rest.starts_with('ل') && !rest.starts_with("ال") && clitics.ends_with('ل') {
            let mut alt = String::with_capacity(rest.len() + 2);
            alt.push('ا');
            alt.push_str(rest);
            if let Some(v) = f(n, &alt) {
                return Some(v);
            }
        }
    }
    None
}

/// Every candidate lookup of [`ar_find`], collected (tests and debugging).
#[cfg(test)]
pub fn ar_candidates(key: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    ar_find(key, |n, k| {
        out.push((n, k.to_string()));
        None::<()>
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_splits() {
        let v: Vec<usize> = tr_splits("rusyadan").collect();
        assert!(v.contains(&5));
        assert!(tr_splits("turkiyeye").any(|s| s == 7));
    }

    #[test]
    fn packing_and_opening_bits_read_the_bytes_little_endian() {
        // Built byte by byte: the same integers as the zero-padded arrays they replaced.
        assert_eq!(pack("ab"), Some(u64::from_le_bytes(*b"ab\0\0\0\0\0\x03")));
        assert_eq!(pack(""), Some(1 << 56));
        assert_eq!(pack("abcdefgh"), None);
        let padded = |b: &[u8]| {
            let mut a = [0u8; 4];
            a[..b.len()].copy_from_slice(b);
            let h = u64::from(u32::from_le_bytes(a)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 47;
            usize::try_from(h).unwrap_or(0)
        };
        for w in ["", "a", "ab", "abc", "abcd", "قال"] {
            let b = &w.as_bytes()[..w.len().min(4)];
            assert_eq!(Prefixes::bit_of_bytes(b), padded(b), "{w}");
        }
    }

    #[test]
    fn short_words_are_the_list() {
        let list = ["a", "de", "lerinde", "larindan", "x\0", ""];
        let set = ShortWords::new(&list);
        for w in list {
            assert!(set.contains(w), "{w:?}");
        }
        for w in [
            "", "b", "d", "dee", "lerind", "larinda", "x", "x\0\0", "a\0",
        ] {
            assert_eq!(set.contains(w), list.contains(&w), "{w:?}");
        }
        assert!(TR_SUFFIXES.iter().all(|s| is_tr_suffix(s)));
        assert!(!is_tr_suffix("dann") && !is_tr_suffix(""));
    }

    #[test]
    fn prefixes_hold_every_word_and_stem_and_few_others() {
        let words = ["ay", "y", "hafta", "kasim", "يناير", "الخميس", "ocak", "2"];
        let mut set = Prefixes::default();
        words.iter().for_each(|w| set.insert(w));
        for w in words {
            assert!(set.may_hold(w), "{w}");
            // Each word is a stem of itself with any ending after it.
            for tail in ["", "da", "nin", "ي", "lerinden"] {
                assert!(set.may_hold_a_prefix_of(&format!("{w}{tail}")), "{w}{tail}");
            }
        }
        // Few other words pass: a filter that held everything would pass them all.
        let others = [
            "gorustu", "bakan", "dedi", "قال", "وزير", "ankara", "x", "zz",
        ];
        let passed = others.iter().filter(|w| set.may_hold(w)).count();
        assert!(passed <= 1, "{passed} of {} pass", others.len());
        assert!(!set.may_hold_a_prefix_of("gorustu"));
    }

    /// The candidates of the eleven-string list the two-letter reading replaced.
    fn listed_candidates(key: &str) -> Vec<(usize, String)> {
        const LISTED: [&str; 11] = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];
        let mut out = vec![(0, key.to_string())];
        for c in LISTED {
            let Some(rest) = key.strip_prefix(c) else {
                continue;
            };
            if rest.chars().nth(2).is_none() {
                continue;
            }
            out.push((c.len(), rest.to_string()));
            if rest.starts_with('ل') && !rest.starts_with("ال") && c.ends_with('ل') {
                out.push((c.len(), format!("ا{rest}")));
            }
        }
        out
    }

    #[test]
    fn arabic_candidates_are_those_of_the_clitic_list() {
        let letters = ["و", "ف", "ب", "ل", "ك", "ا", "م", "ت", "x"];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        for w in words.iter().map(|w| format!("{w}رات")) {
            assert_eq!(ar_candidates(&w), listed_candidates(&w), "{w}");
        }
    }

    #[test]
    fn arabic_candidates() {
        let c = ar_candidates("وتركيا");
        assert!(c.iter().any(|(n, k)| *n == 2 && k == "تركيا"));
        let c = ar_candidates("للعراق");
        assert!(c.iter().any(|(_, k)| k == "العراق"));
    }
}
