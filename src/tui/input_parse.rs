//! The terminal's input bytes as events: one key, mouse report, focus change or answer to
//! a query at a time. okur reads the terminal itself (see `input_filter`) rather than
//! through crossterm's event reader, whose parser waits for the end of a bracketed paste
//! forever; the events made here are crossterm's types, so the rest of the reader
//! (`tui::edge`) is unchanged. The keys are read as crossterm reads them.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The longest escape sequence waited for: a device answer is a few dozen bytes; a longer
/// run without its final byte is noise and is dropped, so it cannot hold later keys.
pub const LONGEST_SEQUENCE: usize = 512;

/// What a run of input bytes at the start of a buffer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A key, a mouse report or a focus change.
    Event(Event),
    /// The terminal's answer to a query (device attributes, XTVERSION): for the display
    /// probe, never a key.
    Answer,
    /// Bytes that mean nothing to okur (an unknown or malformed sequence): dropped.
    Ignored,
}

/// The outcome of reading the start of a buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// The buffer holds the beginning of a sequence: more bytes are needed.
    Incomplete,
    /// The first `len` bytes are one piece.
    Piece(usize, Piece),
}

/// Reads the piece at the start of `buf` (not empty). A lone ESC is
/// [`Parsed::Incomplete`]: the caller decides when it is the Esc key.
pub fn parse(buf: &[u8]) -> Parsed {
    let Some(&first) = buf.first() else {
        return Parsed::Incomplete;
    };
    let key = |code, mods| Parsed::Piece(1, key_event(code, mods));
    match first {
        0x1b => escape(buf),
        b'\r' => key(KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(KeyCode::Tab, KeyModifiers::NONE),
        0x7f => key(KeyCode::Backspace, KeyModifiers::NONE),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        c @ 0x01..=0x1a => key(
            KeyCode::Char(char::from(c - 1 + b'a')),
            KeyModifiers::CONTROL,
        ),
        c @ 0x1c..=0x1f => key(
            KeyCode::Char(char::from(c - 0x1c + b'4')),
            KeyModifiers::CONTROL,
        ),
        _ => utf8_char(buf),
    }
}

fn key_event(code: KeyCode, mods: KeyModifiers) -> Piece {
    Piece::Event(Event::Key(KeyEvent::new(code, mods)))
}

/// One character, as many bytes as it takes; a byte that begins none is dropped.
fn utf8_char(buf: &[u8]) -> Parsed {
    let want = match buf[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Piece(1, Piece::Ignored),
    };
    let Some(bytes) = buf.get(..want) else {
        // A continuation byte that is not one ends the character early: drop the lead.
        let broken = buf[1..].iter().any(|b| b & 0xc0 != 0x80);
        return match broken {
            true => Parsed::Piece(1, Piece::Ignored),
            false => Parsed::Incomplete,
        };
    };
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let mods = match c.is_uppercase() {
                true => KeyModifiers::SHIFT,
                false => KeyModifiers::NONE,
            };
            Parsed::Piece(want, key_event(KeyCode::Char(c), mods))
        }
        None => Parsed::Piece(1, Piece::Ignored),
    }
}

