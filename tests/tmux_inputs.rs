//! Inputs that never end or are no files, end to end in tmux: the reader must not hang on a
//! named pipe found in a folder, and `q` must quit while standard input is still loading.
#![cfg(all(feature = "tui", unix))]

mod common;

use std::path::Path;

use common::{Tmux, okur, tmux_available};

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn q_or_ctrl_c_quits_while_standard_input_is_still_loading() {
    if !tmux_available() {
        return;
    }
    for key in ["q", "C-c"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("feed");
        mkfifo(&fifo);
        // A writer that holds the pipe open and never writes: the load never ends.
        let command = format!(
            "(sleep 60 > {f} &); {} --store {} - < {f}",
            okur(),
            dir.path().join("j.jsonl").display(),
            f = fifo.display()
        );
        let t = Tmux::start(&command, 100, 30);
        let screen = t.wait_for("loading standard input");
        assert!(screen.contains("loading standard input"), "{screen}");
        t.send(&[key]);
        assert_eq!(t.wait_exit(), Some(0), "{key}: {}", t.capture());
    }
}

#[test]
fn a_named_pipe_in_a_folder_is_skipped_and_the_rest_opens() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("docs folder");
    std::fs::write(docs.join("a.txt"), "Ankara haberi\n\nMetin burada.").expect("write");
    mkfifo(&docs.join("x.txt"));
    let command = format!(
        "{} --store {} {}",
        okur(),
        dir.path().join("j.jsonl").display(),
        docs.display()
    );
    let t = Tmux::start(&command, 100, 30);
    let screen = t.wait_for("Ankara haberi");
    assert!(screen.contains("Ankara haberi"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0), "{}", t.capture());
}
