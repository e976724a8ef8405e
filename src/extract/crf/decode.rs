//! Viterbi decoding over a model's transitions, a block of labels at a time, and the label
//! marginals by forward-backward ([`Transitions::marginals_into`]).
//!
//! The step from one token to the next takes, for every label, the best of every label
//! before it plus the transition. Made label by label, the inner loop was a chain of
//! dependent compares, a tenth of the tagger's instructions; made from-label by from-label
//! over a block of [`LANES`] to-labels, the compares are independent and the compiler keeps
//! them in vector registers. The additions and the tie rule are those of the label-by-label
//! loop (the first best predecessor wins), so the paths are the same.

/// To-labels decoded at once; rows of transitions are padded to a multiple of it.
const LANES: usize = 8;

/// Transition weights from-major, each row padded to a multiple of [`LANES`] (zeros past
/// the last label, never read back).
#[derive(Debug, Default)]
pub struct Transitions {
    /// Labels.
    n: usize,
    /// Floats a row takes: `n` rounded up to a multiple of [`LANES`].
    width: usize,
    /// `n` rows of `width`: row `i`, column `j` is the weight of label `i` then `j`.
    from: Vec<f32>,
}

impl Transitions {
    /// The transitions of `n` labels from the file's `n * n` weights, from-major.
    pub fn new(n: usize, weights: &[f32]) -> Transitions {
        let width = n.next_multiple_of(LANES);
        let mut from = vec![0.0; n * width];
        for (row, w) in from
            .chunks_exact_mut(width)
            .zip(weights.chunks_exact(n.max(1)))
        {
            row[..n].copy_from_slice(w);
        }
        Transitions { n, width, from }
    }

    /// Bytes the weights take.
    pub fn bytes(&self) -> usize {
        self.from.len() * std::mem::size_of::<f32>()
    }

    /// The best label sequence for per-token state scores `state`, token-major (`n` per
    /// token), into `path`, with scratch space `d` kept between calls.
    pub fn viterbi_into(&self, state: &[f32], d: &mut Decoder, path: &mut Vec<usize>) {
        path.clear();
        let (n, width) = (self.n, self.width);
        if n == 0 || state.is_empty() {
            return;
        }
        let len = state.len() / n;
        d.score.clear();
        d.score.extend_from_slice(&state[..n]);
        d.score.resize(width, 0.0);
        d.next.clear();
        d.next.resize(width, 0.0);
        d.back.clear();
        d.back.resize(len * width, 0);
        for t in 1..len {
            // Lanes past the last label may take the next token's scores: their sums are
            // never read (the path and the next step read labels below `n` only).
            let here = &state[t * n..];
            let back = &mut d.back[t * width..(t + 1) * width];
            let blocks = d
                .next
                .chunks_exact_mut(LANES)
                .zip(back.chunks_exact_mut(LANES));
            for (b, (next, back)) in blocks.enumerate() {
                let at = b * LANES;
                let (best, from) = self.best_before(&d.score[..n], at);
                let add = lanes_from(here, at);
                for k in 0..LANES {
                    next[k] = best[k] + add[k];
                }
                back.copy_from_slice(&from);
            }
            std::mem::swap(&mut d.score, &mut d.next);
        }
        let mut last = (0..n)
            .max_by(|&a, &b| d.score[a].total_cmp(&d.score[b]))
            .unwrap_or(0);
        path.resize(len, 0);
        for t in (0..len).rev() {
            path[t] = last;
            last = usize::try_from(d.back[t * width + last]).unwrap_or(0);
        }
    }

    /// Per-token label marginals for state scores `state` (token-major, `n` per token), by
    /// forward-backward in log space, into `out` (token-major, each token's summing to 1).
    /// Beside the Viterbi path they say how sure the tagger is of each token's label.
    pub fn marginals_into(&self, state: &[f32], out: &mut Vec<f32>) {
        out.clear();
        let n = self.n;
        if n == 0 || state.len() < n {
            return;
        }
        let len = state.len() / n;
        let trans = |i: usize, j: usize| self.from[i * self.width + j];
        let mut alpha = vec![0.0f32; len * n];
        let mut beta = vec![0.0f32; len * n];
        alpha[..n].copy_from_slice(&state[..n]);
        for t in 1..len {
            for j in 0..n {
                let prev = (0..n).map(|i| alpha[(t - 1) * n + i] + trans(i, j));
                alpha[t * n + j] = log_sum_exp(prev) + state[t * n + j];
            }
        }
        for t in (0..len.saturating_sub(1)).rev() {
            for i in 0..n {
                let next =
                    (0..n).map(|j| trans(i, j) + state[(t + 1) * n + j] + beta[(t + 1) * n + j]);
                beta[t * n + i] = log_sum_exp(next);
            }
        }
        let z = log_sum_exp(alpha[(len - 1) * n..].iter().copied());
        out.extend(alpha.iter().zip(&beta).map(|(a, b)| (a + b - z).exp()));
    }

    /// For the to-labels `at..at + LANES`, the best of `score[i]` plus the transition from
    /// `i`, and that `i` (the first on ties, as a fold from negative infinity keeps it).
    #[inline]
    fn best_before(&self, score: &[f32], at: usize) -> ([f32; LANES], [u32; LANES]) {
        let mut best = [f32::NEG_INFINITY; LANES];
        let mut from = [0u32; LANES];
        for ((&s, row), i) in score
            .iter()
            .zip(self.from.chunks_exact(self.width))
            .zip(0u32..)
        {
            let Some(row) = row.get(at..).and_then(<[f32]>::first_chunk::<LANES>) else {
                continue;
            };
            for k in 0..LANES {
                let v = s + row[k];
                let better = v > best[k];
                best[k] = if better { v } else { best[k] };
                from[k] = if better { i } else { from[k] };
            }
        }
        (best, from)
    }
}

