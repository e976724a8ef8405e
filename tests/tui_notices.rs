//! Loading notices in the reader: the status line counts them and shows the first, and every
//! one is printed to standard error after the reader exits (the alternate screen hides
//! anything printed while it runs).
#![cfg(feature = "tui")]

mod common;

use std::path::Path;

use common::{Tmux, okur, tmux_available};

/// `docs/` under `root` with a good article, a binary file and a Windows-1254 one.
fn folder_with_notices(root: &Path) {
    let docs = root.join("docs");
    std::fs::create_dir(&docs).expect("folder");
    std::fs::write(docs.join("a_blob.txt"), b"\x7fELF\x00\x00\x01\x02").expect("blob");
    std::fs::write(docs.join("b_good.txt"), "Haber\n\nMetin.\n").expect("article");
    let (tr, _, _) = encoding_rs::WINDOWS_1254.encode("Dışişleri Bakanı Çavuşoğlu konuştu.");
    std::fs::write(docs.join("c_tr.txt"), &tr).expect("legacy article");
}

/// Runs okur on `docs` from inside `root` (short paths on the status line), stderr to a file.
fn start(root: &Path, store: &Path) -> (Tmux, std::path::PathBuf) {
    let err = root.join("stderr.txt");
    let command = format!(
        "cd {} && {} --store {} docs 2> {}",
        root.display(),
        okur(),
        store.display(),
        err.display()
    );
    (Tmux::start(&command, 120, 20), err)
}

/// Quits with `q` (okur exits 0) and returns what it printed to standard error.
fn quit(t: &Tmux, err: &Path) -> String {
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
    std::fs::read_to_string(err).expect("stderr captured")
}

#[test]
fn the_status_line_counts_the_notices_and_exit_prints_them_all() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_notices(dir.path());
    let (t, err) = start(dir.path(), &dir.path().join("journal.jsonl"));
    let screen = t.wait_for("2 notices");
    assert!(
        screen.contains("2 notices (all printed on exit); first: docs/a_blob.txt: skipped"),
        "{screen}"
    );
    let printed = quit(&t, &err);
    assert_eq!(
        printed,
        "okur: docs/a_blob.txt: skipped, looks like a binary file\n\
         okur: docs/c_tr.txt: not UTF-8: decoded as windows-1254\n"
    );
}

/// A folder large enough to open titles first: the notices arrive with the full load, and
/// are printed on exit too.
#[test]
fn notices_of_a_background_load_are_shown_and_printed_on_exit() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    folder_with_notices(dir.path());
    for i in 0..300 {
        let text = format!("Başlık {i:03}\n\nGövde {i:03}.\n");
        std::fs::write(dir.path().join(format!("docs/d{i:03}.txt")), text).expect("article");
    }
    let (t, err) = start(dir.path(), &dir.path().join("journal.jsonl"));
    let screen = t.wait_for("documents loaded");
    assert!(
        screen.contains("302 documents loaded; 2 notices (all printed on exit)"),
        "{screen}"
    );
    let printed = quit(&t, &err);
    assert!(
        printed.contains("okur: docs/a_blob.txt: skipped, looks like a binary file\n"),
        "{printed}"
    );
    assert!(
        printed.contains("okur: docs/c_tr.txt: not UTF-8: decoded as windows-1254\n"),
        "{printed}"
    );
}
