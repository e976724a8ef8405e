//! Where each of a run of strings laid back to back ends (issue 13): the folded words'
//! vocabulary ([`super::postings`]) and the skeleton entries' texts ([`super::words`]).
//! A 32-bit end each took 4 bytes a word, a quarter of the vocabulary on a generated
//! corpus whose words are mostly seen once; here an end is 16 bits past the start of its
//! block of 64, with that start: about 2.1 bytes an end, read in one step. A block whose
//! strings outgrow 16 bits (a very long word) keeps its ends whole.

/// No wide ends: the block's ends are in `low`.
const NARROW: u32 = u32::MAX;

/// Ascending 32-bit ends, compactly (see the module doc).
#[derive(Debug, Default)]
pub(crate) struct Ends {
    /// Per 64 ends: where the block starts (the end before its first, 0 for the first
    /// block), and where its ends lie in `wide` ([`NARROW`]: in `low`).
    blocks: Vec<(u32, u32)>,
    /// Per end: how far past its block's start it lies (0 in a wide block).
    low: Vec<u16>,
    /// The ends of wide blocks, 64 each but the last.
    wide: Vec<u32>,
}

impl Ends {
    /// Number of ends.
    pub fn len(&self) -> usize {
        self.low.len()
    }

    /// The last end, 0 when none.
    fn last(&self) -> u32 {
        self.len()
            .checked_sub(1)
            .map_or(0, |i| self.get(i).unwrap_or(0))
    }

    /// Appends `end` (not below the last end: then `None`, nothing added).
    pub fn push(&mut self, end: u32) -> Option<()> {
        let last = self.last();
        if end < last {
            return None;
        }
        let n = self.len();
        if n.is_multiple_of(64) {
            self.blocks.push((last, NARROW));
        }
        let block = self.blocks.last_mut()?;
        let (start, wide) = *block;
        match u16::try_from(end - start) {
            Ok(low) if wide == NARROW => self.low.push(low),
            _ => {
                if wide == NARROW {
                    // The block's ends so far move to `wide`.
                    block.1 = u32::try_from(self.wide.len()).ok()?;
                    let first = n - n % 64;
                    let moved = self.low.get(first..).unwrap_or_default();
                    self.wide
                        .extend(moved.iter().map(|&l| start + u32::from(l)));
                }
                self.wide.push(end);
                self.low.push(0);
            }
        }
        Some(())
    }

    /// End `i`.
    pub fn get(&self, i: usize) -> Option<u32> {
        let &(start, wide) = self.blocks.get(i / 64)?;
        if wide == NARROW {
            return Some(start + u32::from(*self.low.get(i)?));
        }
        self.wide.get(usize::try_from(wide).ok()? + i % 64).copied()
    }

    /// Where string `i` lies: from the end before it (0 for the first) to its end.
    pub fn span(&self, i: usize) -> Option<(usize, usize)> {
        let end = self.get(i)?;
        let start = match i.checked_sub(1) {
            Some(before) => self.get(before)?,
            None => 0,
        };
        Some((usize::try_from(start).ok()?, usize::try_from(end).ok()?))
    }

    /// The number of ends at or below `at` (the number of the string holding byte `at`).
    pub fn count_at_most(&self, at: u32) -> usize {
        let Some(block) = self
            .blocks
            .partition_point(|&(s, _)| s <= at)
            .checked_sub(1)
        else {
            return 0;
        };
        let first = block * 64;
        let upto = (first + 64).min(self.len());
        first
            + (first..upto)
                .take_while(|&i| self.get(i).is_some_and(|e| e <= at))
                .count()
    }

    /// Gives back spare room.
    pub fn shrink_to_fit(&mut self) {
        self.blocks.shrink_to_fit();
        self.low.shrink_to_fit();
        self.wide.shrink_to_fit();
    }

    /// Heap bytes held.
    pub fn held(&self) -> usize {
        use super::held::vec_bytes;
        vec_bytes(&self.blocks) + vec_bytes(&self.low) + vec_bytes(&self.wide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_read_back_and_count_as_a_plain_list_does_across_wide_blocks() {
        // Short strings, then a run of very long ones (wide blocks), then short again.
        let mut plain = Vec::new();
        let mut end = 0u32;
        for i in 0..400u32 {
            end += match i {
                100..=140 => 70_000,
                _ => i % 9,
            };
            plain.push(end);
        }
        let mut ends = Ends::default();
        for &e in &plain {
            assert_eq!(ends.push(e), Some(()));
        }
        assert_eq!(ends.push(3), None, "below the last end");
        assert_eq!(ends.len(), plain.len());
        for (i, &e) in plain.iter().enumerate() {
            assert_eq!(ends.get(i), Some(e), "end {i}");
        }
        assert_eq!(ends.get(plain.len()), None);
        let probes = plain.iter().flat_map(|&e| [e.saturating_sub(1), e, e + 1]);
        for at in probes.chain([0, u32::MAX]) {
            assert_eq!(
                ends.count_at_most(at),
                plain.partition_point(|&e| e <= at),
                "at {at}"
            );
        }
        assert_eq!(Ends::default().count_at_most(5), 0);
    }
}
