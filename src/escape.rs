//! Names and messages made safe for a line of output. A file name may hold anything but
//! `/` and NUL: a newline or a tab breaks a tab-separated record, an escape sequence
//! (`ESC ] 0 ; ... BEL`) printed raw retitles or recolours the user's terminal, and a bidi
//! override (U+202E) reverses the rest of the line it is printed on. These are written as
//! visible escapes instead: `\t`, `\n`, `\r`, `\x1b`, `\u{202e}`.
//!
//! A name need not be UTF-8 either. [`path_name`] keeps such a name whole in a `String`:
//! each byte that is not part of UTF-8 becomes the private-use character U+10FF00 + byte
//! (bytes 0x80–0xFF, so U+10FF80–U+10FFFF), and [`name_bytes`] gives the bytes back.
//! Those 128 characters never stand for themselves in a name (a name that holds one as
//! UTF-8 has its four bytes kept the same way), so the mapping has an inverse. JSON output
//! carries them as they are; a line of text writes them `\xHH` (always 80 to ff, where an
//! ASCII control is `\x00` to `\x1f` or `\x7f`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The first of the characters that stand for a byte of a name that is not UTF-8 (the
/// byte 0x80 + k is U+10FF80 + k).
const RAW_BYTE_BASE: u32 = 0x10_ff00;

/// The byte a character of [`path_name`] stands for, when it stands for one.
pub fn raw_byte(c: char) -> Option<u8> {
    u32::from(c)
        .checked_sub(RAW_BYTE_BASE)
        .and_then(|b| u8::try_from(b).ok())
        .filter(|&b| b >= 0x80)
}

/// A file's name as okur shows and stores it: the path itself when it is UTF-8, else with
/// each byte that is not UTF-8 kept as the character U+10FF00 + byte (see the module's
/// documentation; [`name_bytes`] undoes it).
pub fn path_name(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        name_of_bytes(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// [`path_name`] of a name's bytes.
pub fn name_of_bytes(mut bytes: &[u8]) -> String {
    let mut name = String::with_capacity(bytes.len());
    let raw = |name: &mut String, b: u8| name.extend(char::from_u32(RAW_BYTE_BASE + u32::from(b)));
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                push_valid(&mut name, text);
                return name;
            }
            Err(err) => {
                let (valid, rest) = bytes.split_at(err.valid_up_to());
                // The first `valid_up_to` bytes are UTF-8 (from_utf8's word): no fallback.
                push_valid(&mut name, std::str::from_utf8(valid).unwrap_or_default());
                let bad = err.error_len().unwrap_or(rest.len());
                for &b in &rest[..bad] {
                    raw(&mut name, b);
                }
                bytes = &rest[bad..];
            }
        }
    }
}

/// Valid text into a name; a character that would read as a raw byte is kept as its
/// UTF-8 bytes, each a raw byte, so that no character is ambiguous.
fn push_valid(name: &mut String, text: &str) {
    for c in text.chars() {
        match raw_byte(c) {
            None => name.push(c),
            Some(_) => {
                let mut utf8 = [0u8; 4];
                for &b in c.encode_utf8(&mut utf8).as_bytes() {
                    name.extend(char::from_u32(RAW_BYTE_BASE + u32::from(b)));
                }
            }
        }
    }
}

/// The bytes of a name made by [`path_name`].
pub fn name_bytes(name: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(name.len());
    for c in name.chars() {
        match raw_byte(c) {
            Some(b) => bytes.push(b),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
        }
    }
    bytes
}

/// The path a name made by [`path_name`] names.
pub fn name_path(name: &str) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(name_bytes(name)))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(name)
    }
}

/// A field of a tab-separated record: every character [`message`] escapes, and a
/// backslash as `\\`, so that the escapes can be undone.
pub fn record_field(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// One line of a message for a person (a notice, an error): control characters, line and
/// paragraph separators and bidi embeddings, overrides and isolates are escaped; a
/// backslash is kept as it is.
pub fn message(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// A text as written to a terminal (`okur render --text`, `okur find --stdin`): every
/// control character but a tab and a line end escaped as [`message`] escapes it (`\x1b`,
/// `\u{9b}`), so that an escape sequence inside a document (`ESC ] 52` writes the
/// clipboard, `ESC [ 2 J` clears the screen) is shown, not obeyed. A carriage return
/// before a line feed stays (CRLF files); a lone one, which could hide the line's start,
/// is `\r`. Sent to a pipe or a file the text stays as it is.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    let acts = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.chars().any(acts) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\r' => out.push_str("\\r"),
            c if acts(c) => out.push_str(&message(c.encode_utf8(&mut [0; 4]))),
            c => out.push(c),
        }
    }
    out.into()
}

