//! The reading pane: the document's note (dimmed, one row) and the article's header (see
//! `header`) above rows from the cached layout, boilerplate dimmed, mentions of the selected
//! entity highlighted, the cursor row underlined.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::app::{App, Focus};
use super::status::fit;
use super::{draw_line, pane_block};
use crate::corpus::{Document, ParaKind};
use crate::kind::Kind;
use crate::layout::{PaneRow, VisualLine, document_direction, layout_line, paragraph_direction};
use crate::store::{Label, Origin};

/// Fewest rows of the document the reading pane keeps below a note.
const MIN_TEXT_ROWS: u16 = 3;

/// What starts the note's row.
const NOTE_MARK: &str = "✎ ";

/// Rows above the open document's text in the reading pane at `reader`: the note's (one,
/// when the document has a note) and the article header's (see [`header_rows`]), as many as
/// leave the text [`MIN_TEXT_ROWS`].
pub fn note_rows(app: &App, reader: Option<Rect>) -> u16 {
    let inner = reader.map_or(0, |r| r.height.saturating_sub(2));
    own_note_rows(app, inner) + header_rows(app, inner)
}

/// The note's row: one when the document has a note and the pane has room for it.
fn own_note_rows(app: &App, inner: u16) -> u16 {
    let note = &app.doc_state(app.reader.doc).note;
    u16::from(!note.trim_start().is_empty() && inner > MIN_TEXT_ROWS)
}

/// The header's rows in a pane of `inner` rows: below the note, what the text can spare.
fn header_rows(app: &App, inner: u16) -> u16 {
    let Some(doc) = app.open_doc().filter(|d| !d.is_empty()) else {
        return 0;
    };
    let lines = u16::try_from(super::header::header_lines(doc).len()).unwrap_or(u16::MAX);
    let spare = inner
        .saturating_sub(MIN_TEXT_ROWS)
        .saturating_sub(own_note_rows(app, inner));
    lines.min(spare)
}

/// Bytes of a note taken per cell of its row: a cell shows one character and at most 30
/// marks (see `layout`), so this is more than a row can show, whatever the note holds.
const NOTE_BYTES_PER_CELL: usize = 256;

/// The start of the open document's note that a row of `width` cells can show, on one
/// line: line breaks and tabs become spaces, and `…` ends it when the rest is left out.
/// A note from a damaged or hand-edited journal can be 50 MB: joining and measuring all
/// of it on every frame took seconds a key.
fn note(app: &App, width: usize) -> String {
    let note = app.doc_state(app.reader.doc).note.trim_start();
    let head = crate::text::floor_boundary(note, NOTE_BYTES_PER_CELL.saturating_mul(width + 1));
    let mut row = head.split_whitespace().collect::<Vec<_>>().join(" ");
    if head.len() < note.len() {
        row.push('…');
    }
    row
}

/// The note, dimmed, on the row `area`: the mark, then the note laid out in its own
/// direction (an Arabic note reads right to left), cut with `…` when longer than the row.
fn draw_note(app: &App, doc: &Document, area: Rect, buf: &mut Buffer) {
    let dim = app.theme.dim;
    let mark = u16::try_from(NOTE_MARK.chars().count()).unwrap_or(u16::MAX);
    buf.set_stringn(area.x, area.y, NOTE_MARK, usize::from(area.width), dim);
    let width = area.width.saturating_sub(mark);
    if width == 0 {
        return;
    }
    let note = note(app, usize::from(width));
    let opts = app.layout_base.at_width(usize::from(width));
    let dir = paragraph_direction(&note, document_direction(doc));
    if let Some(line) = layout_line(&fit(&note, usize::from(width)), &opts, dir) {
        let row = Rect::new(area.x + mark, area.y, width, 1);
        draw_line(buf, row, area.y, &line, &|_, _| dim);
    }
}

