//! Work the reader hands off: the search (on a worker thread, or inline for tests and small
//! corpora), extraction, and the full load of a large corpus. What they produce comes back
//! as messages; nothing here writes the app.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::facts::{ExtractionJob, JobState};
use super::inbox::Waker;
use super::loading::{CorpusLoader, TitleReader};
use super::msg::Msg;
use super::search::{self, SearchOutcome, SearchWorker, run_query};
use crate::corpus::Corpus;
use crate::extract::chunk;
use crate::search::{EntityItem, Index, Query, Results};

/// Where the filter line's queries go.
#[derive(Debug, Default)]
enum SearchBackend {
    /// No search yet (the documents are still loading, or a test without one).
    #[default]
    Off,
    /// The index of a corpus holding a huge document, left unbuilt while its extraction
    /// runs (see [`Jobs::index_after_extraction`]): built when extraction ends, or for the
    /// first query that comes sooner.
    Deferred(Arc<Corpus>),
    /// On this thread: small corpora and tests. The index and the last results (a growing
    /// query narrows from them).
    Inline(Box<Index>, Option<Results>),
    /// On a worker thread: the interactive reader.
    Worker(SearchWorker),
}

/// The background work of one session.
#[derive(Debug, Default)]
pub struct Jobs {
    search: SearchBackend,
    /// True when the index is rebuilt on a worker (the interactive reader).
    search_on_worker: bool,
    /// True when extraction may start on its own thread (not in tests that feed results).
    extract_in_background: bool,
    loader: Option<CorpusLoader>,
    /// The heads the first frame did not wait for, while they are read.
    titles: Option<TitleReader>,
    extraction: Option<ExtractionJob>,
    /// Wakes the loop when a search answer or the extraction result is ready.
    waker: Waker,
}

