//! Extraction over a whole corpus: every document on all cores (a huge one in pieces, see
//! `chunked`), the corpus-level consistency passes, linking into one [`MentionTable`].

use super::table::{self, Span};
use super::{
    CorpusExtraction, Extractor, KnownPeople, MentionCache, MentionTable, RawMention, chunk,
};
use super::{chunked, link};
use crate::corpus::{Corpus, Document};

/// Extracts every document (in parallel), applies corpus-level consistency, and links.
pub fn extract_corpus(ex: &Extractor, corpus: &Corpus) -> CorpusExtraction {
    extract_corpus_observed(ex, corpus, &std::sync::atomic::AtomicUsize::new(0))
}

/// [`extract_corpus`], counting finished documents in `done` so a UI can show progress.
pub fn extract_corpus_observed(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
) -> CorpusExtraction {
    extract_table(ex, corpus, done, None, chunk::PIECE_BYTES).to_extraction()
}

/// [`extract_corpus`] with each document's own mentions taken from `cache` where it has
/// them (and stored there where it has not). The result is the same as without the cache.
pub fn extract_corpus_cached(
    ex: &Extractor,
    corpus: &Corpus,
    cache: Option<&MentionCache>,
) -> CorpusExtraction {
    let done = std::sync::atomic::AtomicUsize::new(0);
    extract_table(ex, corpus, &done, cache, chunk::PIECE_BYTES).to_extraction()
}

/// [`extract_corpus_observed`] as a compact [`MentionTable`]: what the reader keeps. The
/// same mentions and entities ([`MentionTable::to_extraction`]) in about a quarter of the
/// memory, and made holding about a quarter too.
pub fn extract_corpus_table(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
) -> MentionTable {
    extract_table(ex, corpus, done, None, chunk::PIECE_BYTES)
}

/// [`extract_corpus_table`] reading each document longer than `piece` bytes in pieces of
/// about that size ([`chunk`]; the others use [`chunk::PIECE_BYTES`]): to compare the two.
pub fn extract_corpus_table_in_pieces(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
    piece: usize,
) -> MentionTable {
    extract_table(ex, corpus, done, None, piece)
}

/// Extracts each document, keeping its mentions compact as soon as they are found (a
/// worker holds one document's working buffers at a time), gathers the people they name,
/// adds those people's other mentions, and links. A document longer than `piece` bytes is
/// read in pieces, one document at a time on all cores, its spans kept by piece until the
/// corpus pass joins them, and not cached (its entry would be as large as it).
fn extract_table(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
    cache: Option<&MentionCache>,
    piece: usize,
) -> MentionTable {
    let strings = table::Strings::default();
    let known = std::sync::Mutex::new(KnownPeople::default());
    let learn = |people: KnownPeople| {
        known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .merge(people);
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let mut spans = par_map(&corpus.docs, |d| {
        if d.text.len() > piece {
            return Box::default();
        }
        let found = match cache.and_then(|c| c.get(d)) {
            Some(found) => found,
            None => {
                let found = ex.extract_doc(d);
                if let Some(c) = cache {
                    c.put(d, &found);
                }
                found
            }
        };
        learn(KnownPeople::from_mentions(&d.text, &found));
        strings.spans(&found)
    });
    // A huge document's own spans, piece by piece, until the corpus pass joins them.
    let mut huge: Vec<(usize, chunked::Chunked, chunked::Parts)> = Vec::new();
    for (i, (d, spans)) in corpus.docs.iter().zip(&mut spans).enumerate() {
        if d.text.len() > piece {
            match chunked::Chunked::new(ex, &d.text, piece) {
                Some(chunked) => {
                    let own = chunked.own_parts(d.date(), &strings);
                    learn(chunked::people(&d.text, own.iter().flatten(), &strings));
                    huge.push((i, chunked, own));
                }
                None => {
                    let own = strings.spans(&ex.extract_doc(d));
                    learn(chunked::people(&d.text, own.iter(), &strings));
                    *spans = own;
                }
            }
        }
    }
    let known = known
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let known = known.corpus_wide(ex.lexicon());
    let whole = |doc: &Document, spans: &mut Box<[Span]>| {
        let mut ms = strings.raw(spans);
        ex.add_known(&doc.text, &known, &mut ms);
        // A homograph's reading (Amman or Oman) is decided by its own document.
        let lx = ex.lexicon();
        lx.homographs.resolve(&doc.text, &lx.place_names, &mut ms);
        *spans = strings.spans(&ms);
    };
    par_each_mut(&corpus.docs, &mut spans, |doc, spans| {
        if doc.text.len() <= piece {
            whole(doc, spans);
        }
    });
    let mut huge = huge.into_iter().peekable();
    for (i, (doc, spans)) in corpus.docs.iter().zip(&mut spans).enumerate() {
        match huge.next_if(|(at, _, _)| *at == i) {
            Some((_, chunked, own)) => {
                *spans = chunked.with_known(own, &known, &strings).into();
            }
            None if doc.text.len() > piece => whole(doc, spans),
            None => {}
        }
    }
    link_spans(ex, corpus, spans, strings)
}

/// Links every document's spans into one table. The linking pass reads the documents in
/// order, so each document's spans are freed once a later document has a linked mention,
/// and the table grows a block at a time: the spans and the table are never both held
/// whole (they were, its room taken for every span first: 36 bytes a mention at once).
fn link_spans(
    ex: &Extractor,
    corpus: &Corpus,
    spans: Vec<Box<[Span]>>,
    strings: table::Strings,
) -> MentionTable {
    let texts: Vec<&str> = corpus.docs.iter().map(|d| d.text.as_str()).collect();
    let spans: Vec<std::cell::RefCell<Box<[Span]>>> =
        spans.into_iter().map(std::cell::RefCell::new).collect();
    let mut out = MentionTable::with_capacity(texts.len());
    let each = |d: usize, f: &mut dyn FnMut(usize, &RawMention)| {
        if let Some(spans) = spans.get(d) {
            strings.each(&spans.borrow(), f);
        }
    };
    let mut freed = 0;
    let (entities, remap) = link::link_each(ex.lexicon(), &texts, &each, &mut |d, i, e| {
        // Only the last pass links, document after document: those before `d` are done.
        for done in spans.get(freed..d).into_iter().flatten() {
            done.replace(Box::default());
        }
        freed = freed.max(d);
        if let Some(span) = spans.get(d).and_then(|s| s.borrow().get(i).copied()) {
            out.push(d, &span, e);
        }
    });
    drop(spans);
    out.finish(texts.len(), entities, &remap, strings)
}

/// Calls `f` on each item and its own output slot, on the available cores.
fn par_each_mut<T: Sync, R: Send>(items: &[T], outs: &mut [R], f: impl Fn(&T, &mut R) + Sync) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() < 2 {
        items.iter().zip(outs).for_each(|(item, out)| f(item, out));
        return;
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        for (items, outs) in items.chunks(chunk).zip(outs.chunks_mut(chunk)) {
            let f = &f;
            s.spawn(move || items.iter().zip(outs).for_each(|(item, out)| f(item, out)));
        }
    });
}

/// Maps `f` over `items` on the available cores, keeping order.
pub(super) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut outs: Vec<Option<R>> = items.iter().map(|_| None).collect();
    par_each_mut(items, &mut outs, |item, out| *out = Some(f(item)));
    outs.into_iter().flatten().collect()
}
