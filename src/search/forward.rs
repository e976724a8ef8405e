//! Each document line's folded words in order, as word numbers of the postings: what a line
//! keeps of its folded key.
//!
//! A line's folded key was stored whole (about the text's size again) for the scans that
//! read every line: a one- or two-letter term, in nearly every line. Where a term made of
//! alphanumeric characters first occurs in a key is inside the first of its words that
//! holds it, and what that hit scores depends only on where it lies in that word and
//! whether the word starts the key; so a line's word numbers (a byte or two a word) say it,
//! without the key. A line's key is folded again only when its text must really be read.

use memchr::memchr;

use super::leb128;

/// The word numbers of every line, one line after the other.
#[derive(Debug, Default)]
pub(crate) struct Forward {
    /// Per line, each word's number plus one as LEB128, then a 0 (which no number plus one
    /// is, nor any byte of a longer number but its last, never 0).
    bytes: Vec<u8>,
    /// Per line, one bit: the line's key starts with its first word (nothing before it).
    starts: Vec<u64>,
    /// Number of lines.
    lines: usize,
    /// The line being added has no word yet.
    open: bool,
}

impl Forward {
    /// Adds word `id` to the line being added; `at_key_start`: the key starts with it.
    pub fn push_word(&mut self, id: u32, at_key_start: bool) {
        if !self.open && at_key_start {
            let (word, bit) = (self.lines / 64, self.lines % 64);
            if self.starts.len() <= word {
                self.starts.resize(word + 1, 0);
            }
            self.starts[word] |= 1 << bit;
        }
        self.open = true;
        leb128::push(&mut self.bytes, u64::from(id) + 1);
    }

    /// Ends the line being added.
    pub fn end_line(&mut self) {
        self.bytes.push(0);
        self.lines += 1;
        self.open = false;
    }

    /// Gives back spare room, once every line is added.
    pub fn finish(&mut self) {
        self.bytes.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    /// Bytes held: what a scan of every line reads at most.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.lines
    }

    fn starts_with_word(&self, line: usize) -> bool {
        self.starts
            .get(line / 64)
            .is_some_and(|w| w >> (line % 64) & 1 == 1)
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
                    f(line, id, first && self.starts_with_word(line));
                    first = false;
                }
                Some(Err(_)) => first = false,
            }
        }
    }

    /// For each line holding a word `table` gives a value (non-zero; words past its end
    /// have none): `f(line, value, at_key_start)` with the first such word's value, the
    /// rest of the line skipped.
    pub fn first_holding(&self, table: &[u8], mut f: impl FnMut(usize, u8, bool)) {
        let bytes = self.bytes.as_slice();
        let (mut at, mut line, mut first) = (0usize, 0usize, true);
        while let Some(&b) = bytes.get(at) {
            // Most lines' words are among the first 128 numbers: one byte, read in place.
            let (code, used) = if b < 0x80 {
                (u64::from(b), 1)
            } else {
                match leb128::read(bytes.get(at..).unwrap_or_default()) {
                    Some(read) => read,
                    None => return,
                }
            };
            at += used;
            let Some(id) = code.checked_sub(1) else {
                (line, first) = (line + 1, true);
                continue;
            };
            let value = usize::try_from(id).ok().and_then(|i| table.get(i).copied());
            match value.filter(|&v| v != 0) {
                Some(v) => {
                    f(line, v, first && self.starts_with_word(line));
                    // On to the line's end: its 0 (see `bytes`).
                    let rest = bytes.get(at..).unwrap_or_default();
                    let Some(end) = memchr(0, rest) else {
                        return;
                    };
                    (at, line, first) = (at + end + 1, line + 1, true);
                }
                None => first = false,
            }
        }
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
            f.end_line();
        }
        f.finish();
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
    fn the_first_word_holding_is_found_and_the_rest_of_its_line_skipped() {
        let f = forward(&[
            &[(1, true), (2, false), (300, false)],
            &[(0, false), (300, false), (2, false)],
            &[(0, true)],
            &[(2, true), (1, false)],
        ]);
        let mut table = vec![0u8; 301];
        (table[2], table[300]) = (5, 7);
        let mut got = Vec::new();
        f.first_holding(&table, |line, v, start| got.push((line, v, start)));
        assert_eq!(got, [(0, 5, false), (1, 7, false), (3, 5, true)]);
        // A table shorter than the vocabulary: the words past it hold nothing.
        got.clear();
        f.first_holding(&table[..3], |line, v, start| got.push((line, v, start)));
        assert_eq!(got, [(0, 5, false), (1, 5, false), (3, 5, true)]);
    }
}