/// The block of `LANES` scores of `here` from `at`, in one load where `here` holds them
/// all, else those it has and zeros after.
#[inline(always)]
fn lanes_from(here: &[f32], at: usize) -> [f32; LANES] {
    if let Some(block) = here.get(at..).and_then(<[f32]>::first_chunk::<LANES>) {
        return *block;
    }
    std::array::from_fn(|k| here.get(at + k).copied().unwrap_or(0.0))
}

/// `ln(sum(exp(x)))` of `xs`, shifted by their largest so that no term overflows.
fn log_sum_exp(xs: impl Iterator<Item = f32> + Clone) -> f32 {
    let top = xs.clone().fold(f32::NEG_INFINITY, f32::max);
    if top == f32::NEG_INFINITY {
        return top;
    }
    top + xs.map(|x| (x - top).exp()).sum::<f32>().ln()
}

/// Scratch space for [`Transitions::viterbi_into`].
#[derive(Debug, Default)]
pub struct Decoder {
    score: Vec<f32>,
    next: Vec<f32>,
    /// Per token and label (rows of the padded width), the best label before it: 32 bits,
    /// as wide as a score, so that a block's choices are kept in the same vector lanes as
    /// its compares (kept as bytes, each lane was tested and moved on its own).
    back: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label-by-label decoder this one replaced, as the reference.
    fn reference(n: usize, trans: &[f32], state: &[f32]) -> Vec<usize> {
        let len = state.len() / n;
        if len == 0 {
            return Vec::new();
        }
        let mut score = state[..n].to_vec();
        let mut back = vec![0usize; len * n];
        for t in 1..len {
            let next: Vec<f32> = (0..n)
                .map(|j| {
                    let (mut best, mut from) = (f32::NEG_INFINITY, 0);
                    for (i, s) in score.iter().enumerate() {
                        let v = s + trans[i * n + j];
                        if v > best {
                            (best, from) = (v, i);
                        }
                    }
                    back[t * n + j] = from;
                    best + state[t * n + j]
                })
                .collect();
            score = next;
        }
        let mut last = (0..n)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap_or(0);
        let mut path = vec![0; len];
        for t in (0..len).rev() {
            path[t] = last;
            last = back[t * n + last];
        }
        path
    }

    /// Pseudo-random weights (xorshift from `seed`): `values` distinct ones, `step` apart,
    /// from -2.
    fn weights(mut x: u64, values: u64, step: f32) -> impl FnMut() -> f32 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            f32::from(u8::try_from(x % values).unwrap_or(0)) * step - 2.0
        }
    }

    #[test]
    fn decodes_as_the_label_by_label_loop() {
        // Pseudo-random weights with ties (few distinct values), label counts around the
        // block width.
        let mut next = weights(0x2545_f491_4f6c_dd1d, 5, 1.0);
        for n in [1, 2, 7, 8, 9, 17] {
            for len in [0, 1, 2, 5, 40] {
                let trans: Vec<f32> = (0..n * n).map(|_| next()).collect();
                let state: Vec<f32> = (0..n * len).map(|_| next()).collect();
                let t = Transitions::new(n, &trans);
                let mut path = Vec::new();
                t.viterbi_into(&state, &mut Decoder::default(), &mut path);
                assert_eq!(path, reference(n, &trans, &state), "n {n} len {len}");
            }
        }
    }

    /// Marginals by summing the weight of every label sequence, for small cases.
    fn brute_marginals(n: usize, trans: &[f32], state: &[f32]) -> Vec<f64> {
        let len = state.len() / n;
        let mut sums = vec![0.0f64; len * n];
        let mut total = 0.0;
        for code in 0..n.pow(u32::try_from(len).unwrap_or(0)) {
            let path: Vec<usize> = (0..len)
                .map(|t| code / n.pow(u32::try_from(t).unwrap_or(0)) % n)
                .collect();
            let mut score = 0.0f64;
            for (t, &l) in path.iter().enumerate() {
                score += f64::from(state[t * n + l]);
                if t > 0 {
                    score += f64::from(trans[path[t - 1] * n + l]);
                }
            }
            let w = score.exp();
            total += w;
            for (t, &l) in path.iter().enumerate() {
                sums[t * n + l] += w;
            }
        }
        sums.iter().map(|s| s / total).collect()
    }

    #[test]
    fn marginals_sum_the_weight_of_every_path() {
        let mut next = weights(0x9e37_79b9_7f4a_7c15, 9, 0.5);
        for n in [1usize, 2, 3, 9] {
            for len in [0u32, 1, 2, 4] {
                if n.pow(len) > 10_000usize {
                    continue;
                }
                let len = usize::try_from(len).unwrap_or(0);
                let trans: Vec<f32> = (0..n * n).map(|_| next()).collect();
                let state: Vec<f32> = (0..n * len).map(|_| next()).collect();
                let mut got = Vec::new();
                Transitions::new(n, &trans).marginals_into(&state, &mut got);
                let want = brute_marginals(n, &trans, &state);
                assert_eq!(got.len(), want.len(), "n {n} len {len}");
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        (f64::from(*g) - w).abs() < 1e-5,
                        "n {n} len {len}: {g} vs {w}"
                    );
                }
            }
        }
    }
}
