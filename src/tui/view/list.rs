//! The document list: state marks, date, language and title (titles laid out with bidi).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::app::{App, Focus};
use super::{draw_line, pane_block};
use crate::corpus::Document;
use crate::layout::{
    LayoutOptions, VisualLine, document_direction, layout_line, paragraph_direction,
};

/// Width of the date column (`2020-11-03`).
const DATE_WIDTH: u16 = 10;

/// Draws the list.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    // Until the search answers, the list is the previous answer's: its count is not this
    // filter's.
    let count = if app.search_pending {
        "searching…".to_string()
    } else {
        format!("{}/{}", app.order.len(), app.corpus.len())
    };
    let title = format!(" Documents {count} · {} ", app.sort.name());
    let block = pane_block(app, Focus::List, title);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = app.order.iter().enumerate().skip(app.list.offset);
    for ((row, &doc), y) in rows.zip(inner.y..inner.y + inner.height) {
        let selected = row == app.list.selected;
        let style = if selected {
            app.theme.selected
        } else {
            Style::new()
        };
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(line_area, style);
        let marks = marks(app.doc_state(doc));
        buf.set_stringn(line_area.x, y, &marks, 3, style);
        let rest = Rect::new(inner.x + 3, y, inner.width.saturating_sub(3), 1);
        draw_row(app, &app.corpus.docs[doc], rest, buf, style);
    }
}

/// Triage marks: unread `•`, starred `★`, relevance `+`/`-`/`?`.
fn marks(state: &crate::store::DocState) -> String {
    use crate::store::Relevance;
    let read = if state.read { ' ' } else { '•' };
    let star = if state.star { '★' } else { ' ' };
    let rel = match state.relevance {
        Relevance::Relevant => '+',
        Relevance::Irrelevant => '-',
        Relevance::Unsure => '?',
        Relevance::None => ' ',
    };
    format!("{read}{star}{rel}")
}

fn draw_row(app: &App, doc: &Document, area: Rect, buf: &mut Buffer, style: Style) {
    let show_date = area.width >= 30;
    let mut x = area.x;
    let lang = format!("{} ", doc.lang.code());
    buf.set_stringn(x, area.y, &lang, usize::from(area.width), style);
    x += 3;
    if show_date {
        let date = doc.date().unwrap_or("");
        buf.set_stringn(x, area.y, date, usize::from(DATE_WIDTH), style);
        x += DATE_WIDTH + 1;
    }
    let width = area.width.saturating_sub(x - area.x);
    if width == 0 {
        return;
    }
    let title_area = Rect::new(x, area.y, width, 1);
    let opts = LayoutOptions {
        width: usize::from(width),
        ..app.layout_base
    };
    if let Some(line) = title_line(doc, &opts) {
        draw_line(buf, title_area, area.y, &line, &|_, _| style);
    } else {
        buf.set_stringn(x, area.y, "(empty)", usize::from(width), style);
    }
}

/// The first row of the title laid out with `opts`, in the document's direction.
fn title_line(doc: &Document, opts: &LayoutOptions) -> Option<VisualLine> {
    if doc.title.is_empty() {
        return None;
    }
    let dir = paragraph_direction(&doc.title, document_direction(doc));
    layout_line(&doc.title, opts, dir)
}
