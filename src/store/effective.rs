//! The spans a document shows: the user's own spans, the suggestions and names the user
//! accepted, and pending suggestions, with rejected names taken out.
//!
//! [`effective_spans`] is pure: it takes the document text, the extractor's suggestions for
//! it and the store state, and decides as follows (earlier rules win):
//!
//! 1. Every span stored for the document (drawn by the user, or an accepted suggestion
//!    journalled as `add_span`) is kept, even where spans overlap. A span the user drew
//!    labels that one occurrence and nothing else.
//! 2. Accepted names are found by exact text search in this document. Accepted names are
//!    the names of `accept` decisions (`a`, `A`, and `L`, which labels every occurrence)
//!    plus the surface texts of stored accepted suggestions in any document ("once Lavrov
//!    is a person here, he is one everywhere"). A hit must start at a word start (an Arabic
//!    proclitic such as `و` `ف` `ب` `ل` `ك` may precede it) and end at a word end (a Turkish
//!    suffix after an apostrophe is fine: `Türkiye'ye`).
//! 3. Suggestions of the extractor whose name is accepted become [`Origin::Accepted`], the
//!    others stay [`Origin::Suggested`] (pending: the UI may show them dimmed; exports leave
//!    them out by passing no suggestions).
//! 4. Rejected names never appear through rules 2 and 3: a rejected name is never
//!    suggested. A span the user stored explicitly (rule 1) is kept even so.
//! 5. A span from rules 2 and 3 that overlaps a span already kept is dropped; longer hits
//!    are placed before shorter ones. So a user's span over part of a longer suggestion
//!    replaces that suggestion at that occurrence, and no piece of it is left.
//! 6. A stored span of source [`Source::Removed`] is not shown: it marks an occurrence where
//!    the user removed a label (`D`), and no span from rules 2 and 3 with exactly its range
//!    is shown there.
//!
//! Stored spans that do not fit the text (out of range, not on character boundaries, or
//! covering other text than they say) are left out: they can only come from a damaged or
//! hand-edited journal, since documents are keyed by a hash of their text. [`misfits`] lists
//! them so the UI can say so; exports refuse them.
//!
//! The result is sorted by start, then end.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Decision, DocState, Label, Name, Source, Span, State};
use crate::text::{ARABIC_PROCLITICS, is_word_char};

/// A mention suggested by the extractor, in document byte offsets. Its surface text is the
/// document's `text[start..end]`, read there rather than copied: the reader makes one per
/// mention of the open document (700,000 in a 40 MB one), and a copy of each text doubled
/// what they took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: Label,
}

/// Why a span is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// Drawn by the user.
    User,
    /// Accepted: a stored accepted suggestion, an accepted suggestion, or a text-search hit
    /// of an accepted or user-added name.
    Accepted,
    /// Suggested by the extractor and not yet decided.
    Suggested,
}

/// A span as shown and exported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EffectiveSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: Label,
    /// Why it is shown.
    pub origin: Origin,
}

/// The effective spans of a document; see the module documentation for the rules.
pub fn effective_spans(
    text: &str,
    doc: &DocState,
    suggestions: &[Suggestion],
    state: &State,
) -> Vec<EffectiveSpan> {
    let fitting = doc.spans.iter().filter(|s| fits(text, s));
    let mut kept = Vec::new();
    let mut removed = BTreeSet::new();
    for s in fitting {
        let origin = match s.source {
            Source::User => Origin::User,
            Source::Accepted => Origin::Accepted,
            Source::Removed => {
                removed.insert((s.start, s.end));
                continue;
            }
        };
        kept.push(span(s.start, s.end, &s.kind, origin));
    }
    let accepted = accepted_names(state);
    // Sized once: a huge document has hundreds of thousands of suggestions, and a vector
    // grown by doubling holds up to twice them (with the old one while it moves).
    let mut candidates = Vec::with_capacity(suggestions.len() + kept.len());
    for name in &accepted {
        for (start, end) in find_name(text, &name.text) {
            candidates.push(span(start, end, &name.kind, Origin::Accepted));
        }
    }
    for s in suggestions {
        let Some(surface) = text.get(s.start..s.end).filter(|t| !t.is_empty()) else {
            continue;
        };
        match state.decision(&s.kind, surface) {
            Some(Decision::Rejected) => {}
            _ if is_accepted(&accepted, &s.kind, surface) => {
                candidates.push(span(s.start, s.end, &s.kind, Origin::Accepted));
            }
            _ => candidates.push(span(s.start, s.end, &s.kind, Origin::Suggested)),
        }
    }
    candidates.retain(|c| !removed.contains(&(c.start, c.end)));
    place(kept, candidates)
}

