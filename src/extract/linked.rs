//! The linked mentions of one document packed as bytes, as [`super::MentionTable`] holds
//! them: about one mention per 30 bytes of text, and as 12-byte rows they were 0.43 times
//! the corpus at 20,000 generated articles, the most extraction kept. Each mention is
//! LEB128 numbers: the gap from the end of the mention before it to its start (shifted
//! left one bit, the low bit set when it starts before that end), its length (shifted
//! left one bit, the low bit set when a date's value follows), the value's number when
//! it has one, and its entity's number as linking gave it out (renumbered when read).
//! Most gaps and lengths take a byte, an entity two: about four bytes a mention.

use crate::search::leb128;

/// No number: a mention past the numbers a table holds (none is made: offsets are 32
/// bits, and as many entities or values would take far more memory than a machine has).
pub(super) const NONE: u32 = u32::MAX;

/// A linked mention as read from its table: its byte range in its document's text, its
/// entity and its date's value's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linked {
    start: u32,
    end: u32,
    entity: u32,
    /// The number of its date's value in its table, or [`NONE`].
    value: u32,
}

impl Linked {
    /// Byte offset of the start in the document text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset past the end.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Index into [`super::MentionTable::entities`].
    pub fn entity(&self) -> usize {
        self.entity as usize
    }

    /// The number of its date's value, when it has one.
    pub(super) fn value(&self) -> Option<u32> {
        (self.value != NONE).then_some(self.value)
    }
}

/// Appends the mention of bytes `start..stop`, of date value `value` ([`NONE`] for none)
/// and entity number `entity`, to `out`; `end` is where the mention before it in its
/// document ended (0 before the first), and is moved to where this one ends.
pub(super) fn push(
    out: &mut Vec<u8>,
    end: &mut u32,
    (start, stop): (u32, u32),
    value: u32,
    entity: u32,
) {
    let (gap, before) = match start.checked_sub(*end) {
        Some(gap) => (gap, 0),
        None => (*end - start, 1),
    };
    let has_value = u64::from(value != NONE);
    leb128::push(out, u64::from(gap) << 1 | before);
    leb128::push(out, u64::from(stop.saturating_sub(start)) << 1 | has_value);
    if value != NONE {
        leb128::push(out, u64::from(value));
    }
    leb128::push(out, u64::from(entity));
    *end = stop.max(start);
}

/// One document's mentions read from their packed bytes, in the order they were given,
/// each entity renumbered through the table's map.
#[derive(Debug, Clone)]
pub struct DocMentions<'a> {
    /// What is left of the document's bytes.
    bytes: &'a [u8],
    /// Where the mention read last ended (0 before the first).
    end: u32,
    /// Each entity number given out while linking, renumbered.
    remap: &'a [u32],
}

impl<'a> DocMentions<'a> {
    /// The mentions packed in `bytes`, their entities renumbered through `remap`.
    pub(super) fn new(bytes: &'a [u8], remap: &'a [u32]) -> DocMentions<'a> {
        DocMentions {
            bytes,
            end: 0,
            remap,
        }
    }

    /// The next number of the bytes left.
    fn number(&mut self) -> Option<u64> {
        let (n, len) = leb128::read(self.bytes)?;
        self.bytes = self.bytes.get(len..)?;
        Some(n)
    }
}

impl Iterator for DocMentions<'_> {
    type Item = Linked;

    fn next(&mut self) -> Option<Linked> {
        // A gap and a length are 32-bit numbers shifted left one bit: read as 64.
        let gap = self.number()?;
        let len = self.number()?;
        let value = match len & 1 {
            1 => u32::try_from(self.number()?).ok()?,
            _ => NONE,
        };
        let raw = self.number()?;
        let back = gap & 1 == 1;
        let (gap, len) = (u32::try_from(gap >> 1).ok()?, u32::try_from(len >> 1).ok()?);
        let start = match back {
            false => self.end.checked_add(gap)?,
            true => self.end.checked_sub(gap)?,
        };
        let end = start.checked_add(len)?;
        self.end = end;
        let entity = usize::try_from(raw).ok().and_then(|r| self.remap.get(r));
        Some(Linked {
            start,
            end,
            entity: entity.copied().unwrap_or(NONE),
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_read_back_as_given_in_a_few_bytes() {
        // Out of order, overlapping, empty, far apart, dated, and past the map.
        let given = [
            (10, 16, NONE, 3),
            (12, 14, 7, 1),
            (12, 12, NONE, 0),
            (5, 9, 0, 2),
            (70_000, 70_400, NONE, 3),
            (u32::MAX - 9, u32::MAX, 300, 9),
        ];
        let remap = [4, 0, NONE, 1];
        let (mut out, mut end) = (Vec::new(), 0);
        for (s, e, v, n) in given {
            push(&mut out, &mut end, (s, e), v, n);
        }
        let back: Vec<(usize, usize, Option<u32>, usize)> = DocMentions::new(&out, &remap)
            .map(|m| (m.start(), m.end(), m.value(), m.entity()))
            .collect();
        let want: Vec<(usize, usize, Option<u32>, usize)> = given
            .iter()
            .map(|&(s, e, v, n)| {
                let entity = remap.get(n as usize).copied().unwrap_or(NONE);
                (
                    s as usize,
                    e as usize,
                    (v != NONE).then_some(v),
                    entity as usize,
                )
            })
            .collect();
        assert_eq!(back, want);
        // Near, short mentions of the first entities: four bytes each at most.
        let (mut near, mut end) = (Vec::new(), 0);
        for at in 0..100 {
            push(&mut near, &mut end, (at * 30, at * 30 + 12), NONE, at % 100);
        }
        assert!(near.len() <= 300, "{} bytes", near.len());
    }
}
