//! Running a query over the index: scan (or narrow), join scopes by document, rank.

use std::sync::atomic::{AtomicBool, Ordering};

use super::heads::Heads;
use super::index::Index;
use super::item::ItemKind;
use super::plan::Plan;
use super::query::{Query, Scope};
use super::wordscan::LineFilter;
use crate::kind::Kind;

/// How many items are scanned between two looks at the cancel flag.
pub(super) const CANCEL_EVERY: usize = 2048;
/// Candidate count from which the scan is split over two threads.
const PARALLEL_FROM: usize = 20_000;
/// How many hits a search puts in rank order (more than any screen shows).
const RANK_FIRST: usize = 5_000;

/// One matching item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The item id (see [`Index::item`]).
    pub item: u32,
    /// Higher is better.
    pub score: i32,
}

/// The outcome of a search: the query it answers and its hits, best first.
#[derive(Debug, Clone)]
pub struct Results {
    /// The query these results answer (the base for narrowing the next one).
    pub query: Query,
    /// Matching items. The first [`Results::ranked`] are best first (ties: shorter text,
    /// then index order); any after them match but are not ordered yet (see
    /// [`Index::rank_all`]), which keeps a one-letter query over a million lines quick.
    pub hits: Vec<Hit>,
    /// How many leading hits are in rank order (all of them unless there are very many).
    pub ranked: usize,
}

impl Results {
    /// True when every item matching `query` is among these hits: `query` narrows the
    /// query they answer (it grew by a character or a term) in the same scope, so a search
    /// for it need look at these hits alone.
    pub fn narrowed_by(&self, query: &Query) -> bool {
        query.narrows(&self.query) && self.query.scope == query.scope
    }
}

/// True when an item of `kind` is matched by terms in `scope`.
pub fn covers(scope: Scope, kind: ItemKind) -> bool {
    match scope {
        Scope::All => true,
        Scope::People => kind == ItemKind::Entity(Kind::Person),
        Scope::Places => kind == ItemKind::Entity(Kind::Place),
        Scope::Dates => matches!(kind, ItemKind::Entity(Kind::Date) | ItemKind::Doc),
        Scope::Docs => kind == ItemKind::Doc,
        Scope::Text => kind == ItemKind::Line,
        Scope::Source => kind == ItemKind::Doc,
    }
}

impl Index {
    /// Runs `query`. When `prev` answers a query that `query` narrows (it grew by a character
    /// or a term), only `prev`'s hits are scanned. Returns `None` when `cancel` was set
    /// meanwhile (it is checked every few thousand items). An empty query lists every item
    /// of its scope in index order.
    pub fn search(
        &self,
        query: &Query,
        prev: Option<&Results>,
        cancel: &AtomicBool,
    ) -> Option<Results> {
        self.search_ranking(query, prev, cancel, RANK_FIRST)
    }

    /// Runs `query` as [`Index::search`] does, without putting any hit in rank order
    /// (`ranked` is 0; hits are in index order): for a caller that orders what the hits
    /// lead to itself ([`Index::rank_key`]), as the reader's list does by document.
    pub fn search_unranked(
        &self,
        query: &Query,
        prev: Option<&Results>,
        cancel: &AtomicBool,
    ) -> Option<Results> {
        self.search_ranking(query, prev, cancel, 0)
    }

    /// Runs `query` as [`Index::search_unranked`] does, taking the hits on titles and
    /// entities from `heads` ([`Index::search_heads`] of the same query) rather than
    /// scoring those items again: after a first screen, the whole answer scans the lines
    /// alone. `heads` of another query are not used.
    pub fn search_after_heads(
        &self,
        query: &Query,
        prev: Option<&Results>,
        heads: Option<&Heads>,
        cancel: &AtomicBool,
    ) -> Option<Results> {
        self.search_prepared(self.prepare(query, prev), heads, cancel)
    }

