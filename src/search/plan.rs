//! A query compiled for scanning: term matchers per group, and the scorer.

use crate::text::is_arabic;

use super::bytes;
use super::engine::covers;
use super::index::{Index, Item};
use super::item::ItemKind;
use super::matcher::{Fields, Scorer, TermMatcher, Via};
use super::query::{Query, Scope};

/// A compiled query.
pub(crate) struct Plan {
    pub(super) groups: Vec<(Scope, Vec<TermMatcher>)>,
    /// Per group, per term: its needles' byte sets (see [`super::bytes`]).
    needles: Vec<Vec<Option<Vec<u64>>>>,
    /// The scopes the query uses (its final scope when it has no terms).
    pub scopes: Vec<Scope>,
    scorer: Scorer,
    /// A document line's folded text, folded again here when it is read (see
    /// [`Index::key`]): one buffer for the whole scan.
    key: String,
}

impl Plan {
    pub fn new(query: &Query) -> Plan {
        let groups: Vec<(Scope, Vec<TermMatcher>)> = query
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
        let needles = query
            .groups
            .iter()
            .map(|g| g.terms.iter().map(bytes::needles).collect())
            .collect();
        let mut scopes = query.scopes();
        if scopes.is_empty() {
            scopes.push(query.scope);
        }
        Plan {
            groups,
            needles,
            scopes,
            scorer: Scorer::new(),
            key: String::new(),
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

    /// The item's score when every group covering its kind matches it directly: as
    /// [`Plan::score_read`] gives it, taken from the item's own text alone when that
    /// decides it ([`Plan::key_score`]: a one-letter key meets nearly every line, and the
    /// other fields cost as much again to look up).
    pub fn score(&mut self, index: &Index, item: &Item) -> Option<i32> {
        self.score_item(index, item, true)
    }

    /// The item's score read from all its fields, with no short way: what
    /// [`Plan::score`] must agree with.
    #[cfg(test)]
    pub fn score_read(&mut self, index: &Index, item: &Item) -> Option<i32> {
        self.score_item(index, item, false)
    }

    /// [`Plan::score`], taking its short way only when `short` is set.
    fn score_item(&mut self, index: &Index, item: &Item, short: bool) -> Option<i32> {
        if !self.scopes.iter().any(|&s| covers(s, item.kind)) || !self.may_meet(index, item) {
            return None;
        }
        // No term reads the item (an empty query, a bare `'` or `^` typed): nothing to
        // fold, its score is 0 (what `score_fields` gives without a group).
        if !self
            .groups
            .iter()
            .any(|(scope, _)| covers(*scope, item.kind))
        {
            return Some(0);
        }
        let mut buf = std::mem::take(&mut self.key);
        let key = index.key(item, &mut buf);
        let mut score = None;
        // A lone term the own text was searched for and does not hold: its other fields
        // are read without searching that text again.
        let mut own_missed = false;
        if short {
            let fuzzy = item.kind != ItemKind::Line || index.fuzzy_lines;
            score = self.key_score(item.kind, key, fuzzy);
            own_missed = score.is_none() && self.lone_term_reads_own_first(item.kind);
        }
        if score.is_none() {
            let mut fields = index.fields_but_source(item, key);
            if self.groups.iter().any(|(scope, _)| *scope == Scope::Source) {
                fields.source = index.source_fields(item);
            }
            score = self.score_fields_with(item.kind, &fields, own_missed);
        }
        self.key = buf;
        score
    }

    /// True when one group alone covers `kind`, with one term, positive, looking at the own
    /// text first and not in the source's scope: when [`Plan::key_score`] says `None`, that
    /// term's own text does not hold it.
    fn lone_term_reads_own_first(&self, kind: ItemKind) -> bool {
        let mut covering = self.groups.iter().filter(|(s, _)| covers(*s, kind));
        match (covering.next(), covering.next()) {
            (Some((scope, terms)), None) => {
                *scope != Scope::Source
                    && matches!(terms.as_slice(), [t] if !t.term.negated && !t.iso_like)
            }
            _ => false,
        }
    }

    /// False when some group covering the item has no term that can meet it: one lacking
    /// a byte of every needle, and not negated. [`Plan::score_fields`] would say `None`.
    fn may_meet(&self, index: &Index, item: &Item) -> bool {
        let set = index.item_bytes(item);
        self.groups
            .iter()
            .zip(&self.needles)
            .all(|((scope, _), terms)| {
                !covers(*scope, item.kind)
                    || terms.iter().any(|n| bytes::may_meet(n.as_deref(), set))
            })
    }

    /// The score of an item of `kind` whose own folded text is `key` (`fuzzy` as
    /// [`Fields::fuzzy`]), when that text decides it: every term of every group covering
    /// the kind is positive and meets `key` itself. A term's own text is looked at before
    /// its other fields (names, aliases, skeletons, tags), so those cannot change the
    /// score: the scan need not read them, and a line scanner need not shape the line's
    /// words. `None` when some term does not meet `key`, is negated, or a group covering
    /// the kind reads another field first (a document's source, an ISO date).
    pub fn key_score(&self, kind: ItemKind, key: &str, fuzzy: bool) -> Option<i32> {
        let mut total = 0;
        for (scope, terms) in &self.groups {
            if !covers(*scope, kind) {
                continue;
            }
            if *scope == Scope::Source {
                return None;
            }
            let mut best = None;
            for t in terms {
                let score = (!t.term.negated)
                    .then(|| t.text_hit(key, fuzzy))
                    .flatten()?;
                best = best.max(Some(score));
            }
            // A group without terms matches nothing, as in `score_fields`.
            total += best?;
        }
        Some(total)
    }

    /// The score of an item of `kind` with these fields, or `None`.
    pub fn score_fields(&mut self, kind: ItemKind, fields: &ItemFields<'_>) -> Option<i32> {
        self.score_fields_with(kind, fields, false)
    }

    /// [`Plan::score_fields`]; with `own_missed`, every term is known not to be held by the
    /// own text ([`TermMatcher::hit_past_own`]).
    fn score_fields_with(
        &mut self,
        kind: ItemKind,
        fields: &ItemFields<'_>,
        own_missed: bool,
    ) -> Option<i32> {
        let mut total = 0;
        for (scope, terms) in &self.groups {
            if !covers(*scope, kind) {
                continue;
            }
            total += terms
                .iter()
                .filter_map(|t| term_score(&mut self.scorer, t, *scope, fields, own_missed))
                .max()?;
        }
        Some(total)
    }

    /// For each group covering `kind`, its best positive term's way to the item (what
    /// `--explain` prints), in query order: the term's id (see [`Plan::term`]) and how.
    pub fn explain(&mut self, kind: ItemKind, fields: &ItemFields<'_>) -> Vec<(usize, Via)> {
        let mut out = Vec::new();
        for (g, (scope, terms)) in self.groups.iter().enumerate() {
            if !covers(*scope, kind) {
                continue;
            }
            let best = terms
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.term.negated)
                .filter_map(|(i, t)| {
                    let hit = term_hit(&mut self.scorer, t, *scope, fields, false)?;
                    Some((hit.0, i, hit.1))
                })
                .max_by_key(|h| h.0);
            if let Some((_, i, via)) = best {
                out.push((g << 16 | i, via));
            }
        }
        out
    }

    /// The compiled term `id` (as [`Plan::explain`] numbers them).
    pub fn term(&self, id: usize) -> Option<(Scope, &TermMatcher)> {
        let (scope, terms) = self.groups.get(id >> 16)?;
        Some((*scope, terms.get(id & 0xFFFF)?))
    }
}

/// An item's fields for each scope: its own (with tags for documents, which also match as
/// names of the document) and, for a document, its source.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ItemFields<'a> {
    pub own: Fields<'a>,
    pub tags: Option<Fields<'a>>,
    pub source: Option<Fields<'a>>,
}

