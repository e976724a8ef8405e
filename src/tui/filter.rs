//! Which documents the list shows: the filter line (triage filters such as `%unread`,
//! `%star`, `%tag:x`, `%archived`; its words go to the search), the entity filter, archived
//! documents hidden unless asked for; then the sort order.

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

/// Recomputes the list: filters, then the current sort; keeps the selected document when it
/// is still listed.
pub fn refresh_list(app: &mut App) {
    let selected = app.selected_doc();
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
        sort_docs(app, &mut order);
    }
    app.order = order;
    app.list.selected = selected
        .and_then(|doc| app.order.iter().position(|&d| d == doc))
        .unwrap_or(0);
    app.list.offset = app.list.offset.min(app.list.selected);
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

fn sort_docs(app: &App, order: &mut [usize]) {
    let docs = &app.corpus.docs;
    match app.sort {
        SortOrder::File => order.sort_unstable(),
        SortOrder::Date => order.sort_by(|&a, &b| docs[b].date().cmp(&docs[a].date())),
        SortOrder::Title => {
            order.sort_by(|&a, &b| fold_str(&docs[a].title).cmp(&fold_str(&docs[b].title)))
        }
        SortOrder::Language => order.sort_by_key(|&a| (docs[a].lang, a)),
        SortOrder::State => order.sort_by_key(|&a| {
            let s = app.doc_state(a);
            (s.read, !s.star, a)
        }),
    }
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
