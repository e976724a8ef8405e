//! The spans shown in the open document: the user's, the accepted names and the
//! extractor's suggestions, merged; stored spans that no longer fit the text are hidden
//! and said once.

use super::super::app::App;
use super::suggestions;
use crate::store::Span;

/// Recomputes the spans shown in the open document from suggestions and decisions.
pub fn refresh_spans(app: &mut App) {
    let suggestions = suggestions(app);
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return;
    };
    let stored = app.state.doc(&doc.key);
    app.spans = super::super::ranges::SpanSet::new(crate::store::effective_spans(
        &doc.text,
        stored,
        &suggestions,
        &app.state,
    ));
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
