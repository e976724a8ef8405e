//! Embedding levels of a paragraph resolved piece by piece, so that a paragraph of any
//! length is reordered with levels for a window around the rows being laid out, never a
//! level and a class per byte of the whole paragraph at once.
//!
//! A paragraph is cut only where resolving the pieces apart gives exactly the levels of
//! resolving it whole (UAX #9): between two strong letters (L, R or AL), so that no weak or
//! neutral rule (W1–W7, N1–N2) looks across the cut, and the start of the piece after it is
//! its own context for brackets (N0); where no bracket pair spans the cut (the BD16 stack is
//! empty); and only while no explicit embedding, isolate or paragraph separator has occurred,
//! since those carry state along the whole paragraph. Past such a character, or past a
//! bracket stack of 63 (where BD16 gives up), the rest of the paragraph is one piece.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData, Level, ParagraphBidiInfo};

use super::{Cluster, Direction};

/// Bytes a piece reaches before the resolver looks for a place to cut it.
pub const CHUNK: usize = 64 * 1024;

/// Deepest bracket stack BD16 keeps; past it, pairing stops for the rest of the paragraph.
const BRACKET_DEPTH: usize = 63;

/// Finds the pieces a paragraph is resolved in, in order, from a known cut.
#[derive(Debug, Clone)]
pub(crate) struct Cutter<'a> {
    text: &'a str,
    chunk: usize,
    /// Where the next piece starts.
    next: usize,
    /// No more cuts: an explicit formatting character or a bracket overflow was seen.
    sealed: bool,
}

impl<'a> Cutter<'a> {
    /// Pieces of at least `chunk` bytes (but at the end) starting at `from`, which must be
    /// 0 or a cut this cutter found.
    pub fn new(text: &'a str, chunk: usize, from: usize) -> Cutter<'a> {
        Cutter {
            text,
            chunk: chunk.max(1),
            next: from.min(text.len()),
            sealed: false,
        }
    }

    /// The next piece, or `None` at the end of the paragraph.
    pub fn next_piece(&mut self) -> Option<Range<usize>> {
        let start = self.next;
        if start >= self.text.len() {
            return None;
        }
        let end = if self.sealed {
            self.text.len()
        } else {
            self.find_cut(start)
        };
        self.next = end;
        Some(start..end)
    }

    fn find_cut(&mut self, start: usize) -> usize {
        let data = HardcodedBidiData;
        let mut stack: Vec<char> = Vec::new();
        let mut prev_strong = false;
        for (i, c) in self.text[start..].char_indices() {
            let at = start + i;
            let class = data.bidi_class(c);
            let strong = matches!(class, BidiClass::L | BidiClass::R | BidiClass::AL);
            if at >= start + self.chunk && strong && prev_strong && stack.is_empty() {
                return at;
            }
            if is_explicit(class) {
                self.sealed = true;
                return self.text.len();
            }
            if class == BidiClass::ON
                && let Some(bracket) = data.bidi_matched_opening_bracket(c)
            {
                if bracket.is_open {
                    if stack.len() >= BRACKET_DEPTH {
                        self.sealed = true;
                        return self.text.len();
                    }
                    stack.push(bracket.opening);
                } else if let Some(k) = stack.iter().rposition(|&o| o == bracket.opening) {
                    stack.truncate(k);
                }
            }
            prev_strong = strong;
        }
        self.text.len()
    }
}

/// Classes that carry state through the rest of a paragraph.
fn is_explicit(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        class,
        LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI | B
    )
}

/// Levels and original classes for a window of a paragraph's bytes, grown piece by piece
/// as rows further on need them and trimmed behind the rows already made.
#[derive(Debug, Clone)]
pub(crate) struct Levels<'a> {
    text: &'a str,
    level: Level,
    cutter: Cutter<'a>,
    /// Paragraph offset of `levels[0]`.
    start: usize,
    levels: Vec<Level>,
    classes: Vec<BidiClass>,
    /// Every piece resolved so far was left-to-right text only.
    pure_ltr: bool,
}

impl<'a> Levels<'a> {
    /// Levels of `text` in base direction `dir`, resolved in pieces of about `chunk` bytes,
    /// the first starting at `from` (0 or a cut of a [`Cutter`] with the same `chunk`).
    pub fn new(text: &'a str, dir: Direction, chunk: usize, from: usize) -> Levels<'a> {
        let cutter = Cutter::new(text, chunk, from);
        Levels {
            text,
            level: match dir {
                Direction::Ltr => Level::ltr(),
                Direction::Rtl => Level::rtl(),
            },
            start: cutter.next,
            cutter,
            levels: Vec::new(),
            classes: Vec::new(),
            pure_ltr: true,
        }
    }

    /// Makes the window cover `range` (which must not start before the window), dropping
    /// what lies before it.
    pub fn cover(&mut self, range: Range<usize>) {
        let drop = range
            .start
            .saturating_sub(self.start)
            .min(self.levels.len());
        self.levels.drain(..drop);
        self.classes.drain(..drop);
        self.start += drop;
        while self.start + self.levels.len() < range.end {
            let Some(piece) = self.cutter.next_piece() else {
                break;
            };
            let info = ParagraphBidiInfo::new(&self.text[piece], Some(self.level));
            self.pure_ltr &= info.is_pure_ltr;
            self.levels.extend_from_slice(&info.levels);
            self.classes.extend_from_slice(&info.original_classes);
        }
    }

    /// The line's clusters left to right, each with its `rtl` flag set from its level (for
    /// mirroring). The window must cover the line.
    pub fn order(&self, units: &[Cluster]) -> Vec<Cluster> {
        let (Some(first), Some(last)) = (units.first(), units.last()) else {
            return Vec::new();
        };
        let starts: Vec<usize> = units.iter().map(|u| u.start).collect();
        let line = first.start..last.end;
        let order = if self.pure_ltr && !self.level.is_rtl() {
            (0..starts.len()).map(|i| (i, Level::ltr())).collect()
        } else {
            let local = line.start.saturating_sub(self.start)..line.end.saturating_sub(self.start);
            let levels = self.levels.get(local.clone()).unwrap_or(&[]);
            let classes = self.classes.get(local).unwrap_or(&[]);
            let text = self.text.get(line.clone()).unwrap_or("");
            super::reorder::order_line(text, levels, classes, self.level, line.start, &starts)
        };
        order
            .into_iter()
            .filter_map(|(i, level)| {
                units.get(i).map(|u| Cluster {
                    rtl: level.is_rtl(),
                    ..*u
                })
            })
            .collect()
    }
}
