//! Search benchmarks over generated items (a plain `--release` binary, `harness = false`).
//!
//! `cargo bench --no-default-features --bench search` prints, for each data set, the time of
//! every keystroke while queries are typed one character at a time (each search narrowing
//! the previous results), plus full-scan and build times.
//! `cargo bench --no-default-features --bench search -- lines FILE N` writes N generated
//! 65-character lines to FILE (for `okur find --stdin` vs `fzf --filter`).
//! `... -- corpus DIR N [MB]` writes N generated articles to DIR, MB megabytes in all
//! (default: 5 KB an article, so `corpus DIR 20000` is issue 5's 100 MB; the start-up bench);
//! `... -- startup DIR` times read + validate + title index of DIR.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use okur::corpus::Document;
use okur::kind::Kind;
use okur::search::{EntityItem, Index, Query, Results};

const TYPED: &[&str] = &[
    "erdogan ankara",
    "lavrov",
    "cavusoglu",
    "istanbul",
    "لافروف",
    "putin",
];

/// Types every query one character at a time, narrowing; returns every keystroke's time,
/// the best of `REPEAT` typings (the machine is shared: the minimum is the least disturbed).
fn keystrokes(index: &Index) -> Vec<Duration> {
    let mut best: Vec<Duration> = Vec::new();
    for rep in 0..REPEAT {
        for (i, t) in type_all(index, rep == 0).into_iter().enumerate() {
            match best.get_mut(i) {
                Some(b) => *b = (*b).min(t),
                None => best.push(t),
            }
        }
    }
    best
}

const REPEAT: usize = 3;

fn type_all(index: &Index, verbose: bool) -> Vec<Duration> {
    let verbose = verbose && std::env::var_os("OKUR_BENCH_VERBOSE").is_some();
    let stop = AtomicBool::new(false);
    let mut times = Vec::new();
    for typed in TYPED {
        let mut prev: Option<Results> = None;
        let mut end = 0;
        for c in typed.chars() {
            end += c.len_utf8();
            let query = Query::parse(&typed[..end]);
            let t = Instant::now();
            let r = index
                .search(&query, prev.as_ref(), &stop)
                .expect("not cancelled");
            times.push(t.elapsed());
            if verbose {
                let narrowed = prev.as_ref().is_some_and(|p| query.narrows(&p.query));
                let ms = t.elapsed().as_secs_f64() * 1e3;
                let hits = r.hits.len();
                println!(
                    "  {:<16} {ms:>7.2} ms  hits {hits:>7}  narrowed {narrowed}",
                    query.raw
                );
            }
            prev = Some(r);
        }
    }
    times
}

fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    println!(
        "{label:<34} keystrokes {:>3}  median {:>7.2} ms  p90 {:>7.2} ms  worst {:>7.2} ms",
        times.len(),
        ms(median),
        ms(times[times.len() * 9 / 10]),
        ms(worst)
    );
}

fn full_scan(label: &str, index: &Index, raw: &str) {
    let stop = AtomicBool::new(false);
    let query = Query::parse(raw);
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(index.search(&query, None, &stop));
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{label:<34} full scan {raw:?}: median {:.2} ms",
        times[2].as_secs_f64() * 1e3
    );
}

