//! The entity panel as the app holds it: which entity rows it lists and in what order,
//! where its cursor is, which entity is selected (its mentions highlighted), whether it is
//! shown, and how extraction is going. Private fields: the rows and the cursor change
//! together, so the cursor is always on a listed row.

use super::rows::Rows;

/// The entity panel.
#[derive(Debug, Clone, Default)]
pub struct EntityPanel {
    /// Entity rows listed (indices into the extraction's entities), in display order,
    /// and the cursor.
    rows: Rows,
    /// The entity whose mentions are highlighted.
    selected: Option<usize>,
    /// The user's choice; `None` follows the terminal's width.
    shown: Option<bool>,
    /// Documents extracted so far and in all, while extraction runs.
    progress: Option<(usize, usize)>,
    /// Why extraction failed, when it did: the panel says so instead of "nothing found".
    failed: Option<String>,
}

/// Narrower than this, the panel is hidden unless the user shows it.
const SHOWN_FROM_WIDTH: u16 = 100;

impl EntityPanel {
    /// A panel listing `len` entity rows in their own order.
    pub fn new(len: usize) -> EntityPanel {
        EntityPanel {
            rows: Rows::new(len),
            ..EntityPanel::default()
        }
    }

    /// Lists `order`, the cursor kept on a listed row.
    pub fn set_order(&mut self, order: Vec<usize>) {
        let row = self.rows.cursor().selected;
        self.rows.set(order, row);
    }

    /// The entity whose mentions are highlighted, if any.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Highlights an entity's mentions (`None`: none).
    pub fn select(&mut self, entity: Option<usize>) {
        self.selected = entity;
    }

    /// Whether the panel shows on a screen `width` cells wide.
    pub fn visible(&self, width: u16) -> bool {
        self.shown.unwrap_or(width >= SHOWN_FROM_WIDTH)
    }

    /// The user shows or hides the panel, whatever the width.
    pub fn set_shown(&mut self, shown: bool) {
        self.shown = Some(shown);
    }

    /// Documents extracted so far and in all, while extraction runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// Extraction moved on (`None`: it ended).
    pub fn set_progress(&mut self, progress: Option<(usize, usize)>) {
        self.progress = progress;
    }

    /// Why extraction failed, if it did.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Extraction failed for `why` (`None`: it did not, or it ran again).
    pub fn set_failed(&mut self, why: Option<String>) {
        self.failed = why;
    }
}

super::rows::rows_of!(EntityPanel);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_a_listed_row() {
        let mut panel = EntityPanel::new(4);
        panel.select_row(3);
        panel.set_order(vec![2, 0]);
        assert_eq!(panel.under_cursor(), Some(0));
        panel.set_order(Vec::new());
        assert_eq!(panel.under_cursor(), None);
        assert!(panel.visible(120) && !panel.visible(80));
        panel.set_shown(true);
        assert!(panel.visible(80));
    }
}
