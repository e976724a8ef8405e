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
//! text (the line break on each side is what the word-boundary rules see there).

use memchr::memchr;

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
    mentions: &[MentionRef],
    kind: impl Fn(&MentionRef) -> Option<Label>,
) -> SpanSet {
    let mut set = SpanSet::with_capacity(mentions.len() + stored.spans.len());
    let whole = !mentions.windows(2).all(|w| w[0].start() <= w[1].start())
        || accepted_names(state).iter().any(|n| n.text.contains('\n'));
    let (mut start, mut first) = (0, 0);
    loop {
        let (end, last) = match whole {
            true => (text.len(), mentions.len()),
            false => cut(text, start, stored, mentions, first),
        };
        let block = text.get(start..end).unwrap_or_default();
        let suggestions = suggestions(mentions.get(first..last).unwrap_or_default(), start, &kind);
        let local = stored_in(stored, start, end);
        let spans = crate::store::effective_spans(block, &local, &suggestions, state);
        drop(suggestions);
        set.push_block(shifted(spans, start));
        if end >= text.len() {
            break;
        }
        (start, first) = (end, last);
    }
    set.finish()
}

/// Where the block from `start` ends (a line break at least [`BLOCK_BYTES`] on that no
/// mention and no stored span crosses, or the text's end) and the index of the first
/// mention past it; the block's mentions start at `first`.
fn cut(
    text: &str,
    start: usize,
    stored: &DocState,
    mentions: &[MentionRef],
    first: usize,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = start.saturating_add(BLOCK_BYTES);
    let mut next = first;
    loop {
        let Some(line_break) = bytes.get(at..).and_then(|b| memchr(b'\n', b)) else {
            return (text.len(), mentions.len());
        };
        at += line_break;
        // Every mention starting before the break must end at it or before.
        let mut reach = at;
        while let Some(m) = mentions.get(next).filter(|m| m.start() < at) {
            reach = reach.max(m.end());
            next += 1;
        }
        let stored_reach = stored
            .spans
            .iter()
            .filter(|s| s.start < at && at < s.end)
            .map(|s| s.end)
            .max();
        reach = reach.max(stored_reach.unwrap_or(at));
        if reach <= at {
            return (at, next);
        }
        at = reach;
    }
}

/// The suggestions of `mentions` (the label of each given by `kind`, those with none left
/// out), their offsets made relative to `start`.
pub(crate) fn suggestions(
    mentions: &[MentionRef],
    start: usize,
    kind: &impl Fn(&MentionRef) -> Option<Label>,
) -> Vec<Suggestion> {
    let mut out = Vec::with_capacity(mentions.len());
    out.extend(mentions.iter().filter_map(|m| {
        Some(Suggestion {
            start: m.start().checked_sub(start)?,
            end: m.end().checked_sub(start)?,
            kind: kind(m)?,
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
        let suggestions = suggestions(ms, 0, &kind);
        SpanSet::new(crate::store::effective_spans(
            text,
            stored,
            &suggestions,
            state,
        ))
    }

    #[test]
    fn blocks_give_the_spans_of_the_whole_document() {
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
        // A span the user drew across the line break where the first block would end, and
        // a label removed where a suggestion was.
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
        let got = shown_spans(&text, &stored, &state, &ms, kind);
        let want = whole(&text, &stored, &state, &ms);
        assert!(want.len() > ms.len() / 2, "{} spans", want.len());
        assert!(want.iter().any(|s| s.start == across));
        assert!(!want.iter().any(|s| s.start == removed));
        assert_eq!(as_spans(&got), as_spans(&want));
        // Out of order, or with a name holding a line break, the document is one block.
        let mut shuffled = ms.clone();
        shuffled.swap(0, 5);
        let got = shown_spans(&text, &stored, &state, &shuffled, kind);
        assert_eq!(
            as_spans(&got),
            as_spans(&whole(&text, &stored, &state, &shuffled))
        );
    }

    #[test]
    fn empty_and_short_texts_are_one_block() {
        let state = State::default();
        let none = shown_spans("", &DocState::default(), &state, &[], kind);
        assert!(none.is_empty());
        let text = LINE.repeat(3);
        let ms = mentions(&text);
        let got = shown_spans(&text, &DocState::default(), &state, &ms, kind);
        let want = whole(&text, &DocState::default(), &state, &ms);
        assert_eq!(as_spans(&got), as_spans(&want));
        assert_eq!(got.len(), 9);
    }
}
