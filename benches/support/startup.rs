//! The start-up bench: a generated corpus of articles, read + validate + title index.

use std::path::PathBuf;
use std::time::Instant;

use okur::search::{Index, TitleRow};

use super::{Rng, line};

/// The article size when none is asked for: 20k articles make 100 MB, issue 5's corpus.
pub const DEFAULT_ARTICLE_BYTES: usize = 5_000;

/// Writes `n` articles (title, dateline, paragraphs; 1000 to a folder) under `dir` that
/// together weigh about `total` bytes: sizes vary between half and one and a half times the
/// mean, as news articles do, and each is cut to its size at a word. Prints what it wrote.
pub fn write_corpus(dir: &str, n: usize, total: usize) {
    let mut rng = Rng(0xc0de);
    let mean = total / n.max(1);
    let mut written = 0;
    for i in 0..n {
        let sub = format!("{dir}/{:03}", i / 1000);
        std::fs::create_dir_all(&sub).expect("create folder");
        let size = mean / 2 + usize::try_from(rng.next() % (mean as u64 + 1)).unwrap_or(mean);
        let text = article(&mut rng, i, size);
        written += text.len();
        std::fs::write(format!("{sub}/{i:06}.txt"), text).expect("write article");
    }
    println!(
        "wrote {n} articles, {written} bytes ({:.1} MB)",
        written as f64 / 1e6
    );
}

/// One article of `size` bytes (or just over, when the title and dateline alone are longer).
fn article(rng: &mut Rng, i: usize, size: usize) -> String {
    let mut text = format!(
        "{}\n\n{:02}.{:02}.2020\n\n",
        line(rng),
        1 + i % 28,
        1 + i % 12
    );
    while text.len() < size {
        for _ in 0..4 {
            text.push_str(&line(rng));
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    // Cut back to the size at a space, so the last word is whole and the file ends a line.
    let mut cut = size.max(text.find("\n\n").unwrap_or(0) + 2).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(space) = text[..cut].rfind([' ', '\n']) {
        text.truncate(space);
        text.push('\n');
    }
    text
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
