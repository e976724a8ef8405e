//! The status line: what is open, the last message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::action::Action;
use super::super::app::App;
use super::draw_line;
use crate::layout::{Direction, LayoutOptions, VisualLine, layout_line};

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
    let opts = LayoutOptions {
        width: usize::from(left_width),
        ..app.layout_base
    };
    if let Some(line) = layout_line(&message, &opts, Direction::Ltr) {
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

/// The open prompt: its name, the text typed (laid out like every other pane, so Arabic
/// typed in it reads right), a cursor block. A text longer than the line shows its end.
fn draw_prompt(app: &App, input: &super::super::app::Input, area: Rect, buf: &mut Buffer) {
    use super::super::app::InputKind;
    use unicode_width::UnicodeWidthStr;
    let name = match input.kind {
        InputKind::Tag => "tag (Enter toggles): ",
        InputKind::Note => "note: ",
        InputKind::Filter => "/",
    };
    let room = usize::from(area.width).saturating_sub(1);
    let text = format!("{name}{}", input.text);
    let mut start = 0;
    while text[start..].width() > room {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let opts = LayoutOptions {
        width: room.max(1),
        ..app.layout_base
    };
    let mut x = area.x;
    if let Some(line) = layout_line(&text[start..], &opts, Direction::Ltr) {
        let line = VisualLine { indent: 0, ..line };
        draw_line(buf, area, area.y, &line, &|_, _| app.theme.status);
        x = x.saturating_add(u16::try_from(line.width()).unwrap_or(u16::MAX));
    }
    if x < area.x.saturating_add(area.width) {
        buf.set_stringn(x, area.y, "█", 1, app.theme.status);
    }
}
