//! The folded words numbered by how often they are met, most first (issue 13).
//!
//! A line keeps its words' numbers as LEB128 ([`super::super::forward`]): numbered as first
//! met, a corpus's common words took two bytes or three; numbered by count, the 127 most
//! frequent take one, and a one-letter term's scan over every line's words looks up a small,
//! hot set of the per-word bits. Words met once come last, in the order met, so their lines
//! ascend with their numbers and each is held inline, not as a list
//! ([`super::super::lists`]). Every number given out later (skeleton entries, the words'
//! lists, the lines' words) is of this order.

use std::cmp::Reverse;

use super::{Ends, Forward, Vocab, word_at};

/// `vocab` and `forward` with the words numbered by how often `forward` holds them, most
/// first, ties in the order first met; and how many are met more than once (they come
/// first). `None` past 32-bit numbers.
pub(super) fn by_frequency(vocab: Vocab, forward: Forward) -> Option<(Vocab, Forward, usize)> {
    let mut counts = vec![0u32; vocab.len()];
    forward.for_each(|_, id, _| {
        if let Some(c) = counts.get_mut(id as usize) {
            *c = c.saturating_add(1);
        }
    });
    let listed = counts.iter().filter(|&&c| c > 1).count();
    let mut order: Vec<u32> = (0..u32::try_from(vocab.len()).ok()?).collect();
    let count = |id: u32| counts.get(id as usize).copied().unwrap_or(0);
    order.sort_unstable_by_key(|&id| (Reverse(count(id)), id));
    let vocab = reordered(vocab, &order)?;
    // The counts are not read again: their room takes each word's new number.
    let mut new_of_old = counts;
    for (new, &old) in (0u32..).zip(&order) {
        if let Some(slot) = new_of_old.get_mut(old as usize) {
            *slot = new;
        }
    }
    drop(order);
    let forward = forward.renumbered(&new_of_old)?;
    Some((vocab, forward, listed))
}

/// The words of `vocab` in the order `order` gives their old numbers.
fn reordered(vocab: Vocab, order: &[u32]) -> Option<Vocab> {
    let mut out = Vocab {
        words: String::with_capacity(vocab.words.len()),
        ends: Ends::default(),
    };
    for &old in order {
        out.words.push_str(word_at(&vocab.words, &vocab.ends, old));
        out.words.push('\n');
        out.ends.push(u32::try_from(out.words.len()).ok()?)?;
    }
    out.ends.shrink_to_fit();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::Postings;

    #[test]
    fn words_are_numbered_by_count_and_those_met_once_in_the_order_met() {
        let p = Postings::build(["zeta alfa beta", "gamma alfa", "beta alfa delta"].into_iter())
            .unwrap_or_default();
        let words: Vec<&str> = (0..6).map(|id| p.word(id)).collect();
        assert_eq!(words, ["alfa", "beta", "zeta", "gamma", "delta", ""]);
        // Each line's words read back in the new numbers.
        let mut got = Vec::new();
        p.forward
            .for_each(|line, id, _| got.push((line, p.word(id))));
        let want = [
            (0, "zeta"),
            (0, "alfa"),
            (0, "beta"),
            (1, "gamma"),
            (1, "alfa"),
            (2, "beta"),
            (2, "alfa"),
            (2, "delta"),
        ];
        assert_eq!(got, want);
        for (id, lines) in [
            (0, vec![0, 1, 2]),
            (1, vec![0, 2]),
            (3, vec![1]),
            (4, vec![2]),
        ] {
            let mut got = Vec::new();
            p.lines.for_each(id, |line, _| got.push(line));
            assert_eq!(got, lines, "word {id}");
        }
    }
}
