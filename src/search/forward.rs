//! Each document line's folded words in order, as word numbers of the postings: what a line
//! keeps of its folded key.
//!
//! A line's folded key was stored whole (about the text's size again) for the scans that
//! read every line: a one- or two-letter term, in nearly every line. Where a term made of
//! alphanumeric characters first occurs in a key is inside the first of its words that
//! holds it, and what that hit scores depends only on where it lies in that word and
//! whether the word starts the key; so a line's word numbers (a byte or two a word) say it,
//! without the key. A line's key is folded again only when its text must really be read.

use super::leb128;

/// A line's first and last words, as anchored terms need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edges {
    /// The first word, when the line's key starts with it (nothing before it).
    pub first: Option<u32>,
    /// The last word, when the line's key ends with it (nothing after it).
    pub last: Option<u32>,
    /// The line has one word only.
    pub single: bool,
}

/// The word numbers of every line, one line after the other.
#[derive(Debug, Default)]
pub(crate) struct Forward {
    /// Per line, each word's number plus one as LEB128, then a 0 (which no number plus one
    /// is, nor any byte of a longer number but its last, never 0).
    bytes: Vec<u8>,
    /// Per line, where its 0 lies in `bytes`: a line's words are read without the lines
    /// before it (4 bytes a line, where its text takes a hundred or more).
    ends: Vec<u32>,
    /// Per line, one bit: the line's key starts with its first word (nothing before it).
    starts: Vec<u64>,
    /// Per line, one bit: the line's key ends with its last word (nothing after it).
    key_ends: Vec<u64>,
    /// The line being added has no word yet.
    open: bool,
    /// `bytes` outgrew 32-bit offsets: the forward list (and the postings) are not made.
    too_big: bool,
}

/// Sets bit `n` of `bits`.
fn set_bit(bits: &mut Vec<u64>, n: usize) {
    let (word, bit) = (n / 64, n % 64);
    if bits.len() <= word {
        bits.resize(word + 1, 0);
    }
    bits[word] |= 1 << bit;
}

/// Bit `n` of `bits`.
fn bit(bits: &[u64], n: usize) -> bool {
    bits.get(n / 64).is_some_and(|w| w >> (n % 64) & 1 == 1)
}

/// The number a word code stands for (codes are numbers plus one).
fn word_id(code: u64) -> Option<u32> {
    code.checked_sub(1).and_then(|id| u32::try_from(id).ok())
}

impl Forward {
    /// Adds word `id` to the line being added; `at_key_start`: the key starts with it.
    pub fn push_word(&mut self, id: u32, at_key_start: bool) {
        if !self.open && at_key_start {
            set_bit(&mut self.starts, self.ends.len());
        }
        self.open = true;
        leb128::push(&mut self.bytes, u64::from(id) + 1);
    }

    /// Ends the line being added; `at_key_end`: its key ends with its last word.
    pub fn end_line(&mut self, at_key_end: bool) {
        if self.open && at_key_end {
            set_bit(&mut self.key_ends, self.ends.len());
        }
        match u32::try_from(self.bytes.len()) {
            Ok(end) => self.ends.push(end),
            Err(_) => self.too_big = true,
        }
        self.bytes.push(0);
        self.open = false;
    }

    /// Gives back spare room, once every line is added; `None` when the lines outgrew
    /// 32-bit offsets.
    pub fn finish(&mut self) -> Option<()> {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.key_ends.shrink_to_fit();
        (!self.too_big).then_some(())
    }

    /// The same lines with each word `id` numbered `new_of_old[id]` (see
    /// [`super::postings`]); `None` when a word has no new number or the lines outgrow
    /// 32-bit offsets.
    pub fn renumbered(&self, new_of_old: &[u32]) -> Option<Forward> {
        let mut out = Forward {
            bytes: Vec::with_capacity(self.bytes.len()),
            ends: Vec::with_capacity(self.ends.len()),
            starts: self.starts.clone(),
            key_ends: self.key_ends.clone(),
            open: false,
            too_big: false,
        };
        let mut rest = self.bytes.as_slice();
        while let Some((code, used)) = leb128::read(rest) {
            rest = rest.get(used..).unwrap_or_default();
            match code.checked_sub(1) {
                None => {
                    out.ends.push(u32::try_from(out.bytes.len()).ok()?);
                    out.bytes.push(0);
                }
                Some(old) => {
                    let new = *new_of_old.get(usize::try_from(old).ok()?)?;
                    leb128::push(&mut out.bytes, u64::from(new) + 1);
                }
            }
        }
        out.finish()?;
        Some(out)
    }

