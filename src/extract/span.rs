//! A mention as the rules produced it, held compactly until it is linked ([`Span`]).

#[cfg(doc)]
use super::Strings;
use super::{Interned, Kind, NONE, RawMention};
use crate::search::leb128;

/// A mention as the rules produced it, before linking: 16 bytes. Every document's are held
/// from its extraction until it is linked, the reader's peak (about one per 30 bytes of
/// text): its kind is held in the top bits of its canonical name's number, not in a field
/// of its own that took 20 bytes with the padding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Its value's number in the [`Strings`] it was made with.
    pub(super) value: u32,
    /// The canonical name's number below [`KIND_SHIFT`] bits, the kind above.
    canonical_kind: u32,
}

/// Where a [`Span`]'s kind starts in its `canonical_kind`.
const KIND_SHIFT: u32 = 30;

/// The canonical names' numbers [`Span`] holds: below this one, which stands for none
/// (a thousand million names take more memory than a machine has).
const NO_CANONICAL: u32 = (1 << KIND_SHIFT) - 1;

impl Span {
    /// The span of bytes `start..end`, its value's and canonical name's numbers and kind.
    pub(super) fn new((start, end): (u32, u32), value: u32, canonical: u32, kind: Kind) -> Span {
        let kind_bits = match kind {
            Kind::Person => 0,
            Kind::Place => 1,
            Kind::Date => 2,
        };
        Span {
            start,
            end,
            value,
            canonical_kind: canonical.min(NO_CANONICAL) | (kind_bits << KIND_SHIFT),
        }
    }

    /// Byte offset of the start in the document text.
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset past the end.
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    /// Kind of mention.
    pub(crate) fn kind(&self) -> Kind {
        match self.canonical_kind >> KIND_SHIFT {
            0 => Kind::Person,
            1 => Kind::Place,
            _ => Kind::Date,
        }
    }

    /// The number of its canonical name in the [`Strings`] it was made with.
    pub(crate) fn canonical_id(&self) -> u32 {
        match self.canonical_kind & NO_CANONICAL {
            NO_CANONICAL => NONE,
            id => id,
        }
    }

    pub(super) fn raw(&self, table: &Interned) -> RawMention {
        RawMention {
            start: self.start as usize,
            end: self.end as usize,
            kind: self.kind(),
            value: table.get(self.value).map(str::to_string),
            canonical: table.get(self.canonical_id()).map(str::to_string),
        }
    }
}

/// One document's spans packed as bytes until they are linked: every document's are held
/// from its extraction until the linking pass reads it, and at 16 bytes a span they were
/// extraction's peak (0.58 times the corpus at 20,000 generated articles). Each span is a
/// byte of flags (its kind, whether it starts before the end of the one before it, whether
/// a value and a canonical name follow) and LEB128 numbers: the gap from the end of the
/// span before it, its length, its value's number and its canonical name's when it has
/// them. Read back in order ([`PackedSpans::iter`]), as every pass over them reads them.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackedSpans(Box<[u8]>);

/// The flags' bits past a span's kind (its two lowest).
const BEFORE: u8 = 1 << 2;
const HAS_VALUE: u8 = 1 << 3;
const HAS_CANONICAL: u8 = 1 << 4;

impl PackedSpans {
    /// `spans` (sorted by start, as a document's are: their gaps are then short), packed.
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> PackedSpans {
        let mut out = Vec::new();
        let mut end = 0;
        for s in spans {
            let (gap, before) = match s.start.checked_sub(end) {
                Some(gap) => (gap, 0),
                None => (end - s.start, BEFORE),
            };
            let canonical = s.canonical_id();
            let kind_bits = u8::try_from(s.canonical_kind >> KIND_SHIFT).unwrap_or(0);
            let flags = kind_bits
                | before
                | if s.value != NONE { HAS_VALUE } else { 0 }
                | if canonical != NONE { HAS_CANONICAL } else { 0 };
            out.push(flags);
            leb128::push(&mut out, u64::from(gap));
            leb128::push(&mut out, u64::from(s.end.saturating_sub(s.start)));
            for id in [s.value, canonical].into_iter().filter(|&id| id != NONE) {
                leb128::push(&mut out, u64::from(id));
            }
            end = s.end.max(s.start);
        }
        PackedSpans(out.into_boxed_slice())
    }

    /// The bytes the spans take.
    pub(crate) fn bytes(&self) -> usize {
        self.0.len()
    }

    /// The spans, in the order they were given.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Span> + '_ {
        let mut bytes: &[u8] = &self.0;
        let mut end = 0u32;
        let number = |bytes: &mut &[u8]| {
            let (n, len) = leb128::read(bytes)?;
            *bytes = bytes.get(len..)?;
            u32::try_from(n).ok()
        };
        std::iter::from_fn(move || {
            let (&flags, rest) = bytes.split_first()?;
            bytes = rest;
            let gap = number(&mut bytes)?;
            let len = number(&mut bytes)?;
            let mut id = |flag: u8| match flags & flag {
                0 => Some(NONE),
                _ => number(&mut bytes),
            };
            let (value, canonical) = (id(HAS_VALUE)?, id(HAS_CANONICAL)?);
            let start = match flags & BEFORE {
                0 => end.checked_add(gap)?,
                _ => end.checked_sub(gap)?,
            };
            end = start.checked_add(len)?;
            let kind = match flags & 3 {
                0 => Kind::Person,
                1 => Kind::Place,
                _ => Kind::Date,
            };
            Some(Span::new((start, end), value, canonical, kind))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, NO_CANONICAL, NONE, PackedSpans, Span};

    #[test]
    fn packed_spans_read_back_as_given_in_a_few_bytes() {
        // Out of order, overlapping, empty, far apart, with and without names, each kind.
        let given = [
            ((10, 16), NONE, 4, Kind::Place),
            ((12, 14), 7, NONE, Kind::Date),
            ((12, 12), NONE, NONE, Kind::Person),
            ((5, 9), 0, 300, Kind::Date),
            ((70_000, 70_400), NONE, NO_CANONICAL - 1, Kind::Person),
            ((u32::MAX - 9, u32::MAX), 300_000, 1, Kind::Place),
        ]
        .map(|(range, value, canonical, kind)| Span::new(range, value, canonical, kind));
        let packed = PackedSpans::new(given);
        let key = |s: Span| (s.start(), s.end(), s.value, s.canonical_id(), s.kind());
        assert!(packed.iter().map(key).eq(given.map(key)));
        // Near, short spans without names: three bytes each.
        let near = (0..100).map(|at| Span::new((at * 30, at * 30 + 12), NONE, NONE, Kind::Person));
        assert_eq!(PackedSpans::new(near).bytes(), 300);
        assert_eq!(PackedSpans::default().iter().count(), 0);
    }

    #[test]
    fn a_span_is_sixteen_bytes_and_keeps_its_kind_and_names() {
        assert_eq!(std::mem::size_of::<Span>(), 16);
        for kind in Kind::ALL {
            for canonical in [0, 7, NO_CANONICAL - 1, NONE] {
                let s = Span::new((3, 9), 5, canonical, kind);
                assert_eq!((s.start(), s.end(), s.value), (3, 9, 5));
                assert_eq!((s.kind(), s.canonical_id()), (kind, canonical));
            }
            // Past the numbers a span holds, a canonical name is left out, not misnamed.
            assert_eq!(
                Span::new((0, 1), NONE, NO_CANONICAL, kind).canonical_id(),
                NONE
            );
        }
    }
}
