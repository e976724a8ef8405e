//! The filter line's cost on a corpus, without a terminal: loads a folder, builds the search
//! index as the reader's search worker does, then types queries one character at a time
//! through the worker's own [`okur::tui::search::run_query_after`] (each key narrowing the previous results) and
//! prints the CPU time of each key (user and system, all threads: the machine may be
//! shared, so wall time says more about the others' load), the median of several rounds:
//! until the first answer the list can draw (the worker's first screenful, when it sends
//! one: [`okur::tui::search::first_screen`]), until that screenful's count (the documents
//! the whole answer lists, [`okur::search::Index::answer_docs`], checked against it here)
//! and until the whole answer (which takes the
//! titles' and entities' hits from the first answer, as the worker does); and the whole
//! answer's CPU time in the first round, before the index remembers the key's words (as
//! far as no query before it typed the same key).
//!
//!     cargo run --release --example filter_latency -- DIR [--no-postings] [--no-first] [QUERY...]
//!
//! Default queries: `12345` (the corpus latency bench's), `ankara`, `lavrov`, `erdogan`,
//! `موسكو`. Also prints the index's build time and its bytes per corpus byte (counted by
//! allocator: what the index holds after its build, and its peak above the loaded corpus).

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;

use okur::corpus::load_paths;
use okur::search::{Index, Results};
use okur::tui::search::{
    first_answer_after, run_query_after, run_query_prepared, worth_a_count, worth_a_first_screen,
};

/// Rounds per query; the median is printed.
const ROUNDS: usize = 5;

/// CPU time used by the whole process so far (every thread).
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes one plain struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_SELF is always valid.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let time = |t: libc::timeval| {
        let secs = u64::try_from(t.tv_sec).unwrap_or(0);
        Duration::from_secs(secs) + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let mut queries: Vec<String> = args.collect();
    // `--no-postings`: every key reads the text of the lines it scans (the scan before the
    // postings), for a paired comparison in one run.
    let plain = queries.first().is_some_and(|q| q == "--no-postings");
    if plain {
        queries.remove(0);
    }
    // `--no-first`: no first screenful, the whole answer alone (the worker before it).
    let no_first = queries.first().is_some_and(|q| q == "--no-first");
    if no_first {
        queries.remove(0);
    }
    if queries.is_empty() {
        queries = ["12345", "ankara", "lavrov", "erdogan", "موسكو"]
            .map(String::from)
            .to_vec();
    }
    let corpus = std::sync::Arc::new(load_paths(std::slice::from_ref(&dir))?.corpus);
    let size: usize = corpus
        .docs
        .iter()
        .map(|d| d.text_len())
        .sum::<usize>()
        .max(1);
    let (t, cpu) = (Instant::now(), cpu_time());
    let (index, m) = counting_alloc::measure(|| {
        let mut index = Index::build(&corpus, &[]);
        if !plain {
            index.index_words();
        }
        index
    });
    let build_cpu = cpu_time().saturating_sub(cpu);
    println!(
        "{} documents, {:.0} MB of text; index: {} items, built in {:.2} s ({:.2} s CPU), holds {:.0} MB ({:.2}x text), peak {:.0} MB ({:.2}x)",
        corpus.docs.len(),
        size as f64 / 1e6,
        index.len(),
        t.elapsed().as_secs_f64(),
        build_cpu.as_secs_f64(),
        m.kept as f64 / 1e6,
        m.kept as f64 / size as f64,
        m.peak as f64 / 1e6,
        m.peak as f64 / size as f64,
    );
    let cancel = AtomicBool::new(false);
    // `perf record -D -1 --control fifo:CTL[,ACK]`: with `PERF_CTL=CTL`, only the keys are
    // sampled, not the build (a hundred times their CPU at 200k articles); with
    // `PERF_KEY=K` too, only the keys reading `K` (`12`: not the `1` before it).
    let perf = Perf {
        ctl: std::env::var_os("PERF_CTL"),
        key: std::env::var("PERF_KEY").ok(),
    };
    perf.switch(None, true)?;
    for query in &queries {
        let typed: Vec<usize> = query
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        let mut firsts = vec![Vec::new(); typed.len()];
        let mut counteds = vec![Vec::new(); typed.len()];
        let mut wholes = vec![Vec::new(); typed.len()];
        let mut counts = vec![(0, 0); typed.len()];
        for _ in 0..ROUNDS {
            let mut prev: Option<Results> = None;
            for (k, &end) in typed.iter().enumerate() {
                perf.switch(Some(&query[..end]), true)?;
                let key = one_key(&index, &query[..end], prev.as_ref(), no_first, &cancel)?;
                perf.switch(Some(&query[..end]), false)?;
                firsts[k].push(key.first);
                counteds[k].push(key.counted);
                wholes[k].push(key.whole);
                counts[k] = key.docs;
                prev = key.results;
            }
        }
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let median = |times: &mut Vec<(Duration, Duration)>| {
            let mut cpus: Vec<Duration> = times.iter().map(|t| t.0).collect();
            let mut walls: Vec<Duration> = times.iter().map(|t| t.1).collect();
            cpus.sort();
            walls.sort();
            let cpu = cpus.get(cpus.len() / 2).copied().unwrap_or_default();
            let wall = walls.get(walls.len() / 2).copied().unwrap_or_default();
            format!("{:.1}/{:.1}", ms(cpu), ms(wall))
        };
        let medians: Vec<String> = (0..typed.len())
            .map(|k| {
                let (h, n) = counts[k];
                let (f, c, w) = (&mut firsts[k], &mut counteds[k], &mut wholes[k]);
                // The first round's whole answer: a key's words are found once, then
                // remembered (the index's memo), as when a key is typed again.
                let cold = w.first().map_or(0.0, |t| ms(t.0));
                let times = [median(f), median(c), median(w)].join(" | ");
                format!("{times} ms, first round {cold:.1} ({h} | {n} docs)")
            })
            .collect();
        println!(
            "{query} (CPU/wall ms, first answer | its count | whole, whole's CPU in the first round): {}",
            medians.join(", ")
        );
    }
    Ok(())
}

