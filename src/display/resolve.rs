//! Which display mode okur uses, and why: the command line (or `OKUR_BIDI`/`OKUR_SHAPE`)
//! first, then a choice remembered for this terminal, then the config file, then the
//! terminal's profile. An unknown terminal with none of these is asked about once.

use super::detect::Detected;
use super::handshake::Handshake;
use super::profile::Profile;
use super::{DisplayMode, TerminalKind};
use crate::config::Config;
use crate::layout::BidiMode;

/// Settings fixed on the command line or in the environment (`None`: not given, or `auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Requested {
    /// `--bidi`.
    pub bidi: Option<BidiMode>,
    /// `--shape`.
    pub shape: Option<bool>,
}

/// Where one setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// `--bidi`/`--shape` or `OKUR_BIDI`/`OKUR_SHAPE`.
    Flag,
    /// The config's `[terminals]` entry with this key.
    Remembered(String),
    /// The config's top-level setting.
    Config,
    /// The recognised terminal's profile.
    Profile(TerminalKind),
    /// Nothing: the default for a terminal okur does not know.
    Fallback,
}

impl Why {
    /// Words for `okur doctor`.
    pub fn describe(&self) -> String {
        match self {
            Why::Flag => "command line or OKUR_BIDI/OKUR_SHAPE".to_string(),
            Why::Remembered(key) => format!("remembered for {key} in the config's [terminals]"),
            Why::Config => "config file".to_string(),
            Why::Profile(kind) => format!("okur's profile for {}", kind.name()),
            Why::Fallback => "default for an unrecognised terminal".to_string(),
        }
    }
}

/// The display mode okur will use, with the reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// What detection found.
    pub detected: Detected,
    /// The terminal's profile, if it has one.
    pub profile: Option<Profile>,
    /// The mode.
    pub mode: DisplayMode,
    /// Where `mode.bidi` came from.
    pub bidi_why: Why,
    /// Where `mode.shape` came from.
    pub shape_why: Why,
    /// Where `mode.italics` came from.
    pub italics_why: Why,
    /// Where `mode.harakat` came from.
    pub harakat_why: Why,
    /// Nothing says how to draw on this terminal: the reader shows its first-run check.
    pub ask: bool,
}

impl Resolved {
    /// The escape sequences for the resolved mode on this terminal.
    pub fn handshake(&self) -> Handshake {
        Handshake::new(self.mode, self.profile.as_ref())
    }

    /// The same resolution with another mode (the reader's display key).
    pub fn with_mode(&self, mode: DisplayMode) -> Resolved {
        Resolved {
            mode,
            ask: false,
            ..self.clone()
        }
    }
}

/// Resolves the display mode for a detected terminal.
pub fn resolve(detected: Detected, requested: Requested, config: &Config) -> Resolved {
    let profile = detected.kind.profile();
    let key = detected.memory_key();
    let remembered = config.terminals.get(&key);
    let from_profile = profile.map(|p| (p.mode, Why::Profile(detected.kind)));
    let (fallback, fallback_why) = from_profile.unwrap_or((
        DisplayMode {
            bidi: BidiMode::App,
            shape: false,
            italics: false,
            harakat: true,
        },
        Why::Fallback,
    ));
    let (bidi, bidi_why) = first(
        [
            requested.bidi.map(|v| (v, Why::Flag)),
            remembered.map(|r| (r.bidi, Why::Remembered(key.clone()))),
            config.bidi.fixed().map(|v| (v, Why::Config)),
        ],
        (fallback.bidi, fallback_why.clone()),
    );
    let (shape, shape_why) = first(
        [
            requested.shape.map(|v| (v, Why::Flag)),
            remembered.map(|r| (r.shape, Why::Remembered(key.clone()))),
            config.shape.fixed().map(|v| (v, Why::Config)),
        ],
        (fallback.shape, fallback_why.clone()),
    );
    let (italics, italics_why) = first(
        [None, None, config.italics.fixed().map(|v| (v, Why::Config))],
        (fallback.italics, fallback_why.clone()),
    );
    let (harakat, harakat_why) = first(
        [None, None, config.harakat.fixed().map(|v| (v, Why::Config))],
        (fallback.harakat, fallback_why),
    );
    let ask = !detected.is_known() && bidi_why == Why::Fallback;
    Resolved {
        detected,
        profile,
        mode: DisplayMode {
            bidi,
            shape,
            italics,
            harakat,
        },
        bidi_why,
        shape_why,
        italics_why,
        harakat_why,
        ask,
    }
}

