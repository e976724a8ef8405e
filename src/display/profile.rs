//! What okur draws for each terminal family, and why. Each profile comes from screenshots
//! of the real emulator under Xvfb (README, "Terminals"), except where `tested` is false.

use super::DisplayMode;
use super::detect::TerminalKind;
use crate::layout::BidiMode;

/// okur's settings for one terminal family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Who reorders, shaping, italics.
    pub mode: DisplayMode,
    /// Send mlterm's own switch (`OSC 5379 ; use_ctl=false`) so it stops reordering, and
    /// switch it back on exit.
    pub mlterm_ctl_off: bool,
    /// What the user sees with this profile, or what they must change in the terminal.
    pub note: &'static str,
    /// Seen in the real emulator (false: chosen from the terminal's documentation).
    pub tested: bool,
}

const fn mode(bidi: BidiMode, shape: bool, italics: bool) -> DisplayMode {
    DisplayMode {
        bidi,
        shape,
        italics,
        harakat: true,
    }
}

/// A mode without harakat, for terminals that draw them away from their letter.
const fn without_harakat(mode: DisplayMode) -> DisplayMode {
    DisplayMode {
        harakat: false,
        ..mode
    }
}

const fn profile(mode: DisplayMode, note: &'static str, tested: bool) -> Profile {
    Profile {
        mode,
        mlterm_ctl_off: false,
        note,
        tested,
    }
}

impl TerminalKind {
    /// The profile for this family; `None` where the terminal must be asked about
    /// (unknown terminals, and multiplexers whose outer terminal is unknown).
    pub fn profile(self) -> Option<Profile> {
        use BidiMode::{App, Terminal};
        let p = match self {
            TerminalKind::Vte => profile(
                mode(App, false, true),
                "VTE keeps okur's order once told before the alternate screen, and joins letters itself",
                true,
            ),
            TerminalKind::Konsole => profile(
                mode(Terminal, false, false),
                "Konsole reorders every row itself and ignores CSI 8 l: okur sends logical order; no italics (Konsole deforms italic Arabic)",
                true,
            ),
            TerminalKind::Kitty => profile(
                mode(App, false, true),
                "kitty spells each Arabic word backwards unless `force_ltr yes` is in kitty.conf; with it, kitty shows okur's order, joined",
                true,
            ),
            TerminalKind::Alacritty => profile(
                without_harakat(mode(App, true, true)),
                "Alacritty does not join letters and draws each haraka one cell to the right (on the wrong letter): okur draws presentation forms and leaves harakat out",
                true,
            ),
            TerminalKind::Foot => profile(
                mode(App, true, true),
                "foot does not join letters and hides letters carrying harakat unless shaped: okur draws presentation forms",
                true,
            ),
            TerminalKind::Xterm => profile(
                mode(App, true, true),
                "XTerm never reorders and does not join letters: okur draws presentation forms",
                true,
            ),
            TerminalKind::Mlterm => Profile {
                mlterm_ctl_off: true,
                ..profile(
                    mode(App, true, false),
                    "mlterm's own reordering is switched off (use_ctl=false) while okur runs; okur draws presentation forms; no italics (mlterm shows boxes)",
                    true,
                )
            },
            TerminalKind::WezTerm => profile(
                mode(App, false, true),
                "WezTerm does not reorder unless bidi_enabled is set, and shapes letters itself",
                false,
            ),
            TerminalKind::Iterm2 => profile(
                mode(App, false, true),
                "iTerm2 joins letters; if rows read backwards, turn off its bidi setting or press the display key",
                false,
            ),
            TerminalKind::AppleTerminal => profile(
                mode(Terminal, false, true),
                "Terminal.app reorders by itself: okur sends logical order",
                false,
            ),
            TerminalKind::LinuxConsole => profile(
                mode(App, true, false),
                "the Linux console has no Arabic font unless one is loaded; okur draws presentation forms",
                false,
            ),
            TerminalKind::Multiplexer | TerminalKind::Unknown => return None,
        };
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_terminals_have_profiles_and_unknown_ones_are_asked() {
        assert!(TerminalKind::Unknown.profile().is_none());
        assert!(TerminalKind::Multiplexer.profile().is_none());
        let vte = TerminalKind::Vte.profile().expect("vte");
        assert_eq!(vte.mode.bidi, BidiMode::App);
        assert!(!vte.mode.shape);
        let konsole = TerminalKind::Konsole.profile().expect("konsole");
        assert_eq!(konsole.mode.bidi, BidiMode::Terminal);
        assert!(!konsole.mode.italics);
        let mlterm = TerminalKind::Mlterm.profile().expect("mlterm");
        assert!(mlterm.mlterm_ctl_off && mlterm.mode.shape && !mlterm.mode.italics);
        assert!(TerminalKind::Xterm.profile().expect("xterm").mode.shape);
        let alacritty = TerminalKind::Alacritty.profile().expect("alacritty");
        assert!(alacritty.mode.shape && !alacritty.mode.harakat);
    }
}
