//! `L`: label every occurrence of the name under the caret, once the user has answered a
//! question that says how many occurrences in how many documents that is. The label is an
//! accept decision on the name, so one `u` takes it back and documents opened later get it
//! too; `D` removes it from one occurrence.

use super::super::app::App;
use super::super::effect::Effect;
use super::super::mode::{Confirm, Mode};
use super::super::status::counted;
use super::shown_under_caret;
use crate::store::{Change, Decision, find_name};

/// Asks (on the status line) whether to give every occurrence of the text labelled under
/// the caret that label. A suggestion under the caret counts as labelled with its kind.
pub fn ask(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.open_doc() else {
        return Vec::new();
    };
    let Some(span) = shown_under_caret(app).into_iter().next() else {
        app.status
            .say("nothing labelled here: label this occurrence (p l d 1-9), then L labels all");
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
    let kind = span.kind;
    if app.state.decision(&kind, &text) == Some(Decision::Accepted) {
        app.status.say(format!(
            "{text} is already labelled {} everywhere",
            kind.name()
        ));
        return Vec::new();
    }
    let (count, docs) = occurrences(app, &text);
    if count == 0 {
        // A label on part of a word: accepting it as a name would label nothing.
        app.status.say(format!(
            "{text} is not a whole word anywhere: nothing to label everywhere"
        ));
        return Vec::new();
    }
    let (found, all) = match count {
        1 => ("its only occurrence".to_string(), String::new()),
        n => (
            format!("{n} occurrences in {}", counted(docs, "document")),
            "all ".to_string(),
        ),
    };
    app.mode = Mode::Confirm(Confirm {
        question: format!("{text} → {} at {all}{found}?", kind.name()),
        done: format!("{text} → {} at {found}", kind.name()),
        effects: vec![Effect::Save(Change::Accept {
            kind,
            text,
            value: true,
        })],
    });
    Vec::new()
}

/// The answer to the question on the status line: `yes` carries out what it asked about,
/// anything else changes nothing and says so.
pub fn answer(app: &mut App, yes: bool) -> Vec<Effect> {
    let Mode::Confirm(confirm) = std::mem::take(&mut app.mode) else {
        return Vec::new();
    };
    if yes {
        app.status.say(confirm.done);
        confirm.effects
    } else {
        app.status.say("answered no: nothing changed");
        Vec::new()
    }
}

/// Whole-word occurrences of `text` in the corpus (as an accepted name is found), and in
/// how many documents.
fn occurrences(app: &App, text: &str) -> (usize, usize) {
    app.corpus
        .docs
        .iter()
        .map(|d| find_name(&d.text().unwrap_or_default(), text).len())
        .filter(|&n| n > 0)
        .fold((0, 0), |(count, docs), n| (count + n, docs + 1))
}
