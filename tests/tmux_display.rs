//! The display handshake end to end in tmux: the bytes okur writes at start, suspend,
//! resume, exit and abort (recorded with `pipe-pane`), the first-run display check on an
//! unknown terminal, and the display key. What a real emulator then shows is tested under
//! Xvfb (`tests/real_terminals.rs`).
#![cfg(feature = "tui")]

mod common;

use std::time::{Duration, Instant};

use common::{Tmux, child_of, okur, project, tmux_available, wait_for_file};

const SEED_003: &str = "seeds/003_604562b84a66c7a6.txt";
/// `CSI 8 l`, the alternate screen, `CSI 8 l` again: okur's order survives in VTE.
const ENTER_APP: &str = "\x1b[8l\x1b[?1049h\x1b[8l";
/// The main screen, then the terminal's own bidi mode back.
const LEAVE_APP: &str = "\x1b[?1049l\x1b[8h";

/// An interactive shell in tmux whose output is recorded, with okur's display fixed to
/// `bidi app` (tmux is no terminal okur recognises).
fn shell_with_recording() -> (Tmux, tempfile::TempDir, std::path::PathBuf) {
    let t = Tmux::start("PS1='$ ' bash --norc --noprofile -i", 100, 30);
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("out.raw");
    t.record_output(&log);
    (t, dir, log)
}

/// [`shell_with_recording`] with okur started in it on seed 003 and showing.
fn okur_in_recorded_shell() -> (Tmux, tempfile::TempDir, std::path::PathBuf) {
    let (t, dir, log) = shell_with_recording();
    let command = format!("{} {}", okur(), project(SEED_003).display());
    t.send(&[&command, "Enter"]);
    t.wait_for("Documents");
    (t, dir, log)
}

fn recorded(log: &std::path::Path) -> String {
    String::from_utf8_lossy(&std::fs::read(log).unwrap_or_default()).into_owned()
}

