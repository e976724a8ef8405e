//! Crash safety: a writer process appends changes and prints `ack N` after each fsync'd
//! append; it is killed with SIGKILL at random moments, 100 times, and after every kill the
//! journal must hold every acknowledged change. A second writer appends batches: after every
//! kill each batch is there whole or not at all. And a batch line cut at every byte is
//! skipped whole and reported. A third writer compacts the journal (in place, through a
//! symlink) after every change: after every kill the journal is whole, holds every
//! acknowledged change, and is still the same file behind the same link.
//!
//! The writer is this test executable itself, re-run with `OKUR_CRASH_WRITER` set so that
//! the `writer_child` test acts as the writer (without the variable it does nothing).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use okur::corpus::DocKey;
use okur::store::{Change, Store, Warning};

const WRITER_ENV: &str = "OKUR_CRASH_WRITER";
const ROUND_ENV: &str = "OKUR_CRASH_ROUND";
const BATCH_ENV: &str = "OKUR_CRASH_BATCH";
const COMPACT_ENV: &str = "OKUR_CRASH_COMPACT";
const ROUNDS: u64 = 100;
/// Parts in each batch of the batch writer.
const PARTS: u64 = 40;

fn tag(round: u64, i: u64) -> String {
    format!("r{round}-{i}")
}

fn part(round: u64, i: u64, j: u64) -> String {
    format!("r{round}-{i}-{j}")
}

fn tag_change(tag: String) -> Change {
    Change::Tag {
        doc: doc(),
        tag,
        value: true,
    }
}

/// The tests here take the journal's lock and spawn writers; a spawned child holds the
/// parent's open files (the lock among them) from fork to exec, so the tests run one at a
/// time or a writer could find the lock taken.
static SERIAL: Mutex<()> = Mutex::new(());

/// A seed from the clock: the low 64 bits of its nanoseconds, made odd (xorshift needs a
/// state other than zero).
fn clock_seed() -> Result<u64, Box<dyn std::error::Error>> {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
    Ok(u64::try_from(nanos & u128::from(u64::MAX))? | 1)
}

fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn doc() -> DocKey {
    DocKey::of_text("crash")
}

/// The writer: appends tags (or with `OKUR_CRASH_BATCH`, batches of [`PARTS`] tags) forever,
/// acknowledging each one after `apply` returned Ok.
#[test]
fn writer_child() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return Ok(());
    };
    let round: u64 = std::env::var(ROUND_ENV)?.parse()?;
    let batches = std::env::var_os(BATCH_ENV).is_some();
    let compacting = std::env::var_os(COMPACT_ENV).is_some();
    let mut store = Store::open(Path::new(&path))?;
    assert!(!store.is_read_only(), "the parent must not hold the lock");
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        match batches {
            true => store.apply_all((0..PARTS).map(|j| tag_change(part(round, i, j))).collect())?,
            false => store.apply(tag_change(tag(round, i)))?,
        };
        if compacting {
            // Lines the compacted journal drops, so it is shorter than the one it replaces.
            // Never the note a killed round left in place: undo would take the tag back.
            let note = format!("draft {round}-{i}");
            store.apply(Change::Note {
                doc: doc(),
                value: note,
            })?;
            store.undo()?;
            store.compact()?;
        }
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

/// What the writer does after each change.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// One change per line.
    Single,
    /// Batches of [`PARTS`] changes.
    Batches,
    /// One change, then the whole journal compacted.
    Compacting,
}

