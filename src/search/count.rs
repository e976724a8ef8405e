//! Which documents a query's answer lists, before the answer itself: the list can show its
//! count with the first screen. A document's lines are read only up to its first matching
//! one: a one-letter key meets nearly every document in its first line, so of a million
//! lines a few hundred thousand are scored, and the rest passed over by their document
//! alone (their text is not read).

use std::sync::atomic::AtomicBool;

use super::engine::{CANCEL_EVERY, Results, Scan};
use super::heads::Heads;
use super::index::Index;
use super::plan::Plan;

impl Index {
    /// The documents the whole answer to `heads.query` lists, by document index: those
    /// with a matching title or line, and those mentioning a matching entity (the
    /// documents an answer's hits lead to). `heads` are the query's own hits on titles and
    /// entities ([`Index::search_heads_after`] after the same `prev`). `None` when `cancel`
    /// was set.
    pub fn answer_docs(
        &self,
        heads: &Heads,
        prev: Option<&Results>,
        cancel: &AtomicBool,
    ) -> Option<Vec<bool>> {
        let query = &heads.query;
        let mut docs = vec![false; self.tags.len()];
        for hit in &heads.hits {
            let Some(item) = self.items.get(hit.item as usize) else {
                continue;
            };
            for &d in self.docs(item) {
                if let Some(slot) = docs.get_mut(d as usize) {
                    *slot = true;
                }
            }
        }
        let mut plan = Plan::new(query);
        let (filter, ids) = self.scan_ids(query, &plan, prev);
        let lines = ids.get(ids.partition_point(|&id| (id as usize) < self.first_line())..);
        let scan = Scan {
            index: self,
            query,
            filter: filter.as_ref(),
            cancel,
        };
        self.mark_line_docs(&scan, &mut plan, lines.unwrap_or_default(), &mut docs)?;
        Some(docs)
    }

    /// Marks the documents of `lines` (line ids in index order) holding a matching line,
    /// reading each document's lines only until one matches or it is marked already.
    fn mark_line_docs(
        &self,
        scan: &Scan<'_>,
        plan: &mut Plan,
        lines: &[u32],
        docs: &mut [bool],
    ) -> Option<()> {
        let mut at = 0;
        let mut looked = 0usize;
        while let Some(&id) = lines.get(at) {
            looked += 1;
            if looked.is_multiple_of(CANCEL_EVERY) && scan.cancelled() {
                return None;
            }
            let Some(doc) = self.line_doc(id) else {
                at += 1;
                continue;
            };
            let marked = docs.get(doc).copied().unwrap_or(true);
            if marked || scan.score(plan, id).is_some() {
                if let Some(slot) = docs.get_mut(doc) {
                    *slot = true;
                }
                at = self.past_doc(lines, at, doc);
            } else {
                at += 1;
            }
        }
        Some(())
    }

    /// The document of line item `id`, if it is a document's line.
    fn line_doc(&self, id: u32) -> Option<usize> {
        let item = self.items.get(id as usize)?;
        self.docs(item).first().map(|&d| d as usize)
    }

    /// The place in `lines` of the first line after `at` that is not of document `doc`.
    /// A document's lines are consecutive items (see [`Index::build`]), so those of `doc`
    /// are a run from `at`: its end is found by doubling steps, then halving, reading a
    /// few lines' documents rather than every one.
    fn past_doc(&self, lines: &[u32], at: usize, doc: usize) -> usize {
        let same = |id: &u32| self.line_doc(*id) == Some(doc);
        let mut from = at + 1;
        let mut step = 1;
        // Every line before `from` is of `doc`.
        while lines.get(from + step - 1).is_some_and(same) {
            from += step;
            step *= 2;
        }
        let to = (from + step).min(lines.len());
        from + lines
            .get(from..to)
            .map_or(0, |run| run.partition_point(same))
    }
}

// Tested with the heads, whose hits it starts from (`heads_tests.rs`).
