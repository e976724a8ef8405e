//! The filter line's search, off the UI thread: the worker owns the index, answers only the
//! newest query (stale ones are skipped or cancelled), narrows from the previous results
//! while the query grows, and sends back which documents and entities matched.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use super::app::App;
use super::inbox::Waker;
use crate::corpus::Corpus;
use crate::search::{EntityItem, Index, Results, match_ranges};

pub use super::search_answer::{
    FirstAnswer, SearchOutcome, add_open_matches, count_only, first_answer, first_answer_after,
    first_screen, run_query, run_query_after, run_query_prepared, worth_a_count,
    worth_a_first_screen,
};

enum Request {
    Entities(Vec<EntityItem>),
    /// Generation, query, the open document.
    Query(u64, String, usize),
    /// No query to answer: those sent before it are dropped.
    CallOff,
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

    /// Calls off any search still running or waiting: whatever it answers is not taken
    /// (the loop answered the latest query itself).
    pub fn call_off(&mut self) {
        self.generation += 1;
        self.cancel.store(true, Ordering::Relaxed);
        let _ = self.tx.send(Request::CallOff);
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

impl Answers {
    /// Sends an answer and wakes the loop; false when the loop is gone.
    fn send(&self, outcome: SearchOutcome) -> bool {
        let sent = self.tx.send(outcome).is_ok();
        if sent {
            self.waker.wake();
        }
        sent
    }
}

fn worker(corpus: &Arc<Corpus>, rx: &Receiver<Request>, answers: &Answers, cancel: &AtomicBool) {
    let docs = &corpus.docs;
    let mut index = Index::build(corpus, &[]);
    // The build's working tables were freed in this thread's own arena: given back.
    crate::memory::release_freed_memory();
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
                    // The items and the entities they replace are freed, in the arenas
                    // of the threads that made them: given back.
                    drop(items);
                    crate::memory::release_freed_memory();
                }
                Request::Query(g, raw, open) => last = Some((g, raw, open)),
                Request::CallOff => last = None,
            }
        }
        let Some((generation, raw, open)) = last.take() else {
            continue;
        };
        cancel.store(false, Ordering::Relaxed);
        // A big search first sends the documents sure to head its answer.
        let mut matches = None;
        let mut prepared = None;
        let first = worth_a_first_screen(&index, &raw, prev.as_ref())
            .then(|| first_answer_after(&index, &raw, prev.as_ref(), cancel))
            .flatten();
        let (heads, screen) = first.map_or((None, None), |f| (Some(f.heads), f.screen));
        let mut outcome = None;
        if let (Some(mut screen), Some(_)) = (screen, &heads) {
            screen.generation = generation;
            add_open_matches(&mut screen, docs, open);
            matches = screen.open_matches.clone();
            if !answers.send(screen.clone()) {
                return;
            }
            outcome = Some(screen);
        }
        // Then the whole answer's count, which comes sooner than the whole answer (see
        // `Index::answer_docs`): counted from the whole answer's own preparation, which
        // it then scans. With a first screen it comes with that screen's rows; without
        // one (no title ranks above every line: `1` at 200k articles) alone, the list's
        // rows left as they are until the whole answer orders them.
        if let Some(heads) = heads
            .as_ref()
            .filter(|_| worth_a_count(&index, &raw, prev.as_ref()))
        {
            let mut ready = index.prepare(&heads.query, prev.as_ref());
            let counted = index.answer_docs_prepared(heads, &mut ready, cancel);
            prepared = Some(ready);
            if let Some(counted) = counted {
                let mut outcome = outcome.unwrap_or_else(|| count_only(generation, heads));
                outcome.answer_docs = Some(counted);
                if !answers.send(outcome) {
                    return;
                }
            }
        }
        let answer = match prepared {
            Some(ready) => run_query_prepared(&index, ready, heads.as_ref(), cancel),
            None => run_query_after(&index, &raw, prev.as_ref(), heads.as_ref(), cancel),
        };
        if let Some((results, mut outcome)) = answer {
            outcome.generation = generation;
            match matches {
                Some(found) => outcome.open_matches = Some(found),
                None => add_open_matches(&mut outcome, docs, open),
            }
            prev = Some(results);
            if !answers.send(outcome) {
                return;
            }
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
                crate::memory::release_freed_memory();
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
        (Some(SearchOutcome { query: Some(q), .. }), Some(doc)) => {
            match_ranges(q, &doc.text().unwrap_or_default())
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect()
        }
        _ => Vec::new(),
    };
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
