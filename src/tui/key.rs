//! okur's own key type. The terminal's events are converted once, at the edge
//! (`tui::edge`): `update`, the session, the keymaps and the tests never see crossterm, so
//! a test names a key the way the user presses it.

/// Which key, apart from modifiers (Shift is already in the character: `G`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A character key.
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete (forward).
    Delete,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1 to F24.
    F(u8),
    /// A key the terminal reported but okur has no name for: it does nothing, silently.
    Other,
}

/// A key as the keymaps see it: the code and the modifiers that change its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held. Control and Alt together are AltGr on some terminals: a typed
    /// character, never a command.
    pub alt: bool,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A character key without modifiers.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Control with a character key (`Key::ctrl('r')` is Ctrl-R).
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// True when Control is a command modifier here, not half of AltGr.
    pub fn is_command(&self) -> bool {
        self.ctrl && !self.alt
    }

    /// The key a keymap binding is looked up by: AltGr characters are plain characters,
    /// and Alt alone is not bound to anything, so it is kept (no binding matches it).
    pub fn binding(&self) -> Key {
        if self.ctrl && self.alt {
            return Key::plain(self.code);
        }
        *self
    }

    /// How the help overlay and the status line write this key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            // Terminals send Ctrl with a letter as the lowercase letter; it is written as
            // keyboards print it.
            KeyCode::Char(c) if self.ctrl => c.to_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Other => "that key".into(),
        };
        match (self.ctrl, self.alt) {
            (true, false) => format!("Ctrl-{name}"),
            (false, true) => format!("Alt-{name}"),
            _ => name,
        }
    }

    /// A key from its name in the config file or a test: one character (`q`, `?`),
    /// `Ctrl-r` / `C-r`, `Tab`, `Shift-Tab`, `Enter`, `Esc`, `Up`/`↑`, `Down`/`↓`,
    /// `Left`/`←`, `Right`/`→`, `PageUp`/`PgUp`, `PageDown`/`PgDn`, `Home`, `End`, `Space`,
    /// `Backspace`/`Bksp`, `Delete`/`Del`, `F1`…`F24`.
    pub fn parse(spec: &str) -> Option<Key> {
        if let Some(rest) = spec
            .strip_prefix("Ctrl-")
            .or_else(|| spec.strip_prefix("C-"))
        {
            let inner = Key::parse(rest)?;
            let code = match inner.code {
                KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
                other => other,
            };
            return Some(Key {
                code,
                ctrl: true,
                ..inner
            });
        }
        if let Some(code) = named(spec) {
            return Some(Key::plain(code));
        }
        let mut chars = spec.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(Key::char(c)),
            _ => None,
        }
    }
}

/// The code of a named (non-character) key.
fn named(spec: &str) -> Option<KeyCode> {
    use KeyCode::*;
    let code = match spec {
        "Tab" => Tab,
        "Shift-Tab" | "BackTab" | "S-Tab" => BackTab,
        "Enter" => Enter,
        "Esc" => Esc,
        "Up" | "↑" => Up,
        "Down" | "↓" => Down,
        "Left" | "←" => Left,
        "Right" | "→" => Right,
        "PageUp" | "PgUp" => PageUp,
        "PageDown" | "PgDn" => PageDown,
        "Home" => Home,
        "End" => End,
        "Space" => Char(' '),
        "Backspace" | "Bksp" => Backspace,
        "Delete" | "Del" => Delete,
        f => {
            let n: u8 = f.strip_prefix('F')?.parse().ok()?;
            return (1..=24).contains(&n).then_some(F(n));
        }
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_label_back() {
        for spec in [
            "q",
            "?",
            "Ctrl-r",
            "Tab",
            "Shift-Tab",
            "Esc",
            "↑",
            "PgDn",
            "F5",
        ] {
            let key = Key::parse(spec).expect(spec);
            assert_eq!(Key::parse(&key.label()), Some(key), "{spec}");
        }
        assert_eq!(Key::parse("C-r"), Some(Key::ctrl('r')));
        assert_eq!(Key::parse("Ctrl-R"), Some(Key::ctrl('r')));
        assert_eq!(Key::ctrl('c').label(), "Ctrl-C");
        assert_eq!(Key::parse("Hyper-x"), None);
        assert_eq!(Key::parse("F25"), None);
    }

    #[test]
    fn altgr_is_a_typed_character() {
        let altgr = Key {
            code: KeyCode::Char('@'),
            ctrl: true,
            alt: true,
        };
        assert!(!altgr.is_command());
        assert_eq!(altgr.binding(), Key::char('@'));
        assert!(Key::ctrl('c').is_command());
    }
}
