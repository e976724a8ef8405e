//! Ends okur when its terminal is gone and the event loop cannot notice.
//!
//! A dropped SSH link hangs the terminal up: writes fail and reads return end-of-file at
//! once. crossterm's event reader retries such a read forever, so the UI thread never comes
//! back to look at the SIGHUP flag (and when a surviving shell keeps the signal to itself,
//! there is no flag to look at). This thread watches from outside: when the terminal is
//! hung up, or a SIGTERM/SIGHUP has gone unanswered for [`GRACE`], it gives the terminal
//! back and exits with status 0. Every change was fsync'd before the UI called it saved,
//! so nothing is lost by not unwinding.
//!
//! The journal's lock is given up as soon as termination is asked for, not at exit: an okur
//! started again right after a hang-up then finds the journal free and can write.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::store::Release;

/// How often the terminal and the flag are looked at.
const EVERY: Duration = Duration::from_millis(100);
/// How long the event loop has to end by itself once termination is asked for.
const GRACE: Duration = Duration::from_secs(1);

/// The watching thread; dropping it stops the watch (the loop ended by itself).
#[derive(Debug)]
pub struct Watchdog {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// True when standard output was a terminal and no longer is one: a hung-up terminal
/// answers every terminal query with an error.
pub fn terminal_gone() -> bool {
    !std::io::stdout().is_terminal()
}

impl Watchdog {
    /// Starts watching `stop` (raised by SIGTERM/SIGHUP) and the terminal. Raises `stop`
    /// itself when the terminal hangs up, so a loop that is still turning ends normally.
    /// Once `stop` is up, `release` gives up the journal's lock.
    pub fn start(stop: Arc<AtomicBool>, release: Option<Release>) -> Watchdog {
        let done = Arc::new(AtomicBool::new(false));
        let finished = Arc::clone(&done);
        let had_terminal = std::io::stdout().is_terminal();
        let thread = std::thread::spawn(move || {
            watch(&stop, &finished, had_terminal, release.as_ref());
        });
        Watchdog {
            done,
            thread: Some(thread),
        }
    }
}

fn watch(stop: &AtomicBool, done: &AtomicBool, had_terminal: bool, release: Option<&Release>) {
    let mut asked: Option<Instant> = None;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(EVERY);
        if had_terminal && terminal_gone() {
            stop.store(true, Ordering::Relaxed);
        }
        if !stop.load(Ordering::Relaxed) {
            continue;
        }
        if asked.is_none()
            && let Some(release) = release
        {
            // Waits for a write in progress; every later change is refused, and the loop
            // is ending anyway.
            release.release();
        }
        let since = *asked.get_or_insert_with(Instant::now);
        if since.elapsed() >= GRACE && !done.load(Ordering::Relaxed) {
            super::terminal::leave_from_another_thread();
            std::process::exit(0);
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
