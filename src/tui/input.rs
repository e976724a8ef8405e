//! Editing a prompt on the status line: tag, note, or the filter line (which narrows the
//! list as you type; Enter keeps it, Esc clears it).

use crossterm::event::KeyCode;

use super::app::{App, InputKind};
use super::filter::refresh_list;
use super::triage::submit;
use super::update::Effect;

/// Handles a key while a prompt is open.
pub fn input_key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let Some(mut input) = app.input.take() else {
        return Vec::new();
    };
    match code {
        KeyCode::Esc => {
            if input.kind == InputKind::Filter {
                app.filter_text.clear();
                refresh_list(app);
            }
            return Vec::new();
        }
        KeyCode::Enter => {
            return match submit(app, &input) {
                Some(change) => vec![Effect::Save(change)],
                None => Vec::new(),
            };
        }
        KeyCode::Backspace => {
            input.text.pop();
        }
        KeyCode::Char(c) => input.text.push(c),
        _ => {}
    }
    if input.kind == InputKind::Filter {
        app.filter_text = input.text.clone();
        refresh_list(app);
    }
    app.input = Some(input);
    Vec::new()
}
