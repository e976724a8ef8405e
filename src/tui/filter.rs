//! Which documents the list shows: the filter line's triage words (see [`ListFilter`]; its
//! other words go to the search), the entity filter, archived documents hidden unless asked
//! for; then the sort order. Each document's triage is read from the per-document table
//! ([`crate::store::TriageTable`]), brought in step with the store's state once per refresh.

use std::cmp::Ordering;

use super::app::{App, SortOrder};
use super::effect::Effect;
pub use super::list_filter::{ListFilter, StateWord};
use crate::text::fold_str;

/// Puts new words on the filter line: the list narrows by its state words at once, and
/// the search is asked for the rest (its answer narrows the list further). No effect when
/// the words did not change.
pub fn set_filter(app: &mut App, text: &str) -> Option<Effect> {
    if !app.list.set_filter_text(text) {
        return None;
    }
    refresh_list(app);
    Some(ask_search(app))
}

/// Asks the search for what the filter line says; until it answers, the list's count is
/// not the answer yet.
pub fn ask_search(app: &mut App) -> Effect {
    app.list.set_search_pending(true);
    Effect::Search(app.list.filter_text().to_string())
}

/// Recomputes the list: filters, then the current sort. The list cursor stays on its
/// document when that is still listed; else on the document that took its row (the next
/// one, or the last row when it was the last), so a second `X` acts where the eye is.
pub fn refresh_list(app: &mut App) {
    // A filter that emptied the list leaves nothing selected: the document it hid is
    // remembered, so that widening the filter again brings the cursor back to it.
    let wanted = app.list.wanted();
    let was_at = app.list.cursor().selected;
    app.triage.sync(&app.state, &app.corpus.docs);
    let conditions = ListConditions::of(app);
    let candidates: Vec<usize> = match (&app.search, app.list.entity_filter()) {
        (Some(outcome), _) => outcome.docs.clone(),
        // Only the entity's documents can pass: no pass over the whole corpus for `f`.
        (None, Some(entity)) => app.facts.docs_of(entity).collect(),
        (None, None) => (0..app.corpus.len()).collect(),
    };
    let mut order: Vec<usize> = candidates
        .into_iter()
        .filter(|&d| conditions.admit(app, d))
        .collect();
    if app.list.sort() == SortOrder::Title && app.title_keys.len() != app.corpus.len() {
        app.title_keys = app.corpus.docs.iter().map(|d| fold_str(&d.title)).collect();
    }
    // With a search, the list is in rank order (best first), as fzf users expect.
    if app.search.is_none() {
        order.sort_by(|&a, &b| compare(app, a, b));
    }
    let row = match wanted {
        Some(doc) => row_for(app, &order, doc, was_at),
        None => was_at,
    };
    app.list.replace(order, row, wanted);
    // A first screenful's count follows the triage and entity filters too.
    if app.list.answer_docs().is_some() {
        let whole = count_admitted(app, &conditions);
        app.list.set_whole_count(whole);
    }
}

/// The list's own conditions on a document, besides the search: the filter line's triage
/// words and the entity filter. Made once per refresh (the entity's documents are a pass
/// over its mentions), for the list and its count alike.
struct ListConditions {
    filter: ListFilter,
    /// False when no document's triage can hide it: no triage word on the filter line and
    /// nothing archived.
    ask_state: bool,
    /// With an entity filter: which documents mention the entity, by index.
    entity_docs: Option<Vec<bool>>,
}

impl ListConditions {
    /// The conditions now; the triage table must be in step (see [`refresh_list`]).
    fn of(app: &App) -> ListConditions {
        let filter = ListFilter::parse(app.list.filter_text());
        ListConditions {
            ask_state: !filter.is_empty() || app.triage.any_archived(),
            filter,
            entity_docs: app.list.entity_filter().map(|e| docs_with_entity(app, e)),
        }
    }

    /// True when document `doc` may be listed.
    fn admit(&self, app: &App, doc: usize) -> bool {
        self.entity_docs
            .as_ref()
            .is_none_or(|docs| docs.get(doc) == Some(&true))
            && (!self.ask_state || passes(app, doc, &self.filter))
    }
}

/// How many documents the list will hold once the whole answer comes (the search counted
/// the documents it leads to, with its first screen or alone: [`DocList::answer_docs`]),
/// under the list's own filters; `None` when the search sent no count.
///
/// [`DocList::answer_docs`]: super::doc_list::DocList::answer_docs
pub fn whole_count(app: &mut App) -> Option<usize> {
    app.triage.sync(&app.state, &app.corpus.docs);
    count_admitted(app, &ListConditions::of(app))
}

/// [`whole_count`] under `conditions` already made.
fn count_admitted(app: &App, conditions: &ListConditions) -> Option<usize> {
    let docs = app.list.answer_docs()?;
    let listed =
        (docs.iter().enumerate()).filter(|&(d, &answers)| answers && conditions.admit(app, d));
    Some(listed.count())
}

