//! The head of a query's answer before the whole of it: the items before the document
//! lines (titles and entities, a few per document) are scored alone, with the highest
//! score any document line could reach. A title above that ranks above every line, so the
//! documents of such titles, in their titles' rank order, are the first documents of the
//! whole answer: a list can show them while the lines (millions, on a big corpus) are
//! still being scanned.

use std::sync::atomic::AtomicBool;

use super::engine::{Hit, Results, Scan, covers};
use super::hits::HitBounds;
use super::index::Index;
use super::item::ItemKind;
use super::plan::Plan;
use super::query::{Query, Scope};

/// The hits among the items before the lines, and the line ceiling they are judged by.
#[derive(Debug, Clone)]
pub struct Heads {
    /// The query they answer.
    pub query: Query,
    /// Every hit among documents' titles and entities, in index order: the same hits and
    /// scores the whole search gives these items.
    pub hits: Vec<Hit>,
    /// No document line scores above this for the query: a document whose title scores
    /// above it ranks above every document reached through a line alone.
    pub line_ceiling: i32,
}

impl Index {
    /// Scores the titles and entities for `query` (see [`Heads`]). `None` when the query
    /// has no terms, joins scopes, or has a scope other than the whole index (its titles
    /// and lines then do not compete in one ranking), or when `cancel` was set.
    pub fn search_heads(&self, query: &Query, cancel: &AtomicBool) -> Option<Heads> {
        self.search_heads_after(query, None, cancel)
    }

    /// [`Index::search_heads`] after `prev`: when `query` narrows it (see
    /// [`Results::narrowed_by`]), only its hits among the titles and entities are scored,
    /// not every title (at 200k articles those cost a long key more than the first screen
    /// saves it).
    pub fn search_heads_after(
        &self,
        query: &Query,
        prev: Option<&Results>,
        cancel: &AtomicBool,
    ) -> Option<Heads> {
        if query.is_empty() || query.scopes() != [Scope::All] || self.fuzzy_lines {
            return None;
        }
        let mut plan = Plan::new(query);
        let line_ceiling = line_ceiling(&plan)?;
        let first = u32::try_from(self.first_line()).ok()?;
        let ids: Vec<u32> = match prev.filter(|p| p.narrowed_by(query)) {
            Some(p) => {
                let mut ids: Vec<u32> = p
                    .hits
                    .iter()
                    .map(|h| h.item)
                    .filter(|&id| id < first)
                    .collect();
                ids.sort_unstable();
                ids
            }
            None => (0..first).collect(),
        };
        let scan = Scan {
            index: self,
            query,
            filter: None,
            cancel,
        };
        let hits = scan.split(&mut plan, &ids)?;
        Some(Heads {
            query: query.clone(),
            hits,
            line_ceiling,
        })
    }
}

/// The highest score a document line can get from `plan`: per group, its best term's
/// best own-text hit (a word of its own starting the line; an alias spelling or a word of
/// the other script scores in a lower tier, and a `!term` 0), summed over the groups.
/// `None` when no group covers lines.
fn line_ceiling(plan: &Plan) -> Option<i32> {
    let best = HitBounds {
        word_start: true,
        item_start: true,
        word_end: true,
    };
    let mut total = 0i32;
    let mut any = false;
    for (scope, terms) in &plan.groups {
        if !covers(*scope, ItemKind::Line) {
            continue;
        }
        any = true;
        let group = terms
            .iter()
            .map(|t| match t.term.negated {
                true => 0,
                false => best.own_line_score(t.term.pattern.len()),
            })
            .max()
            .unwrap_or(0);
        total = total.saturating_add(group);
    }
    any.then_some(total)
}

#[cfg(test)]
#[path = "heads_tests.rs"]
mod tests;
