//! Editing a prompt on the status line: tag, note, the filter line (which narrows the list
//! as you type; Enter keeps it, Esc clears it), or find in the article. The keys are
//! readline's (see [`prompt_edit`]); the text is edited by a
//! [`LineEditor`](super::line_editor::LineEditor).

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use super::filter::set_filter;
use super::key::{Key, KeyCode};
use super::line_editor::{Edit, LineEditor};
use super::mode::{InputKind, Mode, Prompt};
use super::triage::submit;
use super::view::Panes;

/// The most characters a prompt holds: a filter or a tag is a few words, and a search
/// over thousands of pasted words would keep the reader busy for a minute.
pub const PROMPT_MAX: usize = 1000;

/// What a key does in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    /// Change the line.
    Edit(Edit),
    /// An older line from this prompt's history.
    Older,
    /// A newer line, or back to the line being typed.
    Newer,
    /// Enter: take the line.
    Commit,
    /// Esc or Ctrl-C: close the prompt, changing nothing.
    Cancel,
}

/// The prompt's keys: readline's, with `↑`/`↓` for history. `None` for a key that does
/// nothing here (a Ctrl key not listed is never typed as a letter).
pub fn prompt_edit(key: Key) -> Option<PromptKey> {
    use KeyCode::{Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, Right, Up};
    let edit = match (key.code, key.is_command()) {
        (Enter, _) => return Some(PromptKey::Commit),
        (Esc, _) | (Char('c'), true) => return Some(PromptKey::Cancel),
        (Up, _) | (Char('p'), true) => return Some(PromptKey::Older),
        (Down, _) | (Char('n'), true) => return Some(PromptKey::Newer),
        (Left, _) | (Char('b'), true) => Edit::Left,
        (Right, _) | (Char('f'), true) => Edit::Right,
        (Home, _) | (Char('a'), true) => Edit::Home,
        (End, _) | (Char('e'), true) => Edit::End,
        (Backspace, _) | (Char('h'), true) => Edit::DeleteBefore,
        (Delete, _) | (Char('d'), true) => Edit::DeleteAfter,
        (Char('u'), true) => Edit::DeleteToStart,
        (Char('k'), true) => Edit::DeleteToEnd,
        (Char('w'), true) => Edit::DeleteWordBefore,
        (Char(c), false) if !key.alt || key.ctrl => Edit::Insert(c),
        _ => return None,
    };
    Some(PromptKey::Edit(edit))
}

/// Handles a key while a prompt is open.
pub fn prompt_key(app: &mut App, key: Key, panes: &Panes) -> Vec<Effect> {
    let Mode::Prompt(mut prompt) = std::mem::take(&mut app.mode) else {
        return Vec::new();
    };
    let history = app.prompt_history.of(prompt.kind);
    match prompt_edit(key) {
        Some(PromptKey::Cancel) => {
            history.stop_browsing();
            return cancel(app, prompt.kind);
        }
        Some(PromptKey::Commit) => {
            history.push(prompt.text());
            return commit(app, &prompt);
        }
        Some(PromptKey::Older) => {
            if let Some(older) = history.older(prompt.text()) {
                prompt.line = LineEditor::new(older.to_string());
            }
        }
        Some(PromptKey::Newer) => {
            if let Some(newer) = history.newer() {
                prompt.line = LineEditor::new(newer);
            }
        }
        Some(PromptKey::Edit(Edit::Insert(_))) if prompt.text().chars().count() >= PROMPT_MAX => {
            app.mode = Mode::Prompt(prompt);
            app.status
                .say(format!("a prompt holds {PROMPT_MAX} characters"));
            return Vec::new();
        }
        Some(PromptKey::Edit(edit)) => prompt.line.apply(edit),
        None => {}
    }
    edited(app, prompt, panes)
}

/// Pasted text goes into the open prompt as typed text (line breaks and tabs become
/// spaces: a prompt is one line); with no prompt open it is not run as keys.
pub fn paste(app: &mut App, text: &str, panes: &Panes) -> Vec<Effect> {
    let Mode::Prompt(mut prompt) = std::mem::take(&mut app.mode) else {
        let key = |a| app.keymap.key_for(a).unwrap_or_default();
        let prompts = [
            (Action::Filter, "filter"),
            (Action::Find, "find"),
            (Action::Tag, "tag"),
            (Action::Note, "note"),
        ]
        .map(|(a, what)| format!("{} {what}", key(a)))
        .join(", ");
        app.status.say(format!(
            "a paste goes into a prompt ({prompts}): nothing was run"
        ));
        return Vec::new();
    };
    let room = PROMPT_MAX.saturating_sub(prompt.text().chars().count());
    let typed = text.chars().count();
    for c in text.chars().take(room) {
        let c = if c.is_control() { ' ' } else { c };
        prompt.line.apply(Edit::Insert(c));
    }
    let effects = edited(app, prompt, panes);
    if typed > room {
        app.status.say(format!(
            "paste cut: a prompt holds {PROMPT_MAX} characters ({} left out)",
            typed - room
        ));
    }
    effects
}

/// Puts the edited prompt back; the filter line and find act on every change of text
/// (moving the caret leaves them alone).
fn edited(app: &mut App, prompt: Prompt, panes: &Panes) -> Vec<Effect> {
    let text = prompt.text().to_string();
    let kind = prompt.kind;
    app.mode = Mode::Prompt(prompt);
    match kind {
        InputKind::Filter => set_filter(app, &text).into_iter().collect(),
        InputKind::Find => {
            super::find::typed(app, &text, panes);
            Vec::new()
        }
        InputKind::Tag | InputKind::Note => Vec::new(),
    }
}

/// Esc: the prompt closes having changed nothing (the filter line and find are cleared).
fn cancel(app: &mut App, kind: InputKind) -> Vec<Effect> {
    match kind {
        InputKind::Filter => set_filter(app, "").into_iter().collect(),
        InputKind::Find => {
            super::find::cancel(app);
            Vec::new()
        }
        InputKind::Tag | InputKind::Note => Vec::new(),
    }
}

/// Enter: the line is taken.
fn commit(app: &mut App, prompt: &Prompt) -> Vec<Effect> {
    match prompt.kind {
        InputKind::Find => {
            super::find::commit(app);
            Vec::new()
        }
        _ => submit(app, prompt),
    }
}
