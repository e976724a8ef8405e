//! Where a document's pane rows fall, without the rows themselves: for each paragraph wrapped
//! so far its first row and where each of its lines starts. Wrapping needs only the clusters'
//! widths (not levels, not cells), so the index of a whole document is cheap to build and
//! small to keep (a word per row), and any row can be laid out from it on its own.

use std::collections::HashMap;

use super::levels::{CHUNK, Cutter};
use super::lines::Resume;
use super::wrap::line_starts;
use crate::corpus::{Document, Paragraph};

/// The rows of one indexed paragraph: 16 bytes (24 with three `usize`s), since a 200 MB
/// document has over a million paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ParaRows {
    /// Pane row of its first line (the gap before it comes first).
    first_row: usize,
    /// Index of its first line in [`RowIndex::line_starts`].
    first_line: u32,
    /// How many lines it wraps to.
    lines: u32,
}

impl ParaRows {
    fn lines(&self) -> usize {
        self.lines as usize
    }

    fn first_line(&self) -> usize {
        self.first_line as usize
    }
}

/// A paragraph offset or a line count as the index stores it: paragraphs are cut at
/// `MAX_PARA_BYTES` (64 KiB) and documents are far below 4 GiB lines, so this never
/// saturates in practice; saturating keeps a wrong row rather than a panic if it did.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The line starts of a run of paragraphs wrapped together: each paragraph's line count,
/// and all their starts one after the other (one allocation per run, not per paragraph).
#[derive(Debug, Default)]
struct Wrapped {
    counts: Vec<u32>,
    starts: Vec<u32>,
}

impl Wrapped {
    /// Wraps `text` (a paragraph's) at `width` and adds its lines.
    fn add(&mut self, text: &str, width: usize) {
        let before = self.starts.len();
        line_starts(text, width, |s| self.starts.push(narrow(s)));
        self.counts.push(narrow(self.starts.len() - before));
    }
}

/// A row of the index: a line of a paragraph, or the gap between two paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Line `1` of paragraph `0`.
    Line(usize, usize),
    /// The blank row between two paragraphs.
    Gap,
}

/// The row index of a run of a document's paragraphs (from paragraph `first` on) at one
/// pane width; its rows count from 0 at the first line of paragraph `first`.
#[derive(Debug, Clone, Default)]
pub(crate) struct RowIndex {
    /// The document paragraph its first entry is.
    first: usize,
    paras: Vec<ParaRows>,
    /// Paragraph offset where each line starts, paragraph after paragraph.
    line_starts: Vec<u32>,
}

impl RowIndex {
    /// An empty index whose first paragraph will be document paragraph `first`.
    pub fn starting_at(first: usize) -> RowIndex {
        RowIndex {
            first,
            ..RowIndex::default()
        }
    }

    /// The document paragraph of its first entry.
    pub fn first(&self) -> usize {
        self.first
    }

    /// Paragraphs indexed so far.
    pub fn paras(&self) -> usize {
        self.paras.len()
    }

    /// The document paragraph after the last one indexed.
    pub fn end(&self) -> usize {
        self.first + self.paras.len()
    }

    /// Rows indexed so far.
    pub fn rows(&self) -> usize {
        self.paras.last().map_or(0, |p| p.first_row + p.lines())
    }

    /// Wraps the next paragraph of `doc` at `width` and adds its rows.
    pub fn index_next(&mut self, doc: &Document, width: usize) {
        let Some(para) = doc.paragraphs().get(self.end()) else {
            return;
        };
        let mut wrapped = Wrapped::default();
        wrapped.add(&para.text(&doc.text().unwrap_or_default()), width);
        self.push(&wrapped);
    }

    /// Wraps every paragraph not indexed yet, on as many threads as there are cores (up to
    /// four).
    pub fn index_rest(&mut self, doc: &Document, width: usize) {
        self.index_to(doc, width, doc.paragraphs().len());
    }

