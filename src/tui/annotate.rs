//! Span annotation from the keyboard: selection, labels, removing labels, and deciding on
//! the extractor's suggestions (accept, reject, accept all). Returns changes to save; never
//! writes anything itself.
//!
//! As brat and doccano users expect, a label key labels the one occurrence under the caret
//! (or the selection), replacing the user's own label on exactly those bytes ([`label`]);
//! `L` labels every occurrence after a question that says how many ([`everywhere`]); `D`
//! removes whatever the user made or accepted under the caret ([`remove`]); accept and
//! reject judge a name across the corpus and say so ([`decide`]). What one key changes is
//! saved as one step, undone by one `u`.

mod decide;
mod everywhere;
mod label;
mod remove;
mod shown;

pub use shown::{cover_spans, refresh_spans, say_span_under_caret};

use super::action::Action;
use super::app::{App, Focus, MentionRef};
use super::caret;
use super::effect::Effect;
use super::ranges::SpanSet;
use super::ranges::shown::shown_spans_in;
use crate::kind::Kind;
use crate::store::{Change, EffectiveSpan, Label, Origin, Suggestion};

pub use everywhere::answer;

/// Handles an annotation action in the reading pane, and `x` in the entity panel.
pub fn annotate(app: &mut App, action: Action) -> Vec<Effect> {
    if app.focus == Focus::Entities && action == Action::Reject {
        return decide::reject_entity(app);
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
        Action::LabelPerson => label::label(app, Label::Entity(Kind::Person)),
        Action::LabelPlace => label::label(app, Label::Entity(Kind::Place)),
        Action::LabelDate => label::label(app, Label::Entity(Kind::Date)),
        Action::LabelCustom(n) => match app
            .custom_labels
            .get(usize::from(n).saturating_sub(1))
            .filter(|name| !name.is_empty())
        {
            Some(name) => label::label(app, Label::Custom(name.clone())),
            None => {
                app.status.say(format!(
                    "no custom label {n}: add one under [labels] in the config file"
                ));
                Vec::new()
            }
        },
        Action::LabelEverywhere => everywhere::ask(app),
        Action::RemoveSpan => remove::remove_labels(app),
        Action::Accept => decide::decide(app, true),
        Action::Reject => decide::decide(app, false),
        Action::AcceptAll => decide::accept_all(app),
        _ => Vec::new(),
    }
}

/// The shown span under the caret, preferring suggestions.
pub(super) fn span_under_caret(app: &App) -> Option<EffectiveSpan> {
    let under = spans_over_caret(app);
    under
        .into_iter()
        .min_by_key(|s| (s.origin != Origin::Suggested, s.end - s.start))
}

/// The shown spans over the caret, in the set's order: from the spans held when they cover
/// it (they do once a frame is drawn), else from the caret's block of the document.
fn spans_over_caret(app: &App) -> Vec<EffectiveSpan> {
    let caret = app.reader.caret;
    let over = |set: &SpanSet| set.over(caret).map(|s| s.to_span()).collect();
    if app.spans.covers(caret, caret) {
        return over(&app.spans);
    }
    let Some(doc) = app.open_doc() else {
        return Vec::new();
    };
    let stored = app.state.doc(&doc.key);
    let (kind, mentions) = (mention_label(app), app.open_mentions());
    let here = shown_spans_in(
        &doc.text().unwrap_or_default(),
        stored,
        &app.state,
        mentions,
        kind,
        caret..caret,
    );
    over(&here)
}

/// Effects that save `changes` as one step: one change as itself, several together (one
/// journal line, one undo).
fn together(changes: Vec<Change>) -> Vec<Effect> {
    match changes.len() {
        0 => Vec::new(),
        1 => changes.into_iter().map(Effect::Save).collect(),
        _ => vec![Effect::SaveAll(changes)],
    }
}

/// The extractor's mentions in the open document as the store's suggestions.
pub fn suggestions(app: &App) -> Vec<Suggestion> {
    crate::tui::ranges::shown::suggestions(app.open_mentions(), 0, &mention_label(app))
}

/// The label a mention is suggested with: its entity's kind (none for an entity the panels
/// do not hold).
pub fn mention_label(app: &App) -> impl Fn(&MentionRef) -> Option<Label> + '_ {
    |m| Some(Label::from(app.facts.entities.get(m.entity())?.kind))
}

/// The spans shown under the caret, the user's first, then accepted ones, then suggestions.
fn shown_under_caret(app: &App) -> Vec<EffectiveSpan> {
    let mut under = spans_over_caret(app);
    under.sort_by_key(|s| (s.origin, s.end - s.start));
    under
}
