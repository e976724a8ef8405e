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
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::kind::Kind;
    use crate::store::{Change, Source, Span};

    const LINE: &str = "Sergey Lavrov Ankara'da Lavrov'la görüştü.\n";

    /// `LINE` over and over: each line's mentions (`Sergey Lavrov`, `Ankara`, `Lavrov`), and
    /// a place inside the first name every seventh line, which overlaps it.
    fn mentions(text: &str) -> Vec<MentionRef> {
        let mut out = Vec::new();
        for (i, (at, _)) in text.match_indices(LINE).enumerate() {
            for (name, entity) in [("Sergey Lavrov", 0), ("Ankara", 1), ("Lavrov'la", 0)] {
                let start = at + LINE.find(name).unwrap_or(0);
                let end = start + name.len();
                out.extend(MentionRef::new(start, end, entity));
                if i % 7 == 0 && entity == 0 && end - start == 13 {
                    out.extend(MentionRef::new(start + 7, end, 1));
                }
            }
        }
        out
    }

    fn kind(m: &MentionRef) -> Option<Label> {
        let kinds = [Kind::Person, Kind::Place];
        kinds.get(m.entity()).map(|k| Label::from(*k))
    }

    fn span(text: &str, start: usize, end: usize, kind: Kind, source: Source) -> Span {
        Span {
            start,
            end,
            kind: Label::from(kind),
            text: text[start..end].to_string(),
            source,
        }
    }

    fn as_spans(set: &SpanSet) -> Vec<EffectiveSpan> {
        set.iter().map(|s| s.to_span()).collect()
    }

    /// What the whole document gives at once, as the reader worked it out before.
    fn whole(text: &str, stored: &DocState, state: &State, ms: &[MentionRef]) -> SpanSet {
        let suggestions = suggestions(ms.iter().copied(), 0, &kind);
        SpanSet::new(crate::store::effective_spans(
            text,
            stored,
            &suggestions,
            state,
        ))
    }

    /// Three blocks of `LINE`s, their mentions, an accepted and a rejected name, a span
    /// the user drew across the line break where the first block would end and a label
    /// removed where a suggestion was (the two stored spans' starts).
    struct Fixture {
        text: String,
        ms: Vec<MentionRef>,
        state: State,
        stored: DocState,
        across: usize,
        removed: usize,
    }

    fn fixture() -> Fixture {
        let text = LINE.repeat(3 * BLOCK_BYTES / LINE.len());
        let ms = mentions(&text);
        let mut state = State::default();
        let person = Label::from(Kind::Person);
        for change in [
            Change::Accept {
                kind: person.clone(),
                text: "Lavrov".into(),
                value: true,
            },
            Change::Reject {
                kind: Label::from(Kind::Place),
                text: "Lavrov".into(),
                value: true,
            },
        ] {
            state.apply(&change);
        }
        let near = BLOCK_BYTES + LINE.len();
        let across = text[..near].rfind('\n').unwrap_or(0) - 6;
        let removed = text[2 * BLOCK_BYTES..].find("Ankara").unwrap_or(0) + 2 * BLOCK_BYTES;
        let stored = DocState {
            spans: BTreeSet::from([
                span(&text, across, across + 20, Kind::Place, Source::User),
                span(&text, removed, removed + 6, Kind::Place, Source::Removed),
            ]),
            ..DocState::default()
        };
        Fixture {
            text,
            ms,
            state,
            stored,
            across,
            removed,
        }
    }

    #[test]
    fn blocks_give_the_spans_of_the_whole_document() {
        let f = fixture();
        let (text, ms, state, stored) = (&f.text, &f.ms, &f.state, &f.stored);
        let (across, removed) = (f.across, f.removed);
        let got = shown_spans(text, stored, state, ms.iter().copied(), kind);
        let want = whole(text, stored, state, ms);
        assert!(want.len() > ms.len() / 2, "{} spans", want.len());
        assert!(want.iter().any(|s| s.start == across));
        assert!(!want.iter().any(|s| s.start == removed));
        assert_eq!(as_spans(&got), as_spans(&want));
        // Out of order, or with a name holding a line break, the document is one block.
        let mut shuffled = ms.clone();
        shuffled.swap(0, 5);
        let got = shown_spans(text, stored, state, shuffled.iter().copied(), kind);
        assert_eq!(
            as_spans(&got),
            as_spans(&whole(text, stored, state, &shuffled))
        );
    }

    #[test]
    fn a_window_holds_the_spans_of_its_blocks_as_the_whole_document_gives_them() {
        let f = fixture();
        let (text, ms, state, stored) = (&f.text, &f.ms, &f.state, &f.stored);
        let across = f.across;
        let all = as_spans(&whole(text, stored, state, ms));
        let len = text.len();
        for wanted in [
            0..0,
            across..across,
            across..across + 1,
            2 * BLOCK_BYTES..len,
            len..len,
        ] {
            let got = shown_spans_in(
                text,
                stored,
                state,
                ms.iter().copied(),
                kind,
                wanted.clone(),
            );
            let covered = (0..=len).filter(|&at| got.covers(at, at));
            let (from, to) = (
                covered.clone().min().unwrap_or(len),
                covered.max().unwrap_or(0),
            );
            assert!(
                from <= wanted.start && wanted.end <= to,
                "{wanted:?} in {from}..{to}"
            );
            assert!(
                to - from < 2 * BLOCK_BYTES + LINE.len(),
                "{wanted:?}: {from}..{to}"
            );
            let inside: Vec<EffectiveSpan> = all
                .iter()
                .filter(|s| from <= s.start && s.start < to)
                .cloned()
                .collect();
            assert!(!inside.is_empty());
            assert_eq!(as_spans(&got), inside, "{wanted:?}");
            // No span of the whole document lies across the window's ends.
            assert!(all.iter().all(|s| s.end <= from || s.start >= from));
            assert!(all.iter().all(|s| s.end <= to || s.start >= to));
        }
        // A line of megabytes: cut at its spaces, as no accepted name holds one.
        let line = text.replace('\n', " ");
        let got = shown_spans_in(
            &line,
            stored,
            state,
            ms.iter().copied(),
            kind,
            len / 2..len / 2,
        );
        let want = whole(&line, stored, state, ms);
        let covered: Vec<usize> = (0..=len).filter(|&at| got.covers(at, at)).collect();
        let (from, to) = (covered[0], covered[covered.len() - 1]);
        assert!(
            to - from < 2 * BLOCK_BYTES,
            "{from}..{to} of a line of {len}"
        );
        let inside = as_spans(&want)
            .into_iter()
            .filter(|s| from <= s.start && s.start < to);
        assert_eq!(as_spans(&got), inside.collect::<Vec<_>>());
        // An accepted name with a space may be found across one: the line is one block.
        let mut spaced = state.clone();
        spaced.apply(&Change::Accept {
            kind: Label::from(Kind::Person),
            text: "Sergey Lavrov".into(),
            value: true,
        });
        let got = shown_spans_in(
            &line,
            stored,
            &spaced,
            ms.iter().copied(),
            kind,
            len / 2..len / 2,
        );
        assert!(got.covers(0, len));
        assert_eq!(as_spans(&got), as_spans(&whole(&line, stored, &spaced, ms)));
        // Everything wanted: the whole document, which covers every byte.
        let every = shown_spans_in(text, stored, state, ms.iter().copied(), kind, 0..len);
        assert!(every.covers(0, len));
        assert_eq!(as_spans(&every), all);
    }

    #[test]
    fn empty_and_short_texts_are_one_block() {
        let state = State::default();
        let none = shown_spans("", &DocState::default(), &state, [].into_iter(), kind);
        assert!(none.is_empty());
        let text = LINE.repeat(3);
        let ms = mentions(&text);
        let got = shown_spans(
            &text,
            &DocState::default(),
            &state,
            ms.iter().copied(),
            kind,
        );
        let want = whole(&text, &DocState::default(), &state, &ms);
        assert_eq!(as_spans(&got), as_spans(&want));
        assert_eq!(got.len(), 9);
    }
}
