//! Helpers shared by the tests: a tmux session running okur (here), the TUI harness
//! ([`tui`]), extraction fixtures ([`extraction`]) and key names ([`keys`]). Each test binary
//! uses a subset, hence `dead_code` is allowed.
#![allow(dead_code)]

pub mod extraction;
#[cfg(feature = "tui")]
#[path = "../keys/mod.rs"]
pub mod keys;
#[cfg(feature = "tui")]
pub mod tui;
#[cfg(feature = "fetch")]
pub mod web;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// True when tmux can be used. Under CI (`CI` set) a missing tmux is a failure, because
/// `.ci/run` installs it; on a developer machine the test is skipped with a message.
pub fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI"
        );
        println!("skipped: tmux is not installed");
    }
    ok
}

/// A detached tmux session on its own server socket, killed on drop.
pub struct Tmux {
    socket: String,
    /// Where the command's exit status is written when it ends.
    pub exit_file: PathBuf,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a `width`x`height` session. The command
    /// runs with `HOME`, `XDG_CONFIG_HOME` and `XDG_DATA_HOME` in a temp dir and without
    /// `OKUR_STORE`/`OKUR_CONFIG`, so no test reads the user's config or writes to their
    /// journal; without `--store`, okur's journal is [`Tmux::default_journal`].
    pub fn start(command: &str, width: u16, height: u16) -> Tmux {
        // tmux is no terminal okur recognises (the one around it is unknown): without a
        // display mode it would ask the first-run display check.
        let command = format!("export OKUR_BIDI=app OKUR_SHAPE=off; {command}");
        Tmux::start_plain(&command, width, height)
    }

