//! A document's rows for the reading pane, laid out lazily and cached per width.
//!
//! Paragraphs are laid out only as far as the pane has scrolled; a toggled direction
//! invalidates what it changes and nothing else, so scrolling one row costs no layout at all
//! once the rows exist. The rows made at the last few widths are kept, so resizing back to
//! one of them costs nothing either.

use std::collections::HashMap;

use super::{Direction, LayoutOptions, VisualLine, layout_paragraph};
use crate::corpus::Document;

/// One row of the pane: a laid-out line, or the blank row between paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneRow<'a> {
    /// A row of text.
    Text(&'a VisualLine),
    /// The gap between two paragraphs.
    Blank,
}

/// Where a pane row comes from: (paragraph, line in paragraph), or a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowSlot {
    Line(usize, usize),
    Gap,
}

/// How many sets of options (widths) a document keeps laid out: the current one and the
/// last two, so that resizing back and forth does not lay everything out again.
const KEEP: usize = 3;
/// Layouts with more rows than this are not kept for later (a 50 MB file scrolled to its
/// end would otherwise sit in memory three times); they are laid out again lazily.
const KEEP_ROWS: usize = 100_000;

/// The rows laid out so far at one set of options.
#[derive(Debug, Clone)]
struct Cached {
    opts: LayoutOptions,
    paras: Vec<Vec<VisualLine>>,
    rows: Vec<RowSlot>,
}

impl Cached {
    fn new(opts: LayoutOptions) -> Cached {
        Cached {
            opts,
            paras: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Drops paragraph `para` and everything after it.
    fn truncate(&mut self, para: usize) {
        self.paras.truncate(para);
        let keep = self
            .rows
            .iter()
            .position(|r| matches!(r, RowSlot::Line(p, _) if *p >= para))
            .unwrap_or(self.rows.len());
        self.rows.truncate(keep);
        if matches!(self.rows.last(), Some(RowSlot::Gap)) {
            self.rows.pop();
        }
    }
}

/// The cached layout of one document: rows at the current options, made on demand, and
/// the rows made at the last few other options.
#[derive(Debug, Clone)]
pub struct DocLayout {
    overrides: HashMap<usize, Direction>,
    current: Cached,
    /// Earlier options, most recent first (at most `KEEP - 1`).
    earlier: Vec<Cached>,
}

impl DocLayout {
    /// An empty layout; rows are made on demand.
    pub fn new(opts: LayoutOptions) -> DocLayout {
        DocLayout {
            overrides: HashMap::new(),
            current: Cached::new(opts),
            earlier: Vec::new(),
        }
    }

    /// The options this layout was made for.
    pub fn options(&self) -> LayoutOptions {
        self.current.opts
    }

    /// Changes options (a resize). Rows made earlier at the new options are taken back;
    /// the current ones are kept for a later change back.
    pub fn set_options(&mut self, opts: LayoutOptions) {
        if opts == self.current.opts {
            return;
        }
        let next = match self.earlier.iter().position(|c| c.opts == opts) {
            Some(i) => self.earlier.remove(i),
            None => Cached::new(opts),
        };
        let previous = std::mem::replace(&mut self.current, next);
        if previous.rows.len() <= KEEP_ROWS {
            self.earlier.insert(0, previous);
            self.earlier.truncate(KEEP - 1);
        }
    }

    /// Flips the base direction of one paragraph (the user's toggle) and re-lays it out;
    /// the layouts kept for other options forget it and what follows it too. Returns the
    /// paragraph's new direction.
    pub fn toggle_direction(&mut self, doc: &Document, para: usize) -> Direction {
        let current = self
            .current
            .paras
            .get(para)
            .and_then(|lines| lines.first())
            .map(|l| l.dir)
            .unwrap_or_else(|| super::natural_direction(doc, para));
        let flipped = current.flipped();
        self.overrides.insert(para, flipped);
        self.current.truncate(para);
        for cached in &mut self.earlier {
            cached.truncate(para);
        }
        flipped
    }

    /// Lays out paragraphs until at least `n` rows exist or the document ends.
    pub fn ensure_rows(&mut self, doc: &Document, n: usize) {
        while self.current.rows.len() < n && !self.is_complete(doc) {
            self.layout_next(doc);
        }
    }

    /// Lays out the whole document.
    pub fn ensure_all(&mut self, doc: &Document) {
        self.ensure_rows(doc, usize::MAX);
    }

    /// Lays out paragraphs until the rows reach past document byte `offset` (or the document
    /// ends): enough for [`DocLayout::row_of_offset`] to find it, and no more.
    pub fn ensure_offset(&mut self, doc: &Document, offset: usize) {
        while !self.is_complete(doc) && self.laid_out_end() <= offset {
            self.layout_next(doc);
        }
    }

    /// The document offset where the laid-out rows end.
    fn laid_out_end(&self) -> usize {
        self.current
            .paras
            .iter()
            .rev()
            .find_map(|lines| lines.last())
            .map_or(0, |line| line.end)
    }

    fn layout_next(&mut self, doc: &Document) {
        let index = self.current.paras.len();
        let Some(para) = doc.paragraphs.get(index) else {
            return;
        };
        let dir = self
            .overrides
            .get(&index)
            .copied()
            .unwrap_or_else(|| super::natural_direction(doc, index));
        let cached = &mut self.current;
        let lines = layout_paragraph(para, index, &cached.opts, Some(dir));
        if index > 0 {
            cached.rows.push(RowSlot::Gap);
        }
        cached
            .rows
            .extend((0..lines.len()).map(|l| RowSlot::Line(index, l)));
        cached.paras.push(lines);
    }

    /// True when every paragraph has been laid out.
    pub fn is_complete(&self, doc: &Document) -> bool {
        self.current.paras.len() >= doc.paragraphs.len()
    }

    /// Rows laid out so far.
    pub fn row_count(&self) -> usize {
        self.current.rows.len()
    }

    /// Row `i`, if laid out.
    pub fn row(&self, i: usize) -> Option<PaneRow<'_>> {
        Some(match *self.current.rows.get(i)? {
            RowSlot::Line(p, l) => PaneRow::Text(self.current.paras.get(p)?.get(l)?),
            RowSlot::Gap => PaneRow::Blank,
        })
    }

    /// The first laid-out row showing document byte `offset`, if any.
    pub fn row_of_offset(&self, offset: usize) -> Option<usize> {
        let paras = &self.current.paras;
        self.current.rows.iter().position(|slot| match *slot {
            RowSlot::Line(p, l) => paras
                .get(p)
                .and_then(|lines| lines.get(l))
                .is_some_and(|line| line.start <= offset && offset < line.end.max(line.start + 1)),
            RowSlot::Gap => false,
        })
    }
}

/// All lines of a document, laid out eagerly (for `okur render`).
pub fn layout_document(doc: &Document, opts: &LayoutOptions) -> Vec<VisualLine> {
    doc.paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| layout_paragraph(p, i, opts, Some(super::natural_direction(doc, i))))
        .collect()
}
