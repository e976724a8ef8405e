//! One widget at a time, drawn alone into a [`Buffer`] and compared with the whole buffer a
//! correct widget leaves: every cell's symbol and the styles that carry meaning.
//!
//! Every `App` these tests draw is made by [`app`] and changed only through the setters
//! below, so that a change to `App`'s fields is adapted here and nowhere else. The layout
//! options are fixed (okur reorders, no shaping) and the theme is the coloured one, whatever
//! the environment says.

mod entities;
mod help;
mod list;
mod reader;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::app::{App, EntityRow, Facts, Focus, MentionRef};
use super::super::line_editor::LineEditor;
use super::super::mode::{InputKind, Mode, Prompt};
use super::super::theme::Theme;
use super::Panes;
use crate::corpus::{Corpus, Document};
use crate::layout::{BidiMode, LayoutOptions};
use crate::store::{Change, Relevance};

/// A Turkish article with a dateline and a line of page furniture.
pub(super) const ERDOGAN: &str = "Erdoğan Ankara'da konuştu\n\n\
    03.11.2020 - Cumhurbaşkanı Erdoğan bugün konuştu.\n\nHaberin Devamı";
/// A short Turkish article.
pub(super) const MECLIS: &str = "Meclis toplandı\n\n12.01.2021 - Meclis bugün toplandı.";
/// An Arabic article with a dateline: "The minister visited Damascus".
pub(super) const VISIT: &str = "زار الوزير دمشق\n\n03.11.2020 قال الوزير إن الزيارة ناجحة.";
/// An Arabic article without one: "Egypt".
pub(super) const EGYPT: &str = "مصر\n\nقال الوزير إن مصر جميلة.";

/// A widget's drawing function.
type Draw = fn(&App, Rect, &mut Buffer);

/// The theme every app here is drawn with, for the expected buffers' styles.
pub(super) fn theme() -> Theme {
    Theme::colored()
}

/// An app over one document per text, named `a.txt`, `b.txt`, …; the list focused, the
/// first document open, nothing extracted.
pub(super) fn app(texts: &[&str]) -> App {
    let docs = texts
        .iter()
        .zip('a'..)
        .map(|(text, name)| Document::from_text(format!("{name}.txt"), text.to_string()))
        .collect();
    let layout = LayoutOptions {
        width: 80,
        shape: false,
        bidi: BidiMode::App,
        harakat: true,
    };
    App::new(Corpus { docs }, Facts::default(), theme(), layout)
}

/// Draws `draw` alone into a `width` x `height` buffer at the origin.
pub(super) fn render(app: &App, width: u16, height: u16, draw: Draw) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    draw(app, buf.area, &mut buf);
    buf
}

/// Sets `style` on `width` cells of row `y` from column `x` of an expected buffer.
pub(super) fn paint(buf: &mut Buffer, x: u16, y: u16, width: u16, style: Style) {
    buf.set_style(Rect::new(x, y, width, 1), style);
}

/// Sets `style` on the outermost ring of cells of an expected buffer: a pane's frame.
pub(super) fn ring(buf: &mut Buffer, style: Style) {
    let Rect { width, height, .. } = buf.area;
    paint(buf, 0, 0, width, style);
    paint(buf, 0, height.saturating_sub(1), width, style);
    for y in 1..height.saturating_sub(1) {
        paint(buf, 0, y, 1, style);
        paint(buf, width.saturating_sub(1), y, 1, style);
    }
}

/// Draws `draw` at every size up to `width` x `height`, empty ones included: it must not
/// panic, however small.
pub(super) fn draws_at_every_size(app: &App, width: u16, height: u16, draw: Draw) {
    for w in 0..=width {
        for h in 0..=height {
            render(app, w, h, draw);
        }
    }
}

/// An expected buffer of `rows` like [`Buffer::with_lines`], but as wide as its longest row
/// has characters (one cell each here). ratatui measures a row with `unicode-width`, which
/// counts lam followed by alef as one cell: `ريزولا`, the article `ال` in visual order, would
/// make a one-row buffer a cell short, where okur and the terminal give each letter a cell.
pub(super) fn rows<const N: usize>(rows: [&str; N]) -> Buffer {
    let width = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0);
    let area = Rect::new(
        0,
        0,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(N).unwrap_or(u16::MAX),
    );
    let mut buf = Buffer::empty(area);
    for (y, row) in (0..).zip(rows) {
        buf.set_string(0, y, row, Style::new());
    }
    buf
}

/// Checks that row `y`, read leftwards from column `right`, spells `logical`: right to left
/// text in visual order, its first logical letter in the rightmost cell. Independent of how
/// an editor shows the expected lines' Arabic.
pub(super) fn assert_reads_leftwards(buf: &Buffer, y: u16, right: u16, logical: &str) {
    let shown: String = logical
        .chars()
        .zip((0..=right).rev())
        .map(|(_, x)| buf[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(shown, logical, "row {y} read leftwards from column {right}");
}

/// Gives the keyboard to `focus`.
pub(super) fn focus(app: &mut App, focus: Focus) {
    app.focus = focus;
}

/// Puts the list cursor on row `row`.
pub(super) fn select_row(app: &mut App, row: usize) {
    app.list.select_row(row);
}

/// Marks document `doc` read.
pub(super) fn mark_read(app: &mut App, doc: usize) {
    let key = app.corpus.docs[doc].key.clone();
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Read {
        doc: key,
        value: true,
    });
}

/// Stars document `doc` and judges it relevant.
pub(super) fn star_relevant(app: &mut App, doc: usize) {
    let key = app.corpus.docs[doc].key.clone();
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Star {
        doc: key.clone(),
        value: true,
    });
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Relevance {
        doc: key,
        value: Relevance::Relevant,
    });
}

