//! Which documents the list shows: the filter line (triage filters such as `%unread`,
//! `%star`, `%tag:x`, `%archived`; its words go to the search), the entity filter, archived
//! documents hidden unless asked for; then the sort order.

use std::cmp::Ordering;

use super::app::{App, SortOrder};
use crate::text::fold_str;

/// Triage conditions and words parsed from the filter line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only unread documents.
    pub unread: bool,
    /// Only read documents.
    pub read: bool,
    /// Only starred documents.
    pub star: bool,
    /// Show archived documents (only them).
    pub archived: bool,
    /// Documents carrying every one of these tags.
    pub tags: Vec<String>,
}

impl ListFilter {
    /// Parses the filter line's triage words. Everything else (search terms, scopes) is the
    /// search's: words narrow the list only through its results, which come from the worker
    /// thread, so a keystroke never folds document texts here.
    pub fn parse(query: &str) -> ListFilter {
        let mut f = ListFilter::default();
        for token in query.split_whitespace() {
            match token {
                "%unread" => f.unread = true,
                "%read" => f.read = true,
                "%star" | "%starred" => f.star = true,
                "%archived" | "%archive" => f.archived = true,
                t if t.starts_with("%tag:") => f.tags.push(t["%tag:".len()..].to_string()),
                _ => {}
            }
        }
        f
    }
}

/// Recomputes the list: filters, then the current sort. The list cursor stays on its
/// document when that is still listed; else on the document that took its row (the next
/// one, or the last row when it was the last), so a second `X` acts where the eye is.
pub fn refresh_list(app: &mut App) {
    // A filter that emptied the list leaves nothing selected: the document it hid is
    // remembered, so that widening the filter again brings the cursor back to it.
    let wanted = app.selected_doc().or(app.list_wanted);
    let before = std::mem::take(&mut app.order);
    let was_at = app.list.selected;
    let filter = ListFilter::parse(&app.filter_text);
    let entity_docs = app.entity_filter.map(|e| docs_with_entity(app, e));
    let candidates: Vec<usize> = match &app.search {
        Some(outcome) => outcome.docs.clone(),
        None => (0..app.corpus.len()).collect(),
    };
    let mut order: Vec<usize> = candidates
        .into_iter()
        .filter(|&d| entity_docs.as_ref().is_none_or(|docs| docs.contains(&d)))
        .filter(|&d| passes(app, d, &filter))
        .collect();
    // With a search, the list is in rank order (best first), as fzf users expect.
    if app.search.is_none() {
        order.sort_by(|&a, &b| compare(app, a, b));
    }
    app.order = order;
    app.list.selected = match wanted {
        Some(doc) => row_for(app, doc, &before, was_at),
        None => was_at,
    }
    .min(app.order.len().saturating_sub(1));
    app.list_wanted = if app.order.is_empty() { wanted } else { None };
    app.list.offset = app.list.offset.min(app.list.selected);
}

/// The row for a document: its own if listed; else, in sort order, the first listed document
/// after it. A ranked search has no such order: there the next document of the list before
/// that is still listed takes its row.
fn row_for(app: &App, doc: usize, before: &[usize], was_at: usize) -> usize {
    if let Some(row) = app.order.iter().position(|&d| d == doc) {
        return row;
    }
    if app.search.is_none() {
        return app
            .order
            .partition_point(|&d| compare(app, d, doc) == Ordering::Less);
    }
    // Rows by document, so that walking a long list stays linear.
    let mut row_of = vec![None; app.corpus.len()];
    for (row, &d) in app.order.iter().enumerate() {
        if let Some(slot) = row_of.get_mut(d) {
            *slot = Some(row);
        }
    }
    let listed = |d: &usize| row_of.get(*d).copied().flatten();
    let after = before.iter().skip(was_at + 1).find_map(listed);
    let above = before.iter().take(was_at).rev().find_map(listed);
    after.or(above).unwrap_or(was_at)
}

fn docs_with_entity(app: &App, entity: usize) -> Vec<usize> {
    app.facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, ms)| ms.iter().any(|m| m.entity == entity))
        .map(|(i, _)| i)
        .collect()
}

/// The triage conditions only. Until the search answers a new query, the list stays as the
/// last answer left it (or whole): never a scan of the texts on the UI thread.
fn passes(app: &App, doc: usize, f: &ListFilter) -> bool {
    let state = app.doc_state(doc);
    let refused = state.archived != f.archived
        || (f.unread && state.read)
        || (f.read && !state.read)
        || (f.star && !state.star)
        || !f.tags.iter().all(|t| state.tags.contains(t));
    !refused
}

/// The list's order between two documents in the current sort; file order breaks ties, so
/// the order is total and a hidden document still has a place among the listed ones.
fn compare(app: &App, a: usize, b: usize) -> Ordering {
    let docs = &app.corpus.docs;
    let (Some(da), Some(db)) = (docs.get(a), docs.get(b)) else {
        return a.cmp(&b);
    };
    let by_sort = match app.sort {
        SortOrder::File => Ordering::Equal,
        SortOrder::Date => db.date().cmp(&da.date()),
        SortOrder::Title => fold_str(&da.title).cmp(&fold_str(&db.title)),
        SortOrder::Language => da.lang.cmp(&db.lang),
        SortOrder::State => {
            let key = |d: usize| {
                let s = app.doc_state(d);
                (s.read, !s.star)
            };
            key(a).cmp(&key(b))
        }
    };
    by_sort.then(a.cmp(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_triage_filters_and_leaves_words_to_the_search() {
        let f = ListFilter::parse("%unread %star %tag:ukraine ERDOĞAN %per");
        assert!(f.unread && f.star && !f.archived);
        assert_eq!(f.tags, ["ukraine"]);
        assert_eq!(
            f,
            ListFilter {
                unread: true,
                star: true,
                tags: vec!["ukraine".into()],
                ..Default::default()
            }
        );
    }
}
