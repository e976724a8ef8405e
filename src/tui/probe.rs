//! Asking the terminal who it is when the environment does not say (see the core's
//! `display::query`): the queries are written to the controlling terminal in raw mode and
//! the answers read until the last one arrives or a deadline passes. This runs before the
//! reader reads keys, so no answer is taken for a key.
//!
//! The reader does not let a silent terminal hold up its first frame: it waits
//! [`FIRST_FRAME_WAIT`] at most, draws with what the environment says, and then takes an
//! answer that comes later (until [`DEADLINE`]) before it reads the first key. Keys typed
//! meanwhile are not lost: what the terminal sent is split into its answers and the rest
//! (`input_filter::split_answers`), and the rest is handed to the reader's input thread,
//! which reads it first.

use std::fs::File;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use super::input_filter::split_answers;
use super::input_reader::keep_typed;
use crate::display::query::{QUERIES, answers_complete, refine};
use crate::display::{Detected, TerminalKind, detect_from_env};

/// How long to wait for the answers: one round trip over SSH, with room to spare. Every
/// terminal okur knows answers the last query at once, so this is only reached by one
/// that answers nothing.
const DEADLINE: Duration = Duration::from_millis(1000);

/// How long the reader's first frame waits for the answers: a local terminal answers in
/// a millisecond or two; a later answer is read after the first frame.
pub const FIRST_FRAME_WAIT: Duration = Duration::from_millis(100);

/// Detection from the environment, then from the terminal's own answers when the
/// environment names no terminal (a multiplexer is not asked: it answers for itself).
pub fn detect_asking() -> Detected {
    let detected = detect_from_env();
    if detected.kind != TerminalKind::Unknown {
        return detected;
    }
    match ask_terminal(DEADLINE) {
        Ok(answers) => refine(detected, &answers),
        Err(_) => detected,
    }
}

/// What the reader knows of the terminal before its first frame.
#[derive(Debug)]
pub enum Asked {
    /// All there is to know: the environment named the terminal, it answered at once, or
    /// it cannot be asked.
    Done(Detected),
    /// Asked, and the answers are not all in yet.
    Pending(Probe),
}

/// The reader's detection: as [`detect_asking`], but waiting [`FIRST_FRAME_WAIT`] at most.
pub fn ask_quickly() -> Asked {
    let detected = detect_from_env();
    if detected.kind != TerminalKind::Unknown {
        return Asked::Done(detected);
    }
    let Ok(mut probe) = Probe::send(detected.clone()) else {
        return Asked::Done(detected);
    };
    match probe.read_until(Instant::now() + FIRST_FRAME_WAIT) {
        true => {
            probe.hand_over_typed();
            Asked::Done(probe.finish_now())
        }
        false => Asked::Pending(probe),
    }
}

/// Queries written to the terminal whose answers are still to come. Until
/// [`Probe::release_terminal`] the terminal is in the probe's raw mode; dropping the
/// probe restores it.
pub struct Probe {
    tty: File,
    /// The terminal's settings before the probe, while the probe's raw mode is on.
    saved: Option<libc::termios>,
    /// The terminal's answers so far.
    answers: Vec<u8>,
    /// What else it sent: keys typed while the probe waited, in order.
    typed: Vec<u8>,
    /// An unfinished sequence at the end of what was read: an answer, or a key, still
    /// arriving.
    tail: Vec<u8>,
    /// What the environment says.
    detected: Detected,
}

impl std::fmt::Debug for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Probe")
            .field("answers", &String::from_utf8_lossy(&self.answers))
            .field("raw", &self.saved.is_some())
            .finish_non_exhaustive()
    }
}

impl Probe {
    /// Raw mode on the controlling terminal, and the queries written.
    fn send(detected: Detected) -> std::io::Result<Probe> {
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        let saved = raw_mode(tty.as_raw_fd())?;
        let mut probe = Probe {
            tty,
            saved: Some(saved),
            answers: Vec::new(),
            typed: Vec::new(),
            tail: Vec::new(),
            detected,
        };
        probe.tty.write_all(QUERIES.as_bytes())?;
        probe.tty.flush()?;
        Ok(probe)
    }

    /// What the environment says (the answers not taken).
    pub fn detected(&self) -> Detected {
        self.detected.clone()
    }

