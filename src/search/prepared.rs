//! A search made ready to scan: its plan, what the words say of its lines, and the ids it
//! looks at. The reader's worker counts a first screen's documents from it
//! ([`Index::answer_docs_prepared`]) and then scans it for the whole answer, so a key
//! makes the words' marks of millions of lines, and the list of ids, once, not twice.

use std::sync::atomic::AtomicBool;

use super::engine::{Hit, Results, Scan, join};
use super::heads::Heads;
use super::index::Index;
use super::plan::Plan;
use super::query::Query;
use super::wordscan::LineFilter;

/// A search made ready to scan ([`Index::prepare`]), for its count and its whole answer.
pub struct Prepared {
    pub(super) query: Query,
    pub(super) plan: Plan,
    pub(super) filter: Option<LineFilter>,
    /// The items to look at, in index order.
    pub(super) ids: Vec<u32>,
}

impl Prepared {
    /// The query it is ready to answer.
    pub fn query(&self) -> &Query {
        &self.query
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("query", &self.query.raw)
            .field("ids", &self.ids.len())
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Runs a search made ready by [`Index::prepare`] as [`Index::search_after_heads`]
    /// does (hits unranked, in index order): after a count from the same preparation
    /// ([`Index::answer_docs_prepared`]), the words' marks and the ids to scan are not
    /// made again.
    pub fn search_prepared(
        &self,
        prepared: Prepared,
        heads: Option<&Heads>,
        cancel: &AtomicBool,
    ) -> Option<Results> {
        let heads = heads
            .filter(|h| h.query == prepared.query)
            .map(|h| h.hits.as_slice());
        self.scan_prepared(prepared, heads, cancel, 0)
    }

    pub(super) fn scan_prepared(
        &self,
        prepared: Prepared,
        heads: Option<&[Hit]>,
        cancel: &AtomicBool,
        rank_first: usize,
    ) -> Option<Results> {
        let Prepared {
            query,
            mut plan,
            filter,
            ids,
        } = prepared;
        let scan = Scan {
            index: self,
            query: &query,
            filter: filter.as_ref(),
            cancel,
        };
        // Ids are in index order: titles and entities first, which the heads answer.
        let (mut hits, ids) = match heads {
            Some(known) => {
                let lines = ids.partition_point(|&id| (id as usize) < self.first_line());
                (known.to_vec(), ids.get(lines..).unwrap_or_default())
            }
            None => (Vec::new(), ids.as_slice()),
        };
        hits.extend(scan.split(&mut plan, ids)?);
        if plan.scopes.len() > 1 {
            hits = join(self, &plan, hits);
        }
        let ranked = match rank_first {
            0 => 0,
            upto => self.rank(&mut hits, upto),
        };
        Some(Results {
            query,
            hits,
            ranked,
        })
    }

    /// Makes a search for `query` after `prev` ready to scan: its plan, what the words say
    /// of its lines and the ids it looks at (see [`Index::scan_ids`]). One preparation
    /// serves a count ([`Index::answer_docs_prepared`]) and then the whole answer
    /// ([`Index::search_prepared`]): the words' marks of millions of lines (for a term of
    /// three letters or more) and the list of ids are made once.
    pub fn prepare(&self, query: &Query, prev: Option<&Results>) -> Prepared {
        let plan = Plan::new(query);
        let (filter, ids) = self.scan_ids(query, &plan, prev);
        Prepared {
            query: query.clone(),
            plan,
            filter,
            ids,
        }
    }
}