impl Jobs {
    /// Background work wakes the loop through `waker` when it has something.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = waker;
    }

    /// Searches on this thread over `corpus`: answers come back at once.
    pub fn search_inline(&mut self, corpus: &Arc<Corpus>) {
        self.search_on_worker = false;
        self.search = SearchBackend::Inline(Box::new(Index::build(corpus, &[])), None);
    }

    /// Searches on a worker thread over `corpus` (shared, not copied), so typing never
    /// waits.
    pub fn search_in_background(&mut self, corpus: &Arc<Corpus>) {
        self.search_on_worker = true;
        let worker = SearchWorker::start(Arc::clone(corpus), self.waker.clone());
        self.search = SearchBackend::Worker(worker);
    }

    /// Lets extraction start on its own thread when asked, and starts it now over
    /// `corpus` unless a loader will bring the full documents first.
    pub fn run_in_background(&mut self, corpus: &Arc<Corpus>, loader: Option<CorpusLoader>) {
        self.extract_in_background = true;
        self.search_on_worker = true;
        match loader {
            Some(loader) => self.loader = Some(loader),
            None => {
                self.index_after_extraction(corpus);
                self.extract(corpus);
            }
        }
    }

    /// Watches an extraction job already started (tests hand in their own).
    pub fn watch_extraction(&mut self, job: ExtractionJob) {
        self.extraction = Some(job);
    }

    /// Builds the search index again over `corpus` (its documents were replaced).
    pub fn index_documents(&mut self, corpus: &Arc<Corpus>) {
        match self.search_on_worker {
            true => self.index_after_extraction(corpus),
            false => self.search_inline(corpus),
        }
    }

    /// Searches on a worker over `corpus`, whose index is built at once, unless `corpus`
    /// holds a document extracted in pieces ([`chunk::HUGE_BYTES`]) and extraction runs
    /// here: then it is built once extraction ends, or for the first query before. The
    /// index and its postings were built while extraction ran, and the two peaked
    /// together (at 40 MB, 146 MB of heap; 123 MB with the index built after, in the room
    /// extraction gave back).
    fn index_after_extraction(&mut self, corpus: &Arc<Corpus>) {
        let huge = corpus.docs.iter().any(|d| d.text_len() > chunk::HUGE_BYTES);
        match huge && self.extract_in_background {
            true => self.search = SearchBackend::Deferred(Arc::clone(corpus)),
            false => self.search_in_background(corpus),
        }
    }

    /// Starts the worker of an index left unbuilt ([`SearchBackend::Deferred`]).
    fn start_deferred(&mut self) {
        if let SearchBackend::Deferred(corpus) = &self.search {
            let corpus = Arc::clone(corpus);
            self.search_in_background(&corpus);
        }
    }

    /// Hands the search the extracted entities: they replace the index's entities, and
    /// the documents' items stay as they are.
    pub fn index_entities(&mut self, items: Vec<EntityItem>) {
        // Extraction has ended: the index left for it is built now.
        self.start_deferred();
        match &mut self.search {
            SearchBackend::Off | SearchBackend::Deferred(_) => {}
            SearchBackend::Worker(w) => w.set_entities(items),
            SearchBackend::Inline(index, prev) => {
                index.set_entities(&items);
                *prev = None;
            }
        }
    }

    /// Starts extraction over `corpus` (shared, not copied), when extraction runs in the
    /// background here.
    pub fn extract(&mut self, corpus: &Arc<Corpus>) {
        if self.extract_in_background {
            let job = ExtractionJob::start(Arc::clone(corpus), self.waker.clone());
            self.extraction = Some(job);
        }
    }

    /// Asks the search for `raw`, with its matches in document `open`. An inline search
    /// answers at once; with no search at all, the answer is "no search" unless the
    /// documents are `loading` (their search is still to come).
    pub fn search(
        &mut self,
        raw: &str,
        open: usize,
        corpus: &Corpus,
        loading: bool,
    ) -> Option<Msg> {
        // An empty query lists everything: no index is needed for it.
        if !raw.is_empty() {
            self.start_deferred();
        }
        match &mut self.search {
            SearchBackend::Off if loading => None,
            SearchBackend::Off | SearchBackend::Deferred(_) => {
                Some(Msg::SearchAnswered(SearchOutcome::default()))
            }
            // No term (``, `'`, `^`, `%per `): the list shows every document, which the
            // answer to it would list too, after a pass over every item (a tenth of a
            // second at 200k articles). A search still running for an older query is
            // called off: its answer would not be this one.
            SearchBackend::Worker(w) if Query::parse(raw).is_empty() => {
                w.call_off();
                Some(Msg::SearchAnswered(SearchOutcome::default()))
            }
            SearchBackend::Inline(..) if Query::parse(raw).is_empty() => {
                Some(Msg::SearchAnswered(SearchOutcome::default()))
            }
            SearchBackend::Worker(w) => {
                w.query(raw, open);
                None
            }
            SearchBackend::Inline(index, prev) => {
                let stop = AtomicBool::new(false);
                let (results, mut outcome) = run_query(index, raw, prev.as_ref(), &stop)?;
                *prev = Some(results);
                search::add_open_matches(&mut outcome, &corpus.docs, open);
                Some(Msg::SearchAnswered(outcome))
            }
        }
    }

    /// What finished or moved on since the last call: a search answer, extraction
    /// progress, its result or its death.
    pub fn poll(&mut self) -> Vec<Msg> {
        let mut msgs = Vec::new();
        if let Some(reader) = &self.titles
            && let Some(batch) = reader.poll()
        {
            if batch.is_last() {
                self.titles = None;
            }
            msgs.push(Msg::TitlesArrived(batch));
        }
        if let SearchBackend::Worker(w) = &self.search
            && let Some(outcome) = w.poll()
        {
            msgs.push(Msg::SearchAnswered(outcome));
        }
        if let Some(job) = &mut self.extraction {
            let msg = match job.poll() {
                JobState::Running(done, total) => Msg::ExtractionProgress(done, total),
                JobState::Done(result) => Msg::ExtractionDone(result),
                JobState::Failed(why) => {
                    // No entities will come: the index left for extraction is built now.
                    self.start_deferred();
                    Msg::ExtractionFailed(why)
                }
            };
            if !matches!(msg, Msg::ExtractionProgress(..)) {
                self.extraction = None;
            }
            msgs.push(msg);
        }
        msgs
    }

    /// The full load: started on the first call (after the first frame is drawn, so it
    /// does not take the cores the first frame needs); then its result once ready.
    /// The remaining titles start being read then too.
    pub fn poll_loader(&mut self) -> Option<Msg> {
        let loader = self.loader.as_mut()?;
        if let Some(reader) = loader.start_titles(self.waker.clone()) {
            self.titles = Some(reader);
        }
        let result = loader.poll()?;
        self.loader = None;
        Some(match result {
            Ok(report) => {
                // The full documents replace every stand-in: titles still to come are not
                // needed. (After a failure, the stand-ins stay: their titles keep coming.)
                self.titles = None;
                Msg::CorpusLoaded(Box::new(report))
            }
            Err(why) => Msg::LoadFailed(why),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::corpus::Document;
    use crate::tui::inbox::{Inbox, Wake};

    fn corpus() -> Arc<Corpus> {
        let text = "Lavrov Ankara'da\n\nSergey Lavrov Ankara'ya geldi.\n";
        Arc::new(Corpus {
            docs: vec![Document::from_text("a.txt", text.to_string())],
        })
    }

    /// Jobs searching `corpus` on a worker that wakes `inbox`.
    fn worker_jobs(corpus: &Arc<Corpus>, inbox: &Inbox) -> Jobs {
        let mut jobs = Jobs::default();
        jobs.set_waker(inbox.waker());
        jobs.search_in_background(corpus);
        jobs
    }

    /// The documents of the worker's answer, once it wakes the loop.
    fn worker_answer(jobs: &mut Jobs, inbox: &Inbox) -> Option<Vec<usize>> {
        let woke = inbox.next(Duration::from_secs(60));
        assert!(matches!(woke, Some(Wake::Work)), "{woke:?}");
        jobs.poll().into_iter().find_map(|m| match m {
            Msg::SearchAnswered(outcome) => Some(outcome.docs),
            _ => None,
        })
    }

    #[test]
    fn the_search_worker_shares_the_documents_and_wakes_the_loop() {
        let corpus = corpus();
        let inbox = Inbox::new();
        let mut jobs = worker_jobs(&corpus, &inbox);
        // The worker holds the same documents, not a copy of them.
        assert!(Arc::strong_count(&corpus) >= 2);
        assert!(jobs.search("lavrov", 0, &corpus, false).is_none());
        assert_eq!(worker_answer(&mut jobs, &inbox), Some(vec![0]));
    }

    #[test]
    fn a_query_without_terms_is_answered_at_once_and_calls_off_the_one_before() {
        let corpus = corpus();
        let inbox = Inbox::new();
        let mut jobs = worker_jobs(&corpus, &inbox);
        assert!(jobs.search("lavrov", 0, &corpus, false).is_none());
        // A bare operator has no term: every document is listed, without the worker.
        for raw in ["'", "^", "%per ", ""] {
            let answer = jobs.search(raw, 0, &corpus, false);
            let Some(Msg::SearchAnswered(outcome)) = answer else {
                panic!("{raw:?} answered later: {answer:?}");
            };
            assert!(
                outcome.query.is_none() && outcome.docs.is_empty(),
                "{raw:?}"
            );
        }
        // What the worker may still send for `lavrov` is not taken.
        let _ = inbox.next(Duration::from_millis(500));
        let late = jobs
            .poll()
            .into_iter()
            .find(|m| matches!(m, Msg::SearchAnswered(_)));
        assert!(late.is_none(), "{late:?}");
        // The next query with a term is the worker's again.
        assert!(jobs.search("ankara", 0, &corpus, false).is_none());
        assert_eq!(worker_answer(&mut jobs, &inbox), Some(vec![0]));
    }

    /// A corpus holding a document extracted in pieces.
    fn huge_corpus() -> Arc<Corpus> {
        let line = "Sergey Lavrov Ankara'ya geldi ve görüştü.\n\n";
        let text = line.repeat(chunk::HUGE_BYTES / line.len() + 1);
        Arc::new(Corpus {
            docs: vec![Document::from_text("big.txt", text)],
        })
    }

    #[test]
    fn a_huge_documents_index_waits_for_its_extraction_or_a_query() {
        let corpus = huge_corpus();
        let mut jobs = Jobs::default();
        (jobs.extract_in_background, jobs.search_on_worker) = (true, true);
        jobs.index_documents(&corpus);
        assert!(matches!(jobs.search, SearchBackend::Deferred(_)));
        // An empty query lists everything without it.
        let all = jobs.search("", 0, &corpus, false);
        assert!(matches!(all, Some(Msg::SearchAnswered(_))), "{all:?}");
        assert!(matches!(jobs.search, SearchBackend::Deferred(_)));
        // A query builds it.
        assert!(jobs.search("lavrov", 0, &corpus, false).is_none());
        assert!(matches!(jobs.search, SearchBackend::Worker(_)));
        // Small documents are indexed at once.
        jobs.index_documents(&self::corpus());
        assert!(matches!(jobs.search, SearchBackend::Worker(_)));
        // As is a huge one whose extraction ended (its entities come).
        jobs.index_documents(&corpus);
        jobs.index_entities(Vec::new());
        assert!(matches!(jobs.search, SearchBackend::Worker(_)));
    }

    #[test]
    fn extraction_shares_the_documents_and_wakes_the_loop_when_done() {
        let corpus = corpus();
        let inbox = Inbox::new();
        let mut jobs = Jobs::default();
        jobs.set_waker(inbox.waker());
        jobs.extract_in_background = true;
        jobs.extract(&corpus);
        let woke = inbox.next(Duration::from_secs(120));
        assert!(matches!(woke, Some(Wake::Work)), "{woke:?}");
        let done = jobs.poll().into_iter().find_map(|m| match m {
            Msg::ExtractionDone(result) => Some(result.docs()),
            _ => None,
        });
        assert_eq!(done, Some(1));
    }
}
