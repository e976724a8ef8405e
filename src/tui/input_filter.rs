//! okur's filter over the terminal's input bytes: bracketed pastes with a bound, keys in
//! the order typed, and the display probe's answers told apart from keys.
//!
//! crossterm's event reader takes `ESC [ 200 ~` as the start of a paste and waits for
//! `ESC [ 201 ~` for ever: a paste whose end marker never comes (a broken paste, a dropped
//! link's garbage, the sequence typed by hand) swallowed every later key, `q` and Ctrl-C
//! included. Here a paste also ends when no byte has come for [`PASTE_IDLE`] (a terminal
//! writes a paste in one go), and keeps [`PASTE_KEPT`] bytes at most; what it held is
//! delivered as a paste (never run as keys), and the keys after it are keys again.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::input_parse::{Parsed, Piece, parse};

/// The start and end markers of a bracketed paste.
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// How long a paste may go without a byte before it is taken as ended without its end
/// marker. A terminal sends a paste at once; over a slow link it comes in bursts much
/// closer together than this.
pub const PASTE_IDLE: Duration = Duration::from_millis(500);

/// The most bytes of one paste kept (a prompt holds 1000 characters; the rest of a
/// longer paste is dropped as it comes, so a runaway paste cannot fill memory).
pub const PASTE_KEPT: usize = 64 * 1024;

/// How long an escape sequence's beginning waits for its end before it is read as the
/// Esc key and what follows it as typed characters.
pub const ESCAPE_WAIT: Duration = Duration::from_millis(50);

/// A paste under way.
#[derive(Debug)]
struct Paste {
    text: Vec<u8>,
    last_byte: Instant,
}

/// The terminal's input, as events. Bytes go in with [`InputFilter::push`]; when nothing
/// comes, [`InputFilter::idle`] at [`InputFilter::deadline`] ends what waits too long.
#[derive(Debug, Default)]
pub struct InputFilter {
    /// Bytes not read yet (the beginning of a sequence, or a paste's possible end marker).
    buf: Vec<u8>,
    /// When the first byte of `buf` arrived.
    since: Option<Instant>,
    paste: Option<Paste>,
}

