//! A laid-out row and its cells, stored compactly: the symbols of a row in one string, and
//! per cell only offsets (relative to the row, as `u32`) and a width, 16 bytes a cell where
//! a `String` and three `usize`s took 48 bytes and an allocation each.

use super::Direction;

/// One terminal cell: a grapheme cluster (or its display copy) and what it shows. A view
/// into a [`VisualLine`], made on demand by [`VisualLine::cells`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualCell<'a> {
    /// What the terminal cell holds: a whole grapheme cluster, mirrored or shaped if needed.
    pub symbol: &'a str,
    /// Display width (1 or 2).
    pub width: usize,
    /// Logical byte range in the document that this cell shows.
    pub start: usize,
    /// End of the logical range (exclusive).
    pub end: usize,
}

/// What a row keeps per cell: its document range relative to the row's start, where its
/// symbol ends in the row's symbols, and its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CellData {
    from: u32,
    to: u32,
    symbol_end: u32,
    width: u8,
}

/// One row of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Index of the paragraph in the document.
    pub para: usize,
    /// Base direction of the paragraph.
    pub dir: Direction,
    /// Byte range of the document that the row shows.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
    /// The row's text in logical order.
    pub logical: String,
    /// Blank cells to the left (right alignment of RTL rows).
    pub indent: usize,
    /// The cells' symbols, left to right.
    symbols: String,
    cells: Vec<CellData>,
}

/// A row offset as stored: rows never span 4 GiB (inputs are capped far below that), and
/// the value saturates rather than wraps if one ever did.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl VisualLine {
    /// A row with no cells yet, showing document bytes `start..end`.
    pub(crate) fn new(para: usize, dir: Direction, start: usize, end: usize) -> VisualLine {
        VisualLine {
            para,
            dir,
            start,
            end,
            logical: String::new(),
            indent: 0,
            symbols: String::new(),
            cells: Vec::new(),
        }
    }

    /// Appends the cell drawn right of the others: `width` cells wide, showing document
    /// bytes `start..end` (inside the row's range), its symbol written by `symbol`.
    pub(crate) fn push_cell(
        &mut self,
        width: usize,
        start: usize,
        end: usize,
        symbol: impl FnOnce(&mut String),
    ) {
        symbol(&mut self.symbols);
        self.cells.push(CellData {
            from: narrow(start.saturating_sub(self.start)),
            to: narrow(end.saturating_sub(self.start)),
            symbol_end: narrow(self.symbols.len()),
            width: u8::try_from(width).unwrap_or(u8::MAX),
        });
    }

    /// Cell `i`, counted from the left.
    pub fn cell(&self, i: usize) -> Option<VisualCell<'_>> {
        self.cells.get(i).map(|data| self.view(i, data))
    }

    /// The cells left to right.
    pub fn cells(
        &self,
    ) -> impl DoubleEndedIterator<Item = VisualCell<'_>> + ExactSizeIterator + Clone + '_ {
        self.cells
            .iter()
            .enumerate()
            .map(|(i, data)| self.view(i, data))
    }

    fn view(&self, i: usize, data: &CellData) -> VisualCell<'_> {
        let from = i
            .checked_sub(1)
            .and_then(|p| self.cells.get(p))
            .map_or(0, |c| c.symbol_end as usize);
        VisualCell {
            symbol: self
                .symbols
                .get(from..data.symbol_end as usize)
                .unwrap_or(""),
            width: usize::from(data.width),
            start: self.start + data.from as usize,
            end: self.start + data.to as usize,
        }
    }

    /// How many cells the row has.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// The cells' symbols, left to right, without padding.
    pub fn visual(&self) -> String {
        self.symbols.clone()
    }

    /// Total width of the cells.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|c| usize::from(c.width)).sum()
    }

    /// The row as printed: padding then cells, trailing spaces trimmed.
    pub fn to_text(&self) -> String {
        let row = format!("{}{}", " ".repeat(self.indent), self.symbols);
        row.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_takes_sixteen_bytes() {
        // A String and three usizes took 48 bytes plus an allocation per cell.
        assert!(std::mem::size_of::<CellData>() <= 16);
    }

    #[test]
    fn cells_read_back_as_pushed() {
        let mut line = VisualLine::new(0, Direction::Rtl, 100, 110);
        line.push_cell(1, 108, 110, |s| s.push('د'));
        line.push_cell(1, 102, 108, |s| s.push_str("مَّ"));
        line.push_cell(2, 100, 102, |s| s.push('界'));
        let cells: Vec<_> = line.cells().collect();
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[1].symbol, "مَّ");
        assert_eq!((cells[1].start, cells[1].end), (102, 108));
        assert_eq!(cells[2].width, 2);
        assert_eq!(line.visual(), "دمَّ界");
        assert_eq!(line.width(), 4);
        assert_eq!(line.cells().next_back(), line.cell(2));
    }
}
