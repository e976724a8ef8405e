//! The lines of each word key of the postings ([`super::postings`]): for a key met more
//! than once, its lines ascending, delta-encoded as LEB128, each with a flag bit (the
//! line's key starts with the word); for a key met once, its one line inline.
//!
//! A generated corpus's words are mostly seen once (1.47 million of 1.57 million distinct
//! words at 20k articles): a list each, with its 32-bit end, took 7 bytes a word. The
//! postings number such words last, in the order they are met ([`super::postings`]), so
//! their lines ascend with their numbers: each is a 1 after as many 0s as its line is past
//! the one before's ([`OnceLines`]), 2 to 3 bits a word with its flag.

use super::leb128;

/// The lines of each key: lists for keys below `listed`, one line each from there on.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    bytes: Vec<u8>,
    /// Where each listed key's list ends in `bytes` (key `n` starts where `n - 1` ends).
    ends: Vec<u32>,
    /// The keys from `ends.len()` on, each met once.
    once: OnceLines,
}

/// The one line of each of a run of keys met once, lines ascending with the keys.
#[derive(Debug, Default)]
struct OnceLines {
    /// Per key in order, a 1 after as many 0s as its line is past the line of the key
    /// before (the first: past line 0): key `j`'s line is the place of the `j`-th 1 less
    /// `j`.
    bits: Vec<u64>,
    /// The place of every 64th key's 1: where counting the 1s starts.
    samples: Vec<u64>,
    /// Per key, its flag.
    flags: Vec<u64>,
    /// Bits used of `bits`.
    used: u64,
    /// Keys so far.
    keys: u32,
}

impl OnceLines {
    /// Adds the next key, met in `line` (not before the last key's) with `flag`; `None`
    /// when the line comes before the last key's, or past 32 bits.
    fn push(&mut self, line: u32, flag: bool) -> Option<()> {
        let at = self.used.saturating_sub(u64::from(self.keys));
        let zeros = u64::from(line).checked_sub(at)?;
        let one = self.used + zeros;
        if self.keys.is_multiple_of(64) {
            self.samples.push(one);
        }
        set(&mut self.bits, one);
        if flag {
            set(&mut self.flags, u64::from(self.keys));
        }
        self.used = one + 1;
        self.keys = self.keys.checked_add(1)?;
        Some(())
    }

    /// Key `j`'s line and flag; `None` past the keys.
    fn get(&self, j: u32) -> Option<(u32, bool)> {
        if j >= self.keys {
            return None;
        }
        let sample = *self.samples.get(usize::try_from(j / 64).ok()?)?;
        let one = super::bit_select::nth_one(&self.bits, sample, j % 64)?;
        let line = u32::try_from(one.checked_sub(u64::from(j))?).ok()?;
        Some((line, is_set(&self.flags, u64::from(j))))
    }

    fn held(&self) -> usize {
        use super::held::vec_bytes;
        vec_bytes(&self.bits) + vec_bytes(&self.samples) + vec_bytes(&self.flags)
    }

    fn shrink(&mut self) {
        self.bits.shrink_to_fit();
        self.samples.shrink_to_fit();
        self.flags.shrink_to_fit();
    }
}

/// Sets bit `n` of `bits`, growing them.
fn set(bits: &mut Vec<u64>, n: u64) {
    let word = usize::try_from(n / 64).unwrap_or(usize::MAX);
    if bits.len() <= word {
        bits.resize(word + 1, 0);
    }
    if let Some(w) = bits.get_mut(word) {
        *w |= 1 << (n % 64);
    }
}

/// Bit `n` of `bits`.
fn is_set(bits: &[u64], n: u64) -> bool {
    let word = usize::try_from(n / 64).unwrap_or(usize::MAX);
    bits.get(word).is_some_and(|w| w >> (n % 64) & 1 == 1)
}

