//! The line number of each hit `okur find` prints, counted a block of a document at a time:
//! counting the newlines from the document's start for every hit made a document's hits
//! cost its length each (`okur find a` on 2 MB of one-letter lines, 24,000 hits, took 48 s
//! of CPU; on 40 MB it ran past five minutes).

use std::cell::RefCell;

/// Bytes of text per counted block: a hit's line costs at most this much counting once
/// the blocks before it are counted (8 bytes held per block).
const BLOCK: usize = 4096;

/// The newlines before each block of one document's text, counted as far as asked.
struct Blocks {
    /// Which document (its address while the search prints) and its text's length.
    doc: (usize, usize),
    /// `before[k]`: the newlines in the text's first `k * BLOCK` bytes.
    before: Vec<usize>,
}

impl Blocks {
    /// Newlines before `at` (at most the text's length), counting the blocks up to it.
    fn newlines_before(&mut self, text: &[u8], at: usize) -> usize {
        let block = at / BLOCK;
        while self.before.len() <= block {
            let k = self.before.len();
            let counted = match k.checked_sub(1) {
                Some(prev) => {
                    let bytes = text.get(prev * BLOCK..k * BLOCK).unwrap_or(&[]);
                    self.before.get(prev).copied().unwrap_or(0) + count_newlines(bytes)
                }
                None => 0,
            };
            self.before.push(counted);
        }
        let start = block * BLOCK;
        let rest = text.get(start..at).unwrap_or(&[]);
        self.before.get(block).copied().unwrap_or(0) + count_newlines(rest)
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The 1-based line of `text` (document `doc`'s, `doc` telling documents apart) where byte
/// `at` is, as [`crate::corpus::fast::line_at`] counts it; `None` past the text's end. The
/// blocks of the document asked for last are kept (one per thread), so its hits, in any
/// order, each count at most a block of text once the blocks before them are counted.
pub(super) fn line_of(doc: usize, text: &[u8], at: usize) -> Option<usize> {
    thread_local! {
        static LAST: RefCell<Option<Blocks>> = const { RefCell::new(None) };
    }
    if at > text.len() {
        return None;
    }
    LAST.with_borrow_mut(|last| {
        let key = (doc, text.len());
        let blocks = match last {
            Some(b) if b.doc == key => b,
            _ => last.insert(Blocks {
                doc: key,
                before: Vec::new(),
            }),
        };
        Some(blocks.newlines_before(text, at) + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::fast::line_at;

    #[test]
    fn lines_agree_with_counting_from_the_start_in_any_order() {
        let text: String = (0..20_000).map(|i| "ab\n".repeat(i % 3) + "x").collect();
        let bytes = text.as_bytes();
        let order = [
            text.len(),
            0,
            9_000,
            4_095,
            4_096,
            4_097,
            20_000,
            8_191,
            1,
            17_000,
        ];
        for (doc, at) in [1, 2].into_iter().flat_map(|d| order.map(|a| (d, a))) {
            assert_eq!(line_of(doc, bytes, at), Some(line_at(&bytes[..at])), "{at}");
        }
        assert_eq!(line_of(1, bytes, text.len() + 1), None);
    }
}
