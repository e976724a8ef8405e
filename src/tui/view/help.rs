//! The `?` overlay, generated from the keymap; as many columns as the screen needs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::super::app::App;

/// Draws the help box centred on the screen.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let entries = app.keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(14);
    let text_width = entries
        .iter()
        .map(|(_, a)| a.describe().chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let col_width = key_width + text_width + 3;
    let rows_fit = usize::from(screen.height.saturating_sub(2)).max(1);
    let columns = entries.len().div_ceil(rows_fit).max(1);
    let rows = entries.len().div_ceil(columns);
    let width = ((col_width * columns + 2) as u16).min(screen.width);
    let height = ((rows + 2) as u16).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(" Keys · Esc closes ");
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, (keys, action)) in entries.iter().enumerate() {
        let (col, row) = (i / rows, i % rows);
        let x = inner.x.saturating_add((col * col_width) as u16);
        let y = inner.y + row as u16;
        let right = inner.x + inner.width;
        if y >= inner.y + inner.height || x >= right {
            continue;
        }
        let room = usize::from(right - x);
        buf.set_stringn(x, y, keys, room.min(key_width), app.theme.heading);
        let tx = x.saturating_add(key_width as u16 + 1);
        if tx < right {
            let room = usize::from(right - tx).min(text_width + 1);
            buf.set_stringn(tx, y, action.describe(), room, Style::new());
        }
    }
}
