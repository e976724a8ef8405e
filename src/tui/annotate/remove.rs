//! `D`: removes every label under the caret that the user made or accepted, whatever put it
//! there: a span the user drew is deleted; an occurrence labelled by an accepted name (`a`,
//! `A`, `L`) is marked removed, here only, so the name keeps its label elsewhere.

use super::super::app::App;
use super::super::effect::Effect;
use super::{shown_under_caret, suggestions, together};
use crate::store::{Change, DocState, EffectiveSpan, Origin, Source, Span, effective_spans};

/// Layers of labels `D` looks through at one place: a stored span can hide an accepted
/// name's occurrence, which shows once the span is gone.
const MAX_LAYERS: usize = 8;

/// Removes the labels under the caret, as one step; suggestions stay (`x` rejects them).
pub fn remove_labels(app: &mut App) -> Vec<Effect> {
    let labelled = shown_under_caret(app)
        .first()
        .map(|s| s.origin != Origin::Suggested);
    match labelled {
        Some(true) => {}
        Some(false) => {
            app.status
                .say("a suggestion, not a label: x rejects it, a accepts it");
            return Vec::new();
        }
        None => {
            app.status.say("no label under the caret");
            return Vec::new();
        }
    }
    let changes = removals(app);
    app.status.say(removed_message(&changes));
    together(changes)
}

/// The changes that leave no label under the caret: worked out against a copy of the state,
/// layer by layer, as the reading pane would show them.
fn removals(app: &App) -> Vec<Change> {
    let Some(doc) = app.open_doc() else {
        return Vec::new();
    };
    let caret = app.reader.caret;
    let suggestions = suggestions(app);
    let mut state = crate::store::State::clone(&app.state);
    let mut changes = Vec::new();
    for _ in 0..MAX_LAYERS {
        let shown = effective_spans(
            &doc.text().unwrap_or_default(),
            state.doc(&doc.key),
            &suggestions,
            &state,
        );
        let under: Vec<EffectiveSpan> = shown
            .into_iter()
            .filter(|s| s.start <= caret && caret < s.end && s.origin != Origin::Suggested)
            .collect();
        if under.is_empty() {
            break;
        }
        for span in under {
            let Some(text) = doc.text_in(span.start..span.end) else {
                continue;
            };
            let change = removal(state.doc(&doc.key), &span, &text, &doc.key);
            state.apply(&change);
            changes.push(change);
        }
    }
    changes
}

/// The change that takes one shown label away: the stored span itself, or a mark that the
/// occurrence is not labelled (an accepted name's label is not stored per occurrence).
fn removal(
    stored: &DocState,
    shown: &EffectiveSpan,
    text: &str,
    doc: &crate::corpus::DocKey,
) -> Change {
    let own = stored.spans.iter().find(|s| {
        s.source != Source::Removed
            && (s.start, s.end) == (shown.start, shown.end)
            && s.kind == shown.kind
    });
    match own {
        Some(span) => Change::RemoveSpan {
            doc: doc.clone(),
            span: span.clone(),
        },
        None => Change::AddSpan {
            doc: doc.clone(),
            span: Span {
                start: shown.start,
                end: shown.end,
                kind: shown.kind.clone(),
                text: text.to_string(),
                source: Source::Removed,
            },
        },
    }
}

/// What `D` did, for the status line.
fn removed_message(changes: &[Change]) -> String {
    let first = changes.iter().find_map(|c| match c {
        Change::RemoveSpan { span, .. } | Change::AddSpan { span, .. } => Some(span),
        _ => None,
    });
    let Some(span) = first else {
        return "no label under the caret".into();
    };
    let by_name = changes
        .iter()
        .any(|c| matches!(c, Change::AddSpan { span, .. } if span.source == Source::Removed));
    let elsewhere = if by_name {
        "; other occurrences keep it"
    } else {
        ""
    };
    format!(
        "removed {} ({}) here{elsewhere}",
        span.text,
        span.kind.name()
    )
}
