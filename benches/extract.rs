//! Extraction throughput on a generated corpus (~50 MB of seed-style Turkish and Arabic text),
//! rules alone and as shipped (with the Arabic and Turkish CRFs), on the whole corpus and its
//! Arabic and Turkish documents. Run: `cargo bench --no-default-features --bench extract`.
//! Prints MB/s on one core, by the clock and by the thread's CPU time (the figure to quote on
//! a shared, loaded machine). `OKUR_BENCH_MB` sets the size; `OKUR_BENCH_ONLY=rules` or
//! `shipped` runs one extractor (for a profiler); `OKUR_BENCH_DUMP=FILE` also writes every
//! mention found (both extractors, whole corpus) to FILE, one line each, so two builds'
//! outputs can be compared byte for byte.

use std::io::Write;
use std::time::Instant;

#[path = "support/mention_line.rs"]
mod mention_line;
use mention_line::mention_line;

use okur::extract::Extractor;

fn corpus(target: usize) -> Vec<String> {
    let seeds = okur::corpus::load_seeds().corpus;
    let mut docs = Vec::new();
    let mut total = 0;
    let mut i = 0usize;
    while total < target {
        let d = &seeds.docs[i % seeds.docs.len()];
        // Vary the text a little so every document is distinct.
        let text = format!("{}\n{} {}\n", d.text().expect("reads"), i, d.title);
        total += text.len();
        docs.push(text);
        i += 1;
    }
    docs
}

/// Writes every mention of `ex` in `docs` to `out`: document, extractor, span, kind, value.
fn dump(out: &mut impl Write, name: &str, ex: &Extractor, docs: &[String]) -> std::io::Result<()> {
    for (n, d) in docs.iter().enumerate() {
        for m in ex.extract_text(d, Some("2020-11-13")) {
            writeln!(out, "{}", mention_line(n, name, &m))?;
        }
    }
    Ok(())
}

/// CPU seconds this thread has used.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return f64::NAN;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Parses each embedded model afresh and prints the time it takes and the memory it holds
/// (the reader parses both at start).
fn model_costs() {
    for (name, bytes) in [
        (
            "Arabic",
            &include_bytes!("../assets/models/ner_ar.okcrf")[..],
        ),
        (
            "Turkish",
            &include_bytes!("../assets/models/ner_tr.okcrf")[..],
        ),
    ] {
        let t = Instant::now();
        match okur::extract::crf::model::CrfModel::parse(bytes) {
            Ok(m) => println!(
                "{name} model: parsed in {:.1} ms, {:.2} MB in memory",
                t.elapsed().as_secs_f64() * 1e3,
                m.bytes() as f64 / 1e6
            ),
            Err(e) => println!("{name} model: {e}"),
        }
    }
}

fn main() -> std::io::Result<()> {
    model_costs();
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
    if let Ok(path) = std::env::var("OKUR_BENCH_DUMP") {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        dump(&mut out, "rules", &rules, &docs)?;
        dump(&mut out, "shipped", &shipped, &docs)?;
        out.flush()?;
        println!("mentions written to {path}");
    }
    for (what, docs) in [
        ("whole corpus", &docs),
        ("its Arabic documents", &arabic),
        ("its Turkish documents", &turkish),
    ] {
        let bytes: usize = docs.iter().map(String::len).sum();
        println!("{what}: {:.1} MB", bytes as f64 / 1e6);
        let only = std::env::var("OKUR_BENCH_ONLY").unwrap_or_default();
        for (key, name, ex) in [
            ("rules", "rules alone", &rules),
            ("shipped", "shipped, rules + CRFs", &shipped),
        ] {
            if !only.is_empty() && only != key {
                continue;
            }
            let (t, cpu) = (Instant::now(), thread_cpu());
            let mut n = 0usize;
            for d in docs {
                n += ex.extract_text(d, Some("2020-11-13")).len();
            }
            let (secs, cpu) = (t.elapsed().as_secs_f64(), thread_cpu() - cpu);
            let mbs = |s: f64| bytes as f64 / 1e6 / s;
            println!(
                "  extract, {name} (one core): {secs:.2} s = {:.1} MB/s; CPU {cpu:.2} s = {:.1} MB/s; {n} mentions",
                mbs(secs),
                mbs(cpu)
            );
        }
    }
    Ok(())
}
