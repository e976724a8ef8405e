//! A query compiled for scanning: term matchers per group, and the scorer.

use crate::text::is_arabic;

use super::engine::covers;
use super::index::{Index, Item};
use super::item::ItemKind;
use super::matcher::{Fields, Scorer, TermMatcher};
use super::query::{Query, Scope};

/// A compiled query.
pub(crate) struct Plan {
    groups: Vec<(Scope, Vec<TermMatcher>)>,
    /// The scopes the query uses (its final scope when it has no terms).
    pub scopes: Vec<Scope>,
    scorer: Scorer,
}

impl Plan {
    pub fn new(query: &Query) -> Plan {
        let groups = query
            .groups
            .iter()
            .map(|g| {
                let date = g.scope == Scope::Dates;
                (
                    g.scope,
                    g.terms.iter().map(|t| TermMatcher::new(t, date)).collect(),
                )
            })
            .collect();
        let mut scopes = query.scopes();
        if scopes.is_empty() {
            scopes.push(query.scope);
        }
        Plan {
            groups,
            scopes,
            scorer: Scorer::new(),
        }
    }

    /// Which words' skeletons the terms need: `None` when no term uses skeletons,
    /// `Some(Some(true))` only Arabic words (Latin terms), `Some(Some(false))` only Latin
    /// words, `Some(None)` both.
    pub fn skeleton_script(&self) -> Option<Option<bool>> {
        let mut scripts = self
            .groups
            .iter()
            .flat_map(|(_, terms)| terms)
            .filter(|t| t.term.skeleton.is_some())
            .map(|t| !t.term.pattern.chars().any(is_arabic));
        let first = scripts.next()?;
        Some(scripts.all(|s| s == first).then_some(first))
    }

    /// The item's score when every group covering its kind matches it directly.
    pub fn score(&mut self, index: &Index, item: &Item) -> Option<i32> {
        if !self.scopes.iter().any(|&s| covers(s, item.kind)) {
            return None;
        }
        let fields = Fields {
            key: index.key(item),
            extra: index.extra(item),
            skel: index.skel(item),
            iso: index.iso(item),
            fuzzy: item.kind != ItemKind::Line || index.fuzzy_lines,
        };
        let tags = index.tag_fields(item);
        self.score_fields(item.kind, fields, tags)
    }

    /// The score of an item of `kind` with these fields (and tags), or `None`.
    pub fn score_fields(
        &mut self,
        kind: ItemKind,
        fields: Fields<'_>,
        tags: Option<Fields<'_>>,
    ) -> Option<i32> {
        let mut total = 0;
        for (scope, terms) in &self.groups {
            if !covers(*scope, kind) {
                continue;
            }
            total += terms
                .iter()
                .filter_map(|t| term_score(&mut self.scorer, t, fields, tags))
                .max()?;
        }
        Some(total)
    }
}

/// A term on the item's own fields, or else (positive terms only) on its tags.
fn term_score(
    scorer: &mut Scorer,
    t: &TermMatcher,
    f: Fields<'_>,
    tags: Option<Fields<'_>>,
) -> Option<i32> {
    t.score(scorer, f).or_else(|| match tags {
        Some(tags) if !t.term.negated => t.score(scorer, tags),
        _ => None,
    })
}