    /// [`Tmux::start`] without fixing the display mode: okur sees an unknown terminal.
    pub fn start_plain(command: &str, width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let exit_file = dir.path().join("exit");
        let socket = format!("okur-test-{}-{}", std::process::id(), rand_suffix());
        let home = dir.path().join("home");
        let line = format!(
            "unset OKUR_STORE OKUR_CONFIG; export HOME={h} XDG_CONFIG_HOME={h}/config \
             XDG_DATA_HOME={h}/data; {command}; echo $? > {}",
            exit_file.display(),
            h = home.display(),
        );
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x"])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .args(["sh", "-c", &line])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux starts");
        assert!(status.success());
        Tmux {
            socket,
            exit_file,
            dir,
        }
    }

    /// The journal okur writes when no store is named: inside the session's own data home.
    pub fn default_journal(&self) -> PathBuf {
        self.dir.path().join("home/data/okur/journal.jsonl")
    }

    /// The config file okur reads and writes when none is named: inside the session's home.
    pub fn config_file(&self) -> PathBuf {
        self.dir.path().join("home/config/okur/config.toml")
    }

    /// Appends every byte the pane's program writes to `file` from now on (tmux
    /// `pipe-pane -O`): the raw escape sequences, which a capture of the screen cannot show.
    pub fn record_output(&self, file: &Path) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "pipe-pane", "-O", "-t", "0"])
            .arg(format!("cat >> '{}'", file.display()))
            .status()
            .expect("pipe-pane");
        assert!(status.success());
    }

    /// The process id of the pane's first process (the shell given to `start`).
    pub fn pane_pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "0",
                "#{pane_pid}",
            ])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a pid")
    }

    /// Ends the session as a dropped link does: tmux closes the pane's terminal, and the
    /// processes in it get SIGHUP.
    pub fn kill_session(&self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-session", "-t", "0"])
            .status();
    }

    /// Sends keys (tmux key names, e.g. `j`, `Tab`, `Escape`).
    pub fn send(&self, keys: &[&str]) {
        for key in keys {
            let status = Command::new("tmux")
                .args(["-L", &self.socket, "send-keys", "-t", "0", key])
                .status()
                .expect("send-keys");
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Runs a tmux command against this session's server.
    fn tmux(&self, args: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .status()
            .expect("tmux");
        assert!(status.success(), "tmux {args:?}");
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Resizes the window: the program gets SIGWINCH.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", "0", "-x", &w, "-y", &h]);
    }

    /// Writes `bytes` to the program's input as they are (an escape sequence a terminal
    /// would send for a mouse click, say), with tmux's `send-keys -H`.
    pub fn send_raw(&self, bytes: &[u8]) {
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut args = vec!["send-keys", "-t", "0", "-H"];
        args.extend(hex.iter().map(String::as_str));
        self.tmux(&args);
    }

    /// Pastes `text` as a terminal does: bracketed (`ESC [200~ … ESC [201~`) when the
    /// program asked for bracketed paste, as tmux's `paste-buffer -p` does.
    pub fn paste(&self, text: &str) {
        self.tmux(&["set-buffer", "-b", "okur-test", text]);
        self.tmux(&["paste-buffer", "-p", "-d", "-b", "okur-test", "-t", "0"]);
    }

    /// The visible screen.
    pub fn capture(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The visible screen with its SGR attribute sequences.
    pub fn capture_styled(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-e", "-p", "-t", "0"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen contains `needle` (or 10 s pass) and returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_for_within(needle, Duration::from_secs(10))
    }

    /// Waits until the screen contains `needle` (or `limit` passes) and returns the screen.
    pub fn wait_for_within(&self, needle: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(needle) || start.elapsed() > limit {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the command to end and returns its exit status.
    pub fn wait_exit(&self) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(s) = std::fs::read_to_string(&self.exit_file) {
                return s.trim().parse().ok();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// The okur binary under test.
pub fn okur() -> &'static str {
    env!("CARGO_BIN_EXE_okur")
}

/// The one child process of `pid` (read from `/proc`): the program a pane's shell started.
pub fn child_of(pid: u32) -> u32 {
    let path = format!("/proc/{pid}/task/{pid}/children");
    let children = std::fs::read_to_string(&path).unwrap_or_default();
    let ids: Vec<u32> = children
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    match ids[..] {
        [child] => child,
        _ => panic!("children of {pid} ({path}): {children:?}"),
    }
}

/// A path inside the project.
pub fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[cfg(unix)]
/// Takes `path`'s write permission away: its mode bits, and when they do not bind this
/// process (root) the immutable attribute (`chattr +i`, taken off again when the guard
/// drops). `None`, with a note, when neither works here: the test cannot be meaningful.
pub fn make_unwritable(
    path: &Path,
    mode: u32,
    probe: impl Fn() -> std::io::Result<()>,
) -> std::io::Result<Option<Immutable>> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    if probe().is_err() {
        return Ok(Some(Immutable(None)));
    }
    let set = std::process::Command::new("chattr")
        .arg("+i")
        .arg(path)
        .stderr(std::process::Stdio::null())
        .status();
    let guard = Immutable(Some(path.to_path_buf()));
    if set.is_ok_and(|s| s.success()) && probe().is_err() {
        return Ok(Some(guard));
    }
    eprintln!(
        "note: permission bits do not bind this process and chattr +i is not available: test skipped"
    );
    Ok(None)
}

#[cfg(unix)]
/// [`make_unwritable`] for a file (mode 0444), probed by opening it for writing.
pub fn make_file_unwritable(path: &Path) -> std::io::Result<Option<Immutable>> {
    let probe = || std::fs::OpenOptions::new().write(true).open(path).map(drop);
    make_unwritable(path, 0o444, probe)
}

/// Takes the immutable attribute off again.
#[cfg(unix)]
pub struct Immutable(Option<std::path::PathBuf>);

#[cfg(unix)]
impl Drop for Immutable {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(path)
                .status();
        }
    }
}

/// The trimmed contents of `path` once it exists (10 s at most).
pub fn wait_for_file(path: &std::path::Path) -> Option<String> {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        if let Ok(s) = std::fs::read_to_string(path)
            && s.ends_with('\n')
        {
            return Some(s.trim().to_string());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    None
}

/// okur on the seeds folder at 120x40 in tmux, with a journal in a temp dir (kept alive by
/// the returned guard), once its list is drawn.
pub fn okur_on_seeds() -> (Tmux, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("j.jsonl");
    let command = format!(
        "{} --store {} {}",
        okur(),
        journal.display(),
        project("seeds").display()
    );
    let t = Tmux::start(&command, 120, 40);
    t.wait_for("Documents");
    (t, dir)
}

/// Runs the okur binary with `args` in `dir`, its home, data and cache folders inside `dir`
/// and no `OKUR_STORE`, so nothing of the user's is read or written.
pub fn okur_in(args: &[&str], dir: &Path) -> std::process::Output {
    let home = dir.join("home");
    Command::new(env!("CARGO_BIN_EXE_okur"))
        .args(args)
        .current_dir(dir)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("OKUR_STORE")
        .output()
        .expect("okur runs")
}
