//! Processes a test starts: none outlives it, and no command can hang it.

use std::collections::HashMap;
use std::process::{Child, ChildStdout, Command, Stdio};

/// A command bounded by coreutils' `timeout`: TERM after `seconds`, KILL 2 s later.
pub fn timed(seconds: u32, program: &str) -> Command {
    let mut cmd = Command::new("timeout");
    cmd.args(["-k", "2", &seconds.to_string(), program]);
    cmd.stdin(Stdio::null());
    cmd
}

/// A started process that is killed, with every process below it, when dropped: on success,
/// on a failed assertion and on a panic alike.
pub struct Guard {
    child: Child,
}

impl Guard {
    /// Starts `cmd`; `what` names the package to install when it cannot start.
    pub fn spawn(cmd: &mut Command, what: &str) -> Guard {
        let child = cmd.spawn().unwrap_or_else(|e| {
            panic!("{what} does not start ({e}): run .ci/install-real-terminals")
        });
        Guard { child }
    }

    /// The process's standard output, when it was piped (once).
    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.child.stdout.take()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let below = descendants(self.child.id());
        if !below.is_empty() {
            // The shell's `kill`: procps (/usr/bin/kill) is not on every Debian machine.
            let _ = Command::new("sh")
                .args(["-c", "kill -KILL \"$@\"", "sh"])
                .args(below.iter().map(u32::to_string))
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every process below `root` (children, their children, ...), from `/proc`.
fn descendants(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for (pid, parent) in process_parents() {
        children.entry(parent).or_default().push(pid);
    }
    let mut found = Vec::new();
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        for &child in children.get(&pid).map_or(&[][..], Vec::as_slice) {
            found.push(child);
            queue.push(child);
        }
    }
    found
}

/// `(pid, parent pid)` of every process that can be read in `/proc`.
fn process_parents() -> Vec<(u32, u32)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent_of(pid)?)))
        .collect()
}

/// The parent pid from `/proc/PID/stat` (the field after the parenthesised command name).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(1)?.parse().ok()
}
