//! Which documents the list shows: the filter line (triage filters such as `%unread`,
//! `%star`, `%tag:x`, `%archived`, and words), the entity filter, archived documents hidden
//! unless asked for; then the sort order.

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
    /// Folded words that must all occur in the title or text.
    pub words: Vec<String>,
}

impl ListFilter {
    /// Parses the filter line. Unknown `%` words are ignored here (search scopes).
    pub fn parse(query: &str) -> ListFilter {
        let mut f = ListFilter::default();
        for token in query.split_whitespace() {
            match token {
                "%unread" => f.unread = true,
                "%read" => f.read = true,
                "%star" | "%starred" => f.star = true,
                "%archived" | "%archive" => f.archived = true,
                t if t.starts_with("%tag:") => f.tags.push(t["%tag:".len()..].to_string()),
                t if t.starts_with('%') => {}
                t => f.words.push(fold_str(t)),
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

fn passes(app: &App, doc: usize, f: &ListFilter) -> bool {
    let state = app.doc_state(doc);
    if state.archived != f.archived
        || (f.unread && state.read)
        || (f.read && !state.read)
        || (f.star && !state.star)
        || !f.tags.iter().all(|t| state.tags.contains(t))
    {
        return false;
    }
    if f.words.is_empty() || app.search.is_some() {
        return true;
    }
    let d = &app.corpus.docs[doc];
    let key = fold_str(&d.text);
    f.words.iter().all(|w| key.contains(w.as_str()))
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
    fn parses_triage_filters_and_words() {
        let f = ListFilter::parse("%unread %star %tag:ukraine ERDOĞAN %per");
        assert!(f.unread && f.star && !f.archived);
        assert_eq!(f.tags, ["ukraine"]);
        assert_eq!(f.words, ["erdogan"]);
    }
}
