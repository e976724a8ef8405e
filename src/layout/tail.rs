//! The row index of a document whose end was asked for (`G`) before its middle was wrapped:
//! the paragraphs from the start as far as they were read (the head), and the last
//! paragraphs (the tail), whose rows start at an estimate of how many rows come before
//! them. `G` then wraps a few thousand rows, not the whole document; the head is completed
//! a piece at a time afterwards, and when it meets the tail the estimate gives way to the
//! true count. Rows between the two are never shown: asking for them wraps the head on to
//! them (coming from the top) or the tail back to them (coming from the end), so every row
//! shown is the row a whole index would show, and only the tail's numbers can move.

use super::index::{RowIndex, Slot};
use crate::corpus::{Document, Paragraph};

/// Rows the tail holds at least when it is made: the window laid out about the end and
/// several screens above it, so that paging up from the end meets no unwrapped row soon.
pub(crate) const TAIL_ROWS: usize = 2048;

/// A change of row numbers: rows from `from` on (the tail's, before the change) moved by
/// `by`. The reader's cursor is moved with them, so it stays on the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    /// The first row that moved (rows before it stay).
    pub from: usize,
    /// How far those rows moved.
    pub by: isize,
}

impl Shift {
    /// Where row `row` is after the change.
    pub fn apply(&self, row: usize) -> usize {
        if row >= self.from {
            row.saturating_add_signed(self.by)
        } else {
            row
        }
    }
}

/// The last paragraphs of a document, indexed, and the pane row its first row is given.
#[derive(Debug, Clone)]
struct Tail {
    index: RowIndex,
    base: usize,
}

/// A document's row index: the head from paragraph 0, and perhaps a tail (see the module
/// documentation).
#[derive(Debug, Clone, Default)]
pub(crate) struct Indexed {
    head: RowIndex,
    tail: Option<Tail>,
    /// Row number changes not yet taken by the reader.
    shifts: Vec<Shift>,
}

impl Indexed {
    /// The head: paragraphs from the first, as far as they are indexed.
    pub fn head(&self) -> &RowIndex {
        &self.head
    }

    /// True while the rows of the tail are numbered from an estimate.
    pub fn has_tail(&self) -> bool {
        self.tail.is_some()
    }

    /// True when every paragraph of `doc` is in the head.
    pub fn is_complete(&self, doc: &Document) -> bool {
        self.tail.is_none() && self.head.end() >= doc.paragraphs().len()
    }

    /// Rows so far: the head's, or up to the tail's last one.
    pub fn rows(&self) -> usize {
        match &self.tail {
            Some(t) => t.base + t.index.rows(),
            None => self.head.rows(),
        }
    }

    /// The first row of the tail, if there is one.
    pub fn tail_base(&self) -> Option<usize> {
        self.tail.as_ref().map(|t| t.base)
    }

    /// What row `row` shows, if it is indexed.
    pub fn slot(&self, row: usize) -> Option<Slot> {
        if row < self.head.rows() {
            return self.head.slot(row);
        }
        // Rows between the head and the tail's first (at least the gap after the head's
        // last paragraph) are not indexed.
        let tail = self.tail.as_ref()?;
        tail.index.slot(row.checked_sub(tail.base)?)
    }

    /// The pane row of line `line` of paragraph `para`, if it is indexed.
    pub fn row_of(&self, para: usize, line: usize) -> Option<usize> {
        if para < self.head.end() {
            return self.head.row_of(para, line);
        }
        let tail = self.tail.as_ref()?;
        Some(tail.index.row_of(para, line)? + tail.base)
    }

    /// The paragraph offset where line `line` of paragraph `para` starts.
    pub fn line_start(&self, para: usize, line: usize) -> Option<usize> {
        match &self.tail {
            Some(t) if para >= t.index.first() => t.index.line_start(para, line),
            _ => self.head.line_start(para, line),
        }
    }

    /// The line of paragraph `para` that paragraph offset `offset` falls in.
    pub fn line_at(&self, para: usize, offset: usize) -> usize {
        match &self.tail {
            Some(t) if para >= t.index.first() => t.index.line_at(para, offset),
            _ => self.head.line_at(para, offset),
        }
    }

    /// True when paragraph `para` is indexed (in the head or the tail).
    pub fn has_para(&self, para: usize) -> bool {
        para < self.head.end() || self.tail.as_ref().is_some_and(|t| para >= t.index.first())
    }

    /// Wraps the next paragraph of the head; meets the tail when it reaches it.
    pub fn index_next(&mut self, doc: &Document, width: usize) {
        self.head.index_next(doc, width);
        self.settle(doc, width);
    }

    /// Wraps the head on over about `budget` bytes of text (on several threads), or up to
    /// the tail; the reader does this a piece a frame once there is a tail.
    pub fn index_some(&mut self, doc: &Document, width: usize, budget: usize) {
        let stop = self
            .tail
            .as_ref()
            .map_or(doc.paragraphs().len(), |t| t.index.first());
        let from = self.head.end().min(stop);
        let run = doc.paragraphs().get(from..stop).unwrap_or(&[]);
        let mut bytes = 0;
        let n = run
            .iter()
            .take_while(|p| {
                let fits = bytes < budget;
                bytes += p.len();
                fits
            })
            .count();
        self.head.index_to(doc, width, from + n);
        self.settle(doc, width);
    }