    /// Reads answers until they are complete (true) or `until` passes.
    fn read_until(&mut self, until: Instant) -> bool {
        let left = until.saturating_duration_since(Instant::now());
        let fd = self.tty.as_raw_fd();
        let _ = read_for(fd, left, |chunk| {
            let mut bytes = std::mem::take(&mut self.tail);
            bytes.extend_from_slice(chunk);
            let split = split_answers(&bytes);
            self.answers.extend_from_slice(&split.answers);
            self.typed.extend_from_slice(&split.typed);
            self.tail = split.tail;
            answers_complete(&self.answers)
        });
        answers_complete(&self.answers)
    }

    /// Gives what was typed while the probe waited (and an unfinished tail) to the
    /// reader's input thread, which reads it before anything else.
    fn hand_over_typed(&mut self) {
        keep_typed(&std::mem::take(&mut self.typed));
        keep_typed(&std::mem::take(&mut self.tail));
    }

    /// The detection refined by the answers read so far; the terminal's settings back.
    fn finish_now(mut self) -> Detected {
        self.release_terminal();
        refine(self.detected.clone(), &self.answers)
    }

    /// Waits for the answers until the full deadline, then as [`detect_asking`] (for the
    /// display check, which must know before it asks).
    pub fn wait(mut self) -> Detected {
        self.read_until(Instant::now() + DEADLINE);
        self.finish_now()
    }

    /// Gives the terminal's settings back, so that the reader's own raw mode saves and
    /// later restores the user's settings rather than the probe's; answers still to come
    /// stay in the terminal's input until [`Probe::late_answer`] reads them.
    pub fn release_terminal(&mut self) {
        if let Some(saved) = self.saved.take() {
            // SAFETY: restores attributes read from the same descriptor.
            unsafe { libc::tcsetattr(self.tty.as_raw_fd(), libc::TCSANOW, &saved) };
        }
    }

    /// Reads the answers that come before the deadline (counted from now: the first
    /// frame is on screen) and returns the terminal they name, if they name one the
    /// environment did not. Called with the reader's raw mode on, before it reads keys.
    pub fn late_answer(mut self) -> Option<Detected> {
        self.read_until(Instant::now() + DEADLINE);
        self.hand_over_typed();
        let refined = refine(self.detected.clone(), &self.answers);
        (refined.kind != self.detected.kind).then_some(refined)
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.release_terminal();
    }
}

/// Writes the queries and returns what the terminal answered before `deadline`.
pub fn ask_terminal(deadline: Duration) -> std::io::Result<Vec<u8>> {
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let fd = tty.as_raw_fd();
    let saved = raw_mode(fd)?;
    let mut read = Vec::new();
    let result = tty
        .write_all(QUERIES.as_bytes())
        .and_then(|()| tty.flush())
        .and_then(|()| {
            read_for(fd, deadline, |chunk| {
                read.extend_from_slice(chunk);
                answers_complete(&split_answers(&read).answers)
            })
        })
        .map(|()| split_answers(&read).answers);
    // SAFETY: restores attributes read from the same descriptor.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    result
}

/// Raw mode on `fd`, returning the attributes to restore.
fn raw_mode(fd: i32) -> std::io::Result<libc::termios> {
    // SAFETY: termios is plain data, filled by tcgetattr for an open descriptor.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut raw = saved;
    // SAFETY: cfmakeraw only edits the struct it is given.
    unsafe { libc::cfmakeraw(&mut raw) };
    if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &raw) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(saved)
}

/// Reads what the terminal sends, a chunk at a time into `took` (which says when it has
/// all it waits for), until it has or `deadline` passes.
fn read_for(
    fd: i32,
    deadline: Duration,
    mut took: impl FnMut(&[u8]) -> bool,
) -> std::io::Result<()> {
    let start = Instant::now();
    let mut chunk = [0u8; 256];
    loop {
        let Some(left) = deadline.checked_sub(start.elapsed()) else {
            return Ok(());
        };
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut pfd, 1, millis) } <= 0 {
            return Ok(());
        }
        // SAFETY: reads into a buffer of the length given.
        let n = unsafe { libc::read(fd, chunk.as_mut_ptr().cast(), chunk.len()) };
        let Ok(n) = usize::try_from(n) else {
            return Err(std::io::Error::last_os_error());
        };
        if n == 0 || took(&chunk[..n]) {
            return Ok(());
        }
    }
}
