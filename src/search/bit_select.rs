//! Finding the `n`-th set bit of a bit array from a sampled place: how the skeleton texts'
//! first entries ([`super::words`]) and the lines of words met once ([`super::lists`]) are
//! read back from one bit each.

/// The place of the `skip`-th set bit (0: the first) at or after place `from` of `bits`
/// (bit `i` is bit `i % 64` of word `i / 64`); `None` past the last.
pub(super) fn nth_one(bits: &[u64], from: u64, skip: u32) -> Option<u64> {
    let mut skip = skip;
    let mut word = usize::try_from(from / 64).ok()?;
    let mut current = bits.get(word)? & (u64::MAX << (from % 64));
    loop {
        let ones = current.count_ones();
        if skip < ones {
            for _ in 0..skip {
                current &= current - 1;
            }
            return Some(u64::try_from(word).ok()? * 64 + u64::from(current.trailing_zeros()));
        }
        skip -= ones;
        word += 1;
        current = *bits.get(word)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nth_set_bit_from_a_place_is_found_across_words() {
        let places = [0u64, 3, 63, 64, 130, 131, 500];
        let mut bits = vec![0u64; 8];
        for &p in &places {
            bits[(p / 64) as usize] |= 1 << (p % 64);
        }
        for from in [0u64, 1, 63, 64, 65, 131, 132, 501] {
            let after: Vec<u64> = places.iter().copied().filter(|&p| p >= from).collect();
            for skip in 0..8u32 {
                assert_eq!(
                    nth_one(&bits, from, skip),
                    after.get(skip as usize).copied(),
                    "from {from}, skip {skip}"
                );
            }
        }
    }
}