/// Rule 5: adds each candidate, best first, unless it overlaps a span already kept; the
/// result is sorted by start, then end. O(n log n). The candidates are filtered where they
/// are and the kept spans join them, so a huge document's spans are held once, not twice.
/// (A candidate never has the range of a kept span, which it would overlap, so the stable
/// sort puts spans in the same order whichever group comes first.)
fn place(kept: Vec<EffectiveSpan>, mut candidates: Vec<EffectiveSpan>) -> Vec<EffectiveSpan> {
    candidates.sort_by_key(|c| (c.origin, std::cmp::Reverse(c.end - c.start), c.start));
    let mut covered = Coverage::new(&kept);
    candidates.retain(|c| {
        let free = !covered.overlaps(c.start, c.end);
        if free {
            covered.insert(c.start, c.end);
        }
        free
    });
    drop(covered);
    candidates.extend(kept);
    candidates.sort_by_key(|s| (s.start, s.end));
    candidates
}

/// The byte ranges taken so far, as disjoint intervals keyed by start, so that "does this
/// candidate overlap anything kept?" is one ordered lookup instead of a scan of every kept
/// span. Stored spans may overlap each other, so they are merged first.
///
/// Overlap means what it always meant here: `a.start < b.end && b.start < a.end`. An empty
/// range `p..p` is hit by any range strictly around `p`, which is also true of any interval
/// `a..b` with `a <= p <= b`; merging such an empty range into that interval keeps every
/// answer the same.
struct Coverage {
    intervals: BTreeMap<usize, usize>,
}

impl Coverage {
    fn new(spans: &[EffectiveSpan]) -> Coverage {
        let mut ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start < last.1 || start == last.0 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Coverage {
            intervals: merged.into_iter().collect(),
        }
    }

    /// Disjoint intervals sorted by start have sorted ends too, so the last interval that
    /// starts before `end` is the only one that can reach past `start`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.intervals
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| start < e)
    }

    /// Adds a range that overlaps nothing here (it may touch a neighbour or share a start
    /// with it when one of the two is empty).
    fn insert(&mut self, start: usize, end: usize) {
        let e = self.intervals.entry(start).or_insert(end);
        *e = (*e).max(end);
    }
}

/// True when `span` is a non-empty range of `text` on character boundaries covering exactly
/// the text it was made on.
pub fn fits(text: &str, span: &Span) -> bool {
    span.start < span.end && text.get(span.start..span.end) == Some(span.text.as_str())
}

/// True when `kind` `surface` is among the `accepted` names; the common case, no name
/// accepted at all, makes no copy of the surface.
fn is_accepted(accepted: &BTreeSet<Name>, kind: &Label, surface: &str) -> bool {
    !accepted.is_empty()
        && accepted.contains(&Name {
            kind: kind.clone(),
            text: surface.to_string(),
        })
}

/// The stored spans of a document that do not fit its text (see [`fits`]); they are not
/// shown and exports refuse them.
pub fn misfits<'d>(text: &str, doc: &'d DocState) -> Vec<&'d Span> {
    doc.spans.iter().filter(|s| !fits(text, s)).collect()
}

fn span(start: usize, end: usize, kind: &Label, origin: Origin) -> EffectiveSpan {
    EffectiveSpan {
        start,
        end,
        kind: kind.clone(),
        origin,
    }
}

/// Names found in every document: accepted decisions and the texts of stored accepted
/// suggestions, minus rejected names. The user's own spans are not among them: a span drawn
/// on one occurrence labels that occurrence only.
pub fn accepted_names(state: &State) -> BTreeSet<Name> {
    let mut names: BTreeSet<Name> = state
        .decisions()
        .filter(|(_, d)| *d == Decision::Accepted)
        .map(|(n, _)| n.clone())
        .collect();
    for (_, doc) in state.docs() {
        for s in doc.spans.iter().filter(|s| s.source == Source::Accepted) {
            names.insert(Name {
                kind: s.kind.clone(),
                text: s.text.clone(),
            });
        }
    }
    names.retain(|n| {
        !n.text.trim().is_empty() && state.decision(&n.kind, &n.text) != Some(Decision::Rejected)
    });
    names
}

/// Byte ranges where `name` occurs in `text` as a whole word (see the module docs).
pub fn find_name(text: &str, name: &str) -> Vec<(usize, usize)> {
    if name.is_empty() {
        return Vec::new();
    }
    text.match_indices(name)
        .map(|(start, m)| (start, start + m.len()))
        .filter(|&(start, end)| word_start(&text[..start]) && word_end(&text[end..]))
        .collect()
}

fn word_start(before: &str) -> bool {
    for (n, c) in before.chars().rev().enumerate() {
        if !is_word_char(c) {
            return true;
        }
        if !ARABIC_PROCLITICS.contains(&c) || n == 2 {
            return false;
        }
    }
    true
}

fn word_end(after: &str) -> bool {
    after.chars().next().is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
#[path = "effective_tests.rs"]
mod tests;