/// How the term (without its `!`) meets the item in `scope`: the source for `%src`, else
/// the item's own fields, else its tags. With `own_missed`, the own text is known not to
/// hold the term ([`TermMatcher::hit_past_own`]).
fn term_hit(
    scorer: &mut Scorer,
    t: &TermMatcher,
    scope: Scope,
    f: &ItemFields<'_>,
    own_missed: bool,
) -> Option<(i32, Via)> {
    if scope == Scope::Source {
        return t.hit(scorer, f.source?);
    }
    let own = match own_missed {
        true => t.hit_past_own(scorer, f.own),
        false => t.hit(scorer, f.own),
    };
    own.or_else(|| {
        let (score, via) = t.hit(scorer, f.tags?)?;
        match via {
            Via::Name { at, len } => Some((score, Via::Tag { at, len })),
            _ => Some((score, via)),
        }
    })
}

/// A term's score: its hit's, or for `!term` 0 exactly when the term does not meet the item.
fn term_score(
    scorer: &mut Scorer,
    t: &TermMatcher,
    scope: Scope,
    f: &ItemFields<'_>,
    own_missed: bool,
) -> Option<i32> {
    let hit = term_hit(scorer, t, scope, f, own_missed);
    if t.term.negated {
        hit.is_none().then_some(0)
    } else {
        hit.map(|h| h.0)
    }
}

