//! Moving between highlighted things: an entity's mentions, search matches; and narrowing
//! the document list to the documents that mention an entity.

use super::app::App;
use super::ranges::{Intervals, Marks, MarksKey};
use super::view::Panes;
use crate::layout::PaneRow;

/// Byte ranges highlighted in the open document: mentions of the selected entity and
/// matches of the filter line's search (unsorted).
fn highlight_ranges(app: &App) -> Vec<(usize, usize)> {
    let mut ranges = app.search_ranges.clone();
    if let Some(entity) = app.selected_entity {
        let mentions = app.open_mentions().iter().filter(|m| m.entity == entity);
        ranges.extend(mentions.map(|m| (m.start, m.end)));
    }
    ranges
}

/// Mentions in the open document, per entity row.
fn mention_counts(app: &App) -> Vec<usize> {
    let mut here = vec![0usize; app.facts.entities.len()];
    for m in app.open_mentions() {
        if let Some(n) = here.get_mut(m.entity) {
            *n += 1;
        }
    }
    here
}

/// Brings [`App::marks`] up to date with the open document, the selected entity and the
/// search matches; does nothing when none of them changed (the usual frame).
pub fn refresh_marks(app: &mut App) {
    let key = MarksKey {
        doc: app.reader.doc,
        entity: app.selected_entity,
        query: app.search_ranges_for.clone(),
    };
    if app.marks.key.as_ref() == Some(&key) {
        return;
    }
    app.marks = Marks {
        highlights: Intervals::new(highlight_ranges(app)),
        here: mention_counts(app),
        key: Some(key),
    };
}

/// The entity row under the panel cursor.
pub fn entity_under_cursor(app: &App) -> Option<usize> {
    app.entity_order.get(app.entities.selected).copied()
}

/// Selects the entity under the panel cursor and shows its first mention.
pub fn select_entity(app: &mut App, panes: &Panes) {
    let Some(row) = entity_under_cursor(app) else {
        return;
    };
    let Some(entity) = app.facts.entities.get(row) else {
        return;
    };
    let name = entity.name.clone();
    let corpus = format!("{} in {} documents", entity.mentions, entity.docs);
    app.selected_entity = Some(row);
    refresh_marks(app);
    let count = app.marks.highlights.len();
    app.status = format!("{name}: {count} mentions here, {corpus}");
    if count > 0 {
        app.reader.cursor.selected = 0;
        jump(app, panes, true);
    }
}

/// Moves the reading cursor to the next (or previous) highlighted range, wrapping around
/// at the end. Lays out the document only as far as the range it lands on.
pub fn jump(app: &mut App, panes: &Panes, forward: bool) {
    refresh_marks(app);
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return;
    };
    let layout = &mut app.reader.layout;
    let current = app.reader.cursor.selected;
    let (before, after) = row_bounds(layout, current);
    let ranges = app.marks.highlights.as_slice();
    // Ranges are sorted by start and rows follow the text: the next row with a highlight
    // holds the first range that starts past this row (or the first of all, wrapping).
    let next = ranges.partition_point(|&(s, _)| s < after);
    let prev = ranges.partition_point(|&(s, _)| s < before);
    let candidates: Box<dyn Iterator<Item = &(usize, usize)>> = if forward {
        Box::new(ranges[next..].iter().chain(&ranges[..next]))
    } else {
        Box::new(
            ranges[..prev]
                .iter()
                .rev()
                .chain(ranges[prev..].iter().rev()),
        )
    };
    for &(start, _) in candidates {
        layout.ensure_offset(doc, start);
        if let Some(row) = layout.row_of_offset(start) {
            app.reader.cursor.selected = row;
            app.reader.cursor.offset = row.saturating_sub(panes.reader_height() / 3);
            return;
        }
    }
}

/// The document offsets where row `row` begins and ends (a blank row: the end of the text
/// row before it, for both).
fn row_bounds(layout: &crate::layout::DocLayout, row: usize) -> (usize, usize) {
    let text_row = (0..=row).rev().find_map(|r| match layout.row(r) {
        Some(PaneRow::Text(line)) => Some((r, line)),
        _ => None,
    });
    match text_row {
        Some((r, line)) if r == row => (line.start, line.end.max(line.start + 1)),
        Some((_, line)) => (line.end, line.end),
        None => (0, 0),
    }
}

/// Narrows the document list to documents mentioning the selected entity.
pub fn filter_by_entity(app: &mut App) {
    let Some(row) = app.selected_entity.or_else(|| entity_under_cursor(app)) else {
        return;
    };
    let Some(name) = app.facts.entities.get(row).map(|e| e.name.clone()) else {
        return;
    };
    app.entity_filter = Some(row);
    app.selected_entity = Some(row);
    super::filter::refresh_list(app);
    app.status = format!("{} documents mention {name}", app.order.len());
    app.list_filter = Some(name);
}

/// Esc: clears the selection, the entity selection and the list filters.
pub fn clear(app: &mut App) {
    if app.reader.anchor.take().is_some() {
        return;
    }
    app.selected_entity = None;
    app.entity_filter = None;
    app.list_filter = None;
    app.filter_text.clear();
    super::search::apply(app, Default::default());
}

/// The paragraph under the reading cursor, if it is on a text row.
pub fn cursor_para(app: &App) -> Option<usize> {
    match app.reader.layout.row(app.reader.cursor.selected)? {
        PaneRow::Text(line) => Some(line.para),
        PaneRow::Blank => None,
    }
}
