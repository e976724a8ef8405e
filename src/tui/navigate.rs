//! Moving between highlighted things: an entity's mentions, search matches; and narrowing
//! the document list to the documents that mention an entity.

use super::app::App;
use super::view::Panes;
use crate::layout::PaneRow;

/// Byte ranges highlighted in the open document: mentions of the selected entity.
pub fn highlights(app: &App) -> Vec<(usize, usize)> {
    let Some(entity) = app.selected_entity else {
        return Vec::new();
    };
    app.open_mentions()
        .iter()
        .filter(|m| m.entity == entity)
        .map(|m| (m.start, m.end))
        .collect()
}

/// Selects the entity under the panel cursor and shows its first mention.
pub fn select_entity(app: &mut App, panes: &Panes) {
    let row = app.entities.selected;
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
    let Some(row) = app.selected_entity.or(Some(app.entities.selected)) else {
        return;
    };
    let Some(entity) = app.facts.entities.get(row) else {
        return;
    };
    let docs: Vec<usize> = app
        .facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, ms)| ms.iter().any(|m| m.entity == row))
        .map(|(i, _)| i)
        .collect();
    app.list_filter = Some(entity.name.clone());
    app.status = format!("{} documents mention {}", docs.len(), entity.name);
    app.order = docs;
    app.selected_entity = Some(row);
    app.list = Default::default();
}

/// Esc: clears the entity selection and any list filter.
pub fn clear(app: &mut App) {
    app.selected_entity = None;
    if app.list_filter.take().is_some() {
        super::update::sort(app, app.sort);
    }
}

/// The paragraph under the reading cursor, if it is on a text row.
pub fn cursor_para(app: &App) -> Option<usize> {
    match app.reader.layout.row(app.reader.cursor.selected)? {
        PaneRow::Text(line) => Some(line.para),
        PaneRow::Blank => None,
    }
}
