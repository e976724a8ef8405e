use super::*;

fn key(c: char) -> Event {
    let mods = match c.is_uppercase() {
        true => KeyModifiers::SHIFT,
        false => KeyModifiers::NONE,
    };
    Event::Key(KeyEvent::new(KeyCode::Char(c), mods))
}

fn paste(text: &str) -> Event {
    Event::Paste(text.to_string())
}

#[test]
fn a_whole_paste_is_one_paste_even_across_reads() {
    let t = Instant::now();
    let mut f = InputFilter::default();
    assert_eq!(f.push(b"a\x1b[200~q X", t), vec![key('a')]);
    // The end marker split between two reads.
    assert_eq!(f.push(b"\nline\x1b[20", t), vec![]);
    assert_eq!(f.push(b"1~b", t), vec![paste("q X\nline"), key('b')]);
    assert_eq!(f.deadline(), None);
}

#[test]
fn a_paste_without_its_end_marker_ends_when_nothing_more_comes() {
    let t = Instant::now();
    let mut f = InputFilter::default();
    assert_eq!(f.push(b"\x1b[200~abc\x1b[2", t), vec![]);
    assert_eq!(f.deadline(), Some(t + PASTE_IDLE));
    assert_eq!(f.idle(t + PASTE_IDLE / 2), vec![]);
    // The held-back bytes were not an end marker after all: they were pasted too.
    assert_eq!(f.idle(t + PASTE_IDLE), vec![paste("abc\x1b[2")]);
    assert_eq!(f.push(b"q", t + PASTE_IDLE * 2), vec![key('q')]);
}

#[test]
fn a_runaway_paste_keeps_a_bounded_part() {
    let t = Instant::now();
    let mut f = InputFilter::default();
    f.push(b"\x1b[200~", t);
    let block = vec![b'x'; 4096];
    for _ in 0..(PASTE_KEPT / block.len() * 4) {
        assert_eq!(f.push(&block, t), vec![]);
    }
    let ended = f.push(b"\x1b[201~", t);
    let [Event::Paste(text)] = ended.as_slice() else {
        panic!("{ended:?}")
    };
    assert_eq!(text.len(), PASTE_KEPT);
}

#[test]
fn esc_alone_is_esc_and_an_unfinished_sequence_is_read_as_typed_after_a_wait() {
    let t = Instant::now();
    let esc = Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let mut f = InputFilter::default();
    assert_eq!(f.push(b"\x1b", t), vec![esc.clone()]);
    assert_eq!(f.push(b"\x1b[1;", t), vec![]);
    assert_eq!(
        f.idle(t + ESCAPE_WAIT),
        vec![esc, key('['), key('1'), key(';')]
    );
    assert_eq!(f.deadline(), None);
}

#[test]
fn answers_are_split_from_keys_typed_meanwhile() {
    let bytes = b"j\x1b[>24;279;0ck\x1b[?1;2c\x1b[B\x1b[?6";
    let split = split_answers(bytes);
    assert_eq!(split.answers, b"\x1b[>24;279;0c\x1b[?1;2c");
    assert_eq!(split.typed, b"jk\x1b[B");
    assert_eq!(split.tail, b"\x1b[?6");
    let mut f = InputFilter::default();
    let down = Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(
        f.push(&split.typed, Instant::now()),
        vec![key('j'), key('k'), down]
    );
}
