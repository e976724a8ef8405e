//! What one filter query answers, in the shape the panes use: the documents best first
//! (by their best hit, an entity they mention, or their title), the matching entities, and
//! the first screen sent before the whole answer when that answer is long to come.

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

use crate::corpus::Document;
use crate::search::{Heads, Hit, Index, ItemKind, Prepared, Query, Results, covers, match_ranges};

/// What a search found, in the shape the panes use.
#[derive(Debug, Clone, Default)]
pub struct SearchOutcome {
    /// The request this answers.
    pub generation: u64,
    /// The query as parsed.
    pub query: Option<Query>,
    /// Matching documents, best first (a document matches through its title, its lines, or
    /// an entity it mentions).
    pub docs: Vec<usize>,
    /// Names of matching entities.
    pub entities: Vec<String>,
    /// The matches in the document that was open when the query was sent: (document, byte
    /// ranges). Folding a long text takes a while, so it is done with the search, off the UI
    /// thread, not on every keystroke in front of the user.
    pub open_matches: Option<(usize, Vec<(usize, usize)>)>,
    /// `docs` are only the first documents of the answer, in their final order (see
    /// [`first_screen`]): the whole answer is still to come.
    pub partial: bool,
    /// With a partial answer: which documents (by index) the whole answer lists, known
    /// before their order ([`Index::answer_docs`]; the worker sends its first screen
    /// again with them): the list's count. `None` when not counted.
    pub answer_docs: Option<Vec<bool>>,
    /// The whole answer's count alone ([`SearchOutcome::answer_docs`]), before any of its
    /// rows: the list keeps the rows it has and takes the count (see [`count_only`]).
    pub count_only: bool,
}

/// Finds the outcome's matches in document `open` (see [`SearchOutcome::open_matches`]).
pub fn add_open_matches(outcome: &mut SearchOutcome, docs: &[Document], open: usize) {
    let (Some(query), Some(doc)) = (&outcome.query, docs.get(open)) else {
        return;
    };
    if query.is_empty() {
        return;
    }
    let ranges = match_ranges(query, &doc.text().unwrap_or_default());
    outcome.open_matches = Some((open, ranges.into_iter().map(|r| (r.start, r.end)).collect()));
}

/// Runs one query over an index (synchronously; the worker and the tests call this).
pub fn run_query(
    index: &Index,
    raw: &str,
    prev: Option<&Results>,
    cancel: &AtomicBool,
) -> Option<(Results, SearchOutcome)> {
    run_query_after(index, raw, prev, None, cancel)
}

/// Runs one query as [`run_query`] does, after a [`first_answer`] to it: the titles and
/// entities its heads scored are not scored again.
pub fn run_query_after(
    index: &Index,
    raw: &str,
    prev: Option<&Results>,
    heads: Option<&Heads>,
    cancel: &AtomicBool,
) -> Option<(Results, SearchOutcome)> {
    let query = Query::parse(raw);
    run_query_prepared(index, index.prepare(&query, prev), heads, cancel)
}

/// Runs one query as [`run_query_after`] does, from a search made ready
/// ([`Index::prepare`]): the worker counts a first screen's documents from the same
/// preparation ([`Index::answer_docs_prepared`]) before this whole answer.
pub fn run_query_prepared(
    index: &Index,
    prepared: Prepared,
    heads: Option<&Heads>,
    cancel: &AtomicBool,
) -> Option<(Results, SearchOutcome)> {
    let query = prepared.query().clone();
    // The outcome needs documents and entities in rank order, not every hit: a one-letter
    // query over a million lines is ordered by its documents' best hits, not sorted whole
    // (nor its first thousands: the hits stay in index order, which the next key's
    // narrowing and the pass over them below read front to back).
    let results = index.search_prepared(prepared, heads, cancel)?;
    let entity_hits = ranked_entity_hits(index, &results.hits);
    let outcome = SearchOutcome {
        generation: 0,
        docs: ranked_docs(index, &query, &results, &entity_hits),
        entities: entity_names(index, &entity_hits),
        query: Some(query),
        open_matches: None,
        partial: false,
        answer_docs: None,
        count_only: false,
    };
    Some((results, outcome))
}

/// An answer to request `generation` that brings only the whole answer's count, to be
/// filled in ([`SearchOutcome::answer_docs`]): for a key without a first screen, whose
/// documents are known well before their order (a digit meets no title at 200k articles,
/// but most documents' lines).
pub fn count_only(generation: u64, heads: &Heads) -> SearchOutcome {
    SearchOutcome {
        generation,
        query: Some(heads.query.clone()),
        partial: true,
        count_only: true,
        ..SearchOutcome::default()
    }
}

