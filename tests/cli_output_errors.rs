//! Output that cannot be written: every headless command sent to a full disk (`/dev/full`)
//! says that standard output could not be written, and why, and exits 2; none panics or
//! ends as if it had printed everything.
#![cfg(target_os = "linux")]

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

/// The binary built for the tests. `assert_cmd`'s command sets standard output itself,
/// so a plain command is used to give it `/dev/full`.
fn okur() -> Command {
    Command::new(env!("CARGO_BIN_EXE_okur"))
}

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Every command that prints, on the bundled seeds (no path), with the arguments it needs.
const COMMANDS: [&[&str]; 9] = [
    &["render"],
    &["render", "--format", "jsonl"],
    &["render", "--text"],
    &["extract"],
    &["extract", "--format", "table"],
    &["list"],
    &["list", "--format", "table"],
    &["find", "a"],
    &["doctor"],
];

#[test]
fn every_command_says_standard_output_is_full_and_fails() -> TestResult {
    let dir = tempfile::tempdir()?;
    for args in COMMANDS {
        let out = okur()
            .args(args)
            .env("XDG_CACHE_HOME", dir.path())
            .env("OKUR_STORE", dir.path().join("journal.jsonl"))
            // A terminal okur knows: doctor asks an unknown one, and nothing would answer.
            .env("TERM", "xterm-256color")
            .stdout(File::create("/dev/full")?)
            .output()?;
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let said = err.lines().last().unwrap_or("");
        assert!(
            said.starts_with("okur: cannot write")
                && said.contains("standard output")
                && said.contains("No space left on device"),
            "{args:?}: {err}"
        );
    }
    Ok(())
}

/// `okur export --format FORMAT` of the seeds with an empty journal in `dir`, its cache
/// there too, then `more` arguments; the error it gave (it must fail, with exit 2).
fn export_error(dir: &Path, format: &str, more: &[&Path], stdout: Stdio) -> TestResult<String> {
    let out = okur()
        .args(["export", "--format", format, "--store"])
        .arg(dir.join("journal.jsonl"))
        .args(more)
        .env("XDG_CACHE_HOME", dir)
        .stdout(stdout)
        .output()?;
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{format}: {err}");
    Ok(err)
}

#[test]
fn export_says_the_same() -> TestResult {
    let dir = tempfile::tempdir()?;
    let err = export_error(dir.path(), "jsonl", &[], File::create("/dev/full")?.into())?;
    let said = "cannot write to standard output: No space left on device";
    assert!(err.contains(said), "{err}");
    Ok(())
}

#[test]
fn export_to_a_file_named_as_its_folder_says_to_name_a_folder() -> TestResult {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("out");
    std::fs::write(&file, "kept")?;
    for format in ["jsonl", "brat"] {
        let out = [Path::new("--out"), &file];
        let err = export_error(dir.path(), format, &out, Stdio::null())?;
        assert!(
            err.contains("out: not a folder; name a folder"),
            "{format}: {err}"
        );
    }
    assert_eq!(std::fs::read_to_string(&file)?, "kept");
    Ok(())
}
