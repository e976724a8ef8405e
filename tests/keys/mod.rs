//! Key names used by the TUI behaviour tests: `←` `→` `↑` `↓`, `Esc`, `Enter`, `Tab`, `S-Tab`,
//! `Space`, `Bksp`, `Del`, `Home`, `End`, `PgUp`, `PgDn`, and `C-x` for Ctrl with a letter
//! (`C-r`); any other token is its first character.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key event a test token names.
pub fn key(token: &str) -> KeyEvent {
    let code = match token {
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        "Esc" => KeyCode::Esc,
        "Enter" => KeyCode::Enter,
        "Tab" => KeyCode::Tab,
        "S-Tab" => return KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Space" => KeyCode::Char(' '),
        "Bksp" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        t if t.starts_with("C-") && t.chars().count() == 3 => {
            let c = t.chars().nth(2).expect("a letter after C-");
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        t => KeyCode::Char(t.chars().next().expect("a non-empty key token")),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}
