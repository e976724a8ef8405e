//! The escape sequences okur writes when it takes the terminal and when it gives it back.
//!
//! `CSI 8 l` (ECMA-48 BDSM reset, "explicit mode") tells a bidi-aware terminal that the
//! application has reordered already. VTE stores the mode per row, taking it from the
//! terminal's current mode when a row is created; so it must be sent BEFORE the alternate
//! screen is entered (whose rows are created then), and again after it for terminals that
//! apply it to the cursor's row. `CSI 8 h` gives implicit mode back on every way out.

use super::DisplayMode;
use super::profile::Profile;
use crate::layout::BidiMode;

/// BDSM reset: explicit mode, the terminal must not reorder.
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM set: the terminal's implicit mode (it reorders), the default.
pub const BIDI_IMPLICIT: &str = "\x1b[8h";
/// mlterm's own switch: no complex text layout (no reordering) while okur runs.
pub const MLTERM_CTL_OFF: &str = "\x1b]5379;use_ctl=false\x07";
/// mlterm's default back.
pub const MLTERM_CTL_ON: &str = "\x1b]5379;use_ctl=true\x07";
/// Enter the alternate screen (xterm's 1049: saves the cursor, clears).
pub const ALTERNATE_SCREEN: &str = "\x1b[?1049h";
/// Leave the alternate screen.
pub const MAIN_SCREEN: &str = "\x1b[?1049l";
/// Hide the cursor (okur draws its own caret).
pub const HIDE_CURSOR: &str = "\x1b[?25l";
/// Show the cursor.
pub const SHOW_CURSOR: &str = "\x1b[?25h";

/// Bracketed paste on (a paste arrives as one event, never run as keys).
pub const PASTE_ON: &str = "\x1b[?2004h";
/// Mouse clicks and wheel reported (button events, SGR coordinates for wide screens).
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
/// Mouse reports and bracketed paste off: written on every way out, whether or not they
/// were turned on (turning off what is off does nothing).
pub const INPUT_OFF: &str = "\x1b[?1006l\x1b[?1000l\x1b[?2004l";

/// Which of the optional sequences okur sends for the current display mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Handshake {
    /// Send `CSI 8 l` on entry (okur reorders) and `CSI 8 h` on exit.
    pub explicit_bidi: bool,
    /// Send mlterm's `use_ctl=false` on entry and `use_ctl=true` on exit.
    pub mlterm_ctl_off: bool,
}

impl Handshake {
    /// The handshake for a mode on a terminal with `profile` (none: unknown terminal).
    /// Only `bidi app` asks the terminal not to reorder; `terminal` wants it to, and `off`
    /// leaves the terminal as it is.
    pub fn new(mode: DisplayMode, profile: Option<&Profile>) -> Handshake {
        let app = mode.bidi == BidiMode::App;
        Handshake {
            explicit_bidi: app,
            mlterm_ctl_off: app && profile.is_some_and(|p| p.mlterm_ctl_off),
        }
    }

