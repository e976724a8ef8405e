//! What the navigation keys do: move in the focused pane, open a document, switch panes,
//! sort, flip a paragraph, change the display; and `prepare`, which lays the reading pane
//! out for the screen before each frame.

use super::action::Action;
use super::app::{App, Focus, SortOrder};
use super::effect::Effect;
use super::mode::Mode;
use super::view::Panes;
use super::{caret, navigate};
use crate::display::DisplayMode;
use crate::layout::Direction;
use crate::store::Change;

/// Actions that only move, show or hide things.
pub fn navigate_action(app: &mut App, action: Action, panes: &Panes) {
    match action {
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::NextMatch => navigate::jump(app, panes, true),
        Action::PrevMatch => navigate::jump(app, panes, false),
        Action::FilterByEntity => navigate::filter_by_entity(app),
        Action::FocusNext => app.focus = cycle_focus(app, panes, 1),
        Action::FocusPrev => app.focus = cycle_focus(app, panes, -1),
        Action::ToggleEntities => {
            let visible = panes.entities.is_some();
            app.panel.set_shown(!visible);
            if visible && app.focus == Focus::Entities {
                app.focus = Focus::Reader;
            }
        }
        Action::CycleSort => sort(app, app.list.sort().next()),
        Action::FlipDirection => flip_direction(app),
        Action::Left => caret::move_visual(app, panes, -1),
        Action::Right => caret::move_visual(app, panes, 1),
        Action::WordNext => caret::move_word(app, panes, true),
        Action::WordPrev => caret::move_word(app, panes, false),
        Action::SentenceNext => caret::move_sentence(app, panes, true),
        Action::SentencePrev => caret::move_sentence(app, panes, false),
        Action::Down => move_rows(app, panes, 1),
        Action::Up => move_rows(app, panes, -1),
        Action::PageDown => move_rows(app, panes, page(app, panes) as isize),
        Action::PageUp => move_rows(app, panes, -(page(app, panes) as isize)),
        Action::Top => move_rows(app, panes, isize::MIN / 2),
        Action::Bottom => move_rows(app, panes, isize::MAX / 2),
        _ => {}
    }
}

fn cycle_focus(app: &App, panes: &Panes, step: isize) -> Focus {
    let mut order = vec![Focus::List, Focus::Reader];
    if panes.entities.is_some() {
        order.push(Focus::Entities);
    }
    let at = order.iter().position(|f| *f == app.focus).unwrap_or(0);
    let next = (at as isize + step).rem_euclid(order.len() as isize) as usize;
    order[next]
}

fn page(app: &App, panes: &Panes) -> usize {
    let height = match app.focus {
        Focus::List => panes.list_height(),
        Focus::Reader => panes.reader_height(),
        Focus::Entities => panes.entities_height(),
    };
    height.saturating_sub(1).max(1)
}

/// Moves the cursor of the focused pane by `delta` rows, keeping it in view.
pub fn move_rows(app: &mut App, panes: &Panes, delta: isize) {
    match app.focus {
        Focus::List => {
            app.list.move_by(delta, panes.list_height());
        }
        Focus::Entities => {
            app.panel.move_by(delta, panes.entities_height());
        }
        Focus::Reader => move_reader(app, panes, delta),
    }
}

fn move_reader(app: &mut App, panes: &Panes, delta: isize) {
    let x = caret::current_x(app);
    move_rows_raw(app, panes, delta);
    caret::settle(app, panes, delta, x);
}

/// Moves the reading cursor with the rows it is on when their numbers changed (the end of
/// a huge document is numbered from an estimate until the rows before it are wrapped):
/// called right after each `ensure_*` of the layout, before its rows are read.
pub fn follow_shifts(app: &mut App) {
    for shift in app.reader.layout.take_shifts() {
        let cursor = &mut app.reader.cursor;
        cursor.selected = shift.apply(cursor.selected);
        cursor.offset = shift.apply(cursor.offset);
    }
}

/// Moves the reading cursor by rows, laying out what it needs; the caret is not touched.
pub fn move_rows_raw(app: &mut App, panes: &Panes, delta: isize) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    let height = panes.reader_height();
    let wanted = app.reader.cursor.selected.saturating_add_signed(delta);
    let layout = &mut app.reader.layout;
    layout.ensure_rows(doc, wanted.saturating_add(height).saturating_add(1));
    follow_shifts(app);
    let layout = &app.reader.layout;
    app.reader.cursor.move_by(delta, layout.row_count());
    app.reader.cursor.follow(height);
}

