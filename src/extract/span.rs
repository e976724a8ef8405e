//! A mention as the rules produced it, held compactly until it is linked ([`Span`]).

#[cfg(doc)]
use super::Strings;
use super::{Interned, Kind, NONE, RawMention};

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

#[cfg(test)]
mod tests {
    use super::{Kind, NO_CANONICAL, NONE, Span};

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