/// Builds [`Lists`] in two passes over the same (key, line, flag) triples: the first
/// counts each list's bytes, the second writes them where they belong, so nothing is held
/// twice. Lines come ascending; a line named twice for one key counts once (the flag of its
/// first naming kept). Keys from `listed` on are met once each, in order (second pass).
pub(crate) struct ListsBuilder {
    /// Per listed key: the last line added plus one (0: none yet).
    last: Vec<u32>,
    /// Per listed key: bytes of its list (first pass), then where the next byte goes
    /// (second).
    at: Vec<u64>,
    bytes: Vec<u8>,
    once: OnceLines,
    /// Number of keys.
    keys: usize,
    writing: bool,
    /// A key met once came out of order: the lists are not made.
    broken: bool,
}

impl ListsBuilder {
    /// A builder for keys `0..keys`, lists for those below `listed`, the others met once.
    pub fn new(listed: usize, keys: usize) -> ListsBuilder {
        ListsBuilder {
            last: vec![0; listed],
            at: vec![0; listed],
            bytes: Vec::new(),
            once: OnceLines::default(),
            keys,
            writing: false,
            broken: false,
        }
    }

    /// Adds `line` to key `key`'s list (counts it, in the first pass).
    pub fn add(&mut self, key: u32, line: u32, flag: bool) {
        let k = key as usize;
        let (Some(last), Some(at)) = (self.last.get_mut(k), self.at.get_mut(k)) else {
            if self.writing && k < self.keys {
                self.add_once(k, line, flag);
            }
            return;
        };
        let Some(next) = line.checked_add(1).filter(|&n| n > *last) else {
            return;
        };
        let value = u64::from(next - *last) << 1 | u64::from(flag);
        *last = next;
        if self.writing {
            let start = usize::try_from(*at).unwrap_or(usize::MAX);
            *at += leb128::write(self.bytes.get_mut(start..).unwrap_or_default(), value);
        } else {
            *at += leb128::len(value);
        }
    }

    fn add_once(&mut self, k: usize, line: u32, flag: bool) {
        let expected = self.last.len() + self.once.keys as usize;
        if k != expected || self.once.push(line, flag).is_none() {
            self.broken = true;
        }
    }

    /// Ends the first pass: the lists' places are laid out. `None` when they outgrow the
    /// 32-bit offsets.
    pub fn lay_out(&mut self) -> Option<Vec<u32>> {
        let mut ends = Vec::with_capacity(self.at.len());
        let mut total = 0u64;
        for at in &mut self.at {
            let start = total;
            total += *at;
            ends.push(u32::try_from(total).ok()?);
            *at = start;
        }
        self.bytes = vec![0; usize::try_from(total).ok()?];
        self.last.fill(0);
        self.writing = true;
        Some(ends)
    }

    /// Ends the second pass, with the ends [`ListsBuilder::lay_out`] gave. `None` when a
    /// key met once was not met once, in order.
    pub fn finish(mut self, ends: Vec<u32>) -> Option<Lists> {
        let once_keys = self.keys - self.last.len();
        if self.broken || self.once.keys as usize != once_keys {
            return None;
        }
        self.once.shrink();
        Some(Lists {
            bytes: self.bytes,
            ends,
            once: self.once,
        })
    }
}

impl Lists {
    /// Heap bytes of the lists, their ends and the keys met once.
    pub fn held(&self) -> usize {
        super::held::vec_bytes(&self.bytes) + super::held::vec_bytes(&self.ends) + self.once.held()
    }

    /// Bytes of key `key`'s list: what reading it costs (for a key met once, what its
    /// list would take).
    pub fn cost(&self, key: u32) -> usize {
        if let Some((line, flag)) = self.once_line(key) {
            let value = (u64::from(line) + 1) << 1 | u64::from(flag);
            return usize::try_from(leb128::len(value)).unwrap_or(usize::MAX);
        }
        let (start, end) = self.span(key);
        end - start
    }

    /// The line and flag of key `key` when it is met once.
    fn once_line(&self, key: u32) -> Option<(u32, bool)> {
        let listed = u32::try_from(self.ends.len()).ok()?;
        self.once.get(key.checked_sub(listed)?)
    }

