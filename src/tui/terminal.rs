//! Terminal setup and restore, in one place: on quit, on panic, on SIGTERM/SIGHUP, on abort
//! (an allocation failure ends in `abort()`) and around Ctrl-Z. The escape sequences come
//! from [`Handshake`] (the core's `display` module, where their order is unit-tested); this
//! file only writes them, and remembers which handshake is in force so that every way out
//! gives back exactly what was taken.

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crossterm::terminal;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::display::Handshake;
use crate::display::handshake::{INPUT_OFF, MOUSE_ON, PASTE_ON};

/// The terminal type okur draws on.
pub type Term = Terminal<CrosstermBackend<std::io::Stdout>>;

/// [`ACTIVE`] when okur does not hold the terminal.
const NOT_HELD: u8 = u8::MAX;
/// The handshake in force ([`Handshake::bits`]), read by the panic hook, the watchdog and
/// the abort handler: they run outside the event loop and must give back what it took.
static ACTIVE: AtomicU8 = AtomicU8::new(NOT_HELD);
/// Whether mouse reports are asked for when the terminal is taken (config `mouse`).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Asks for mouse clicks and wheel from the next time the terminal is taken. Off, the
/// terminal's own selection works without Shift.
pub fn use_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}
/// The controlling terminal, opened once, for the abort handler (which may not allocate
/// or take locks, so it cannot use `stdout()`).
static TTY_FD: AtomicI32 = AtomicI32::new(-1);
/// The terminal's attributes before raw mode, for the abort handler.
static SAVED_TERMIOS: OnceLock<libc::termios> = OnceLock::new();

/// Takes over the terminal: raw mode, then the handshake (bidi mode before and after the
/// alternate screen, mlterm's switch, hidden cursor).
pub fn enter(handshake: &Handshake) -> std::io::Result<Term> {
    save_for_abort();
    terminal::enable_raw_mode()?;
    ACTIVE.store(handshake.bits(), Ordering::SeqCst);
    let mut out = stdout();
    out.write_all(handshake.enter().as_bytes())?;
    out.write_all(PASTE_ON.as_bytes())?;
    if MOUSE.load(Ordering::SeqCst) {
        out.write_all(MOUSE_ON.as_bytes())?;
    }
    out.flush()?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Gives the terminal back. Safe to call more than once and when the terminal is gone
/// (a dropped SSH link): errors are ignored because there is nobody left to tell.
pub fn leave() {
    restore(&mut stdout());
}

/// Drops a terminal after [`leave`] without its own restore: ratatui's `Drop` shows the
/// cursor and, when that write fails (the terminal hung up: a dropped SSH link), prints
/// to standard error with `eprintln!`, which panics when standard error is that same dead
/// terminal; the exit status then said 101 for a clean hang-up. [`leave`] has shown the
/// cursor already, so nothing is lost by not dropping it.
pub fn forget(term: Term) {
    std::mem::forget(term);
}

/// [`leave`] for a thread other than the UI thread, which may hold the lock on standard
/// output for good: writes to the controlling terminal instead (when there still is one).
pub fn leave_from_another_thread() {
    match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        Ok(mut tty) => restore(&mut tty),
        Err(_) => {
            let _ = terminal::disable_raw_mode();
        }
    }
}

fn restore(out: &mut impl Write) {
    let held = ACTIVE.swap(NOT_HELD, Ordering::SeqCst);
    if held != NOT_HELD {
        let _ = out.write_all(INPUT_OFF.as_bytes());
        let _ = out.write_all(Handshake::from_bits(held).leave().as_bytes());
    }
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// The thread that draws: a panic there ends the reader.
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();
/// Panic messages of background threads, printed after the reader gives the terminal back.
static DEFERRED_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Restores the terminal before the default panic message is printed, when the panic is on
/// the UI thread (the caller's). A background thread's panic (extraction, search) leaves the
/// terminal to the reader, which goes on and says what failed; its message is kept for
/// [`print_deferred_panics`] instead of being printed over the screen.
pub fn install_panic_hook() {
    let _ = UI_THREAD.set(std::thread::current().id());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_ui = UI_THREAD.get() == Some(&std::thread::current().id());
        if !on_ui && ACTIVE.load(Ordering::SeqCst) != NOT_HELD {
            let name = std::thread::current()
                .name()
                .unwrap_or("background")
                .to_string();
            if let Ok(mut kept) = DEFERRED_PANICS.lock() {
                kept.push(format!("okur: {name} thread panicked: {info}"));
            }
            return;
        }
        leave();
        previous(info);
    }));
}

/// Prints the background panics kept while the reader held the terminal.
pub fn print_deferred_panics() {
    use std::io::Write as _;
    let kept = DEFERRED_PANICS
        .lock()
        .map(|mut k| std::mem::take(&mut *k))
        .unwrap_or_default();
    let mut err = std::io::stderr();
    for line in kept {
        let _ = writeln!(err, "{line}");
    }
}

