//! The reading pane's caret: moved by row, by cell as the eye sees it (so left/right on an
//! RTL row go left/right on screen), by word and by sentence; the selection it spans is
//! always a logical byte range.

use unicode_segmentation::UnicodeSegmentation;

use super::app::App;
use super::view::Panes;
use crate::layout::{PaneRow, VisualLine};
use crate::text::is_sentence_end;

/// The laid-out line under the cursor row, if it is a text row.
pub fn cursor_line(app: &App) -> Option<&VisualLine> {
    match app.reader.layout.row(app.reader.cursor.selected)? {
        PaneRow::Text(line) => Some(line),
        PaneRow::Blank => None,
    }
}

/// Index of the cell showing `caret` in a line.
pub fn cell_index(line: &VisualLine, caret: usize) -> Option<usize> {
    line.cells()
        .position(|c| c.start <= caret && caret < c.end.max(c.start + 1))
}

/// Screen column (from the pane's left edge) of the caret's cell.
fn caret_x(line: &VisualLine, caret: usize) -> Option<usize> {
    let i = cell_index(line, caret)?;
    Some(line.indent + line.cells().take(i).map(|c| c.width).sum::<usize>())
}

/// The logical start of the cell at screen column `x` (or the nearest cell).
pub fn offset_at_x(line: &VisualLine, x: usize) -> Option<usize> {
    let mut col = line.indent;
    let mut best = None;
    for cell in line.cells() {
        best = Some(cell.start);
        if x < col + cell.width {
            break;
        }
        col += cell.width;
    }
    best
}

/// Keeps the caret on the cursor row: after the row moved, the caret goes to the cell in the
/// same screen column (`prev_x`), or the row's logical start.
pub fn sync_to_row(app: &mut App, prev_x: Option<usize>) {
    let Some(line) = cursor_line(app) else { return };
    if cell_index(line, app.reader.caret).is_some() {
        return;
    }
    let first = line.cells().map(|c| c.start).min();
    let target = prev_x.and_then(|x| offset_at_x(line, x)).or(first);
    if let Some(t) = target {
        app.reader.caret = t;
    }
}

/// After the cursor row moved by `delta`: off a blank row (onward in that direction), and
/// the caret onto the new row at screen column `x` (from [`current_x`] before the move).
pub fn settle(app: &mut App, panes: &Panes, delta: isize, x: Option<usize>) {
    leave_blank_row(app, panes, delta);
    sync_to_row(app, x);
}

/// The caret's screen column on the current row, before a row move.
pub fn current_x(app: &App) -> Option<usize> {
    cursor_line(app).and_then(|l| caret_x(l, app.reader.caret))
}

/// Moves the caret one cell left (`-1`) or right (`+1`) on screen, wrapping to the
/// neighbouring row in reading order at the row's edge.
pub fn move_visual(app: &mut App, panes: &Panes, step: isize) {
    let Some(line) = cursor_line(app) else { return };
    let Some(i) = cell_index(line, app.reader.caret) else {
        sync_to_row(app, None);
        return;
    };
    let rtl = line.dir == crate::layout::Direction::Rtl;
    match i.checked_add_signed(step).and_then(|j| line.cell(j)) {
        Some(cell) => app.reader.caret = cell.start,
        None => {
            // Past the edge: reading forward is leftwards on an RTL row.
            let forward = (step > 0) != rtl;
            let delta = if forward { 1 } else { -1 };
            super::moves::move_rows_raw(app, panes, delta);
            leave_blank_row(app, panes, delta);
            if let Some(line) = cursor_line(app) {
                let starts = line.cells().map(|c| c.start);
                let pick = if forward { starts.min() } else { starts.max() };
                if let Some(p) = pick {
                    app.reader.caret = p;
                }
            }
        }
    }
}

/// True when the reading cursor is on the blank row between two paragraphs.
fn on_blank_row(app: &App) -> bool {
    matches!(
        app.reader.layout.row(app.reader.cursor.selected),
        Some(PaneRow::Blank)
    )
}

