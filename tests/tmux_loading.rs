//! A large folder in the real binary: the list is drawn, and `q` quits, while the documents
//! are still loading.
#![cfg(feature = "tui")]

mod common;

use common::{Tmux, okur, tmux_available};

/// Writes `n` articles of about 20 KB each: enough that the full load outlasts the first
/// frame by far in a debug build.
fn write_big_folder(dir: &std::path::Path, n: usize) {
    let body = "Ankara'da bakanlar görüştü ve açıklama yaptı. ".repeat(400);
    for i in 0..n {
        let text = format!("Haber {i:04} başlığı\n\n03.11.2020 - 20:35\n\n{body}\n");
        std::fs::write(dir.join(format!("{i:04}.txt")), text).expect("write article");
    }
}

#[test]
fn a_large_folder_is_listed_and_quits_while_loading() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");
    write_big_folder(&corpus, 3000);
    let cmd = format!(
        "{} --store {}/j.jsonl {}",
        okur(),
        dir.path().display(),
        corpus.display()
    );
    let t = Tmux::start(&cmd, 100, 30);
    let screen = t.wait_for("Documents");
    assert!(screen.contains("Haber 0000 başlığı"), "{screen}");
    assert!(screen.contains("loading"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}