/// The row for a document in the new `order`: its own if listed; else, in sort order, the
/// first listed document after it. A ranked search has no such order: there the next
/// document of the list before that is still listed takes its row.
fn row_for(app: &App, order: &[usize], doc: usize, was_at: usize) -> usize {
    if let Some(row) = order.iter().position(|&d| d == doc) {
        return row;
    }
    if app.search.is_none() {
        return order.partition_point(|&d| compare(app, d, doc) == Ordering::Less);
    }
    // Rows by document, so that walking a long list stays linear.
    let mut row_of = vec![None; app.corpus.len()];
    for (row, &d) in order.iter().enumerate() {
        if let Some(slot) = row_of.get_mut(d) {
            *slot = Some(row);
        }
    }
    let listed = |d: &usize| row_of.get(*d).copied().flatten();
    let before = app.list.order();
    let after = before.iter().skip(was_at + 1).find_map(listed);
    let above = before.iter().take(was_at).rev().find_map(listed);
    after.or(above).unwrap_or(was_at)
}

/// Which documents mention entity row `entity`, by document index (a lookup per
/// document, filled from the entity's own list of documents).
fn docs_with_entity(app: &App, entity: usize) -> Vec<bool> {
    let mut docs = vec![false; app.corpus.len()];
    for d in app.facts.docs_of(entity) {
        if let Some(slot) = docs.get_mut(d) {
            *slot = true;
        }
    }
    docs
}

/// The triage conditions only. Until the search answers a new query, the list stays as the
/// last answer left it (or whole): never a scan of the texts on the UI thread.
fn passes(app: &App, doc: usize, f: &ListFilter) -> bool {
    f.passes_flags(app.triage.get(doc), || app.doc_state(doc))
}

/// The list's order between two documents in the current sort; file order breaks ties, so
/// the order is total and a hidden document still has a place among the listed ones.
fn compare(app: &App, a: usize, b: usize) -> Ordering {
    let docs = &app.corpus.docs;
    let (Some(da), Some(db)) = (docs.get(a), docs.get(b)) else {
        return a.cmp(&b);
    };
    let by_sort = match app.list.sort() {
        SortOrder::File => Ordering::Equal,
        SortOrder::Date => db.date().cmp(&da.date()),
        SortOrder::Title => match (app.title_keys.get(a), app.title_keys.get(b)) {
            (Some(ka), Some(kb)) => ka.cmp(kb),
            _ => fold_str(&da.title).cmp(&fold_str(&db.title)),
        },
        SortOrder::Language => da.lang.cmp(&db.lang),
        SortOrder::State => {
            let key = |d: usize| {
                let s = app.triage.get(d);
                (s.read(), !s.star())
            };
            key(a).cmp(&key(b))
        }
    };
    by_sort.then(a.cmp(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document, LoadReport};
    use crate::layout::LayoutOptions;
    use crate::tui::app::Facts;
    use crate::tui::msg::Msg;
    use crate::tui::theme::Theme;

    fn corpus(titles: &[&str]) -> Corpus {
        let docs = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("{i}.txt"), format!("{t}\n\nmetin")))
            .collect();
        Corpus { docs }
    }

    #[test]
    fn the_title_sort_folds_each_title_once_per_corpus() {
        let theme = Theme::monochrome();
        let mut app = App::new(
            corpus(&["Zeytin", "ışık", "Ankara"]),
            Facts::default(),
            theme,
            LayoutOptions::new(80),
        );
        app.list.set_sort(SortOrder::Title);
        refresh_list(&mut app);
        assert_eq!(app.list.order(), [2, 1, 0]);
        assert_eq!(app.title_keys, ["zeytin", "isik", "ankara"]);
        // New documents, as many: their own titles sort them, not the old keys.
        let report = LoadReport {
            corpus: corpus(&["Bir", "Üç", "Ak"]),
            notices: Vec::new(),
        };
        let panes = crate::tui::view::panes(ratatui::layout::Rect::new(0, 0, 100, 30), &app);
        crate::tui::update(&mut app, Msg::CorpusLoaded(Box::new(report)), &panes);
        assert_eq!(app.list.order(), [2, 0, 1]);
    }

    #[test]
    fn an_entity_filter_lists_its_documents_and_hides_the_archived_ones() {
        let docs = corpus(&["Bir", "İki", "Üç", "Dört"]);
        let keys: Vec<_> = docs.docs.iter().map(|d| d.key.clone()).collect();
        let place = crate::tui::app::EntityRow {
            kind: crate::kind::Kind::Place,
            name: "Ankara".into(),
            value: None,
            docs: 3,
            mentions: 3,
        };
        let at = |on: bool| match on {
            true => crate::tui::app::MentionRef::new(0, 3, 0)
                .into_iter()
                .collect(),
            false => Vec::new(),
        };
        let mentions = [true, false, true, true].map(at).to_vec();
        let facts = Facts::new(vec![place], mentions);
        let mut app = App::new(docs, facts, Theme::monochrome(), LayoutOptions::new(80));
        let mut state = crate::store::State::default();
        state.apply(&crate::store::Change::Read {
            doc: keys[0].clone(),
            value: true,
        });
        app.state = std::sync::Arc::new(state.clone());
        app.list.set_entity_filter(Some((0, "Ankara".into())));
        refresh_list(&mut app);
        assert_eq!(app.list.order(), [0, 2, 3]);
        // Once one is archived, the documents' states are asked again.
        state.apply(&crate::store::Change::Archive {
            doc: keys[2].clone(),
            value: true,
        });
        app.state = std::sync::Arc::new(state);
        refresh_list(&mut app);
        assert_eq!(app.list.order(), [0, 3]);
        app.list.set_entity_filter(None);
        refresh_list(&mut app);
        assert_eq!(app.list.order(), [0, 1, 3]);
    }
}