pub fn open(app: &mut App, panes: &Panes) -> Vec<Effect> {
    match app.focus {
        Focus::List => {
            if let Some(doc) = app.selected_doc() {
                app.focus = Focus::Reader;
                return open_doc(app, doc);
            }
        }
        Focus::Entities => return navigate::select_entity(app, panes),
        Focus::Reader => {}
    }
    Vec::new()
}

/// Opens a document in the reading pane, at its top, and marks it read. The read mark is a
/// `seen` change: saved, but not an undo step, so `u` still undoes the user's last change.
pub fn open_doc(app: &mut App, doc: usize) -> Vec<Effect> {
    if app.reader.doc != doc {
        let options = app.reader.layout.options();
        app.reader.show(doc, options);
        app.follow_open_doc();
    }
    let Some(d) = app.corpus.docs.get(doc) else {
        return Vec::new();
    };
    app.status.say(opened_message(d));
    if app.state.doc(&d.key).read {
        return Vec::new();
    }
    vec![Effect::Save(Change::Seen { doc: d.key.clone() })]
}

/// The status line on opening a document: its path and title (the status line lays the
/// title out in the document's direction).
pub fn opened_message(doc: &crate::corpus::Document) -> String {
    format!("{} — {}", doc.path, doc.title)
}

/// Switches to the next display mode: the reading pane is laid out again (the same document
/// and paragraph stay on screen), every other pane follows at the next draw.
pub fn cycle_display(app: &mut App) -> DisplayMode {
    let mode = app.display_mode().cycled();
    app.set_display_mode(mode);
    app.status.say(format!("display: {}", mode.short()));
    mode
}

fn flip_direction(app: &mut App) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    let Some(para) = navigate::cursor_para(app) else {
        return;
    };
    let direction = match app.reader.layout.toggle_direction(doc, para) {
        Direction::Rtl => "right-to-left",
        Direction::Ltr => "left-to-right",
    };
    app.status.say(format!("paragraph {direction}"));
}

/// Re-sorts the document list, keeping the selected document selected.
pub fn sort(app: &mut App, order: SortOrder) {
    app.list.set_sort(order);
    super::filter::refresh_list(app);
    app.status.say(format!("sorted by {}", order.name()));
}

/// Bytes of a huge document wrapped per frame after `G` until its row index is whole: a
/// few milliseconds on two cores, so keys are still answered at once.
const BACKGROUND_BYTES: usize = 2 << 20;

/// Brings the reading pane's layout to the current width and lays out the visible rows;
/// finds the search matches of a newly opened document.
pub fn prepare(app: &mut App, panes: &Panes) {
    app.follow_open_doc();
    super::search::refresh_matches(app);
    super::team::refresh(app);
    navigate::refresh_marks(app);
    let width = usize::from(panes.reader_inner_width()).max(1);
    app.reader
        .layout
        .set_options(app.layout_base.at_width(width));
    if let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) {
        // After `G` on a huge document: the rows before its end, a piece each frame.
        app.reader.layout.index_some(doc, BACKGROUND_BYTES);
        follow_shifts(app);
    }
    if let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) {
        let needed = app.reader.cursor.offset + panes.reader_height() + 1;
        app.reader.layout.ensure_rows(doc, needed);
        follow_shifts(app);
        let rows = app.reader.layout.row_count();
        if rows > 0 && app.reader.cursor.selected >= rows {
            app.reader.cursor.selected = rows - 1;
        }
        // A new width or a flipped paragraph can put the cursor's row on a gap.
        if caret::leave_blank_row(app, panes, 1) {
            caret::sync_to_row(app, None);
        }
        app.reader.cursor.follow(panes.reader_height());
        let shown = shown_bytes(app, panes.reader_height());
        super::annotate::cover_spans(app, shown);
    }
    // The list cursor stays on its document when the list changes: keep it in view.
    app.list.follow(panes.list_height());
}

/// The bytes of the open document on the reading pane's `height` rows from its first (the
/// caret's when none is laid out): what the spans held must cover for the frame. The
/// caret is not added: after `G` it is left at the top until the rows reach it, and the
/// spans of everything between would be held (what needs the caret's span works it out
/// when it is not held).
fn shown_bytes(app: &App, height: usize) -> std::ops::Range<usize> {
    let first = app.reader.cursor.offset;
    let rows = (first..first.saturating_add(height)).filter_map(|i| app.reader.layout.row(i));
    let text = rows.filter_map(|row| match row {
        crate::layout::PaneRow::Text(line) => Some(line.start..line.end),
        crate::layout::PaneRow::Blank => None,
    });
    let caret = app.reader.caret;
    let joined = text.reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
    joined.unwrap_or(caret..caret)
}
