//! Triage of documents: star, archive, relevance, read mark, tags and note, for the
//! document in view or, from the list, for every marked document at once.

use super::action::Action;
use super::app::{App, Focus};
use super::effect::Effect;
use super::mode::{InputKind, Mode, Prompt};
use super::status::counted;
use crate::store::{Change, DocState, Label, Relevance, Source};

/// The documents triage applies to: every marked document when the list has focus and
/// some are marked (listed ones first, in list order, then those the filter hides: the
/// title counts them all); else the list's selection from the list, or the open document.
fn targets(app: &App) -> Vec<usize> {
    match app.focus {
        Focus::List if !app.list.marked().is_empty() => app.list.marked_in_order(),
        Focus::List => app.selected_doc().into_iter().collect(),
        _ => vec![app.reader.doc],
    }
}

/// Handles a triage action. On many documents a toggle goes one way for all: star when
/// any is unstarred, unstar when all are starred (as mutt's tagged actions do); only the
/// documents it changes are saved, so the count said is the count changed.
pub fn triage(app: &mut App, action: Action) -> Vec<Effect> {
    let docs = targets(app);
    let Some(&first) = docs.first() else {
        app.status.say("no document here: the list is empty");
        return Vec::new();
    };
    match action {
        Action::Tag => return open_prompt(app, InputKind::Tag, first, String::new()),
        Action::Note if docs.len() > 1 => {
            let cancel = app.keymap.key_for(Action::Cancel).unwrap_or_default();
            app.status.say(format!(
                "a note is for one document: {cancel} clears the marks"
            ));
            return Vec::new();
        }
        Action::Note => {
            let note = app.doc_state(first).note.clone();
            return open_prompt(app, InputKind::Note, first, note);
        }
        _ => {}
    }
    let states: Vec<&DocState> = docs.iter().map(|&d| app.doc_state(d)).collect();
    let all = |f: fn(&DocState) -> bool| states.iter().all(|s| f(s));
    let value = match action {
        Action::Star => !all(|s| s.star),
        Action::Archive => !all(|s| s.archived),
        Action::ToggleRead => !all(|s| s.read),
        _ => false,
    };
    let relevance = common_next_relevance(&states);
    let changes: Vec<Change> = docs
        .iter()
        .zip(&states)
        .filter_map(|(&d, state)| Some((app.corpus.docs.get(d)?, state)))
        .filter_map(|(d, state)| {
            let doc = d.key.clone();
            match action {
                Action::Star if state.star != value => Some(Change::Star { doc, value }),
                Action::Archive if state.archived != value => Some(Change::Archive { doc, value }),
                Action::ToggleRead if state.read != value => Some(Change::Read { doc, value }),
                Action::Relevance if state.relevance != relevance => Some(Change::Relevance {
                    doc,
                    value: relevance,
                }),
                _ => None,
            }
        })
        .collect();
    save_all(changes)
}

/// The relevance `r` gives: the next after the documents' common value; when they differ,
/// the start of the cycle (relevant), so unrated documents never skip to "irrelevant".
fn common_next_relevance(states: &[&DocState]) -> Relevance {
    let first = states.first().map_or(Relevance::None, |s| s.relevance);
    match states.iter().all(|s| s.relevance == first) {
        true => next_relevance(first),
        false => Relevance::Relevant,
    }
}

/// Saves changes to many documents as one step (one `u` undoes them all), saying how
/// many documents it was; one change is saved as itself.
pub fn save_all(changes: Vec<Change>) -> Vec<Effect> {
    match changes.len() {
        0 => Vec::new(),
        1 => changes.into_iter().map(Effect::Save).collect(),
        // The session describes the batch once saved: `starred 5 documents`.
        _ => vec![Effect::SaveAll(changes)],
    }
}

fn open_prompt(app: &mut App, kind: InputKind, doc: usize, text: String) -> Vec<Effect> {
    app.mode = Mode::Prompt(Prompt::new(kind, doc, text));
    Vec::new()
}

