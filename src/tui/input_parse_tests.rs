use super::*;

/// The piece at the start of `bytes`, and how many bytes it took.
fn one(bytes: &[u8]) -> (usize, Piece) {
    match parse(bytes) {
        Parsed::Piece(len, piece) => (len, piece),
        Parsed::Incomplete => panic!("incomplete: {bytes:?}"),
    }
}

fn is_key(bytes: &[u8], code: KeyCode, mods: KeyModifiers) {
    let want = key_event(code, mods);
    assert_eq!(one(bytes), (bytes.len(), want), "{bytes:?}");
}

#[test]
fn keys_read_as_crossterm_reads_them() {
    let none = KeyModifiers::NONE;
    is_key(b"q", KeyCode::Char('q'), none);
    is_key(b"G", KeyCode::Char('G'), KeyModifiers::SHIFT);
    is_key("ş".as_bytes(), KeyCode::Char('ş'), none);
    is_key("ع".as_bytes(), KeyCode::Char('ع'), none);
    is_key(b"\r", KeyCode::Enter, none);
    is_key(b"\t", KeyCode::Tab, none);
    is_key(b"\x7f", KeyCode::Backspace, none);
    is_key(b"\x03", KeyCode::Char('c'), KeyModifiers::CONTROL);
    is_key(b"\x12", KeyCode::Char('r'), KeyModifiers::CONTROL);
    is_key(b"\x1b[A", KeyCode::Up, none);
    is_key(b"\x1bOB", KeyCode::Down, none);
    is_key(b"\x1b[1;5C", KeyCode::Right, KeyModifiers::CONTROL);
    is_key(b"\x1b[5~", KeyCode::PageUp, none);
    is_key(b"\x1b[6;3~", KeyCode::PageDown, KeyModifiers::ALT);
    is_key(b"\x1b[3~", KeyCode::Delete, none);
    is_key(b"\x1b[H", KeyCode::Home, none);
    is_key(b"\x1b[4~", KeyCode::End, none);
    is_key(b"\x1b[Z", KeyCode::BackTab, KeyModifiers::SHIFT);
    is_key(b"\x1bOP", KeyCode::F(1), none);
    is_key(b"\x1b[15~", KeyCode::F(5), none);
    is_key(b"\x1b[24~", KeyCode::F(12), none);
    is_key(b"\x1bx", KeyCode::Char('x'), KeyModifiers::ALT);
    // Esc pressed twice: each is read on its own.
    assert_eq!(one(b"\x1b\x1b"), (1, key_event(KeyCode::Esc, none)));
}

#[test]
fn unfinished_sequences_wait_and_broken_ones_are_dropped() {
    for bytes in [
        &b"\x1b"[..],
        b"\x1b[",
        b"\x1b[1;5",
        b"\x1b[<0;3",
        b"\xc5",
        b"\x1bP>|xterm",
    ] {
        assert_eq!(parse(bytes), Parsed::Incomplete, "{bytes:?}");
    }
    assert_eq!(one(b"\xff"), (1, Piece::Ignored));
    assert_eq!(one(b"\xc5q"), (1, Piece::Ignored));
    // A CSI cut by a byte that cannot be in one: dropped up to that byte.
    assert_eq!(one(b"\x1b[12\x1bq"), (4, Piece::Ignored));
    assert_eq!(one(b"\x1b[99x"), (5, Piece::Ignored));
    let long = [b"\x1b[".as_slice(), &[b'1'; LONGEST_SEQUENCE]].concat();
    assert_eq!(one(&long), (long.len(), Piece::Ignored));
}

#[test]
fn mouse_reports_and_answers_are_told_apart_from_keys() {
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 9,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(one(b"\x1b[<0;10;5M"), (10, Piece::Event(click.clone())));
    assert_eq!(one(b"\x1b[M *%"), (6, Piece::Event(click)));
    let (_, wheel) = one(b"\x1b[<65;60;10M");
    assert!(
        matches!(wheel, Piece::Event(Event::Mouse(m)) if m.kind == MouseEventKind::ScrollDown),
        "{wheel:?}"
    );
    assert_eq!(one(b"\x1b[?1;2c"), (7, Piece::Answer));
    assert_eq!(one(b"\x1b[>24;279;0c"), (12, Piece::Answer));
    assert_eq!(one(b"\x1bP>|XTerm(390)\x1b\\"), (16, Piece::Answer));
    assert_eq!(one(b"\x1b[I"), (3, Piece::Event(Event::FocusGained)));
}
