//! A document's rows for the reading pane, laid out lazily and cached per width.
//!
//! Paragraphs are laid out only as far as the pane has scrolled; a toggled direction
//! invalidates what it changes and nothing else, so scrolling one row costs no layout at all
//! once the rows exist. The rows made at the last few widths are kept, so resizing back to
//! one of them costs nothing either.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::index::{Cuts, RowIndex, Slot};
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

/// The rows indexed and laid out at one set of options.
#[derive(Debug, Clone)]
struct Cached {
    opts: LayoutOptions,
    index: RowIndex,
    /// Laid-out rows by pane row: only a window about the rows last asked for.
    lines: BTreeMap<usize, VisualLine>,
}

impl Cached {
    fn new(opts: LayoutOptions) -> Cached {
        Cached {
            opts,
            index: RowIndex::default(),
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
}

impl DocLayout {
    /// An empty layout; rows are made on demand.
    pub fn new(opts: LayoutOptions) -> DocLayout {
        DocLayout {
            overrides: HashMap::new(),
            cuts: Cuts::default(),
            current: Cached::new(opts),
            earlier: Vec::new(),
        }
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
    pub fn ensure_rows(&mut self, doc: &Document, n: usize) {
        if self.current.index.rows() < n && self.past_the_end(doc, n) {
            self.current.index.index_rest(doc, self.current.opts.width);
        }
        while self.current.index.rows() < n && !self.is_complete(doc) {
            self.current.index.index_next(doc, self.current.opts.width);
        }
        let end = n.min(self.row_count());
        self.lay_out(doc, end.saturating_sub(WINDOW)..end);
    }

    /// True when `n` rows are more than the document can make (a paragraph wraps to at
    /// most a row per byte, plus the gap before it): the caller wants the end (`G`).
    fn past_the_end(&self, doc: &Document, n: usize) -> bool {
        let most = doc.text.len().saturating_add(doc.paragraphs.len());
        n > self.current.index.rows().saturating_add(most)
    }

    /// Indexes the whole document (and lays out its last rows).
    pub fn ensure_all(&mut self, doc: &Document) {
        self.ensure_rows(doc, usize::MAX);
    }

    /// Indexes paragraphs until the one holding document byte `offset` (or the document
    /// ends) and lays out the rows about it: enough for [`DocLayout::row_of_offset`].
    pub fn ensure_offset(&mut self, doc: &Document, offset: usize) {
        let width = self.current.opts.width;
        let index = &mut self.current.index;
        loop {
            let n = index.paras();
            let past = n > 0
                && doc
                    .paragraphs
                    .get(n - 1)
                    .is_some_and(|p| p.doc_end() > offset);
            if past || n >= doc.paragraphs.len() {
                break;
            }
            index.index_next(doc, width);
        }
        let indexed = doc.paragraphs.get(..index.paras()).unwrap_or(&[]);
        let p = indexed.partition_point(|para| para.doc_end() <= offset);
        let row = match indexed.get(p) {
            Some(para) => {
                let line = para.to_para(offset).map_or(0, |o| index.line_at(p, o));
                index.row_of(p, line).unwrap_or(0)
            }
            None => index.rows(),
        };
        self.lay_out(doc, row.saturating_sub(WINDOW / 2)..row + WINDOW / 2);
    }

    fn is_complete_index(&self, doc: &Document) -> bool {
        self.current.index.paras() >= doc.paragraphs.len()
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
        while row < rows.end {
            let (p, first) = match cached.index.slot(row) {
                Some(Slot::Line(p, l)) if !cached.lines.contains_key(&row) => (p, l),
                _ => {
                    row += 1;
                    continue;
                }
            };
            let (Some(para), Some(start)) =
                (doc.paragraphs.get(p), cached.index.line_start(p, first))
            else {
                row += 1;
                continue;
            };
            let dir = self
                .overrides
                .get(&p)
                .copied()
                .unwrap_or_else(|| super::natural_direction(doc, p));
            let text = para.text(&doc.text);
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
        self.is_complete_index(doc)
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
    doc.paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let dir = super::natural_direction(doc, i);
            layout_paragraph(p, &p.text(&doc.text), i, opts, Some(dir))
        })
        .collect()
}
