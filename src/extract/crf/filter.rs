//! A compact set of the attribute hashes a model has, in front of its table ([`super::table`]):
//! most pair attributes a tagger forms (`b-1=`, `b+1=`: two neighbouring words) are not in
//! the model, and each lookup of one read a random slot of a table of megabytes, missing the
//! cache. The filter is 1/32 of the table's size (four bits for each slot, of which at most
//! half are used: 8 to 16 bits per attribute; 128 KB for the Turkish model's 102,556, 64 KB
//! for the Arabic model's 39,117), meant to stay in a core's own cache (512 KB here), and it lets
//! through about 2 % of absent hashes at 10 bits per attribute (1 % at 13); a hash it lets
//! through is looked up in the table as before, so the weights found are the same.
//!
//! It is a blocked Bloom filter: each hash sets three bits of one 64-bit word, so a query
//! reads one word.

/// The hashes put in, with false positives but no false negatives.
#[derive(Debug, Default, Clone)]
pub struct HashFilter {
    /// A power-of-two number of words (none in an empty filter, which holds nothing).
    words: Vec<u64>,
}

impl HashFilter {
    /// An empty filter of `words` words (rounded up to a power of two, at least one).
    pub fn with_words(words: usize) -> HashFilter {
        HashFilter {
            words: vec![0; words.max(1).next_power_of_two()],
        }
    }

    /// Bytes the filter takes.
    pub fn bytes(&self) -> usize {
        self.words.len() * 8
    }

    /// The word of `hash` and its three bits in it. The hash is mixed again (the table's
    /// home slot is from the top bits of another product), so that hashes which share a
    /// home slot are spread over the filter.
    #[inline]
    fn place(&self, hash: u64) -> (usize, u64) {
        let mut h = hash ^ (hash >> 31);
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 29;
        // The word from the top bits, the three bit positions from the low 18.
        let bits = self.words.len().trailing_zeros();
        let word = if bits == 0 { 0 } else { h >> (64 - bits) };
        let mask = (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63)) | (1u64 << ((h >> 12) & 63));
        (usize::try_from(word).unwrap_or(0), mask)
    }

    /// Puts `hash` in.
    pub fn insert(&mut self, hash: u64) {
        if self.words.is_empty() {
            *self = HashFilter::with_words(1);
        }
        let (w, mask) = self.place(hash);
        self.words[w] |= mask;
    }

    /// False when `hash` was never put in; true when it was (and for a few others).
    #[inline]
    pub fn may_contain(&self, hash: u64) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let (w, mask) = self.place(hash);
        self.words[w] & mask == mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(i: u64) -> u64 {
        i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5851_f42d
    }

    #[test]
    fn holds_every_hash_put_in_and_few_others() {
        // 16 bits per hash, as in a table filled to a quarter of its slots.
        let n = 40_000u64;
        let mut f = HashFilter::with_words(usize::try_from(n).expect("small") / 4);
        for i in 0..n {
            f.insert(spread(i));
        }
        assert!((0..n).all(|i| f.may_contain(spread(i))));
        let false_positives = (n..n + 100_000)
            .filter(|&i| f.may_contain(spread(i)))
            .count();
        // About 0.5 % expected at 16 bits per hash; a broken mix lets far more through.
        assert!(false_positives < 2_000, "{false_positives} of 100000");
    }

    #[test]
    fn an_empty_filter_holds_nothing() {
        let f = HashFilter::default();
        assert!(!f.may_contain(0));
        assert!(!f.may_contain(u64::MAX));
        let mut g = HashFilter::default();
        g.insert(7);
        assert!(g.may_contain(7));
    }
}