/// How many documents a first answer must hold to be sent before the whole one: more rows
/// than a list pane shows.
pub(super) const FIRST_SCREEN: usize = 100;

/// The first documents of `raw`'s answer, before the whole of it: the documents whose
/// titles rank above every line the query could meet (see [`Index::search_heads`]), best
/// first, with every matching entity; `None` when fewer than a screenful of documents are
/// sure of their place, or the query's scopes do not rank titles and lines together. The
/// whole answer ([`run_query`]) begins with these same documents in this order.
pub fn first_screen(index: &Index, raw: &str, cancel: &AtomicBool) -> Option<SearchOutcome> {
    first_answer(index, raw, cancel)?.screen
}

/// What the titles and entities alone answer, before the lines are scanned: their hits
/// (for [`run_query_after`]) and the first screen they give, if any.
#[derive(Debug)]
pub struct FirstAnswer {
    /// The hits on titles and entities.
    pub heads: Heads,
    /// The first documents of the answer (see [`first_screen`]), when a screenful is sure.
    pub screen: Option<SearchOutcome>,
}

/// Scores the titles and entities for `raw` and draws a first screen from them (see
/// [`first_screen`]); `None` when the query does not rank titles and lines together, or
/// `cancel` was set.
pub fn first_answer(index: &Index, raw: &str, cancel: &AtomicBool) -> Option<FirstAnswer> {
    first_answer_after(index, raw, None, cancel)
}

/// [`first_answer`] after `prev`, the answer to the key before: when `raw` narrows it,
/// only its titles and entities are scored again (see [`Index::search_heads_after`]).
pub fn first_answer_after(
    index: &Index,
    raw: &str,
    prev: Option<&Results>,
    cancel: &AtomicBool,
) -> Option<FirstAnswer> {
    let query = Query::parse(raw);
    let heads = index.search_heads_after(&query, prev, cancel)?;
    let screen = screen_of(index, query, &heads);
    Some(FirstAnswer { heads, screen })
}

/// The first screen the heads give, when a screenful of documents is sure of its place.
fn screen_of(index: &Index, query: Query, heads: &Heads) -> Option<SearchOutcome> {
    let mut sure: Vec<(u128, usize)> = heads
        .hits
        .iter()
        .filter(|h| h.score > heads.line_ceiling)
        .filter_map(|&h| {
            let (kind, mut docs) = index.kind_and_docs(h.item as usize)?;
            let doc = docs.next()?;
            (kind == ItemKind::Doc).then(|| (index.rank_key(h), doc as usize))
        })
        .collect();
    if sure.len() < FIRST_SCREEN {
        return None;
    }
    sure.sort_unstable();
    let entity_hits = ranked_entity_hits(index, &heads.hits);
    Some(SearchOutcome {
        generation: 0,
        docs: sure.into_iter().map(|(_, d)| d).collect(),
        entities: entity_names(index, &entity_hits),
        query: Some(query),
        open_matches: None,
        partial: true,
        answer_docs: None,
        count_only: false,
    })
}

/// True when a search for `raw` after `prev` would read more items than the titles and
/// entities alone, so that a first answer from those comes sooner than the whole one. It
/// costs little more than that answer: the whole answer takes the titles' and entities'
/// hits from it (see [`run_query_after`]). A narrowing key scanning a few times the titles
/// (`^an` after `^a`: a tenth of a second at 200k articles) draws their screen first.
pub fn worth_a_first_screen(index: &Index, raw: &str, prev: Option<&Results>) -> bool {
    scanned(index, raw, prev) > index.first_line_id()
}

/// How many items a search for `raw` after `prev` looks at, at most: `prev`'s hits when
/// the query narrows them, else every item.
fn scanned(index: &Index, raw: &str, prev: Option<&Results>) -> usize {
    let query = Query::parse(raw);
    let narrowed = prev.filter(|p| p.narrowed_by(&query));
    narrowed.map_or(index.len(), |p| p.hits.len())
}

/// How many lines per document a search must read for its first screen to be counted
/// first ([`Index::answer_docs`] reads about one per document and passes over the rest
/// by where each document's lines start): below it, the count costs the whole answer a
/// share it does not win back (`ankara` after `ankar` reads a few lines per document).
const LINES_PER_DOC_TO_COUNT: usize = 8;

