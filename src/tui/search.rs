//! The filter line's search, off the UI thread: the worker owns the index, answers only the
//! newest query (stale ones are skipped or cancelled), narrows from the previous results
//! while the query grows, and sends back which documents and entities matched.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use super::app::App;
use super::inbox::Waker;
use crate::corpus::{Corpus, Document};
use crate::search::{EntityItem, Hit, Index, ItemKind, Query, Results, covers, match_ranges};

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
    /// [`first_screen`]): the whole answer, and its count, are still to come.
    pub partial: bool,
}

/// Finds the outcome's matches in document `open` (see [`SearchOutcome::open_matches`]).
pub fn add_open_matches(outcome: &mut SearchOutcome, docs: &[Document], open: usize) {
    let (Some(query), Some(doc)) = (&outcome.query, docs.get(open)) else {
        return;
    };
    if query.is_empty() {
        return;
    }
    let ranges = match_ranges(query, &doc.text);
    outcome.open_matches = Some((open, ranges.into_iter().map(|r| (r.start, r.end)).collect()));
}

/// Runs one query over an index (synchronously; the worker and the tests call this).
pub fn run_query(
    index: &Index,
    raw: &str,
    prev: Option<&Results>,
    cancel: &AtomicBool,
) -> Option<(Results, SearchOutcome)> {
    let query = Query::parse(raw);
    // The outcome needs documents and entities in rank order, not every hit: a one-letter
    // query over a million lines is ordered by its documents' best hits, not sorted whole
    // (nor its first thousands: the hits stay in index order, which the next key's
    // narrowing and the pass over them below read front to back).
    let results = index.search_unranked(&query, prev, cancel)?;
    let entity_hits = ranked_entity_hits(index, &results);
    let outcome = SearchOutcome {
        generation: 0,
        docs: ranked_docs(index, &query, &results, &entity_hits),
        entities: entity_names(index, &entity_hits),
        query: Some(query),
        open_matches: None,
        partial: false,
    };
    Some((results, outcome))
}

/// How many documents a first answer must hold to be sent before the whole one: more rows
/// than a list pane shows.
const FIRST_SCREEN: usize = 100;

/// The first documents of `raw`'s answer, before the whole of it: the documents whose
/// titles rank above every line the query could meet (see [`Index::search_heads`]), best
/// first, with every matching entity; `None` when fewer than a screenful of documents are
/// sure of their place, or the query's scopes do not rank titles and lines together. The
/// whole answer ([`run_query`]) begins with these same documents in this order.
pub fn first_screen(index: &Index, raw: &str, cancel: &AtomicBool) -> Option<SearchOutcome> {
    let query = Query::parse(raw);
    let heads = index.search_heads(&query, cancel)?;
    let mut sure: Vec<(u128, usize)> = heads
        .hits
        .iter()
        .filter(|h| h.score > heads.line_ceiling)
        .filter_map(|&h| {
            let item = index.items.get(h.item as usize)?;
            let doc = *index.docs(item).first()?;
            (item.kind == ItemKind::Doc).then(|| (index.rank_key(h), doc as usize))
        })
        .collect();
    if sure.len() < FIRST_SCREEN {
        return None;
    }
    sure.sort_unstable();
    let results = Results {
        query: query.clone(),
        hits: heads.hits,
        ranked: 0,
    };
    let entity_hits = ranked_entity_hits(index, &results);
    Some(SearchOutcome {
        generation: 0,
        docs: sure.into_iter().map(|(_, d)| d).collect(),
        entities: entity_names(index, &entity_hits),
        query: Some(query),
        open_matches: None,
        partial: true,
    })
}

/// True when a search for `raw` after `prev` would read so many more items than the titles
/// and entities alone that a first answer from those is worth its cost.
pub fn worth_a_first_screen(index: &Index, raw: &str, prev: Option<&Results>) -> bool {
    let query = Query::parse(raw);
    let narrowed = prev.filter(|p| query.narrows(&p.query) && p.query.scope == query.scope);
    let scanned = narrowed.map_or(index.len(), |p| p.hits.len());
    scanned > index.first_line_id().saturating_mul(4)
}

/// The names of the entities of `hits`, in their order.
fn entity_names(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .filter_map(|hit| index.item(hit.item))
        .map(|view| view.text.to_string())
        .collect()
}

