//! UTF-16 text files (Notepad's "Unicode", little-endian with a byte order mark; big-endian
//! or without a mark from other tools) are read as text, by every command and by the quick
//! title scan alike. Their NUL bytes had them skipped as binary files.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The binary with a time limit and its cache in `cache` rather than the user's.
fn okur(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("okur").expect("binary built");
    cmd.timeout(Duration::from_secs(20))
        .env("XDG_CACHE_HOME", cache)
        .env_remove("OKUR_STORE");
    cmd
}

const TR: &str = "Ankara'da görüşme\n\nDışişleri Bakanı konuştu.\n";
const AR: &str = "لقاء في القاهرة\n\nقال وزير الخارجية إن المحادثات ستستمر.\n";

/// The four files: `le_bom.txt`, `be_bom.txt`, `le.txt`, `be.txt`.
fn write_utf16(dir: &Path) -> TestResult {
    let le = |s: &str| {
        s.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>()
    };
    let be = |s: &str| {
        s.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>()
    };
    std::fs::write(
        dir.join("le_bom.txt"),
        [&[0xFF, 0xFE][..], &le(TR)].concat(),
    )?;
    std::fs::write(
        dir.join("be_bom.txt"),
        [&[0xFE, 0xFF][..], &be(AR)].concat(),
    )?;
    std::fs::write(dir.join("le.txt"), le(AR))?;
    std::fs::write(dir.join("be.txt"), be(TR))?;
    Ok(())
}

#[test]
fn utf16_files_are_rendered_with_a_notice() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_utf16(dir.path())?;
    let files = [
        ("le_bom.txt", "UTF-16LE", TR),
        ("be_bom.txt", "UTF-16BE", AR),
        ("le.txt", "UTF-16LE", AR),
        ("be.txt", "UTF-16BE", TR),
    ];
    for (name, encoding, text) in files {
        let notice = format!("{name}: not UTF-8: decoded as {encoding}");
        let mut render = okur(dir.path());
        render
            .current_dir(dir.path())
            .args(["render", "--text", name]);
        render
            .assert()
            .success()
            .stdout(text)
            .stderr(predicate::str::contains(notice));
    }
    Ok(())
}

#[test]
fn the_title_scan_lists_utf16_files_by_their_titles() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_utf16(dir.path())?;
    // A UTF-8 file beside them: with no title at all, `find` would fall back to the full load.
    std::fs::write(dir.path().join("plain.txt"), "Başka görüşme\n")?;
    let out = okur(dir.path())
        .current_dir(dir.path())
        .args([
            "find",
            "--scope",
            "docs",
            "--format",
            "jsonl",
            "görüşme",
            ".",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out)?;
    for name in ["le_bom.txt", "be.txt", "plain.txt"] {
        assert!(out.contains(name), "{name} listed by its title: {out}");
    }
    assert!(out.contains("Ankara'da görüşme"), "{out}");
    Ok(())
}
