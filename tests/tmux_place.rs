//! The real binary remembers where the reader was: quit in the middle of an article, start
//! again on the same corpus, and the article is open where it was left.
#![cfg(feature = "tui")]

mod common;

use common::{Tmux, okur, tmux_available};

#[test]
fn quit_and_start_again_reopens_the_article_where_it_was() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let cmd = format!("{} --store {}/j.jsonl", okur(), dir.path().display());
    let t = Tmux::start(&format!("{cmd}; {cmd}"), 100, 20);
    t.wait_for("Documents");
    t.send(&["j", "j", "Enter", "PageDown", "j"]);
    // The list's title says "searching…" until the search worker's first answer; the
    // second start is compared once it has answered too.
    let before = t.wait_for("Documents 5/5");
    let title = before.lines().next().unwrap_or_default().to_string();
    t.send(&["q"]);
    let after = t.wait_for("back where you were");
    assert!(after.contains("back where you were"), "{after}");
    let after = t.wait_for("Documents 5/5");
    // The entity panel is left out: extraction may still be running in the second start.
    let panel_at = title
        .find("┌ Entities")
        .map_or(usize::MAX, |byte| title[..byte].chars().count());
    let reader_rows = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .take(19)
            .map(|l| l.chars().take(panel_at).skip(33).collect())
            .collect()
    };
    let head = |line: &str| -> String { line.chars().take(panel_at).collect() };
    assert_eq!(
        head(after.lines().next().unwrap_or_default()),
        head(&title),
        "{after}"
    );
    assert_eq!(
        reader_rows(&after),
        reader_rows(&before),
        "{before}\n{after}"
    );
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}