    /// Written when okur takes the terminal (start, and resume after Ctrl-Z): the bidi
    /// mode before and after the alternate screen, then the cursor hidden. Static strings,
    /// so that the abort handler can write them without allocating.
    pub fn enter(&self) -> &'static str {
        match (self.explicit_bidi, self.mlterm_ctl_off) {
            (true, true) => "\x1b]5379;use_ctl=false\x07\x1b[8l\x1b[?1049h\x1b[8l\x1b[?25l",
            (true, false) => "\x1b[8l\x1b[?1049h\x1b[8l\x1b[?25l",
            (false, true) => "\x1b]5379;use_ctl=false\x07\x1b[?1049h\x1b[?25l",
            (false, false) => "\x1b[?1049h\x1b[?25l",
        }
    }

    /// Written when okur gives the terminal back (quit, suspend, panic, signal, abort): the
    /// main screen, the terminal's own bidi mode, mlterm's switch, the cursor.
    pub fn leave(&self) -> &'static str {
        match (self.explicit_bidi, self.mlterm_ctl_off) {
            (true, true) => "\x1b[?1049l\x1b[8h\x1b]5379;use_ctl=true\x07\x1b[?25h",
            (true, false) => "\x1b[?1049l\x1b[8h\x1b[?25h",
            (false, true) => "\x1b[?1049l\x1b]5379;use_ctl=true\x07\x1b[?25h",
            (false, false) => "\x1b[?1049l\x1b[?25h",
        }
    }

    /// The handshake as one small number, for a process-wide atomic that signal handlers
    /// and the panic hook read ([`Handshake::from_bits`] undoes it).
    pub fn bits(&self) -> u8 {
        u8::from(self.explicit_bidi) | (u8::from(self.mlterm_ctl_off) << 1)
    }

    /// The handshake [`Handshake::bits`] made.
    pub fn from_bits(bits: u8) -> Handshake {
        Handshake {
            explicit_bidi: bits & 1 != 0,
            mlterm_ctl_off: bits & 2 != 0,
        }
    }

    /// Written after the window is resized: rows a terminal adds keep the mode they are
    /// created with, and some terminals apply the mode to the cursor's row only.
    pub fn after_resize(&self) -> &'static str {
        if self.explicit_bidi {
            BIDI_EXPLICIT
        } else {
            ""
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::TerminalKind;

    fn mode(bidi: BidiMode) -> DisplayMode {
        DisplayMode {
            bidi,
            shape: false,
            italics: true,
            harakat: true,
        }
    }

    #[test]
    fn explicit_mode_is_set_before_the_alternate_screen_and_again_after() {
        let h = Handshake::new(mode(BidiMode::App), TerminalKind::Vte.profile().as_ref());
        assert_eq!(h.enter(), "\x1b[8l\x1b[?1049h\x1b[8l\x1b[?25l");
        assert_eq!(h.leave(), "\x1b[?1049l\x1b[8h\x1b[?25h");
        assert_eq!(h.after_resize(), "\x1b[8l");
    }

    #[test]
    fn mlterm_is_switched_off_first_and_back_on_last() {
        let h = Handshake::new(mode(BidiMode::App), TerminalKind::Mlterm.profile().as_ref());
        let enter = h.enter();
        assert!(enter.starts_with(MLTERM_CTL_OFF), "{enter:?}");
        assert!(enter.find(BIDI_EXPLICIT) < enter.find(ALTERNATE_SCREEN));
        let leave = h.leave();
        assert!(
            leave.ends_with(&format!("{MLTERM_CTL_ON}{SHOW_CURSOR}")),
            "{leave:?}"
        );
    }

    #[test]
    fn terminal_and_off_modes_leave_the_bidi_mode_alone() {
        for bidi in [BidiMode::Terminal, BidiMode::Off] {
            let h = Handshake::new(mode(bidi), TerminalKind::Mlterm.profile().as_ref());
            assert_eq!(h.enter(), "\x1b[?1049h\x1b[?25l");
            assert_eq!(h.leave(), "\x1b[?1049l\x1b[?25h");
            assert_eq!(h.after_resize(), "");
        }
    }

    #[test]
    fn every_variant_is_built_from_the_named_sequences() {
        for bits in 0..4 {
            let h = Handshake::from_bits(bits);
            assert_eq!(h.bits(), bits);
            let mut enter = String::new();
            let mut leave = String::from(MAIN_SCREEN);
            if h.mlterm_ctl_off {
                enter.push_str(MLTERM_CTL_OFF);
            }
            if h.explicit_bidi {
                enter.push_str(BIDI_EXPLICIT);
            }
            enter.push_str(ALTERNATE_SCREEN);
            if h.explicit_bidi {
                enter.push_str(BIDI_EXPLICIT);
                leave.push_str(BIDI_IMPLICIT);
            }
            if h.mlterm_ctl_off {
                leave.push_str(MLTERM_CTL_ON);
            }
            enter.push_str(HIDE_CURSOR);
            leave.push_str(SHOW_CURSOR);
            assert_eq!(
                (h.enter(), h.leave()),
                (enter.as_str(), leave.as_str()),
                "{bits}"
            );
        }
    }

    #[test]
    fn unknown_terminals_get_the_standard_handshake_only() {
        let h = Handshake::new(mode(BidiMode::App), None);
        assert!(h.explicit_bidi && !h.mlterm_ctl_off);
    }
}
