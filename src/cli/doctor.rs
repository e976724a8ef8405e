//! `okur doctor`: what okur detected about the terminal, which display mode it picks for the
//! reader, why, and the exact bytes it writes at start and exit. Also where the display
//! options of the reader are defined ([`DisplayArgs`]), since both share them.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::config::Config;
use crate::display::{Detected, Requested, Resolved, Why, resolve};
use crate::layout::BidiMode;

/// `--bidi` of the reader: `auto` picks per terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiChoice {
    /// Pick for the recognised terminal; ask once where none is recognised.
    Auto,
    /// okur reorders and tells the terminal not to.
    App,
    /// Logical order, for terminals that reorder by themselves.
    Terminal,
    /// No bidi handling: logical order, left-aligned.
    Off,
}

/// `--shape` of the reader: `auto` picks per terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShapeChoice {
    /// Pick for the recognised terminal.
    Auto,
    /// Presentation forms, for terminals that do not join Arabic letters.
    On,
    /// Letters as stored; the terminal joins them.
    Off,
}

/// The display options of the reader and of `okur doctor`.
#[derive(Debug, Clone, Args)]
pub struct DisplayArgs {
    /// Who reorders right-to-left text (default: config `bidi`, else auto: okur picks for
    /// the terminal it recognises and asks once where it recognises none).
    #[arg(long, value_enum, env = "OKUR_BIDI")]
    pub bidi: Option<BidiChoice>,
    /// Draw Arabic letters as presentation forms, for terminals that do not join them
    /// (default: config `shape`, else auto).
    #[arg(long, value_enum, env = "OKUR_SHAPE")]
    pub shape: Option<ShapeChoice>,
}

impl DisplayArgs {
    /// What the command line fixes (`auto` fixes nothing).
    pub fn requested(&self) -> Requested {
        let bidi = self.bidi.and_then(|b| match b {
            BidiChoice::Auto => None,
            BidiChoice::App => Some(BidiMode::App),
            BidiChoice::Terminal => Some(BidiMode::Terminal),
            BidiChoice::Off => Some(BidiMode::Off),
        });
        let shape = self.shape.and_then(|s| match s {
            ShapeChoice::Auto => None,
            ShapeChoice::On => Some(true),
            ShapeChoice::Off => Some(false),
        });
        Requested { bidi, shape }
    }
}

/// Arguments of `okur doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// The display options the reader would be given.
    #[command(flatten)]
    pub display: DisplayArgs,
    /// The config file (default: $XDG_CONFIG_HOME/okur/config.toml if it exists).
    #[arg(long, env = "OKUR_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the default config file, every setting with a comment, and nothing else (a
    /// starting point: `okur doctor --default-config > ~/.config/okur/config.toml`).
    #[arg(long)]
    pub default_config: bool,
}

/// Prints the report for a detected terminal (the binary asks the terminal itself when the
/// environment names none).
pub fn run(args: &DoctorArgs, detected: Detected, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.default_config {
        out.write_all(crate::config::DEFAULT_CONFIG.as_bytes())?;
        return Ok(());
    }
    let config = Config::load(args.config.as_deref())?;
    #[cfg(feature = "tui")]
    super::keymap_of(&config, args.config.as_deref())?;
    let resolved = resolve(detected, args.display.requested(), &config);
    let path = args
        .config
        .clone()
        .or_else(crate::config::default_config_path);
    for line in report(&resolved, path.as_deref()) {
        writeln!(out, "{line}")?;
    }
    if let Some(advice) = crate::display::advice_here(&resolved, &config) {
        writeln!(out, "advice     {}", advice.detail)?;
    }
    Ok(())
}

