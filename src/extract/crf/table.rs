//! The model's state weights by attribute hash, in one open-addressed table whose slots hold
//! the weight of a one-label attribute themselves (three in four of them): a lookup reads
//! one slot, often one cache line. A general hash map read a control group, a bucket and
//! then the weights, three places in a table of megabytes, and its lookups were a third of
//! the tagger's time. A filter of the hashes held ([`HashFilter`]) answers for most absent
//! attributes without reading the table at all.

use super::filter::HashFilter;

/// Per-attribute state weights, looked up by the attribute's hash.
#[derive(Debug, Default)]
pub struct AttrTable {
    /// A power-of-two number of slots, at most half of them used, so a probe always ends.
    slots: Vec<Slot>,
    /// The weights of attributes with more than one: (label, weight).
    many: Vec<(u8, f32)>,
    /// Slots in use.
    len: usize,
    /// Every hash held, so that most lookups of absent ones never read `slots`.
    filter: HashFilter,
}

/// An attribute's weights as looked up in one table: a copy of its slot (a weight, or where
/// its weights are), so a tagger that meets the attribute again adds them without hashing
/// its name or probing the table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Found(Slot);

/// One slot: 16 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    hash: u64,
    /// The weight's bits (`ONE`) or the start of the weights in `many` (`MANY`).
    value: u32,
    /// `EMPTY`, `ONE` or `MANY`.
    tag: u8,
    /// The label (`ONE`) or the number of weights (`MANY`).
    arg: u8,
}

const EMPTY: u8 = 0;
const ONE: u8 = 1;
const MANY: u8 = 2;

/// Why an attribute could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFull;

impl AttrTable {
    /// An empty table with room for `count` attributes.
    pub fn with_capacity(count: usize) -> AttrTable {
        let size = Self::size_for(count);
        AttrTable {
            slots: vec![Slot::default(); size],
            many: Vec::new(),
            len: 0,
            filter: Self::filter_for(size),
        }
    }

    fn size_for(count: usize) -> usize {
        count.saturating_mul(2).next_power_of_two().max(16)
    }

    /// An empty filter for a table of `size` slots: four bits a slot (8 to 16 a hash, as
    /// at most half the slots are used), 1/32 of the slots' bytes.
    fn filter_for(size: usize) -> HashFilter {
        HashFilter::with_words(size / 16)
    }

