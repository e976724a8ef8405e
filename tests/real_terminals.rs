//! Real terminal emulators, end to end: okur opens the Arabic seed under Xvfb in a VTE-based
//! terminal (sakura), xterm and mlterm, with no options, and tesseract reads a screenshot of
//! the reading pane. The pane must read in logical order: most words OCR finds must be words
//! of the document. A terminal that reorders okur's already-reordered rows a second time
//! shows every word backwards, and backwards words are not words of the document.
//!
//! The terminal tests are ignored by default: `.ci/run` installs the packages
//! (`.ci/install-real-terminals`) and runs them with `--ignored`. `OKUR_E2E_BIN` runs another
//! okur (an older build, a wrapper script); `OKUR_E2E_KEEP=1` keeps the screenshots of a
//! passing run too (a failing run always keeps them, under `target/tmp/real-terminals/`).
#![cfg(feature = "tui")]

#[path = "real_terminals/ocr.rs"]
mod ocr;
#[path = "real_terminals/procs.rs"]
mod procs;
#[path = "real_terminals/score.rs"]
mod score;
#[path = "real_terminals/terminals.rs"]
mod terminals;
#[path = "real_terminals/x11.rs"]
mod x11;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use procs::Guard;
use score::{Score, arabic_words, score};
use terminals::Terminal;
use x11::{Display, Shot};

/// The Arabic seed the reading pane shows.
const SEED: &str = "seeds/003_604562b84a66c7a6.txt";
/// Share of OCR words that must be words of the document. Measured with tesseract 5.3 and
/// DejaVu Sans Mono: 0.92 to 1.00 when the pane reads right (joined by the terminal, by
/// `--shape on`, or not joined at all); 0.00 to 0.02 when every row reads backwards; about
/// 0.57 in mlterm with its bidi off and no shaping (right order, but stale cells and
/// overlapping lam-alefs), which is not a screen to pass.
const THRESHOLD: f64 = 0.75;

#[test]
#[ignore = "needs Xvfb and real terminals: .ci/run installs them and runs this with --ignored"]
fn vte_sakura_shows_seed_003_in_logical_order() {
    reads_in_logical_order(Terminal::Sakura);
}

#[test]
#[ignore = "needs Xvfb and real terminals: .ci/run installs them and runs this with --ignored"]
fn xterm_shows_seed_003_in_logical_order() {
    reads_in_logical_order(Terminal::Xterm);
}

#[test]
#[ignore = "needs Xvfb and real terminals: .ci/run installs them and runs this with --ignored"]
fn mlterm_shows_seed_003_in_logical_order() {
    reads_in_logical_order(Terminal::Mlterm);
}

/// Opens the seed in `terminal`, pages past its header to the body, and checks the OCR score.
fn reads_in_logical_order(terminal: Terminal) {
    let run = Run::start(terminal);
    let page = show_body(&run, terminal);
    let rows = usize::from(terminals::ROWS);
    let (png, ocr_png) = ocr::save(&page, rows, &run.dir, "reading-pane");
    let text = ocr::read(&ocr_png);
    std::fs::write(run.dir.join("ocr.txt"), &text).expect("OCR text saved");
    let got = score(&text, &seed_text());
    let report = describe(terminal, &got, &text, &png);
    println!("{report}");
    assert!(got.share() >= THRESHOLD, "{report}");
}

/// Waits for okur's first screen, opens the document and pages to its body; returns the
/// settled screen. Enter opens the document and focuses the reading pane; the first PgDn
/// takes the caret to the last row, the second scrolls past the header lines (date,
/// counters) to a pane full of Arabic.
fn show_body(run: &Run, terminal: Terminal) -> Shot {
    let d = &run.display;
    let Some(window) = d.wait_window(terminal.class(), Duration::from_secs(30)) else {
        let log = run.dir.join("terminal.log");
        panic!(
            "no {} window within 30 s: {}",
            terminal.name(),
            log.display()
        );
    };
    let list = d.settle(&window, None, Duration::from_secs(30));
    d.key(&window, "Return");
    let mut page = d.settle(&window, Some(&list), Duration::from_secs(20));
    for _ in 0..2 {
        d.key(&window, "Next");
        page = d.settle(&window, Some(&page), Duration::from_secs(20));
    }
    page
}

/// What a run found, for the log and the failure message.
fn describe(terminal: Terminal, got: &Score, text: &str, png: &Path) -> String {
    format!(
        "{}: {:.2} of {} OCR words are words of the document (threshold {THRESHOLD})\n\
         screenshot: {}\nOCR text:\n{text}",
        terminal.name(),
        got.share(),
        got.read,
        png.display()
    )
}

/// The seed's text.
fn seed_text() -> String {
    std::fs::read_to_string(project(SEED)).expect("seed 003 is in the repository")
}

