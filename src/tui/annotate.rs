//! Span annotation from the keyboard: selection, labels, removing labels, and deciding on
//! the extractor's suggestions (accept, reject, accept all). Returns changes to save; never
//! writes anything itself.
//!
//! As brat and doccano users expect, a label key labels the one occurrence under the caret
//! (or the selection); `L` labels every occurrence after a question that says how many
//! ([`everywhere`]); `D` removes whatever the user made or accepted under the caret
//! ([`remove`]); accept and reject judge a name across the corpus and say so.

mod everywhere;
mod remove;
mod shown;

pub use shown::{refresh_spans, say_span_under_caret};

use super::action::Action;
use super::app::{App, Focus};
use super::caret;
use super::effect::Effect;
use crate::kind::Kind;
use crate::store::{Change, EffectiveSpan, Label, Origin, Source, Span, Suggestion};

pub use everywhere::answer;

/// Handles an annotation action in the reading pane, and `x` in the entity panel.
pub fn annotate(app: &mut App, action: Action) -> Vec<Effect> {
    if app.focus == Focus::Entities && action == Action::Reject {
        return reject_entity(app);
    }
    if app.focus != Focus::Reader {
        app.status
            .say("annotation works in the reading pane (Tab to it)");
        return Vec::new();
    }
    // The caret stays on the row before a blank one: acting there would hit a word the
    // cursor is not on.
    if caret::cursor_line(app).is_none() {
        app.status
            .say("no text on this row: move to a line of text");
        return Vec::new();
    }
    match action {
        Action::Select => {
            app.reader.anchor = match app.reader.anchor {
                Some(_) => None,
                None => Some(app.reader.caret),
            };
            Vec::new()
        }
        Action::LabelPerson => label(app, Label::from(Kind::Person)),
        Action::LabelPlace => label(app, Label::from(Kind::Place)),
        Action::LabelDate => label(app, Label::from(Kind::Date)),
        Action::LabelCustom(n) => match app
            .custom_labels
            .get(usize::from(n).saturating_sub(1))
            .filter(|name| !name.is_empty())
        {
            Some(name) => label(app, Label::Custom(name.clone())),
            None => {
                app.status.say(format!(
                    "no custom label {n}: add one under [labels] in the config file"
                ));
                Vec::new()
            }
        },
        Action::LabelEverywhere => everywhere::ask(app),
        Action::RemoveSpan => remove::remove_labels(app),
        Action::Accept => decide(app, true),
        Action::Reject => decide(app, false),
        Action::AcceptAll => accept_all(app),
        _ => Vec::new(),
    }
}

/// Labels the selection, or the word under the caret when nothing is selected: that
/// occurrence only. Over part of a longer suggestion it replaces the suggestion there.
fn label(app: &mut App, kind: Label) -> Vec<Effect> {
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return Vec::new();
    };
    let range = caret::selection(app).or_else(|| caret::word_at(&doc.text, app.reader.caret));
    let Some((start, end)) = range.filter(|(s, e)| s < e) else {
        app.status
            .say("nothing to label: select with v or put the caret on a word");
        return Vec::new();
    };
    let Some(text) = doc.text.get(start..end).map(|t| t.trim_end().to_string()) else {
        app.status
            .say("cannot label: the selection is not on character boundaries");
        return Vec::new();
    };
    let end = start + text.len();
    app.reader.anchor = None;
    app.status.say(format!("{text} → {}", kind.name()));
    vec![Effect::Save(Change::AddSpan {
        doc: doc.key.clone(),
        span: Span {
            start,
            end,
            kind,
            text,
            source: Source::User,
        },
    })]
}

/// The shown span under the caret, preferring suggestions.
pub(super) fn span_under_caret(app: &App) -> Option<&EffectiveSpan> {
    let caret = app.reader.caret;
    let under = app
        .spans
        .iter()
        .filter(|s| s.start <= caret && caret < s.end);
    under.min_by_key(|s| (s.origin != Origin::Suggested, s.end - s.start))
}

