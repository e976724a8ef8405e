//! A document's rows for the reading pane, laid out lazily and cached per width.
//!
//! Paragraphs are laid out only as far as the pane has scrolled; a toggled direction
//! invalidates what it changes and nothing else, so scrolling one row costs no layout at all
//! once the rows exist. The rows made at the last few widths are kept, so resizing back to
//! one of them costs nothing either.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::index::{Cuts, Slot};
use super::tail::{Indexed, Shift};
use super::{Direction, LayoutOptions, ParaLines, VisualLine, layout_paragraph};
use crate::corpus::Document;

/// One row of the pane: a laid-out line, or the blank row between paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneRow<'a> {
    /// A row of text.
    Text(&'a VisualLine),
    /// The gap between two paragraphs.
    Blank,
}

/// How many sets of options (widths) a document keeps indexed: the current one and the
/// last two, so that resizing back and forth does not wrap everything again.
const KEEP: usize = 3;
/// Indexes with more rows than this are not kept for later: wrapping them again when the
/// width comes back costs less than holding a second index of a huge document.
const KEEP_ROWS: usize = 100_000;
/// Rows laid out around the place a caller asks for: more than any screen is high, so the
/// rows about the cursor and the page it is on are always there.
pub(crate) const WINDOW: usize = 512;
/// Below this many bytes left to wrap, the end of a document (`G`) is reached by wrapping
/// all of it; above, the last rows are wrapped first and numbered from an estimate (see
/// `tail.rs`): wrapping 4 MB takes about 20 ms.
const WHOLE_BELOW: usize = 4 << 20;

/// The rows indexed and laid out at one set of options.
#[derive(Debug, Clone)]
struct Cached {
    opts: LayoutOptions,
    index: Indexed,
    /// Laid-out rows by pane row: only a window about the rows last asked for.
    lines: BTreeMap<usize, VisualLine>,
}

impl Cached {
    fn new(opts: LayoutOptions) -> Cached {
        Cached {
            opts,
            index: Indexed::default(),
            lines: BTreeMap::new(),
        }
    }

    /// Forgets the laid-out rows of paragraph `para`; returns their pane rows.
    fn forget(&mut self, para: usize) -> Vec<usize> {
        let rows: Vec<usize> = self
            .lines
            .iter()
            .filter(|(_, l)| l.para == para)
            .map(|(&r, _)| r)
            .collect();
        for r in &rows {
            self.lines.remove(r);
        }
        rows
    }
}

/// The layout of one document for the reading pane: an index of all rows wrapped so far
/// (a word per row), and the rows themselves laid out only about the place last asked for,
/// so that reading the end of a huge document costs its index, not its cells.
#[derive(Debug, Clone)]
pub struct DocLayout {
    overrides: HashMap<usize, Direction>,
    cuts: Cuts,
    current: Cached,
    /// Earlier options, most recent first (at most `KEEP - 1`).
    earlier: Vec<Cached>,
    /// Bytes left to wrap above which the end is numbered from an estimate.
    whole_below: usize,
    /// Changes of row numbers the reader has not taken yet.
    shifts: Vec<Shift>,
}

impl DocLayout {
    /// An empty layout; rows are made on demand.
    pub fn new(opts: LayoutOptions) -> DocLayout {
        DocLayout {
            overrides: HashMap::new(),
            cuts: Cuts::default(),
            current: Cached::new(opts),
            earlier: Vec::new(),
            whole_below: WHOLE_BELOW,
            shifts: Vec::new(),
        }
    }

    /// The same layout, reaching the end of a document by an estimate when more than
    /// `bytes` are left to wrap (4 MB unless set; tests make it small).
    pub fn estimating_above(mut self, bytes: usize) -> DocLayout {
        self.whole_below = bytes;
        self
    }

    /// The options this layout was made for.
    pub fn options(&self) -> LayoutOptions {
        self.current.opts
    }

    /// Changes options (a resize). Rows made earlier at the new options are taken back;
    /// the current ones are kept for a later change back unless they are many.
    pub fn set_options(&mut self, opts: LayoutOptions) {
        if opts == self.current.opts {
            return;
        }
        let next = match self.earlier.iter().position(|c| c.opts == opts) {
            Some(i) => self.earlier.remove(i),
            None => Cached::new(opts),
        };
        // The reader places its cursor again at a new width.
        self.shifts.clear();
        let previous = std::mem::replace(&mut self.current, next);
        if previous.index.rows() <= KEEP_ROWS {
            self.earlier.insert(0, previous);
            self.earlier.truncate(KEEP - 1);
        }
    }

