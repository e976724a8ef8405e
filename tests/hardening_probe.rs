//! The display probe on a terminal that is slow to answer: the reader's first frame does
//! not wait for the answers, and an answer that comes after the first frame is still
//! taken (the terminal it names gets its own handshake), never read as keys.
//!
//! The terminal is a pseudo-terminal made by `script`, which answers nothing itself: the
//! test plays the terminal, answering only once the first frame is on screen.
#![cfg(all(unix, feature = "tui"))]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// mlterm's answers: DA2 (`CSI > 24 ; ...c`) names it, DA1 ends them.
const MLTERM_ANSWERS: &[u8] = b"\x1b[>24;279;0c\x1b[?1;2c";

/// What okur writes on entering for mlterm in `bidi app`: mlterm's own switch, which no
/// unknown terminal is sent.
const MLTERM_SWITCH: &str = "\x1b]5379;use_ctl=false\x07";

/// Everything the program wrote, as it arrives.
type Screen = Arc<Mutex<Vec<u8>>>;

fn output_so_far(screen: &Screen) -> String {
    let bytes = screen.lock().unwrap_or_else(|e| e.into_inner());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Waits until the output contains `needle` after `from` (a minute at most, so a hang
/// fails the test rather than stalling it); returns where it ends.
fn wait_for(screen: &Screen, needle: &str, from: usize) -> Option<usize> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let out = output_so_far(screen);
        if let Some(at) = out.get(from..).and_then(|rest| rest.find(needle)) {
            return Some(from + at + needle.len());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn a_late_answer_after_the_first_frame_is_taken() {
    if Command::new("script").arg("--version").output().is_err() {
        println!("skipped: script (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("haber.txt");
    std::fs::write(&article, "Yavaş terminal\n\nAnkara'da toplantı.\n").expect("article");
    let home = dir.path().join("home");
    // script's terminal has no size until one is set.
    let command = format!(
        "stty rows 24 cols 80 && {} --bidi app --shape off {}",
        env!("CARGO_BIN_EXE_okur"),
        article.display()
    );
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("script starts");
    let mut keys = child.stdin.take().expect("stdin");
    let mut out = child.stdout.take().expect("stdout");
    let screen: Screen = Arc::default();
    let filling = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = out.read(&mut chunk) {
            if n == 0 {
                break;
            }
            filling
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(&chunk[..n]);
        }
    });
    // The first frame, drawn while the terminal has said nothing.
    let frame = wait_for(&screen, "Yavaş terminal", 0);
    if frame.is_some() {
        keys.write_all(MLTERM_ANSWERS).expect("answers written");
        keys.flush().expect("answers sent");
    }
    let switched = frame.and_then(|at| wait_for(&screen, MLTERM_SWITCH, at));
    let _ = keys.write_all(b"q");
    let _ = keys.flush();
    let waited = Instant::now();
    while waited.elapsed() < Duration::from_secs(20) && matches!(child.try_wait(), Ok(None)) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let out = output_so_far(&screen);
    assert!(frame.is_some(), "no first frame:\n{out:?}");
    assert!(
        switched.is_some(),
        "the answer after the first frame was not taken:\n{out:?}"
    );
}
