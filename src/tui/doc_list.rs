//! The document list as the app holds it: which documents are listed and in what order,
//! where the cursor is, which documents are marked, and what narrows the list. Its fields
//! are private: the order and the cursor change together, through these methods, so the
//! cursor is always on a listed row (or on none when nothing is listed) and stays on its
//! document when the list changes around it.

use std::collections::BTreeSet;

use super::app::SortOrder;
use super::rows::Rows;

/// The document list.
#[derive(Debug, Clone)]
pub struct DocList {
    /// Listed documents (indices into the corpus), in list order, and the cursor.
    rows: Rows,
    /// The document the cursor was on before a filter emptied the list: the cursor goes
    /// back to it when the filter lets it through again.
    wanted: Option<usize>,
    sort: SortOrder,
    /// The filter line's words (empty: no filter).
    filter_text: String,
    /// The entity the list is narrowed to (`f`), with its name for the title.
    entity: Option<(usize, String)>,
    /// True while the filter line's words wait for the search's answer (or for the
    /// documents, while they load): the list's count is not the answer yet.
    search_pending: bool,
    /// While a first screenful is listed and the whole answer is awaited: how many
    /// documents the list will hold then, when the search counted them already.
    whole_count: Option<usize>,
    /// With `whole_count`: which documents the awaited answer lists, by index (the
    /// search's count, [`crate::search::Index::answer_docs`]), to count again under the
    /// list's own filters when they change.
    answer_docs: Option<Vec<bool>>,
    /// Documents marked (`Space`): triage keys act on all of them.
    marked: BTreeSet<usize>,
}

impl DocList {
    /// Every one of `len` documents, in file order, the cursor on the first.
    pub fn new(len: usize) -> DocList {
        DocList {
            rows: Rows::new(len),
            wanted: None,
            sort: SortOrder::File,
            filter_text: String::new(),
            entity: None,
            search_pending: false,
            whole_count: None,
            answer_docs: None,
            marked: BTreeSet::new(),
        }
    }

    /// The document under the cursor.
    pub fn selected_doc(&self) -> Option<usize> {
        self.rows.under_cursor()
    }

    /// Puts the cursor on a document; false (nothing moves) when it is not listed.
    pub fn select_doc(&mut self, doc: usize) -> bool {
        match self.rows.row_of(doc) {
            Some(row) => {
                self.rows.select_row(row);
                true
            }
            None => false,
        }
    }

    /// Lists `order` with the cursor on `row` (clamped to the list); remembers `wanted`
    /// when nothing is listed, so the cursor can go back to it.
    pub fn replace(&mut self, order: Vec<usize>, row: usize, wanted: Option<usize>) {
        self.wanted = if order.is_empty() { wanted } else { None };
        self.rows.set(order, row);
    }

    /// The document the cursor should go back to (its own, or the one a filter hid).
    pub fn wanted(&self) -> Option<usize> {
        self.selected_doc().or(self.wanted)
    }

    /// The sort order.
    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    /// Sorts by `order` from the next [`DocList::replace`].
    pub fn set_sort(&mut self, order: SortOrder) {
        self.sort = order;
    }

    /// The filter line's words.
    pub fn filter_text(&self) -> &str {
        &self.filter_text
    }

    /// New filter words; false when they are the same as before.
    pub fn set_filter_text(&mut self, text: &str) -> bool {
        if self.filter_text == text {
            return false;
        }
        self.filter_text = text.to_string();
        true
    }

    /// The entity row the list is narrowed to (`f`), if any.
    pub fn entity_filter(&self) -> Option<usize> {
        self.entity.as_ref().map(|(e, _)| *e)
    }

    /// The name of the entity the list is narrowed to, for its title.
    pub fn entity_name(&self) -> Option<&str> {
        self.entity.as_ref().map(|(_, name)| name.as_str())
    }

    /// Narrows the list to the documents mentioning entity row `entity` (named `name`),
    /// or widens it again with `None`.
    pub fn set_entity_filter(&mut self, entity: Option<(usize, String)>) {
        self.entity = entity;
    }

