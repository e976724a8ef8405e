//! A statistical tagger beside the rules: a linear-chain CRF for Arabic, trained at
//! development time with CRFsuite on the CC BY-SA 4.0 and MIT sets in `../shared/data/ner`
//! (never on Tür 2003) by `examples/train_ner.rs` and `assets/tools/train_ner.py`, and
//! embedded from `assets/models/` in okur's own hashed format ([`model`]).
//!
//! Arabic has no capital letters, so the rules find only names with a cue or in a lexicon;
//! the model reads the context words instead. The blend is in [`super::Extractor`].

mod decode;
mod features;
mod filter;
mod flags;
mod folds;
pub mod model;
mod scores;
mod segments;
mod shape;
mod spans;
mod table;
pub mod train;

use std::sync::OnceLock;

pub use features::{Context, segments};
use model::{CrfModel, Decoder};
use scores::{SegmentScorer, WordScores};

use super::RawMention;
use super::lexicon::Lexicon;
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
fn word_table(lx: &Lexicon) -> &'static features::WordTable {
    static TABLE: OnceLock<features::WordTable> = OnceLock::new();
    TABLE.get_or_init(|| features::Flags::word_table(lx))
}

thread_local! {
    /// One cache per script's model (Latin, Arabic): a corpus mixing Turkish and Arabic
    /// articles alternates models, and one shared cache was emptied at each switch (the
    /// whole mixed bench ran slower than its two halves added up).
    static WORDS: std::cell::RefCell<[WordScores; 2]> = std::cell::RefCell::default();
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
        let (mut scorer, mut state) = (SegmentScorer::default(), Vec::new());
        let (mut decoder, mut path, mut runs) = (Decoder::default(), Vec::new(), Vec::new());
        let n = model.labels.len();
        let split: Vec<(&str, &str)> = model.labels.iter().map(|l| spans::split_label(l)).collect();
        for seg in segs {
            let seg = &seg;
            scorer.score(model, &ctx, words, seg, &mut state);
            for (scores, i) in state.chunks_exact(n).zip(seg.clone()) {
                let place = places.iter().map(|&l| scores[l]).fold(f32::MIN, f32::max);
                tags.not_place[i] = o.is_some_and(|o| scores[o] > place);
            }
            model.viterbi_into(&state, &mut decoder, &mut path);
            spans::runs_into(path.iter().map(|&l| split[l]), seg.start, &mut runs);
            for &run in &runs {
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