    /// Flips the base direction of one paragraph (the user's toggle) and lays its rows
    /// out again (wrapping is in logical order, so the rows stay where they are); the
    /// layouts kept for other options forget its rows. Returns the new direction.
    pub fn toggle_direction(&mut self, doc: &Document, para: usize) -> Direction {
        let flipped = self.direction(doc, para).flipped();
        self.overrides.insert(para, flipped);
        for cached in &mut self.earlier {
            cached.forget(para);
        }
        let rows = self.current.forget(para);
        if let (Some(&first), Some(&last)) = (rows.first(), rows.last()) {
            self.lay_out(doc, first..last + 1);
        }
        flipped
    }

    fn direction(&self, doc: &Document, para: usize) -> Direction {
        self.overrides
            .get(&para)
            .copied()
            .unwrap_or_else(|| super::natural_direction(doc, para))
    }

    /// Indexes paragraphs until at least `n` rows exist or the document ends, and lays out
    /// the rows just before the `n`th (the screen that ends there and the one before it).
    /// Asked for the end of a huge document, it wraps only its last rows, numbered from an
    /// estimate; the reader takes the changes of numbers with [`DocLayout::take_shifts`].
    pub fn ensure_rows(&mut self, doc: &Document, n: usize) {
        let width = self.current.opts.width;
        let before = self.shifts.len();
        if self.current.index.rows() < n && self.past_the_end(doc, n) {
            self.current.index.index_end(doc, width, self.whole_below);
        }
        let index = &mut self.current.index;
        while !index.is_complete(doc) {
            let have = match index.tail_base() {
                // Coming from the end: the tail goes back below (after this loop).
                Some(base) if n > base => break,
                // Coming from the top: the head goes on towards the tail.
                Some(_) => index.head().rows(),
                None => index.rows(),
            };
            if have >= n {
                break;
            }
            index.index_next(doc, width);
        }
        let start = n.min(index.rows()).saturating_sub(WINDOW);
        if index
            .tail_base()
            .is_some_and(|base| n > base && start < base)
        {
            let first = start.max(index.head().rows());
            index.extend_back(doc, width, first);
        }
        self.absorb();
        // Wrapping may have moved the rows of the tail, `n` with them.
        let moved = self.shifts.get(before..).unwrap_or(&[]);
        let end = moved
            .iter()
            .fold(n, |row, s| s.apply(row))
            .min(self.row_count());
        self.lay_out(doc, end.saturating_sub(WINDOW)..end);
    }

    /// Takes the index's changes of row numbers: the laid-out rows move with them, and
    /// the reader is told at [`DocLayout::take_shifts`].
    fn absorb(&mut self) {
        let shifts = self.current.index.take_shifts();
        if shifts.is_empty() {
            return;
        }
        let lines = std::mem::take(&mut self.current.lines);
        self.current.lines = lines
            .into_iter()
            .map(|(row, line)| (shifts.iter().fold(row, |r, s| s.apply(r)), line))
            .collect();
        self.shifts.extend(shifts);
    }

    /// The changes of row numbers since the last call (rows of an estimated end moved when
    /// more of the document was wrapped), oldest first: the reader moves its cursor by
    /// them right after each `ensure_*` call and each [`DocLayout::index_some`].
    pub fn take_shifts(&mut self) -> Vec<Shift> {
        std::mem::take(&mut self.shifts)
    }

    /// Wraps about `budget` more bytes of a document whose end was estimated, towards the
    /// tail; the estimate gives way to the true row count when they meet. True while
    /// there is more to do.
    pub fn index_some(&mut self, doc: &Document, budget: usize) -> bool {
        if !self.current.index.has_tail() {
            return false;
        }
        let width = self.current.opts.width;
        self.current.index.index_some(doc, width, budget);
        self.absorb();
        self.current.index.has_tail()
    }

    /// True when `n` rows are more than the document can make (a paragraph wraps to at
    /// most a row per byte, plus the gap before it): the caller wants the end (`G`).
    fn past_the_end(&self, doc: &Document, n: usize) -> bool {
        let most = doc.text_len().saturating_add(doc.paragraphs().len());
        n > self.current.index.rows().saturating_add(most)
    }

