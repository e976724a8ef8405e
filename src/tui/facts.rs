//! Extraction results in the shape the panels draw, and the background job that makes them
//! (a large corpus must not hold up the first frame).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;

use super::app::{App, EntityRow, Facts, FactsBuilder, MentionRef};
use super::inbox::Waker;
use crate::corpus::Corpus;
use crate::extract::{
    CorpusExtraction, DocMentions, Entity, EntityItems, Extractor, Kind, MentionTable,
    extract_corpus_table,
};
use crate::search::EntityItem;
use crate::store::{Decision, Label, Name, State};

impl Facts {
    /// Entities grouped by kind (people, places, dates) and sorted by corpus count; mentions
    /// re-pointed at the sorted rows.
    pub fn from_extraction(ex: &CorpusExtraction) -> Facts {
        let mentions = ex
            .mentions
            .iter()
            .map(|doc| doc.iter().map(|m| (m.start, m.end, m.entity)));
        Facts::sorted(&ex.entities, mentions)
    }

    /// [`Facts::from_extraction`] from the compact table the reader's extraction makes,
    /// taking the table apart as its documents are read: the panels' mentions are not held
    /// beside the whole table (at once, both were 1.4 times a corpus of news).
    pub fn from_owned_table(mut table: MentionTable) -> Facts {
        let entities = std::mem::take(&mut table.entities);
        let (rows, new_index) = Facts::rows(&entities);
        drop(entities);
        Facts::with_rows(table, rows, &new_index, |_, _| {})
    }

    /// The panels' facts and the search's entity items of the reader's extraction (the
    /// items [`MentionTable::entity_items`] gives), both made as the table is taken apart:
    /// the items were made first, from the whole table, and the two held at once were the
    /// reader's peak on a large corpus. The entities' names and aliases are moved into the
    /// items, not copied. `texts` are the documents' texts, in corpus order.
    pub fn with_items_from_table(
        mut table: MentionTable,
        texts: &(impl crate::corpus::Texts + ?Sized),
    ) -> (Facts, Vec<EntityItem>) {
        let entities = std::mem::take(&mut table.entities);
        let (rows, new_index) = Facts::rows(&entities);
        let mut items = EntityItems::new(entities);
        let facts = Facts::with_rows(table, rows, &new_index, |doc, ms| {
            let text = (doc < texts.count()).then(|| texts.text(doc));
            for m in ms {
                items.add(doc, m.start()..m.end(), m.entity(), text.as_deref());
            }
        });
        (facts, items.finish())
    }

    /// The facts of `table` over the panel's `rows`, each entity's row in `new_index`;
    /// `each` is called with each document's number and mentions as they are read (before
    /// their block is freed).
    fn with_rows(
        table: MentionTable,
        rows: Vec<EntityRow>,
        new_index: &[usize],
        mut each: impl FnMut(usize, DocMentions<'_>),
    ) -> Facts {
        let mut facts = FactsBuilder::new(rows, table.docs());
        let mut n = 0;
        table.into_each_doc(|doc| {
            each(n, doc.clone());
            n += 1;
            let doc = doc.map(|m| (m.start(), m.end(), m.entity()));
            facts.push_doc(refs(doc, new_index));
        });
        facts.finish()
    }

    /// The facts of `entities` and each document's mentions as (start, end, entity).
    fn sorted<D, M>(entities: &[Entity], docs: D) -> Facts
    where
        D: Iterator<Item = M>,
        M: Iterator<Item = (usize, usize, usize)>,
    {
        let (rows, new_index) = Facts::rows(entities);
        Facts::new(rows, docs.map(|doc| refs(doc, &new_index)))
    }

    /// The panel's rows of `entities` (by kind, then corpus count), and each entity's row.
    fn rows(entities: &[Entity]) -> (Vec<EntityRow>, Vec<usize>) {
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&entities[a], &entities[b]);
            (ea.kind, std::cmp::Reverse(ea.mention_count), &ea.canonical).cmp(&(
                eb.kind,
                std::cmp::Reverse(eb.mention_count),
                &eb.canonical,
            ))
        });
        let mut new_index = vec![0; order.len()];
        for (row, &old) in order.iter().enumerate() {
            new_index[old] = row;
        }
        let rows = order
            .iter()
            .map(|&i| {
                let e = &entities[i];
                EntityRow {
                    kind: e.kind,
                    name: e.canonical.clone(),
                    value: (e.kind == Kind::Date).then(|| e.canonical.clone()),
                    docs: e.doc_count,
                    mentions: e.mention_count,
                }
            })
            .collect();
        (rows, new_index)
    }
}

/// One document's mentions, given as (start, end, entity), re-pointed at the entities'
/// rows through `new_index`.
fn refs(
    doc: impl Iterator<Item = (usize, usize, usize)>,
    new_index: &[usize],
) -> impl Iterator<Item = MentionRef> {
    doc.filter_map(|(start, end, entity)| MentionRef::new(start, end, *new_index.get(entity)?))
}

/// Extraction running on its own thread.
#[derive(Debug)]
pub struct ExtractionJob {
    done: Arc<AtomicUsize>,
    total: usize,
    rx: Receiver<MentionTable>,
    thread: Option<JoinHandle<()>>,
}

/// Where an extraction job is.
#[derive(Debug)]
pub enum JobState {
    /// Still running: documents done, and in all.
    Running(usize, usize),
    /// Finished.
    Done(Box<MentionTable>),
    /// The thread ended without a result (it panicked): why.
    Failed(String),
}

