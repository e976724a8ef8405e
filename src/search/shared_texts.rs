//! Which entries have each distinct skeleton text, once a vocabulary is shared with the
//! folded words ([`super::super::entry_words`]): entry `n` is folded word `n`'s skeleton,
//! and many words share one (on a generated corpus 1.46 million entries
//! have 0.9 million texts at 20k articles). Each text is held once, and a term's shape is
//! tried once per text.
//!
//! The texts are laid out in order of their first (lowest) entry, so that text `n`'s first
//! entry is the `n`-th entry marked first: one bit an entry, not a number. The other
//! entries of a text (repeats) are listed by text.

/// The entries of each distinct text (see the module doc).
#[derive(Debug, Default)]
pub(super) struct Shared {
    /// One bit per entry: set for the first entry of its text.
    firsts: Vec<u64>,
    /// The first entry of every 64th text (text `64 n`'s is `samples[n]`): where counting
    /// the marked entries starts.
    samples: Vec<u32>,
    /// (text, entry) for each entry that is not its text's first, sorted.
    repeats: Vec<(u32, u32)>,
    /// Number of entries: one past the greatest.
    len: usize,
}

/// Builds [`Shared`] from each entry's text, entries ascending.
pub(super) struct SharedBuilder {
    shared: Shared,
    /// Texts so far.
    texts: u32,
    /// The last entry added plus one.
    next: u32,
}

impl SharedBuilder {
    /// A builder for entries below `len`, `repeats` of them not first of their text.
    pub fn new(len: usize, repeats: usize) -> SharedBuilder {
        let shared = Shared {
            firsts: vec![0; len.div_ceil(64)],
            repeats: Vec::with_capacity(repeats),
            len,
            ..Shared::default()
        };
        SharedBuilder {
            shared,
            texts: 0,
            next: 0,
        }
    }

    /// Adds `entry` (above every entry added so far, below `len`) as an entry of the text
    /// numbered `text` when `text` is `Some`, else as the first of a new text, numbered the
    /// count of texts so far (returned). `None` when the entry is out of order or range.
    pub fn add(&mut self, entry: u32, text: Option<u32>) -> Option<u32> {
        let slot = usize::try_from(entry)
            .ok()
            .filter(|&e| e < self.shared.len)?;
        if entry < self.next {
            return None;
        }
        self.next = entry.checked_add(1)?;
        if let Some(text) = text {
            self.shared.repeats.push((text, entry));
            return Some(text);
        }
        let text = self.texts;
        if text.is_multiple_of(64) {
            self.shared.samples.push(entry);
        }
        *self.shared.firsts.get_mut(slot / 64)? |= 1 << (slot % 64);
        self.texts = text.checked_add(1)?;
        Some(text)
    }

    /// The entries of each text, and the number of texts.
    pub fn finish(mut self) -> (Shared, u32) {
        // Added by entry; read by text.
        self.shared.repeats.sort_unstable();
        self.shared.samples.shrink_to_fit();
        (self.shared, self.texts)
    }
}

impl Shared {
    /// Heap bytes held.
    pub fn held(&self) -> usize {
        use super::super::held::vec_bytes;
        vec_bytes(&self.firsts) + vec_bytes(&self.samples) + vec_bytes(&self.repeats)
    }

    /// Number of entries: one past the greatest.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The first entry of text `text`: the `text`-th entry marked, counted from the
    /// nearest sample before it.
    fn first(&self, text: u32) -> Option<u32> {
        let sample = *self.samples.get(usize::try_from(text / 64).ok()?)?;
        let at = super::super::bit_select::nth_one(&self.firsts, u64::from(sample), text % 64)?;
        u32::try_from(at).ok()
    }

    /// Appends the entries of each of `texts` (ascending, each once) to `out`: its first,
    /// then its repeats.
    pub fn entries_of(&self, texts: impl Iterator<Item = u32>, out: &mut Vec<u32>) {
        let mut rest = self.repeats.as_slice();
        for text in texts {
            out.extend(self.first(text));
            rest = rest.get(below(rest, text)..).unwrap_or_default();
            let mine = text
                .checked_add(1)
                .map_or(rest.len(), |next| below(rest, next));
            out.extend(rest.iter().take(mine).map(|&(_, e)| e));
            rest = rest.get(mine..).unwrap_or_default();
        }
    }
}

/// How many of `repeats` (sorted) are of texts below `text`, galloping from the start: the
/// texts asked for lie close together when many are met (a one-letter term meets most).
fn below(repeats: &[(u32, u32)], text: u32) -> usize {
    let mut bound = 0;
    while repeats.get(bound).is_some_and(|&(t, _)| t < text) {
        bound = bound * 2 + 1;
    }
    let end = bound.saturating_add(1).min(repeats.len());
    let head = repeats.get(..end).unwrap_or_default();
    head.partition_point(|&(t, _)| t < text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_gives_back_its_entries() {
        // 200 entries over texts: entry e's text is the first of e's residue class mod 7
        // for e < 140 (texts 0..7, repeats after), then one text each.
        let mut b = SharedBuilder::new(203, 133);
        let mut text_of = Vec::new();
        for e in 0u32..200 {
            let text = (7..140).contains(&e).then(|| text_of[(e % 7) as usize]);
            text_of.push(b.add(e + 3, text).unwrap_or(u32::MAX));
        }
        assert_eq!(b.add(5, None), None, "out of order");
        let (shared, texts) = b.finish();
        assert_eq!(texts, 7 + 60);
        for text in 0..texts {
            let mut got = Vec::new();
            shared.entries_of(std::iter::once(text), &mut got);
            let want: Vec<u32> = (0u32..200)
                .filter(|&e| text_of[e as usize] == text)
                .map(|e| e + 3)
                .collect();
            assert_eq!(got, want, "text {text}");
        }
        let mut all = Vec::new();
        shared.entries_of(0..texts, &mut all);
        all.sort_unstable();
        assert_eq!(all, (3u32..203).collect::<Vec<_>>());
    }
}
