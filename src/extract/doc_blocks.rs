//! Every document's packed bytes, document after document, in blocks of whole documents:
//! what extraction's table ([`super::MentionTable`]) and the panels' facts both hold their
//! mentions in. A block is at most a few hundred KiB past its bound, so the bytes grow a
//! block at a time (never a doubling copy of the whole), and a pass that makes one from the
//! other frees each block once it is read ([`DocBlocks::into_each_doc`]): the two are never
//! held whole at once.

/// A block is closed at the first document boundary once it holds this many bytes.
const BLOCK: usize = 1 << 18;

/// The fewest bytes a block grows by.
const GROW: usize = 1 << 12;

/// Each document's bytes, in blocks of whole documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocBlocks {
    /// Where each document's bytes start (counted over every block), and where the last
    /// end.
    bounds: Vec<usize>,
    /// The bytes, in blocks of whole documents.
    blocks: Vec<Vec<u8>>,
    /// Where each block's first byte is, counted as in `bounds`.
    block_starts: Vec<usize>,
}

impl DocBlocks {
    /// Blocks for `docs` documents, filled by [`DocBlocks::open`] document after document.
    pub fn with_capacity(docs: usize) -> DocBlocks {
        let mut bounds = Vec::with_capacity(docs + 1);
        bounds.push(0);
        DocBlocks {
            bounds,
            ..DocBlocks::default()
        }
    }

    /// The block document `doc`'s next bytes go at the end of, with room for at least 32
    /// more, and whether `doc` starts here (documents come in order: a later one closes
    /// the ones before it). Always a block: `None` is never given.
    pub fn open(&mut self, doc: usize) -> Option<(&mut Vec<u8>, bool)> {
        let new_doc = self.bounds.len() <= doc;
        self.close_to(doc);
        // A block is closed only between documents, so that each document's bytes are one
        // slice of one block.
        let full = self.blocks.last().is_some_and(|b| b.len() >= BLOCK);
        if self.blocks.is_empty() || (new_doc && full) {
            // The last document may have taken the block past its room: what it grew to
            // and did not use goes back.
            if let Some(last) = self.blocks.last_mut() {
                last.shrink_to_fit();
            }
            // The first block grows as needed (a small corpus takes no megabyte).
            let room = if self.blocks.is_empty() { 0 } else { BLOCK };
            self.block_starts.push(self.bytes());
            self.blocks.push(Vec::with_capacity(room));
        }
        let block = self.blocks.last_mut()?;
        // Grown by an eighth, not doubled: a huge document's bytes are one block, and a
        // doubled one had up to as much room again unused, beside what it is made from.
        if block.capacity() - block.len() < 32 {
            block.reserve_exact((block.len() / 8).max(GROW));
        }
        Some((block, new_doc))
    }

    /// Closes every document before `docs` and gives the last block's spare room back.
    pub fn finish(&mut self, docs: usize) {
        self.close_to(docs);
        if let Some(last) = self.blocks.last_mut() {
            last.shrink_to_fit();
        }
    }

    /// Bytes in all blocks.
    pub fn bytes(&self) -> usize {
        let last = self.blocks.last().map_or(0, Vec::len);
        self.block_starts.last().map_or(0, |s| s + last)
    }

    /// Closes every document before `doc`.
    fn close_to(&mut self, doc: usize) {
        let bytes = self.bytes();
        while self.bounds.len() <= doc {
            self.bounds.push(bytes);
        }
    }

    /// Number of documents.
    pub fn docs(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// The bytes of document `doc` (none past the last document).
    pub fn doc(&self, doc: usize) -> &[u8] {
        let (Some(&from), Some(&to)) = (self.bounds.get(doc), self.bounds.get(doc + 1)) else {
            return &[];
        };
        if from == to {
            return &[];
        }
        // A document's bytes are all in the last block starting at or before its first.
        let b = self.block_starts.partition_point(|&s| s <= from);
        let Some(b) = b.checked_sub(1) else {
            return &[];
        };
        let (Some(block), Some(&at)) = (self.blocks.get(b), self.block_starts.get(b)) else {
            return &[];
        };
        block.get(from - at..to - at).unwrap_or(&[])
    }

    /// Calls `f` with each document's bytes in corpus order, freeing each block once its
    /// documents are read: what is made from them need not be held beside all of them.
    pub fn into_each_doc(mut self, mut f: impl FnMut(&[u8])) {
        let mut freed = 0;
        for d in 0..self.docs() {
            f(self.doc(d));
            // The blocks wholly before the next document's first byte are done.
            let next = self.bounds.get(d + 1).copied().unwrap_or(usize::MAX);
            let done = self.block_starts.partition_point(|&s| s <= next);
            for block in (self.blocks.iter_mut())
                .take(done.saturating_sub(1))
                .skip(freed)
            {
                *block = Vec::new();
            }
            freed = freed.max(done.saturating_sub(1));
        }
    }

    /// The bytes held: the documents' bytes, the room their blocks have unused, and where
    /// each document and block starts.
    pub fn held(&self) -> [usize; 3] {
        let bytes = self.bytes();
        let room: usize = self.blocks.iter().map(Vec::capacity).sum::<usize>();
        let word = std::mem::size_of::<usize>();
        let bounds = (self.bounds.capacity() + self.block_starts.capacity()) * word
            + self.blocks.capacity() * std::mem::size_of::<Vec<u8>>();
        [bytes, room - bytes, bounds]
    }
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, DocBlocks};

    #[test]
    fn documents_read_back_whole_in_blocks_freed_as_read() {
        // Empty documents, one past a block on its own, and small ones after it.
        let sizes = [3, 0, BLOCK + 5, 0, 7, 100, BLOCK / 2, BLOCK / 2, 1];
        let mut blocks = DocBlocks::with_capacity(sizes.len());
        let byte = |d: usize, i: usize| u8::try_from((d * 31 + i) % 251).unwrap_or(0);
        for (d, &n) in sizes.iter().enumerate() {
            for i in 0..n {
                if let Some((block, _)) = blocks.open(d) {
                    block.push(byte(d, i));
                }
            }
        }
        blocks.finish(sizes.len() + 1);
        assert_eq!(blocks.docs(), sizes.len() + 1);
        assert_eq!(blocks.bytes(), sizes.iter().sum::<usize>());
        for (d, &n) in sizes.iter().enumerate() {
            assert!(blocks.doc(d).iter().copied().eq((0..n).map(|i| byte(d, i))));
        }
        assert!(blocks.doc(sizes.len()).is_empty() && blocks.doc(99).is_empty());
        let [_, room, _] = blocks.held();
        assert!(room < BLOCK, "{room}");
        let mut read = Vec::new();
        blocks
            .clone()
            .into_each_doc(|bytes| read.push(bytes.to_vec()));
        assert_eq!(read.len(), sizes.len() + 1);
        for (d, bytes) in read.iter().enumerate() {
            assert_eq!(bytes.as_slice(), blocks.doc(d), "document {d}");
        }
    }
}