/// Waits until `log` holds `count` copies of `needle`.
fn wait_for_bytes(log: &std::path::Path, needle: &str, count: usize) -> String {
    let start = Instant::now();
    loop {
        let text = recorded(log);
        if text.matches(needle).count() >= count || start.elapsed() > Duration::from_secs(10) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn handshake_at_start_suspend_resume_and_exit() {
    if !tmux_available() {
        return;
    }
    let (t, _dir, log) = okur_in_recorded_shell();
    t.send(&["C-z"]);
    wait_for_bytes(&log, LEAVE_APP, 1);
    t.send(&["fg", "Enter"]);
    wait_for_bytes(&log, ENTER_APP, 2);
    t.send(&["q"]);
    let text = wait_for_bytes(&log, LEAVE_APP, 2);
    // Every entry sets explicit mode before the alternate screen; every exit gives the
    // terminal its implicit mode back; they alternate: start, suspend, resume, quit.
    let marks: Vec<&str> = text
        .match_indices(ENTER_APP)
        .chain(text.match_indices(LEAVE_APP))
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_values()
        .collect();
    assert_eq!(
        marks,
        [ENTER_APP, LEAVE_APP, ENTER_APP, LEAVE_APP],
        "{text:?}"
    );
    assert!(
        !text.contains("\x1b[?1049h\x1b[8l\x1b[?25l\x1b[?1049h"),
        "{text:?}"
    );
}

#[test]
fn an_abort_gives_the_terminal_back() {
    if !tmux_available() {
        return;
    }
    let (t, _dir, log) = okur_in_recorded_shell();
    // okur's pid: the pane runs `sh -c`, which runs bash, which runs okur.
    let bash = child_of(t.pane_pid());
    let pid = child_of(bash).to_string();
    let killed = std::process::Command::new("kill")
        .args(["-ABRT", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let text = wait_for_bytes(&log, LEAVE_APP, 1);
    assert!(text.contains(LEAVE_APP), "{text:?}");
    // Back on the main screen with the shell's line discipline: a typed command echoes.
    t.send(&["echo back-$((40+2))", "Enter"]);
    let screen = t.wait_for("back-42");
    assert!(screen.contains("back-42"), "{screen}");
}

#[test]
fn unknown_terminal_is_asked_once_and_the_answer_is_kept() {
    if !tmux_available() {
        return;
    }
    let seed = project(SEED_003);
    let cmd = format!("{okur} {s}; {okur} {s}", okur = okur(), s = seed.display());
    let t = Tmux::start_plain(&cmd, 110, 30);
    let screen = t.wait_for("Which line reads right");
    assert!(screen.contains("قال"), "{screen}");
    t.send(&["2"]);
    t.wait_for("joined");
    t.send(&["1"]);
    let screen = t.wait_for("Documents");
    assert!(
        screen.contains("display: bidi terminal, shape off"),
        "{screen}"
    );
    let config = std::fs::read_to_string(t.config_file()).expect("config written");
    assert!(
        config.contains("= { bidi = \"terminal\", shape = false }"),
        "{config}"
    );
    // The second okur: no question, the remembered mode (logical order) straight away.
    t.send(&["q"]);
    let screen = t.wait_for("Documents");
    assert!(!screen.contains("Which line"), "{screen}");
    t.send(&["e", "Enter"]);
    let screen = t.wait_for("11/13/2020");
    assert!(screen.contains("قال"), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn the_display_key_cycles_and_retunes_the_terminal() {
    if !tmux_available() {
        return;
    }
    let (t, _dir, log) = okur_in_recorded_shell();
    t.send(&["T"]);
    let screen = t.wait_for("display: bidi app, shape on");
    // Shaped: presentation forms on screen.
    assert!(
        screen
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "{screen}"
    );
    t.send(&["T"]);
    let screen = t.wait_for("display: bidi terminal, shape off");
    assert!(screen.contains("remembered for term:"), "{screen}");
    // Retuned: the terminal was given back (implicit mode) and taken without CSI 8 l.
    let text = wait_for_bytes(&log, "\x1b[?1049l\x1b[8h\x1b[?25h\x1b[?1049h\x1b[?25l", 1);
    assert!(
        text.contains("\x1b[?1049l\x1b[8h\x1b[?25h\x1b[?1049h\x1b[?25l"),
        "{text:?}"
    );
    t.send(&["q"]);
}

#[test]
fn a_terminal_that_only_names_itself_when_asked_is_recognised() {
    if !tmux_available() {
        return;
    }
    // With the variables gone, as over SSH, only the terminal's answers can name it; tmux
    // answers XTVERSION with its own name.
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("doctor.txt");
    let cmd = format!(
        "env -u TMUX -u TERM_PROGRAM -u TERM_PROGRAM_VERSION TERM=xterm-256color {} doctor > {}",
        okur(),
        report.display()
    );
    let t = Tmux::start_plain(&cmd, 120, 20);
    assert_eq!(t.wait_exit(), Some(0));
    let text = std::fs::read_to_string(&report).expect("report written");
    assert!(
        text.starts_with("terminal   multiplexer (XTVERSION tmux"),
        "{text}"
    );
}

/// A bracketed paste whose end marker never comes while the first-run display check asks:
/// the answer keys after it still count (okur's input filter ends the paste).
#[test]
fn a_broken_paste_does_not_hold_the_display_check() {
    if !tmux_available() {
        return;
    }
    let seed = project(SEED_003);
    let t = Tmux::start_plain(&format!("{} {}", okur(), seed.display()), 110, 30);
    t.wait_for("Which line reads right");
    t.send_raw(b"\x1b[200~abc");
    std::thread::sleep(std::time::Duration::from_millis(800));
    t.send(&["2"]);
    t.wait_for("joined");
    t.send(&["1"]);
    let screen = t.wait_for("Documents");
    assert!(
        screen.contains("display: bidi terminal, shape off"),
        "{screen}"
    );
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

/// A terminal that hangs up while the first-run display check waits for its answer: okur
/// exits 0 (its watchdog is already watching), instead of spinning on the dead terminal.
#[test]
fn a_hang_up_during_the_display_check_ends_okur() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let exit = dir.path().join("exit");
    // The shell survives the hang-up to write okur's exit status.
    let inner = format!(
        "trap : HUP; {} {}; echo $? > {}",
        okur(),
        project(SEED_003).display(),
        exit.display()
    );
    let t = Tmux::start_plain(&format!("sh -c '{inner}'"), 110, 30);
    t.wait_for("Which line reads right");
    t.kill_session();
    assert_eq!(wait_for_file(&exit).as_deref(), Some("0"));
}

#[test]
fn a_dumb_terminal_gets_a_message_not_escape_sequences() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.txt");
    let cmd = format!("TERM=dumb {} 2> {}", okur(), out.display());
    let t = Tmux::start(&cmd, 100, 20);
    assert_eq!(t.wait_exit(), Some(2));
    let text = std::fs::read_to_string(&out).expect("stderr written");
    assert!(text.contains("TERM=dumb"), "{text}");
    assert!(!t.capture().contains("Documents"));
}

#[test]
fn ctrl_l_sets_the_terminal_up_again_and_redraws() {
    if !tmux_available() {
        return;
    }
    let (t, _dir, log) = okur_in_recorded_shell();
    t.send(&["C-l"]);
    let text = wait_for_bytes(&log, ENTER_APP, 2);
    assert_eq!(text.matches(ENTER_APP).count(), 2, "{text:?}");
    assert_eq!(text.matches(LEAVE_APP).count(), 1, "{text:?}");
    let screen = t.wait_for("Documents");
    assert!(screen.contains("Documents"), "{screen}");
    t.send(&["q"]);
}

/// `y` in the reading pane writes OSC 52 to the terminal, carrying the caret's sentence in
/// logical order (the document's own bytes, not the reordered screen).
#[test]
fn y_writes_the_copy_as_osc52() {
    use base64::Engine;
    if !tmux_available() {
        return;
    }
    let (t, _dir, log) = okur_in_recorded_shell();
    t.send(&["Tab", "y"]);
    let text = wait_for_bytes(&log, "\x1b]52;c;", 1);
    t.send(&["q"]);
    let body = text
        .split("\x1b]52;c;")
        .nth(1)
        .and_then(|rest| rest.split('\x07').next())
        .expect("an OSC 52 sequence ended by BEL");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("base64");
    let copied = String::from_utf8(bytes).expect("UTF-8");
    let seed = std::fs::read_to_string(project(SEED_003)).expect("seed");
    assert!(!copied.is_empty() && seed.contains(&copied), "{copied:?}");
}
