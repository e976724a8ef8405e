//! The reading pane: rows from the cached layout, boilerplate dimmed, mentions of the
//! selected entity highlighted, the cursor row underlined.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::app::{App, Focus};
use super::{draw_line, pane_block};
use crate::corpus::ParaKind;
use crate::layout::PaneRow;

/// Draws the open document.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let title = app.open_doc().map_or_else(String::new, |d| {
        format!(" {} · {} ", d.lang.code(), short(&d.path, 40))
    });
    let block = pane_block(app, Focus::Reader, title);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(doc) = app.open_doc() else { return };
    if doc.is_empty() {
        buf.set_string(inner.x, inner.y, "(empty document)", app.theme.dim);
        return;
    }
    let highlights = super::super::navigate::highlights(app);
    let cursor = &app.reader.cursor;
    for (i, y) in (cursor.offset..).zip(inner.y..inner.y + inner.height) {
        let Some(PaneRow::Text(line)) = app.reader.layout.row(i) else {
            continue;
        };
        let dim = doc
            .paragraphs
            .get(line.para)
            .is_some_and(|p| p.kind == ParaKind::Boilerplate);
        let mut base = if dim { app.theme.dim } else { Style::new() };
        if i == cursor.selected && app.focus == Focus::Reader {
            base = base.patch(app.theme.cursor);
        }
        let style_of = |s: usize, e: usize| {
            if highlights.iter().any(|&(hs, he)| s < he && hs < e) {
                base.patch(app.theme.highlight)
            } else {
                base
            }
        };
        draw_line(buf, inner, y, line, &style_of);
    }
}

/// The tail of a long path, for titles.
pub fn short(path: &str, max: usize) -> String {
    let n = path.chars().count();
    if n <= max {
        return path.to_string();
    }
    let tail: String = path.chars().skip(n - max + 1).collect();
    format!("…{tail}")
}
