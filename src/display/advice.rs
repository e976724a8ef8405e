//! What the user must change in the terminal itself, where okur cannot: kitty spells Arabic
//! words backwards unless its own `force_ltr` option is on, and no escape sequence sets it.

use std::path::{Path, PathBuf};

use super::detect::{Detected, TerminalKind, env_var};
use super::resolve::Resolved;
use crate::config::Config;

/// A setting the terminal needs that okur cannot make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// Short enough for the status line at 60 columns.
    pub status: &'static str,
    /// The whole story, with the file to change, for `okur doctor`.
    pub detail: String,
}

/// What the reader shows at start (and `okur doctor` prints) when the terminal needs a
/// setting of its own; `None` when it needs none or has it. `var` reads the environment;
/// `remembered` says the config holds a choice for this terminal (the user has been here).
pub fn terminal_advice(
    detected: &Detected,
    var: &dyn Fn(&str) -> Option<String>,
    remembered: bool,
) -> Option<Advice> {
    if detected.kind != TerminalKind::Kitty {
        return None;
    }
    let conf = kitty_conf(var);
    if conf.as_deref().is_some_and(has_force_ltr) || (detected.over_ssh && remembered) {
        return None;
    }
    let place = conf.map_or("kitty.conf".to_string(), |p| p.display().to_string());
    Some(Advice {
        status: "kitty: set force_ltr yes (okur doctor)",
        detail: format!(
            "kitty: add `force_ltr yes` to {place} and restart kitty, or Arabic words read backwards"
        ),
    })
}

/// [`terminal_advice`] for this process's terminal and config: the reader's status line and
/// `okur doctor` both show it.
pub fn advice_here(resolved: &Resolved, config: &Config) -> Option<Advice> {
    let remembered = config
        .terminals
        .contains_key(&resolved.detected.memory_key());
    terminal_advice(&resolved.detected, &env_var, remembered)
}

/// kitty's config file: `$KITTY_CONFIG_DIRECTORY`, else `$XDG_CONFIG_HOME/kitty`, else
/// `~/.config/kitty`.
fn kitty_conf(var: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let dir = var("KITTY_CONFIG_DIRECTORY")
        .map(PathBuf::from)
        .or_else(|| var("XDG_CONFIG_HOME").map(|d| Path::new(&d).join("kitty")))
        .or_else(|| var("HOME").map(|h| Path::new(&h).join(".config/kitty")))?;
    Some(dir.join("kitty.conf"))
}

/// True when the file turns `force_ltr` on (`yes`, `y` or `true`, as kitty reads booleans).
fn has_force_ltr(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    let mut on = false;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() == Some("force_ltr") {
            on = matches!(words.next(), Some("yes" | "y" | "true"));
        }
    }
    on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::detect;

    fn kitty(dir: &Path, ssh: bool) -> (Detected, impl Fn(&str) -> Option<String>) {
        let dir = dir.to_string_lossy().into_owned();
        let env = move |name: &str| match name {
            "TERM" => Some("xterm-kitty".to_string()),
            "KITTY_CONFIG_DIRECTORY" => Some(dir.clone()),
            "SSH_TTY" if ssh => Some("/dev/pts/1".to_string()),
            _ => None,
        };
        (detect(&env), env)
    }

    #[test]
    fn kitty_without_force_ltr_is_told_which_file_to_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (d, env) = kitty(dir.path(), false);
        let advice = terminal_advice(&d, &env, false).expect("advice").detail;
        assert!(advice.contains("force_ltr yes"), "{advice}");
        assert!(advice.contains("kitty.conf"), "{advice}");
        std::fs::write(
            dir.path().join("kitty.conf"),
            "font_size 12\nforce_ltr no\n",
        )
        .expect("write");
        assert!(terminal_advice(&d, &env, false).is_some());
    }

    #[test]
    fn kitty_with_force_ltr_or_a_remembered_choice_over_ssh_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("kitty.conf"), "force_ltr yes\n").expect("write");
        let (d, env) = kitty(dir.path(), false);
        assert_eq!(terminal_advice(&d, &env, false), None);
        let empty = tempfile::tempdir().expect("temp dir");
        let (d, env) = kitty(empty.path(), true);
        assert!(terminal_advice(&d, &env, false).is_some());
        assert_eq!(terminal_advice(&d, &env, true), None);
    }

    #[test]
    fn other_terminals_need_no_advice() {
        let d = detect(&|n| (n == "VTE_VERSION").then(|| "7003".to_string()));
        assert_eq!(terminal_advice(&d, &|_| None, false), None);
    }
}
