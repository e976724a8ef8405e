//! Which documents a query's answer lists, before the answer itself: the list can show its
//! count with the first screen. A document's lines are read only up to its first matching
//! one: a one-letter key meets nearly every document in its first line, so of a million
//! lines a few hundred thousand are scored, and the rest passed over by their document
//! alone (neither their text nor their items are read: see [`super::doc_lines`]).

use std::sync::atomic::AtomicBool;

use super::doc_lines::{doc_of_line, first_failing};
use super::engine::{CANCEL_EVERY, Results, Scan};
use super::heads::Heads;
use super::index::Index;
use super::plan::Plan;
use super::prepared::Prepared;

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
        let mut prepared = self.prepare(&heads.query, prev);
        self.answer_docs_prepared(heads, &mut prepared, cancel)
    }

    /// [`Index::answer_docs`] from a search made ready ([`Index::prepare`] of the heads'
    /// query), which the whole answer then scans ([`Index::search_prepared`]). `None`
    /// when `cancel` was set, or the preparation is for another query.
    pub fn answer_docs_prepared(
        &self,
        heads: &Heads,
        prepared: &mut Prepared,
        cancel: &AtomicBool,
    ) -> Option<Vec<bool>> {
        if prepared.query != heads.query {
            return None;
        }
        let mut docs = vec![false; self.tags.len()];
        let mut mark = |d: u32| {
            if let Some(slot) = docs.get_mut(d as usize) {
                *slot = true;
            }
        };
        for hit in &heads.hits {
            if let Some((_, item_docs)) = self.kind_and_docs(hit.item as usize) {
                item_docs.for_each(&mut mark);
            }
        }
        let ids = &prepared.ids;
        let lines = ids.get(ids.partition_point(|&id| (id as usize) < self.first_line())..);
        let scan = Scan {
            index: self,
            query: &prepared.query,
            filter: prepared.filter.as_ref(),
            cancel,
        };
        let plan = &mut prepared.plan;
        self.mark_line_docs(&scan, plan, lines.unwrap_or_default(), &mut docs)?;
        Some(docs)
    }

    /// Marks the documents of `lines` (line ids in index order) holding a matching line,
    /// reading each document's lines only until one matches or it is marked already: its
    /// other lines are passed over by the table of where documents' lines start
    /// ([`Index::doc_lines`]), not read.
    fn mark_line_docs(
        &self,
        scan: &Scan<'_>,
        plan: &mut Plan,
        lines: &[u32],
        docs: &mut [bool],
    ) -> Option<()> {
        let table = self.doc_lines();
        let first = self.first_line();
        let (mut at, mut doc) = (0, 0);
        let mut looked = 0usize;
        while let Some(&id) = lines.get(at) {
            looked += 1;
            if looked.is_multiple_of(CANCEL_EVERY) && scan.cancelled() {
                return None;
            }
            let Some(d) = doc_of_line(table, doc, (id as usize).saturating_sub(first)) else {
                break;
            };
            doc = d;
            let marked = docs.get(doc).copied().unwrap_or(true);
            if marked || scan.score(plan, id).is_some() {
                if let Some(slot) = docs.get_mut(doc) {
                    *slot = true;
                }
                // Past the document's last line.
                let end = table
                    .get(doc + 1)
                    .map_or(usize::MAX, |&n| first + n as usize);
                at = first_failing(lines, at + 1, |&id| (id as usize) < end);
            } else {
                at += 1;
            }
        }
        Some(())
    }
}

// Tested with the heads, whose hits it starts from (`heads_tests.rs`).
