//! Recognising a terminal by asking it, for when the environment says nothing (over SSH only
//! `TERM` arrives, and VTE and Konsole both say `xterm-256color`). okur sends XTVERSION
//! (`CSI > 0 q`), secondary device attributes (`CSI > c`) and primary device attributes
//! (`CSI c`); every terminal answers the last, and answers in order, so the DA1 reply marks
//! the end of the answers without waiting for a timeout. This file reads the answers.

use super::detect::{Detected, TerminalKind};

/// The three queries, in the order they are answered.
pub const QUERIES: &str = "\x1b[>0q\x1b[>c\x1b[c";

/// True once the primary device attributes reply (`CSI ? ... c`) has arrived: every
/// answer to [`QUERIES`] is in.
pub fn answers_complete(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("\x1b[?").any(|(i, _)| {
        text[i + 3..]
            .find('c')
            .is_some_and(|end| is_params(&text[i + 3..i + 3 + end]))
    })
}

fn is_params(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || c == ';')
}

/// The terminal the answers name, with the answer as evidence; `None` when they name none
/// okur knows (the first-run check then asks the user).
pub fn identify(bytes: &[u8]) -> Option<(TerminalKind, String)> {
    let text = String::from_utf8_lossy(bytes);
    if let Some(name) = xtversion(&text) {
        let kind = by_version_name(name)?;
        return Some((kind, format!("XTVERSION {name}")));
    }
    let (id, version) = secondary_attributes(&text)?;
    let kind = match id {
        65 => TerminalKind::Vte,
        41 => TerminalKind::Xterm,
        24 => TerminalKind::Mlterm,
        _ => return None,
    };
    Some((kind, format!("DA2 {id};{version}")))
}

/// The XTVERSION reply's text: `DCS > | name ST`.
fn xtversion(text: &str) -> Option<&str> {
    let start = text.find("\x1bP>|")? + 4;
    let end = text[start..].find('\x1b')? + start;
    Some(&text[start..end])
}

fn by_version_name(name: &str) -> Option<TerminalKind> {
    let lower = name.to_ascii_lowercase();
    let table = [
        ("kitty", TerminalKind::Kitty),
        ("konsole", TerminalKind::Konsole),
        ("foot", TerminalKind::Foot),
        ("xterm", TerminalKind::Xterm),
        ("wezterm", TerminalKind::WezTerm),
        ("iterm2", TerminalKind::Iterm2),
        ("tmux", TerminalKind::Multiplexer),
        ("mlterm", TerminalKind::Mlterm),
        ("alacritty", TerminalKind::Alacritty),
    ];
    table
        .iter()
        .find(|(prefix, _)| lower.starts_with(prefix))
        .map(|(_, kind)| *kind)
}

/// The first two numbers of the DA2 reply `CSI > id ; version ; ... c`.
fn secondary_attributes(text: &str) -> Option<(u32, u32)> {
    let start = text.find("\x1b[>")? + 3;
    let end = text[start..].find('c')? + start;
    let mut params = text[start..end].split(';');
    let id = params.next()?.parse().ok()?;
    let version = params.next()?.parse().ok()?;
    Some((id, version))
}

/// `detected` with the kind the answers name, when the environment named none.
pub fn refine(detected: Detected, answers: &[u8]) -> Detected {
    if detected.kind != TerminalKind::Unknown {
        return detected;
    }
    match identify(answers) {
        Some((kind, evidence)) => Detected {
            kind,
            evidence,
            ..detected
        },
        None => detected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers recorded from the real terminals (seed 003 survey under Xvfb).
    const ANSWERS: &[(&str, Option<TerminalKind>)] = &[
        ("\x1b[>65;7006;1c\x1b[?65;1;9c", Some(TerminalKind::Vte)),
        (
            "\x1bP>|Konsole 22.12.3\x1b\\\x1b[>1;115;0c\x1b[?62;1;4c",
            Some(TerminalKind::Konsole),
        ),
        (
            "\x1bP>|kitty(0.26.5)\x1b\\\x1b[>1;4000;26c\x1b[?62;c",
            Some(TerminalKind::Kitty),
        ),
        (
            "\x1bP>|foot(1.13.1)\x1b\\\x1b[>1;011301;0c\x1b[?62;4;22c",
            Some(TerminalKind::Foot),
        ),
        (
            "\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c",
            Some(TerminalKind::Xterm),
        ),
        (
            "\x1b[>24;279;0c\x1b[?63;1;2;3;4;6;7;15;18;22;29c",
            Some(TerminalKind::Mlterm),
        ),
        // Alacritty 0.11 answers DA2 with the generic VT100 id: not enough to tell.
        ("\x1b[>0;1700;1c\x1b[?6c", None),
    ];

    #[test]
    fn recorded_answers_name_their_terminals() {
        for (answer, kind) in ANSWERS {
            assert!(answers_complete(answer.as_bytes()), "{answer:?}");
            assert_eq!(
                identify(answer.as_bytes()).map(|(k, _)| k),
                *kind,
                "{answer:?}"
            );
        }
    }

    #[test]
    fn answers_are_complete_only_with_the_primary_attributes() {
        assert!(!answers_complete(
            b"\x1bP>|kitty(0.26.5)\x1b\\\x1b[>1;4000;26c"
        ));
        assert!(!answers_complete(b"\x1b[?62;1"));
        assert!(!answers_complete(b""));
    }

    #[test]
    fn only_an_unknown_terminal_is_refined() {
        let unknown = crate::display::detect(&|n| (n == "TERM").then(|| "xterm-256color".into()));
        let konsole = "\x1bP>|Konsole 22.12.3\x1b\\\x1b[>1;115;0c\x1b[?62;1;4c".as_bytes();
        let refined = refine(unknown, konsole);
        assert_eq!(refined.kind, TerminalKind::Konsole);
        assert_eq!(refined.evidence, "XTVERSION Konsole 22.12.3");
        assert_eq!(refined.memory_key(), "konsole");
        let tmux = crate::display::detect(&|n| (n == "TMUX").then(|| "/tmp/t,1,0".into()));
        assert_eq!(refine(tmux, konsole).kind, TerminalKind::Multiplexer);
        assert_eq!(identify(b"garbage"), None);
    }
}