    fn span(&self, key: u32) -> (usize, usize) {
        let k = key as usize;
        let end = self.ends.get(k).map_or(0, |&e| e as usize);
        let start = match k.checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(end, |&e| e as usize),
            None => 0,
        };
        (start.min(end), end)
    }

    /// Calls `f` with each line of key `key`'s list and its flag, ascending.
    pub fn for_each(&self, key: u32, mut f: impl FnMut(usize, bool)) {
        if let Some((line, flag)) = self.once_line(key) {
            f(line as usize, flag);
            return;
        }
        let (start, end) = self.span(key);
        let mut rest = self.bytes.get(start..end).unwrap_or_default();
        let mut next = 0u64;
        while let Some((value, used)) = leb128::read(rest) {
            rest = rest.get(used..).unwrap_or_default();
            next += value >> 1;
            if let Some(line) = next.checked_sub(1).and_then(|l| usize::try_from(l).ok()) {
                f(line, value & 1 == 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(lists: &Lists, key: u32) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        lists.for_each(key, |line, flag| out.push((line, flag)));
        out
    }

    #[test]
    fn lists_skip_a_line_named_twice_and_round_trip_large_gaps() {
        let lines = [0u32, 0, 1, 127, 128, 70_000, u32::MAX - 1];
        let mut builder = ListsBuilder::new(2, 2);
        let mut ends = Vec::new();
        for pass in 0..2 {
            for &line in &lines {
                builder.add(1, line, line % 2 == 1);
            }
            if pass == 0 {
                ends = builder.lay_out().unwrap_or_default();
            }
        }
        let lists = builder.finish(ends).unwrap_or_default();
        let want: Vec<(usize, bool)> = [0u32, 1, 127, 128, 70_000, u32::MAX - 1]
            .iter()
            .map(|&l| (l as usize, l % 2 == 1))
            .collect();
        assert_eq!(lines_of(&lists, 1), want);
        assert_eq!(lists.cost(0), 0);
        lists.for_each(0, |_, _| panic!("key 0 has no lines"));
    }

    #[test]
    fn keys_met_once_give_back_their_line_and_flag_and_what_a_list_would_cost() {
        // Key 0 listed; keys 1.. met once, lines ascending with runs and gaps across
        // several 64-key samples.
        let once: Vec<(u32, bool)> = (0u32..300)
            .map(|j| (j / 3 * 7 + u32::from(j > 200) * 1_000, j % 5 == 0))
            .collect();
        let keys = once.len() + 1;
        let mut builder = ListsBuilder::new(1, keys);
        let mut ends = Vec::new();
        for pass in 0..2 {
            builder.add(0, 4, true);
            for (j, &(line, flag)) in (1u32..).zip(&once) {
                builder.add(j, line, flag);
            }
            if pass == 0 {
                ends = builder.lay_out().unwrap_or_default();
            }
        }
        let lists = builder.finish(ends).unwrap_or_default();
        assert_eq!(lines_of(&lists, 0), [(4, true)]);
        for (j, &(line, flag)) in (1u32..).zip(&once) {
            assert_eq!(lines_of(&lists, j), [(line as usize, flag)], "key {j}");
            let value = (u64::from(line) + 1) << 1 | u64::from(flag);
            assert_eq!(lists.cost(j) as u64, leb128::len(value), "key {j}");
        }
        assert!(lines_of(&lists, 301).is_empty(), "past the keys");
        // 300 keys in a bit each, a bit a line and their flags, where lists took 7 bytes a
        // key.
        assert!(lists.held() < 600, "{} bytes", lists.held());
    }

    #[test]
    fn keys_met_once_out_of_order_make_no_lists() {
        for order in [[2u32, 1], [1, 1]] {
            let mut builder = ListsBuilder::new(1, 3);
            let ends = builder.lay_out().unwrap_or_default();
            for (line, &key) in (0u32..).zip(&order) {
                builder.add(key, line, false);
            }
            assert!(builder.finish(ends).is_none(), "{order:?}");
        }
        let mut builder = ListsBuilder::new(1, 3);
        let ends = builder.lay_out().unwrap_or_default();
        builder.add(1, 5, false);
        builder.add(2, 3, false);
        assert!(
            builder.finish(ends).is_none(),
            "a line before the last key's"
        );
    }
}
