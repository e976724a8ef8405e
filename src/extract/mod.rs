//! Extraction of people, places and dates with byte spans into the stored text, and linking of
//! mentions into entities across documents and scripts.
//!
//! Offline and explainable rules: title cues, gazetteers and given names from `assets/`,
//! Turkish apostrophe and case suffixes and Arabic proclitics kept outside spans,
//! organisation head nouns that block a reading, consistency inside a document and across the
//! corpus. For Arabic people and places a CRF tagger ([`crf`]) reads first and the rules fill
//! in where it found nothing. Span conventions follow `../shared/gold/README.md`.

mod blend;
mod cache;
pub mod chunk;
mod chunked;
pub mod crf;
mod dates;
mod homograph;
mod items;
mod lexicon;
mod link;
mod morph;
mod names;
mod table;
mod token;

use serde::Serialize;

pub use crate::corpus::day_first;
use crate::corpus::{Corpus, Document};
/// What a mention names: the crate's one entity kind, re-exported for extraction callers.
pub use crate::kind::Kind;
pub use blend::{Blend, Mode};
pub use cache::MentionCache;
use dates::{Anchor, DateRules};
pub use lexicon::Lexicon;
pub use link::{KnownPeople, link};
use names::Scan;
use table::Span;
pub use table::{Linked, MentionTable};
use token::Tokens;

/// A mention found in one document, before linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    /// Byte offset of the start in [`Document::text`].
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Kind of mention.
    pub kind: Kind,
    /// ISO 8601 value for resolved dates.
    pub value: Option<String>,
    /// Canonical name suggested by a lexicon (places, known people).
    pub canonical: Option<String>,
}

/// A linked mention. Its text is the document's bytes `start..end` ([`Mention::text`]):
/// not kept with it, since a copy per mention held more than the corpus itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the start in the document text.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Kind of mention.
    pub kind: Kind,
    /// ISO 8601 value of a resolved date.
    pub value: Option<String>,
    /// Index into [`CorpusExtraction::entities`].
    pub entity: usize,
}

impl Mention {
    /// The text of the span in `doc_text`, the text of the document it was found in (empty
    /// if the span is not in it).
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.start..self.end).unwrap_or("")
    }
}

/// One person, place or date, with every name it went by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Kind of entity.
    pub kind: Kind,
    /// The name shown for it.
    pub canonical: String,
    /// Every distinct surface form, in first-seen order.
    pub aliases: Vec<String>,
    /// Number of documents that mention it.
    pub doc_count: usize,
    /// Number of mentions.
    pub mention_count: usize,
}

/// Mentions per document and the entities they link to.
#[derive(Debug, Clone, Default)]
pub struct CorpusExtraction {
    /// Per document (corpus order), sorted by start.
    pub mentions: Vec<Vec<Mention>>,
    /// Linked entities.
    pub entities: Vec<Entity>,
}

/// The extractor: lexicons and patterns, built once.
#[derive(Debug)]
pub struct Extractor {
    lx: Lexicon,
    dates: DateRules,
    /// The Arabic tagger, or `None` for the rules alone.
    arabic_model: Option<&'static crf::model::CrfModel>,
    /// The Turkish tagger, or `None` for the rules alone.
    turkish_model: Option<&'static crf::model::CrfModel>,
    /// How each tagger is combined with the rules: (Arabic, Turkish).
    blends: (Blend, Blend),
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// Loads the embedded assets.
    pub fn new() -> Extractor {
        Extractor::with_models(crf::arabic_model(), crf::turkish_model())
    }

    /// The rules alone, without the statistical taggers (for comparison).
    pub fn rules_only() -> Extractor {
        Extractor::with_models(None, None)
    }

    /// The rules with a given Arabic tagger and no Turkish one (the training tool scores
    /// candidates).
    pub fn with_arabic_model(model: Option<&'static crf::model::CrfModel>) -> Extractor {
        Extractor::with_models(model, None)
    }

    /// The rules with the given Arabic and Turkish taggers, blended as shipped.
    pub fn with_models(
        arabic: Option<&'static crf::model::CrfModel>,
        turkish: Option<&'static crf::model::CrfModel>,
    ) -> Extractor {
        let lx = Lexicon::load();
        let dates = DateRules::new(&lx);
        Extractor {
            lx,
            dates,
            arabic_model: arabic,
            turkish_model: turkish,
            blends: (Blend::ARABIC, Blend::TURKISH),
        }
    }

    /// This extractor with other blends (Arabic, Turkish): the training tool compares them
    /// on development data. Its results are not cached ([`Extractor::fingerprint`]).
    pub fn with_blends(mut self, arabic: Blend, turkish: Blend) -> Extractor {
        self.blends = (arabic, turkish);
        self
    }

    /// What decides this extractor's results besides the text (rules, lexicons, model),
    /// hashed: the key of its [`MentionCache`]. `None` for a model other than the embedded
    /// one (the training tool's candidates), whose results must not be cached.
    pub fn fingerprint(&self) -> Option<u64> {
        if self.blends != (Blend::ARABIC, Blend::TURKISH) {
            return None;
        }
        let embedded = crf::embedded_model_bytes();
        let mut parts: Vec<&[u8]> = lexicon::EMBEDDED.iter().map(|s| s.as_bytes()).collect();
        for (model, shipped, bytes) in [
            (self.arabic_model, crf::arabic_model(), embedded[0]),
            (self.turkish_model, crf::turkish_model(), embedded[1]),
        ] {
            parts.push(match model {
                None => b"rules only",
                Some(m) if shipped.is_some_and(|e| std::ptr::eq(m, e)) => bytes,
                Some(_) => return None,
            });
        }
        Some(cache::fingerprint(&parts))
    }

