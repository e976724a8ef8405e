//! Extraction results in the shape the panels draw, and the background job that makes them
//! (a large corpus must not hold up the first frame).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::app::{EntityRow, Facts, MentionRef};
use crate::corpus::Corpus;
use crate::extract::{CorpusExtraction, Extractor, Kind, extract_corpus_observed};

impl Facts {
    /// Entities grouped by kind (people, places, dates) and sorted by corpus count; mentions
    /// re-pointed at the sorted rows.
    pub fn from_extraction(ex: &CorpusExtraction) -> Facts {
        let mut order: Vec<usize> = (0..ex.entities.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&ex.entities[a], &ex.entities[b]);
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
        let entities = order
            .iter()
            .map(|&i| {
                let e = &ex.entities[i];
                EntityRow {
                    kind: e.kind.as_str(),
                    name: e.canonical.clone(),
                    value: (e.kind == Kind::Date).then(|| e.canonical.clone()),
                    docs: e.doc_count,
                    mentions: e.mention_count,
                }
            })
            .collect();
        let mentions = ex
            .mentions
            .iter()
            .map(|doc| {
                doc.iter()
                    .map(|m| MentionRef {
                        start: m.start,
                        end: m.end,
                        entity: new_index[m.entity],
                    })
                    .collect()
            })
            .collect();
        Facts { entities, mentions }
    }
}

/// Extraction running on its own thread.
#[derive(Debug)]
pub struct ExtractionJob {
    done: Arc<AtomicUsize>,
    total: usize,
    rx: Receiver<CorpusExtraction>,
}

impl ExtractionJob {
    /// Starts extracting a copy of the corpus in the background.
    pub fn start(corpus: &Corpus) -> ExtractionJob {
        let (tx, rx) = channel();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let corpus = corpus.clone();
        let total = corpus.len();
        std::thread::spawn(move || {
            let extractor = Extractor::new();
            let result = extract_corpus_observed(&extractor, &corpus, &counter);
            let _ = tx.send(result);
        });
        ExtractionJob { done, total, rx }
    }

    /// The result once ready; `Err` with (done, total) while running or if the job died.
    pub fn poll(&self) -> Result<CorpusExtraction, (usize, usize)> {
        match self.rx.try_recv() {
            Ok(result) => Ok(result),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {
                Err((self.done.load(Ordering::Relaxed), self.total))
            }
        }
    }
}