/// Moves the reading cursor off blank rows: on in the direction it was going (`step`'s
/// sign; down for 0), or back where the text ends that way. The blank row shows nothing
/// and the caret stays on the row before it, so a key pressed there would act on a word
/// the cursor is not on. True when the cursor moved.
pub fn leave_blank_row(app: &mut App, panes: &Panes, step: isize) -> bool {
    let start = app.reader.cursor.selected;
    let forward = if step < 0 { -1 } else { 1 };
    for delta in [forward, -forward] {
        while on_blank_row(app) {
            let at = app.reader.cursor.selected;
            super::moves::move_rows_raw(app, panes, delta);
            if app.reader.cursor.selected == at {
                break;
            }
        }
    }
    app.reader.cursor.selected != start
}

/// Puts the caret at a document offset and brings its row into view.
pub fn set_caret(app: &mut App, panes: &Panes, offset: usize) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    app.reader.layout.ensure_offset(doc, offset);
    super::moves::follow_shifts(app);
    if let Some(row) = app.reader.layout.row_of_offset(offset) {
        app.reader.caret = offset;
        app.reader.cursor.selected = row;
        app.reader.cursor.follow(panes.reader_height());
    }
}

/// Moves to the start of the next (or previous) word, in logical order.
pub fn move_word(app: &mut App, panes: &Panes, forward: bool) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    let caret = app.reader.caret;
    let target = if forward {
        next_word_start(&doc.text().unwrap_or_default(), caret)
    } else {
        prev_word_start(&doc.text().unwrap_or_default(), caret)
    };
    if let Some(t) = target {
        set_caret(app, panes, t);
    }
}

/// Moves to the start of the next (or previous) sentence, in logical order.
pub fn move_sentence(app: &mut App, panes: &Panes, forward: bool) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    let caret = app.reader.caret;
    let target = if forward {
        next_sentence_start(&doc.text().unwrap_or_default(), caret)
    } else {
        prev_sentence_start(&doc.text().unwrap_or_default(), caret)
    };
    if let Some(t) = target {
        set_caret(app, panes, t);
    }
}

/// Bytes of text looked at before the caret at first when searching backwards; doubled
/// until something is found. Keeps `b` and `(` from scanning a 50 MB text from its start.
const LOOK_BACK: usize = 1024;

fn is_word_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphanumeric)
}

/// The first word start after `caret`. Segments from the space before the caret's word,
/// not from the start of the text: word boundaries depend only on the characters around
/// them, but the middle of a word (`Türkiye'|ye`) is no place to begin.
pub fn next_word_start(text: &str, caret: usize) -> Option<usize> {
    let from = window_start(text, caret, LOOK_BACK);
    let rest = text.get(from..)?;
    rest.split_word_bound_indices()
        .map(|(i, w)| (from + i, w))
        .find(|&(i, w)| i > caret && is_word_start(w))
        .map(|(i, _)| i)
}

/// The last word start before `caret`, found in a window before it that grows as needed.
pub fn prev_word_start(text: &str, caret: usize) -> Option<usize> {
    let caret = caret.min(text.len());
    let mut back = LOOK_BACK;
    loop {
        let from = back_window_start(text, caret, back);
        let window = text.get(from..caret)?;
        let found = window
            .split_word_bound_indices()
            .rev()
            .find(|&(_, w)| is_word_start(w));
        // A start at the window's edge may be the middle of a word: look further back.
        match found {
            Some((i, _)) if i > 0 || from == 0 => return Some(from + i),
            _ if from == 0 => return None,
            _ => back *= 2,
        }
    }
}

/// Where to begin segmenting words for a caret: at the last space at most `back` bytes
/// before it (a word boundary), else `back` bytes before it, else the start of the text.
fn window_start(text: &str, caret: usize, back: usize) -> usize {
    space_before(text, caret, back, true)
}

