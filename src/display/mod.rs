//! How okur's rows reach a real terminal. Terminals disagree about right-to-left text: some
//! reorder it again unless told not to (VTE), some ignore that request and always reorder
//! (Konsole, mlterm by default), some never join Arabic letters (xterm, alacritty, foot).
//! This module recognises the terminal from what it puts in the environment, picks who
//! reorders and whether okur shapes letters ([`DisplayMode`]), and writes the escape
//! sequences that set the terminal up and give it back ([`Handshake`]). Nothing here touches
//! a terminal: the byte sequences are returned, so they are unit-tested.

mod advice;
pub mod clipboard;
mod detect;
pub mod handshake;
mod memory;
mod profile;
pub mod query;
mod resolve;

pub use advice::{Advice, advice_here, terminal_advice};
pub use clipboard::{MAX_COPY_BYTES, osc52};
pub use detect::{Detected, TerminalKind, detect, detect_from_env, env_var};
pub use handshake::Handshake;
pub use memory::{RememberError, remember};
pub use profile::Profile;
pub use resolve::{Requested, Resolved, Why, resolve};

use crate::layout::BidiMode;

/// What okur draws for a terminal: who reorders right-to-left text, whether Arabic letters
/// are drawn as presentation forms, and whether italics may be used for suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisplayMode {
    /// Who reorders right-to-left text.
    pub bidi: BidiMode,
    /// Draw Arabic letters as presentation forms (for terminals that do not join them).
    pub shape: bool,
    /// Italics render legibly (some terminals show boxes or drop letters for italic Arabic).
    pub italics: bool,
    /// Harakat are drawn on their letter (Alacritty draws them one cell away: left out).
    pub harakat: bool,
}

impl DisplayMode {
    /// The next mode of the live cycle (the reader's display key): okur reorders, then the
    /// same shaped, then the terminal reorders, then that shaped, then back. `off` is left
    /// out: it is never what makes Arabic read right.
    pub fn cycled(self) -> DisplayMode {
        let (bidi, shape) = match (self.bidi, self.shape) {
            (BidiMode::App, false) => (BidiMode::App, true),
            (BidiMode::App, true) => (BidiMode::Terminal, false),
            (BidiMode::Terminal, false) => (BidiMode::Terminal, true),
            _ => (BidiMode::App, false),
        };
        DisplayMode {
            bidi,
            shape,
            ..self
        }
    }

    /// Short form for the status line: `bidi app, shape on`.
    pub fn short(&self) -> String {
        let shape = if self.shape { "on" } else { "off" };
        format!("bidi {}, shape {shape}", self.bidi.name())
    }

    /// One line for `okur doctor` and the help: who reorders, and shaping.
    pub fn describe(&self) -> String {
        let order = match self.bidi {
            BidiMode::App => "okur reorders (bidi app)",
            BidiMode::Terminal => "the terminal reorders (bidi terminal)",
            BidiMode::Off => "no reordering (bidi off)",
        };
        let shape = if self.shape {
            "okur joins letters (shape on)"
        } else {
            "the terminal joins letters (shape off)"
        };
        format!("{order}, {shape}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_four_modes_and_returns() {
        let start = DisplayMode {
            bidi: BidiMode::App,
            shape: false,
            italics: true,
            harakat: true,
        };
        let mut seen = vec![start];
        let mut mode = start;
        for _ in 0..4 {
            mode = mode.cycled();
            seen.push(mode);
        }
        assert_eq!(mode, start);
        let distinct: std::collections::HashSet<_> = seen.iter().collect();
        assert_eq!(distinct.len(), 4);
        assert!(seen.iter().all(|m| m.italics));
    }

    #[test]
    fn off_cycles_back_to_app() {
        let off = DisplayMode {
            bidi: BidiMode::Off,
            shape: true,
            italics: false,
            harakat: true,
        };
        assert_eq!(off.cycled().bidi, BidiMode::App);
        assert!(!off.cycled().shape);
    }
}
