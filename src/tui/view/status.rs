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
    if let Some(input) = &app.input {
        draw_prompt(app, input, area, buf);
        return;
    }
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

/// The open prompt: its name, the text typed, a cursor block.
fn draw_prompt(app: &App, input: &super::super::app::Input, area: Rect, buf: &mut Buffer) {
    use super::super::app::InputKind;
    let name = match input.kind {
        InputKind::Tag => "tag (Enter toggles): ",
        InputKind::Note => "note: ",
        InputKind::Filter => "/",
    };
    let text = format!("{name}{}█", input.text);
    let width = usize::from(area.width);
    let skip = text.chars().count().saturating_sub(width);
    let shown: String = text.chars().skip(skip).collect();
    buf.set_stringn(area.x, area.y, shown, width, app.theme.status);
}
