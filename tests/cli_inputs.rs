//! Bad and unusual input: each gets a clear one-line message and no panic.

use assert_cmd::Command;
use predicates::prelude::*;

fn okur() -> Command {
    Command::cargo_bin("okur").expect("binary built")
}

#[test]
fn missing_path_exits_2_with_one_line() {
    okur()
        .args(["render", "/no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no such file or folder: /no/such/file.txt",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn folder_without_documents_is_an_error() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("image.png"), b"\x89PNG")?;
    okur()
        .arg("render")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no documents found"));
    Ok(())
}

#[test]
fn empty_file_is_listed_and_marked_empty() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("empty.txt"), "")?;
    std::fs::write(dir.path().join("one.txt"), "Başlık\n\nMetin.")?;
    okur()
        .arg("render")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("empty.txt: empty"))
        .stdout(predicate::str::contains("Başlık"));
    Ok(())
}

#[test]
fn binary_file_is_skipped_and_said_so() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("blob.txt"), b"\x7fELF\x00\x00\x01\x02")?;
    std::fs::write(dir.path().join("ok.txt"), "Haber")?;
    okur()
        .arg("render")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "blob.txt: skipped, looks like a binary file",
        ))
        .stdout("Haber\n");
    Ok(())
}

#[test]
fn windows_1254_and_1256_are_decoded_with_a_notice() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let tr = "Dışişleri Bakanı Çavuşoğlu İstanbul'da konuştu.";
    let ar = "وزير الخارجية الروسي سيرغي لافروف قال";
    let (tr_bytes, _, _) = encoding_rs::WINDOWS_1254.encode(tr);
    let (ar_bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ar);
    std::fs::write(dir.path().join("tr.txt"), &tr_bytes)?;
    std::fs::write(dir.path().join("ar.txt"), &ar_bytes)?;
    okur()
        .args(["render", "--width", "200", "--bidi", "off"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("decoded as windows-1254"))
        .stderr(predicate::str::contains("decoded as windows-1256"))
        .stdout(predicate::str::contains(tr))
        .stdout(predicate::str::contains(ar));
    Ok(())
}

#[test]
fn bom_and_crlf_are_handled() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("bom.txt");
    std::fs::write(&file, "\u{feff}Başlık\r\n\r\nGövde\r\n")?;
    okur()
        .arg("render")
        .arg(&file)
        .assert()
        .success()
        .stdout("Başlık\n\nGövde\n");
    okur()
        .args(["render", "--format", "jsonl"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""start":3,"end":11"#));
    Ok(())
}

#[test]
fn five_megabyte_single_line_renders_in_bounded_rows() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("long.txt");
    std::fs::write(&file, "kelime لافروف 2020 ".repeat(5 * 1024 * 1024 / 26))?;
    let out = okur()
        .args(["render", "--width", "120"])
        .arg(&file)
        .output()?;
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout)?;
    assert!(text.lines().all(|l| l.chars().count() <= 120));
    assert!(text.lines().count() > 30_000);
    Ok(())
}

#[test]
fn stdin_is_read_with_dash() {
    okur()
        .args(["render", "-"])
        .write_stdin("Başlık\n\nMetin")
        .assert()
        .success()
        .stdout("Başlık\n\nMetin\n");
}

#[test]
fn help_documents_every_command() {
    let out = okur()
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    for cmd in ["render", "export"] {
        assert!(text.contains(cmd), "{text}");
        okur().args([cmd, "--help"]).assert().success();
    }
    okur()
        .args(["render", "--help"])
        .assert()
        .stdout(predicate::str::contains("--width").and(predicate::str::contains("--shape")));
}

#[test]
fn bad_option_value_is_an_error_not_a_panic() {
    okur()
        .args(["render", "--width", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn bad_config_is_refused_before_the_terminal_is_touched() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("config.toml");
    std::fs::write(&bad, "colour = 1\n")?;
    okur()
        .arg("--config")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `colour`"));
    std::fs::write(&bad, "[keys]\nstar = [\"Hyper-x\"]\n")?;
    okur()
        .arg("--config")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "config {}: [keys] star: unknown key `Hyper-x`",
            bad.display()
        )));
    // `okur doctor --config` checks what the reader checks: a config it passes opens.
    okur()
        .args(["doctor", "--config"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[keys] star: unknown key `Hyper-x`",
        ));
    Ok(())
}

/// The reader with no terminal (a script, a cron job, a pipe): one line saying what to run
/// instead, exit 2, and no escape codes written to the pipe.
#[test]
fn reader_without_a_terminal_says_what_to_use() {
    let expected = "okur: the reader needs a terminal; use `okur render|extract|find|export` \
                    for scripts\n";
    for args in [&[][..], &["-"][..]] {
        okur()
            .args(args)
            .write_stdin("Başlık\n\nMetin.\n")
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .code(2)
            .stdout("")
            .stderr(expected);
    }
}

/// A broken link or an unreadable file inside a folder is skipped with a notice; the rest of
/// the folder still loads.
#[cfg(unix)]
#[test]
fn unreadable_files_inside_a_folder_are_skipped_with_a_notice()
-> Result<(), Box<dyn std::error::Error>> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("good.txt"), "Haber")?;
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), dir.path().join("gone.txt"))?;
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Gizli")?;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))?;
    // Root reads the file whatever its mode: that part of the test cannot fail then.
    let can_lock = std::fs::read(&locked).is_err();
    let assert = okur()
        .args(["extract", "--format", "table"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "gone.txt: skipped, broken symbolic link",
        ));
    if can_lock {
        assert.stderr(predicate::str::contains(
            "locked.txt: skipped, permission denied",
        ));
    } else {
        println!("running as root: the unreadable-file part is skipped");
    }
    // The good file is there (and, as root, the "locked" one after it).
    okur()
        .arg("render")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Haber\n"));
    Ok(())
}

/// A path the user named is not skipped: a broken link named directly is an error.
#[cfg(unix)]
#[test]
fn a_broken_link_named_directly_is_an_error() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let link = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &link)?;
    okur()
        .arg("render")
        .arg(&link)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or folder"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    Ok(())
}

/// A binary file named directly: the one-line error says it was skipped as binary.
#[test]
fn binary_file_named_directly_says_why_it_was_skipped() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("bin.txt");
    std::fs::write(&file, b"\x7fELF\x00\x00\x01\x02")?;
    okur()
        .arg("render")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bin.txt: skipped, looks like a binary file",
        ))
        .stderr(predicate::str::contains("okur reads .txt and .md").not())
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    Ok(())
}

#[test]
fn doctor_prints_the_commented_default_config_that_okur_accepts() {
    let out = okur()
        .args(["doctor", "--default-config"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("mouse = true"), "{text}");
    let config = okur::config::Config::parse(&text, std::path::Path::new("stdout"));
    assert_eq!(config.ok(), Some(okur::config::Config::default()));
}
