//! The entity panel: people, places and dates, grouped by kind and counted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::app::{App, Focus};
use super::{draw_line, pane_block};
use crate::kind::Kind;
use crate::layout::{Direction, layout_line, paragraph_direction};

/// Draws the panel.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let title = match (app.panel.progress(), app.panel.failed()) {
        (Some((done, total)), _) => format!(" Entities · extracting {done}/{total} "),
        (None, Some(_)) => " Entities · failed ".to_string(),
        _ if app.loading => " Entities · loading… ".to_string(),
        _ => format!(" Entities {} · here·all ", app.panel.order().len()),
    };
    let block = pane_block(app, Focus::Entities, title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    if app.panel.order().is_empty() {
        let why = empty_message(app);
        buf.set_stringn(
            inner.x,
            inner.y,
            &why,
            usize::from(inner.width),
            app.theme.dim,
        );
        return;
    }
    let width = usize::from(inner.width);
    let rows = app
        .panel
        .order()
        .iter()
        .enumerate()
        .skip(app.panel.cursor().offset);
    for ((pos, &i), y) in rows.zip(inner.y..inner.y + inner.height) {
        let entity = &app.facts.entities[i];
        let mut style = Style::new();
        if app.panel.selected() == Some(i) {
            style = style.patch(app.theme.highlight);
        }
        if pos == app.panel.cursor().selected && app.focus == Focus::Entities {
            style = style.patch(app.theme.selected);
        }
        let mark = match entity.kind {
            Kind::Person => "P",
            Kind::Place => "L",
            Kind::Date => "D",
        };
        let name = entity.value.as_deref().unwrap_or(&entity.name);
        // Mentions in the open document · in the corpus.
        let here = app.marks.here.get(i).copied().unwrap_or(0);
        let counts = format!("{here}·{}", entity.mentions);
        let text_width = width.saturating_sub(counts.chars().count() + 3);
        let line = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(line, style);
        buf.set_stringn(inner.x, y, mark, 1, style);
        let name_area = Rect::new(
            inner.x + 2,
            y,
            u16::try_from(text_width).unwrap_or(u16::MAX),
            1,
        );
        let opts = app.layout_base.at_width(text_width);
        // Cut with `…` rather than wrapped: a wrapped row would show the first word only.
        let name = super::status::fit(name, text_width);
        let dir = paragraph_direction(&name, Direction::Ltr);
        if let Some(mut l) = layout_line(&name, &opts, dir) {
            l.indent = 0;
            draw_line(buf, name_area, y, &l, &|_, _| style);
        }
        let count_width = counts.chars().count();
        let cx = inner.x
            + inner
                .width
                .saturating_sub(u16::try_from(count_width).unwrap_or(u16::MAX));
        buf.set_stringn(cx, y, &counts, count_width, style);
    }
}

/// What the panel says when it lists nothing: why, while that is not the final answer.
fn empty_message(app: &App) -> String {
    let say = if app.loading {
        "loading the documents…"
    } else if app.panel.progress().is_some() {
        "extracting…"
    } else if let Some(why) = app.panel.failed() {
        return format!("extraction failed: {why}");
    } else if app.search.is_some() && !app.facts.entities.is_empty() {
        "no name matches the filter"
    } else {
        "no people, places or dates found"
    };
    say.to_string()
}
