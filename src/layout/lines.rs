//! A paragraph's rows made one at a time: clusters read lazily, wrapped greedily, levels
//! resolved for a window around the row (see [`super::levels`]), shaped per row. Memory
//! is proportional to the row, not the paragraph, so `okur render` streams a paragraph of
//! any length and the reader lays out only the rows it shows.

use super::levels::{CHUNK, Levels};
use super::wrap::{Breaker, ClusterStream};
use super::{BidiMode, Cluster, Direction, LayoutOptions, VisualLine};
use crate::corpus::Paragraph;

/// The rows of one paragraph, in order, from its start or from a row start found earlier.
pub struct ParaLines<'a> {
    para: &'a Paragraph,
    /// The paragraph's text ([`Paragraph::text`]).
    text: &'a str,
    index: usize,
    dir: Direction,
    opts: LayoutOptions,
    breaker: Breaker<ClusterStream<'a>>,
    levels: Levels<'a>,
}

impl<'a> ParaLines<'a> {
    /// The rows of `para` (paragraph number `index`, whose text is `text`) in base
    /// direction `dir`.
    pub fn new(
        para: &'a Paragraph,
        text: &'a str,
        index: usize,
        opts: &LayoutOptions,
        dir: Direction,
    ) -> ParaLines<'a> {
        ParaLines::resume((para, text), index, opts, dir, Resume::default())
    }

    /// The rows from a row start on (`at.row`, a paragraph offset where an earlier pass began
    /// a row), with levels resolved from `at.cut` (0 or a bidi cut at or before it, found
    /// with a chunk size of `at.chunk`).
    pub(crate) fn resume(
        (para, text): (&'a Paragraph, &'a str),
        index: usize,
        opts: &LayoutOptions,
        dir: Direction,
        at: Resume,
    ) -> ParaLines<'a> {
        ParaLines {
            para,
            text,
            index,
            dir,
            opts: *opts,
            breaker: Breaker::new(ClusterStream::new(text, at.row, opts.width), opts.width),
            levels: Levels::new(text, dir, at.chunk, at.cut),
        }
    }
}

/// Where [`ParaLines::resume`] starts: a row start, and the bidi cut it resolves from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resume {
    pub row: usize,
    pub cut: usize,
    pub chunk: usize,
}

impl Default for Resume {
    fn default() -> Resume {
        Resume {
            row: 0,
            cut: 0,
            chunk: CHUNK,
        }
    }
}

impl Iterator for ParaLines<'_> {
    type Item = VisualLine;

    fn next(&mut self) -> Option<VisualLine> {
        let units = self.breaker.next_line()?.units;
        let (s, e) = match (units.first(), units.last()) {
            (Some(f), Some(l)) => (f.start, l.end),
            _ => (0, 0),
        };
        let ordered = match self.opts.bidi {
            BidiMode::App => {
                self.levels.cover(s..e);
                self.levels.order(&units)
            }
            BidiMode::Terminal | BidiMode::Off => units,
        };
        let text = self.text;
        let shaped = self
            .opts
            .shape
            .then(|| super::shape::shape_range(text, s..e));
        let mut line = VisualLine::new(
            self.index,
            self.dir,
            self.para.to_doc(s),
            self.para.to_doc(e),
        );
        line.logical = text.get(s..e).unwrap_or("").to_string();
        let mirror = self.opts.bidi == BidiMode::App;
        for u in ordered.iter().filter(|u| u.width > 0) {
            let look = Look {
                mirror: mirror && u.rtl,
                shaped: shaped.as_deref().map(|forms| (forms, s)),
                harakat: self.opts.harakat,
            };
            let (start, end) = (self.para.to_doc(u.start), self.para.to_doc(u.end));
            line.push_cell(u.width, start, end, |out| {
                display_symbol(out, text, u, &look)
            });
        }
        line.indent = match (self.dir, self.opts.bidi) {
            (Direction::Rtl, BidiMode::App | BidiMode::Terminal) => {
                self.opts.width.saturating_sub(line.width())
            }
            _ => 0,
        };
        Some(line)
    }
}

/// How a cluster is drawn: mirrored, shaped (the row's forms and the paragraph offset they
/// start at), with or without its harakat.
struct Look<'a> {
    mirror: bool,
    shaped: Option<(&'a [char], usize)>,
    harakat: bool,
}

/// Most characters a cell draws after its cluster's first: the rest of a longer cluster
/// (a letter under thousands of combining marks, "Zalgo" text) is left out of the cell.
/// 30 is the longest run of non-starters Unicode's Stream-Safe Text Format (UAX #15)
/// allows; real text stays far below it (an Arabic letter carries 3 or 4 harakat, a
/// Turkish one 1 or 2, the longest emoji sequences about 10 characters), and it holds a
/// cell to about 125 bytes however long the cluster, where 32,768 marks sent 65 KB to the
/// terminal each time the cell was drawn. Only the drawing is cut: the cell still covers
/// the whole cluster's bytes, so spans, hits and the caret keep their places, and the
/// text itself (`render --text`, `logical`, copying) keeps every mark.
pub(crate) const MAX_CELL_MARKS: usize = 30;

/// What a cell shows for a cluster: tabs and controls as a space, mirrored brackets in RTL
/// runs, shaped letters when shaping is on, harakat left out when they are off, clusters
/// wider than the pane as a placeholder, at most [`MAX_CELL_MARKS`] marks after the first
/// character.
fn display_symbol(symbol: &mut String, text: &str, unit: &Cluster, look: &Look) {
    let raw = text.get(unit.start..unit.end).unwrap_or("");
    if unit.replaced {
        symbol.extend(std::iter::repeat_n(' ', unit.width));
        return;
    }
    if unit.orphan_mark {
        // A mark with no letter to sit on (paragraph start, after a control) would vanish;
        // draw it on a dotted circle as Unicode suggests.
        symbol.push('\u{25CC}');
        symbol.push_str(first_marks(raw));
        return;
    }
    let mut chars = raw.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    let form = look.shaped.and_then(|(forms, base)| {
        unit.start
            .checked_sub(base)
            .and_then(|i| forms.get(i))
            .copied()
    });
    let first = match form {
        Some(c) if c != '\0' => c,
        _ => first,
    };
    let first = if look.mirror {
        unicode_bidi_mirroring::get_mirrored(first).unwrap_or(first)
    } else {
        first
    };
    symbol.push(first);
    if look.harakat {
        symbol.push_str(first_marks(rest));
    } else {
        let marks = rest.chars().filter(|&c| !crate::text::is_arabic_mark(c));
        symbol.extend(marks.take(MAX_CELL_MARKS));
    }
}

/// The first [`MAX_CELL_MARKS`] characters of `marks` (all of them when fewer).
#[inline]
fn first_marks(marks: &str) -> &str {
    // No more bytes than the cap is no more characters: every cluster of real text.
    if marks.len() <= MAX_CELL_MARKS {
        return marks;
    }
    cut_marks(marks)
}

/// [`first_marks`] of a cluster long enough to be cut, out of the way of the common path.
#[cold]
#[inline(never)]
fn cut_marks(marks: &str) -> &str {
    let end = marks
        .char_indices()
        .nth(MAX_CELL_MARKS)
        .map_or(marks.len(), |(i, _)| i);
    marks.get(..end).unwrap_or(marks)
}