/// True when a search for `raw` after `prev` reads so many lines per document that
/// counting its documents first ([`Index::answer_docs`]) draws the list's count well
/// before the whole answer: a one- or two-letter key, which reads nearly every line.
pub fn worth_a_count(index: &Index, raw: &str, prev: Option<&Results>) -> bool {
    scanned(index, raw, prev) > index.tags.len().saturating_mul(LINES_PER_DOC_TO_COUNT)
}

/// The names of the entities of `hits`, in their order.
fn entity_names(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .filter_map(|hit| index.item(hit.item))
        .map(|view| view.text.to_string())
        .collect()
}

/// The hits on entities among `hits`, best first.
fn ranked_entity_hits(index: &Index, hits: &[Hit]) -> Vec<Hit> {
    // Entities come before the lines: by id alone, a line hit's item is not read (a cache
    // miss per line hit, of a hundred thousand for a digit at 200k articles).
    let lines = index.first_line_id();
    let mut hits: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| (h.item as usize) < lines)
        // By kind alone: an item's view would read its text.
        .filter(|h| {
            index
                .items
                .get(h.item as usize)
                .is_some_and(|item| matches!(item.kind, ItemKind::Entity(_)))
        })
        .collect();
    hits.sort_unstable_by_key(|&h| index.rank_key(h));
    hits
}

/// The documents of the hits, best first. A title or a text line names its document
/// directly, and those documents come first, in the rank of their best such hit; then the
/// documents reached only through a matched entity (one that mentions it), in the entity's
/// rank (`entity_hits`, best first): `%per lavrov` lists the articles that mention Lavrov.
/// With several scopes (`%per lavrov %loc ankara`) a document must hold a hit in each, as the
/// search's own join asks of items.
fn ranked_docs(index: &Index, query: &Query, results: &Results, entity_hits: &[Hit]) -> Vec<usize> {
    let every_scope = ScopeDocs::new(index, query, results);
    // Each document's best direct hit, by rank key (one pass, whatever the hit count).
    let mut best = vec![u128::MAX; index.tags.len()];
    let mut better = |d: u32, key: u128| {
        let d = d as usize;
        if d >= best.len() {
            best.resize(d + 1, u128::MAX);
        }
        best[d] = best[d].min(key);
    };
    for &hit in &results.hits {
        let Some((kind, docs)) = index.kind_and_docs(hit.item as usize) else {
            continue;
        };
        if !matches!(kind, ItemKind::Doc | ItemKind::Line) {
            continue;
        }
        let key = index.rank_key(hit);
        docs.for_each(|d| better(d, key));
    }
    // A rank key is under 2^96 (see `Index::rank_key`) and unique to its document (it ends
    // with the hit's item, which has one document): key and document in one u128 sort as
    // (key, document) do, in half the bytes.
    let mut direct: Vec<u128> = best
        .iter()
        .enumerate()
        .filter(|&(d, &key)| key != u128::MAX && every_scope.allows(d))
        .filter_map(|(d, &key)| Some(key << 32 | u128::from(u32::try_from(d).ok()?)))
        .collect();
    direct.sort_unstable();
    let mut seen: Vec<bool> = best.iter().map(|&k| k != u128::MAX).collect();
    let docs = direct.into_iter().map(|k| k & u128::from(u32::MAX));
    let mut docs: Vec<usize> = docs.filter_map(|d| usize::try_from(d).ok()).collect();
    for hit in entity_hits {
        let Some((_, entity_docs)) = index.kind_and_docs(hit.item as usize) else {
            continue;
        };
        for d in entity_docs {
            let d = d as usize;
            if d >= seen.len() {
                seen.resize(d + 1, false);
            }
            if !seen[d] && every_scope.allows(d) {
                seen[d] = true;
                docs.push(d);
            }
        }
    }
    docs
}

/// For a query over several scopes: per scope, the documents holding one of its hits.
pub(super) struct ScopeDocs(Vec<HashSet<usize>>);

impl ScopeDocs {
    pub(super) fn new(index: &Index, query: &Query, results: &Results) -> ScopeDocs {
        let scopes = query.scopes();
        if scopes.len() < 2 {
            return ScopeDocs(Vec::new());
        }
        let sets = scopes
            .iter()
            .map(|&scope| {
                let items = results
                    .hits
                    .iter()
                    .filter_map(|h| index.kind_and_docs(h.item as usize));
                let mut docs = HashSet::new();
                for (_, item_docs) in items.filter(|(kind, _)| covers(scope, *kind)) {
                    docs.extend(item_docs.map(|d| d as usize));
                }
                docs
            })
            .collect();
        ScopeDocs(sets)
    }

    pub(super) fn allows(&self, doc: usize) -> bool {
        self.0.iter().all(|set| set.contains(&doc))
    }
}
