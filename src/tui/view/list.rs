//! The document list: state marks, date, language, the source of an article from a feed
//! or site (with `+N` when N other sources carried the same story), title (laid out with
//! bidi), and at the end of the row a note marker `✎` and the tags; the filter in force in
//! the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::app::{App, Focus};
use super::status::{draw_text, fit, text_width};
use super::{draw_line, pane_block};
use crate::corpus::Document;
use crate::layout::{
    Direction, LayoutOptions, VisualLine, document_direction, layout_line, paragraph_direction,
};
use crate::store::DocState;

/// Width of the date column (`2020-11-03`).
const DATE_WIDTH: u16 = 10;

/// Width of the source column, shown when a row is at least [`SOURCE_FROM`] wide.
const SOURCE_WIDTH: u16 = 14;

/// The narrowest row (after the marks; a list 55 cells wide) that shows sources.
const SOURCE_FROM: u16 = 50;

/// Marks a document with a note, before its tags.
const NOTE_MARK: &str = "✎";

/// Draws the list.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let block = pane_block(app, Focus::List, String::new());
    let inner = block.inner(area);
    block.render(area, buf);
    draw_title(app, area, buf);
    if app.corpus.docs.is_empty() && !app.loading {
        draw_empty(inner, buf, app.theme.dim);
        return;
    }
    let rows = app
        .list
        .order()
        .iter()
        .enumerate()
        .skip(app.list.cursor().offset);
    for ((row, &doc), y) in rows.zip(inner.y..inner.y + inner.height) {
        let mut style = Style::new();
        if app.list.is_marked(doc) {
            style = style.patch(app.theme.marked);
        }
        if row == app.list.cursor().selected {
            style = style.patch(app.theme.selected);
        }
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(line_area, style);
        let state = app.doc_state(doc);
        buf.set_stringn(line_area.x, y, marks(state), 3, style);
        let rest = Rect::new(inner.x + 3, y, inner.width.saturating_sub(3), 1);
        draw_row(app, &app.corpus.docs[doc], state, rest, buf, style);
    }
}

/// What an empty list says (the reader opened on feeds before any fetch): what to do.
const EMPTY_LIST: &str = "No articles yet. U fetches the followed feeds.";

/// The empty list's message, its words wrapped to the pane, from its top left.
fn draw_empty(inner: Rect, buf: &mut Buffer, style: Style) {
    let width = usize::from(inner.width.saturating_sub(1));
    let mut rows: Vec<String> = Vec::new();
    for word in EMPTY_LIST.split(' ') {
        match rows.last_mut() {
            Some(row) if text_width(row) + 1 + text_width(word) <= width => {
                row.push(' ');
                row.push_str(word);
            }
            _ => rows.push(word.to_string()),
        }
    }
    for (row, y) in rows.iter().zip(inner.y..inner.y + inner.height) {
        buf.set_stringn(inner.x + 1, y, row, width, style);
    }
}

/// The title on the frame, laid out like any text (an Arabic filter reads right to left).
fn draw_title(app: &App, area: Rect, buf: &mut Buffer) {
    let room = area.width.saturating_sub(4);
    if room == 0 {
        return;
    }
    let style = match app.focus {
        Focus::List => app.theme.focus_border,
        _ => app.theme.border,
    };
    let title = fit(&title(app, usize::from(room)), usize::from(room));
    buf.set_stringn(area.x + 1, area.y, " ", 1, style);
    let text_area = Rect::new(area.x + 2, area.y, room, 1);
    let drawn = draw_text(app, &title, Direction::Ltr, text_area, style, buf);
    buf.set_stringn(area.x + 2 + drawn, area.y, " ", 1, style);
}