/// The first candidate given, else the default.
fn first<T>(candidates: [Option<(T, Why)>; 3], default: (T, Why)) -> (T, Why) {
    candidates.into_iter().flatten().next().unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::detect;
    use std::path::Path;

    fn detected(vars: &'static [(&'static str, &'static str)]) -> Detected {
        detect(&|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("t.toml")).expect("config")
    }

    const VTE: &[(&str, &str)] = &[("TERM", "xterm-256color"), ("VTE_VERSION", "7003")];
    const SSH: &[(&str, &str)] = &[("TERM", "xterm-256color"), ("SSH_TTY", "/dev/pts/3")];

    #[test]
    fn a_recognised_terminal_gets_its_profile_without_asking() {
        let r = resolve(detected(VTE), Requested::default(), &Config::default());
        assert_eq!(r.mode.bidi, BidiMode::App);
        assert!(!r.mode.shape && !r.ask);
        assert_eq!(r.bidi_why, Why::Profile(TerminalKind::Vte));
        assert!(r.handshake().explicit_bidi);
    }

    #[test]
    fn an_unknown_terminal_is_asked_about_unless_something_says() {
        let r = resolve(detected(SSH), Requested::default(), &Config::default());
        assert!(r.ask);
        assert_eq!(r.bidi_why, Why::Fallback);
        let flagged = Requested {
            bidi: Some(BidiMode::Terminal),
            shape: None,
        };
        assert!(!resolve(detected(SSH), flagged, &Config::default()).ask);
        assert!(
            !resolve(
                detected(SSH),
                Requested::default(),
                &config("bidi = \"app\"")
            )
            .ask
        );
    }

    #[test]
    fn flag_beats_memory_beats_config_beats_profile() {
        let remembered = "bidi = \"off\"\nshape = false\n[terminals]\nvte = { bidi = \"terminal\", shape = true }\n";
        let r = resolve(detected(VTE), Requested::default(), &config(remembered));
        assert_eq!((r.mode.bidi, r.mode.shape), (BidiMode::Terminal, true));
        assert_eq!(r.bidi_why, Why::Remembered("vte".to_string()));
        let flag = Requested {
            bidi: Some(BidiMode::App),
            shape: None,
        };
        let r = resolve(detected(VTE), flag, &config(remembered));
        assert_eq!((r.mode.bidi, r.bidi_why), (BidiMode::App, Why::Flag));
        assert_eq!(r.shape_why, Why::Remembered("vte".to_string()));
        let r = resolve(
            detected(VTE),
            Requested::default(),
            &config("bidi = \"off\""),
        );
        assert_eq!((r.mode.bidi, r.bidi_why), (BidiMode::Off, Why::Config));
    }

    #[test]
    fn a_choice_for_one_unknown_terminal_type_stays_with_it() {
        let text =
            "[terminals]\n\"term:xterm-256color\" = { bidi = \"terminal\", shape = false }\n";
        let r = resolve(detected(SSH), Requested::default(), &config(text));
        assert_eq!(r.mode.bidi, BidiMode::Terminal);
        assert!(!r.ask);
        const SCREEN: &[(&str, &str)] = &[("TERM", "screen-256color"), ("STY", "1.pts")];
        assert!(resolve(detected(SCREEN), Requested::default(), &config(text)).ask);
    }
}
