//! `okur find --stdin QUERY` and `okur render -` typed at a terminal, with nothing piped in:
//! okur reads the text from the terminal, and says so and how to end it, instead of waiting
//! in silence as if it hung.
#![cfg(all(feature = "tui", unix))]

mod common;

use common::{Tmux, okur, tmux_available};

#[test]
fn find_stdin_at_a_terminal_says_to_type_the_lines_and_ranks_them() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.txt");
    let command = format!("{} find --stdin ankara > {}", okur(), out.display());
    let t = Tmux::start(&command, 100, 20);
    let screen = t.wait_for("Ctrl-D");
    assert!(
        screen.contains("okur: reading the lines to rank from the terminal"),
        "{screen}"
    );
    t.send(&["Ankara haberi", "Enter", "Kahire", "Enter", "C-d"]);
    assert_eq!(t.wait_exit(), Some(0), "{}", t.capture());
    let ranked = std::fs::read_to_string(&out).expect("output written");
    assert_eq!(ranked, "Ankara haberi\n");
}

#[test]
fn render_of_standard_input_at_a_terminal_says_to_type_the_text() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.txt");
    let t = Tmux::start(&format!("{} render - > {}", okur(), out.display()), 100, 20);
    let screen = t.wait_for("Ctrl-D");
    assert!(
        screen.contains("okur: reading standard input from the terminal"),
        "{screen}"
    );
    t.send(&["Kahire", "Enter", "C-d"]);
    assert_eq!(t.wait_exit(), Some(0), "{}", t.capture());
    assert_eq!(std::fs::read_to_string(&out).expect("rendered"), "Kahire\n");
}
