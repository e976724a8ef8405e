//! The status line: the question asked, the last message, or what is listed; and key hints
//! from the keymap. A long message is shortened with `…` before its `· saved`, which always
//! shows; the open document's title is laid out in the document's direction.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::super::action::Action;
use super::super::app::App;
use super::super::mode::{InputKind, Prompt};
use super::super::notices::{FIRST, ON_EXIT};
use super::super::status::SAVED;
use super::super::update::opened_message;
use super::draw_line;
use crate::layout::{Direction, clusters, document_direction, layout_line, paragraph_direction};

/// Draws the status line (nowhere on a screen one row high, which leaves it no row).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, app.theme.status);
    if let Some(prompt) = app.mode.prompt() {
        draw_prompt(app, prompt, area, buf);
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
    let hint_width = u16::try_from(text_width(&hint)).unwrap_or(u16::MAX);
    let left_width = area.width.saturating_sub(hint_width.saturating_add(1));
    let left = Rect::new(area.x, area.y, left_width, 1);
    let (head, tail) = message(app);
    draw_message(app, &head, tail, left, buf);
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

/// What a question on the status line ends with; never cut off.
const ANSWERS: &str = " y/n";

/// What the status line says, and the end that must show: the question being asked (and
/// `y/n`), else the last message (and its `· saved`), else how many documents there are
/// and the filter in force.
fn message(app: &App) -> (String, &'static str) {
    if let Some(confirm) = app.mode.confirm() {
        return (confirm.question.clone(), ANSWERS);
    }
    if app.status.is_saved() {
        return (app.status.text().to_string(), SAVED);
    }
    if !app.status.is_empty() {
        return (app.status.text().to_string(), "");
    }
    let mut listed = format!(
        "okur · {}",
        crate::tui::status::counted(app.corpus.len(), "document")
    );
    if let Some(link) = &app.link {
        listed = format!("{listed} · {}", (link.0)());
    }
    // A running fetch shows its progress whenever no message is up (after Esc too).
    if let Some(fetch) = &app.fetch {
        listed = format!("{listed} · {}", fetch.line());
    }
    match super::list::filter_label(app) {
        Some(filter) => (format!("{listed} · {filter}"), ""),
        None => (listed, ""),
    }
}

/// A piece of the status line: blank cells before it, its text, and its direction.
type Piece = (u16, String, Direction);

/// Draws `head` and then `tail` in `area`, the head shortened to fit: the notices' "(all
/// printed on exit)" goes first, then the end of the head gives way to `…`; the tail (a
/// `· saved`, a `y/n`) always shows.
fn draw_message(app: &App, head: &str, tail: &str, area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width).saturating_sub(text_width(tail));
    let head = without_crowding(head, room);
    let mut pieces = head_pieces(app, &head, room);
    if !tail.is_empty() {
        // Laid out alone, the tail would lose its leading space: it is a gap instead.
        pieces.push((1, tail.trim_start().to_string(), Direction::Ltr));
    }
    let right = area.x.saturating_add(area.width);
    let mut x = area.x;
    for (gap, text, dir) in pieces {
        x = x.saturating_add(gap);
        let rest = Rect::new(x, area.y, right.saturating_sub(x), 1);
        x = x.saturating_add(draw_text(app, &text, dir, rest, app.theme.status, buf));
    }
}

/// Cells of the first notice a summary shows at least, if it has to leave out where the
/// notices go to make them.
const MIN_NOTICE_CELLS: usize = 24;

/// A notice summary too long for `room` cells without "(all printed on exit)" when it
/// would leave fewer than [`MIN_NOTICE_CELLS`] to the first notice; any other message as
/// it is.
fn without_crowding(head: &str, room: usize) -> String {
    let before_notice = head
        .find(FIRST)
        .and_then(|at| head.get(..at + FIRST.len()))
        .map(text_width);
    let crowded = before_notice
        .is_some_and(|w| text_width(head) > room && room.saturating_sub(w) < MIN_NOTICE_CELLS);
    match crowded {
        true => head.replacen(ON_EXIT, "", 1),
        false => head.to_string(),
    }
}

/// The message before `· saved`, fitted to `room` cells: the open document's path, then
/// its title in the document's direction (an Arabic title reads right to left even among
/// Latin words); any other message left to right.
fn head_pieces(app: &App, head: &str, room: usize) -> Vec<Piece> {
    if let Some(doc) = app.open_doc().filter(|d| head == opened_message(d)) {
        let lead = format!("{} —", doc.path);
        let rest = room.saturating_sub(text_width(&lead) + 1);
        if rest > 1 && !doc.title.is_empty() {
            let dir = paragraph_direction(&doc.title, document_direction(doc));
            return vec![(0, lead, Direction::Ltr), (1, fit(&doc.title, rest), dir)];
        }
    }
    vec![(0, fit(head, room), Direction::Ltr)]
}

