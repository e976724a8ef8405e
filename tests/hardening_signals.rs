//! SIGINT sent to a running reader (`kill -INT`, a supervisor, `timeout -s INT`) ends it
//! as SIGTERM does: exit 0, the terminal given back (cooked mode, main screen), and the
//! change it said was saved in the journal.
#![cfg(all(unix, feature = "tui"))]

mod common;

use common::{Tmux, okur, tmux_available, wait_for_file};

#[test]
fn sigint_restores_the_terminal_and_keeps_changes() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("journal.jsonl");
    let pid_file = dir.path().join("pid");
    let status_file = dir.path().join("status");
    let stty_file = dir.path().join("stty");
    let inner = format!(
        "echo $$ > {}; OKUR_STORE={} exec {}",
        pid_file.display(),
        store.display(),
        okur()
    );
    // After okur: its exit status, then the terminal's settings as it left them.
    let command = format!(
        "sh -c '{inner}'; echo $? > {}; stty -a > {}",
        status_file.display(),
        stty_file.display()
    );
    let t = Tmux::start(&command, 100, 30);
    t.wait_for("Documents");
    t.send(&["s"]);
    t.wait_for("saved");
    let pid = std::fs::read_to_string(&pid_file).expect("pid written");
    let killed = std::process::Command::new("kill")
        .args(["-INT", pid.trim()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait_for_file(&status_file);
    assert_eq!(status.as_deref(), Some("0"), "exit status after SIGINT");
    let stty = wait_for_file(&stty_file).unwrap_or_default();
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon") && !stty.contains("-echo "),
        "the terminal is left raw:\n{stty}"
    );
    let screen = t.capture();
    assert!(
        !screen.contains("Documents"),
        "the reader's screen stays:\n{screen}"
    );
    let journal = std::fs::read_to_string(&store).expect("journal exists");
    assert!(journal.contains(r#""op":"star""#), "{journal}");
}