/// The list's title: how many are listed, the filter in force, the sort order. Shorter
/// forms when the pane is narrow: the sort order goes first, the filter stays longest.
fn title(app: &App, width: usize) -> String {
    // Until the search answers, the list is the previous answer's: its count is not this
    // filter's.
    // A first screenful may come with the whole answer's count.
    let count = match (app.list.search_pending(), app.list.whole_count()) {
        (false, _) => format!("{}/{}", app.list.order().len(), app.corpus.len()),
        (true, Some(whole)) => format!("{whole}/{}", app.corpus.len()),
        (true, None) => "searching…".to_string(),
    };
    let count = match app.list.marked().len() {
        0 => count,
        n => format!("{count} · {n} marked"),
    };
    let sort = app.list.sort().name();
    let Some(filter) = filter_label(app) else {
        // Narrow: the sort order goes, then the word; the counts stay.
        let forms = [
            format!("Documents {count} · {sort}"),
            format!("Documents {count}"),
        ];
        return forms
            .into_iter()
            .find(|t| text_width(t) <= width)
            .unwrap_or(count);
    };
    let forms = [
        format!("Documents {count} · {filter} · {sort}"),
        format!("Documents {count} · {filter}"),
        format!("{count} · {filter}"),
    ];
    forms
        .into_iter()
        .find(|t| text_width(t) <= width)
        .unwrap_or_else(|| {
            let room = width.saturating_sub(text_width(&count) + 3);
            format!("{count} · {}", fit(&filter, room))
        })
}

/// The filter in force, as the list's title and the status line show it: the filter line
/// (after `/`) and the entity the list is narrowed to (`f`).
pub(super) fn filter_label(app: &App) -> Option<String> {
    let mut parts = Vec::new();
    let line = app.list.filter_text().trim();
    if !line.is_empty() {
        parts.push(format!("/{line}"));
    }
    if let Some(name) = &app.list.entity_name() {
        parts.push(format!("with {name}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Triage marks: unread `•`, starred `★`, relevance `+`/`-`/`?`.
fn marks(state: &DocState) -> String {
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

fn draw_row(
    app: &App,
    doc: &Document,
    state: &DocState,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
) {
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
    if area.width >= SOURCE_FROM
        && let Some(source) = source_label(doc)
    {
        let dir = paragraph_direction(&source, Direction::Ltr);
        draw_text(
            app,
            &source,
            dir,
            Rect::new(x, area.y, SOURCE_WIDTH, 1),
            style,
            buf,
        );
        x += SOURCE_WIDTH + 1;
    }
    let width = area.width.saturating_sub(x - area.x);
    if width == 0 {
        return;
    }
    // Note and tags at the end of the row, in at most half of what is left.
    let side = super::super::team_view::with_list_mark(side_marks(state), app, doc);
    let side_width = u16::try_from(text_width(&side))
        .unwrap_or(u16::MAX)
        .min(width / 2);
    let title_width = match side_width {
        0 => width,
        w => width.saturating_sub(w + 1),
    };
    if side_width > 0 {
        let side_x = x + width - side_width;
        let side_area = Rect::new(side_x, area.y, side_width, 1);
        let side = fit(&side, usize::from(side_width));
        draw_text(app, &side, Direction::Ltr, side_area, style, buf);
    }
    if title_width == 0 {
        return;
    }
    let title_area = Rect::new(x, area.y, title_width, 1);
    let opts = app.layout_base.at_width(usize::from(title_width));
    if let Some(line) = title_line(doc, &opts) {
        draw_line(buf, title_area, area.y, &line, &|_, _| style);
    } else {
        buf.set_stringn(x, area.y, "(empty)", usize::from(title_width), style);
    }
}

/// The source shown for an article, fitted to its column: its feed's or site's name, and
/// `+N` for the N other sources of the same story (kept whole when the name is cut);
/// `None` for plain text files.
fn source_label(doc: &Document) -> Option<String> {
    let meta = doc.meta.as_deref()?;
    let name = meta.source_name()?;
    let more = match meta.also.len() {
        0 => String::new(),
        n => format!(" +{n}"),
    };
    let room = usize::from(SOURCE_WIDTH).saturating_sub(more.len());
    Some(format!("{}{more}", fit(name, room)))
}

/// The note marker and the tags (`#suriye`, `#"two words"` as the filter line writes a tag
/// with a space); empty when the document has neither.
fn side_marks(state: &DocState) -> String {
    let note = (!state.note.trim().is_empty()).then(|| NOTE_MARK.to_string());
    let tags = state
        .tags
        .iter()
        .map(|t| match t.contains(char::is_whitespace) {
            true => format!("#\"{t}\""),
            false => format!("#{t}"),
        });
    note.into_iter().chain(tags).collect::<Vec<_>>().join(" ")
}

/// The first row of the title laid out with `opts`, in the document's direction.
fn title_line(doc: &Document, opts: &LayoutOptions) -> Option<VisualLine> {
    if doc.title.is_empty() {
        return None;
    }
    let dir = paragraph_direction(&doc.title, document_direction(doc));
    layout_line(&doc.title, opts, dir)
}
