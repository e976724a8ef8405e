//! The panels' mentions packed as bytes: a corpus of news has about one mention per 30
//! bytes of text, and as three numbers of 9 bytes they were a third of the corpus's size
//! at 20,000 articles. Each mention is three LEB128 numbers: the gap from the end of the
//! mention before it to its start, its length (shifted left one bit, the low bit set when
//! it starts before that end, as an overlapping mention does), and its entity's code. The
//! codes number the entities by their corpus count, most mentioned first, so that the
//! usual mention's entity takes one or two bytes; most gaps and lengths take one. A
//! document's mentions are read in the order they were given, one at a time, by
//! [`Mentions`]: no caller needs more than one pass, or more than one document.

use super::held_facts::{EntityRow, MentionRef};
use crate::search::leb128;

/// Which code each entity row has and which row each code stands for: rows by their
/// corpus count, most mentioned first (ties in row order). Rows past `u32` numbers, which
/// no mention can point at, and any number past the rows, stand for themselves.
#[derive(Debug, Clone, Default)]
pub struct Codes {
    /// The code of each row.
    of_row: Vec<u32>,
    /// The row of each code.
    rows: Vec<u32>,
}

impl Codes {
    /// The codes of `rows`.
    pub fn new(rows: &[EntityRow]) -> Codes {
        let mut by_count: Vec<u32> = (0..u32::try_from(rows.len()).unwrap_or(u32::MAX)).collect();
        by_count.sort_by_key(|&r| {
            let count = rows.get(r as usize).map_or(0, |row| row.mentions);
            (std::cmp::Reverse(count), r)
        });
        let mut of_row = vec![0; by_count.len()];
        for (code, &row) in (0u32..).zip(&by_count) {
            if let Some(slot) = of_row.get_mut(row as usize) {
                *slot = code;
            }
        }
        Codes {
            of_row,
            rows: by_count,
        }
    }

    /// The code of entity row `row`.
    fn code(&self, row: usize) -> usize {
        self.of_row.get(row).map_or(row, |&c| c as usize)
    }

    /// The codes' rows alone: all that reading mentions needs.
    pub fn into_rows(self) -> Vec<u32> {
        self.rows
    }
}

/// Appends mention `m` of entity code `code` to `out`; `end` is where the mention before
/// it in its document ended (0 before the first), and is moved to where this one ends.
pub fn push(out: &mut Vec<u8>, end: &mut usize, m: MentionRef, codes: &Codes) {
    let (gap, before) = match m.start().checked_sub(*end) {
        Some(gap) => (gap, 0),
        None => (*end - m.start(), 1),
    };
    // A mention's length is below 64 KiB (`MentionRef::new`), so shifted it fits.
    let len = (m.end() - m.start()) as u64;
    leb128::push(out, gap as u64);
    leb128::push(out, len << 1 | before);
    leb128::push(out, codes.code(m.entity()) as u64);
    *end = m.end();
}

/// One document's mentions read from their packed bytes, in the order they were given.
#[derive(Debug, Clone)]
pub struct Mentions<'a> {
    /// What is left of the document's bytes.
    bytes: &'a [u8],
    /// Where the mention read last ended (0 before the first).
    end: usize,
    /// The row each entity code stands for.
    rows: &'a [u32],
}

impl<'a> Mentions<'a> {
    /// The mentions packed in `bytes`, their entities' rows by code in `rows`.
    pub fn new(bytes: &'a [u8], rows: &'a [u32]) -> Mentions<'a> {
        Mentions {
            bytes,
            end: 0,
            rows,
        }
    }

    /// No mentions.
    pub fn none() -> Mentions<'static> {
        Mentions::new(&[], &[])
    }
}

impl Iterator for Mentions<'_> {
    type Item = MentionRef;

    fn next(&mut self) -> Option<MentionRef> {
        let (gap, a) = leb128::read(self.bytes)?;
        let (len, b) = leb128::read(self.bytes.get(a..)?)?;
        let (code, c) = leb128::read(self.bytes.get(a + b..)?)?;
        self.bytes = self.bytes.get(a + b + c..)?;
        let gap = usize::try_from(gap).ok()?;
        let start = match len & 1 {
            0 => self.end.checked_add(gap)?,
            _ => self.end.checked_sub(gap)?,
        };
        let end = start.checked_add(usize::try_from(len >> 1).ok()?)?;
        let code = usize::try_from(code).ok()?;
        let entity = self.rows.get(code).map_or(code, |&row| row as usize);
        self.end = end;
        MentionRef::new(start, end, entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;

    fn row(mentions: usize) -> EntityRow {
        EntityRow {
            kind: Kind::Person,
            name: String::new(),
            value: None,
            docs: 1,
            mentions,
        }
    }

    #[test]
    fn mentions_read_back_as_given_in_about_four_bytes() {
        let rows: Vec<EntityRow> = [1, 50, 3, 900].map(row).to_vec();
        let codes = Codes::new(&rows);
        // Out of order, overlapping, empty, far apart, long, and past the rows.
        let given: Vec<MentionRef> = [
            (10, 16, 3),
            (12, 14, 1),
            (12, 12, 0),
            (5, 9, 2),
            (70_000, 70_400, 3),
            (u32::MAX as usize - 9, u32::MAX as usize, 7),
            (0, 65_535, 1),
        ]
        .into_iter()
        .filter_map(|(s, e, r)| MentionRef::new(s, e, r))
        .collect();
        assert_eq!(given.len(), 7);
        let (mut out, mut end) = (Vec::new(), 0);
        for &m in &given {
            push(&mut out, &mut end, m, &codes);
        }
        let rows = codes.into_rows();
        assert_eq!(rows, [3, 1, 2, 0]);
        let back: Vec<MentionRef> = Mentions::new(&out, &rows).collect();
        assert_eq!(back, given);
        // Near mentions of the most mentioned entities: three bytes each.
        let (mut near, mut end) = (Vec::new(), 0);
        let codes = Codes::new(&[1, 50, 3, 900].map(row));
        for at in 0..100 {
            let m = MentionRef::new(at * 30, at * 30 + 12, at % 2 * 2 + 1);
            push(&mut near, &mut end, m.unwrap_or(given[0]), &codes);
        }
        assert_eq!(near.len(), 300);
        assert_eq!(Mentions::none().count(), 0);
    }
}