    fn search_ranking(
        &self,
        query: &Query,
        prev: Option<&Results>,
        cancel: &AtomicBool,
        rank_first: usize,
    ) -> Option<Results> {
        self.scan_prepared(self.prepare(query, prev), None, cancel, rank_first)
    }

    /// The items a search for `query` (compiled as `plan`) after `prev` looks at, in index order, and
    /// what the words say of its lines: `prev`'s hits when the query narrows them, else
    /// every item; of those, only the lines the terms' words reach (see
    /// [`super::wordscan`]), most of which the filter scores without their text.
    pub(super) fn scan_ids(
        &self,
        query: &Query,
        plan: &Plan,
        prev: Option<&Results>,
    ) -> (Option<LineFilter>, Vec<u32>) {
        let narrowed = prev.filter(|p| p.narrowed_by(query));
        let scanned = narrowed.map_or(self.items.len(), |p| p.hits.len());
        let filter = self.line_filter(plan, scanned);
        let ids = match (narrowed, &filter) {
            (Some(p), _) => {
                let mut ids = in_index_order(&p.hits, self.items.len());
                if let Some(f) = &filter {
                    ids.retain(|&id| f.may_match(id));
                }
                ids
            }
            (None, Some(f)) => f.candidates(self.items.len()),
            // The index keeps fewer than u32::MAX items (it stops adding at that point).
            (None, None) => (0..u32::try_from(self.items.len()).unwrap_or(u32::MAX)).collect(),
        };
        if let Some(f) = &filter {
            f.seed(plan);
        }
        (filter, ids)
    }

    /// Puts every hit of `results` in rank order (for printing them all, or scrolling far).
    pub fn rank_all(&self, results: &mut Results) {
        results.ranked = self.rank(&mut results.hits, usize::MAX);
    }

    /// Puts the best `upto` hits first, in order; returns how many are ordered.
    pub(super) fn rank(&self, hits: &mut [Hit], upto: usize) -> usize {
        rank_by(hits, upto, |id| self.text_len(id))
    }

    /// A hit's place in rank order: of two hits, the one with the smaller key ranks first
    /// (the order [`Index::rank_all`] gives). Lets a caller order what hits lead to (their
    /// documents) without sorting every hit.
    pub fn rank_key(&self, hit: Hit) -> u128 {
        pack(hit, self.text_len(hit.item))
    }

    fn text_len(&self, id: u32) -> u32 {
        self.items.text_len(id as usize)
    }
}

/// The rank key of a hit whose text is `len` bytes: better score, then shorter text, then
/// lower id first.
fn pack(hit: Hit, len: u32) -> u128 {
    // 0 ..= 2^32 - 1, never negative: the score is an i32.
    let worse = u64::try_from(i64::from(i32::MAX) - i64::from(hit.score)).unwrap_or(0);
    u128::from(worse) << 64 | u128::from(len) << 32 | u128::from(hit.item)
}

/// Puts the best `upto` hits first, in order (ties: shorter text by `len`, then id); returns
/// how many are ordered. Sorts packed keys, after a selection when there are many.
pub(crate) fn rank_by(hits: &mut [Hit], upto: usize, len: impl Fn(u32) -> u32) -> usize {
    let mut keys: Vec<u128> = hits.iter().map(|&h| pack(h, len(h.item))).collect();
    let ranked = upto.min(keys.len());
    if ranked < keys.len() {
        keys.select_nth_unstable(ranked);
    }
    keys[..ranked].sort_unstable();
    for (hit, key) in hits.iter_mut().zip(keys) {
        // Both parts round-trip exactly: `worse` came from an i32 score, the item from a u32.
        let worse = i64::try_from(key >> 64).unwrap_or(i64::MAX);
        hit.score = i32::try_from(i64::from(i32::MAX) - worse).unwrap_or(i32::MIN);
        hit.item = u32::try_from(key & u128::from(u32::MAX)).unwrap_or(u32::MAX);
    }
    ranked
}

