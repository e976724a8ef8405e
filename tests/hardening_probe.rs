//! The display probe on a terminal that is slow to answer: the reader's first frame does
//! not wait for the answers, and an answer that comes after the first frame is still
//! taken (the terminal it names gets its own handshake), never read as keys; the keys
//! typed while the probe waits (on a terminal that never answers, or mixed with the
//! answers) reach the reader, in order.
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

/// okur under `script` (a terminal that answers nothing by itself) on one article, with
/// its journal in `dir`; the test writes the terminal's input to `keys`.
struct Run {
    child: std::process::Child,
    keys: std::process::ChildStdin,
    screen: Screen,
    journal: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Run {
    /// None when `script` (util-linux) is not installed.
    fn start() -> Option<Run> {
        if Command::new("script").arg("--version").output().is_err() {
            println!("skipped: script (util-linux) is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("haber.txt");
        std::fs::write(&article, "Yavaş terminal\n\nAnkara'da toplantı.\n").expect("article");
        let home = dir.path().join("home");
        let journal = dir.path().join("j.jsonl");
        // script's terminal has no size until one is set.
        let command = format!(
            "stty rows 24 cols 80 && {} --bidi app --shape off --store {} {}",
            env!("CARGO_BIN_EXE_okur"),
            journal.display(),
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
        let keys = child.stdin.take().expect("stdin");
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
        Some(Run {
            child,
            keys,
            screen,
            journal,
            _dir: dir,
        })
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        let _ = self.keys.write_all(bytes);
        let _ = self.keys.flush();
    }

    /// Sends `q` and waits for okur to end (20 s at most, then it is killed); whether it
    /// ended by itself.
    fn quit(&mut self) -> bool {
        self.type_bytes(b"q");
        let waited = Instant::now();
        while waited.elapsed() < Duration::from_secs(20) {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }

    fn journal(&self) -> String {
        std::fs::read_to_string(&self.journal).unwrap_or_default()
    }
}

#[test]
fn a_late_answer_after_the_first_frame_is_taken() {
    let Some(mut run) = Run::start() else {
        return;
    };
    // The first frame, drawn while the terminal has said nothing.
    let frame = wait_for(&run.screen, "Yavaş terminal", 0);
    if frame.is_some() {
        run.type_bytes(MLTERM_ANSWERS);
    }
    let switched = frame.and_then(|at| wait_for(&run.screen, MLTERM_SWITCH, at));
    run.quit();
    let out = output_so_far(&run.screen);
    assert!(frame.is_some(), "no first frame:\n{out:?}");
    assert!(
        switched.is_some(),
        "the answer after the first frame was not taken:\n{out:?}"
    );
}

#[test]
fn keys_typed_while_a_silent_terminal_is_probed_reach_the_reader_in_order() {
    let Some(mut run) = Run::start() else {
        return;
    };
    let frame = wait_for(&run.screen, "Yavaş terminal", 0);
    // At once, before the probe gives up: tag the article `Kuzgun`, then quit.
    run.type_bytes(b"tKuzgun\r");
    let saved = frame.and_then(|at| wait_for(&run.screen, "saved", at));
    let quit = run.quit();
    let out = output_so_far(&run.screen);
    assert!(frame.is_some(), "no first frame:\n{out:?}");
    assert!(saved.is_some(), "the keys typed were lost:\n{out:?}");
    assert!(quit, "q was lost:\n{out:?}");
    assert!(run.journal().contains("\"Kuzgun\""), "{}", run.journal());
}

#[test]
fn an_answer_mixed_with_keys_is_taken_and_the_keys_kept() {
    let Some(mut run) = Run::start() else {
        return;
    };
    let frame = wait_for(&run.screen, "Yavaş terminal", 0);
    // The terminal's answers arrive in the middle of what the user types.
    run.type_bytes(&[b"tKuz".as_slice(), MLTERM_ANSWERS, b"gun\r"].concat());
    let switched = frame.and_then(|at| wait_for(&run.screen, MLTERM_SWITCH, at));
    let saved = frame.and_then(|at| wait_for(&run.screen, "saved", at));
    let quit = run.quit();
    let out = output_so_far(&run.screen);
    assert!(switched.is_some(), "the answer was not taken:\n{out:?}");
    assert!(saved.is_some(), "the keys typed were lost:\n{out:?}");
    assert!(quit, "q was lost:\n{out:?}");
    assert!(run.journal().contains("\"Kuzgun\""), "{}", run.journal());
}
