//! The `?` overlay, generated from the keymap: as many columns as fit side by side, scrolled
//! (with a mark saying more is above or below) when the lines do not fit in height.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::navigate::HelpPage;

/// Draws the help box centred on the screen.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let page = HelpPage::new(app, screen.width, screen.height);
    let scroll = app.mode.help_scroll().min(page.max_scroll());
    let width = clamp_u16(page.column_width() * page.columns + 2).min(screen.width);
    let height = clamp_u16(page.visible + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(" Keys · Esc closes ");
    if let Some(mark) = scroll_mark(app, &page, scroll) {
        block = block.title_bottom(mark);
    }
    let inner = block.inner(area);
    block.render(area, buf);
    for (y, row) in (inner.y..inner.y + inner.height).zip(scroll..page.rows) {
        for col in 0..page.columns {
            if let Some(line) = page.lines.get(col * page.rows + row) {
                let x = inner.x.saturating_add(clamp_u16(col * page.column_width()));
                draw_line(app, &page, line, (x, y), inner, buf);
            }
        }
    }
}

/// One help line at (`x`, `y`): its keys, then what they do, both cut to their column.
fn draw_line(
    app: &App,
    page: &HelpPage,
    line: &(String, &str),
    at: (u16, u16),
    inner: Rect,
    buf: &mut Buffer,
) {
    let (x, y) = at;
    let right = inner.x + inner.width;
    if x >= right {
        return;
    }
    let (keys, what) = line;
    let room = usize::from(right - x);
    buf.set_stringn(x, y, keys, room.min(page.key_width), app.theme.heading);
    let tx = x.saturating_add(clamp_u16(page.key_width + 1));
    if tx < right {
        let room = usize::from(right - tx).min(page.text_width + 1);
        buf.set_stringn(tx, y, what, room, Style::new());
    }
}

/// What the bottom border says when lines are hidden: which way, and the keys that scroll.
fn scroll_mark(app: &App, page: &HelpPage, scroll: usize) -> Option<String> {
    let (above, below) = (scroll > 0, scroll < page.max_scroll());
    let key = |a: Action| app.keymap.key_for(a).unwrap_or_default();
    let keys = format!("{}/{} scroll", key(Action::Down), key(Action::Up));
    match (above, below) {
        (false, false) => None,
        (false, true) => Some(format!(" ↓ more below · {keys} ")),
        (true, true) => Some(" ↑ more above · ↓ more below ".to_string()),
        (true, false) => Some(format!(" ↑ more above · {keys} ")),
    }
}

/// A cell count as a screen coordinate (screens are far narrower than `u16::MAX`).
fn clamp_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