    /// True while the search has not answered the filter line's words.
    pub fn search_pending(&self) -> bool {
        self.search_pending
    }

    /// Says whether the search's answer is awaited; the count of a whole answer still to
    /// come is forgotten (it was an earlier answer's).
    pub fn set_search_pending(&mut self, pending: bool) {
        self.search_pending = pending;
        self.whole_count = None;
        self.answer_docs = None;
    }

    /// While the search's answer is awaited: how many documents it will list, when known
    /// (see [`DocList::set_whole_count`]).
    pub fn whole_count(&self) -> Option<usize> {
        self.whole_count.filter(|_| self.search_pending)
    }

    /// Sets how many documents the awaited answer will list (a first screenful's count).
    pub fn set_whole_count(&mut self, count: Option<usize>) {
        self.whole_count = count;
    }

    /// While the search's answer is awaited: the documents it will list, when counted
    /// (see [`DocList::set_answer_docs`]).
    pub fn answer_docs(&self) -> Option<&[bool]> {
        self.answer_docs.as_deref().filter(|_| self.search_pending)
    }

    /// Keeps which documents the awaited answer lists (the search's count of a first
    /// screenful, or of no rows yet); its count under the list's filters is set apart
    /// ([`DocList::set_whole_count`]).
    pub fn set_answer_docs(&mut self, docs: Option<Vec<bool>>) {
        self.answer_docs = docs;
    }

    /// The marked documents.
    pub fn marked(&self) -> &BTreeSet<usize> {
        &self.marked
    }

    /// True when a document is marked.
    pub fn is_marked(&self, doc: usize) -> bool {
        self.marked.contains(&doc)
    }

    /// Marks a document, or unmarks it when marked.
    pub fn toggle_mark(&mut self, doc: usize) {
        if !self.marked.remove(&doc) {
            self.marked.insert(doc);
        }
    }

    /// Marks every listed document; when all are marked already, clears the marks.
    pub fn toggle_mark_all(&mut self) {
        let order = self.rows.order();
        if order.iter().all(|d| self.marked.contains(d)) {
            self.marked.clear();
        } else {
            self.marked.extend(order.iter().copied());
        }
    }

    /// Clears the marks.
    pub fn clear_marks(&mut self) {
        self.marked.clear();
    }

    /// Every marked document: the listed ones first, in list order, then those the
    /// filter hides, in corpus order.
    pub fn marked_in_order(&self) -> Vec<usize> {
        let marked = &self.marked;
        let mut docs: Vec<usize> = self
            .rows
            .order()
            .iter()
            .copied()
            .filter(|d| marked.contains(d))
            .collect();
        let listed: BTreeSet<usize> = docs.iter().copied().collect();
        docs.extend(marked.difference(&listed));
        docs
    }
}

super::rows::rows_of!(DocList);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_a_listed_row() {
        let mut list = DocList::new(5);
        list.select_row(9);
        assert_eq!(list.selected_doc(), Some(4));
        list.replace(vec![2, 0], 7, Some(4));
        assert_eq!(list.selected_doc(), Some(0));
        list.replace(Vec::new(), 0, Some(4));
        assert_eq!((list.selected_doc(), list.wanted()), (None, Some(4)));
        assert!(!list.select_doc(3));
    }

    #[test]
    fn marks_toggle_one_by_one_and_all_at_once() {
        let mut list = DocList::new(3);
        list.toggle_mark(1);
        list.toggle_mark(1);
        assert!(list.marked().is_empty());
        list.toggle_mark(2);
        list.toggle_mark_all();
        assert_eq!(list.marked_in_order(), [0, 1, 2]);
        list.replace(vec![2, 1], 0, None);
        assert_eq!(
            list.marked_in_order(),
            [2, 1, 0],
            "listed first, then hidden"
        );
        list.toggle_mark_all();
        assert!(list.marked().is_empty());
    }
}