/// Where a backward search window `back` bytes long starts: at its first space, so that it
/// does not begin inside a word yet holds as many words as it can.
fn back_window_start(text: &str, caret: usize, back: usize) -> usize {
    space_before(text, caret, back, false)
}

/// The last (or first) space in the `back` bytes before `caret`; without one, where those
/// bytes begin (0 when they reach the start of the text).
fn space_before(text: &str, caret: usize, back: usize, last: bool) -> usize {
    let mut from = caret.saturating_sub(back);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = text.get(from..caret).unwrap_or("");
    let space = if last {
        window.rfind(char::is_whitespace)
    } else {
        window.find(char::is_whitespace)
    };
    match space {
        Some(at) if from > 0 => from + at,
        _ => from,
    }
}

/// Offsets where sentences start: after `.`, `!`, `?`, `؟` or a line break, past spaces.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut after_end = false;
    for (i, c) in text.char_indices() {
        if is_sentence_end(c) {
            after_end = true;
        } else if after_end && !c.is_whitespace() {
            out.push(i);
            after_end = false;
        }
    }
    out
}

/// True when a sentence starting at `at` would follow a sentence end: the last character
/// before it, spaces aside, ends a sentence.
fn follows_sentence_end(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    before
        .chars()
        .rev()
        .find(|&c| is_sentence_end(c) || !c.is_whitespace())
        .is_some_and(is_sentence_end)
}

/// The first sentence start (as [`sentence_starts`] finds them) after `caret`, scanning
/// from the caret on.
pub fn next_sentence_start(text: &str, caret: usize) -> Option<usize> {
    let rest = text.get(caret..)?;
    let mut after_end = follows_sentence_end(text, caret);
    for (i, c) in rest.char_indices() {
        if is_sentence_end(c) {
            after_end = true;
        } else if after_end && !c.is_whitespace() {
            if i > 0 {
                return Some(caret + i);
            }
            after_end = false;
        }
    }
    None
}

/// The last sentence start (as [`sentence_starts`] finds them) before `caret`, scanning
/// backwards from the caret.
pub fn prev_sentence_start(text: &str, caret: usize) -> Option<usize> {
    let before = text.get(..caret)?;
    let found = before
        .char_indices()
        .rev()
        .find(|&(i, c)| !is_sentence_end(c) && !c.is_whitespace() && follows_sentence_end(text, i))
        .map(|(i, _)| i);
    found.or((caret > 0).then_some(0))
}

/// The selection as a logical byte range: from anchor to caret, both clusters included.
pub fn selection(app: &App) -> Option<(usize, usize)> {
    let anchor = app.reader.anchor?;
    let text = app
        .reader
        .plain
        .get(&app.corpus, app.reader.doc)?
        .text()
        .ok()?;
    let (lo, hi) = (anchor.min(app.reader.caret), anchor.max(app.reader.caret));
    Some((lo, cluster_end(&text, hi)))
}

/// End of the grapheme cluster starting at `at`.
pub fn cluster_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.graphemes(true).next())
        .map_or(at, |g| at + g.len())
}

/// The word under the caret, without a Turkish apostrophe suffix (`Türkiye'ye` -> `Türkiye`).
pub fn word_at(text: &str, caret: usize) -> Option<(usize, usize)> {
    let (start, word) = text
        .split_word_bound_indices()
        .find(|(i, w)| *i <= caret && caret < i + w.len())?;
    if !word.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let len = word.find(['\'', '’']).unwrap_or(word.len());
    Some((start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_at_drops_turkish_suffix() {
        let text = "Lavrov Türkiye'ye gitti";
        let at = text.find("ki").expect("in word");
        assert_eq!(word_at(text, at), Some((7, 7 + "Türkiye".len())));
    }

    #[test]
    fn sentences_start_after_terminators() {
        assert_eq!(sentence_starts("Bir. İki! \"Üç\""), vec![0, 5, 11]);
    }
}
