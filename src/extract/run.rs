//! Extraction over a whole corpus: every document on all cores (a huge one in pieces, see
//! `chunked`), the corpus-level consistency passes, linking into one [`MentionTable`].

use std::borrow::Cow;
use std::cell::RefCell;

use super::release::Release;
use super::table::{self, PackedSpans, Span};
use super::{
    CorpusExtraction, Extractor, KnownPeople, MentionCache, MentionTable, RawMention, chunk,
};
use super::{chunked, link};
use crate::corpus::{Corpus, Document};

/// A huge document's size and its pieces': see [`chunk::HUGE_BYTES`].
const HUGE: (usize, usize) = (chunk::HUGE_BYTES, chunk::PIECE_BYTES);

/// Extraction hands freed memory back each time its workers have read this many bytes of
/// text ([`Release`]): their working memory, freed after each document among the spans
/// they keep, is otherwise resident until extraction ends.
const RELEASE_TEXT: usize = 8 << 20;

/// Linking hands back the documents' spans it has freed each time they reach this many
/// bytes: the table grows in another arena than the one they were freed in.
const RELEASE_SPANS: usize = 16 << 20;

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
    extract_table(ex, corpus, done, None, HUGE).to_extraction()
}

/// [`extract_corpus`] with each document's own mentions taken from `cache` where it has
/// them (and stored there where it has not). The result is the same as without the cache.
pub fn extract_corpus_cached(
    ex: &Extractor,
    corpus: &Corpus,
    cache: Option<&MentionCache>,
) -> CorpusExtraction {
    let done = std::sync::atomic::AtomicUsize::new(0);
    extract_table(ex, corpus, &done, cache, HUGE).to_extraction()
}

/// [`extract_corpus_observed`] as a compact [`MentionTable`]: what the reader keeps. The
/// same mentions and entities ([`MentionTable::to_extraction`]) in about a quarter of the
/// memory, and made holding about a quarter too.
pub fn extract_corpus_table(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
) -> MentionTable {
    extract_table(ex, corpus, done, None, HUGE)
}

/// [`extract_corpus_table`] reading each document longer than `piece` bytes in pieces of
/// about that size ([`chunk`]; the others read those over [`chunk::HUGE_BYTES`] in pieces
/// of [`chunk::PIECE_BYTES`]): to compare the two.
pub fn extract_corpus_table_in_pieces(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
    piece: usize,
) -> MentionTable {
    extract_table(ex, corpus, done, None, (piece, piece))
}

/// Extracts each document, keeping its mentions compact as soon as they are found (a
/// worker holds one document's working buffers at a time), gathers the people they name,
/// adds those people's other mentions, and links. A document longer than `over` bytes is
/// read in pieces of about `piece` bytes, one document at a time on all cores, its spans
/// kept by piece until the corpus pass joins them, and not cached (its entry would be as
/// large as it).
fn extract_table(
    ex: &Extractor,
    corpus: &Corpus,
    done: &std::sync::atomic::AtomicUsize,
    cache: Option<&MentionCache>,
    (over, piece): (usize, usize),
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
    let release = Release::every(RELEASE_TEXT);
    let mut spans = par_map(&corpus.docs, |d| {
        if d.text_len() > over {
            return PackedSpans::default();
        }
        // Read once for the cache, extraction and the people (a text that does not read
        // back is empty here, and `corpus::text_failure` says it).
        let text = d.text().unwrap_or_default();
        let found = match cache.and_then(|c| c.get(d, &text)) {
            Some(found) => found,
            None => {
                let found = ex.extract_text(&text, d.date());
                if let Some(c) = cache {
                    c.put(d, &found);
                }
                found
            }
        };
        learn(KnownPeople::from_mentions(&text, &found));
        let spans = strings.packed(&found);
        drop(found);
        drop(text);
        release.count(d.text_len());
        spans
    });
    release.now();
    // A huge document's own spans, piece by piece, until the corpus pass joins them.
    // A huge text is held plain (`corpus::DocText` packs none over 2 MB) and read in
    // place; one held packed (a smaller `over`) is decompressed first, kept while its pieces
    // are read.
    let unpacked: Vec<(usize, String)> = (corpus.docs.iter().enumerate())
        .filter(|(_, d)| d.text_len() > over && d.held_text().is_packed())
        .map(|(i, d)| (i, d.text().map(Cow::into_owned).unwrap_or_default()))
        .collect();
    let mut huge: Vec<(usize, chunked::Chunked, chunked::Parts)> = Vec::new();
    for (i, (d, spans)) in corpus.docs.iter().zip(&mut spans).enumerate() {
        if d.text_len() > over {
            let text = match d.text() {
                Ok(Cow::Borrowed(text)) => text,
                _ => unpacked
                    .iter()
                    .find(|(at, _)| *at == i)
                    .map_or("", |(_, t)| t),
            };
            match chunked::Chunked::new(ex, text, piece) {
                Some(chunked) => {
                    let own = chunked.own_parts(d.date(), &strings);
                    learn(chunked::people(text, own.iter().flatten(), &strings));
                    huge.push((i, chunked, own));
                }
                None => {
                    let own = strings.spans(&ex.extract_text(text, d.date()));
                    learn(chunked::people(text, own.iter(), &strings));
                    *spans = PackedSpans::new(own.iter().copied());
                }
            }
        }
    }
    let known = known
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let known = known.corpus_wide(ex.lexicon());
    let whole = |doc: &Document, spans: &mut PackedSpans| {
        let mut ms = strings.raw_of(spans.iter());
        let text = doc.text().unwrap_or_default();
        ex.add_known(&text, &known, &mut ms);
        // A homograph's reading (Amman or Oman) is decided by its own document.
        let lx = ex.lexicon();
        lx.homographs.resolve(&text, &lx.place_names, &mut ms);
        *spans = strings.packed(&ms);
    };
    par_each_mut(&corpus.docs, &mut spans, |doc, spans| {
        if doc.text_len() <= over {
            whole(doc, spans);
        }
    });
    let mut huge = huge.into_iter().peekable();
    let mut by_piece = Vec::new();
    for (i, (doc, spans)) in corpus.docs.iter().zip(&mut spans).enumerate() {
        match huge.next_if(|(at, _, _)| *at == i) {
            Some((_, chunked, own)) => {
                by_piece.push((i, chunked.with_known(own, &known, &strings)));
            }
            None if doc.text_len() > over => whole(doc, spans),
            None => {}
        }
    }
    // The people known corpus-wide are read no more: freed before linking builds its
    // entities, rather than held beside them.
    drop(known);
    release.now();
    link_spans(ex, corpus, Held::new(spans, by_piece), strings)
}

