//! Moving between highlighted things: an entity's mentions, search matches; and narrowing
//! the document list to the documents that mention an entity.

use super::app::App;
use super::view::Panes;
use crate::layout::PaneRow;

/// Byte ranges highlighted in the open document: mentions of the selected entity and
/// matches of the filter line's search, in document order.
pub fn highlights(app: &App) -> Vec<(usize, usize)> {
    let mut ranges = app.search_ranges.clone();
    if let Some(entity) = app.selected_entity {
        let mentions = app.open_mentions().iter().filter(|m| m.entity == entity);
        ranges.extend(mentions.map(|m| (m.start, m.end)));
    }
    ranges.sort_unstable();
    ranges
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
    app.selected_entity = Some(row);
    let count = highlights(app).len();
    app.status = format!(
        "{}: {count} mentions here, {} in {} documents",
        entity.name, entity.mentions, entity.docs
    );
    if count > 0 {
        app.reader.cursor.selected = 0;
        jump(app, panes, true);
    }
}

/// Moves the reading cursor to the next (or previous) highlighted range.
pub fn jump(app: &mut App, panes: &Panes, forward: bool) {
    let ranges = highlights(app);
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return;
    };
    app.reader.layout.ensure_all(doc);
    let layout = &app.reader.layout;
    let mut rows: Vec<usize> = ranges
        .iter()
        .filter_map(|&(s, _)| layout.row_of_offset(s))
        .collect();
    rows.dedup();
    let current = app.reader.cursor.selected;
    let target = if forward {
        rows.iter()
            .copied()
            .find(|&r| r > current)
            .or(rows.first().copied())
    } else {
        rows.iter()
            .rev()
            .copied()
            .find(|&r| r < current)
            .or(rows.last().copied())
    };
    if let Some(row) = target {
        app.reader.cursor.selected = row;
        app.reader.cursor.offset = row.saturating_sub(panes.reader_height() / 3);
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