/// One full scan of pre-folded keys with each matcher alone (no index around it).
fn raw_matchers(label: &str, keys: &[String]) {
    use fuzzy_matcher::FuzzyMatcher;
    let skim = fuzzy_matcher::skim::SkimMatcherV2::default().respect_case();
    let mut config = nucleo_matcher::Config::DEFAULT;
    config.normalize = false;
    config.ignore_case = false;
    let mut nucleo = nucleo_matcher::Matcher::new(config);
    let mut buf = Vec::new();
    for pat in ["e", "erd", "erdogan"] {
        let median = |f: &mut dyn FnMut() -> usize| {
            let mut t: Vec<f64> = (0..5)
                .map(|_| {
                    let s = Instant::now();
                    std::hint::black_box(f());
                    s.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            t.sort_by(f64::total_cmp);
            t[2]
        };
        let sk = median(&mut || {
            keys.iter()
                .filter(|k| skim.fuzzy_match(k, pat).is_some())
                .count()
        });
        let mut nucleo_scan = |greedy: bool| {
            let needle = nucleo_matcher::Utf32Str::Ascii(pat.as_bytes());
            keys.iter()
                .filter(|k| {
                    let hay = if k.is_ascii() {
                        nucleo_matcher::Utf32Str::Ascii(k.as_bytes())
                    } else {
                        buf.clear();
                        buf.extend(k.chars());
                        nucleo_matcher::Utf32Str::Unicode(&buf)
                    };
                    if greedy {
                        nucleo.fuzzy_match_greedy(hay, needle).is_some()
                    } else {
                        nucleo.fuzzy_match(hay, needle).is_some()
                    }
                })
                .count()
        };
        let nu = median(&mut || nucleo_scan(false));
        let gr = median(&mut || nucleo_scan(true));
        println!(
            "{label:<34} raw scan {pat:?}: SkimMatcherV2 {sk:.2} ms, nucleo {nu:.2} ms, nucleo greedy {gr:.2} ms"
        );
    }
}

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{label:<34} {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    out
}

/// Documents of 100 lines each, to index text lines as the reader does.
fn documents(rng: &mut Rng, lines: usize) -> Vec<Document> {
    (0..lines.div_ceil(100))
        .map(|d| {
            let text: Vec<String> = (0..100).map(|_| line(rng)).collect();
            Document::from_text(format!("gen/{d:06}.txt"), text.join("\n"))
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("lines") => return write_lines(&args[1], args[2].parse().expect("N")),
        Some("corpus") => return write_corpus(&args[1..]),
        Some("startup") => return startup::measure(&args[1]),
        Some("stdin") => return stdin_filter(&args[1]),
        _ => {}
    }
    let mut rng = Rng(0x5eed);
    let entities: Vec<EntityItem> = (0..100_000)
        .map(|i| EntityItem {
            kind: if i % 2 == 0 {
                Kind::Person
            } else {
                Kind::Place
            },
            name: name(&mut rng),
            aliases: Vec::new(),
            iso: None,
            docs: vec![i % 1000],
        })
        .collect();
    let names = timed("build: 100k entity names", || {
        Index::of_documents(Vec::new(), &entities)
    });
    report("100k entity names", keystrokes(&names));
    full_scan("100k entity names", &names, "e");
    let titles: Vec<String> = (0..100_000).map(|_| line(&mut rng)).collect();
    let folded: Vec<String> = titles.iter().map(|t| okur::text::fold_str(t)).collect();
    raw_matchers("100k 65-byte lines, pre-folded", &folded);
    let titles = timed("build: 100k titles (fuzzy)", || {
        Index::lines(titles.iter().map(String::as_str))
    });
    report("100k titles (fuzzy)", keystrokes(&titles));
    full_scan("100k titles (fuzzy)", &titles, "e");
    full_scan("100k titles (fuzzy)", &titles, "erdogan");
    let docs = documents(&mut rng, 100_000);
    let text = timed("build: 100k text lines", || {
        Index::of_documents(docs.clone(), &[])
    });
    report("100k text lines (substring)", keystrokes(&text));
    full_scan("100k text lines (substring)", &text, "e");
    drop((docs, text));
    let docs = documents(&mut rng, 1_000_000);
    let text = timed("build: 1M text lines", || {
        Index::of_documents(docs.clone(), &[])
    });
    report("1M text lines (substring)", keystrokes(&text));
    full_scan("1M text lines (substring)", &text, "e");
}

/// In-process time of `okur find --stdin`'s filter (no process start, no reading).
fn stdin_filter(path: &str) {
    let text = std::fs::read_to_string(path).expect("read lines");
    let lines: Vec<&str> = text.lines().collect();
    let stop = AtomicBool::new(false);
    for raw in ["erdogan", "ist ank", "lavr", "e"] {
        let query = Query::parse(raw);
        let mut times: Vec<f64> = (0..7)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(okur::search::filter_lines(&lines, &query, &stop));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let n = lines.len();
        println!(
            "filter_lines {n} lines {raw:?}: median {:.2} ms, min {:.2} ms",
            times[3], times[0]
        );
    }
}

/// `corpus DIR N [MB]`.
fn write_corpus(args: &[String]) {
    let n: usize = args[1].parse().expect("N: a number of articles");
    let total = match args.get(2) {
        Some(mb) => {
            let bytes = (mb.parse::<f64>().expect("MB: a number") * 1e6).round();
            // Clamped to 0..=1e15 (a petabyte), well inside usize and exact in f64.
            #[allow(clippy::cast_possible_truncation)]
            let bytes = bytes.clamp(0.0, 1e15) as usize;
            bytes
        }
        None => n * startup::DEFAULT_ARTICLE_BYTES,
    };
    startup::write_corpus(&args[0], n, total);
}

fn write_lines(path: &str, n: usize) {
    let mut rng = Rng(0x11e5);
    let lines: Vec<String> = (0..n).map(|_| line(&mut rng)).collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("write lines");
}

#[path = "support/generated_words.rs"]
mod generated_words;
use generated_words::{Rng, line, name};

#[path = "support/startup.rs"]
mod startup;
