//! Key names used by the TUI behaviour tests: `←` `→` `↓`, `Esc`, `Enter`, `S-Tab`, `Space`,
//! `C-r`; any other token is its first character.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key event a test token names.
pub fn key(token: &str) -> KeyEvent {
    let (code, mods) = match token {
        "←" => (KeyCode::Left, KeyModifiers::NONE),
        "→" => (KeyCode::Right, KeyModifiers::NONE),
        "↓" => (KeyCode::Down, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "C-r" => (KeyCode::Char('r'), KeyModifiers::CONTROL),
        t => (
            KeyCode::Char(t.chars().next().expect("key")),
            KeyModifiers::NONE,
        ),
    };
    KeyEvent::new(code, mods)
}