/// The filter line says `text` and lets through `docs` (indices into the corpus).
pub(super) fn filter(app: &mut App, text: &str, docs: &[usize]) {
    app.list.set_filter_text(text);
    app.list.replace(docs.to_vec(), 0, None);
}

/// Tags document `doc`.
pub(super) fn tag(app: &mut App, doc: usize, tag: &str) {
    let key = app.corpus.docs[doc].key.clone();
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Tag {
        doc: key,
        tag: tag.to_string(),
        value: true,
    });
}

/// Gives document `doc` a note.
pub(super) fn note(app: &mut App, doc: usize, note: &str) {
    let key = app.corpus.docs[doc].key.clone();
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Note {
        doc: key,
        value: note.to_string(),
    });
}

/// The entity panel's rows, `(kind, name, corpus mentions)`, every one listed, and their
/// mentions as `(doc, text, entity row)`: every occurrence of the text in that document.
pub(super) fn entities(
    app: &mut App,
    panel: &[(&'static str, &str, usize)],
    at: &[(usize, &str, usize)],
) {
    let entities = panel
        .iter()
        .map(|&(kind, name, mentions)| EntityRow {
            kind: kind.parse().unwrap_or(crate::kind::Kind::Date),
            name: name.to_string(),
            value: None,
            docs: 1,
            mentions,
        })
        .collect();
    let mut mentions = vec![Vec::new(); app.corpus.len()];
    for &(doc, text, entity) in at {
        let whole = app.corpus.docs[doc].text().expect("reads");
        let found = whole.match_indices(text);
        let found =
            found.filter_map(|(start, _)| MentionRef::new(start, start + text.len(), entity));
        mentions[doc].extend(found);
    }
    for m in &mut mentions {
        m.sort_by_key(MentionRef::start);
    }
    app.facts = Facts::new(entities, mentions);
    app.panel.set_order((0..panel.len()).collect());
}

/// Highlights the mentions of entity row `row` (takes effect at the next [`open`]).
pub(super) fn highlight_entity(app: &mut App, row: usize) {
    app.panel.select(app.panel.order().get(row).copied());
}

/// Puts the entity panel's cursor on row `row`.
pub(super) fn entity_cursor(app: &mut App, row: usize) {
    app.panel.select_row(row);
}

/// Extraction has done `done` documents of `total` and found nothing yet.
pub(super) fn extracting(app: &mut App, done: usize, total: usize) {
    app.panel.set_progress(Some((done, total)));
}

/// Opens document `doc` in a reading pane of `width` x `height` cells and lays out what it
/// shows (as the loop does before a frame): rows, highlights and mention counts. It stays
/// unread: the change that would mark it read is dropped.
pub(super) fn open(app: &mut App, doc: usize, width: u16, height: u16) {
    let _ = super::super::update::open_doc(app, doc);
    let panes = reader_panes(app, width, height);
    super::super::prepare(app, &panes);
}

/// The reading pane alone, `width` x `height` cells, above the status line.
fn reader_panes(app: &App, width: u16, height: u16) -> Panes {
    let area = Rect::new(0, 0, width, height);
    Panes {
        list: None,
        reader: Some(area),
        entities: None,
        status: Rect::new(0, height, width, 1),
        screen: area,
        note_rows: super::reader::note_rows(app, Some(area)),
    }
}

/// Puts the caret on byte `offset` of the open document, its row a third of the way down
/// a reading pane of `width` x `height` cells (as `n` does), and lays out what it shows.
pub(super) fn show_offset(app: &mut App, offset: usize, width: u16, height: u16) {
    let panes = reader_panes(app, width, height);
    super::super::navigate::show_range(app, &panes, offset);
    super::super::prepare(app, &panes);
}

/// The status line's message.
pub(super) fn say(app: &mut App, message: &str) {
    // A message about a change on disk ends with the saved mark.
    match message.strip_suffix(crate::tui::status::SAVED) {
        Some(head) => {
            app.status.say(head);
            app.status.saved(head.to_string());
        }
        None => app.status.say(message),
    }
}

/// Opens the filter prompt with `text` typed and the caret at byte `caret` of it (`None`:
/// after the text).
pub(super) fn prompt(app: &mut App, text: &str, caret: Option<usize>) {
    let line = LineEditor::with_caret(text.to_string(), caret.unwrap_or(text.len()));
    app.mode = Mode::Prompt(Prompt {
        kind: InputKind::Filter,
        doc: 0,
        line,
    });
}

/// Opens the help, scrolled by `lines`.
pub(super) fn help(app: &mut App, lines: usize) {
    app.mode = Mode::Help { scroll: lines };
}