/// A path in the repository.
fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The okur under test: `OKUR_E2E_BIN` when set, else this build's binary.
fn okur() -> OsString {
    std::env::var_os("OKUR_E2E_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_okur").into())
}

/// One terminal running okur on a display of its own, in a folder of its own. Dropping it
/// kills every process it started, then removes the folder (fields drop in order).
struct Run {
    /// The terminal (and okur below it).
    _terminal: Guard,
    /// The Xvfb server.
    display: Display,
    /// The home, the journal, the logs and the screenshots.
    dir: Folder,
}

impl Run {
    /// Starts Xvfb, then `terminal` running okur on the seed with no options.
    fn start(terminal: Terminal) -> Run {
        let dir = Folder::new(terminal);
        let display = Display::start(&dir.join("xvfb.log"));
        let program = [okur(), project(SEED).into_os_string()];
        let mut cmd = terminal.command(&dir.join("home"), &dir.join("config"), &program);
        environment(&mut cmd, &dir, &display.name);
        let log = std::fs::File::create(dir.join("terminal.log")).expect("terminal log");
        cmd.stdout(log.try_clone().expect("log handle")).stderr(log);
        Run {
            _terminal: Guard::spawn(&mut cmd, terminal.name()),
            display,
            dir,
        }
    }
}

/// A run's folder under `target/tmp/real-terminals/`: removed on drop unless the test failed
/// or `OKUR_E2E_KEEP` is set.
struct Folder(PathBuf);

impl Folder {
    /// A new folder for `terminal`, with the home folders okur and the terminal may use (the
    /// runtime folder private, as the XDG spec wants).
    fn new(terminal: Terminal) -> Folder {
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-terminals");
        std::fs::create_dir_all(&base).expect("target/tmp/real-terminals");
        let dir = tempfile::Builder::new()
            .prefix(&format!("{}-", terminal.name()))
            .tempdir_in(&base)
            .expect("run folder")
            .keep();
        for sub in ["home", "config", "data", "cache", "runtime"] {
            std::fs::create_dir(dir.join(sub)).expect("home folder");
        }
        let private = std::os::unix::fs::PermissionsExt::from_mode(0o700);
        std::fs::set_permissions(dir.join("runtime"), private).expect("runtime folder mode");
        Folder(dir)
    }
}

impl std::ops::Deref for Folder {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if std::thread::panicking() || std::env::var_os("OKUR_E2E_KEEP").is_some() {
            eprintln!("kept: {}", self.0.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Only what a desktop session would give the terminal, nothing from the caller's terminal
/// (no `VTE_VERSION`, `TERM`, `OKUR_CONFIG`, ...): okur must see what the terminal under test
/// sets for its child.
fn environment(cmd: &mut Command, dir: &Path, display: &str) {
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DISPLAY", display)
        .env("LANG", "C.UTF-8")
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_RUNTIME_DIR", dir.join("runtime"))
        .env("OKUR_STORE", dir.join("journal.jsonl"))
        // No accessibility bus: GTK would start one (and its daemons) for nothing.
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null());
}

/// The scoring: folding, word splitting and the share, on text whose answer is known.
#[test]
fn scoring_folds_arabic_and_counts_document_words() {
    // Harakat, tatweel and hamza carriers fold away; presentation forms become letters.
    assert_eq!(arabic_words("أَرْدُوغَان"), ["اردوغان"]);
    assert_eq!(arabic_words("مـــع"), ["مع"]);
    assert_eq!(arabic_words("ﻻﻓﺮﻭﻑ"), ["لافروف"]);
    assert_eq!(arabic_words("«قره باغ»، 2020 HAS"), ["قره", "باغ"]);
    assert_eq!(arabic_words("مصطفى"), arabic_words("مصطفي"));
    assert_eq!(arabic_words("التقنية"), arabic_words("التقنيه"));
    let document = "وزير الخارجية الروسي سيرغي لافروف، الخميس، إن بلاده لديها مهام";
    // Read right, with OCR's usual slips (no hamza, ى for ي, a stray letter).
    let right = score(
        "وزير الخارجية الروسى سيرغي لافروف, الخميس ان بلاده ك",
        document,
    );
    assert_eq!((right.known, right.read), (8, 8));
    // The same row reordered twice: every word backwards.
    let backwards = score("هدالب نا ،سيمخلا ،فورفال يغريس يسورلا ةيجراخلا ريزو", document);
    assert_eq!((backwards.known, backwards.read), (0, 8));
    assert!(backwards.share() < THRESHOLD && right.share() > THRESHOLD);
    // Nothing read is no pass.
    assert_eq!(score("", document).share(), 0.0);
    assert_eq!(score("11/13/2020 news-picture", document).share(), 0.0);
}
