//! Which terminal okur runs in, from what the terminal tells its child process: variables it
//! sets (`VTE_VERSION`, `KONSOLE_VERSION`, `MLTERM`, `KITTY_WINDOW_ID`, ...) and `TERM`.
//! Over SSH only `TERM` arrives, and VTE and Konsole both say `xterm-256color`: such a
//! terminal stays [`TerminalKind::Unknown`] and the reader asks once.

/// A terminal family okur has a profile for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TerminalKind {
    /// GNOME Terminal, Tilix, sakura, xfce4-terminal, Terminator: the VTE widget.
    Vte,
    /// KDE's Konsole.
    Konsole,
    /// kitty.
    Kitty,
    /// Alacritty.
    Alacritty,
    /// foot (Wayland).
    Foot,
    /// XTerm.
    Xterm,
    /// mlterm.
    Mlterm,
    /// WezTerm.
    WezTerm,
    /// iTerm2 (macOS).
    Iterm2,
    /// Terminal.app (macOS).
    AppleTerminal,
    /// tmux or GNU screen: they never reorder, but the terminal around them is unknown.
    Multiplexer,
    /// The Linux virtual console.
    LinuxConsole,
    /// Nothing recognisable (typically SSH, where only `TERM` arrives).
    Unknown,
}

impl TerminalKind {
    /// Short lowercase name, used in messages and as the key of a remembered choice.
    pub fn name(self) -> &'static str {
        match self {
            TerminalKind::Vte => "vte",
            TerminalKind::Konsole => "konsole",
            TerminalKind::Kitty => "kitty",
            TerminalKind::Alacritty => "alacritty",
            TerminalKind::Foot => "foot",
            TerminalKind::Xterm => "xterm",
            TerminalKind::Mlterm => "mlterm",
            TerminalKind::WezTerm => "wezterm",
            TerminalKind::Iterm2 => "iterm2",
            TerminalKind::AppleTerminal => "apple-terminal",
            TerminalKind::Multiplexer => "multiplexer",
            TerminalKind::LinuxConsole => "linux-console",
            TerminalKind::Unknown => "unknown",
        }
    }
}

/// What detection found, with the evidence, for `okur doctor` and for remembering choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The terminal family.
    pub kind: TerminalKind,
    /// The variable that told (`VTE_VERSION=7003`), or why nothing did.
    pub evidence: String,
    /// `TERM` as received (empty when unset).
    pub term: String,
    /// `SSH_CONNECTION` or `SSH_TTY` is set: the terminal is on another machine.
    pub over_ssh: bool,
}

impl Detected {
    /// The key a choice for this terminal is remembered under in the config's
    /// `[terminals]` table: the family name when recognised, else `term:` and `TERM` (so a
    /// choice made for one unknown terminal type is not applied to another).
    pub fn memory_key(&self) -> String {
        match self.kind {
            TerminalKind::Unknown | TerminalKind::Multiplexer => format!("term:{}", self.term),
            kind => kind.name().to_string(),
        }
    }

    /// True when okur has a tested or documented profile for this terminal.
    pub fn is_known(&self) -> bool {
        !matches!(self.kind, TerminalKind::Unknown | TerminalKind::Multiplexer)
    }
}

/// Detection from this process's environment.
pub fn detect_from_env() -> Detected {
    detect(&env_var)
}

