//! The tagger's state scores per token, from what each distinct word contributes computed
//! once and kept for the thread's later texts (news vocabulary repeats).
//!
//! The scores must be the very floats the tagger has always computed (the mentions are
//! compared byte for byte with a fixture), so what is kept follows the order in which the
//! additions were always made: a word without a suffix keeps the sums of its own and of its
//! neighbour attributes (rows, as before); a word with an apostrophe suffix keeps its own
//! row (added first, to zeros, so a sum is the same) but the weights it gives its
//! neighbours one attribute at a time ([`Found`]), since they were added one at a time.

use super::features::{self, Context};
use super::model::{AttrHash, AttrSink, CrfModel, Found, Part};
use index::WordIndex;

#[path = "scores_index.rs"]
mod index;

/// What a token's word contributes, kept in [`WordScores`].
#[derive(Debug, Clone, Copy)]
pub(super) enum Cached {
    /// A word without a suffix: at this offset in the rows, its own row, then one row per
    /// neighbour offset in [`features::NEAR`].
    Word(u32),
    /// A word with a suffix: its own row at `own`; the weights it gives a neighbour at
    /// each offset of `NEAR`, one attribute each, from `found` on, `counts` of them per
    /// offset.
    Suffixed {
        own: u32,
        found: u32,
        counts: [u8; 4],
    },
}

/// State scores that depend only on a word, per distinct word (see the module's doc).
#[derive(Default)]
pub(super) struct WordScores {
    /// The model the scores were computed with (its address).
    model: usize,
    /// Per word, what it contributes and the hash of its key ([`Context::key_hash`]).
    index: WordIndex,
    /// Rows of `n` scores (one per label).
    rows: Vec<f32>,
    /// Weights of the neighbour attributes of words with a suffix, attribute by attribute.
    found: Vec<Found>,
    /// Where `index` stood ([`WordIndex::mark`]) and the lengths of `rows` and `found`
    /// when the text being tagged started.
    text_start: ((usize, usize), usize, usize),
    /// Whether the text being tagged (or the last one) had its own words forgotten.
    overflowed: bool,
}

/// Words kept per thread and script before the cache starts again: about 4.1 MB at 7
/// labels (rows 2.8 MB, the index 1.3 MB), within the shared cache. The cache is the
/// extraction's peak over what it keeps (a cache per worker thread and script): at 100,000
/// words (14 MB of rows) extraction on a 20,000-article corpus peaked at 1.03x the corpus,
/// at this cap 0.68x (as at 10,000), with no measurable cost in speed (a news vocabulary's
/// frequent words come back soon after the cache starts again).
const MAX_CACHED_WORDS: usize = 20_000;

impl WordScores {
    const ROWS: usize = 1 + features::NEAR.len();

    /// Forgets everything when the model changes, the cache is full or the last text
    /// overflowed it; marks where the text's own words start.
    pub(super) fn reset_for(&mut self, model: &CrfModel) {
        let id = std::ptr::from_ref(model) as usize;
        if self.model != id || self.index.len() >= MAX_CACHED_WORDS || self.overflowed {
            *self = WordScores {
                model: id,
                ..WordScores::default()
            };
        }
        self.text_start = (self.index.mark(), self.rows.len(), self.found.len());
    }

    /// Forgets the words this text added once they are [`MAX_CACHED_WORDS`], between two of
    /// its segments: a text whose words never repeat (base64, made-up words, long numbers)
    /// was held whole, a row of scores per word (a 20 MB line of new words: 0.5 GB).
    ///
    /// The outputs stay the same as when the cache was capped between texts only: the
    /// words kept from earlier texts stay (a word found there is read as it was), a word
    /// of this text is computed again from this text (the same floats), and the next text
    /// starts afresh, as it did when this one left more than the cap.
    fn forget_if_overflowing(&mut self) {
        let (mark, rows, found) = self.text_start;
        if self.index.len().saturating_sub(mark.0) >= MAX_CACHED_WORDS {
            self.index.truncate(mark);
            self.rows.truncate(rows);
            self.found.truncate(found);
            self.overflowed = true;
        }
    }

