//! A document's rows for the reading pane, laid out lazily and cached per width.
//!
//! Paragraphs are laid out only as far as the pane has scrolled; a toggled direction or a
//! new width invalidates what it changes and nothing else, so scrolling one row costs no
//! layout at all once the rows exist.

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

/// The cached layout of one document at one set of options.
#[derive(Debug, Clone)]
pub struct DocLayout {
    opts: LayoutOptions,
    overrides: HashMap<usize, Direction>,
    paras: Vec<Vec<VisualLine>>,
    rows: Vec<RowSlot>,
}

impl DocLayout {
    /// An empty layout; rows are made on demand.
    pub fn new(opts: LayoutOptions) -> DocLayout {
        DocLayout {
            opts,
            overrides: HashMap::new(),
            paras: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// The options this layout was made for.
    pub fn options(&self) -> LayoutOptions {
        self.opts
    }

    /// Changes options (a resize); the cache is dropped only when they differ.
    pub fn set_options(&mut self, opts: LayoutOptions) {
        if opts != self.opts {
            self.opts = opts;
            self.truncate(0);
        }
    }

    /// Flips the base direction of one paragraph (the user's toggle) and re-lays it out.
    pub fn toggle_direction(&mut self, doc: &Document, para: usize) {
        let current = self
            .paras
            .get(para)
            .and_then(|lines| lines.first())
            .map(|l| l.dir)
            .unwrap_or_else(|| super::natural_direction(doc, para));
        {
            let dir = current;
            self.overrides.insert(para, dir.flipped());
            self.truncate(para);
        }
    }

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

    /// Lays out paragraphs until at least `n` rows exist or the document ends.
    pub fn ensure_rows(&mut self, doc: &Document, n: usize) {
        while self.rows.len() < n && self.paras.len() < doc.paragraphs.len() {
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
        while self.paras.len() < doc.paragraphs.len() && self.laid_out_end() <= offset {
            self.layout_next(doc);
        }
    }

    /// The document offset where the laid-out rows end.
    fn laid_out_end(&self) -> usize {
        self.paras
            .iter()
            .rev()
            .find_map(|lines| lines.last())
            .map_or(0, |line| line.end)
    }

    fn layout_next(&mut self, doc: &Document) {
        let index = self.paras.len();
        let para = &doc.paragraphs[index];
        let dir = self
            .overrides
            .get(&index)
            .copied()
            .unwrap_or_else(|| super::natural_direction(doc, index));
        let lines = layout_paragraph(para, index, &self.opts, Some(dir));
        if index > 0 {
            self.rows.push(RowSlot::Gap);
        }
        self.rows
            .extend((0..lines.len()).map(|l| RowSlot::Line(index, l)));
        self.paras.push(lines);
    }

    /// True when every paragraph has been laid out.
    pub fn is_complete(&self, doc: &Document) -> bool {
        self.paras.len() == doc.paragraphs.len()
    }

    /// Rows laid out so far.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Row `i`, if laid out.
    pub fn row(&self, i: usize) -> Option<PaneRow<'_>> {
        Some(match *self.rows.get(i)? {
            RowSlot::Line(p, l) => PaneRow::Text(self.paras.get(p)?.get(l)?),
            RowSlot::Gap => PaneRow::Blank,
        })
    }

    /// The first laid-out row showing document byte `offset`, if any.
    pub fn row_of_offset(&self, offset: usize) -> Option<usize> {
        self.rows.iter().position(|slot| match *slot {
            RowSlot::Line(p, l) => self.paras[p]
                .get(l)
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