    /// Heap bytes of the word codes, the lines' ends and their bits.
    pub fn held(&self) -> usize {
        use super::held::vec_bytes;
        vec_bytes(&self.bytes)
            + vec_bytes(&self.ends)
            + vec_bytes(&self.starts)
            + vec_bytes(&self.key_ends)
    }

    /// Bytes of the lines' word codes: what reading every line's words costs.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.ends.len()
    }

    /// Calls `f(line, id, at_key_start)` for every word of every line, in order
    /// (`at_key_start`: the word is the line's first and its key starts with it).
    pub fn for_each(&self, mut f: impl FnMut(usize, u32, bool)) {
        let mut line = 0;
        let mut first = true;
        let mut rest = self.bytes.as_slice();
        while let Some((code, used)) = leb128::read(rest) {
            rest = rest.get(used..).unwrap_or_default();
            match code.checked_sub(1).map(u32::try_from) {
                None => {
                    line += 1;
                    first = true;
                }
                Some(Ok(id)) => {
                    f(line, id, first && bit(&self.starts, line));
                    first = false;
                }
                Some(Err(_)) => first = false,
            }
        }
    }

    /// Line `line`'s word codes (without its 0): each a word's number plus one, LEB128.
    pub(crate) fn words(&self, line: usize) -> &[u8] {
        let end = self.ends.get(line).map_or(0, |&e| e as usize);
        let start = match line.checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(end, |&e| e as usize + 1),
            None => 0,
        };
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// The kind ([`WordKinds`]) of the first of line `line`'s words holding the term, and
    /// whether that word starts the line's key. Each word costs one look at its block of
    /// `kinds`, whose bits stay in the cache where a byte per word of a vocabulary of
    /// millions would not.
    pub fn first_in(&self, line: usize, kinds: &WordKinds) -> Option<(u8, bool)> {
        let words = self.words(line);
        let mut at = 0;
        let mut first = true;
        while let Some(&b) = words.get(at) {
            // Words are numbered by count (see `super::postings`): most lines' words are
            // among the first 128 numbers, one byte, read in place.
            let (code, used) = if b < 0x80 {
                (u64::from(b), 1)
            } else {
                leb128::read(words.get(at..).unwrap_or_default())?
            };
            at += used;
            if let Some(kind) = word_id(code).and_then(|id| kinds.kind(id)) {
                return Some((kind, first && bit(&self.starts, line)));
            }
            first = false;
        }
        None
    }

    /// Line `line`'s first and last words, as far as its key starts or ends with them;
    /// `None` for a line without words.
    pub fn edges(&self, line: usize) -> Option<Edges> {
        let words = self.words(line);
        let (code, used) = leb128::read(words)?;
        // The last number starts after the last byte before its own that ends one.
        let last_at = words
            .get(..words.len() - 1)
            .unwrap_or_default()
            .iter()
            .rposition(|&b| b < 0x80)
            .map_or(0, |i| i + 1);
        let last = leb128::read(words.get(last_at..).unwrap_or_default());
        Some(Edges {
            first: word_id(code).filter(|_| bit(&self.starts, line)),
            last: last
                .and_then(|(c, _)| word_id(c))
                .filter(|_| bit(&self.key_ends, line)),
            single: used == words.len(),
        })
    }
}

/// Per word (by number), whether it holds a term and, when it does, the kind of its first
/// hit: `starts the word | ends the word << 1`. Three bits a word, the 64 words' bits of
/// each side by side: a word's kind is read in one look at memory (a byte per word, beside
/// a bit per word to test first, took two, and a pass over the vocabulary to make).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct WordKinds {
    /// Per 64 words: the words holding the term, those whose hit starts them, those whose
    /// hit ends them.
    blocks: Vec<[u64; 3]>,
}

impl WordKinds {
    /// No word of a vocabulary of `words` words holds the term yet.
    pub fn new(words: usize) -> WordKinds {
        WordKinds {
            blocks: vec![[0; 3]; words.div_ceil(64)],
        }
    }

