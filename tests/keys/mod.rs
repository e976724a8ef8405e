//! Key names used by the TUI behaviour tests: `←` `→` `↑` `↓`, `Esc`, `Enter`, `Tab`, `S-Tab`,
//! `Space`, `Bksp`, `Del`, `Home`, `End`, `PgUp`, `PgDn`, and `C-x` for Ctrl with a letter
//! (`C-r`); any other token is its first character.

use okur::tui::key::Key;

/// The key a test token names.
pub fn key(token: &str) -> Key {
    Key::parse(token)
        .or_else(|| token.chars().next().map(Key::char))
        .expect("a non-empty key token")
}
