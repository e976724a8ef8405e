//! Names and messages made safe for a line of output. A file name may hold anything but
//! `/` and NUL: a newline or a tab breaks a tab-separated record, an escape sequence
//! (`ESC ] 0 ; ... BEL`) printed raw retitles or recolours the user's terminal, and a bidi
//! override (U+202E) reverses the rest of the line it is printed on. These are written as
//! visible escapes instead: `\t`, `\n`, `\r`, `\x1b`, `\u{202e}`.

use std::borrow::Cow;

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

/// True for what must not reach a line raw: C0 and C1 controls and DEL, U+2028/U+2029
/// (line ends to some tools), and the bidi controls whose effect runs to the end of the
/// line (embeddings, overrides, isolates). The marks LRM, RLM and ALM stay: they reorder
/// nothing around them.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
