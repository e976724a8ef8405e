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
mod doc_people;
mod doc_words;
mod homograph;
mod items;
mod known_people;
mod lexicon;
mod link;
mod morph;
mod names;
mod ordinary_ar;
mod release;
mod run;
mod table;
mod token;

use serde::Serialize;

use crate::corpus::Document;
pub use crate::corpus::day_first;
/// What a mention names: the crate's one entity kind, re-exported for extraction callers.
pub use crate::kind::Kind;
pub use blend::{Blend, Mode};
pub use cache::MentionCache;
use dates::{Anchor, DateRules};
pub use items::EntityItems;
pub use known_people::KnownPeople;
pub use lexicon::Lexicon;
pub use link::link;
use names::Scan;
use run::par_map;
pub use run::{
    extract_corpus, extract_corpus_cached, extract_corpus_observed, extract_corpus_table,
    extract_corpus_table_in_pieces,
};
pub use table::{DocBlocks, DocMentions, Linked, MentionTable};
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

impl RawMention {
    /// A mention of `kind` over bytes `start..end`, with no value or canonical name yet.
    pub(crate) fn new(start: usize, end: usize, kind: Kind) -> RawMention {
        RawMention {
            start,
            end,
            kind,
            value: None,
            canonical: None,
        }
    }

    #[cfg(test)]
    /// For unit tests: a mention of `kind` over the first `what` in `text` (at 0 when absent,
    /// so a wrong test text fails its assertion rather than panicking here).
    pub(crate) fn first_in(text: &str, what: &str, kind: Kind) -> RawMention {
        let start = text.find(what).unwrap_or(0);
        RawMention::new(start, start + what.len(), kind)
    }
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
    /// Texts read through the rules and taggers ([`Extractor::found_dated`]): tests count
    /// them.
    #[cfg(test)]
    reads: std::sync::atomic::AtomicUsize,
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
            #[cfg(test)]
            reads: std::sync::atomic::AtomicUsize::new(0),
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

    /// Mentions in one document, sorted by start, with in-document consistency applied
    /// (none when its text does not read back: see [`crate::corpus::text_failure`]).
    pub fn extract_doc(&self, doc: &Document) -> Vec<RawMention> {
        self.extract_text(&doc.text().unwrap_or_default(), doc.date())
    }

    /// Mentions in a text, dates resolved against `dateline` (`YYYY[-MM[-DD]]`).
    pub fn extract_text(&self, text: &str, dateline: Option<&str>) -> Vec<RawMention> {
        let toks = Tokens::new(text);
        let mut out = self.found(text, &toks, dateline);
        let known = KnownPeople::of_document(text, &out);
        known.apply(&self.lx, text, &toks, &mut out);
        out
    }

    /// [`Extractor::extract_text`] read in pieces of about `piece` bytes ([`chunk`]), as
    /// the corpus extraction reads a document longer than [`chunk::HUGE_BYTES`]: the same
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
        let anchor = dateline.map(Anchor::parse).unwrap_or_default();
        self.found_dated(text, toks, anchor, true).0
    }

    /// [`Extractor::found`] with dates resolved against `anchor`, and the months they name;
    /// for a piece of a huge document (`whole` false), without the steps that read the
    /// text's surnames, which [`chunked`] runs with the document's.
    pub(crate) fn found_dated(
        &self,
        text: &str,
        toks: &Tokens,
        anchor: Anchor,
        whole: bool,
    ) -> (Vec<RawMention>, dates::Months) {
        #[cfg(test)]
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let ((mut out, rules), months) = self.rules_dated(text, toks, anchor);
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
        blend::merge((&self.lx, text, toks), &mut out, rules, readings, whole);
        out.sort_by_key(|m| (m.start, m.end));
        (out, months)
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
        self.rules_dated(text, toks, anchor).0
    }

    /// [`Extractor::rules`] with dates resolved against `anchor`, and the months they name.
    fn rules_dated(
        &self,
        text: &str,
        toks: &Tokens,
        anchor: Anchor,
    ) -> ((Vec<RawMention>, Vec<RawMention>), dates::Months) {
        let (dates, months) = self.dates.find(&self.lx, text, toks, anchor);
        let busy: Vec<(usize, usize)> = dates.iter().map(|m| (m.start, m.end)).collect();
        let mut scan = Scan::new(&self.lx, text, toks);
        scan.run(&busy);
        ((dates, scan.out), months)
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