    /// Word `id` holds the term, its first hit of `kind` (`starts | ends << 1`); a word
    /// past the vocabulary given to [`WordKinds::new`] is left out.
    pub fn set(&mut self, id: u32, kind: u8) {
        let (block, bit) = (id as usize / 64, id % 64);
        if let Some(b) = self.blocks.get_mut(block) {
            b[0] |= 1 << bit;
            b[1] |= u64::from(kind & 1) << bit;
            b[2] |= u64::from(kind >> 1 & 1) << bit;
        }
    }

    /// The kind of word `id`'s first hit; `None` when it does not hold the term.
    pub fn kind(&self, id: u32) -> Option<u8> {
        let [held, starts, ends] = *self.blocks.get(id as usize / 64)?;
        let bit = id % 64;
        (held >> bit & 1 == 1)
            .then(|| u8::try_from(starts >> bit & 1 | (ends >> bit & 1) << 1).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forward(lines: &[&[(u32, bool)]]) -> Forward {
        let mut f = Forward::default();
        for line in lines {
            for &(id, start) in *line {
                f.push_word(id, start);
            }
            f.end_line(true);
        }
        assert_eq!(f.finish(), Some(()));
        f
    }

    #[test]
    fn words_read_back_in_order_with_the_key_start() {
        let f = forward(&[
            &[(3, true), (200, false)],
            &[],
            &[(70_000, false), (3, false)],
        ]);
        assert_eq!(f.lines(), 3);
        let mut got = Vec::new();
        f.for_each(|line, id, start| got.push((line, id, start)));
        assert_eq!(
            got,
            [
                (0, 3, true),
                (0, 200, false),
                (2, 70_000, false),
                (2, 3, false)
            ]
        );
    }

    #[test]
    fn the_first_word_holding_is_found_in_each_line() {
        let f = forward(&[
            &[(1, true), (2, false), (300, false)],
            &[(0, false), (300, false), (2, false)],
            &[(0, true)],
            &[(2, true), (1, false)],
        ]);
        let mut kinds = WordKinds::new(301);
        kinds.set(2, 0b01);
        kinds.set(300, 0b10);
        let got: Vec<_> = (0..4).map(|l| f.first_in(l, &kinds)).collect();
        assert_eq!(
            got,
            [Some((1, false)), Some((2, false)), None, Some((1, true))]
        );
        // A vocabulary shorter than the words: the words past it hold nothing.
        let mut short = WordKinds::new(3);
        short.set(2, 0b01);
        short.set(300, 0b10);
        let got: Vec<_> = (0..4).map(|l| f.first_in(l, &short)).collect();
        assert_eq!(
            got,
            [Some((1, false)), Some((1, false)), None, Some((1, true))]
        );
    }

    #[test]
    fn each_word_keeps_its_own_kind_beside_the_others_of_its_block() {
        let mut kinds = WordKinds::new(200);
        for (id, kind) in [(0, 0b00), (1, 0b11), (63, 0b10), (64, 0b01), (199, 0b11)] {
            kinds.set(id, kind);
        }
        let got: Vec<_> = [0, 1, 2, 63, 64, 65, 199, 200, 5000]
            .map(|id| kinds.kind(id))
            .to_vec();
        assert_eq!(
            got,
            [
                Some(0),
                Some(3),
                None,
                Some(2),
                Some(1),
                None,
                Some(3),
                None,
                None
            ]
        );
    }

    #[test]
    fn each_line_gives_its_edge_words_as_far_as_its_key_starts_and_ends_with_them() {
        let mut f = Forward::default();
        for (words, at_end) in [
            (&[(3, true), (200, false), (70_000, false)][..], true),
            (&[][..], true),
            (&[(300, false)][..], true),
            (&[(5, true)][..], false),
        ] {
            for &(id, start) in words {
                f.push_word(id, start);
            }
            f.end_line(at_end);
        }
        assert_eq!(f.finish(), Some(()));
        let got: Vec<_> = (0..4).map(|l| f.edges(l)).collect();
        let edges = |first, last, single| {
            Some(Edges {
                first,
                last,
                single,
            })
        };
        assert_eq!(
            got,
            [
                edges(Some(3), Some(70_000), false),
                None,
                edges(None, Some(300), true),
                edges(Some(5), None, true)
            ]
        );
    }
}
