//! End-to-end runs of the real binary in tmux: keys in, screen out.
#![cfg(feature = "tui")]

mod common;

use std::time::Duration;

use common::{Tmux, okur, project, tmux_available, wait_for_file};

#[test]
fn browse_seeds_help_and_quit() {
    if !tmux_available() {
        return;
    }
    let store = tempfile::tempdir().expect("temp dir");
    let cmd = format!("OKUR_STORE={}/j.jsonl {}", store.path().display(), okur());
    let t = Tmux::start(&cmd, 100, 30);
    let screen = t.wait_for("Documents");
    assert!(screen.contains("Dünya Rusya'dan"), "{screen}");
    assert!(screen.contains("Aliyev ve"), "{screen}");
    t.send(&["j", "Tab", "?"]);
    let help = t.wait_for("Keys");
    assert!(help.contains("this help"), "{help}");
    t.send(&["Escape"]);
    let after = t.capture();
    assert!(!after.contains("Keys · Esc"), "{after}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

/// The pane captured from the running app equals `okur render` at the same width.
#[test]
fn arabic_pane_matches_render() {
    if !tmux_available() {
        return;
    }
    let seed = project("seeds/003_604562b84a66c7a6.txt");
    // 100 columns with the entity panel hidden: the reader's inner width is known.
    let t = Tmux::start(&format!("{} {}", okur(), seed.display()), 100, 40);
    t.wait_for("Documents");
    t.send(&["e", "Enter"]);
    let screen = t.wait_for("11/13/2020");
    let inner_width = reader_inner_width(&screen);
    let render = std::process::Command::new(okur())
        .args(["render", "--width", &inner_width.to_string()])
        .arg(&seed)
        .output()
        .expect("render runs");
    let rendered = String::from_utf8_lossy(&render.stdout);
    let pane: Vec<String> = screen
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| reader_column(l, inner_width))
        .collect();
    assert!(pane.len() > 20, "screen:\n{screen}");
    assert!(
        pane.iter().any(|l| l.contains("فورفال")),
        "screen:\n{screen}"
    );
    let expected: Vec<&str> = rendered.lines().take(pane.len()).collect();
    assert_eq!(pane, expected, "screen:\n{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
    // Enter marked the document read (a `seen` entry, not an undo step): in the session's own
    // journal, not the user's.
    let journal = std::fs::read_to_string(t.default_journal()).expect("journal in temp home");
    assert!(journal.contains(r#""op":"seen""#), "{journal}");
}

/// Width of the reading pane's text area, from the second box on the first row.
fn reader_inner_width(screen: &str) -> usize {
    let first = screen.lines().next().unwrap_or("");
    let corners: Vec<usize> = first
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '┌')
        .map(|(i, _)| i)
        .collect();
    let ends: Vec<usize> = first
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '┐')
        .map(|(i, _)| i)
        .collect();
    ends[1] - corners[1] - 1
}

/// The text inside the reader's borders on a screen row, trailing spaces trimmed.
fn reader_column(line: &str, inner: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let starts: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '│')
        .map(|(i, _)| i)
        .collect();
    let start = starts.get(2).map_or(0, |s| s + 1);
    chars[start..(start + inner).min(chars.len())]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// A 50 MB file with no line break opens at once: only the first screen is laid out.
#[test]
fn fifty_megabyte_single_line_opens() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("huge.txt");
    std::fs::write(&file, "kelime لافروف 2020 ".repeat(50 * 1024 * 1024 / 26)).expect("written");
    let t = Tmux::start(&format!("{} {}", okur(), file.display()), 100, 30);
    let screen = t.wait_for("kelime");
    assert!(screen.contains("huge.txt"), "{screen}");
    t.send(&["Tab", "j", "q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

/// A 2 MB one-line file stays responsive once extraction has found its thousands of
/// mentions: a liveness check (generous limits, no timing), for frames that once styled
/// every cell by scanning every span, and `w`/`n` that laid out the whole document.
#[test]
fn two_megabyte_single_line_responds_after_extraction() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.txt");
    let unit = format!("{}لافروف 2020 ", "kelime ".repeat(40));
    std::fs::write(&file, unit.repeat(2 * 1024 * 1024 / unit.len())).expect("written");
    let t = Tmux::start(&format!("{} {}", okur(), file.display()), 100, 30);
    t.wait_for("kelime");
    // The entity panel's title says "extracting" until the mentions are in.
    let screen = t.wait_for_within("here·all", Duration::from_secs(600));
    assert!(
        screen.contains("here·all"),
        "extraction never finished:\n{screen}"
    );
    // Select the first entity (its mentions are highlighted), then move by mention, word
    // and row in the reading pane; `?` shows once all of them have been handled.
    t.send(&["Tab", "Tab", "Enter", "BTab", "n", "w", "j", "n", "?"]);
    let help = t.wait_for_within("Keys", Duration::from_secs(120));
    assert!(help.contains("this help"), "no answer to the keys:\n{help}");
    t.send(&["Escape", "q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

/// A folder of 400 articles opens titles first, then the full documents arrive: the status
/// says so, the text shows, and a star given after loading is saved.
#[test]
fn large_folder_opens_titles_first_then_loads() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("folder");
    for i in 0..400 {
        let text = format!("Başlık {i:03}\n\n03.11.2020\n\nGövde metni {i:03} burada.\n");
        std::fs::write(docs.join(format!("{i:03}.txt")), text).expect("article");
    }
    let store = dir.path().join("journal.jsonl");
    let command = format!("{} --store {} {}", okur(), store.display(), docs.display());
    let t = Tmux::start(&command, 100, 30);
    t.wait_for("400 documents loaded");
    t.send(&["Enter"]);
    t.wait_for("Gövde metni 000 burada.");
    t.send(&["Tab", "s"]);
    t.wait_for("saved");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
    let journal = std::fs::read_to_string(&store).expect("journal written");
    assert!(journal.contains("star"), "{journal}");
}

/// Annotate a span in the Arabic seed, quit, reopen: the span is drawn bold; export has it.
#[test]
fn annotate_arabic_span_reopen_and_export() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("journal.jsonl");
    let seed = project("seeds/003_604562b84a66c7a6.txt");
    let cmd = format!(
        "NO_COLOR=1 OKUR_STORE={} {} {}",
        store.display(),
        okur(),
        seed.display()
    );
    let t = Tmux::start(&cmd, 100, 30);
    t.wait_for("Documents");
    // Enter opens the document with the caret on its first letter; on an RTL row `←` reads
    // forward, so five steps cover لافروف; `p` labels it a person.
    t.send(&["Enter", "v", "Left", "Left", "Left", "Left", "Left", "p"]);
    t.wait_for("saved");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
    drop(t);

    let t = Tmux::start(&cmd, 100, 30);
    t.wait_for("Documents");
    // The document reopens where it was left, the caret inside the span: with the keyboard
    // on the next pane no caret cuts the word.
    t.wait_for("back where you were");
    t.send(&["Tab"]);
    t.wait_for("11/13/2020");
    let styled = t.capture_styled();
    assert!(bold_before(&styled, "فورفا"), "{styled}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));

    let out = std::process::Command::new(okur())
        .args(["export", "--format", "jsonl", "--store"])
        .arg(&store)
        .arg(&seed)
        .output()
        .expect("export runs");
    let jsonl = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{jsonl}");
    assert!(
        jsonl.contains(r#""kind":"person","start":0,"end":12,"text":"لافروف","source":"user""#),
        "{jsonl}"
    );
}

/// True when, at some occurrence of `needle`, the last SGR sequence before it sets bold.
fn bold_before(styled: &str, needle: &str) -> bool {
    styled.match_indices(needle).any(|(at, _)| {
        let Some(esc) = styled[..at].rfind("\x1b[") else {
            return false;
        };
        let params = styled[esc + 2..at].split('m').next().unwrap_or("");
        params.split(';').any(|p| p == "1")
    })
}

/// SIGTERM and SIGHUP (a dropped SSH link) end okur with exit 0, terminal restored, and
/// every change it said was saved is in the journal.
#[test]
fn sigterm_and_sighup_exit_cleanly_keeping_changes() {
    if !tmux_available() {
        return;
    }
    for signal in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("journal.jsonl");
        let pid_file = dir.path().join("pid");
        let inner = format!(
            "echo $$ > {}; OKUR_STORE={} exec {}",
            pid_file.display(),
            store.display(),
            okur()
        );
        let t = Tmux::start(&format!("sh -c '{inner}'"), 100, 30);
        t.wait_for("Documents");
        t.send(&["s"]);
        t.wait_for("saved");
        let pid = std::fs::read_to_string(&pid_file).expect("pid written");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        assert_eq!(t.wait_exit(), Some(0), "after SIG{signal}");
        let journal = std::fs::read_to_string(&store).expect("journal exists");
        assert!(journal.contains(r#""op":"star""#), "SIG{signal}: {journal}");
    }
}

/// A dropped link: the terminal goes away under a running okur (tmux closes the pane's
/// terminal and sends SIGHUP). okur exits 0 whichever it notices first, the failed draw or
/// the signal, and the change it said was saved is in the journal.
#[test]
fn dropped_link_exits_zero() {
    if !tmux_available() {
        return;
    }
    for round in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("journal.jsonl");
        let exit = dir.path().join("exit");
        // The shell around okur survives the hangup (its trap runs after okur ends) to
        // write okur's exit status; okur itself starts with the default SIGHUP action.
        let inner = format!(
            "trap : HUP; {} --store {}; echo $? > {}",
            okur(),
            store.display(),
            exit.display()
        );
        let t = Tmux::start(&format!("sh -c '{inner}'"), 100, 30);
        t.wait_for("Documents");
        t.send(&["s"]);
        t.wait_for("saved");
        t.kill_session();
        let status = wait_for_file(&exit);
        assert_eq!(status.as_deref(), Some("0"), "round {round}");
        let journal = std::fs::read_to_string(&store).expect("journal exists");
        assert!(journal.contains(r#""op":"star""#), "{journal}");
    }
}

/// A hang-up frees the journal at once, not when okur exits (its watchdog gives a loop that
/// is stuck reading the dead terminal a second before it exits): an okur started again
/// right away, which waits a little for the lock, can write.
#[test]
fn okur_started_again_right_after_a_hang_up_can_write() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("journal.jsonl");
    let inner = format!("trap : HUP; {} --store {}", okur(), store.display());
    let t = Tmux::start(&format!("sh -c '{inner}'"), 100, 30);
    t.wait_for("Documents");
    t.send(&["s"]);
    t.wait_for("saved");
    t.kill_session();
    let start = std::time::Instant::now();
    let again = okur::store::Store::open_waiting(&store, okur::store::LOCK_WAIT).expect("opens");
    eprintln!("journal free {:?} after the hang-up", start.elapsed());
    assert_eq!(again.read_only(), None, "{:?}", again.read_only_message());
}