/// Restores the terminal when okur aborts (an allocation failure, or SIGABRT): the handler
/// writes the static leave sequence and the saved attributes with plain system calls, then
/// `abort()` goes on to end the process.
pub fn install_abort_handler() -> std::io::Result<()> {
    // SAFETY: `on_abort` only loads atomics, reads a OnceLock that was set before, and
    // calls write(2) and tcsetattr(3), which are async-signal-safe.
    unsafe { signal_hook::low_level::register(signal_hook::consts::SIGABRT, on_abort) }?;
    Ok(())
}

fn on_abort() {
    let held = ACTIVE.swap(NOT_HELD, Ordering::SeqCst);
    let fd = TTY_FD.load(Ordering::SeqCst);
    if held == NOT_HELD || fd < 0 {
        return;
    }
    for bytes in [INPUT_OFF, Handshake::from_bits(held).leave()].map(str::as_bytes) {
        // SAFETY: fd is the open controlling terminal; the buffer is a static string.
        let _ = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    }
    if let Some(saved) = SAVED_TERMIOS.get() {
        // SAFETY: restores attributes read from the same descriptor by tcgetattr.
        let _ = unsafe { libc::tcsetattr(fd, libc::TCSANOW, saved) };
    }
    // A SIGABRT sent with kill(1) would otherwise return here and leave okur running
    // without its terminal; abort() ends the process as the signal's default action would
    // (inside abort() itself this is the expected second step).
    signal_hook::low_level::abort();
}

/// Opens the controlling terminal once and saves its attributes before raw mode, for
/// [`on_abort`]. Without a controlling terminal there is nothing to restore.
fn save_for_abort() {
    if TTY_FD.load(Ordering::SeqCst) >= 0 {
        return;
    }
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return;
    };
    let fd = std::os::fd::IntoRawFd::into_raw_fd(tty);
    // SAFETY: termios is plain data; tcgetattr fills it for an open descriptor.
    let mut attrs: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut attrs) } == 0 {
        let _ = SAVED_TERMIOS.set(attrs);
    }
    TTY_FD.store(fd, Ordering::SeqCst);
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT; the event loop checks it and exits cleanly.
/// (In raw mode Ctrl-C is a key, so SIGINT comes from `kill -INT` or a supervisor: left
/// to its default action it would end okur with the terminal still raw and the
/// alternate screen on.)
pub fn termination_flag() -> std::io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Ctrl-Z: give the terminal back, stop, and take it again when resumed (the whole
/// handshake again: the shell may have reset the bidi mode meanwhile).
pub fn suspend(term: &mut Term, handshake: &Handshake) -> std::io::Result<()> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    forget(std::mem::replace(term, enter(handshake)?));
    clear_screen(term)
}

/// Switches the handshake while running (the display key): the terminal is given back and
/// taken again under the new handshake, so that its rows are created anew in the new bidi
/// mode (VTE keeps each row's mode from its creation).
pub fn retune(term: &mut Term, new: &Handshake) -> std::io::Result<()> {
    leave();
    forget(std::mem::replace(term, enter(new)?));
    clear_screen(term)
}

/// Clears the screen of a terminal just taken again: its buffers are new, so the next
/// draw paints every cell. Not ratatui's `Terminal::clear`, which first asks the terminal
/// where its cursor is (`ESC [ 6 n`) and reads the answer through crossterm's event
/// reader: okur's input thread reads the terminal, so the answer never reached it, and a
/// terminal that does not answer held the reader two seconds and then ended it.
fn clear_screen(term: &mut Term) -> std::io::Result<()> {
    crossterm::execute!(
        term.backend_mut(),
        terminal::Clear(terminal::ClearType::All)
    )
}

/// Written after a resize, for terminals that set the bidi mode per row.
pub fn after_resize(handshake: &Handshake) -> std::io::Result<()> {
    let mut out = stdout();
    out.write_all(handshake.after_resize().as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_background_panic_leaves_the_terminal_held_and_its_message_kept() {
        install_panic_hook();
        // Pretend the reader holds the terminal; nothing is written to it by this test.
        ACTIVE.store(Handshake::default().bits(), Ordering::SeqCst);
        let worker = std::thread::Builder::new()
            .name("extraction".to_string())
            .spawn(|| panic!("bad document"))
            .expect("thread starts");
        assert!(worker.join().is_err());
        let still_held = ACTIVE.swap(NOT_HELD, Ordering::SeqCst) != NOT_HELD;
        let kept = DEFERRED_PANICS
            .lock()
            .map(|mut k| std::mem::take(&mut *k))
            .expect("lock");
        assert!(still_held, "the worker's panic gave the terminal back");
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(kept[0].contains("extraction thread panicked"), "{kept:?}");
        assert!(kept[0].contains("bad document"), "{kept:?}");
    }
}