    /// Wraps the paragraphs after the last one indexed up to (not including) document
    /// paragraph `end`, on as many threads as there are cores (up to four).
    pub fn index_to(&mut self, doc: &Document, width: usize, end: usize) {
        let rest = doc.paragraphs().get(self.end()..end).unwrap_or(&[]);
        let bytes: usize = rest.iter().map(Paragraph::len).sum();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let share = bytes / threads + 1;
        // Split into runs of paragraphs of about `share` bytes each.
        let mut runs: Vec<&[Paragraph]> = Vec::new();
        let (mut from, mut acc) = (0, 0);
        for (i, p) in rest.iter().enumerate() {
            acc += p.len();
            if acc >= share {
                runs.push(&rest[from..=i]);
                (from, acc) = (i + 1, 0);
            }
        }
        runs.push(&rest[from..]);
        let whole = doc.text().unwrap_or_default();
        let text: &str = &whole;
        let wrapped: Vec<Wrapped> = std::thread::scope(|scope| {
            let handles: Vec<_> = runs
                .iter()
                .map(|run| scope.spawn(move || wrap_run(run, text, width)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for run in &wrapped {
            self.push(run);
        }
    }

    /// Appends the paragraphs of a run.
    fn push(&mut self, run: &Wrapped) {
        self.paras.reserve(run.counts.len());
        let mut first_line = self.line_starts.len();
        for &lines in &run.counts {
            let first_row = match self.paras.last() {
                Some(p) => p.first_row + p.lines() + 1,
                None => 0,
            };
            self.paras.push(ParaRows {
                first_row,
                first_line: narrow(first_line),
                lines,
            });
            first_line += lines as usize;
        }
        self.line_starts.extend_from_slice(&run.starts);
    }

    /// The entry of document paragraph `para`, if it is indexed here.
    fn entry(&self, para: usize) -> Option<&ParaRows> {
        self.paras.get(para.checked_sub(self.first)?)
    }

    /// What row `row` shows, if it is indexed (paragraphs are the document's).
    pub fn slot(&self, row: usize) -> Option<Slot> {
        if row >= self.rows() {
            return None;
        }
        let p = self
            .paras
            .partition_point(|p| p.first_row <= row)
            .checked_sub(1)?;
        let rows = self.paras.get(p)?;
        let line = row - rows.first_row;
        Some(if line < rows.lines() {
            Slot::Line(self.first + p, line)
        } else {
            Slot::Gap
        })
    }

    /// The pane row of line `line` of paragraph `para`.
    pub fn row_of(&self, para: usize, line: usize) -> Option<usize> {
        let rows = self.entry(para)?;
        (line < rows.lines().max(1)).then_some(rows.first_row + line)
    }

    /// The paragraph offset where line `line` of paragraph `para` starts.
    pub fn line_start(&self, para: usize, line: usize) -> Option<usize> {
        let rows = self.entry(para)?;
        if line >= rows.lines() {
            return None;
        }
        self.line_starts
            .get(rows.first_line() + line)
            .map(|&s| s as usize)
    }

    /// The line of paragraph `para` that paragraph offset `offset` falls in (the last one
    /// starting at or before it; 0 before the first).
    pub fn line_at(&self, para: usize, offset: usize) -> usize {
        let Some(rows) = self.entry(para) else {
            return 0;
        };
        let starts = self
            .line_starts
            .get(rows.first_line()..rows.first_line() + rows.lines())
            .unwrap_or(&[]);
        starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Bytes the index holds: what the reader keeps per document row.
    pub fn heap_bytes(&self) -> usize {
        self.paras.capacity() * std::mem::size_of::<ParaRows>()
            + self.line_starts.capacity() * std::mem::size_of::<u32>()
    }
}

/// The line starts of each paragraph of a run (of the document whose text is `doc_text`).
fn wrap_run(run: &[Paragraph], doc_text: &str, width: usize) -> Wrapped {
    let mut wrapped = Wrapped {
        counts: Vec::with_capacity(run.len()),
        starts: Vec::new(),
    };
    for p in run {
        wrapped.add(&p.text(doc_text), width);
    }
    wrapped
}

/// The bidi cuts found so far in the long paragraphs of a document (they depend on the text
/// only, not on the width), so that a row deep in a long paragraph is resolved from the
/// nearest cut before it rather than from the paragraph's start.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cuts {
    /// Per paragraph: cuts in order (the first is 0), and whether the last one was found.
    found: HashMap<usize, (Vec<usize>, bool)>,
}

impl Cuts {
    /// Where to resume laying out paragraph `index` (whose text is `text`) at row start
    /// `row`.
    pub fn resume(&mut self, text: &str, index: usize, row: usize) -> Resume {
        if text.len() <= CHUNK {
            return Resume {
                row,
                ..Resume::default()
            };
        }
        let (cuts, done) = self.found.entry(index).or_insert_with(|| (vec![0], false));
        while !*done && cuts.last().is_some_and(|&c| c < row) {
            let from = cuts.last().copied().unwrap_or(0);
            match Cutter::new(text, CHUNK, from).next_piece() {
                Some(piece) if piece.end < text.len() => cuts.push(piece.end),
                _ => *done = true,
            }
        }
        let at = cuts.partition_point(|&c| c <= row).saturating_sub(1);
        Resume {
            row,
            cut: cuts.get(at).copied().unwrap_or(0),
            chunk: CHUNK,
        }
    }
}