/// A text as written to standard output: to a `terminal` as [`terminal_text`] shows it,
/// to a pipe or a file as it is, byte for byte.
pub fn output_text(text: &str, terminal: bool) -> Cow<'_, str> {
    match terminal {
        true => terminal_text(text),
        false => text.into(),
    }
}

/// An error and its causes joined by `: `, each cause once: an error whose own words
/// already end with its cause's (`cannot read x: Is a directory`) does not repeat it.
pub fn error_line(err: &(dyn std::error::Error + 'static)) -> String {
    let mut line = String::new();
    let mut cause = Some(err);
    while let Some(e) = cause {
        let text = e.to_string();
        if !line.ends_with(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
        cause = e.source();
    }
    line
}

fn escape(text: &str, backslash: bool) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| needs_escape(c) || (backslash && c == '\\'))
    {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if let Some(b) = raw_byte(c) {
            out.push_str(&format!("\\x{b:02x}"));
            continue;
        }
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' if backslash => out.push_str("\\\\"),
            c if c.is_ascii_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.into()
}

/// True for what must not reach a line raw: a byte of a name that is not UTF-8, C0 and C1
/// controls and DEL, U+2028/U+2029
/// (line ends to some tools), and the bidi controls whose effect runs to the end of the
/// line (embeddings, overrides, isolates). The marks LRM, RLM and ALM stay: they reorder
/// nothing around them.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || raw_byte(c).is_some()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_for_the_terminal_shows_its_escape_sequences() {
        let text = "a\u{1b}]52;c;eA==\u{7}b\u{1b}[2J\u{9b}1m\tc\r\nd\re\u{7f}\n";
        assert_eq!(
            terminal_text(text),
            "a\\x1b]52;c;eA==\\x07b\\x1b[2J\\u{9b}1m\tc\r\nd\\re\\x7f\n"
        );
        let plain = "İstanbul\tالقاهرة \u{202e}\n";
        assert!(matches!(terminal_text(plain), Cow::Borrowed(t) if t == plain));
        assert_eq!(terminal_text("a\r\nb\r\n"), "a\r\nb\r\n");
    }

    #[test]
    fn plain_text_and_arabic_marks_pass_unchanged() {
        let text = "İstanbul \u{200f}القاهرة\u{200f}";
        assert!(matches!(record_field(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn names_that_would_break_a_line_are_escaped() {
        assert_eq!(record_field("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
        assert_eq!(
            record_field("x\u{1b}]0;PWNED\u{7}.txt"),
            "x\\x1b]0;PWNED\\x07.txt"
        );
        assert_eq!(record_field("rlo\u{202e}txt.exe"), "rlo\\u{202e}txt.exe");
        assert_eq!(record_field("ls\u{2028}x\u{85}"), "ls\\u{2028}x\\u{85}");
        assert_eq!(message("C:\\x\n"), "C:\\x\\n");
    }

    #[test]
    fn a_name_that_is_not_utf8_is_kept_whole_and_printed_reversibly() {
        let cases: [&[u8]; 5] = [
            b"caf\xe9.txt",
            b"\xff\xfe",
            b"ok \xc3\xa7",
            b"half \xe2\x82",
            // A name that holds U+10FF85 itself: kept as its four bytes.
            "x\u{10ff85}y".as_bytes(),
        ];
        for bytes in cases {
            let name = name_of_bytes(bytes);
            assert_eq!(name_bytes(&name), bytes, "{name:?}");
        }
        let name = name_of_bytes(b"caf\xe9\\x41\t.txt");
        assert_eq!(record_field(&name), "caf\\xe9\\\\x41\\t.txt");
        assert_eq!(message(&name), "caf\\xe9\\x41\\t.txt");
        assert_eq!(
            record_field(&name_of_bytes("x\u{10ff85}".as_bytes())),
            "x\\xf4\\x8f\\xbe\\x85"
        );
        assert_eq!(name_of_bytes("ok ç".as_bytes()), "ok ç");
    }
}