/// Where `perf record --control fifo:CTL` is told to sample (see `PERF_CTL` in `main`).
struct Perf {
    ctl: Option<std::ffi::OsString>,
    key: Option<String>,
}

impl Perf {
    /// Turns sampling on or off: before the keys (`typed` `None`), or around a key typed
    /// when only some keys are sampled.
    fn switch(&self, typed: Option<&str>, on: bool) -> std::io::Result<()> {
        let Some(ctl) = &self.ctl else {
            return Ok(());
        };
        let wanted = match (&self.key, typed) {
            (None, None) => on,
            (Some(key), Some(typed)) => key == typed,
            _ => false,
        };
        if !wanted {
            return Ok(());
        }
        std::fs::write(ctl, if on { "enable\n" } else { "disable\n" })?;
        // `--control fifo:CTL,ACK`: with `PERF_ACK=ACK`, on only once perf says so.
        match std::env::var_os("PERF_ACK") {
            Some(ack) => {
                use std::io::Read;
                std::fs::File::open(ack)?.read_exact(&mut [0; 4])
            }
            None => Ok(()),
        }
    }
}

/// CPU and wall time since a key.
type Times = (Duration, Duration);

/// What one key cost and gave.
struct Key {
    /// Until the first screen (the whole answer when there is none).
    first: Times,
    /// Until the first screen's count (the whole answer when there is none).
    counted: Times,
    /// Until the whole answer.
    whole: Times,
    /// Documents in the first screen and in the whole answer.
    docs: (usize, usize),
    results: Option<Results>,
}

/// One key as the worker answers it: a first screenful, its count, then the whole answer.
fn one_key(
    index: &Index,
    raw: &str,
    prev: Option<&Results>,
    no_first: bool,
    cancel: &AtomicBool,
) -> anyhow::Result<Key> {
    let (cpu, wall) = (cpu_time(), Instant::now());
    let since = || (cpu_time().saturating_sub(cpu), wall.elapsed());
    if okur::search::Query::parse(raw).is_empty() {
        // A bare operator (`'`, `^`): the reader lists every document without a search
        // (see `Jobs::search`), and the next key is searched afresh.
        let none = since();
        return Ok(Key {
            first: none,
            counted: none,
            whole: none,
            docs: (0, 0),
            results: None,
        });
    }
    let first = (!no_first && worth_a_first_screen(index, raw, prev))
        .then(|| first_answer_after(index, raw, prev, cancel))
        .flatten();
    let (heads, head) = first.map_or((None, None), |f| (Some(f.heads), f.screen));
    let first = since();
    // Counted from the whole answer's preparation, which the whole answer then scans.
    let (counted, prepared) = match (&head, &heads) {
        (_, Some(heads)) if worth_a_count(index, raw, prev) => {
            let mut ready = index.prepare(&heads.query, prev);
            (
                index.answer_docs_prepared(heads, &mut ready, cancel),
                Some(ready),
            )
        }
        _ => (None, None),
    };
    let counted_at = since();
    let answer = match prepared {
        Some(ready) => run_query_prepared(index, ready, heads.as_ref(), cancel),
        None => run_query_after(index, raw, prev, heads.as_ref(), cancel),
    };
    let whole = since();
    let Some((results, outcome)) = answer else {
        anyhow::bail!("{raw}: cancelled");
    };
    let counted = counted.map(|docs| docs.iter().filter(|&&d| d).count());
    // The first screen's count is the whole answer's, or this is a bug.
    if counted.is_some_and(|n| n != outcome.docs.len()) {
        anyhow::bail!("{raw}: counted {counted:?}, listed {}", outcome.docs.len());
    }
    let shown = head.map(|h| h.docs.len());
    Ok(Key {
        first: if shown.is_some() { first } else { whole },
        counted: if counted.is_some() { counted_at } else { whole },
        whole,
        docs: (shown.unwrap_or(0), outcome.docs.len()),
        results: Some(results),
    })
}