/// The hits on entities, best first.
fn ranked_entity_hits(index: &Index, results: &Results) -> Vec<Hit> {
    let mut hits: Vec<Hit> = results
        .hits
        .iter()
        .copied()
        // By kind alone: an item's view would read its text (a cache miss per line hit).
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
    for &hit in &results.hits {
        let Some(item) = index.items.get(hit.item as usize) else {
            continue;
        };
        if !matches!(item.kind, ItemKind::Doc | ItemKind::Line) {
            continue;
        }
        let key = index.rank_key(hit);
        for &d in index.docs(item) {
            let d = d as usize;
            if d >= best.len() {
                best.resize(d + 1, u128::MAX);
            }
            best[d] = best[d].min(key);
        }
    }
    let mut direct: Vec<(u128, usize)> = best
        .iter()
        .enumerate()
        .filter(|&(d, &key)| key != u128::MAX && every_scope.allows(d))
        .map(|(d, &key)| (key, d))
        .collect();
    direct.sort_unstable();
    let mut seen: Vec<bool> = best.iter().map(|&k| k != u128::MAX).collect();
    let mut docs: Vec<usize> = direct.into_iter().map(|(_, d)| d).collect();
    for hit in entity_hits {
        let Some(item) = index.items.get(hit.item as usize) else {
            continue;
        };
        for &d in index.docs(item) {
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
struct ScopeDocs(Vec<HashSet<usize>>);

impl ScopeDocs {
    fn new(index: &Index, query: &Query, results: &Results) -> ScopeDocs {
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
                    .filter_map(|h| index.items.get(h.item as usize));
                items
                    .filter(|item| covers(scope, item.kind))
                    .flat_map(|item| index.docs(item).iter().map(|&d| d as usize))
                    .collect()
            })
            .collect();
        ScopeDocs(sets)
    }

    fn allows(&self, doc: usize) -> bool {
        self.0.iter().all(|set| set.contains(&doc))
    }
}

enum Request {
    Entities(Vec<EntityItem>),
    /// Generation, query, the open document.
    Query(u64, String, usize),
}

/// The background search thread and its channels.
#[derive(Debug)]
pub struct SearchWorker {
    tx: Sender<Request>,
    rx: Receiver<SearchOutcome>,
    cancel: Arc<AtomicBool>,
    generation: u64,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Request")
    }
}