/// The items of `hits` in index order. Hits come in rank order, which jumps about the
/// corpus: scanned so, nearly every item's text was a cache miss (half the time of a
/// keystroke narrowing 400k hits); in index order the texts are read front to back.
pub(super) fn in_index_order(hits: &[Hit], items: usize) -> Vec<u32> {
    let mut seen = vec![0u64; items.div_ceil(64)];
    for hit in hits {
        let i = hit.item as usize;
        if let Some(word) = seen.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }
    let mut ids = Vec::with_capacity(hits.len());
    for (w, &word) in seen.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let bit = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            // Fewer than u32::MAX items are indexed (see `Index::set_entities`).
            if let Ok(id) = u32::try_from(w * 64 + bit) {
                ids.push(id);
            }
        }
    }
    ids
}

/// What a scan reads: the index, the query, what the words say of its lines.
pub(super) struct Scan<'a> {
    pub index: &'a Index,
    pub query: &'a Query,
    pub filter: Option<&'a LineFilter>,
    pub cancel: &'a AtomicBool,
}

impl Scan<'_> {
    /// Scans `ids`, on two threads when there are many (each with its own scorer).
    pub fn split(&self, plan: &mut Plan, ids: &[u32]) -> Option<Vec<Hit>> {
        if ids.len() < PARALLEL_FROM {
            return self.run(plan, ids);
        }
        let (a, b) = ids.split_at(ids.len() / 2);
        let (first, second) = std::thread::scope(|s| {
            let other = s.spawn(|| {
                let mut own = Plan::new(self.query);
                if let Some(f) = self.filter {
                    f.seed(&own);
                }
                self.run(&mut own, b)
            });
            (self.run(plan, a), other.join())
        });
        let mut hits = first?;
        hits.extend(second.ok()??);
        Some(hits)
    }

    fn run(&self, plan: &mut Plan, ids: &[u32]) -> Option<Vec<Hit>> {
        let mut hits = Vec::new();
        for (n, &id) in ids.iter().enumerate() {
            if n % CANCEL_EVERY == 0 && self.cancelled() {
                return None;
            }
            if let Some(score) = self.score(plan, id) {
                hits.push(Hit { item: id, score });
            }
        }
        Some(hits)
    }

    /// True when the search was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Item `id`'s score: from the words' marks when they answer for it, else from its
    /// fields.
    pub fn score(&self, plan: &mut Plan, id: u32) -> Option<i32> {
        match self.filter.and_then(|f| f.verdict(id)) {
            Some(answer) => answer,
            None => plan.score(self.index, &self.index.items.get(id as usize)?),
        }
    }
}

/// Several scopes (`%per lavrov %loc ankara`): keep items whose documents also hold a match
/// in each other scope.
pub(super) fn join(index: &Index, plan: &Plan, hits: Vec<Hit>) -> Vec<Hit> {
    let n_docs = index.tags.len().max(1);
    let per_scope: Vec<(Scope, Vec<bool>)> = plan
        .scopes
        .iter()
        .map(|&scope| {
            let mut docs = vec![false; n_docs];
            for h in &hits {
                let Some((kind, item_docs)) = index.kind_and_docs(h.item as usize) else {
                    continue;
                };
                if covers(scope, kind) {
                    for d in item_docs {
                        if let Some(slot) = docs.get_mut(d as usize) {
                            *slot = true;
                        }
                    }
                }
            }
            (scope, docs)
        })
        .collect();
    hits.into_iter()
        .filter(|h| {
            let Some(item) = index.items.get(h.item as usize) else {
                return false;
            };
            let docs = index.docs(&item);
            per_scope.iter().all(|(scope, set)| {
                covers(*scope, item.kind)
                    || docs
                        .iter()
                        .any(|&d| set.get(d as usize).copied().unwrap_or(false))
            })
        })
        .collect()
}