/// Draws the open document.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let title = app.open_doc().map_or_else(String::new, |d| {
        format!(" {} · {} ", d.lang.code(), short(&d.path, 40))
    });
    let mut block = pane_block(app, Focus::Reader, title);
    let room = usize::from(area.width.saturating_sub(2));
    if let Some(team) = super::super::team_view::reader_line(app, room) {
        block = block.title_bottom(team);
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let Some(doc) = app.open_doc() else { return };
    if doc.is_empty() {
        let what = if app.loading {
            "loading…"
        } else {
            "(empty document)"
        };
        buf.set_string(inner.x, inner.y, what, app.theme.dim);
        return;
    }
    let note_rows = own_note_rows(app, inner.height);
    if note_rows > 0 {
        draw_note(app, doc, Rect { height: 1, ..inner }, buf);
    }
    let header = Rect {
        y: inner.y + note_rows,
        height: header_rows(app, inner.height),
        ..inner
    };
    super::header::draw(app, doc, header, buf);
    let note_rows = note_rows + header.height;
    let text = Rect {
        y: inner.y + note_rows,
        height: inner.height.saturating_sub(note_rows),
        ..inner
    };
    let selection = super::super::caret::selection(app);
    let cursor = &app.reader.cursor;
    for (i, y) in (cursor.offset..).zip(text.y..text.y + text.height) {
        let Some(PaneRow::Text(line)) = app.reader.layout.row(i) else {
            continue;
        };
        let dim = doc
            .paragraphs()
            .get(line.para)
            .is_some_and(|p| p.kind == ParaKind::Boilerplate);
        let mut base = if dim { app.theme.dim } else { Style::new() };
        if i == cursor.selected && app.focus == Focus::Reader {
            base = base.patch(app.theme.cursor);
        }
        let paint = RowPaint::new(app, line, base, selection);
        draw_line(buf, inner, y, line, &|s, e| paint.style(s, e));
    }
}

/// How the cells of one row are styled. The spans and highlights that can touch the row
/// are looked up once, by binary search; each cell then looks only at those.
struct RowPaint<'a> {
    app: &'a App,
    base: Style,
    selection: Option<(usize, usize)>,
    spans: Range<usize>,
    highlights: Range<usize>,
}

impl<'a> RowPaint<'a> {
    fn new(
        app: &'a App,
        line: &VisualLine,
        base: Style,
        selection: Option<(usize, usize)>,
    ) -> RowPaint<'a> {
        RowPaint {
            app,
            base,
            selection,
            spans: app.spans.window(line.start, line.end),
            highlights: app.marks.highlights.window(line.start, line.end),
        }
    }

    /// The style of the cell showing bytes `s..e`.
    fn style(&self, s: usize, e: usize) -> Style {
        let app = self.app;
        let mut style = self.base.patch(self.span_style(s, e));
        let highlights = &app.marks.highlights;
        if highlights
            .first_overlap(self.highlights.clone(), s, e)
            .is_some()
        {
            style = style.patch(app.theme.highlight);
        }
        if self.selection.is_some_and(|(ss, se)| s < se && ss < e) {
            style = style.patch(app.theme.selection);
        }
        if app.focus == Focus::Reader && s <= app.reader.caret && app.reader.caret < e.max(s + 1) {
            style = style.patch(app.theme.caret);
        }
        style
    }

    /// The style of the span (user, accepted or suggested) covering a cell, if any.
    fn span_style(&self, s: usize, e: usize) -> Style {
        let theme = &self.app.theme;
        let Some(span) = self.app.spans.first_overlap(self.spans.clone(), s, e) else {
            // Nothing of the user's own here: another analyst's span, if any.
            return super::super::team_view::span_style(self.app, s, e).unwrap_or_default();
        };
        let kind = match span.kind {
            Label::Entity(Kind::Person) => theme.person,
            Label::Entity(Kind::Place) => theme.place,
            _ => theme.date,
        };
        match span.origin {
            Origin::Suggested => theme.suggested(kind),
            _ => kind,
        }
    }
}

/// The tail of a long path, for titles.
pub fn short(path: &str, max: usize) -> String {
    // Drawn raw on the frame: a control or a bidi override in the name is shown escaped.
    let path = crate::escape::message(path);
    let n = path.chars().count();
    if n <= max {
        return path.to_string();
    }
    let tail: String = path.chars().skip(n - max + 1).collect();
    format!("…{tail}")
}
