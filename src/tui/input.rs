//! Editing a prompt on the status line: tag, note, or the filter line (which narrows the
//! list as you type; Enter keeps it, Esc clears it). The keys are readline's (see
//! [`prompt_key`]); the text is edited by a [`LineEditor`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, InputKind};
use super::filter::refresh_list;
use super::line_editor::{Edit, LineEditor};
use super::triage::submit;
use super::update::Effect;

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
pub fn prompt_key(key: &KeyEvent) -> Option<PromptKey> {
    use KeyCode::{Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, Right, Up};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // AltGr arrives as Ctrl+Alt on some terminals: what it types is a character.
    let alt_gr = ctrl && key.modifiers.contains(KeyModifiers::ALT);
    let edit = match (key.code, ctrl && !alt_gr) {
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
        (Char(c), false) => Edit::Insert(c),
        _ => return None,
    };
    Some(PromptKey::Edit(edit))
}

/// Handles a key while a prompt is open.
pub fn input_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(mut input) = app.input.take() else {
        return Vec::new();
    };
    let caret = app.prompt_caret.take().unwrap_or(input.text.len());
    let mut line = LineEditor::with_caret(std::mem::take(&mut input.text), caret);
    let history = app.prompt_history.of(input.kind);
    match prompt_key(key) {
        Some(PromptKey::Cancel) => {
            history.stop_browsing();
            if input.kind == InputKind::Filter {
                app.filter_text.clear();
                refresh_list(app);
            }
            return Vec::new();
        }
        Some(PromptKey::Commit) => {
            history.push(line.text());
            input.text = line.into_parts().0;
            return match submit(app, &input) {
                Some(change) => vec![Effect::Save(change)],
                None => Vec::new(),
            };
        }
        Some(PromptKey::Older) => {
            if let Some(older) = history.older(line.text()) {
                line = LineEditor::new(older.to_string());
            }
        }
        Some(PromptKey::Newer) => {
            if let Some(newer) = history.newer() {
                line = LineEditor::new(newer);
            }
        }
        Some(PromptKey::Edit(edit)) => line.apply(edit),
        None => {}
    }
    let (text, caret) = line.into_parts();
    input.text = text;
    app.prompt_caret = Some(caret);
    // Moving the caret leaves the list alone.
    if input.kind == InputKind::Filter && app.filter_text != input.text {
        app.filter_text = input.text.clone();
        refresh_list(app);
    }
    app.input = Some(input);
    Vec::new()
}