impl ExtractionJob {
    /// Starts extracting the shared corpus in the background; `waker` wakes the loop when
    /// the result is ready.
    pub fn start(corpus: Arc<Corpus>, waker: Waker) -> ExtractionJob {
        ExtractionJob::run_waking(corpus.len(), waker, move |counter| {
            let extractor = Extractor::new();
            extract_corpus_table(&extractor, &corpus, counter)
        })
    }

    /// Runs `work` on its own thread over `total` documents; `work` counts the documents
    /// it has done in the counter it is given.
    pub fn run<F>(total: usize, work: F) -> ExtractionJob
    where
        F: FnOnce(&AtomicUsize) -> CorpusExtraction + Send + 'static,
    {
        ExtractionJob::run_waking(total, Waker::default(), work)
    }

    /// Like [`ExtractionJob::run`], waking the loop through `waker` once the result is sent.
    fn run_waking<F, R>(total: usize, waker: Waker, work: F) -> ExtractionJob
    where
        F: FnOnce(&AtomicUsize) -> R + Send + 'static,
        R: Into<MentionTable>,
    {
        let (tx, rx) = channel();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let thread = std::thread::spawn(move || {
            let _ = tx.send(work(&counter).into());
            waker.wake();
        });
        ExtractionJob {
            done,
            total,
            rx,
            thread: Some(thread),
        }
    }

    /// Where the job is. A thread that ended without sending a result died: it is joined
    /// (it has ended, so this does not wait) and its panic message taken.
    pub fn poll(&mut self) -> JobState {
        match self.rx.try_recv() {
            Ok(result) => JobState::Done(Box::new(result)),
            Err(TryRecvError::Empty) => {
                JobState::Running(self.done.load(Ordering::Relaxed), self.total)
            }
            Err(TryRecvError::Disconnected) => JobState::Failed(self.why_dead()),
        }
    }

    fn why_dead(&mut self) -> String {
        let Some(Err(payload)) = self.thread.take().map(JoinHandle::join) else {
            return "the extraction thread ended without a result".into();
        };
        match (
            payload.downcast_ref::<&str>(),
            payload.downcast_ref::<String>(),
        ) {
            (Some(msg), _) => (*msg).to_string(),
            (_, Some(msg)) => msg.clone(),
            _ => "the extraction thread panicked".into(),
        }
    }
}

/// Names rejected corpus-wide (`x`), by kind: their mentions are no longer suggestions, so
/// the panels leave them out of the counts, and an entity with none left leaves the panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rejections {
    /// The rejected names, in the store's order: to tell whether anything changed.
    names: Vec<Name>,
    /// The same, by kind, for lookups by surface text.
    by_kind: HashMap<Label, HashSet<String>>,
}

impl Rejections {
    /// The rejections in a store state.
    pub fn from_state(state: &State) -> Rejections {
        let names: Vec<Name> = state
            .decisions()
            .filter(|(_, d)| *d == Decision::Rejected)
            .map(|(n, _)| n.clone())
            .collect();
        let mut by_kind: HashMap<Label, HashSet<String>> = HashMap::new();
        for name in &names {
            let texts = by_kind.entry(name.kind.clone()).or_default();
            texts.insert(name.text.clone());
        }
        Rejections { names, by_kind }
    }

    /// True when nothing is rejected.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// True when a mention of an entity of `kind` with surface text `text` is rejected.
    pub fn contains(&self, kind: Kind, text: &str) -> bool {
        self.by_kind
            .get(&Label::from(kind))
            .is_some_and(|texts| texts.contains(text))
    }

    /// True when mention `m` of document `doc` is rejected.
    pub fn rejects(&self, app: &App, doc: usize, m: &MentionRef) -> bool {
        if self.is_empty() {
            return false;
        }
        let text = app
            .corpus
            .docs
            .get(doc)
            .and_then(|d| d.text_in(m.start()..m.end()));
        let kind = app.facts.entities.get(m.entity()).map(|e| e.kind);
        match (kind, text) {
            (Some(kind), Some(text)) => self.contains(kind, &text),
            _ => false,
        }
    }
}

/// Brings the entity panel in line with the names rejected in the store: the counts leave
/// out rejected mentions and entities with no mention left leave the panel. Does nothing
/// when the rejections did not change, unless `fresh` (new extraction results, counted
/// with every mention).
pub fn apply_rejections(app: &mut App, fresh: bool) {
    let now = Rejections::from_state(&app.state);
    let changed = now.names != app.rejections.names;
    app.rejections = now;
    // Fresh results are counted with every mention: only rejections change them.
    let recount_needed = changed || (fresh && !app.rejections.is_empty());
    if !recount_needed {
        return;
    }
    recount(app);
    // The open document's highlights and counts are computed again at the next frame.
    app.marks = Default::default();
    let gone = |e: Option<usize>, app: &App| {
        e.is_some_and(|e| app.facts.entities.get(e).is_none_or(|r| r.mentions == 0))
    };
    if gone(app.panel.selected(), app) {
        app.panel.select(None);
    }
    if gone(app.list.entity_filter(), app) {
        app.list.set_entity_filter(None);
    }
    super::search::refresh_entity_order(app);
}

/// Counts every entity's mentions and documents again, without the rejected mentions.
fn recount(app: &mut App) {
    let mut counts = vec![(0usize, 0usize, usize::MAX); app.facts.entities.len()];
    for (doc, mentions) in app.facts.each_doc().enumerate() {
        for m in mentions {
            if app.rejections.rejects(app, doc, &m) {
                continue;
            }
            if let Some((docs, n, last)) = counts.get_mut(m.entity()) {
                *n += 1;
                if *last != doc {
                    (*docs, *last) = (*docs + 1, doc);
                }
            }
        }
    }
    for (row, (docs, mentions, _)) in app.facts.entities.iter_mut().zip(counts) {
        (row.docs, row.mentions) = (docs, mentions);
    }
}