    /// What token `i`'s word contributes, computed on first sight, and the hash of its key;
    /// `None` when an offset does not fit in `u32` (the tagger then computes the scores
    /// directly, alike).
    pub(super) fn of(
        &mut self,
        model: &CrfModel,
        ctx: &Context<'_>,
        i: usize,
    ) -> Option<(Cached, u64)> {
        let key = ctx.cache_key(i);
        if let Some(c) = self.index.get(key) {
            return Some(c);
        }
        let n = model.labels.len();
        let at = self.rows.len();
        let cached = if ctx.suffixed(i) {
            self.rows.resize(at + n, 0.0);
            ctx.word_attrs(i, &mut |p| {
                model.add_state(AttrHash::of(p), &mut self.rows[at..at + n])
            });
            let found = self.found.len();
            let mut counts = [0u8; 4];
            for (r, d) in features::NEAR.into_iter().enumerate() {
                let before = self.found.len();
                ctx.neighbour_attrs(i, d, &mut |p| {
                    self.found.push(model.find_state(AttrHash::of(p)));
                });
                counts[r] = u8::try_from(self.found.len() - before).ok()?;
            }
            Cached::Suffixed {
                own: u32::try_from(at).ok()?,
                found: u32::try_from(found).ok()?,
                counts,
            }
        } else {
            self.rows.resize(at + Self::ROWS * n, 0.0);
            let own = &mut self.rows[at..at + n];
            ctx.word_attrs(i, &mut |p| model.add_state(AttrHash::of(p), own));
            for (r, d) in features::NEAR.into_iter().enumerate() {
                let row = &mut self.rows[at + (r + 1) * n..at + (r + 2) * n];
                ctx.neighbour_attrs(i, d, &mut |p| model.add_state(AttrHash::of(p), row));
            }
            Cached::Word(u32::try_from(at).ok()?)
        };
        let hash = ctx.key_hash(i);
        self.index.insert(key, cached, hash);
        Some((cached, hash))
    }

    /// Reads the rows of the words `cached` (a segment's) without waiting on them, so
    /// that the additions after it find them in the cache (see [`CrfModel::touch_states`]),
    /// and the weights of `model` that words with a suffix give their neighbours.
    pub(super) fn touch(&self, model: &CrfModel, cached: &[Option<Cached>], n: usize) {
        if n == 0 {
            return;
        }
        let mut seen = 0f32;
        for c in cached.iter().flatten() {
            let (at, len) = match *c {
                Cached::Word(at) => (at as usize, Self::ROWS * n),
                Cached::Suffixed {
                    own, found, counts, ..
                } => {
                    let found = found as usize;
                    let k = counts.iter().map(|&k| usize::from(k)).sum::<usize>();
                    let weights = self.found.get(found..found + k).unwrap_or(&[]);
                    model.touch_found(weights.iter().copied());
                    (own as usize, n)
                }
            };
            // A float per 64-byte line of the word's rows.
            for k in (0..len).step_by(16).chain([len - 1]) {
                seen += self.rows.get(at + k).copied().unwrap_or(0.0);
            }
        }
        std::hint::black_box(seen);
    }

    /// Adds what the word of a token cached as `c` gives the token `NEAR[slot]` places
    /// before it, in the order the attributes were always added.
    fn add_neighbour(&self, model: &CrfModel, c: Cached, slot: usize, scores: &mut [f32]) {
        let n = scores.len();
        match c {
            Cached::Word(at) => {
                let at = at as usize + (slot + 1) * n;
                add_row(&self.rows[at..at + n], scores);
            }
            Cached::Suffixed { found, counts, .. } => {
                let from = found as usize
                    + counts[..slot]
                        .iter()
                        .map(|&k| usize::from(k))
                        .sum::<usize>();
                for &f in &self.found[from..from + usize::from(counts[slot])] {
                    model.add_found(f, scores);
                }
            }
        }
    }