impl InputFilter {
    /// Takes the bytes read at `now`; returns the events they complete, in order (the
    /// terminal's answers to queries are dropped: they are not keys).
    pub fn push(&mut self, bytes: &[u8], now: Instant) -> Vec<Event> {
        if self.buf.is_empty() {
            self.since = Some(now);
        }
        self.buf.extend_from_slice(bytes);
        if let Some(paste) = &mut self.paste {
            paste.last_byte = now;
        }
        let mut events = Vec::new();
        let before = self.buf.len();
        self.drain(&mut events, false);
        if self.buf.len() < before && !self.buf.is_empty() {
            // What is left began in these bytes: its wait starts now.
            self.since = Some(now);
        }
        // A lone ESC at the end of what was read is the Esc key (as crossterm takes it).
        if self.paste.is_none() && self.buf == [0x1b] {
            self.buf.clear();
            events.push(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        }
        events
    }

    /// When [`InputFilter::idle`] has something to end, if ever.
    pub fn deadline(&self) -> Option<Instant> {
        match (&self.paste, self.since) {
            (Some(paste), _) => Some(paste.last_byte + PASTE_IDLE),
            (None, Some(since)) if !self.buf.is_empty() => Some(since + ESCAPE_WAIT),
            _ => None,
        }
    }

    /// Nothing has come until `now`: a paste idle for [`PASTE_IDLE`] ends (delivered as a
    /// paste), and a sequence's beginning older than [`ESCAPE_WAIT`] is read as typed.
    pub fn idle(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        if let Some(paste) = &self.paste
            && now.saturating_duration_since(paste.last_byte) >= PASTE_IDLE
        {
            // The bytes held back as a possible end marker were pasted too.
            let held = std::mem::take(&mut self.buf);
            self.add_to_paste(&held);
            events.extend(self.end_paste());
        }
        let waited = self.since.map(|s| now.saturating_duration_since(s));
        if self.paste.is_none() && waited.is_some_and(|w| w >= ESCAPE_WAIT) {
            self.drain(&mut events, true);
        }
        events
    }

    /// Reads what `buf` holds; `flush` reads an unfinished sequence as typed.
    fn drain(&mut self, events: &mut Vec<Event>, flush: bool) {
        let mut at = 0;
        while at < self.buf.len() {
            if self.paste.is_some() {
                let (taken, ended) = self.paste_bytes(at, events);
                at += taken;
                match ended {
                    true => continue,
                    false => break,
                }
            }
            let rest = &self.buf[at..];
            if rest.starts_with(PASTE_START) {
                self.paste = Some(Paste {
                    text: Vec::new(),
                    last_byte: self.since.unwrap_or_else(Instant::now),
                });
                at += PASTE_START.len();
                continue;
            }
            match (parse(rest), flush) {
                (Parsed::Piece(len, piece), _) => {
                    at += len;
                    if let Piece::Event(event) = piece {
                        events.push(event);
                    }
                }
                (Parsed::Incomplete, false) => break,
                // An unfinished sequence waited long enough: ESC is the Esc key and what
                // follows is read anew; an unfinished character is dropped.
                (Parsed::Incomplete, true) => {
                    if rest[0] == 0x1b {
                        events.push(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
                    }
                    at += 1;
                }
            }
        }
        self.buf.drain(..at);
        if self.buf.is_empty() {
            self.since = None;
        }
    }

    /// Takes paste bytes from `buf[at..]` up to the end marker (ending the paste: true),
    /// or all but a possible beginning of the marker (false); returns how many were taken.
    fn paste_bytes(&mut self, at: usize, events: &mut Vec<Event>) -> (usize, bool) {
        let rest = &self.buf[at..];
        if let Some(end) = memchr::memmem::find(rest, PASTE_END) {
            let text = rest[..end].to_vec();
            self.add_to_paste(&text);
            events.extend(self.end_paste());
            return (end + PASTE_END.len(), true);
        }
        let keep = (1..PASTE_END.len())
            .rev()
            .find(|&n| rest.len() >= n && PASTE_END.starts_with(&rest[rest.len() - n..]))
            .unwrap_or(0);
        let take = rest.len() - keep;
        let text = rest[..take].to_vec();
        self.add_to_paste(&text);
        // What is held back waits for more bytes or the paste's idle end.
        (take, false)
    }

    fn add_to_paste(&mut self, bytes: &[u8]) {
        if let Some(paste) = &mut self.paste {
            let room = PASTE_KEPT.saturating_sub(paste.text.len());
            paste
                .text
                .extend_from_slice(&bytes[..bytes.len().min(room)]);
        }
    }

    fn end_paste(&mut self) -> Option<Event> {
        let paste = self.paste.take()?;
        Some(Event::Paste(
            String::from_utf8_lossy(&paste.text).into_owned(),
        ))
    }
}

/// The display probe's reading: `bytes` split into the terminal's answers and everything
/// else (keys typed meanwhile, kept as the bytes they came as so that the reader reads
/// them in order), and an unfinished tail that may be an answer still arriving.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// The answers' bytes.
    pub answers: Vec<u8>,
    /// Everything that is not an answer, in order.
    pub typed: Vec<u8>,
    /// An unfinished sequence at the end.
    pub tail: Vec<u8>,
}

/// Splits what the terminal sent while the probe waited (see [`Split`]). A paste is not
/// an answer: it is kept whole with the keys.
pub fn split_answers(bytes: &[u8]) -> Split {
    let mut split = Split::default();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        if rest.starts_with(PASTE_START) {
            split.typed.extend_from_slice(rest);
            return split;
        }
        let Parsed::Piece(len, piece) = parse(rest) else {
            split.tail = rest.to_vec();
            return split;
        };
        let to = match piece {
            Piece::Answer => &mut split.answers,
            _ => &mut split.typed,
        };
        to.extend_from_slice(&rest[..len]);
        at += len;
    }
    split
}

#[cfg(test)]
#[path = "input_filter_tests.rs"]
mod tests;
