//! The start-up bench: a generated corpus of articles, read + validate + title index.

use std::path::PathBuf;
use std::time::Instant;

use okur::search::{Index, TitleRow};

use super::{Rng, line};

/// Writes `n` articles of about 5 KB (title, dateline, paragraphs) under `dir`.
pub fn write_corpus(dir: &str, n: usize) {
    let mut rng = Rng(0xc0de);
    for i in 0..n {
        let sub = format!("{dir}/{:03}", i / 1000);
        std::fs::create_dir_all(&sub).expect("create folder");
        let mut text = format!(
            "{}\n\n{:02}.{:02}.2020\n\n",
            line(&mut rng),
            1 + i % 28,
            1 + i % 12
        );
        while text.len() < 5_000 {
            for _ in 0..4 {
                text.push_str(&line(&mut rng));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        std::fs::write(format!("{sub}/{i:06}.txt"), text).expect("write article");
    }
}

/// Times the full load (`corpus::load_paths` + `Index::titles`) and the fast title path.
pub fn measure(dir: &str) {
    let paths = [PathBuf::from(dir)];
    for round in 0..3 {
        let t = Instant::now();
        let entries = okur::corpus::fast::read_titles(&paths).expect("read titles");
        let read = t.elapsed();
        let index = Index::from_titles(entries.iter().map(TitleRow::from));
        let total = t.elapsed();
        println!(
            "round {round}: fast path, {} files: read+validate+title {:.0} ms, + title index {:.0} ms = {:.0} ms",
            index.len(),
            read.as_secs_f64() * 1e3,
            (total - read).as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3
        );
    }
    if std::env::var_os("OKUR_BENCH_FAST_ONLY").is_some() {
        return;
    }
    full_read_validate(&paths);
    let t = Instant::now();
    let report = okur::corpus::load_paths(&paths).expect("load corpus");
    let loaded = t.elapsed();
    let index = Index::titles(&report.corpus.docs);
    println!(
        "full corpus::load_paths {:.0} ms (+ title index {:.0} ms), {} docs",
        loaded.as_secs_f64() * 1e3,
        (t.elapsed() - loaded).as_secs_f64() * 1e3,
        index.len()
    );
}

/// What reading and validating every byte would cost (two threads, like the fast path).
fn full_read_validate(paths: &[PathBuf]) {
    let titles = okur::corpus::fast::read_titles(paths).expect("list");
    let files: Vec<&str> = titles.iter().map(|t| t.path.as_str()).collect();
    let t = Instant::now();
    let (a, b) = files.split_at(files.len() / 2);
    let bytes = |part: &[&str]| -> usize {
        part.iter()
            .map(|f| {
                let data = std::fs::read(f).expect("read");
                std::str::from_utf8(&data).map_or(0, str::len)
            })
            .sum()
    };
    let total: usize = std::thread::scope(|s| {
        let other = s.spawn(|| bytes(b));
        bytes(a) + other.join().expect("thread")
    });
    println!(
        "reading + UTF-8 validating all {} MB: {:.0} ms (two threads)",
        total >> 20,
        t.elapsed().as_secs_f64() * 1e3
    );
}
