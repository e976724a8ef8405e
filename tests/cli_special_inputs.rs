//! Inputs that are not documents (named pipes, devices, sockets, files over the size limit)
//! and names and texts that would break the output (tabs, newlines, U+2028): every command
//! answers at once with a clear notice, and prints records that stay one per line.
#![cfg(unix)]

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The binary with a time limit, so that a command that blocks fails instead of hanging the
/// suite, and with its cache in `cache` rather than the user's.
fn okur(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("okur").expect("binary built");
    cmd.timeout(Duration::from_secs(20))
        .env("XDG_CACHE_HOME", cache)
        .env_remove("OKUR_STORE")
        .env_remove(okur::corpus::MAX_INPUT_ENV);
    cmd
}

fn mkfifo(path: &Path) -> TestResult {
    let status = std::process::Command::new("mkfifo").arg(path).status()?;
    assert!(status.success(), "mkfifo {}", path.display());
    Ok(())
}

/// The three commands that read documents, with the arguments that go before the paths.
const COMMANDS: [&[&str]; 3] = [&["render"], &["extract"], &["find", "--scope", "docs", "a"]];

#[test]
fn a_named_pipe_named_directly_is_refused_at_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("x.txt");
    mkfifo(&fifo)?;
    for args in COMMANDS {
        okur(dir.path())
            .args(args)
            .arg(&fifo)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "x.txt: skipped, a named pipe (FIFO)",
            ))
            .stderr(predicate::str::contains("no documents found"));
    }
    Ok(())
}

#[test]
fn a_named_pipe_inside_a_folder_is_skipped_and_the_rest_is_read() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs)?;
    std::fs::write(docs.join("a.txt"), "Ankara haberi\n\nMetin burada.")?;
    mkfifo(&docs.join("x.txt"))?;
    for args in COMMANDS {
        okur(dir.path())
            .args(args)
            .arg(&docs)
            .assert()
            .stderr(predicate::str::contains(
                "x.txt: skipped, a named pipe (FIFO), not a regular file",
            ));
    }
    okur(dir.path())
        .args(["find", "--scope", "docs", "ankara"])
        .arg(&docs)
        .assert()
        .success()
        .stdout(predicate::str::contains("Ankara haberi"));
    Ok(())
}

#[test]
fn devices_are_not_read() -> TestResult {
    let dir = tempfile::tempdir()?;
    for device in ["/dev/zero", "/dev/null"] {
        okur(dir.path())
            .args(["render", device])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "{device}: skipped, a character device, not a regular file"
            )));
    }
    Ok(())
}

#[test]
fn a_socket_is_not_read() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs)?;
    std::fs::write(docs.join("a.txt"), "Ankara haberi")?;
    let socket = docs.join("s.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket)?;
    okur(dir.path())
        .arg("render")
        .arg(&docs)
        .assert()
        .success()
        .stderr(predicate::str::contains("s.txt: skipped, a socket"));
    okur(dir.path())
        .arg("render")
        .arg(&socket)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a socket, not a regular file"));
    Ok(())
}

#[test]
fn a_file_over_the_limit_is_skipped_with_the_limit_named() -> TestResult {
    let dir = tempfile::tempdir()?;
    let big = dir.path().join("big.txt");
    // Sparse: 300 MiB that cost nothing to write, and must not be read.
    std::fs::File::create(&big)?.set_len(300 << 20)?;
    okur(dir.path())
        .arg("render")
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "big.txt: skipped, larger than the 256 MiB okur reads (300 MiB); set OKUR_MAX_INPUT_MB",
        ));
    // The limit can be lowered (or raised).
    std::fs::write(dir.path().join("two.txt"), "x".repeat(2 << 20))?;
    okur(dir.path())
        .env(okur::corpus::MAX_INPUT_ENV, "1")
        .arg("render")
        .arg(dir.path().join("two.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("larger than the 1 MiB okur reads"));
    Ok(())
}

#[test]
fn standard_input_has_a_limit_too() -> TestResult {
    let dir = tempfile::tempdir()?;
    let input = "Başlık\n\n".to_string() + &"metin ".repeat(400_000);
    for args in [&["render", "-"][..], &["find", "--stdin", "metin"][..]] {
        okur(dir.path())
            .env(okur::corpus::MAX_INPUT_ENV, "1")
            .args(args)
            .write_stdin(input.clone())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "standard input is larger than the 1 MiB okur reads",
            ));
    }
    Ok(())
}

#[test]
fn find_escapes_tabs_and_newlines_in_names_and_keeps_four_fields() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs)?;
    std::fs::write(docs.join("a\tb\nc\\d.txt"), "Ankara haberi\n\nMetin.")?;
    let out = okur(dir.path())
        .args(["find", "--scope", "docs", "ankara"])
        .arg(&docs)
        .output()?;
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout)?;
    assert_eq!(text.lines().count(), 1, "{text}");
    let fields: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), 4, "{text}");
    assert!(fields[2].ends_with("/a\\tb\\nc\\\\d.txt"), "{text}");
    assert_eq!(fields[3], "Ankara haberi");
    Ok(())
}

