//! Keys to actions. The help overlay and the status line are generated from this table, so
//! they never hard-code a key.

use super::action::Action;
pub use super::key::{Key, KeyCode};

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
        let ctrl = Key::ctrl;
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
            (c('F'), Action::Find),
            (ctrl('f'), Action::Find),
            (c(' '), Action::Mark),
            (c('*'), Action::MarkAll),
            (c('n'), Action::NextMatch),
            (c('N'), Action::PrevMatch),
            // Shifted letters, not `]`/`[`: Turkish Q and F keyboards reach brackets only with
            // AltGr; J/K echo j/k (down/up) as the bigger step.
            (c('J'), Action::NextUnread),
            (c('K'), Action::PrevUnread),
            (c('f'), Action::FilterByEntity),
            (c('e'), Action::ToggleEntities),
            (c('B'), Action::FlipDirection),
            (c('o'), Action::CycleSort),
            (c('v'), Action::Select),
            (c('y'), Action::Copy),
            (c('Y'), Action::CopyUrl),
            (c('p'), Action::LabelPerson),
            (c('l'), Action::LabelPlace),
            (c('d'), Action::LabelDate),
            (c('L'), Action::LabelEverywhere),
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
            (c('T'), Action::CycleDisplay),
            (c('U'), Action::FetchFeeds),
            (c('O'), Action::Reload),
            (c('?'), Action::Help),
            (k(Esc), Action::Cancel),
            (c('q'), Action::Quit),
            (ctrl('c'), Action::Quit),
            (ctrl('z'), Action::Suspend),
            (ctrl('l'), Action::Redraw),
        ];
        bindings.extend((1..=9u8).map(|n| (c(char::from(b'0' + n)), Action::LabelCustom(n))));
        Keymap { bindings }
    }
}

/// Why a `[keys]` entry of the config file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    /// No such action.
    #[error("[keys]: unknown action `{0}` (press ? in okur for the list)")]
    UnknownAction(String),
    /// The key could not be read.
    #[error("[keys] {action}: unknown key `{key}`")]
    BadKey {
        /// The action.
        action: String,
        /// The key as written.
        key: String,
    },
    /// One key on two actions.
    #[error("[keys]: `{key}` is bound to both {first} and {second}")]
    Conflict {
        /// The key.
        key: String,
        /// One action.
        first: String,
        /// The other.
        second: String,
    },
}

/// Reads a key as the config file writes it: `a`, `A`, `Ctrl-r`, `Tab`, `PageDown`, ...
/// (see [`Key::parse`]).
pub fn parse_key(spec: &str) -> Option<Key> {
    Key::parse(spec)
}

impl Keymap {
    /// The defaults with the config file's `[keys]` applied: each listed action gets exactly
    /// the keys given; a key left on two actions is an error.
    pub fn with_overrides(
        overrides: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action =
                Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            map.bindings.retain(|(_, a)| *a != action);
            for spec in keys {
                let key = parse_key(spec).ok_or_else(|| KeymapError::BadKey {
                    action: name.clone(),
                    key: spec.clone(),
                })?;
                map.bindings.push((key, action));
            }
        }
        map.check_conflicts(overrides)?;
        Ok(map)
    }

    /// A key the user bound that is still bound by default to another action is taken from
    /// that action; two user bindings on one key are an error.
    fn check_conflicts(
        &mut self,
        overrides: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<(), KeymapError> {
        let user = |a: &Action| overrides.contains_key(&a.name());
        let mut seen: Vec<(Key, Action)> = Vec::new();
        for &(key, action) in &self.bindings {
            if let Some(&(_, other)) = seen
                .iter()
                .find(|(k, a)| *k == key && user(a) && user(&action) && *a != action)
            {
                return Err(KeymapError::Conflict {
                    key: key.label(),
                    first: other.name(),
                    second: action.name(),
                });
            }
            seen.push((key, action));
        }
        let user_keys: Vec<Key> = self
            .bindings
            .iter()
            .filter(|(_, a)| user(a))
            .map(|(k, _)| *k)
            .collect();
        self.bindings
            .retain(|(k, a)| user(a) || !user_keys.contains(k));
        Ok(())
    }

    /// The action bound to a key, if any.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key.binding())
            .map(|(_, a)| *a)
    }

    /// Every action with all its keys, in binding order, for the help overlay.
    pub fn help_entries(&self) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        let mut customs = self
            .bindings
            .iter()
            .filter(|(_, a)| matches!(a, Action::LabelCustom(_)));
        if let (Some((first, a)), Some((last, _))) = (customs.next(), customs.next_back()) {
            out.push((format!("{}…{}", first.label(), last.label()), *a));
        }
        for (key, action) in &self.bindings {
            if matches!(action, Action::LabelCustom(_)) {
                continue;
            }
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
    fn config_rebinds_and_takes_the_key_from_its_default_owner() {
        let mut o = std::collections::BTreeMap::new();
        o.insert("star".to_string(), vec!["*".to_string(), "u".to_string()]);
        let map = Keymap::with_overrides(&o).expect("valid");
        assert_eq!(
            map.action(Key::plain(KeyCode::Char('*'))),
            Some(Action::Star)
        );
        assert_eq!(
            map.action(Key::plain(KeyCode::Char('u'))),
            Some(Action::Star)
        );
        assert_eq!(map.action(Key::plain(KeyCode::Char('s'))), None);
    }

    #[test]
    fn config_errors_name_the_problem() {
        let one = |k: &str, v: &str| {
            let mut o = std::collections::BTreeMap::new();
            o.insert(k.to_string(), vec![v.to_string()]);
            o
        };
        assert_eq!(
            Keymap::with_overrides(&one("fly", "f")).err(),
            Some(KeymapError::UnknownAction("fly".into()))
        );
        let err = Keymap::with_overrides(&one("star", "Hyper-x"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("[keys] star: unknown key `Hyper-x`"));
        let mut both = one("star", "z");
        both.insert("archive".into(), vec!["z".into()]);
        let err = Keymap::with_overrides(&both).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("[keys]: `z` is bound to both archive and star")
        );
        assert_eq!(parse_key("Ctrl-r"), Some(Key::ctrl('r')));
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