    /// The lexicons in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lx
    }

    /// Mentions in one document, sorted by start, with in-document consistency applied.
    pub fn extract_doc(&self, doc: &Document) -> Vec<RawMention> {
        self.extract_text(&doc.text, doc.date())
    }

    /// Mentions in a text, dates resolved against `dateline` (`YYYY[-MM[-DD]]`).
    pub fn extract_text(&self, text: &str, dateline: Option<&str>) -> Vec<RawMention> {
        let toks = Tokens::new(text);
        let mut out = self.found(text, &toks, dateline);
        let known = KnownPeople::from_mentions(text, &out);
        known.apply(&self.lx, text, &toks, &mut out);
        out
    }

    /// [`Extractor::extract_text`] read in pieces of about `piece` bytes ([`chunk`]), as
    /// the corpus extraction reads a document longer than [`chunk::PIECE_BYTES`]: the same
    /// mentions in a piece's working memory, but for a day of "the same month" at the start
    /// of a piece, which takes no month named in an earlier one.
    pub fn extract_text_in_pieces(
        &self,
        text: &str,
        dateline: Option<&str>,
        piece: usize,
    ) -> Vec<RawMention> {
        let Some(chunked) = chunked::Chunked::new(self, text, piece) else {
            return self.extract_text(text, dateline);
        };
        let strings = table::Strings::default();
        strings.raw(&chunked.own(dateline, &strings))
    }

    /// The mentions of `text` before the people it names are spread to their other
    /// mentions: the rules, the taggers and their blend, sorted by start and end.
    fn found(&self, text: &str, toks: &Tokens, dateline: Option<&str>) -> Vec<RawMention> {
        let (mut out, rules) = self.rules(text, toks, dateline);
        let mut readings = Vec::new();
        for (model, arabic, blend) in [
            (self.arabic_model, true, self.blends.0),
            (self.turkish_model, false, self.blends.1),
        ] {
            if let Some(model) = model {
                let mut tags = crf::tag(model, &self.lx, (text, toks), &[&rules, &out], arabic);
                tags.mentions = self.with_place_names(text, tags.mentions);
                readings.push(blend::Reading {
                    arabic,
                    tags,
                    blend,
                });
            }
        }
        blend::merge((&self.lx, text, toks), &mut out, rules, readings);
        out.sort_by_key(|m| (m.start, m.end));
        out
    }

    /// What the rules alone find in `text`: (dates, people and places), as the taggers
    /// see them among their features, in training ([`crf::train`]) as in tagging.
    pub(crate) fn rules(
        &self,
        text: &str,
        toks: &Tokens,
        dateline: Option<&str>,
    ) -> (Vec<RawMention>, Vec<RawMention>) {
        let anchor = dateline.map(Anchor::parse).unwrap_or_default();
        let dates = self.dates.find(&self.lx, text, toks, anchor);
        let busy: Vec<(usize, usize)> = dates.iter().map(|m| (m.start, m.end)).collect();
        let mut scan = Scan::new(&self.lx, text, toks);
        scan.run(&busy);
        (dates, scan.out)
    }

    /// The tagger's places with the gazetteer's canonical name where it knows the span, so
    /// they link across scripts like the rules' places do (موسكو = Moskova).
    fn with_place_names(&self, text: &str, mut ms: Vec<RawMention>) -> Vec<RawMention> {
        for m in ms.iter_mut().filter(|m| m.kind == Kind::Place) {
            let key = crate::text::fold_str(&text[m.start..m.end]);
            m.canonical = self
                .lx
                .place(&key)
                .and_then(|ix| self.lx.place_names.get(ix as usize).cloned());
        }
        ms
    }

    /// Adds mentions of people known from elsewhere in the corpus.
    pub fn add_known(&self, text: &str, known: &KnownPeople, out: &mut Vec<RawMention>) {
        let toks = Tokens::new(text);
        known.apply(&self.lx, text, &toks, out);
    }
}

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
/// read in pieces, one document at a time on all cores, and not cached (its entry would be
/// as large as it).
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
    for (d, spans) in corpus.docs.iter().zip(&mut spans) {
        if d.text.len() > piece {
            let own = match chunked::Chunked::new(ex, &d.text, piece) {
                Some(chunked) => chunked.own(d.date(), &strings),
                None => strings.spans(&ex.extract_doc(d)).into_vec(),
            };
            learn(chunked::people(&d.text, &own, &strings));
            *spans = own.into_boxed_slice();
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
    for (doc, spans) in corpus.docs.iter().zip(&mut spans) {
        let chunked = (doc.text.len() > piece)
            .then(|| chunked::Chunked::new(ex, &doc.text, piece))
            .flatten();
        match chunked {
            Some(chunked) => {
                let own = std::mem::take(spans);
                *spans = chunked.with_known(own, &known, &strings).into();
            }
            None if doc.text.len() > piece => whole(doc, spans),
            None => {}
        }
    }
    let texts: Vec<&str> = corpus.docs.iter().map(|d| d.text.as_str()).collect();
    let total = spans.iter().map(|s| s.len()).sum();
    let mut out = MentionTable::with_capacity(texts.len(), total);
    let each = |d: usize, f: &mut dyn FnMut(usize, &RawMention)| {
        if let Some(spans) = spans.get(d) {
            strings.each(spans, f);
        }
    };
    let (entities, remap) = link::link_each(ex.lexicon(), &texts, &each, &mut |d, i, e| {
        if let Some(span) = spans.get(d).and_then(|s| s.get(i)) {
            out.push(d, span, e);
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
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut outs: Vec<Option<R>> = items.iter().map(|_| None).collect();
    par_each_mut(items, &mut outs, |item, out| *out = Some(f(item)));
    outs.into_iter().flatten().collect()
}
