//! Where the reader's memory goes on a corpus: a counting allocator records the bytes held
//! and their peak while the steps the reader runs are done one after the other (load,
//! search index, extraction, the panels' facts, the entity items).
//!
//!     cargo run --release --example corpus_memory -- DIR
//!
//! Prints, per step, the bytes held after it and the peak during it, as bytes and per
//! corpus byte (the sum of the folder's file sizes).

use std::time::Instant;

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;

use okur::corpus::load_paths;
use okur::extract::{Extractor, extract_corpus};
use okur::search::Index;
use okur::tui::app::Facts;

#[global_allocator]
static COUNTING: counting_alloc::Counting = counting_alloc::Counting;

/// Runs `f`, printing the bytes it left held and the peak above the start while it ran.
fn step<T>(name: &str, size: u64, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let (out, m) = counting_alloc::measure(f);
    let held = m.before as f64 + m.kept as f64;
    let per = |n: f64| n / size as f64;
    println!(
        "{name:<12} {:>7.2} s  kept {:>6.0} MB ({:.2}x)  peak above start {:>6.0} MB ({:.2}x)  held {:>6.0} MB ({:.2}x)",
        t.elapsed().as_secs_f64(),
        m.kept as f64 / 1e6,
        per(m.kept as f64),
        m.peak as f64 / 1e6,
        per(m.peak as f64),
        held / 1e6,
        per(held),
    );
    out
}

fn folder_bytes(path: &std::path::Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| folder_bytes(&e.path()))
            .sum(),
        _ => 0,
    }
}

fn main() -> anyhow::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let size = folder_bytes(&dir).max(1);
    println!("{} bytes in {}", size, dir.display());
    let report = step("load", size, || load_paths(std::slice::from_ref(&dir)))?;
    let corpus = std::sync::Arc::new(report.corpus);
    let index = step("index", size, || Index::build(&corpus, &[]));
    let ex = Extractor::new();
    let extraction = step("extract", size, || extract_corpus(&ex, &corpus));
    let mentions: usize = extraction.mentions.iter().map(Vec::len).sum();
    println!(
        "{mentions} mentions, {} entities",
        extraction.entities.len()
    );
    let facts = step("facts", size, || Facts::from_extraction(&extraction));
    let items = step("items", size, || {
        let texts: Vec<&str> = corpus.docs.iter().map(|d| d.text.as_str()).collect();
        extraction.entity_items(&texts)
    });
    drop((index, facts, items, extraction));
    Ok(())
}
