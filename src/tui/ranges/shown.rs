//! The spans shown in the open document worked out a block of text at a time: the rules of
//! [`crate::store::effective_spans`] take every suggestion as a 40-byte `Suggestion`, then
//! as a 48-byte candidate with a tree entry of about 28 bytes for the ranges taken, all at
//! once. A 40 MB document has some 940,000 mentions: those 110 MB, held beside the text, the
//! search index and the panels' mentions, were the reader's peak.
//!
//! The rules only ever compare spans that overlap (rule 5) or have the same range (rule 6),
//! so a document cut where no span crosses gives, block by block, the spans it gives whole.
//! Blocks end at a line break that no suggestion and no stored span crosses; no accepted
//! name holding a line break may be sought (else the document is one block), so no name's
//! occurrence crosses one either, and a name is sought in a block exactly as in the whole
//! text (the line break on each side is what the word-boundary rules see there). When no
//! accepted name holds a space, blocks may end at a space too, by the same reasoning: a
//! line of megabytes (a document's text without line breaks) is cut like the others.

use std::ops::Range;

use memchr::{memchr, memchr2};

use super::SpanSet;
use crate::store::{DocState, EffectiveSpan, Label, State, Suggestion, accepted_names};
use crate::tui::app::MentionRef;

/// Bytes of text worked out at once: the block's suggestions and candidates are a few
/// megabytes, next to the 16 bytes a span the set keeps.
const BLOCK_BYTES: usize = 1 << 20;

/// The spans `text` shows ([`crate::store::effective_spans`]) with the `stored` spans of
/// its document, the `state`'s decisions and names, and its `mentions` as suggestions (the
/// label of each given by `kind`, those with none left out), held compact as they are made.
pub fn shown_spans(
    text: &str,
    stored: &DocState,
    state: &State,
    mentions: impl Iterator<Item = MentionRef> + Clone,
    kind: impl Fn(&MentionRef) -> Option<Label>,
) -> SpanSet {
    let whole = 0..text.len();
    shown_spans_in(text, stored, state, mentions, kind, whole)
}

/// [`shown_spans`] of the blocks of `text` that hold the bytes `wanted` (the one holding
/// `wanted.start` when it is empty), and only those: the set says which bytes it covers
/// ([`SpanSet::covers`]). Each block gives what it gives in the whole document, so a set
/// of a few blocks about the rows shown is what the reading pane needs of a huge document,
/// at a few megabytes of text's spans rather than all of them (15 MB at 40 MB).
pub fn shown_spans_in(
    text: &str,
    stored: &DocState,
    state: &State,
    mentions: impl Iterator<Item = MentionRef> + Clone,
    kind: impl Fn(&MentionRef) -> Option<Label>,
    wanted: Range<usize>,
) -> SpanSet {
    let names = accepted_names(state);
    let whole = !is_sorted(mentions.clone()) || names.iter().any(|n| n.text.contains('\n'));
    let spaces = !names.iter().any(|n| n.text.contains(' '));
    drop(names);
    // The blocks are found from the text's start, the same blocks whatever is wanted: the
    // cuts cost a pass over the mentions' starts, not their spans.
    // The block's mentions are read from `first` (a copy of `rest` where the block
    // starts), `taken` of them, as `cut` passes them in `rest`.
    let (mut start, mut rest, mut from) = (0, mentions.peekable(), None);
    // All of the document's spans are sized once; a few blocks' grow as they come.
    let all = wanted.start == 0 && wanted.end >= text.len();
    let mut set = SpanSet::with_capacity(match all {
        true => rest.clone().count() + stored.spans.len(),
        false => 0,
    });
    loop {
        let first = rest.clone();
        let (end, taken) = match whole {
            true => (text.len(), usize::MAX),
            false => cut(text, start, stored, &mut rest, spaces),
        };
        let reaches = end > wanted.start || end >= text.len();
        if reaches {
            from = from.or(Some(start));
            let block = text.get(start..end).unwrap_or_default();
            let suggestions = suggestions(first.take(taken), start, &kind);
            let local = stored_in(stored, start, end);
            let spans = crate::store::effective_spans(block, &local, &suggestions, state);
            drop(suggestions);
            set.push_block(shifted(spans, start));
        }
        if end >= text.len() || (reaches && end >= wanted.end) {
            let covered = from.unwrap_or(start)..end;
            return set.finish_covering(covered, text.len());
        }
        start = end;
    }
}

/// True when `mentions` come in order of their starts.
fn is_sorted(mentions: impl Iterator<Item = MentionRef>) -> bool {
    let mut last = 0;
    mentions.map(|m| m.start()).all(|start| {
        let sorted = last <= start;
        last = start;
        sorted
    })
}

/// Where the block from `start` ends (a line break, or a space when `spaces`, at least
/// [`BLOCK_BYTES`] on that no mention and no stored span crosses, or the text's end) and
/// how many mentions it holds: they are taken from `mentions`, which is left at the first
/// mention past the block (the block's are all that are left at the text's end).
fn cut<M: Iterator<Item = MentionRef>>(
    text: &str,
    start: usize,
    stored: &DocState,
    mentions: &mut std::iter::Peekable<M>,
    spaces: bool,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = start.saturating_add(BLOCK_BYTES);
    let mut taken = 0;
    let find = |b: &[u8]| match spaces {
        true => memchr2(b'\n', b' ', b),
        false => memchr(b'\n', b),
    };
    loop {
        let Some(line_break) = bytes.get(at..).and_then(find) else {
            return (text.len(), usize::MAX);
        };
        at += line_break;
        // Every mention starting before the break must end at it or before.
        let mut reach = at;
        while let Some(m) = mentions.next_if(|m| m.start() < at) {
            reach = reach.max(m.end());
            taken += 1;
        }
        let stored_reach = stored
            .spans
            .iter()
            .filter(|s| s.start < at && at < s.end)
            .map(|s| s.end)
            .max();
        reach = reach.max(stored_reach.unwrap_or(at));
        if reach <= at {
            return (at, taken);
        }
        at = reach;
    }
}

/// The suggestions of `mentions` (the label of each given by `kind`, those with none left
/// out), their offsets made relative to `start`.
pub(crate) fn suggestions(
    mentions: impl Iterator<Item = MentionRef> + Clone,
    start: usize,
    kind: &impl Fn(&MentionRef) -> Option<Label>,
) -> Vec<Suggestion> {
    // Sized by the block's mentions, counted in a first pass: grown by doubling, the
    // vector of a huge document's suggestions held up to twice their bytes.
    let mut out = Vec::with_capacity(mentions.clone().count());
    out.extend(mentions.filter_map(|m| {
        Some(Suggestion {
            start: m.start().checked_sub(start)?,
            end: m.end().checked_sub(start)?,
            kind: kind(&m)?,
        })
    }));
    out
}

/// The spans of `stored` that start in `start..end`, offsets relative to `start`.
fn stored_in(stored: &DocState, start: usize, end: usize) -> DocState {
    let spans = stored
        .spans
        .iter()
        .filter(|s| (start..end).contains(&s.start))
        .map(|s| {
            let mut s = s.clone();
            (s.start, s.end) = (s.start - start, s.end - start);
            s
        })
        .collect();
    DocState {
        spans,
        ..DocState::default()
    }
}

/// `spans` with their offsets moved forward by `by`.
fn shifted(mut spans: Vec<EffectiveSpan>, by: usize) -> Vec<EffectiveSpan> {
    for s in &mut spans {
        (s.start, s.end) = (s.start + by, s.end + by);
    }
    spans
}

#[cfg(test)]
#[path = "shown_tests.rs"]
mod tests;
