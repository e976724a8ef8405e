//! The vocabulary of the keymap, the help overlay and the tests: every key becomes one of
//! these before anything changes.

/// A named thing the user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave okur.
    Quit,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Move down one row in the focused pane.
    Down,
    /// Move up one row in the focused pane.
    Up,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Open the selected document (or select the entity under the cursor).
    Open,
    /// Show or hide the key help.
    Help,
    /// Close an overlay, clear a selection or filter.
    Cancel,
    /// Show or hide the entity panel.
    ToggleEntities,
    /// Flip the base direction of the paragraph under the cursor.
    FlipDirection,
    /// Cycle the document list's sort order.
    CycleSort,
    /// Jump to the next highlighted mention or match in the open document.
    NextMatch,
    /// Jump to the previous highlighted mention or match.
    PrevMatch,
    /// Show only documents that mention the selected entity.
    FilterByEntity,
}

impl Action {
    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first row",
            Action::Bottom => "last row",
            Action::Open => "open document / select entity",
            Action::Help => "this help",
            Action::Cancel => "close overlay, clear filter",
            Action::ToggleEntities => "show/hide entity panel",
            Action::FlipDirection => "flip paragraph direction (RTL/LTR)",
            Action::CycleSort => "sort list: file / date / title / language",
            Action::NextMatch => "next mention / match",
            Action::PrevMatch => "previous mention / match",
            Action::FilterByEntity => "list only documents with the selected entity",
        }
    }
}
