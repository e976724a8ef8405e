//! A statistical tagger beside the rules: a linear-chain CRF for Arabic, trained at
//! development time with CRFsuite on the CC BY-SA 4.0 and MIT sets in `../shared/data/ner`
//! (never on Tür 2003) by `examples/train_ner.rs` and `assets/tools/train_ner.py`, and
//! embedded from `assets/models/` in okur's own hashed format ([`model`]).
//!
//! Arabic has no capital letters, so the rules find only names with a cue or in a lexicon;
//! the model reads the context words instead. The blend is in [`super::Extractor`].

mod features;
mod flags;
pub mod model;
mod spans;
mod table;
pub mod train;

use std::sync::OnceLock;

pub use features::{Context, segments};
use model::{AttrHash, CrfModel, Decoder};

use super::RawMention;
use super::lexicon::{FxMap, Lexicon};
use super::token::Tokens;

const MODEL_AR: &[u8] = include_bytes!("../../../assets/models/ner_ar.okcrf");
const MODEL_TR: &[u8] = include_bytes!("../../../assets/models/ner_tr.okcrf");

/// The embedded models' bytes (Arabic, Turkish), for the extraction cache's fingerprint.
pub(super) fn embedded_model_bytes() -> [&'static [u8]; 2] {
    [MODEL_AR, MODEL_TR]
}

/// Longest token sequence tagged at once.
pub const MAX_SEGMENT: usize = 200;

/// The embedded Arabic model, parsed on first use; `None` if it does not parse (then the
/// rules work alone).
pub fn arabic_model() -> Option<&'static CrfModel> {
    static MODEL: OnceLock<Option<CrfModel>> = OnceLock::new();
    MODEL
        .get_or_init(|| CrfModel::parse(MODEL_AR).ok())
        .as_ref()
}

/// The embedded Turkish model, parsed on first use; `None` if it does not parse.
pub fn turkish_model() -> Option<&'static CrfModel> {
    static MODEL: OnceLock<Option<CrfModel>> = OnceLock::new();
    MODEL
        .get_or_init(|| CrfModel::parse(MODEL_TR).ok())
        .as_ref()
}

/// The lexicon's words with their feature bits, built on first use. Every [`Lexicon`] is
/// the same embedded one, so one table serves them all.
fn word_table(lx: &Lexicon) -> &'static FxMap<String, u16> {
    static TABLE: OnceLock<FxMap<String, u16>> = OnceLock::new();
    TABLE.get_or_init(|| features::Flags::word_table(lx))
}

/// State scores that depend only on a word, computed once per distinct word and kept for
/// the thread's later texts (news vocabulary repeats): for each word, its own attributes'
/// scores and those it gives each neighbour offset in [`features::NEAR`].
#[derive(Default)]
struct WordScores {
    /// The model the rows were computed with (its address).
    model: usize,
    index: FxMap<String, usize>,
    /// Per word, `ROWS` rows of `n` scores: own, then one per offset in `NEAR`.
    rows: Vec<f32>,
}

/// Words kept per thread before the cache starts again (about 14 MB at 7 labels).
const MAX_CACHED_WORDS: usize = 100_000;

thread_local! {
    /// One cache per script's model (Latin, Arabic): a corpus mixing Turkish and Arabic
    /// articles alternates models, and one shared cache was emptied at each switch (the
    /// whole mixed bench ran slower than its two halves added up).
    static WORDS: std::cell::RefCell<[WordScores; 2]> = std::cell::RefCell::default();
}

impl WordScores {
    const ROWS: usize = 1 + features::NEAR.len();

    /// Forgets everything when the model changes or the cache is full.
    fn reset_for(&mut self, model: &CrfModel) {
        let id = std::ptr::from_ref(model) as usize;
        if self.model != id || self.index.len() >= MAX_CACHED_WORDS {
            *self = WordScores {
                model: id,
                ..WordScores::default()
            };
        }
    }

    /// The offset in `rows` of token `i`'s word, computing it on first sight. A Latin word
    /// is cached with its shape, since `Ankara` and `ANKARA` share a key but not a shape.
    fn of(&mut self, model: &CrfModel, ctx: &Context<'_>, i: usize, buf: &mut String) -> usize {
        let key = ctx.cache_key(i, buf);
        if let Some(&at) = self.index.get(key) {
            return at;
        }
        let n = model.labels.len();
        let at = self.rows.len();
        self.rows.resize(at + Self::ROWS * n, 0.0);
        let own = &mut self.rows[at..at + n];
        ctx.word_attrs(i, &mut |p| model.add_state(AttrHash::of(p), own));
        for (r, d) in features::NEAR.into_iter().enumerate() {
            let row = &mut self.rows[at + (r + 1) * n..at + (r + 2) * n];
            ctx.neighbour_attrs(i, d, &mut |p| model.add_state(AttrHash::of(p), row));
        }
        self.index.insert(key.to_string(), at);
        at
    }
}