/// A sequence that starts with ESC.
fn escape(buf: &[u8]) -> Parsed {
    match buf.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => csi(buf),
        Some(b'O') => ss3(buf),
        // DCS (the XTVERSION answer) and OSC: strings up to ST or BEL.
        Some(b'P') => string(buf, Piece::Answer),
        Some(b']') => string(buf, Piece::Ignored),
        Some(0x1b) => Parsed::Piece(1, key_event(KeyCode::Esc, KeyModifiers::NONE)),
        Some(_) => match parse(&buf[1..]) {
            Parsed::Piece(len, Piece::Event(Event::Key(mut key))) => {
                key.modifiers |= KeyModifiers::ALT;
                Parsed::Piece(len + 1, Piece::Event(Event::Key(key)))
            }
            Parsed::Piece(len, other) => Parsed::Piece(len + 1, other),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// `ESC O x`: arrows, Home, End and F1–F4 in application mode.
fn ss3(buf: &[u8]) -> Parsed {
    let Some(&x) = buf.get(2) else {
        return Parsed::Incomplete;
    };
    match final_key(x, KeyModifiers::NONE) {
        Some(key) => Parsed::Piece(3, key),
        None => Parsed::Piece(3, Piece::Ignored),
    }
}

/// A string sequence ended by ST (`ESC \`) or BEL.
fn string(buf: &[u8], piece: Piece) -> Parsed {
    let end = buf[2..].iter().enumerate().find_map(|(i, &b)| match b {
        0x07 => Some(i + 3),
        0x1b if buf.get(i + 3) == Some(&b'\\') => Some(i + 4),
        _ => None,
    });
    match end {
        Some(len) => Parsed::Piece(len, piece),
        None if buf.len() > LONGEST_SEQUENCE => Parsed::Piece(buf.len(), Piece::Ignored),
        None => Parsed::Incomplete,
    }
}

/// `ESC [ params final`.
fn csi(buf: &[u8]) -> Parsed {
    match buf.get(2) {
        None => return Parsed::Incomplete,
        Some(b'M') => return x10_mouse(buf),
        Some(_) => {}
    }
    for (i, &b) in buf.iter().enumerate().skip(2) {
        match b {
            0x20..=0x3f => continue,
            0x40..=0x7e => {
                let params = String::from_utf8_lossy(&buf[2..i]);
                return Parsed::Piece(i + 1, csi_piece(&params, b));
            }
            // Not a CSI byte: the sequence was cut; what follows is read anew.
            _ => return Parsed::Piece(i, Piece::Ignored),
        }
    }
    match buf.len() > LONGEST_SEQUENCE {
        true => Parsed::Piece(buf.len(), Piece::Ignored),
        false => Parsed::Incomplete,
    }
}

fn csi_piece(params: &str, last: u8) -> Piece {
    if let Some(sgr) = params.strip_prefix('<') {
        return sgr_mouse(sgr, last).unwrap_or(Piece::Ignored);
    }
    if params.starts_with(['?', '>']) {
        return match last {
            b'c' => Piece::Answer,
            _ => Piece::Ignored,
        };
    }
    let mut numbers = params.split(';');
    let first: Option<u16> = numbers.next().and_then(|n| n.parse().ok());
    let mods = numbers
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .map(modifiers)
        .unwrap_or(KeyModifiers::NONE);
    let event = |e| Piece::Event(e);
    match (last, first) {
        (b'Z', _) => key_event(KeyCode::BackTab, KeyModifiers::SHIFT),
        (b'I', None) => event(Event::FocusGained),
        (b'O', None) => event(Event::FocusLost),
        (b'~', Some(n)) => tilde_key(n).map_or(Piece::Ignored, |code| key_event(code, mods)),
        (x, _) => final_key(x, mods).unwrap_or(Piece::Ignored),
    }
}

/// The key a CSI or SS3 final byte names.
fn final_key(x: u8, mods: KeyModifiers) -> Option<Piece> {
    let code = match x {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + x - b'P'),
        _ => return None,
    };
    Some(key_event(code, mods))
}

/// The key of `CSI n ~` (the VT220 numbers xterm sends).
fn tilde_key(n: u16) -> Option<KeyCode> {
    let f = |k: u16| u8::try_from(k).ok().map(KeyCode::F);
    match n {
        1 | 7 => Some(KeyCode::Home),
        2 => Some(KeyCode::Insert),
        3 => Some(KeyCode::Delete),
        4 | 8 => Some(KeyCode::End),
        5 => Some(KeyCode::PageUp),
        6 => Some(KeyCode::PageDown),
        11..=15 => f(n - 10),
        17..=21 => f(n - 11),
        23..=26 => f(n - 12),
        28 | 29 => f(n - 13),
        31..=34 => f(n - 14),
        _ => None,
    }
}

/// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Control 4).
fn modifiers(param: u8) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            mods |= m;
        }
    }
    mods
}

/// `ESC [ < b ; x ; y M|m`: an SGR mouse report (1-based cells).
fn sgr_mouse(params: &str, last: u8) -> Option<Piece> {
    let mut n = params.split(';').map(|p| p.parse::<u16>().ok());
    let (b, x, y) = (n.next()??, n.next()??, n.next()??);
    let released = match last {
        b'M' => false,
        b'm' => true,
        _ => return None,
    };
    Some(mouse(b, x.saturating_sub(1), y.saturating_sub(1), released))
}

/// `ESC [ M b x y`: the classic report, each number plus 32 in one byte.
fn x10_mouse(buf: &[u8]) -> Parsed {
    let Some(&[b, x, y]) = buf.get(3..6) else {
        return Parsed::Incomplete;
    };
    let b = u16::from(b.saturating_sub(32));
    let (x, y) = (x.saturating_sub(33), y.saturating_sub(33));
    // Button 3 is "released" in this encoding, which does not say which one.
    // okur takes it for the left button (the only one it acts on).
    let released = b & 3 == 3 && b & 64 == 0;
    let b = if released { b & !3 } else { b };
    Parsed::Piece(6, mouse(b, x.into(), y.into(), released))
}

fn mouse(b: u16, column: u16, row: u16, released: bool) -> Piece {
    let button = match b & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (b & 64 != 0, b & 32 != 0, released) {
        (true, _, _) if b & 1 == 0 => MouseEventKind::ScrollUp,
        (true, _, _) => MouseEventKind::ScrollDown,
        (false, true, _) => MouseEventKind::Drag(button),
        (false, false, true) => MouseEventKind::Up(button),
        (false, false, false) => MouseEventKind::Down(button),
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if b & bit != 0 {
            modifiers |= m;
        }
    }
    Piece::Event(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}

#[cfg(test)]
#[path = "input_parse_tests.rs"]
mod tests;
