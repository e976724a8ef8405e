//! Hostile file names: a newline, a tab, an escape sequence, a bidi override. Every
//! line-based output keeps one record a line and prints nothing the terminal would obey
//! (`find`, `extract --format table`, `list --format table`, CoNLL's `# doc:` line, the
//! notices on standard error, the one-line error); the reader's status line and pane
//! title show the name escaped instead of being reversed by it.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Output;

/// Names that break a line, a terminal or the order of a line.
const HOSTILE: [&str; 4] = [
    "new\nline.txt",
    "tab\there.txt",
    "esc\u{1b}]0;PWNED\u{7}red.txt",
    "rlo\u{202e}txt.exe.txt",
];

const TEXT: &str = "Başlık\n\nAnkara'da Ahmet Yılmaz 3 Kasım 2020 konuştu.\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in HOSTILE {
        std::fs::write(dir.path().join(name), TEXT).expect("article written");
    }
    // Skipped with a notice that names it.
    let binary = dir.path().join("bin\u{1b}[41m\u{202e}.txt");
    std::fs::write(binary, [0u8, 1, 2, 3].repeat(64)).expect("binary written");
    dir
}

fn okur(args: &[&str], dir: &Path) -> Output {
    common::okur_in(args, dir)
}

/// Nothing a terminal would act on, and no bidi override.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let raw = (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!raw, "{what} prints {c:?} raw:\n{text}");
    }
}

#[test]
fn find_prints_one_record_a_line_and_nothing_raw() {
    let dir = folder();
    let out = okur(&["find", "--scope", "text", "ankara", "."], dir.path());
    assert_inert("find", &out.stdout);
    assert_inert("find's notices", &out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), HOSTILE.len(), "{stdout}");
    for line in lines {
        assert_eq!(line.split('\t').count(), 4, "{line:?}");
    }
    assert!(stdout.contains("rlo\\u{202e}txt.exe.txt"), "{stdout}");
}

#[test]
fn tables_keep_a_name_on_its_row() {
    let dir = folder();
    let out = okur(&["extract", "--format", "table", "."], dir.path());
    assert_inert("extract --format table", &out.stdout);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The header, then three mentions (a person, a place, a date) per article, each row
    // starting with its document.
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 3 * HOSTILE.len(), "{stdout}");
    assert!(rows.iter().all(|r| r.starts_with("./")), "{stdout}");
    assert!(stdout.contains("./new\\nline.txt"), "{stdout}");
    let out = okur(&["list", "--format", "table", "."], dir.path());
    assert_inert("list --format table", &out.stdout);
    assert_inert("list's notices", &out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), HOSTILE.len(), "{stdout}");
}

#[test]
fn conll_names_each_document_on_one_comment_line() {
    let dir = folder();
    let store = dir.path().join("journal.jsonl");
    let store = store.to_str().expect("utf-8 temp path");
    let out = okur(
        &["export", "--format", "conll", "--store", store, "."],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert("conll", &out.stdout);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let docs = stdout.lines().filter(|l| l.starts_with("# doc: ")).count();
    assert_eq!(docs, HOSTILE.len(), "{stdout}");
    // No token line made of a name's second half.
    assert!(
        !stdout.lines().any(|l| l.starts_with("line.txt")),
        "{stdout}"
    );
}

#[test]
fn a_one_line_error_stays_one_inert_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = okur(&["render", "gone\u{1b}]0;PWNED\u{7}\nx.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_inert("the error", &out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[cfg(feature = "tui")]
mod reader {
    use super::common::tui::Harness;
    use okur::corpus::{Corpus, Document};

    #[test]
    fn a_bidi_override_in_a_name_reorders_nothing_on_screen() {
        let name = "n2/x\u{202e}abc.txt";
        let doc = Document::from_text(name.to_string(), "Başlık\n\nmetin\n".to_string());
        let mut h = Harness::over(Corpus { docs: vec![doc] })
            .screen(120, 12)
            .start();
        h.app_mut()
            .status
            .say(format!("{name}: skipped, looks like a binary file"));
        let screen = h.screen_text();
        assert!(
            screen.contains("n2/x\\u{202e}abc.txt: skipped, looks like a binary file"),
            "{screen}"
        );
        let title = screen.lines().next().unwrap_or_default();
        assert!(title.contains("n2/x\\u{202e}abc.txt"), "{title}");
    }
}
