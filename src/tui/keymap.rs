//! Keys to actions. The help overlay and the status line are generated from this table, so
//! they never hard-code a key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key as the keymap sees it: code plus the modifiers that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
}

impl Key {
    /// From a terminal key event (Shift is already in the character).
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    /// How the help overlay writes this key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// The key bindings, in the order the help lists them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use KeyCode::*;
        let c = |ch| Key::plain(Char(ch));
        let k = Key::plain;
        let ctrl = |ch| Key {
            code: Char(ch),
            ctrl: true,
        };
        let mut bindings = vec![
            (c('j'), Action::Down),
            (k(Down), Action::Down),
            (c('k'), Action::Up),
            (k(Up), Action::Up),
            (k(Left), Action::Left),
            (c('h'), Action::Left),
            (k(Right), Action::Right),
            (c('w'), Action::WordNext),
            (c('b'), Action::WordPrev),
            (c(')'), Action::SentenceNext),
            (c('('), Action::SentencePrev),
            (k(PageDown), Action::PageDown),
            (k(PageUp), Action::PageUp),
            (c('g'), Action::Top),
            (k(Home), Action::Top),
            (c('G'), Action::Bottom),
            (k(End), Action::Bottom),
            (k(Enter), Action::Open),
            (k(Tab), Action::FocusNext),
            (k(BackTab), Action::FocusPrev),
            (c('/'), Action::Filter),
            (c('n'), Action::NextMatch),
            (c('N'), Action::PrevMatch),
            (c('f'), Action::FilterByEntity),
            (c('e'), Action::ToggleEntities),
            (c('B'), Action::FlipDirection),
            (c('o'), Action::CycleSort),
            (c('v'), Action::Select),
            (c('p'), Action::LabelPerson),
            (c('l'), Action::LabelPlace),
            (c('d'), Action::LabelDate),
            (c('D'), Action::RemoveSpan),
            (c('a'), Action::Accept),
            (c('x'), Action::Reject),
            (c('A'), Action::AcceptAll),
            (c('u'), Action::Undo),
            (ctrl('r'), Action::Redo),
            (c('s'), Action::Star),
            (c('X'), Action::Archive),
            (c('r'), Action::Relevance),
            (c('R'), Action::ToggleRead),
            (c('t'), Action::Tag),
            (c('m'), Action::Note),
            (c('?'), Action::Help),
            (k(Esc), Action::Cancel),
            (c('q'), Action::Quit),
        ];
        bindings.extend((1..=9u8).map(|n| (c(char::from(b'0' + n)), Action::LabelCustom(n))));
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to a key, if any.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// Every action with all its keys, in binding order, for the help overlay.
    pub fn help_entries(&self) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for (key, action) in &self.bindings {
            match out.iter_mut().find(|(_, a)| a == action) {
                Some((keys, _)) => {
                    keys.push_str(" / ");
                    keys.push_str(&key.label());
                }
                None => out.push((key.label(), *action)),
            }
        }
        out
    }

    /// The first key bound to an action, for hints in the status line.
    pub fn key_for(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(k, _)| k.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keys_map_to_actions() {
        let map = Keymap::default();
        assert_eq!(
            map.action(Key::plain(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(map.action(Key::plain(KeyCode::Char('Z'))), None);
    }

    #[test]
    fn help_groups_keys_per_action() {
        let map = Keymap::default();
        let entries = map.help_entries();
        assert!(
            entries
                .iter()
                .any(|(k, a)| k == "j / ↓" && *a == Action::Down)
        );
    }
}
