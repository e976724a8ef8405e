//! Asking the terminal who it is when the environment does not say (see the core's
//! `display::query`): the queries are written to the controlling terminal in raw mode and
//! the answers read until the last one arrives or a deadline passes. This runs before the
//! reader reads keys, so no answer is taken for a key.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use crate::display::query::{QUERIES, answers_complete, refine};
use crate::display::{Detected, TerminalKind, detect_from_env};

/// How long to wait for the answers: one round trip over SSH, with room to spare. Every
/// terminal okur knows answers the last query at once, so this is only reached by one
/// that answers nothing.
const DEADLINE: Duration = Duration::from_millis(1000);

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

/// Writes the queries and returns what the terminal answered before `deadline`.
pub fn ask_terminal(deadline: Duration) -> std::io::Result<Vec<u8>> {
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let fd = tty.as_raw_fd();
    let saved = raw_mode(fd)?;
    let result = tty
        .write_all(QUERIES.as_bytes())
        .and_then(|()| tty.flush())
        .and_then(|()| read_answers(fd, deadline));
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

/// Reads until the answers are complete or the deadline passes.
fn read_answers(fd: i32, deadline: Duration) -> std::io::Result<Vec<u8>> {
    let start = Instant::now();
    let mut answers = Vec::new();
    let mut chunk = [0u8; 256];
    while !answers_complete(&answers) {
        let Some(left) = deadline.checked_sub(start.elapsed()) else {
            break;
        };
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut pfd, 1, millis) } <= 0 {
            break;
        }
        // SAFETY: reads into a buffer of the length given.
        let n = unsafe { libc::read(fd, chunk.as_mut_ptr().cast(), chunk.len()) };
        let Ok(n) = usize::try_from(n) else {
            return Err(std::io::Error::last_os_error());
        };
        if n == 0 {
            break;
        }
        answers.extend_from_slice(&chunk[..n]);
    }
    Ok(answers)
}