/// The report's lines: terminal, profile, each setting with its reason, the handshake.
pub fn report(resolved: &Resolved, config: Option<&Path>) -> Vec<String> {
    let d = &resolved.detected;
    let place = if d.over_ssh { "over SSH" } else { "local" };
    let term = if d.term.is_empty() {
        "(unset)"
    } else {
        &d.term
    };
    let mut lines = vec![format!(
        "terminal   {} ({}); TERM={term}; {place}",
        d.kind.name(),
        d.evidence
    )];
    if let Some(profile) = &resolved.profile {
        let tested = if profile.tested { "" } else { " [untested]" };
        lines.push(format!("profile    {}{tested}", profile.note));
    }
    let m = &resolved.mode;
    lines.push(setting("bidi", m.bidi.name(), &resolved.bidi_why));
    lines.push(setting("shape", on_off(m.shape), &resolved.shape_why));
    lines.push(setting("italics", on_off(m.italics), &resolved.italics_why));
    lines.push(setting("harakat", on_off(m.harakat), &resolved.harakat_why));
    lines.push(format!("reads      {}", m.describe()));
    let h = resolved.handshake();
    lines.push(format!("at start   {}", visible(h.enter())));
    lines.push(format!("at exit    {}", visible(h.leave())));
    let key = d.memory_key();
    let file = config.map_or("(no config path)".to_string(), |p| p.display().to_string());
    lines.push(format!("remembered under [terminals] \"{key}\" in {file}"));
    if resolved.ask {
        lines.push(
            "first run  the reader will ask which rendering reads right (two keys) and remember it"
                .to_string(),
        );
    }
    lines
}

fn setting(name: &str, value: &str, why: &Why) -> String {
    format!("{name:<10} {value} ({})", why.describe())
}

fn on_off(value: bool) -> &'static str {
    if value { "on" } else { "off" }
}

/// Escape sequences with ESC and BEL spelled out.
fn visible(seq: &str) -> String {
    seq.replace('\x1b', "ESC").replace('\x07', "BEL")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::detect;

    fn report_for(vars: &'static [(&'static str, &'static str)], config: &str) -> Vec<String> {
        let detected = detect(&|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        });
        let config = Config::parse(config, Path::new("c.toml")).expect("config");
        let resolved = resolve(detected, Requested::default(), &config);
        report(
            &resolved,
            Some(Path::new("/home/a/.config/okur/config.toml")),
        )
    }

    #[test]
    fn vte_report_names_the_evidence_the_choice_and_the_bytes() {
        let lines = report_for(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7003")], "");
        let text = lines.join("\n");
        assert!(
            text.starts_with("terminal   vte (VTE_VERSION=7003); TERM=xterm-256color; local"),
            "{text}"
        );
        assert!(
            text.contains("bidi       app (okur's profile for vte)"),
            "{text}"
        );
        assert!(
            text.contains("at start   ESC[8lESC[?1049hESC[8lESC[?25l"),
            "{text}"
        );
        assert!(
            text.contains("at exit    ESC[?1049lESC[8hESC[?25h"),
            "{text}"
        );
        assert!(!text.contains("first run"), "{text}");
    }

    #[test]
    fn an_unknown_terminal_over_ssh_is_asked_about() {
        let lines = report_for(&[("TERM", "xterm-256color"), ("SSH_TTY", "/dev/pts/1")], "");
        let text = lines.join("\n");
        assert!(text.contains("over SSH"), "{text}");
        assert!(
            text.contains("default for an unrecognised terminal"),
            "{text}"
        );
        assert!(text.contains("\"term:xterm-256color\""), "{text}");
        assert!(text.contains("first run"), "{text}");
    }

    #[test]
    fn kitty_report_names_the_kitty_setting() {
        let text = report_for(&[("TERM", "xterm-kitty")], "").join("\n");
        assert!(text.contains("force_ltr"), "{text}");
    }

    #[test]
    fn the_config_and_the_flags_are_named_as_reasons() {
        let text = report_for(&[("TERM", "xterm-256color")], "bidi = \"terminal\"").join("\n");
        assert!(text.contains("bidi       terminal (config file)"), "{text}");
        assert!(!text.contains("first run"), "{text}");
        let args = DisplayArgs {
            bidi: Some(BidiChoice::Off),
            shape: Some(ShapeChoice::Auto),
        };
        assert_eq!(args.requested().bidi, Some(BidiMode::Off));
        assert_eq!(args.requested().shape, None);
    }
}
