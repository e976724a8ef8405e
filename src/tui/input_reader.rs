//! The input thread's reading of the terminal: the bytes of the controlling terminal
//! through okur's [`InputFilter`] (bounded pastes, answers to the display probe dropped),
//! and SIGWINCH as a resize, into the loop's queue. It replaces crossterm's event reader,
//! which waits for the end of a bracketed paste for ever (see `input_filter`).

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crossterm::event::Event;

use super::inbox::Wake;
use super::input_filter::InputFilter;

/// Keys the display probe read while it waited for the terminal's answers: the reader
/// reads them first, so that nothing typed before the first frame is lost.
static TYPED_EARLY: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Keeps bytes typed before the reader reads keys (the display probe read them while
/// waiting for answers); the input thread reads them before anything else.
pub fn keep_typed(bytes: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    let mut kept = TYPED_EARLY.lock().unwrap_or_else(|e| e.into_inner());
    kept.extend_from_slice(bytes);
}

fn take_typed() -> Vec<u8> {
    std::mem::take(&mut *TYPED_EARLY.lock().unwrap_or_else(|e| e.into_inner()))
}

/// The controlling terminal: standard input when it is one, else `/dev/tty` (`okur -`
/// reads the document from standard input), as crossterm chooses it.
enum Tty {
    Stdin,
    Opened(File),
}

impl Tty {
    fn open() -> std::io::Result<Tty> {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            return Ok(Tty::Stdin);
        }
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Tty::Opened(tty))
    }

    fn fd(&self) -> RawFd {
        match self {
            Tty::Stdin => libc::STDIN_FILENO,
            Tty::Opened(file) => file.as_raw_fd(),
        }
    }
}

/// The input thread: every terminal event into the queue, until `stop` is raised, the
/// loop is gone or reading fails. It waits `tick` at most between looks at `stop`.
pub fn forward(tx: &Sender<Wake>, stop: &AtomicBool, tick: Duration) {
    let opened = Tty::open().and_then(|tty| Ok((tty, Winch::register()?)));
    let (tty, winch) = match opened {
        Ok(both) => both,
        Err(err) => {
            let _ = tx.send(Wake::Failed(err));
            return;
        }
    };
    let mut filter = InputFilter::default();
    let early = filter.push(&take_typed(), Instant::now());
    if !send_all(tx, early) {
        return;
    }
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        let wait = filter
            .deadline()
            .map_or(tick, |d| d.saturating_duration_since(now).min(tick));
        let events = match wait_readable(tty.fd(), Some(winch.fd()), wait) {
            Ok(Ready { tty: true, .. }) => match read_some(tty.fd()) {
                Ok(bytes) => filter.push(&bytes, Instant::now()),
                Err(err) => {
                    let _ = tx.send(Wake::Failed(err));
                    return;
                }
            },
            Ok(Ready { winch: true, .. }) => winch.resized(),
            Ok(_) => filter.idle(Instant::now()),
            Err(err) => {
                let _ = tx.send(Wake::Failed(err));
                return;
            }
        };
        if !send_all(tx, events) {
            return;
        }
    }
}

/// The terminal read directly on the calling thread, through the same filter as the input
/// thread: for the first-run display check, which asks before the input thread starts, so
/// a broken paste cannot hold its keys either.
pub struct DirectInput {
    tty: Tty,
    filter: InputFilter,
    /// Events of the kept early keys, handed out first.
    early: Vec<Event>,
}

impl DirectInput {
    /// Opens the controlling terminal; keys the display probe kept are read first.
    pub fn open() -> std::io::Result<DirectInput> {
        let mut filter = InputFilter::default();
        let early = filter.push(&take_typed(), Instant::now());
        Ok(DirectInput {
            tty: Tty::open()?,
            filter,
            early,
        })
    }

    /// The events that arrive within `wait` (none when nothing came).
    pub fn events(&mut self, wait: Duration) -> std::io::Result<Vec<Event>> {
        if !self.early.is_empty() {
            return Ok(std::mem::take(&mut self.early));
        }
        let now = Instant::now();
        let wait = self
            .filter
            .deadline()
            .map_or(wait, |d| d.saturating_duration_since(now).min(wait));
        let ready = wait_readable(self.tty.fd(), None, wait)?;
        if ready.tty {
            let bytes = read_some(self.tty.fd())?;
            return Ok(self.filter.push(&bytes, Instant::now()));
        }
        Ok(self.filter.idle(Instant::now()))
    }
}

/// Sends the events; false when the loop is gone.
fn send_all(tx: &Sender<Wake>, events: Vec<Event>) -> bool {
    events
        .into_iter()
        .all(|event| tx.send(Wake::Input(event)).is_ok())
}

/// Which descriptors can be read.
#[derive(Debug, Default)]
struct Ready {
    tty: bool,
    winch: bool,
}

/// Waits until the terminal or the resize pipe (when watched) can be read, `wait` at most.
fn wait_readable(tty: RawFd, winch: Option<RawFd>, wait: Duration) -> std::io::Result<Ready> {
    // poll(2) skips an entry whose descriptor is negative: no resize pipe, no entry.
    let mut fds = [tty, winch.unwrap_or(-1)].map(|fd| libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    });
    let millis = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: two valid pollfd structs, and their count.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
    if n < 0 {
        let err = std::io::Error::last_os_error();
        return match err.kind() {
            std::io::ErrorKind::Interrupted => Ok(Ready::default()),
            _ => Err(err),
        };
    }
    // A hung-up terminal is "readable": the read says what happened.
    let any = libc::POLLIN | libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
    Ok(Ready {
        tty: fds[0].revents & any != 0,
        winch: fds[1].revents & libc::POLLIN != 0,
    })
}

/// One read of what the terminal has. End of file is a hang-up (EIO, as a hung-up
/// terminal's reads say): the loop then ends cleanly.
fn read_some(fd: RawFd) -> std::io::Result<Vec<u8>> {
    let mut chunk = [0u8; 4096];
    loop {
        // SAFETY: reads into a buffer of the length given, from a descriptor that stays
        // open while the thread runs (standard input, or the thread's own `/dev/tty`).
        let n = unsafe { libc::read(fd, chunk.as_mut_ptr().cast(), chunk.len()) };
        let Ok(n) = usize::try_from(n) else {
            let err = std::io::Error::last_os_error();
            match err.kind() {
                std::io::ErrorKind::Interrupted => continue,
                std::io::ErrorKind::WouldBlock => return Ok(Vec::new()),
                _ => return Err(err),
            }
        };
        return match n {
            0 => Err(std::io::Error::from_raw_os_error(libc::EIO)),
            n => Ok(chunk[..n].to_vec()),
        };
    }
}

/// SIGWINCH, written to a pipe the thread polls.
struct Winch {
    read: UnixStream,
    id: signal_hook::SigId,
}

impl Winch {
    fn register() -> std::io::Result<Winch> {
        let (read, write) = UnixStream::pair()?;
        read.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, write)?;
        Ok(Winch { read, id })
    }

    fn fd(&self) -> RawFd {
        self.read.as_raw_fd()
    }

    /// Empties the pipe; the terminal's new size.
    fn resized(&self) -> Vec<Event> {
        let mut sink = [0u8; 64];
        while matches!((&self.read).read(&mut sink), Ok(n) if n > 0) {}
        match crossterm::terminal::size() {
            Ok((columns, rows)) => vec![Event::Resize(columns, rows)],
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for Winch {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.id);
    }
}