fn add_row(row: &[f32], scores: &mut [f32]) {
    for (s, w) in scores.iter_mut().zip(row) {
        *s += w;
    }
}

/// Adds token `i`'s state scores to `scores`: from the cached rows where the word alone
/// decides them (`rows_at[i - seg.start]`, the segment's tokens only), computed directly
/// otherwise, plus those of its place. An offset that did not fit in `u32` is `None`, and
/// its scores are computed directly, with the same result.
fn token_scores(
    model: &CrfModel,
    ctx: &Context<'_>,
    (rows, rows_at): (&[f32], &[Option<u32>]),
    (i, seg): (usize, &std::ops::Range<usize>),
    scores: &mut [f32],
) {
    let n = model.labels.len();
    let row_at = |i: usize| {
        i.checked_sub(seg.start)
            .and_then(|k| rows_at.get(k).copied().flatten())
    };
    match row_at(i) {
        Some(at) => {
            let at = at as usize;
            add_row(&rows[at..at + n], scores)
        }
        None => ctx.word_attrs(i, &mut |p| model.add_state(AttrHash::of(p), scores)),
    }
    for (slot, d) in features::NEAR.into_iter().enumerate() {
        let Some(j) = features::neighbour(i, d, seg) else {
            continue;
        };
        match row_at(j) {
            Some(at) => {
                let at = at as usize + (slot + 1) * n;
                add_row(&rows[at..at + n], scores);
            }
            None => ctx.neighbour_attrs(j, d, &mut |p| model.add_state(AttrHash::of(p), scores)),
        }
    }
    ctx.context_attrs(i, seg, &mut |p| model.add_state(AttrHash::of(p), scores));
}

/// What a tagger read in a text.
#[derive(Debug, Default)]
pub struct Tags {
    /// People and places it found, spans by the gold conventions.
    pub mentions: Vec<RawMention>,
    /// Organisations it found (byte ranges, whole tokens): no person or place inside.
    pub orgs: Vec<(usize, usize)>,
    /// Per token: the word on its own scores higher as no entity than as any place label,
    /// so a gazetteer match on it alone is likely the ordinary word (الخبر "the news", not
    /// Al-Khobar).
    pub not_place: Vec<bool>,
}

/// Tags the segments of `text` in one script (`arabic`, else Latin) with `model`, which
/// reads what the rules found there (`rules`, sorted by start) among its features.
pub fn tag(
    model: &CrfModel,
    lx: &Lexicon,
    (text, toks): (&str, &Tokens),
    rules: &[&[RawMention]],
    arabic: bool,
) -> Tags {
    let mut tags = Tags {
        mentions: Vec::new(),
        orgs: Vec::new(),
        not_place: vec![false; toks.len()],
    };
    if !toks.toks.iter().any(|t| t.arabic == arabic) {
        return tags;
    }
    let o = model.labels.iter().position(|l| l == "O");
    let places: Vec<usize> = (0..model.labels.len())
        .filter(|&l| model.labels[l].ends_with("-LOC"))
        .collect();
    let ctx = Context::new(lx, word_table(lx), (text, toks), rules);
    WORDS.with_borrow_mut(|caches| {
        let words = &mut caches[usize::from(arabic)];
        words.reset_for(model);
        let segs = features::segments_lazily(text, toks, MAX_SEGMENT)
            .filter(|s| toks.toks.get(s.start).is_some_and(|t| t.arabic == arabic));
        // The cached rows of one segment's words at a time (a segment is at most
        // `MAX_SEGMENT` tokens): one slot per token of the text took more than the text.
        let mut rows_at: Vec<Option<u32>> = Vec::with_capacity(MAX_SEGMENT);
        let mut state = Vec::new();
        let mut buf = String::new();
        let (mut decoder, mut path, mut labels) = (Decoder::default(), Vec::new(), Vec::new());
        let n = model.labels.len();
        for seg in segs {
            let seg = &seg;
            rows_at.clear();
            rows_at.extend(seg.clone().map(|i| {
                ctx.keyed(i)
                    .then(|| u32::try_from(words.of(model, &ctx, i, &mut buf)).ok())
                    .flatten()
            }));
            state.clear();
            state.resize(seg.len() * n, 0.0);
            for (row, i) in seg.clone().enumerate() {
                let scores = &mut state[row * n..(row + 1) * n];
                token_scores(model, &ctx, (&words.rows, &rows_at), (i, seg), scores);
                let place = places.iter().map(|&l| scores[l]).fold(f32::MIN, f32::max);
                tags.not_place[i] = o.is_some_and(|o| scores[o] > place);
            }
            model.viterbi_into(&state, &mut decoder, &mut path);
            labels.clear();
            labels.extend(path.iter().map(|&l| model.labels[l].as_str()));
            for run in spans::runs(&labels, seg.start) {
                if run.2 == "ORG" {
                    tags.orgs
                        .push((toks.toks[run.0].start(), toks.toks[run.1].end()));
                } else {
                    tags.mentions.extend(spans::mention(lx, text, toks, run));
                }
            }
        }
        tags
    })
}
