//! Drawing: small widgets over `&App`. Nothing here changes state.

mod cells;
mod entities;
mod header;
mod help;
mod list;
mod reader;
mod status;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders};

use super::app::{App, Focus};

pub use cells::draw_line;

/// Narrower than this, only the focused pane is shown.
const SINGLE_PANE_BELOW: u16 = 60;

/// Where each pane goes on the screen; `None` for a hidden pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// Document list.
    pub list: Option<Rect>,
    /// Reading pane.
    pub reader: Option<Rect>,
    /// Entity panel.
    pub entities: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// The whole screen.
    pub screen: Rect,
    /// Rows at the top of the reading pane above the open document's text: its note and
    /// the article's header.
    pub note_rows: u16,
}

fn inner_height(r: Option<Rect>, screen: Rect) -> usize {
    usize::from(r.unwrap_or(screen).height.saturating_sub(2)).max(1)
}

impl Panes {
    /// Rows visible in the document list.
    pub fn list_height(&self) -> usize {
        inner_height(self.list, self.screen)
    }

    /// Rows of the document visible in the reading pane (below the note, if shown).
    pub fn reader_height(&self) -> usize {
        inner_height(self.reader, self.screen)
            .saturating_sub(usize::from(self.note_rows))
            .max(1)
    }

    /// Rows visible in the entity panel (minus its header row).
    pub fn entities_height(&self) -> usize {
        inner_height(self.entities, self.screen)
    }

    /// Width available to text in the reading pane.
    pub fn reader_inner_width(&self) -> u16 {
        self.reader
            .unwrap_or(self.screen)
            .width
            .saturating_sub(2)
            .max(1)
    }
}

/// Splits the screen for the app's state.
pub fn panes(area: Rect, app: &App) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let show_entities = app.entities_visible(area.width);
    let mut panes = Panes {
        list: None,
        reader: None,
        entities: None,
        status,
        screen: main,
        note_rows: 0,
    };
    if area.width < SINGLE_PANE_BELOW {
        match app.focus {
            Focus::List => panes.list = Some(main),
            Focus::Reader => panes.reader = Some(main),
            Focus::Entities if show_entities => panes.entities = Some(main),
            Focus::Entities => panes.reader = Some(main),
        }
        panes.note_rows = reader::note_rows(app, panes.reader);
        panes.entities = panes.entities.map(|r| super::team_view::split(app, r).0);
        return panes;
    }
    if show_entities {
        let [l, r, e] = Layout::horizontal([
            Constraint::Percentage(28),
            Constraint::Percentage(47),
            Constraint::Percentage(25),
        ])
        .areas(main);
        (panes.list, panes.reader, panes.entities) = (Some(l), Some(r), Some(e));
    } else {
        let [l, r] = Layout::horizontal([Constraint::Percentage(32), Constraint::Percentage(68)])
            .areas(main);
        (panes.list, panes.reader) = (Some(l), Some(r));
    }
    panes.note_rows = reader::note_rows(app, panes.reader);
    // Team mode: the others' spans take the foot of the entity column.
    panes.entities = panes.entities.map(|r| super::team_view::split(app, r).0);
    panes
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = panes(area, app);
    let buf = frame.buffer_mut();
    if let Some(r) = panes.list {
        list::draw(app, r, buf);
    }
    if let Some(r) = panes.reader {
        reader::draw(app, r, buf);
    }
    if let Some(r) = panes.entities {
        entities::draw(app, r, buf);
        if let Some(team) =
            super::team_view::below(r, panes.screen).filter(|_| !app.team.here.is_empty())
        {
            super::team_view::draw_spans(app, team, buf);
        }
    }
    status::draw(app, panes.status, buf);
    if app.mode.is_help() {
        help::draw(app, area, buf);
    }
}

/// A pane's frame, highlighted when it has focus.
fn pane_block<'a>(app: &App, focus: Focus, title: String) -> Block<'a> {
    let style: Style = if app.focus == focus {
        app.theme.focus_border
    } else {
        app.theme.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}