/// Opens the filter line on the filter in force. It needs no document (unlike a tag or a
/// note), so it opens over an empty list too: that is where it is wanted most.
pub fn open_filter(app: &mut App) {
    let text = app.list.filter_text().to_string();
    app.mode = Mode::Prompt(Prompt::new(InputKind::Filter, app.reader.doc, text));
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

/// What a finished tag or note prompt saves. A tag toggles; with documents marked in the
/// list it goes on all of them (or off all, when all have it). The note is replaced.
pub fn submit(app: &mut App, prompt: &Prompt) -> Vec<Effect> {
    let text = prompt.text();
    match prompt.kind {
        InputKind::Tag => {
            // One space between words, as the filter writes `%tag:"two words"`.
            let tag = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if tag.is_empty() {
                return Vec::new();
            }
            let mut docs = targets(app);
            if app.list.marked().is_empty() || app.focus != Focus::List {
                docs = vec![prompt.doc];
            }
            let has = |d: usize| app.doc_state(d).tags.contains(&tag);
            let value = !docs.iter().all(|&d| has(d));
            let changes = docs
                .iter()
                .filter(|&&d| has(d) != value)
                .filter_map(|&d| app.corpus.docs.get(d))
                .map(|d| Change::Tag {
                    doc: d.key.clone(),
                    tag: tag.clone(),
                    value,
                })
                .collect();
            save_all(changes)
        }
        InputKind::Note => match app.corpus.docs.get(prompt.doc) {
            Some(d) => vec![Effect::Save(Change::Note {
                doc: d.key.clone(),
                value: text.trim_end().to_string(),
            })],
            None => Vec::new(),
        },
        InputKind::Filter | InputKind::Find => Vec::new(),
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
        Change::Batch { changes } => describe_batch(changes),
        Change::Undo | Change::Redo | Change::Checkpoint => String::new(),
    }
}

/// What a batch did: a span relabelled (`Ankara: person → place`); every form of a name
/// decided on (`rejected Sergey Lavrov (person) everywhere, 4 forms`, named by its first
/// form); labels removed at one place; one change to several documents (`starred 3
/// documents`); else its first change and how many more.
fn describe_batch(changes: &[Change]) -> String {
    let Some(first) = changes.first() else {
        return "nothing".into();
    };
    let n = changes.len();
    if let Some(relabelled) = describe_relabel(changes) {
        return relabelled;
    }
    if let Some((verb, kind, text)) = decision(first)
        && changes
            .iter()
            .all(|c| decision(c).is_some_and(|(v, k, _)| (v, k) == (verb, kind)))
    {
        let forms = counted(n, "form");
        return format!("{verb} {text} ({}) everywhere, {forms}", kind.name());
    }
    if let Some(span) = removal(first)
        && changes.iter().all(|c| removal(c).is_some())
    {
        let labels = counted(n, "label");
        return format!(
            "removed {} ({}) here, {labels}",
            span.text,
            span.kind.name()
        );
    }
    let what = describe(first);
    if changes.iter().all(|c| describe(c) == what) {
        return same_on_many(first, &what, changes);
    }
    format!("{what} and {}", counted(n - 1, "more change"))
}

/// One kind of change made to several documents or places, said as a sentence:
/// `starred 3 documents`, `marked 3 documents read`, `tag x added to 3 documents`.
fn same_on_many(first: &Change, what: &str, changes: &[Change]) -> String {
    let docs = changes
        .iter()
        .filter_map(Change::doc)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let docs = counted(docs, "document");
    let n = changes.len();
    match first {
        Change::Star { .. } | Change::Archive { .. } => format!("{what} {docs}"),
        Change::Read { .. } | Change::Relevance { .. } if what.starts_with("marked ") => {
            what.replacen("marked ", &format!("marked {docs} "), 1)
        }
        Change::Relevance { .. } | Change::Note { .. } => format!("{what} on {docs}"),
        Change::Tag { value, .. } => {
            let to = if *value { "to" } else { "from" };
            format!("{what} {to} {docs}")
        }
        Change::AddSpan { .. } | Change::RemoveSpan { .. } => {
            format!("{what} ({})", counted(n, "occurrence"))
        }
        _ => format!("{what} ({n} times)"),
    }
}

/// A decision made on a name (not withdrawn): what it was, the kind and the text.
fn decision(change: &Change) -> Option<(&'static str, &Label, &str)> {
    match change {
        Change::Accept {
            kind,
            text,
            value: true,
        } => Some(("accepted", kind, text)),
        Change::Reject {
            kind,
            text,
            value: true,
        } => Some(("rejected", kind, text)),
        _ => None,
    }
}

/// The label a change takes away from one place: the user's span deleted, or an accepted
/// name's occurrence marked removed.
fn removal(change: &Change) -> Option<&crate::store::Span> {
    match change {
        Change::RemoveSpan { span, .. } if span.source != Source::Removed => Some(span),
        Change::AddSpan { span, .. } if span.source == Source::Removed => Some(span),
        _ => None,
    }
}

/// `Ankara: person → place` for a batch that removes the user's spans at one place and
/// labels it anew.
fn describe_relabel(changes: &[Change]) -> Option<String> {
    let (Change::AddSpan { span: new, .. }, removed) = changes.split_last()? else {
        return None;
    };
    let old: Vec<&str> = removed
        .iter()
        .map(|c| match c {
            Change::RemoveSpan { span, .. }
                if (span.start, span.end) == (new.start, new.end)
                    && span.source != Source::Removed =>
            {
                Some(span.kind.name())
            }
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!old.is_empty() && new.source != Source::Removed)
        .then(|| format!("{}: {} → {}", new.text, old.join(", "), new.kind.name()))
}
