//! The OSC 52 sequence that asks the terminal to put text on the system clipboard. Copying
//! from the screen gives right-to-left text in the order it is drawn (reversed Arabic once
//! pasted); the text sent here is the document's own, in logical order, so it pastes right.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The most text okur sends in one copy, in bytes: many terminals drop longer OSC 52
/// sequences silently (xterm's default limit is near this), so a longer copy is refused with
/// a message instead of vanishing.
pub const MAX_COPY_BYTES: usize = 100_000;

/// `ESC ] 52 ; c ; BASE64 BEL`: sets the clipboard (`c`) to `text`. BEL ends it rather than
/// `ESC \`, since more terminals (and tmux's passthrough) accept it.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_the_logical_bytes() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        // "سلام" as stored (logical order): decoding gives the same bytes back.
        let seq = osc52("سلام");
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("framed as OSC 52 ... BEL");
        assert_eq!(STANDARD.decode(body).expect("base64"), "سلام".as_bytes());
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
    }
}
