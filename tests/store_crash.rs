//! Crash safety: a writer process appends changes and prints `ack N` after each fsync'd
//! append; it is killed with SIGKILL at random moments, 100 times, and after every kill the
//! journal must hold every acknowledged change.
//!
//! The writer is this test executable itself, re-run with `OKUR_CRASH_WRITER` set so that
//! the `writer_child` test acts as the writer (without the variable it does nothing).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use okur::corpus::DocKey;
use okur::store::{Change, Store};

const WRITER_ENV: &str = "OKUR_CRASH_WRITER";
const ROUND_ENV: &str = "OKUR_CRASH_ROUND";
const ROUNDS: u64 = 100;

fn tag(round: u64, i: u64) -> String {
    format!("r{round}-{i}")
}

fn doc() -> DocKey {
    DocKey::of_text("crash")
}

/// The writer: appends tags forever, acknowledging each one after `apply` returned Ok.
#[test]
fn writer_child() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return Ok(());
    };
    let round: u64 = std::env::var(ROUND_ENV)?.parse()?;
    let mut store = Store::open(Path::new(&path))?;
    assert!(!store.is_read_only(), "the parent must not hold the lock");
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        store.apply(Change::Tag {
            doc: doc(),
            tag: tag(round, i),
            value: true,
        })?;
        writeln!(out, "ack {i}")?;
        out.flush()?;
    }
    Ok(())
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Runs one writer, kills it after `delay`, returns the acknowledged indices.
fn run_writer(
    path: &Path,
    round: u64,
    delay: Duration,
) -> Result<Vec<u64>, Box<dyn std::error::Error>> {
    let mut child = Command::new(std::env::current_exe()?)
        .args(["--exact", "writer_child", "--nocapture", "--test-threads=1"])
        .env(WRITER_ENV, path)
        .env(ROUND_ENV, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(n) = line
                .strip_prefix("ack ")
                .and_then(|n| n.parse::<u64>().ok())
            {
                let _ = tx.send(n);
            }
        }
    });
    std::thread::sleep(delay);
    child.kill()?;
    child.wait()?;
    reader.join().map_err(|_| "reader thread panicked")?;
    Ok(rx.try_iter().collect())
}

#[test]
fn killed_writer_loses_no_acknowledged_change() -> Result<(), Box<dyn std::error::Error>> {
    let seed = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos() as u64 | 1;
    let mut rng = XorShift(seed);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut acked = BTreeSet::new();
    let started = Instant::now();
    let mut total_acks = 0;
    for round in 0..ROUNDS {
        let delay = Duration::from_millis(rng.next() % 60);
        let acks = run_writer(&path, round, delay)?;
        total_acks += acks.len();
        acked.extend(acks.iter().map(|&i| tag(round, i)));
        let store = Store::open(&path)?;
        assert!(
            !store.is_read_only(),
            "seed {seed}, round {round}: lock not released"
        );
        let tags = &store.doc(&doc()).tags;
        let lost: Vec<_> = acked.iter().filter(|t| !tags.contains(*t)).collect();
        assert!(
            lost.is_empty(),
            "seed {seed}, round {round}: acknowledged but lost: {lost:?}"
        );
        let mid = store
            .warnings()
            .iter()
            .filter(|w| matches!(w, okur::store::Warning::Corrupt { .. }));
        assert_eq!(
            mid.count(),
            0,
            "seed {seed}, round {round}: {:?}",
            store.warnings()
        );
    }
    assert!(
        total_acks > 0,
        "seed {seed}: the writer never acknowledged anything"
    );
    eprintln!("{ROUNDS} kills, {total_acks} acks, {:?}", started.elapsed());
    Ok(())
}
