//! The reader's side of the display mode: the handshake in force, a new mode chosen with
//! the display key (remembered for this terminal in the config file), and the retune the
//! event loop carries out.

use std::path::PathBuf;

use crate::config::Config;
use crate::display::{DisplayMode, Handshake, Requested, Resolved, remember, resolve};

/// The display settings of a running reader.
#[derive(Debug)]
pub struct DisplayControl {
    resolved: Resolved,
    /// Where choices are remembered (`None`: nowhere, as in tests).
    config_path: Option<PathBuf>,
    /// A handshake the event loop has yet to switch the terminal to.
    pending: Option<Handshake>,
    /// The terminal's answers still to come, read after the first frame.
    late: Option<LateAnswer>,
}

/// A probe whose answers had not come by the first frame, and what resolving the mode
/// again takes.
#[derive(Debug)]
pub struct LateAnswer {
    /// The probe, to release before the reader's raw mode and read after the first frame.
    pub probe: super::probe::Probe,
    requested: Requested,
    config: Config,
}

impl LateAnswer {
    /// Reads the answers still to come; the mode resolved for the terminal they name, when
    /// they name one.
    pub fn resolve(self) -> Option<Resolved> {
        let (requested, config) = (self.requested, self.config);
        let detected = self.probe.late_answer()?;
        Some(resolve(detected, requested, &config))
    }
}

impl DisplayControl {
    /// Control over a resolved mode; choices are remembered in `config_path` if given.
    pub fn new(resolved: Resolved, config_path: Option<PathBuf>) -> DisplayControl {
        DisplayControl {
            resolved,
            config_path,
            pending: None,
            late: None,
        }
    }

    /// The first frame is drawn before `probe` has its answers: they are taken after it
    /// (see [`DisplayControl::take_late`]), the mode resolved again as `requested` and
    /// `config` say.
    pub fn answer_later(
        &mut self,
        probe: super::probe::Probe,
        requested: Requested,
        config: Config,
    ) {
        self.late = Some(LateAnswer {
            probe,
            requested,
            config,
        });
    }

    /// The answers still to come, once.
    pub fn take_late(&mut self) -> Option<LateAnswer> {
        self.late.take()
    }

    /// Takes a resolution made from a late answer: nothing is remembered (nobody chose).
    pub fn adopt(&mut self, resolved: Resolved) {
        self.resolved = resolved;
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
