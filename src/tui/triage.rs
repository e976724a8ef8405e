//! Triage of a document: star, archive, relevance, read mark, tags and note.

use super::action::Action;
use super::app::{App, Focus, Input, InputKind};
use super::update::Effect;
use crate::store::{Change, Relevance, Source};

/// The document triage applies to: the list's selection when the list has focus, else the
/// open document.
fn target(app: &App) -> Option<usize> {
    match app.focus {
        Focus::List => app.selected_doc(),
        _ => Some(app.reader.doc),
    }
}

/// Handles a triage action.
pub fn triage(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(index) = target(app) else {
        return Vec::new();
    };
    let Some(doc) = app.corpus.docs.get(index) else {
        return Vec::new();
    };
    let key = doc.key.clone();
    let state = app.state.doc(&key);
    let change = match action {
        Action::Star => Change::Star {
            doc: key,
            value: !state.star,
        },
        Action::Archive => Change::Archive {
            doc: key,
            value: !state.archived,
        },
        Action::ToggleRead => Change::Read {
            doc: key,
            value: !state.read,
        },
        Action::Relevance => Change::Relevance {
            doc: key,
            value: next_relevance(state.relevance),
        },
        Action::Tag | Action::Note => {
            let (kind, text) = match action {
                Action::Tag => (InputKind::Tag, String::new()),
                _ => (InputKind::Note, state.note.clone()),
            };
            app.input = Some(Input {
                kind,
                text,
                doc: index,
            });
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    vec![Effect::Save(change)]
}

/// Opens the filter line on the filter in force. It needs no document (unlike a tag or a
/// note), so it opens over an empty list too: that is where it is wanted most.
pub fn open_filter(app: &mut App) {
    app.input = Some(Input {
        kind: InputKind::Filter,
        text: app.filter_text.clone(),
        doc: app.reader.doc,
    });
}

/// relevant -> irrelevant -> unsure -> none -> relevant.
pub fn next_relevance(r: Relevance) -> Relevance {
    match r {
        Relevance::None => Relevance::Relevant,
        Relevance::Relevant => Relevance::Irrelevant,
        Relevance::Irrelevant => Relevance::Unsure,
        Relevance::Unsure => Relevance::None,
    }
}

/// The change a finished prompt asks for (tags toggle; the note is replaced).
pub fn submit(app: &App, input: &Input) -> Option<Change> {
    let doc = app.corpus.docs.get(input.doc)?;
    let key = doc.key.clone();
    match input.kind {
        InputKind::Tag => {
            let tag = input.text.trim().to_string();
            if tag.is_empty() {
                return None;
            }
            let has = app.state.doc(&key).tags.contains(&tag);
            Some(Change::Tag {
                doc: key,
                tag,
                value: !has,
            })
        }
        InputKind::Note => Some(Change::Note {
            doc: key,
            value: input.text.trim_end().to_string(),
        }),
        InputKind::Filter => None,
    }
}

/// What a change did, for the status line ("starred", "tag suriye added", and for a batch
/// "starred 5 documents", or "5 changes" when its parts differ).
pub fn describe(change: &Change) -> String {
    let on_off = |value: bool, yes: &str, no: &str| if value { yes } else { no }.to_string();
    match change {
        Change::Seen { .. } => "marked read".into(),
        Change::Read { value, .. } => on_off(*value, "marked read", "marked unread"),
        Change::Star { value, .. } => on_off(*value, "starred", "unstarred"),
        Change::Archive { value, .. } => on_off(*value, "archived", "unarchived"),
        Change::Relevance { value, .. } => match value {
            Relevance::None => "relevance cleared".into(),
            Relevance::Relevant => "marked relevant".into(),
            Relevance::Irrelevant => "marked irrelevant".into(),
            Relevance::Unsure => "marked unsure".into(),
        },
        Change::Tag { tag, value, .. } => {
            format!("tag {tag} {}", on_off(*value, "added", "removed"))
        }
        Change::Note { value, .. } => on_off(!value.is_empty(), "note changed", "note cleared"),
        Change::AddSpan { span, .. } if span.source == Source::Removed => {
            format!("removed {} ({}) here", span.text, span.kind.name())
        }
        Change::RemoveSpan { span, .. } if span.source == Source::Removed => {
            format!("{} ({}) labelled here again", span.text, span.kind.name())
        }
        Change::AddSpan { span, .. } => format!("{} → {}", span.text, span.kind.name()),
        Change::RemoveSpan { span, .. } => format!("span {} removed", span.text),
        Change::Accept { kind, text, value } => match value {
            true => format!("accepted {text} ({}) everywhere", kind.name()),
            false => format!("{text} ({}) no longer accepted", kind.name()),
        },
        Change::Reject { kind, text, value } => match value {
            true => format!("rejected {text} ({}) everywhere", kind.name()),
            false => format!("{text} ({}) no longer rejected", kind.name()),
        },
        Change::Batch { changes } => {
            // One kind of change says what and on how many documents; a mix says how many.
            let n = changes.len();
            let what = changes.first().map(describe).unwrap_or_default();
            let same = changes.iter().all(|c| describe(c) == what);
            let docs = changes
                .iter()
                .filter_map(Change::doc)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let docs = match docs {
                1 => "1 document".to_string(),
                docs => format!("{docs} documents"),
            };
            match changes.first() {
                Some(_) if n == 1 => what,
                Some(first) if same => match first {
                    Change::Star { .. } | Change::Archive { .. } => format!("{what} {docs}"),
                    Change::Read { .. } | Change::Relevance { .. }
                        if what.starts_with("marked ") =>
                    {
                        what.replacen("marked ", &format!("marked {docs} "), 1)
                    }
                    Change::Relevance { .. } | Change::Note { .. } => format!("{what} on {docs}"),
                    Change::Tag { value, .. } => {
                        format!("{what} {} {docs}", on_off(*value, "to", "from"))
                    }
                    Change::AddSpan { .. } | Change::RemoveSpan { .. } => {
                        format!("{what} ({n} occurrences)")
                    }
                    _ => format!("{what} ({n} times)"),
                },
                _ => format!("{n} changes"),
            }
        }
        Change::Undo | Change::Redo | Change::Checkpoint => String::new(),
    }
}
