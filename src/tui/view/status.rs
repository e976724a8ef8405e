//! The status line: what is open, the last message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

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

/// The open prompt: its name and the text typed, laid out like every other pane (so Arabic
/// typed in it reads right), with the caret drawn on the cell that shows the character after
/// it, or as a block after the text when it is at the end. A text longer than the line is
/// cut so that the caret stays in view.
fn draw_prompt(app: &App, input: &super::super::app::Input, area: Rect, buf: &mut Buffer) {
    use super::super::app::InputKind;
    let name = match input.kind {
        InputKind::Tag => "tag (Enter toggles): ",
        InputKind::Note => "note: ",
        InputKind::Filter => "/",
    };
    let text = format!("{name}{}", input.text);
    let caret = name.len()
        + app
            .prompt_caret
            .unwrap_or(input.text.len())
            .min(input.text.len());
    let (start, end) = visible_range(&text, caret, usize::from(area.width));
    let opts = LayoutOptions {
        width: usize::from(area.width).max(1),
        ..app.layout_base
    };
    let at = caret - start;
    let status = app.theme.status;
    let on_caret = caret_style(status);
    let mut x = area.x;
    if let Some(line) = layout_line(&text[start..end], &opts, Direction::Ltr) {
        let line = VisualLine { indent: 0, ..line };
        let style_of = |s: usize, e: usize| {
            if s <= at && at < e.max(s + 1) {
                on_caret
            } else {
                status
            }
        };
        draw_line(buf, area, area.y, &line, &style_of);
        x = x.saturating_add(u16::try_from(line.width()).unwrap_or(u16::MAX));
    }
    if caret == text.len() && x < area.x.saturating_add(area.width) {
        buf.set_stringn(x, area.y, "█", 1, status);
    }
}

/// The byte range of `text` the prompt shows in `width` cells: from where the caret (byte
/// offset `caret`) still has a cell, to what fits after it. Cut on character boundaries;
/// laid out whole, so bidi never wraps it.
fn visible_range(text: &str, caret: usize, width: usize) -> (usize, usize) {
    use unicode_width::UnicodeWidthStr;
    // The caret's cell, or the block after the text, takes the last column at most.
    let room = width.saturating_sub(1);
    let mut start = 0;
    while start < caret && text[start..caret].width() > room {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let mut end = text.len();
    while end > caret && text[start..end].width() > width {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    (start, end)
}

/// The caret's cell: the status line's colours the other way round.
fn caret_style(status: Style) -> Style {
    if status.add_modifier.contains(Modifier::REVERSED) {
        status.remove_modifier(Modifier::REVERSED)
    } else {
        status.add_modifier(Modifier::REVERSED)
    }
}