/// Runs one writer, kills it after `delay`, returns the acknowledged indices.
fn run_writer(
    path: &Path,
    round: u64,
    delay: Duration,
    mode: Mode,
) -> Result<Vec<u64>, Box<dyn std::error::Error>> {
    let mut command = Command::new(std::env::current_exe()?);
    command
        .args(["--exact", "writer_child", "--nocapture", "--test-threads=1"])
        .env(WRITER_ENV, path)
        .env(ROUND_ENV, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    match mode {
        Mode::Single => {}
        Mode::Batches => {
            command.env(BATCH_ENV, "1");
        }
        Mode::Compacting => {
            command.env(COMPACT_ENV, "1");
        }
    }
    let mut child = command.spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // The first ack shares its line with the test harness's "test writer_child ...".
            if let Some(n) = line
                .find("ack ")
                .and_then(|at| line[at + 4..].parse::<u64>().ok())
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
    let _serial = one_at_a_time();
    let seed = clock_seed()?;
    let mut rng = XorShift(seed);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut acked = BTreeSet::new();
    let started = Instant::now();
    let mut total_acks = 0;
    for round in 0..ROUNDS {
        let delay = Duration::from_millis(rng.next() % 60);
        let acks = run_writer(&path, round, delay, Mode::Single)?;
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
            .filter(|w| matches!(w, Warning::Corrupt { .. }));
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

#[test]
fn killed_batch_writer_leaves_whole_batches() -> Result<(), Box<dyn std::error::Error>> {
    let _serial = one_at_a_time();
    let seed = clock_seed()?;
    let mut rng = XorShift(seed);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let (mut acked, mut batches) = (Vec::new(), 0);
    for round in 0..ROUNDS / 2 {
        let delay = Duration::from_millis(rng.next() % 60);
        acked.extend(
            run_writer(&path, round, delay, Mode::Batches)?
                .into_iter()
                .map(|i| (round, i)),
        );
        let store = Store::open(&path)?;
        let tags = &store.doc(&doc()).tags;
        let lost: Vec<_> = acked
            .iter()
            .filter(|&&(r, i)| !tags.contains(&part(r, i, 0)))
            .collect();
        assert!(
            lost.is_empty(),
            "seed {seed}, round {round}: acknowledged but lost: {lost:?}"
        );
        // Every batch on disk is whole: as many tags as first parts times the batch size.
        let firsts = tags.iter().filter(|t| t.ends_with("-0")).count();
        assert_eq!(
            tags.len(),
            firsts * usize::try_from(PARTS)?,
            "seed {seed}, round {round}: a partial batch"
        );
        batches = firsts;
        let corrupt = store
            .warnings()
            .iter()
            .filter(|w| matches!(w, Warning::Corrupt { .. }));
        assert_eq!(
            corrupt.count(),
            0,
            "seed {seed}, round {round}: {:?}",
            store.warnings()
        );
    }
    assert!(
        !acked.is_empty(),
        "seed {seed}: the writer never acknowledged a batch"
    );
    eprintln!(
        "{} kills, {} batches acked, {batches} on disk",
        ROUNDS / 2,
        acked.len()
    );
    Ok(())
}

#[test]
fn killed_compaction_leaves_a_whole_journal_in_the_same_file()
-> Result<(), Box<dyn std::error::Error>> {
    use std::os::unix::fs::MetadataExt;
    let _serial = one_at_a_time();
    let seed = clock_seed()?;
    let mut rng = XorShift(seed);
    let dir = tempfile::tempdir()?;
    let real = dir.path().join("journal.jsonl");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link)?;
    drop(Store::open(&real)?);
    let inode = std::fs::metadata(&real)?.ino();
    let mut acked = BTreeSet::new();
    for round in 0..ROUNDS / 2 {
        let delay = Duration::from_millis(20 + rng.next() % 60);
        let acks = run_writer(&link, round, delay, Mode::Compacting)?;
        acked.extend(acks.iter().map(|&i| tag(round, i)));
        let store = Store::open(&link)?;
        assert!(!store.is_read_only(), "seed {seed}, round {round}");
        let tags = &store.doc(&doc()).tags;
        let lost: Vec<_> = acked.iter().filter(|t| !tags.contains(*t)).collect();
        assert!(
            lost.is_empty(),
            "seed {seed}, round {round}: acknowledged but lost: {lost:?}"
        );
        // At most the change whose compaction was cut short is there unacknowledged.
        assert!(
            tags.len() <= acked.len() + usize::try_from(round)? + 1,
            "seed {seed}, round {round}: {tags:?} tags, {acked:?} acked"
        );
        let corrupt = store
            .warnings()
            .iter()
            .filter(|w| !matches!(w, Warning::TornTail { .. }));
        assert_eq!(
            corrupt.count(),
            0,
            "seed {seed}, round {round}: {:?}",
            store.warnings()
        );
        assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(
            std::fs::metadata(&real)?.ino(),
            inode,
            "round {round}: the same file"
        );
    }
    assert!(!acked.is_empty(), "seed {seed}: nothing acknowledged");
    eprintln!("{} kills mid-compaction, {} acks", ROUNDS / 2, acked.len());
    Ok(())
}

#[test]
fn a_batch_line_cut_anywhere_is_skipped_whole_and_reported()
-> Result<(), Box<dyn std::error::Error>> {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut store = Store::open(&path)?;
    store.apply(tag_change("before".into()))?;
    let before = store.state().clone();
    store.apply_all((0..3).map(|j| tag_change(part(0, 0, j))).collect())?;
    let whole = store.state().clone();
    drop(store);
    let text = std::fs::read(&path)?;
    let first = text.iter().position(|&b| b == b'\n').ok_or("two lines")? + 1;
    let batch_line = text.len() - first;
    for cut in first + 1..text.len() - 1 {
        std::fs::write(&path, &text[..cut])?;
        let mut store = Store::open(&path)?;
        assert_eq!(
            store.state(),
            &before,
            "cut at {cut}: no part of the batch applies"
        );
        match store.warnings() {
            [Warning::TornTail { line: 2, bytes, .. }] => assert_eq!(*bytes, cut - first),
            other => panic!("cut at {cut} of a {batch_line}-byte line: {other:?}"),
        }
        assert!(store.can_undo() && !store.can_redo());
        // The torn bytes are gone: the next change starts on a clean line.
        store.apply(tag_change("after".into()))?;
        drop(store);
        let reopened = Store::open(&path)?;
        assert!(
            reopened.warnings().is_empty(),
            "cut at {cut}: {:?}",
            reopened.warnings()
        );
        assert!(reopened.doc(&doc()).tags.contains("after"));
    }
    // Only the newline missing: the batch is whole, and kept.
    std::fs::write(&path, &text[..text.len() - 1])?;
    let store = Store::open(&path)?;
    assert_eq!(store.state(), &whole);
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    Ok(())
}
