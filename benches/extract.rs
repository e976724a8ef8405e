//! Extraction throughput on a generated corpus (~50 MB of seed-style Turkish and Arabic text),
//! rules alone and as shipped (with the Arabic and Turkish CRFs), on the whole corpus and its
//! Arabic and Turkish documents. Run: `cargo bench --no-default-features --bench extract`. Prints MB/s on one core.

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
    let is_arabic = |d: &String| {
        d.chars().filter(|c| okur::text::is_arabic(*c)).count() * 3 > d.chars().count()
    };
    let arabic: Vec<String> = docs.iter().filter(|d| is_arabic(d)).cloned().collect();
    let turkish: Vec<String> = docs.iter().filter(|d| !is_arabic(d)).cloned().collect();
    let shipped = ex;
    let rules = Extractor::rules_only();
    for (what, docs) in [
        ("whole corpus", &docs),
        ("its Arabic documents", &arabic),
        ("its Turkish documents", &turkish),
    ] {
        let bytes: usize = docs.iter().map(String::len).sum();
        println!("{what}: {:.1} MB", bytes as f64 / 1e6);
        for (name, ex) in [("rules alone", &rules), ("shipped, rules + CRFs", &shipped)] {
            let t = Instant::now();
            let mut n = 0usize;
            for d in docs {
                n += ex.extract_text(d, Some("2020-11-13")).len();
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "  extract, {name} (one core): {secs:.2} s = {:.1} MB/s, {n} mentions",
                bytes as f64 / 1e6 / secs
            );
        }
    }
}
