//! The `?` overlay, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::super::app::App;

/// Draws the help box centred on the screen.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let entries = app.keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let text_width = entries
        .iter()
        .map(|(_, a)| a.describe().chars().count())
        .max()
        .unwrap_or(0);
    let width = ((key_width + text_width + 5) as u16).min(screen.width);
    let height = ((entries.len() + 2) as u16).min(screen.height);
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
    for ((keys, action), y) in entries.iter().zip(inner.y..inner.y + inner.height) {
        let w = usize::from(inner.width);
        buf.set_stringn(inner.x, y, keys, w, app.theme.heading);
        let x = inner.x + (key_width as u16 + 2).min(inner.width);
        let rest = usize::from(inner.width.saturating_sub(x - inner.x));
        buf.set_stringn(x, y, action.describe(), rest, ratatui::style::Style::new());
    }
}
