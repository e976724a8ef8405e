//! The mouse: a click focuses the pane under the pointer and puts its cursor on the row
//! clicked (in the text, the caret on the cell clicked); a second click on the selected
//! row opens it (a document, or an entity's first mention); the wheel scrolls the pane
//! under the pointer by three rows, leaving the keyboard focus and, as far as the view
//! allows, the cursor where they are. While a prompt, a question or the help is open, the
//! mouse does nothing: they take keys.

use ratatui::layout::{Margin, Position, Rect};

use super::app::{App, Focus};
use super::effect::Effect;
use super::mode::Mode;
use super::moves;
use super::msg::{Mouse, MouseKind};
use super::view::Panes;
use crate::layout::PaneRow;

/// Rows one turn of the wheel scrolls, as most terminal programs do.
const WHEEL_ROWS: isize = 3;

/// Handles a mouse event.
pub fn mouse(app: &mut App, mouse: Mouse, panes: &Panes) -> Vec<Effect> {
    if app.mode != Mode::Normal {
        return Vec::new();
    }
    let at = Position::new(mouse.column, mouse.row);
    let Some((pane, area)) = pane_at(panes, at) else {
        return Vec::new();
    };
    match mouse.kind {
        MouseKind::WheelUp | MouseKind::WheelDown => {
            let delta = match mouse.kind {
                MouseKind::WheelUp => -WHEEL_ROWS,
                _ => WHEEL_ROWS,
            };
            scroll(app, panes, pane, delta);
            Vec::new()
        }
        MouseKind::Click => click(app, panes, pane, area, at),
    }
}

/// The wheel scrolls the pane under the pointer; the keyboard focus stays where it is,
/// and a cursor moves only as far as it must to stay in view (the caret with it).
fn scroll(app: &mut App, panes: &Panes, pane: Focus, delta: isize) {
    match pane {
        Focus::List => app.list.scroll(delta, panes.list_height()),
        Focus::Entities => app.panel.scroll(delta, panes.entities_height()),
        Focus::Reader => {
            let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
                return;
            };
            let height = panes.reader_height();
            let wanted = app.reader.cursor.offset.saturating_add_signed(delta) + 2 * height;
            app.reader.layout.ensure_rows(doc, wanted);
            super::moves::follow_shifts(app);
            let rows = app.reader.layout.row_count();
            let before = app.reader.cursor.selected;
            let x = super::caret::current_x(app);
            app.reader.cursor.scroll(delta, rows, height);
            if app.reader.cursor.selected != before {
                super::caret::settle(app, panes, delta, x);
            }
        }
    }
}

/// The pane under a screen position, with its area.
fn pane_at(panes: &Panes, at: Position) -> Option<(Focus, Rect)> {
    [
        (Focus::List, panes.list),
        (Focus::Reader, panes.reader),
        (Focus::Entities, panes.entities),
    ]
    .into_iter()
    .find_map(|(focus, area)| area.filter(|a| a.contains(at)).map(|a| (focus, a)))
}

/// A click in a pane, at a position inside its borders.
fn click(app: &mut App, panes: &Panes, pane: Focus, area: Rect, at: Position) -> Vec<Effect> {
    let inner = area.inner(Margin::new(1, 1));
    app.focus = pane;
    if !inner.contains(at) {
        return Vec::new();
    }
    let row = usize::from(at.y - inner.y);
    let again = match pane {
        Focus::List => app.list.click(row),
        Focus::Entities => app.panel.click(row),
        Focus::Reader => {
            click_text(app, panes, row, usize::from(at.x - inner.x));
            false
        }
    };
    match again {
        true => moves::open(app, panes),
        false => Vec::new(),
    }
}

/// A click in the text: the cursor on that row, the caret on the cell under the pointer
/// (the nearest one past the end of a short row). Rows of the note above the text and
/// blank rows between paragraphs only focus the pane.
fn click_text(app: &mut App, panes: &Panes, row: usize, x: usize) {
    let Some(text_row) = row.checked_sub(usize::from(panes.note_rows)) else {
        return;
    };
    let target = app.reader.cursor.offset + text_row;
    let Some(PaneRow::Text(line)) = app.reader.layout.row(target) else {
        return;
    };
    let Some(offset) = super::caret::offset_at_x(line, x) else {
        return;
    };
    let before = app.reader.caret;
    app.reader.cursor.selected = target;
    app.reader.caret = offset;
    super::annotate::say_span_under_caret(app, before);
}