impl Index {
    /// The bytes an item's fields hold: its own strings', and for a document its tags' and
    /// source's.
    pub(crate) fn item_bytes(&self, item: &Item) -> u64 {
        if item.kind != ItemKind::Doc {
            return item.bytes;
        }
        let doc = self
            .docs(item)
            .first()
            .and_then(|&d| usize::try_from(d).ok());
        let more = doc
            .and_then(|d| self.doc_bytes.get(d))
            .copied()
            .unwrap_or(0);
        item.bytes | more
    }

    /// A document item's tags as matchable fields.
    pub(crate) fn tag_fields(&self, item: &Item) -> Option<Fields<'_>> {
        if item.kind != ItemKind::Doc {
            return None;
        }
        let doc = usize::try_from(*self.docs(item).first()?).ok()?;
        let tags = self.tags.get(doc)?;
        (!tags.is_empty()).then_some(Fields {
            key: "",
            extra: tags,
            skel: "",
            words: None,
            iso: "",
            fuzzy: true,
        })
    }

    /// A document item's source as matchable fields (its own text, for `%src`).
    pub(crate) fn source_fields(&self, item: &Item) -> Option<Fields<'_>> {
        if item.kind != ItemKind::Doc {
            return None;
        }
        let doc = usize::try_from(*self.docs(item).first()?).ok()?;
        let source = self.sources.get(doc)?;
        Some(Fields {
            key: source,
            extra: "",
            skel: "",
            words: None,
            iso: "",
            fuzzy: true,
        })
    }

    /// An item's fields, as [`Plan::score_fields`] takes them, its folded text being `key`
    /// (see [`Index::key`]).
    pub(crate) fn fields<'a>(&'a self, item: &Item, key: &'a str) -> ItemFields<'a> {
        ItemFields {
            source: self.source_fields(item),
            ..self.fields_but_source(item, key)
        }
    }

    /// [`Index::fields`] without the source, which only `%src` reads: a scan looks it up
    /// only for such a query.
    pub(crate) fn fields_but_source<'a>(&'a self, item: &Item, key: &'a str) -> ItemFields<'a> {
        ItemFields {
            own: Fields {
                key,
                extra: self.extra(item),
                skel: self.skel(item),
                words: self.line_words(item),
                iso: self.iso(item),
                fuzzy: item.kind != ItemKind::Line || self.fuzzy_lines,
            },
            tags: self.tag_fields(item),
            source: None,
        }
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
