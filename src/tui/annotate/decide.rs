//! Deciding on the extractor's names across the corpus: `a`/`x` on the name under the
//! caret, `A` on every form of the entity under it, `x` in the entity panel on every form
//! of the entity under the panel's cursor. The forms of one entity are decided on in one
//! step: one journal line, one `u`.

use super::super::app::App;
use super::super::effect::Effect;
use super::super::status::counted;
use super::{span_under_caret, together};
use crate::store::{Change, Decision, Label};

/// Accepts or rejects the name under the caret; the decision holds across the corpus.
pub fn decide(app: &mut App, accept: bool) -> Vec<Effect> {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return Vec::new();
    };
    let Some(span) = span_under_caret(app) else {
        app.status.say("no suggestion under the caret");
        return Vec::new();
    };
    // Shown spans are checked against the text, but a slice must never be what panics.
    let Some(text) = doc
        .text_in(span.start..span.end)
        .map(std::borrow::Cow::into_owned)
    else {
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

/// `A`: accepts every surface form of the entity whose mention is under the caret.
pub fn accept_all(app: &mut App) -> Vec<Effect> {
    let caret = app.reader.caret;
    let Some(mention) = app
        .open_mentions()
        .find(|m| m.start() <= caret && caret < m.end())
    else {
        app.status.say("no extracted mention under the caret");
        return Vec::new();
    };
    every_form(app, mention.entity(), Decision::Accepted)
}

/// `x` in the entity panel: rejects every surface form of the entity under the panel's
/// cursor, the change `x` on each of its mentions in the reading pane makes.
pub fn reject_entity(app: &mut App) -> Vec<Effect> {
    let Some(row) = super::super::navigate::entity_under_cursor(app) else {
        app.status.say("no entity under the cursor");
        return Vec::new();
    };
    every_form(app, row, Decision::Rejected)
}

/// Makes `decision` on every form of entity `row` not already so decided, as one step; the
/// entity's name comes first when it is one of its forms, so the step is named after it.
fn every_form(app: &mut App, row: usize, decision: Decision) -> Vec<Effect> {
    let Some(entity) = app.facts.entities.get(row) else {
        return Vec::new();
    };
    let (name, kind) = (entity.name.clone(), Label::from(entity.kind));
    let mut forms: Vec<String> = surface_forms(app, row)
        .into_iter()
        .filter(|text| app.state.decision(&kind, text) != Some(decision))
        .collect();
    if let Some(at) = forms.iter().position(|f| *f == name) {
        forms[..=at].rotate_right(1);
    }
    let verb = match decision {
        Decision::Accepted => "accepted",
        Decision::Rejected => "rejected",
    };
    if forms.is_empty() {
        app.status.say(format!(
            "{name} ({}) is already {verb} everywhere",
            kind.name()
        ));
        return Vec::new();
    }
    let more = match forms.len() {
        1 => String::new(),
        n => format!(", {}", counted(n, "form")),
    };
    app.status
        .say(format!("{verb} {name} ({}) everywhere{more}", kind.name()));
    together(
        forms
            .into_iter()
            .map(|text| decided(&kind, text, decision))
            .collect(),
    )
}

/// The change that makes `decision` on a name.
fn decided(kind: &Label, text: String, decision: Decision) -> Change {
    let (kind, value) = (kind.clone(), true);
    match decision {
        Decision::Accepted => Change::Accept { kind, text, value },
        Decision::Rejected => Change::Reject { kind, text, value },
    }
}

/// The distinct surface texts of an entity's mentions across the corpus, first seen first.
fn surface_forms(app: &App, entity: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (doc, mentions) in app.corpus.docs.iter().zip(app.facts.each_doc()) {
        let whole = doc.text().unwrap_or_default();
        let forms = mentions
            .filter(|m| m.entity() == entity)
            .filter_map(|m| whole.get(m.start()..m.end()));
        for text in forms {
            if !names.iter().any(|n| n == text) {
                names.push(text.to_string());
            }
        }
    }
    names
}