impl SearchWorker {
    /// Starts the worker over the shared documents (the index is built there); `waker`
    /// wakes the loop when an answer is ready.
    pub fn start(corpus: Arc<Corpus>, waker: Waker) -> SearchWorker {
        let (tx, req_rx) = channel::<Request>();
        let (out_tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let answers = Answers { tx: out_tx, waker };
        std::thread::spawn(move || worker(&corpus, &req_rx, &answers, &flag));
        SearchWorker {
            tx,
            rx,
            cancel,
            generation: 0,
        }
    }

    /// Replaces the index's entities with the extracted ones (in the background; the
    /// documents' items are kept).
    pub fn set_entities(&self, entities: Vec<EntityItem>) {
        let _ = self.tx.send(Request::Entities(entities));
    }

    /// Asks for a new query, with its matches in the open document; any search still
    /// running for an older one is cancelled.
    pub fn query(&mut self, raw: &str, open: usize) {
        self.generation += 1;
        self.cancel.store(true, Ordering::Relaxed);
        let request = Request::Query(self.generation, raw.to_string(), open);
        let _ = self.tx.send(request);
    }

    /// The newest finished outcome, if it answers the latest query.
    pub fn poll(&self) -> Option<SearchOutcome> {
        let newest = self.rx.try_iter().last();
        newest.filter(|o| o.generation == self.generation)
    }
}

/// Where the worker's answers go, and how the loop learns there is one.
struct Answers {
    tx: Sender<SearchOutcome>,
    waker: Waker,
}

fn worker(corpus: &Arc<Corpus>, rx: &Receiver<Request>, answers: &Answers, cancel: &AtomicBool) {
    let docs = &corpus.docs;
    let mut index = Index::build(corpus, &[]);
    let mut words_built = false;
    let mut prev: Option<Results> = None;
    let mut last: Option<(u64, String, usize)> = None;
    while let Some(first) = next_request(rx, &mut index, &mut words_built) {
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        for request in pending {
            match request {
                Request::Entities(items) => {
                    index.set_entities(&items);
                    prev = None;
                }
                Request::Query(g, raw, open) => last = Some((g, raw, open)),
            }
        }
        let Some((generation, raw, open)) = last.take() else {
            continue;
        };
        cancel.store(false, Ordering::Relaxed);
        // A big search first sends the documents sure to head its answer.
        let mut matches = None;
        let head = worth_a_first_screen(&index, &raw, prev.as_ref())
            .then(|| first_screen(&index, &raw, cancel))
            .flatten();
        if let Some(mut outcome) = head {
            outcome.generation = generation;
            add_open_matches(&mut outcome, docs, open);
            matches = outcome.open_matches.clone();
            if answers.tx.send(outcome).is_err() {
                return;
            }
            answers.waker.wake();
        }
        if let Some((results, mut outcome)) = run_query(&index, &raw, prev.as_ref(), cancel) {
            outcome.generation = generation;
            match matches {
                Some(found) => outcome.open_matches = Some(found),
                None => add_open_matches(&mut outcome, docs, open),
            }
            prev = Some(results);
            if answers.tx.send(outcome).is_err() {
                return;
            }
            answers.waker.wake();
        }
    }
}

/// How long the worker is left idle before it builds the words' postings (about as long
/// again as the index itself): keys typed sooner are answered at once by reading the lines,
/// as without postings, instead of waiting for the build.
const WORDS_AFTER_IDLE: Duration = Duration::from_millis(300);

/// The worker's next request. Until the words' postings are built (each key of the filter
/// line is then answered from them), they are built once no request has come for
/// [`WORDS_AFTER_IDLE`]. `None` when the loop is gone.
fn next_request(
    rx: &Receiver<Request>,
    index: &mut Index,
    words_built: &mut bool,
) -> Option<Request> {
    while !*words_built {
        match rx.recv_timeout(WORDS_AFTER_IDLE) {
            Ok(request) => return Some(request),
            Err(RecvTimeoutError::Timeout) => {
                index.index_words();
                *words_built = true;
            }
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    rx.recv().ok()
}

/// Applies an outcome to the app: the list narrows and ranks, the entity panel narrows,
/// the open document's matches are highlighted.
pub fn apply(app: &mut App, outcome: SearchOutcome) {
    let empty = outcome.query.as_ref().is_none_or(|q| q.is_empty());
    if empty {
        app.search = None;
    } else {
        app.search = Some(outcome);
    }
    refresh_entity_order(app);
    refresh_matches(app);
    super::filter::refresh_list(app);
}

/// The entity rows shown: all, or those the search matched; never one whose every mention
/// was rejected.
pub fn refresh_entity_order(app: &mut App) {
    let entities = &app.facts.entities;
    let all = (0..entities.len()).filter(|&i| entities[i].mentions > 0);
    let order = match &app.search {
        Some(outcome) => {
            let wanted: HashMap<&str, usize> = outcome
                .entities
                .iter()
                .enumerate()
                .map(|(i, n)| (n.as_str(), i))
                .collect();
            let mut rows: Vec<usize> = all
                .filter(|&i| wanted.contains_key(app.facts.entities[i].name.as_str()))
                .collect();
            rows.sort_by_key(|&i| wanted.get(app.facts.entities[i].name.as_str()).copied());
            rows
        }
        None => all.collect(),
    };
    app.panel.set_order(order);
}

/// Byte ranges of the query's matches in the open document, recomputed only when the
/// document or the query changed: taken from the search's answer when it was made for this
/// document, found here only when another document has been opened since.
pub fn refresh_matches(app: &mut App) {
    let raw = app
        .search
        .as_ref()
        .and_then(|o| o.query.as_ref())
        .map(|q| q.raw.clone());
    let key = raw.map(|r| (app.reader.doc, r));
    if key == app.search_ranges_for {
        return;
    }
    app.search_ranges_for = key;
    let open = app.reader.doc;
    app.search_ranges = match (&app.search, app.corpus.docs.get(open)) {
        (
            Some(SearchOutcome {
                open_matches: Some((doc, ranges)),
                ..
            }),
            _,
        ) if *doc == open => ranges.clone(),
        (Some(SearchOutcome { query: Some(q), .. }), Some(doc)) => match_ranges(q, &doc.text)
            .into_iter()
            .map(|r| (r.start, r.end))
            .collect(),
        _ => Vec::new(),
    };
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
