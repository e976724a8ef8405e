//! A list of rows with a cursor on it, as the document list and the entity panel hold
//! theirs: the rows and the cursor change together, so the cursor is always on a row (or
//! on the first place when there is none).

use super::app::Cursor;

/// Rows (indices into something the owner knows) and a cursor on them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    order: Vec<usize>,
    cursor: Cursor,
}

impl Rows {
    /// The rows `0..len`, in that order, the cursor on the first.
    pub fn new(len: usize) -> Rows {
        Rows {
            order: (0..len).collect(),
            cursor: Cursor::default(),
        }
    }

    /// The rows, in display order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The cursor: selected row and first visible row.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// What the row under the cursor shows.
    pub fn under_cursor(&self) -> Option<usize> {
        self.order.get(self.cursor.selected).copied()
    }

    /// The row showing `item`, if one does.
    pub fn row_of(&self, item: usize) -> Option<usize> {
        self.order.iter().position(|&d| d == item)
    }

    /// Puts the cursor on `row` (the last row when past it).
    pub fn select_row(&mut self, row: usize) {
        self.cursor.selected = row.min(self.order.len().saturating_sub(1));
    }

    /// Moves the cursor by `delta` rows and keeps it in a window of `height` rows.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        self.cursor.move_by(delta, self.order.len());
        self.cursor.follow(height);
    }

    /// Scrolls the view by `delta` rows (the mouse wheel), the cursor kept in view.
    pub fn scroll(&mut self, delta: isize, height: usize) {
        self.cursor.scroll(delta, self.order.len(), height);
    }

    /// Puts the cursor on the `row`-th visible row (a click), if a row is shown there;
    /// true when the cursor was on it already (a second click opens it).
    pub fn click(&mut self, row: usize) -> bool {
        let target = self.cursor.offset + row;
        if target >= self.order.len() {
            return false;
        }
        let again = self.cursor.selected == target;
        self.cursor.selected = target;
        again
    }

    /// Keeps the cursor in a window of `height` rows.
    pub fn follow(&mut self, height: usize) {
        self.cursor.follow(height);
    }

    /// The cursor on the first row, scrolled to the top.
    pub fn to_top(&mut self) {
        self.cursor = Cursor::default();
    }

    /// New rows, the cursor on `row` (clamped to them).
    pub fn set(&mut self, order: Vec<usize>, row: usize) {
        self.order = order;
        self.select_row(row);
        self.cursor.offset = self.cursor.offset.min(self.cursor.selected);
    }
}

/// Lets a pane's type be read and moved as its [`Rows`] (field `rows`): order, cursor,
/// the row under the cursor. The rows themselves change only through the pane's own
/// methods, which keep what it remembers about them in step.
macro_rules! rows_of {
    ($pane:ty) => {
        impl std::ops::Deref for $pane {
            type Target = $crate::tui::rows::Rows;

            fn deref(&self) -> &$crate::tui::rows::Rows {
                &self.rows
            }
        }

        impl std::ops::DerefMut for $pane {
            fn deref_mut(&mut self) -> &mut $crate::tui::rows::Rows {
                &mut self.rows
            }
        }
    };
}
pub(crate) use rows_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_a_row() {
        let mut rows = Rows::new(5);
        rows.select_row(9);
        assert_eq!(rows.under_cursor(), Some(4));
        rows.set(vec![2, 0], 7);
        assert_eq!(rows.under_cursor(), Some(0));
        rows.set(Vec::new(), 3);
        assert_eq!(rows.under_cursor(), None);
        assert_eq!(rows.row_of(2), None);
    }
}
