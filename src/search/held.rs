//! What the index holds, part by part, in heap bytes (capacities, as the allocator is asked
//! for them): the figures `examples/corpus_memory.rs` prints per corpus byte (issue 13), and
//! what `tests/corpus_memory.rs` bounds.

use super::entry_words::EntrySide;
use super::index::Index;

/// Heap bytes of a vector's buffer.
pub(super) fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity().saturating_mul(std::mem::size_of::<T>())
}

impl Index {
    /// The heap bytes of each part of the index, named: items, the documents' lines (with
    /// where each document's start), their strings, the lines' skeleton entries, the word postings (vocabulary, lists, each line's words) and the
    /// skeleton entries' lines. Parts not built yet count 0.
    pub fn held_parts(&self) -> Vec<(&'static str, usize)> {
        let strings = self.strs.capacity()
            + vec_bytes(&self.doc_ids)
            + vec_bytes(&self.doc_bytes)
            + self
                .tags
                .iter()
                .chain(&self.sources)
                .map(String::capacity)
                .sum::<usize>()
            + vec_bytes(&self.tags)
            + vec_bytes(&self.sources);
        let (items, lines) = self.items.held();
        let postings = self.postings.as_ref();
        let mut parts = vec![
            ("items", items),
            ("line items", lines),
            ("titles, names, sources", strings),
            ("skeleton entries", self.words.entries_held()),
            ("lines' entry codes", self.words.codes_held()),
            (
                "entries' lines",
                self.entry_side.as_ref().map_or(0, EntrySide::held),
            ),
            ("word vocabulary", postings.map_or(0, |p| p.vocab.held())),
            ("words' lines", postings.map_or(0, |p| p.lines.held())),
            ("lines' words", postings.map_or(0, |p| p.forward.held())),
        ];
        parts.retain(|&(_, n)| n > 0);
        parts
    }
}

impl Index {
    /// Document lines whose skeleton entries are held apart from their folded words' (see
    /// [`super::entry_words`]): how far the two ways of splitting a line into words differ
    /// on a corpus. 0 before the words are indexed.
    pub fn lines_apart(&self) -> usize {
        self.entry_side.as_ref().map_or(0, EntrySide::lines_apart)
    }

    /// The skeleton entries of document lines (once the words are indexed, one per folded
    /// word) and their distinct texts, each held once: how much sharing a text saves.
    pub fn skeleton_counts(&self) -> (usize, usize) {
        (self.words.len(), self.words.texts())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_a_built_index_is_counted() {
        let corpus = std::sync::Arc::new(crate::corpus::load_seeds().corpus);
        let mut index = Index::build(&corpus, &[]);
        let before: usize = index.held_parts().iter().map(|p| p.1).sum();
        // A document line takes 16 bytes (its byte set, offset and length).
        assert!(before >= index.len() * 16);
        index.index_words();
        let names: Vec<&str> = index.held_parts().iter().map(|p| p.0).collect();
        for part in [
            "items",
            "line items",
            "skeleton entries",
            "entries' lines",
            "word vocabulary",
        ] {
            assert!(names.contains(&part), "{part} in {names:?}");
        }
    }
}
