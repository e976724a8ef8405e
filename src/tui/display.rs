//! The reader's side of the display mode: the handshake in force, a new mode chosen with
//! the display key (remembered for this terminal in the config file), and the retune the
//! event loop carries out.

use std::path::PathBuf;

use crate::display::{DisplayMode, Handshake, Resolved, remember};

/// The display settings of a running reader.
#[derive(Debug)]
pub struct DisplayControl {
    resolved: Resolved,
    /// Where choices are remembered (`None`: nowhere, as in tests).
    config_path: Option<PathBuf>,
    /// A handshake the event loop has yet to switch the terminal to.
    pending: Option<Handshake>,
}

impl DisplayControl {
    /// Control over a resolved mode; choices are remembered in `config_path` if given.
    pub fn new(resolved: Resolved, config_path: Option<PathBuf>) -> DisplayControl {
        DisplayControl {
            resolved,
            config_path,
            pending: None,
        }
    }

    /// True when nothing says how to draw on this terminal: the reader asks first.
    pub fn needs_check(&self) -> bool {
        self.resolved.ask
    }

    /// `TERM` as received, for the check's words.
    pub fn term_name(&self) -> String {
        self.resolved.detected.term.clone()
    }

    /// The handshake for the mode in force.
    pub fn handshake(&self) -> Handshake {
        self.resolved.handshake()
    }

    /// Takes a newly chosen mode: the terminal is to be retuned, and the choice remembered
    /// for this terminal. Returns what the status line adds (where it was remembered, or
    /// why it could not be).
    pub fn change(&mut self, mode: DisplayMode) -> String {
        self.resolved = self.resolved.with_mode(mode);
        self.pending = Some(self.resolved.handshake());
        self.remember(mode)
    }

    /// Remembers `mode` for this terminal; says where, or why not.
    fn remember(&self, mode: DisplayMode) -> String {
        let key = self.resolved.detected.memory_key();
        match &self.config_path {
            None => String::new(),
            Some(path) => match remember(path, &key, &mode) {
                Ok(()) => format!(" · remembered for {key}"),
                Err(err) => format!(" · {err}"),
            },
        }
    }

    /// The handshake the terminal must switch to, once.
    pub fn take_retune(&mut self) -> Option<Handshake> {
        self.pending.take()
    }
}
