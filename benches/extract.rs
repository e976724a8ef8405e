//! Extraction throughput on a generated corpus (~50 MB of seed-style Turkish and Arabic text).
//! Run: `cargo bench --no-default-features --bench extract`. Prints MB/s on one core.

use std::time::Instant;

use okur::extract::Extractor;

fn corpus(target: usize) -> Vec<String> {
    let seeds = okur::corpus::load_seeds().corpus;
    let mut docs = Vec::new();
    let mut total = 0;
    let mut i = 0usize;
    while total < target {
        let d = &seeds.docs[i % seeds.docs.len()];
        // Vary the text a little so every document is distinct.
        let text = format!("{}\n{} {}\n", d.text, i, d.title);
        total += text.len();
        docs.push(text);
        i += 1;
    }
    docs
}

fn main() {
    let t0 = Instant::now();
    let ex = Extractor::new();
    println!("Extractor::new: {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    let mb: usize = std::env::var("OKUR_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let docs = corpus(mb << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let t = Instant::now();
    let mut n = 0usize;
    for d in &docs {
        n += ex.extract_text(d, Some("2020-11-13")).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "extract (one core): {:.1} MB in {secs:.2} s = {:.1} MB/s, {n} mentions",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