/// Lays `text` out as one row in `dir` (with the display options in force) and draws it in
/// `style` at the left of `area`; returns the cells it took.
pub(super) fn draw_text(
    app: &App,
    text: &str,
    dir: Direction,
    area: Rect,
    style: Style,
    buf: &mut Buffer,
) -> u16 {
    let opts = app.layout_base.at_width(usize::from(area.width).max(1));
    // A bidi override in a file name (in a notice) would reverse the rest of the line.
    let text = crate::escape::message(text);
    let Some(mut line) = layout_line(&text, &opts, dir).filter(|_| area.width > 0) else {
        return 0;
    };
    line.indent = 0;
    draw_line(buf, area, area.y, &line, &|_, _| style);
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}

/// Cells `text` takes, counted per grapheme cluster as the layout counts them.
pub(super) fn text_width(text: &str) -> usize {
    clusters(text).iter().map(|c| c.width).sum()
}

/// `text` cut to `width` cells in logical order, ended with `…` when cut.
pub(super) fn fit(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut end = 0;
    for cluster in clusters(text) {
        if used + cluster.width > room {
            break;
        }
        used += cluster.width;
        end = cluster.end;
    }
    match width {
        0 => String::new(),
        _ => format!("{}…", text.get(..end).unwrap_or_default().trim_end()),
    }
}

/// The open prompt: its name and the text typed, laid out like every other pane (so Arabic
/// typed in it reads right), with the caret drawn on the cell that shows the character after
/// it, or as a block after the text when it is at the end. A text longer than the line is
/// cut so that the caret stays in view.
fn draw_prompt(app: &App, prompt: &Prompt, area: Rect, buf: &mut Buffer) {
    let marked = app.list.marked().len();
    let name = match prompt.kind {
        InputKind::Tag if marked > 1 && app.focus == super::super::app::Focus::List => {
            format!("tag {marked} marked (Enter toggles): ")
        }
        InputKind::Tag => "tag (Enter toggles): ".into(),
        InputKind::Note => "note: ".into(),
        InputKind::Filter => "/".into(),
        InputKind::Find => "find: ".into(),
    };
    let text = format!("{name}{}", prompt.text());
    let caret = name.len() + prompt.line.caret().min(prompt.text().len());
    let (start, end) = visible_range(&text, caret, usize::from(area.width));
    let opts = app.layout_base.at_width(usize::from(area.width).max(1));
    let at = caret - start;
    let status = app.theme.status;
    let on_caret = caret_style(status);
    let mut x = area.x;
    if let Some(mut line) = layout_line(&text[start..end], &opts, Direction::Ltr) {
        line.indent = 0;
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
/// offset `caret`) still has a cell, to what fits after it. Cut on cluster boundaries (the
/// text before the caret and the text after it clustered apart, as the caret splits them);
/// laid out whole, so bidi never wraps it. One pass over the clusters: measuring the text
/// again for every character cut off took a 1,000-character prompt half a core, 25 frames
/// a second, while nothing was typed.
fn visible_range(text: &str, caret: usize, width: usize) -> (usize, usize) {
    let Some((before, after)) = text.split_at_checked(caret) else {
        return (0, 0);
    };
    // The caret's cell, or the block after the text, takes the last column at most. Widths
    // are the layout's (per cluster): a string's width counts `لا` as one cell.
    let room = width.saturating_sub(1);
    let (mut used, mut start) = (0, caret);
    for cluster in clusters(before).iter().rev() {
        if used + cluster.width > room {
            break;
        }
        used += cluster.width;
        start = cluster.start;
    }
    let mut end = caret;
    for cluster in clusters(after) {
        if used + cluster.width > width {
            break;
        }
        used += cluster.width;
        end = caret + cluster.end;
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

#[cfg(test)]
mod tests {
    use super::visible_range;

    #[test]
    fn the_caret_at_the_end_keeps_the_last_cells_and_a_cell_for_the_block() {
        assert_eq!(visible_range("abcdefghijklmnop", 16, 10), (7, 16));
        assert_eq!(visible_range("abc", 3, 10), (0, 3), "all of a short text");
    }

    #[test]
    fn the_caret_at_the_start_shows_what_fits_after_it() {
        assert_eq!(visible_range("abcdefghijklmnop", 0, 10), (0, 10));
        assert_eq!(visible_range("abcdefghijklmnop", 8, 6), (3, 9));
    }

    #[test]
    fn clusters_are_never_cut_and_wide_ones_count_two_cells() {
        // قَالَ: each letter with its haraka is one cluster of one cell.
        let text = "xقَالَ";
        assert_eq!(visible_range(text, text.len(), 4), (1, text.len()));
        assert_eq!(
            visible_range("日本語です", 15, 5),
            (9, 15),
            "two wide characters"
        );
        assert_eq!(visible_range("日本語です", 0, 5), (0, 6));
    }

    #[test]
    fn one_column_holds_only_the_caret() {
        assert_eq!(visible_range("abc", 3, 1), (3, 3));
        assert_eq!(visible_range("abc", 1, 1), (1, 2));
        assert_eq!(visible_range("", 0, 0), (0, 0));
    }
}
