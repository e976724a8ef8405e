//! The status line: what is open, the last message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::action::Action;
use super::super::app::App;
use super::draw_line;
use crate::layout::{Direction, VisualLine, layout_line};

/// Draws the status line.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let hint = [Action::Help, Action::Quit]
        .iter()
        .filter_map(|a| {
            app.keymap
                .key_for(*a)
                .map(|k| format!("{k} {}", a.describe()))
        })
        .collect::<Vec<_>>()
        .join("  ");
    let hint_width = hint.chars().count() as u16;
    let left_width = area.width.saturating_sub(hint_width + 1);
    let message = if app.status.is_empty() {
        format!("okur · {} documents", app.corpus.len())
    } else {
        app.status.clone()
    };
    let left = Rect::new(area.x, area.y, left_width, 1);
    if let Some(line) = layout_line(&message, usize::from(left_width), Direction::Ltr) {
        let line = VisualLine { indent: 0, ..line };
        draw_line(buf, left, area.y, &line, &|_, _| app.theme.status);
    }
    if area.width > hint_width {
        buf.set_stringn(
            area.x + area.width - hint_width,
            area.y,
            &hint,
            usize::from(hint_width),
            app.theme.status,
        );
    }
}
