//! Terminal setup and restore, in one place: on quit, on panic, on SIGTERM/SIGHUP and around
//! Ctrl-Z. okur tells the terminal not to reorder bidi text itself (`CSI 8 l`, explicit
//! mode) while it runs, and gives implicit mode back (`CSI 8 h`) whenever it lets go.

use std::io::{Write, stdout};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// ECMA-48 BDSM reset: "explicit" bidi mode; the terminal must not reorder.
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM set: back to the terminal's implicit bidi mode.
const BIDI_IMPLICIT: &str = "\x1b[8h";

/// The terminal type okur draws on.
pub type Term = Terminal<CrosstermBackend<std::io::Stdout>>;

/// Takes over the terminal: raw mode, alternate screen, hidden cursor, explicit bidi mode.
pub fn enter(bidi_handshake: bool) -> std::io::Result<Term> {
    terminal::enable_raw_mode()?;
    let mut out = stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    if bidi_handshake {
        out.write_all(BIDI_EXPLICIT.as_bytes())?;
        out.flush()?;
    }
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Gives the terminal back. Safe to call more than once and when the terminal is gone
/// (a dropped SSH link): errors are ignored because there is nobody left to tell.
pub fn leave(bidi_handshake: bool) {
    restore(&mut stdout(), bidi_handshake);
}

/// [`leave`] for a thread other than the UI thread, which may hold the lock on standard
/// output for good: writes to the controlling terminal instead (when there still is one).
pub fn leave_from_another_thread(bidi_handshake: bool) {
    match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        Ok(mut tty) => restore(&mut tty, bidi_handshake),
        Err(_) => {
            let _ = terminal::disable_raw_mode();
        }
    }
}

fn restore(out: &mut impl Write, bidi_handshake: bool) {
    if bidi_handshake {
        let _ = out.write_all(BIDI_IMPLICIT.as_bytes());
    }
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal before the default panic message is printed.
pub fn install_panic_hook(bidi_handshake: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave(bidi_handshake);
        previous(info);
    }));
}

/// A flag raised by SIGTERM or SIGHUP; the event loop checks it and exits cleanly.
pub fn termination_flag() -> std::io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Ctrl-Z: give the terminal back, stop, and take it again when resumed.
pub fn suspend(term: &mut Term, bidi_handshake: bool) -> std::io::Result<()> {
    leave(bidi_handshake);
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    *term = enter(bidi_handshake)?;
    term.clear()
}