    /// Indexes every paragraph (the head takes the tail's place).
    pub fn complete(&mut self, doc: &Document, width: usize) {
        let stop = self
            .tail
            .as_ref()
            .map_or(doc.paragraphs().len(), |t| t.index.first());
        self.head.index_to(doc, width, stop);
        self.settle(doc, width);
    }

    /// Indexes the end of the document: all of it when what is left is at most
    /// `whole_below` bytes, else a tail of at least [`TAIL_ROWS`] rows.
    pub fn index_end(&mut self, doc: &Document, width: usize, whole_below: usize) {
        if self.tail.is_some() {
            return;
        }
        let rest = doc.paragraphs().get(self.head.end()..).unwrap_or(&[]);
        if rest.iter().map(Paragraph::len).sum::<usize>() <= whole_below {
            self.head.index_rest(doc, width);
            return;
        }
        let end = doc.paragraphs().len();
        let index = self.tail_from(doc, width, end, TAIL_ROWS);
        let base = self.estimate_base(doc, &index);
        self.tail = Some(Tail { index, base });
        self.settle(doc, width);
    }

    /// Wraps the tail back until it holds row `row` (or meets the head).
    pub fn extend_back(&mut self, doc: &Document, width: usize, row: usize) {
        while let Some(tail) = self.tail.as_ref().filter(|t| t.base > row) {
            let (old_first, old_base) = (tail.index.first(), tail.base);
            let more = (old_base - row).max(tail.index.rows());
            let index = self.tail_from(doc, width, old_first, more);
            if index.paras() == 0 {
                // The tail starts where the head ends: they meet.
                self.complete(doc, width);
                return;
            }
            let before = index.rows() + 1;
            let mut grown = RowIndex::starting_at(index.first());
            grown.index_to(doc, width, doc.paragraphs().len());
            let base = old_base.saturating_sub(before).max(self.least_base(&grown));
            // The old tail's first row is now `base + before`.
            self.push_shift(old_base, base + before);
            self.tail = Some(Tail { index: grown, base });
            self.settle(doc, width);
        }
    }

    /// The rows of paragraphs before `end`, back from it until they are at least `rows` or
    /// reach the head's end (the number of paragraphs doubling each try).
    fn tail_from(&self, doc: &Document, width: usize, end: usize, rows: usize) -> RowIndex {
        let floor = self.head.end().min(end);
        let mut take = 64;
        loop {
            let first = end.saturating_sub(take).max(floor);
            let mut index = RowIndex::starting_at(first);
            index.index_to(doc, width, end);
            if index.rows() >= rows || first == floor {
                return index;
            }
            take = take.saturating_mul(2);
        }
    }

    /// The fewest rows that can come before the tail's first: the head's, its gap, and a
    /// gap for each paragraph between (as if each wrapped to no line).
    fn least_base(&self, tail: &RowIndex) -> usize {
        let head = if self.head.paras() > 0 {
            self.head.rows() + 1
        } else {
            0
        };
        head + tail.first().saturating_sub(self.head.end())
    }

    /// Rows before the tail's first, estimated from the lines per byte of what is indexed.
    fn estimate_base(&self, doc: &Document, tail: &RowIndex) -> usize {
        let bytes = |from: usize, to: usize| -> usize {
            let run = doc.paragraphs().get(from..to).unwrap_or(&[]);
            run.iter().map(Paragraph::len).sum()
        };
        let lines = |index: &RowIndex| index.rows().saturating_sub(index.paras().saturating_sub(1));
        let seen_bytes = bytes(0, self.head.end()) + bytes(tail.first(), tail.end());
        let seen_lines = lines(&self.head) + lines(tail);
        let gap_bytes = bytes(self.head.end(), tail.first());
        // u128: bytes times lines of a huge document need not fit a usize product.
        let wide = gap_bytes as u128 * seen_lines as u128 / seen_bytes.max(1) as u128;
        let gap_lines = usize::try_from(wide).unwrap_or(usize::MAX);
        self.least_base(tail).saturating_add(gap_lines)
    }

    /// Records that the rows from `from` on now start at `to`.
    fn push_shift(&mut self, from: usize, to: usize) {
        let by = isize::try_from(to).unwrap_or(isize::MAX) - isize::try_from(from).unwrap_or(0);
        if by != 0 {
            self.shifts.push(Shift { from, by });
        }
    }

    /// After the head grew: when it reached the tail, the head takes the tail's
    /// paragraphs and its rows their true numbers; when it came too close to the tail's
    /// estimated first row, the tail moves down.
    fn settle(&mut self, doc: &Document, width: usize) {
        let Some(tail) = self.tail.as_ref() else {
            return;
        };
        let old_base = tail.base;
        let least = self.least_base(&tail.index);
        if self.head.end() >= tail.index.first() {
            let gap = usize::from(self.head.paras() > 0);
            let true_base = self.head.rows() + gap;
            self.tail = None;
            self.head.index_rest(doc, width);
            self.push_shift(old_base, true_base);
        } else if old_base < least {
            if let Some(t) = self.tail.as_mut() {
                t.base = least;
            }
            self.push_shift(old_base, least);
        }
    }

    /// The row number changes since the last call, oldest first.
    pub fn take_shifts(&mut self) -> Vec<Shift> {
        std::mem::take(&mut self.shifts)
    }

    /// Bytes the index holds.
    pub fn heap_bytes(&self) -> usize {
        self.head.heap_bytes() + self.tail.as_ref().map_or(0, |t| t.index.heap_bytes())
    }
}
