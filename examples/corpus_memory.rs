//! Where the reader's memory goes on a corpus: a counting allocator records the bytes held
//! and their peak while the steps the reader runs are done one after the other (load,
//! search index, extraction, the panels' facts, the entity items).
//!
//!     cargo run --release --example corpus_memory -- DIR
//!
//! Prints, per step, the bytes held after it and the peak during it, as bytes and per
//! corpus byte (the sum of the folder's file sizes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use okur::corpus::load_paths;
use okur::extract::{Extractor, extract_corpus};
use okur::search::Index;
use okur::tui::app::Facts;

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = HELD.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is the same as `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (see `alloc`).
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc` and `dealloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Runs `f`, printing the bytes it left held and the peak above the start while it ran.
fn step<T>(name: &str, size: u64, f: impl FnOnce() -> T) -> T {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let t = Instant::now();
    let out = f();
    let held = HELD.load(Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed);
    let per = |n: usize| n as f64 / size as f64;
    println!(
        "{name:<12} {:>7.2} s  kept {:>6.0} MB ({:.2}x)  peak above start {:>6.0} MB ({:.2}x)  held {:>6.0} MB ({:.2}x)",
        t.elapsed().as_secs_f64(),
        (held as f64 - before as f64) / 1e6,
        (held as f64 - before as f64) / size as f64,
        (peak - before) as f64 / 1e6,
        per(peak - before),
        held as f64 / 1e6,
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
    let corpus = report.corpus;
    let index = step("index", size, || Index::build(&corpus.docs, &[]));
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
