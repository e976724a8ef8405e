//! The spans shown in the open document: the user's, the accepted names and the
//! extractor's suggestions, merged; stored spans that no longer fit the text are hidden
//! and said once.

use super::super::action::Action;
use super::super::app::App;
use super::shown_under_caret;
use crate::store::{Origin, Span};
use crate::tui::ranges::SpanSet;
use crate::tui::ranges::shown::shown_spans_in;

use std::ops::Range;

/// Bytes of text on each side of the rows shown whose spans are worked out with theirs: a
/// huge document's spans are held for its blocks (a megabyte or more of text each) about
/// the place read, not for all of it (15 MB of 16-byte spans at 40 MB), and made again when
/// the rows shown leave them. Small, so that `G` works out one or two blocks, not three.
const SPAN_MARGIN: usize = 64 << 10;

/// Recomputes the spans shown in the open document from suggestions and decisions: those
/// about the caret (all of them unless the document is huge), said once when stored spans
/// do not fit it.
pub fn refresh_spans(app: &mut App) {
    let caret = app.reader.caret;
    spans_about(app, caret..caret);
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    let misfits = crate::store::misfits(&doc.text().unwrap_or_default(), app.state.doc(&doc.key));
    if let Some(first) = misfits.first()
        && app.misfits_reported.insert(doc.key.clone())
    {
        let notice = misfit_notice(&doc.path, misfits.len(), first);
        app.status.notice(notice);
    }
}

/// Makes sure the spans shown hold those of the bytes `shown` of the open document (the
/// rows on screen and the caret), working them out about it again when they do not.
pub fn cover_spans(app: &mut App, shown: Range<usize>) {
    // A caret or row past the text's end has no span, and asks for none.
    let len = app.open_doc().map_or(0, |d| d.text_len());
    let shown = shown.start.min(len)..shown.end.min(len);
    if !app.spans.covers(shown.start, shown.end) {
        spans_about(app, shown);
    }
}

/// Works out the spans of the open document's blocks within [`SPAN_MARGIN`] of `shown`.
fn spans_about(app: &mut App, shown: Range<usize>) {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return;
    };
    // The old set goes before the next is made, which is worked out a block of text at a
    // time: a huge document's spans are held once, compact.
    app.spans = SpanSet::default();
    let stored = app.state.doc(&doc.key);
    let kind = super::mention_label(app);
    let wanted = shown.start.saturating_sub(SPAN_MARGIN)..shown.end.saturating_add(SPAN_MARGIN);
    let mentions = app.open_mentions();
    app.spans = shown_spans_in(
        &doc.text().unwrap_or_default(),
        stored,
        &app.state,
        mentions,
        kind,
        wanted,
    );
}

/// What the status line says about stored spans that do not fit their document.
fn misfit_notice(path: &str, count: usize, first: &Span) -> String {
    let (what, it) = match count {
        1 => ("1 stored span does not fit the text".to_string(), "it"),
        n => (format!("{n} stored spans do not fit the text"), "them"),
    };
    format!(
        "{path}: {what} (first {}..{}), hidden; the journal is damaged and okur export refuses {it}",
        first.start, first.end
    )
}

/// After the caret moved: when it landed on a span other than the one it was on, the
/// status line says what the span is and what the keys do with it (the reading pane shows
/// the kind by colour only, which not every terminal or eye tells apart).
pub fn say_span_under_caret(app: &mut App, before: usize) {
    let caret = app.reader.caret;
    cover_spans(app, caret..caret);
    // A place the spans held do not cover is in another block than the caret's, so not
    // on the caret's span.
    let span_at = |app: &App, at: usize| {
        app.spans
            .over(at)
            .map(|s| (s.start, s.end))
            .next()
            .filter(|_| app.spans.covers(at, at))
    };
    let now = span_at(app, app.reader.caret);
    if now.is_none() {
        app.status.caret_left();
        return;
    }
    if now == span_at(app, before) {
        return;
    }
    let Some(span) = shown_under_caret(app).into_iter().next() else {
        return;
    };
    let Some(text) = app
        .open_doc()
        .and_then(|d| d.text_in(span.start..span.end))
        .map(std::borrow::Cow::into_owned)
    else {
        return;
    };
    let kind = span.kind.name();
    let key = |a| app.keymap.key_for(a).unwrap_or_default();
    let (remove, accept, reject) = (
        key(Action::RemoveSpan),
        key(Action::Accept),
        key(Action::Reject),
    );
    let what = match span.origin {
        Origin::User => format!("{text}: {kind}, your label ({remove} removes it)"),
        Origin::Accepted => format!("{text}: {kind}, accepted ({remove} removes it here)"),
        Origin::Suggested => {
            format!("{text}: {kind}? suggested ({accept} accepts, {reject} rejects)")
        }
    };
    app.status.say_about_caret(what);
}