    /// Adds the word's own row.
    fn add_own(&self, c: Cached, scores: &mut [f32]) {
        let at = match c {
            Cached::Word(at) | Cached::Suffixed { own: at, .. } => at as usize,
        };
        add_row(&self.rows[at..at + scores.len()], scores);
    }
}

/// Adds `row` to `scores` label by label. The shipped models have seven labels: at that
/// fixed length the additions are made without a loop (each label's own sum, the same floats).
#[inline(always)]
fn add_row(row: &[f32], scores: &mut [f32]) {
    if let (Ok(row), Ok(scores)) = (
        <&[f32; 7]>::try_from(row),
        <&mut [f32; 7]>::try_from(&mut *scores),
    ) {
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
        return;
    }
    for (s, w) in scores.iter_mut().zip(row) {
        *s += w;
    }
}

/// The weights of the context attributes ([`Context::context_attrs`]) of a segment's
/// tokens, looked up before any is added: the pair attributes' lookups miss the cache
/// (a table of megabytes, a random slot each), and made one after the other, each addition
/// waiting for its load, they were most of the tagger's time; made in a row of independent
/// lookups they overlap.
#[derive(Debug, Default)]
struct ContextWeights {
    hashes: Vec<u64>,
    found: Vec<Found>,
    /// Per token of the segment, where its weights end in `found`.
    ends: Vec<usize>,
    /// Where in `found` the attributes not in `memo` go.
    pending: Vec<usize>,
    /// The weights of attributes met before, by the top bits of their hash: most of a
    /// token's context attributes are one of a few dozen (`sep=_`, `R=O`, `R-1=O`), and a
    /// lookup here reads one entry where the table's reads the filter and a slot.
    memo: Vec<(u64, Found)>,
}

/// Entries of [`ContextWeights::memo`] (a power of two).
const MEMO: usize = 256;

impl ContextWeights {
    /// Looks up the context attributes of every token of `seg`.
    fn look_up(&mut self, model: &CrfModel, ctx: &Context<'_>, seg: &std::ops::Range<usize>) {
        if self.memo.len() != MEMO {
            // No hash is 0 and also found in a table slot with weights: an empty entry
            // holds none (`Found::default`), as an absent attribute has.
            self.memo = vec![(0, Found::default()); MEMO];
        }
        self.hashes.clear();
        self.ends.clear();
        self.found.clear();
        self.pending.clear();
        let mut sink = Lookups {
            memo: &self.memo,
            found: &mut self.found,
            hashes: &mut self.hashes,
            pending: &mut self.pending,
        };
        for i in seg.clone() {
            ctx.context_attrs_into(i, seg, &mut sink);
            self.ends.push(sink.found.len());
        }
        model.touch_states(&self.hashes);
        for (&at, &h) in self.pending.iter().zip(&self.hashes) {
            let f = model.find_state(h);
            self.found[at] = f;
            self.memo[memo_slot(h)] = (h, f);
        }
        model.touch_found(self.pending.iter().map(|&at| self.found[at]));
    }

    /// Adds the weights of the segment's `k`-th token, in the order of its attributes.
    fn add(&self, model: &CrfModel, k: usize, scores: &mut [f32]) {
        let from = k.checked_sub(1).map_or(0, |p| self.ends[p]);
        for &f in &self.found[from..self.ends[k]] {
            model.add_found(f, scores);
        }
    }
}

/// Where [`ContextWeights::look_up`] puts each context attribute: its weights from the memo,
/// or a place for them and its hash to look up in the table.
struct Lookups<'w> {
    memo: &'w [(u64, Found)],
    found: &'w mut Vec<Found>,
    hashes: &'w mut Vec<u64>,
    pending: &'w mut Vec<usize>,
}

