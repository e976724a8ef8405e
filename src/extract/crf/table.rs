//! The model's state weights by attribute hash, in one open-addressed table whose slots hold
//! the weight of a one-label attribute themselves (three in four of them): a lookup reads
//! one slot, often one cache line. A general hash map read a control group, a bucket and
//! then the weights, three places in a table of megabytes, and its lookups were a third of
//! the tagger's time. A filter of the hashes held ([`HashFilter`]) answers for most absent
//! attributes without reading the table at all.
//!
//! An attribute with weights for several labels (the pair and rule attributes have one for
//! most labels) holds them as a dense row, a float per label and zeros for the others,
//! when that takes no more room than its (label, weight) pairs: the row is added in a few
//! vector additions where the pairs were added one at a time (a tenth of the tagger's
//! instructions). Each label still gets the same one addition, and a zero added changes no
//! score (a score starts at +0.0, and only -0.0 plus -0.0 makes -0.0), so the sums are the
//! same floats.

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
    /// Labels of the model: a dense row is this many floats, in [`Block`]s.
    labels: usize,
    /// The weights of attributes held as dense rows ([`DENSE_FROM`]).
    dense: Vec<Block>,
}

/// Floats of a [`Block`].
const LANES: usize = 8;

/// A piece of a dense row of weights, aligned so that it never straddles a cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Block([f32; LANES]);

/// The fewest weights an attribute holds as a dense row: a block is 32 bytes, four
/// (label, weight) pairs are too. At the shipped models' 7 labels, an attribute with 4 to 7
/// weights takes a block.
const DENSE_FROM: usize = 4;

/// An attribute's weights as looked up in one table: a copy of its slot (a weight, or where
/// its weights are), so a tagger that meets the attribute again adds them without hashing
/// its name or probing the table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Found(Slot);

/// One slot: 16 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    hash: u64,
    /// The weight's bits (`ONE`), the start of the weights in `many` (`MANY`) or of the
    /// row in `dense` (`DENSE`).
    value: u32,
    /// `EMPTY`, `ONE`, `MANY` or `DENSE`.
    tag: u8,
    /// The label (`ONE`) or the number of weights (`MANY`).
    arg: u8,
}

const EMPTY: u8 = 0;
const ONE: u8 = 1;
const MANY: u8 = 2;
const DENSE: u8 = 3;

/// Why an attribute could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFull;

impl AttrTable {
    /// An empty table with room for `count` attributes, whose weights are for `labels`
    /// labels (numbered from 0).
    pub fn with_capacity(count: usize, labels: usize) -> AttrTable {
        let size = Self::size_for(count);
        AttrTable {
            slots: vec![Slot::default(); size],
            many: Vec::new(),
            len: 0,
            filter: Self::filter_for(size),
            labels,
            dense: Vec::new(),
        }
    }

    /// Blocks a dense row takes.
    fn row_blocks(&self) -> usize {
        self.labels.div_ceil(LANES)
    }

    /// Whether `weights` are held as a dense row: enough of them, each for a label of the
    /// model and no label twice (two weights of one label are added one after the other).
    fn is_dense(&self, weights: &[(u8, f32)]) -> bool {
        if weights.len() < DENSE_FROM.max(self.row_blocks() * DENSE_FROM) {
            return false;
        }
        let mut seen = [false; 256];
        weights.iter().all(|&(l, _)| {
            let l = usize::from(l);
            l < self.labels && !std::mem::replace(&mut seen[l], true)
        })
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
            + self.dense.len() * std::mem::size_of::<Block>()
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
            _ if self.is_dense(weights) => {
                let start = u32::try_from(self.dense.len()).map_err(|_| TableFull)?;
                let at = self.dense.len();
                self.dense.resize(at + self.row_blocks(), Block::default());
                for &(l, w) in weights {
                    let l = usize::from(l);
                    self.dense[at + l / LANES].0[l % LANES] = w;
                }
                Slot {
                    hash,
                    value: start,
                    tag: DENSE,
                    arg: 0,
                }
            }
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
            let at = std::hint::select_unpredictable(f.0.tag == DENSE, f.0.value as usize, 0);
            seen += self.dense.get(at).map_or(0.0, |b| b.0[0]);
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
            DENSE => {
                let start = s.value as usize;
                // Always in range for a slot of this table.
                let row = self
                    .dense
                    .get(start..start + self.row_blocks())
                    .unwrap_or(&[]);
                add_dense(row, scores);
            }
            _ => {}
        }
    }
}

/// Adds the dense row `row` to `scores` label by label. The shipped models have seven
/// labels: at that length the additions are made without a loop.
#[inline(always)]
fn add_dense(row: &[Block], scores: &mut [f32]) {
    if let (Ok(scores), [Block(w)]) = (<&mut [f32; 7]>::try_from(&mut *scores), row) {
        for (s, w) in scores.iter_mut().zip(w) {
            *s += w;
        }
        return;
    }
    for (s, w) in scores.iter_mut().zip(row.iter().flat_map(|b| b.0.iter())) {
        *s += w;
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