/// Accepts or rejects the name under the caret; the decision holds across the corpus.
fn decide(app: &mut App, accept: bool) -> Vec<Effect> {
    let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
        return Vec::new();
    };
    let Some(span) = span_under_caret(app).cloned() else {
        app.status.say("no suggestion under the caret");
        return Vec::new();
    };
    // Shown spans are checked against the text, but a slice must never be what panics.
    let Some(text) = doc.text.get(span.start..span.end).map(str::to_string) else {
        app.status
            .say("the span under the caret does not fit the text");
        return Vec::new();
    };
    app.status.say(format!(
        "{} {text} ({}) everywhere",
        if accept { "accepted" } else { "rejected" },
        span.kind.name()
    ));
    let (kind, value) = (span.kind, true);
    vec![Effect::Save(if accept {
        Change::Accept { kind, text, value }
    } else {
        Change::Reject { kind, text, value }
    })]
}

/// Accepts every surface form of the entity whose mention is under the caret.
fn accept_all(app: &mut App) -> Vec<Effect> {
    let caret = app.reader.caret;
    let Some(mention) = app
        .open_mentions()
        .iter()
        .find(|m| m.start <= caret && caret < m.end)
        .copied()
    else {
        app.status.say("no extracted mention under the caret");
        return Vec::new();
    };
    let Some(entity) = app.facts.entities.get(mention.entity) else {
        return Vec::new();
    };
    let kind = Label::from(entity.kind);
    let names = surface_forms(app, mention.entity);
    app.status
        .say(format!("accepted {} forms of {}", names.len(), entity.name));
    names
        .into_iter()
        .map(|text| {
            Effect::Save(Change::Accept {
                kind: kind.clone(),
                text,
                value: true,
            })
        })
        .collect()
}

/// `x` in the entity panel: rejects every surface form of the entity under the panel's
/// cursor, the change `x` on each of its mentions in the reading pane makes.
fn reject_entity(app: &mut App) -> Vec<Effect> {
    let Some(row) = super::navigate::entity_under_cursor(app) else {
        app.status.say("no entity under the cursor");
        return Vec::new();
    };
    let Some(entity) = app.facts.entities.get(row) else {
        return Vec::new();
    };
    let kind = Label::from(entity.kind);
    let names: Vec<String> = surface_forms(app, row)
        .into_iter()
        .filter(|text| !app.rejections.contains(entity.kind, text))
        .collect();
    let forms = match names.len() {
        1 => String::new(),
        n => format!(", {n} forms"),
    };
    app.status.say(format!(
        "rejected {} ({}) everywhere{forms}",
        entity.name,
        kind.name()
    ));
    names
        .into_iter()
        .map(|text| {
            Effect::Save(Change::Reject {
                kind: kind.clone(),
                text,
                value: true,
            })
        })
        .collect()
}

/// The distinct surface texts of an entity's mentions across the corpus, first seen first.
fn surface_forms(app: &App, entity: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (doc, mentions) in app.corpus.docs.iter().zip(&app.facts.mentions) {
        let forms = mentions
            .iter()
            .filter(|m| m.entity == entity)
            .filter_map(|m| doc.text.get(m.start..m.end));
        for text in forms {
            if !names.iter().any(|n| n == text) {
                names.push(text.to_string());
            }
        }
    }
    names
}

/// The extractor's mentions in the open document as the store's suggestions.
pub fn suggestions(app: &App) -> Vec<Suggestion> {
    let Some(doc) = app.open_doc() else {
        return Vec::new();
    };
    app.open_mentions()
        .iter()
        .filter_map(|m| {
            let kind = Label::from(app.facts.entities.get(m.entity)?.kind);
            let text = doc.text.get(m.start..m.end)?.to_string();
            Some(Suggestion {
                start: m.start,
                end: m.end,
                kind,
                text,
            })
        })
        .collect()
}

/// The spans shown under the caret, the user's first, then accepted ones, then suggestions.
fn shown_under_caret(app: &App) -> Vec<&EffectiveSpan> {
    let caret = app.reader.caret;
    let mut under: Vec<&EffectiveSpan> = app
        .spans
        .iter()
        .filter(|s| s.start <= caret && caret < s.end)
        .collect();
    under.sort_by_key(|s| (s.origin, s.end - s.start));
    under
}