impl AttrSink for Lookups<'_> {
    #[inline(always)]
    fn add(&mut self, parts: &[Part<'_>]) {
        let h = AttrHash::of(parts);
        let (held, f) = self.memo[memo_slot(h)];
        if held != h || h == 0 {
            self.pending.push(self.found.len());
            self.hashes.push(h);
        }
        self.found.push(f);
    }
}

/// The entry of [`ContextWeights::memo`] for hash `h`: its top bits (a product's top bits
/// mix all of its input).
fn memo_slot(h: u64) -> usize {
    usize::try_from(h >> (64 - MEMO.trailing_zeros())).unwrap_or(0)
}

/// Computes the state scores of one segment at a time, with scratch space kept between
/// segments (a segment is at most [`super::MAX_SEGMENT`] tokens: one slot per token of the
/// text took more than the text).
#[derive(Debug, Default)]
pub(super) struct SegmentScorer {
    /// What each token's word contributes, `None` where it is computed directly.
    cached: Vec<Option<Cached>>,
    /// The hashes of the segment's keys, from `words` where it has them.
    hashes: Vec<u64>,
    context: ContextWeights,
}

impl SegmentScorer {
    /// Sets `state` to the state scores of the tokens of `seg`, token-major (a score per
    /// label of `model` each), keeping in `words` the words seen for the next segments.
    pub(super) fn score(
        &mut self,
        model: &CrfModel,
        ctx: &Context<'_>,
        words: &mut WordScores,
        seg: &std::ops::Range<usize>,
        state: &mut Vec<f32>,
    ) {
        let n = model.labels.len();
        // The words met before give their keys' hashes (a word's first sight hashes it).
        ctx.forget_key_hashes();
        words.forget_if_overflowing();
        self.cached.clear();
        self.hashes.clear();
        for i in seg.clone() {
            let found = words.of(model, ctx, i);
            self.cached.push(found.map(|(c, _)| c));
            self.hashes
                .push(found.map_or_else(|| ctx.key_hash(i), |(_, h)| h));
        }
        ctx.set_key_hashes(seg, &self.hashes);
        words.touch(model, &self.cached, n);
        self.context.look_up(model, ctx, seg);
        state.clear();
        state.resize(seg.len() * n, 0.0);
        if n == 0 {
            return;
        }
        for (scores, i) in state.chunks_exact_mut(n).zip(seg.clone()) {
            let parts = (&self.cached[..], &self.context);
            token_scores(model, (words, ctx), parts, (i, seg), scores);
        }
    }
}

/// Adds token `i`'s state scores to `scores` (zeros, `n` of them): from the cache where its
/// words are in it (`cached[i - seg.start]`, the segment's tokens only), computed directly
/// otherwise, plus those of its place, looked up in `context` for the segment `seg`.
fn token_scores(
    model: &CrfModel,
    (words, ctx): (&WordScores, &Context<'_>),
    (cached, context): (&[Option<Cached>], &ContextWeights),
    (i, seg): (usize, &std::ops::Range<usize>),
    scores: &mut [f32],
) {
    let cached_at = |i: usize| {
        i.checked_sub(seg.start)
            .and_then(|k| cached.get(k).copied().flatten())
    };
    match cached_at(i) {
        Some(c) => words.add_own(c, scores),
        None => ctx.word_attrs(i, &mut |p| model.add_state(AttrHash::of(p), scores)),
    }
    for (slot, d) in features::NEAR.into_iter().enumerate() {
        let Some(j) = features::neighbour(i, d, seg) else {
            continue;
        };
        match cached_at(j) {
            Some(c) => words.add_neighbour(model, c, slot, scores),
            None => ctx.neighbour_attrs(j, d, &mut |p| model.add_state(AttrHash::of(p), scores)),
        }
    }
    context.add(model, i - seg.start, scores);
}

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
