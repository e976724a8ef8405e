//! Input the terminal sends that must never hang the reader: a bracketed paste whose end
//! marker never comes (a broken paste, a dropped link's garbage, the start marker typed by
//! hand) ends after a short quiet spell, is delivered as a paste (never run as keys), and
//! the keys after it work again; a whole paste still arrives whole; a resize (SIGWINCH,
//! read by okur's own input thread) still reaches the reader. End to end in tmux.
#![cfg(feature = "tui")]

mod common;

use common::{okur_on_seeds, tmux_available};

#[test]
fn a_paste_without_its_end_marker_does_not_swallow_q() {
    if !tmux_available() {
        return;
    }
    let (t, _dir) = okur_on_seeds();
    t.send_raw(b"\x1b[200~abc");
    // The paste ends without its marker and is said not to have been run as keys.
    let screen = t.wait_for("nothing was run");
    assert!(screen.contains("a paste goes into a prompt"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0), "{}", t.capture());
}

#[test]
fn an_unended_paste_into_a_prompt_keeps_its_text_and_a_whole_paste_stays_whole() {
    if !tmux_available() {
        return;
    }
    let (t, _dir) = okur_on_seeds();
    t.send(&["t"]);
    t.wait_for("tag (Enter toggles)");
    t.send_raw(b"\x1b[200~Kuzguncuk");
    // Enter is a key again once the broken paste has ended; nothing typed was lost.
    t.wait_for("Kuzguncuk");
    t.send(&["Enter"]);
    let screen = t.wait_for("tag Kuzguncuk added");
    assert!(screen.contains("tag Kuzguncuk added"), "{screen}");
    // A real paste: `q` and `X` inside it are text, not keys.
    t.send(&["t"]);
    t.wait_for("tag (Enter toggles)");
    t.paste("Irak q X");
    t.send(&["Enter"]);
    let screen = t.wait_for("tag Irak q X added");
    assert!(screen.contains("tag Irak q X added"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn a_resize_is_read_as_one() {
    if !tmux_available() {
        return;
    }
    let (t, dir) = okur_on_seeds();
    let log = dir.path().join("out.raw");
    t.record_output(&log);
    t.resize(90, 30);
    // The frame's top right corner in the last column: drawn anew at 90 columns.
    let start = std::time::Instant::now();
    let redrawn = |screen: &str| {
        let top = screen.lines().next().unwrap_or_default();
        top.chars().count() == 90 && top.ends_with('┐')
    };
    while !redrawn(&t.capture()) && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let screen = t.capture();
    assert!(redrawn(&screen), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
    // The resize reached the reader as a resize (not only as a new size at the next
    // draw): it wrote the bidi mode again for the rows the terminal added (`CSI 8 l`,
    // `bidi app`), before the handshake given back on exit.
    let out = std::fs::read(&log).expect("output recorded");
    let out = String::from_utf8_lossy(&out);
    let exit = out.find("\x1b[?1049l").unwrap_or(out.len());
    assert!(out[..exit].contains("\x1b[8l"), "{out:?}");
}