/// Links every document's spans into one table. The linking pass reads the documents in
/// order, so each part of a document's spans (a huge document's piece) is freed once the
/// last pass has read it, and the table grows by an eighth at a time: the spans and the
/// table are never both held whole (a huge document's were: its spans joined, and its
/// table grown by doubling beside them, up to 3 times its spans at once).
fn link_spans(
    ex: &Extractor,
    corpus: &Corpus,
    held: Held,
    strings: table::Strings,
) -> MentionTable {
    // Each document's text is read (decompressed) as the linking passes come to it.
    let texts = corpus.docs.as_slice();
    let mut out = MentionTable::with_capacity(texts.len());
    // Set by the first linked mention: only the last pass over the documents links, so a
    // part it has read is read no more.
    let linking = std::cell::Cell::new(false);
    // The span read last: the one linked, when linking hands it out (spans are read in
    // order, not found by number: packed, they have none).
    let current = std::cell::Cell::new(None);
    let release = Release::every(RELEASE_SPANS);
    let each = |d: usize, f: &mut dyn FnMut(usize, &RawMention)| {
        let mut read = |i, span| {
            current.set(Some(span));
            f(i, &strings.one(&span));
        };
        held.read(d, &mut read, &mut |part| {
            if linking.get() {
                release.count(part.take().bytes());
            }
        });
    };
    let (entities, remap) = link::link_each(ex.lexicon(), texts, &each, &mut |d, _, e| {
        linking.set(true);
        if let Some(span) = current.get() {
            out.push(d, &span, e);
        }
    });
    drop(held);
    out.finish(texts.len(), entities, &remap, strings)
}

/// Every document's spans until they are linked, packed: a huge document's by piece, as
/// extraction left them (joined, they were held twice while the join ran).
struct Held {
    /// Each document's spans (none for a huge one's).
    whole: Vec<RefCell<PackedSpans>>,
    /// A huge document's number and its spans piece by piece, in the documents' order.
    by_piece: Vec<(usize, Vec<RefCell<PackedSpans>>)>,
}

impl Held {
    /// Each document's `spans`, but those in `by_piece` (document number and its spans
    /// piece by piece, in the documents' order), packed a piece at a time.
    fn new(spans: Vec<PackedSpans>, by_piece: Vec<(usize, chunked::Parts)>) -> Held {
        let by_piece = by_piece.into_iter().map(|(d, pieces)| {
            let parts = pieces
                .into_iter()
                .map(|piece| PackedSpans::new(piece.iter().copied()));
            (d, parts.map(RefCell::new).collect())
        });
        Held {
            whole: spans.into_iter().map(RefCell::new).collect(),
            by_piece: by_piece.collect(),
        }
    }

    /// Calls `f` with each of document `d`'s spans and its position in the document, and
    /// `after` with each part of them (a huge document's piece, or the whole) once read.
    fn read(
        &self,
        d: usize,
        f: &mut dyn FnMut(usize, Span),
        after: &mut dyn FnMut(&RefCell<PackedSpans>),
    ) {
        let pieces = (self.by_piece.binary_search_by_key(&d, |(at, _)| *at).ok())
            .and_then(|k| self.by_piece.get(k))
            .map(|(_, parts)| parts.as_slice());
        let whole = pieces.is_none().then(|| self.whole.get(d)).flatten();
        let mut i = 0;
        for part in pieces.unwrap_or_default().iter().chain(whole) {
            part.borrow().iter().for_each(|span| {
                f(i, span);
                i += 1;
            });
            after(part);
        }
    }
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