    /// Bytes the table takes: its slots, the weights of attributes with several, and the
    /// filter.
    pub fn bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.many.len() * std::mem::size_of::<(u8, f32)>()
            + self.filter.bytes()
    }

    /// Number of attributes.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.len
    }

    /// The home slot of `hash`: the top bits of its product with an odd constant.
    fn home(&self, hash: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        let h = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits);
        usize::try_from(h).unwrap_or(0)
    }

    /// The slot holding `hash`, or the empty one where it would go.
    fn find(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(hash);
        while self.slots[at].tag != EMPTY && self.slots[at].hash != hash {
            at = (at + 1) & mask;
        }
        at
    }

    /// Sets the weights of the attribute `hash` (replacing any it had), as (label, weight)
    /// pairs. Fails only past 2^32 weights in all.
    pub fn insert(&mut self, hash: u64, weights: &[(u8, f32)]) -> Result<(), TableFull> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let slot = match weights {
            [(label, w)] => Slot {
                hash,
                value: w.to_bits(),
                tag: ONE,
                arg: *label,
            },
            _ => {
                let start = u32::try_from(self.many.len()).map_err(|_| TableFull)?;
                let k = u8::try_from(weights.len()).map_err(|_| TableFull)?;
                self.many.extend_from_slice(weights);
                Slot {
                    hash,
                    value: start,
                    tag: MANY,
                    arg: k,
                }
            }
        };
        let at = self.find(hash);
        if self.slots[at].tag == EMPTY {
            self.len += 1;
        }
        self.slots[at] = slot;
        self.filter.insert(hash);
        Ok(())
    }

    fn grow(&mut self) {
        let size = Self::size_for(self.len + 1).max(self.slots.len() * 2);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.filter = Self::filter_for(size);
        for s in old.into_iter().filter(|s| s.tag != EMPTY) {
            let at = self.find(s.hash);
            self.slots[at] = s;
            self.filter.insert(s.hash);
        }
    }

    /// Adds the weights of the attribute `hash`, if it has any, to `scores` (one per
    /// label).
    #[inline]
    pub fn add(&self, hash: u64, scores: &mut [f32]) {
        self.add_found(self.get(hash), scores);
    }

    /// Reads the home slots of `hashes` without waiting on what they hold, so that their
    /// lookups after it find them in the cache: the loads do not depend on one another and
    /// overlap, where a lookup's probe waits for each (the pair attributes' slots are
    /// random places in megabytes, and their misses were most of the tagger's time).
    ///
    /// A hash the filter knows to be absent reads slot 0 (always cached) instead of its own,
    /// since its lookup will not read the table.
    pub fn touch(&self, hashes: &[u64]) {
        if self.slots.is_empty() {
            return;
        }
        let mut seen = 0u64;
        for &h in hashes {
            let at = std::hint::select_unpredictable(self.filter.may_contain(h), self.home(h), 0);
            seen ^= self.slots[at].hash;
        }
        std::hint::black_box(seen);
    }

    /// Reads the first weight of each of `found` that has several (its weights are in a
    /// second array, a random place in it each), so that adding them after it finds them
    /// in the cache: the reads do not wait on one another, where each addition waited for
    /// its own (the pair attributes' weights are mostly of several labels).
    pub fn touch_found(&self, found: impl Iterator<Item = Found>) {
        let mut seen = 0f32;
        for f in found {
            // A slot of another tag reads the first weight (always cached).
            let at = std::hint::select_unpredictable(f.0.tag == MANY, f.0.value as usize, 0);
            seen += self.many.get(at).map_or(0.0, |w| w.1);
        }
        std::hint::black_box(seen);
    }

    /// The weights of the attribute `hash` (none if it has none), as a copy of its slot.
    #[inline]
    pub fn get(&self, hash: u64) -> Found {
        if self.slots.is_empty() || !self.filter.may_contain(hash) {
            return Found::default();
        }
        Found(self.slots[self.find(hash)])
    }

    /// Adds weights found by [`AttrTable::get`] on this table to `scores`: the same
    /// additions in the same order as [`AttrTable::add`].
    #[inline]
    pub fn add_found(&self, found: Found, scores: &mut [f32]) {
        let s = found.0;
        match s.tag {
            ONE => scores[usize::from(s.arg)] += f32::from_bits(s.value),
            MANY => {
                let start = s.value as usize;
                // Always in range for a slot of this table.
                let ws = self
                    .many
                    .get(start..start + usize::from(s.arg))
                    .unwrap_or(&[]);
                for &(l, w) in ws {
                    scores[usize::from(l)] += w;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_put_and_nothing_else() {
        let mut t = AttrTable::with_capacity(2);
        let hashes: Vec<u64> = (0..1000u64)
            .map(|i| i.wrapping_mul(0x2545_f491_4f6c_dd1d))
            .collect();
        for (i, &h) in hashes.iter().enumerate() {
            let l = u8::try_from(i % 7).expect("a label");
            let w = f32::from(u8::try_from(i % 200).expect("small"));
            let ws: Vec<(u8, f32)> = (0..=i % 3).map(|k| ((l + 1) % 7, w + k as f32)).collect();
            t.insert(h, &ws).expect("room");
        }
        assert_eq!(t.len(), 1000);
        // Replacing keeps one entry.
        t.insert(hashes[5], &[(2, 1.5)]).expect("room");
        assert_eq!(t.len(), 1000);
        let scores = |h: u64| {
            let mut s = [0f32; 7];
            t.add(h, &mut s);
            s
        };
        assert_eq!(scores(hashes[5]), [0.0, 0.0, 1.5, 0.0, 0.0, 0.0, 0.0]);
        // Attribute 4: label 5, weights 4 and 5.
        let mut want = [0f32; 7];
        want[5] = 4.0 + 5.0;
        assert_eq!(scores(hashes[4]), want);
        assert_eq!(scores(12345), [0.0; 7]);
        assert_eq!(scores(0), [0.0; 7]);
        let mut empty = [0f32; 3];
        AttrTable::default().add(7, &mut empty);
        assert_eq!(empty, [0.0; 3]);
    }

    #[test]
    fn the_filter_answers_for_most_absent_hashes() {
        // As many attributes as the Turkish model has, so the table is as full as its.
        let spread = |i: u64| i.wrapping_mul(0x2545_f491_4f6c_dd1d).rotate_left(17);
        let mut t = AttrTable::with_capacity(100_000);
        for i in 0..100_000u64 {
            t.insert(spread(i), &[(0, 1.0)]).expect("room");
        }
        assert!(t.filter.bytes() * 32 <= t.slots.len() * std::mem::size_of::<Slot>());
        let through = (100_000..200_000u64)
            .filter(|&i| t.filter.may_contain(spread(i)))
            .count();
        assert!(
            through < 5_000,
            "{through} of 100000 absent hashes pass the filter"
        );
        // Every attribute held is still found, through the filter.
        for i in (0..100_000u64).step_by(7) {
            let mut s = [0f32; 1];
            t.add(spread(i), &mut s);
            assert_eq!(s, [1.0]);
        }
    }

    #[test]
    fn an_attribute_without_weights_is_kept() {
        let mut t = AttrTable::with_capacity(1);
        t.insert(9, &[]).expect("room");
        assert_eq!(t.len(), 1);
        let mut s = [0f32; 2];
        t.add(9, &mut s);
        assert_eq!(s, [0.0; 2]);
    }
}