#[test]
fn find_prints_json_lines_with_span_and_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs)?;
    let text = "Başlık\n\nAnkara'da\u{2028}toplantı yapıldı.\n";
    std::fs::write(docs.join("a\nb.txt"), text)?;
    let out = okur(dir.path())
        .args(["find", "--format", "jsonl", "--scope", "text", "toplantı"])
        .arg(&docs)
        .output()?;
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout)?;
    assert!(stdout.contains("\\u2028"), "{stdout}");
    assert!(!stdout.contains('\u{2028}'), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let hit: serde_json::Value = serde_json::from_str(lines[0])?;
    assert_eq!(hit["kind"], "text");
    assert_eq!(hit["doc"], docs.join("a\nb.txt").display().to_string());
    assert_eq!(hit["text"], "Ankara'da\u{2028}toplantı yapıldı.");
    let start = text.find("Ankara").ok_or("text")?;
    assert_eq!(hit["start"], start);
    assert_eq!(
        hit["end"],
        start + "Ankara'da\u{2028}toplantı yapıldı.".len()
    );
    assert_eq!(hit["line"], 3);
    assert!(hit["score"].as_i64().is_some_and(|s| s > 0), "{hit}");
    Ok(())
}

#[test]
fn render_and_extract_escape_line_and_paragraph_separators() -> TestResult {
    let dir = tempfile::tempdir()?;
    let doc = dir.path().join("a\u{2029}b.txt");
    std::fs::write(&doc, "Sergey Lavrov\u{2028}Ankara'da konuştu.\n")?;
    for args in [&["render", "--format", "jsonl"][..], &["extract"][..]] {
        let out = okur(dir.path()).args(args).arg(&doc).output()?;
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout)?;
        assert!(!stdout.is_empty(), "{args:?}");
        assert!(
            !stdout.contains(['\u{2028}', '\u{2029}']),
            "{args:?}: {stdout}"
        );
        for line in stdout.lines() {
            serde_json::from_str::<serde_json::Value>(line)?;
        }
    }
    Ok(())
}

#[test]
fn export_escapes_line_and_paragraph_separators() -> TestResult {
    let dir = tempfile::tempdir()?;
    let doc = dir.path().join("a.txt");
    let text = "Sergey Lavrov\u{2028}Ankara'da konuştu.\n";
    std::fs::write(&doc, text)?;
    let journal = dir.path().join("j.jsonl");
    let key = okur::corpus::DocKey::of_text(text);
    let mut store = okur::store::Store::open(&journal)?;
    store.apply(okur::store::Change::Note {
        doc: key,
        value: "bir\u{2029}iki".into(),
    })?;
    drop(store);
    for format in ["jsonl", "doccano"] {
        let out = okur(dir.path())
            .args(["export", "--format", format, "--store"])
            .arg(&journal)
            .arg(&doc)
            .output()?;
        assert!(out.status.success(), "{format}");
        let stdout = String::from_utf8(out.stdout)?;
        assert!(
            stdout.contains("\\u2028") || stdout.contains("\\u2029"),
            "{stdout}"
        );
        assert!(
            !stdout.contains(['\u{2028}', '\u{2029}']),
            "{format}: {stdout}"
        );
    }
    Ok(())
}

#[test]
fn extract_stops_cleanly_when_the_reader_goes_away() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs)?;
    // Far more output than a pipe holds, so okur is still writing when `head` leaves.
    for (i, doc) in okur::corpus::load_seeds()
        .corpus
        .docs
        .iter()
        .cycle()
        .take(400)
        .enumerate()
    {
        std::fs::write(docs.join(format!("{i:03}.txt")), doc.text()?.as_bytes())?;
    }
    let script = format!(
        "{} extract {} | head -1 > /dev/null; echo \"${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_okur"),
        docs.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("XDG_CACHE_HOME", dir.path())
        .output()?;
    assert_eq!(String::from_utf8(out.stdout)?.trim(), "0");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

#[test]
fn a_config_that_is_a_pipe_or_a_device_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo)?;
    for (config, why) in [
        (fifo.as_path(), "a named pipe (FIFO), not a regular file"),
        (
            Path::new("/dev/zero"),
            "a character device, not a regular file",
        ),
    ] {
        okur(dir.path())
            .args(["doctor", "--config"])
            .arg(config)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "cannot read config {}: {why}",
                config.display()
            )));
    }
    Ok(())
}

/// A hit's line was counted from its document's start, the document decompressed again for
/// each hit: `okur find a` on a file of one-letter lines took time in its hits times its
/// length (2 MB, 24,000 hits: 48 s of CPU; 40 MB ran past five minutes). Each hit's line
/// must still be the one its offset is on.
#[test]
fn find_prints_many_hits_of_one_document_at_once_with_their_lines() -> TestResult {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("letters.txt");
    let text: String = (0..500_000)
        .map(|i| if i % 4 == 1 { "a\n" } else { "x\n" })
        .collect();
    std::fs::write(&file, &text)?;
    let out = okur(dir.path())
        // The whole index's path (the text scope alone streams its lines).
        .args(["find", "--format", "jsonl", "a"])
        .arg(&file)
        .output()?;
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout)?;
    let mut hits = 0;
    for line in stdout.lines() {
        let hit: serde_json::Value = serde_json::from_str(line)?;
        let start = hit["start"].as_u64().ok_or("start")?;
        // Line `n` (1-based) starts at byte `2 * (n - 1)`.
        assert_eq!(hit["line"].as_u64(), Some(start / 2 + 1), "{hit}");
        hits += 1;
    }
    assert_eq!(hits, 125_000);
    Ok(())
}
