//! The spans shown in the open document: the user's, the accepted names and the
//! extractor's suggestions, merged; stored spans that no longer fit the text are hidden
//! and said once.

use super::super::action::Action;
use super::super::app::App;
use super::shown_under_caret;
use crate::store::{Origin, Span};
use crate::tui::ranges::shown::shown_spans;

/// Recomputes the spans shown in the open document from suggestions and decisions.
pub fn refresh_spans(app: &mut App) {
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return;
    };
    // The old set goes before the next is made, which is worked out a block of text at a
    // time: a huge document's spans are held once, compact.
    app.spans = super::super::ranges::SpanSet::default();
    let stored = app.state.doc(&doc.key);
    let kind = super::mention_label(app);
    app.spans = shown_spans(&doc.text, stored, &app.state, app.open_mentions(), kind);
    let misfits = crate::store::misfits(&doc.text, stored);
    if let Some(first) = misfits.first()
        && app.misfits_reported.insert(doc.key.clone())
    {
        let notice = misfit_notice(&doc.path, misfits.len(), first);
        app.status.notice(notice);
    }
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
    let span_at = |app: &App, at: usize| {
        app.spans
            .iter()
            .filter(|s| s.start <= at && at < s.end)
            .map(|s| (s.start, s.end))
            .next()
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
        .and_then(|d| d.text.get(span.start..span.end))
        .map(str::to_string)
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