    /// Indexes the whole document, with no estimate (and lays out its last rows).
    pub fn ensure_all(&mut self, doc: &Document) {
        let width = self.current.opts.width;
        self.current.index.complete(doc, width);
        self.absorb();
        self.ensure_rows(doc, usize::MAX);
    }

    /// Indexes paragraphs until the one holding document byte `offset` (or the document
    /// ends) and lays out the rows about it: enough for [`DocLayout::row_of_offset`].
    pub fn ensure_offset(&mut self, doc: &Document, offset: usize) {
        let width = self.current.opts.width;
        let index = &mut self.current.index;
        let p = doc
            .paragraphs()
            .partition_point(|para| para.doc_end() <= offset);
        while p < doc.paragraphs().len() && !index.has_para(p) {
            index.index_next(doc, width);
        }
        let row = match doc.paragraphs().get(p) {
            Some(para) => {
                let line = para.to_para(offset).map_or(0, |o| index.line_at(p, o));
                index.row_of(p, line).unwrap_or(0)
            }
            None => index.rows(),
        };
        self.absorb();
        self.lay_out(doc, row.saturating_sub(WINDOW / 2)..row + WINDOW / 2);
    }

    /// Lays out the indexed rows in `rows` that are not laid out yet, and forgets laid-out
    /// rows far from them.
    fn lay_out(&mut self, doc: &Document, rows: Range<usize>) {
        let rows = rows.start..rows.end.min(self.row_count());
        let cached = &mut self.current;
        cached
            .lines
            .retain(|&r, _| r + WINDOW >= rows.start && r < rows.end + WINDOW);
        let mut row = rows.start;
        // Borrowed: the reader lays out a plain copy of the document it has open.
        let whole = doc.text().unwrap_or_default();
        while row < rows.end {
            let (p, first) = match cached.index.slot(row) {
                Some(Slot::Line(p, l)) if !cached.lines.contains_key(&row) => (p, l),
                _ => {
                    row += 1;
                    continue;
                }
            };
            let (Some(para), Some(start)) =
                (doc.paragraphs().get(p), cached.index.line_start(p, first))
            else {
                row += 1;
                continue;
            };
            let dir = self
                .overrides
                .get(&p)
                .copied()
                .unwrap_or_else(|| super::natural_direction(doc, p));
            let text = para.text(&whole);
            let resume = self.cuts.resume(&text, p, start);
            let lines = ParaLines::resume((para, &text), p, &cached.opts, dir, resume);
            let mut made = 0;
            for (l, line) in (first..).zip(lines) {
                let Some(r) = cached.index.row_of(p, l).filter(|&r| r < rows.end) else {
                    break;
                };
                cached.lines.insert(r, line);
                made += 1;
            }
            row += made.max(1);
        }
    }

    /// True when every paragraph has been indexed.
    pub fn is_complete(&self, doc: &Document) -> bool {
        self.current.index.is_complete(doc)
    }

    /// Rows indexed so far.
    pub fn row_count(&self) -> usize {
        self.current.index.rows()
    }

    /// Row `i`, if it is indexed and laid out (the rows about the place last asked for
    /// with `ensure_rows` or `ensure_offset` are).
    pub fn row(&self, i: usize) -> Option<PaneRow<'_>> {
        match self.current.index.slot(i)? {
            Slot::Line(..) => self.current.lines.get(&i).map(PaneRow::Text),
            Slot::Gap => Some(PaneRow::Blank),
        }
    }

    /// The first laid-out row showing document byte `offset`, if any.
    pub fn row_of_offset(&self, offset: usize) -> Option<usize> {
        self.current
            .lines
            .iter()
            .find(|(_, line)| line.start <= offset && offset < line.end.max(line.start + 1))
            .map(|(&r, _)| r)
    }

    /// How many rows are laid out (cells made) at the current options: bounded by the
    /// window about the place last asked for, whatever the document's length.
    pub fn laid_out_rows(&self) -> usize {
        self.current.lines.len()
    }

    /// Bytes the row index holds at the current options.
    pub fn index_bytes(&self) -> usize {
        self.current.index.heap_bytes()
    }
}

/// All lines of a document, laid out eagerly (for `okur render`).
pub fn layout_document(doc: &Document, opts: &LayoutOptions) -> Vec<VisualLine> {
    let whole = doc.text().unwrap_or_default();
    doc.paragraphs()
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let dir = super::natural_direction(doc, i);
            layout_paragraph(p, &p.text(&whole), i, opts, Some(dir))
        })
        .collect()
}
