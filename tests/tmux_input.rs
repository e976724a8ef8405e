//! Input that arrives as escape sequences, end to end in tmux: a mouse click and a wheel
//! turn (SGR reports, as a terminal sends them once okur asks for the mouse) and a
//! bracketed paste into a prompt; and that okur gives the mouse and paste modes back on
//! exit.
#![cfg(feature = "tui")]

mod common;

use common::{Tmux, okur, okur_on_seeds, project, tmux_available};

/// The SGR report of a left click at 0-based `(column, row)`.
fn click(column: u16, row: u16) -> Vec<u8> {
    format!("\x1b[<0;{};{}M", column + 1, row + 1).into_bytes()
}

#[test]
fn a_click_selects_a_row_and_a_second_click_opens_it() {
    if !tmux_available() {
        return;
    }
    let (t, _dir) = okur_on_seeds();
    assert!(!t.capture().contains("seeds/003"), "{}", t.capture());
    // The list's fourth document row: the frame's top border is row 0.
    t.send_raw(&click(10, 4));
    t.send_raw(&click(10, 4));
    let screen = t.wait_for("seeds/003");
    assert!(screen.contains("seeds/003"), "{screen}");
    // A wheel turn over the reading pane is taken (no "not bound" message, no exit).
    t.send_raw(b"\x1b[<65;60;10M");
    assert!(!t.capture().contains("not bound"), "{}", t.capture());
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn a_paste_is_typed_into_the_prompt_not_run_as_keys() {
    if !tmux_available() {
        return;
    }
    let (t, _dir) = okur_on_seeds();
    t.send(&["t"]);
    t.wait_for("tag (Enter toggles)");
    // `q` and `X` inside the paste would quit and archive if they were run as keys.
    t.paste("Suriye q X");
    t.send(&["Enter"]);
    let screen = t.wait_for("saved");
    assert!(screen.contains("tag Suriye q X added"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn the_mouse_and_paste_modes_are_asked_for_and_given_back() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("out.raw");
    let t = Tmux::start("PS1='$ ' bash --norc --noprofile -i", 100, 30);
    t.record_output(&log);
    let command = format!("{} {}", okur(), project("seeds").display());
    t.send(&[&command, "Enter"]);
    t.wait_for("Documents");
    t.send(&["q"]);
    t.wait_for("$ ");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let raw = String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).into_owned();
    let on = raw.find("\x1b[?1000h").expect("mouse reports asked for");
    assert!(
        raw.find("\x1b[?2004h").is_some(),
        "bracketed paste asked for"
    );
    let off = raw.rfind("\x1b[?1000l").expect("mouse reports given back");
    assert!(on < off);
    assert!(raw.rfind("\x1b[?2004l").is_some_and(|p| p > on));
}