/// A variable of this process's environment, `None` when unset or empty (an empty
/// `VTE_VERSION` names no terminal).
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Detection from any environment (`var` returns a variable's non-empty value). A
/// multiplexer is checked first: inside tmux the variables of the terminal that started it
/// are still set but describe a terminal okur does not draw on directly. Variables set by one
/// terminal program only come before the general ones (`VTE_VERSION`, `XTERM_VERSION`) that a
/// terminal started from inside another inherits.
pub fn detect(var: &dyn Fn(&str) -> Option<String>) -> Detected {
    let term = var("TERM").unwrap_or_default();
    let over_ssh = var("SSH_CONNECTION").is_some() || var("SSH_TTY").is_some();
    let (kind, evidence) = classify(var, &term);
    Detected {
        kind,
        evidence,
        term,
        over_ssh,
    }
}

/// The first rule that matches, and the evidence it matched on.
fn classify(var: &dyn Fn(&str) -> Option<String>, term: &str) -> (TerminalKind, String) {
    const BY_VARIABLE: &[(&str, TerminalKind)] = &[
        ("TMUX", TerminalKind::Multiplexer),
        ("STY", TerminalKind::Multiplexer),
        ("KITTY_WINDOW_ID", TerminalKind::Kitty),
        ("ALACRITTY_WINDOW_ID", TerminalKind::Alacritty),
        ("ALACRITTY_SOCKET", TerminalKind::Alacritty),
        ("ALACRITTY_LOG", TerminalKind::Alacritty),
        ("MLTERM", TerminalKind::Mlterm),
        ("KONSOLE_VERSION", TerminalKind::Konsole),
        ("WEZTERM_EXECUTABLE", TerminalKind::WezTerm),
    ];
    for (name, kind) in BY_VARIABLE {
        if let Some(value) = var(name) {
            return (*kind, format!("{name}={value}"));
        }
    }
    if let Some(kind) = by_term(term) {
        return (kind, format!("TERM={term}"));
    }
    if let Some(program) = var("TERM_PROGRAM")
        && let Some(kind) = by_term_program(&program)
    {
        return (kind, format!("TERM_PROGRAM={program}"));
    }
    // XTERM_VERSION before VTE_VERSION: `xterm` started from GNOME Terminal keeps the
    // inherited VTE_VERSION beside its own XTERM_VERSION. (The reverse, a VTE terminal
    // started from xterm, is rarer; the reader's display key corrects either.)
    if let Some(value) = var("XTERM_VERSION") {
        return (TerminalKind::Xterm, format!("XTERM_VERSION={value}"));
    }
    if let Some(value) = var("VTE_VERSION") {
        return (TerminalKind::Vte, format!("VTE_VERSION={value}"));
    }
    let why = if term.is_empty() {
        "TERM is not set".to_string()
    } else {
        format!("TERM={term} names no particular terminal")
    };
    (TerminalKind::Unknown, why)
}

/// `TERM` values that only one terminal uses.
fn by_term(term: &str) -> Option<TerminalKind> {
    match term {
        "xterm-kitty" => Some(TerminalKind::Kitty),
        "alacritty" | "alacritty-direct" => Some(TerminalKind::Alacritty),
        "mlterm" | "mlterm-256color" => Some(TerminalKind::Mlterm),
        "wezterm" => Some(TerminalKind::WezTerm),
        "linux" => Some(TerminalKind::LinuxConsole),
        t if t == "foot" || t.starts_with("foot-") => Some(TerminalKind::Foot),
        t if t.starts_with("tmux") || t.starts_with("screen") => Some(TerminalKind::Multiplexer),
        _ => None,
    }
}

/// `TERM_PROGRAM`, set by macOS terminals and WezTerm (and by tmux, caught earlier).
fn by_term_program(program: &str) -> Option<TerminalKind> {
    match program {
        "WezTerm" => Some(TerminalKind::WezTerm),
        "iTerm.app" => Some(TerminalKind::Iterm2),
        "Apple_Terminal" => Some(TerminalKind::AppleTerminal),
        "tmux" => Some(TerminalKind::Multiplexer),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_in(vars: &[(&str, &str)]) -> Detected {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        detect(&|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn each_terminal_is_recognised_by_what_it_sets() {
        let cases: &[(&[(&str, &str)], TerminalKind)] = &[
            (
                &[("TERM", "xterm-256color"), ("VTE_VERSION", "7003")],
                TerminalKind::Vte,
            ),
            (
                &[("TERM", "xterm-256color"), ("KONSOLE_VERSION", "221203")],
                TerminalKind::Konsole,
            ),
            (&[("TERM", "xterm-kitty")], TerminalKind::Kitty),
            (
                &[("KITTY_WINDOW_ID", "1"), ("TERM", "xterm-256color")],
                TerminalKind::Kitty,
            ),
            (&[("TERM", "alacritty")], TerminalKind::Alacritty),
            (
                &[("TERM", "xterm-256color"), ("ALACRITTY_LOG", "/tmp/a.log")],
                TerminalKind::Alacritty,
            ),
            (&[("TERM", "foot")], TerminalKind::Foot),
            (&[("TERM", "foot-extra")], TerminalKind::Foot),
            (
                &[("TERM", "xterm"), ("XTERM_VERSION", "XTerm(379)")],
                TerminalKind::Xterm,
            ),
            (
                &[("TERM", "xterm"), ("MLTERM", "3.9.0")],
                TerminalKind::Mlterm,
            ),
            (
                &[("TERM_PROGRAM", "WezTerm"), ("TERM", "xterm-256color")],
                TerminalKind::WezTerm,
            ),
            (&[("TERM_PROGRAM", "iTerm.app")], TerminalKind::Iterm2),
            (
                &[("TERM_PROGRAM", "Apple_Terminal")],
                TerminalKind::AppleTerminal,
            ),
            (&[("TERM", "linux")], TerminalKind::LinuxConsole),
            (&[("TERM", "xterm-256color")], TerminalKind::Unknown),
            (&[], TerminalKind::Unknown),
        ];
        for (vars, kind) in cases {
            assert_eq!(detect_in(vars).kind, *kind, "{vars:?}");
        }
    }

    #[test]
    fn inside_tmux_the_outer_terminal_does_not_count() {
        let d = detect_in(&[
            ("TMUX", "/tmp/tmux-0/default,1,0"),
            ("TERM", "tmux-256color"),
            ("VTE_VERSION", "7003"),
        ]);
        assert_eq!(d.kind, TerminalKind::Multiplexer);
        assert_eq!(d.memory_key(), "term:tmux-256color");
        assert!(!d.is_known());
    }

    #[test]
    fn a_terminal_started_from_another_is_the_inner_one() {
        // xterm (or Konsole, or mlterm) started from GNOME Terminal inherits VTE_VERSION.
        let inherited = ("VTE_VERSION", "7003");
        let xterm = detect_in(&[inherited, ("XTERM_VERSION", "XTerm(379)")]);
        assert_eq!(xterm.kind, TerminalKind::Xterm);
        let konsole = detect_in(&[inherited, ("KONSOLE_VERSION", "221203")]);
        assert_eq!(konsole.kind, TerminalKind::Konsole);
        let mlterm = detect_in(&[inherited, ("MLTERM", "3.9.0")]);
        assert_eq!(mlterm.kind, TerminalKind::Mlterm);
    }

    #[test]
    fn evidence_and_memory_keys_name_what_was_seen() {
        let vte = detect_in(&[("VTE_VERSION", "7003"), ("SSH_TTY", "/dev/pts/1")]);
        assert_eq!(vte.evidence, "VTE_VERSION=7003");
        assert_eq!(vte.memory_key(), "vte");
        assert!(vte.over_ssh);
        let ssh = detect_in(&[("TERM", "xterm-256color"), ("SSH_CONNECTION", "a b c d")]);
        assert_eq!(ssh.memory_key(), "term:xterm-256color");
        assert!(ssh.evidence.contains("names no particular terminal"));
    }
}
