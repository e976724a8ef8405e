//! Where the reader's memory goes on a corpus: a counting allocator records the bytes held
//! and their peak while the steps the reader runs are done one after the other (load,
//! search index and its postings, extraction, the search's entity items, the panels' facts).
//! `OKUR_MEM_FULL=1` also expands the mentions as `okur extract` holds them,
//! `OKUR_MEM_RAW=1` extracts every document again holding their mentions as the rules give
//! them, with what each owner holds.
//!
//!     cargo run --release --example corpus_memory -- DIR
//!
//! Prints, per step, the bytes held after it and the peak during it, as bytes and per
//! corpus byte (the sum of the folder's file sizes).

use std::time::Instant;

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/kept_parts.rs"]
mod kept_parts;

use okur::corpus::load_paths;
use okur::extract::{Extractor, extract_corpus_table};
use okur::search::Index;
use okur::tui::app::Facts;

/// Runs `f`, printing the bytes it left held and the peak above the start while it ran,
/// then the process's resident memory and what the allocator holds from the system.
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
    println!("{:<12} {}", "", resident());
    out
}

/// The process's resident memory now and at its peak (`/proc/self/status`), and glibc's
/// heap: what its arenas and mappings hold from the system, and how much of it is in use.
/// The gap between the counted bytes and the resident memory is the allocator's.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or("?".to_string(), |v| v.trim().to_string())
    };
    format!(
        "RSS {}, peak {}{}",
        field("VmRSS:"),
        field("VmHWM:"),
        glibc_heap()
    )
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn glibc_heap() -> String {
    // SAFETY: mallinfo2 only reads glibc's counters; it takes no pointer.
    let info = unsafe { libc::mallinfo2() };
    let mb = |n: usize| n as f64 / 1e6;
    format!(
        "; glibc: {:.0} MB from the system ({:.0} MB in mappings), {:.0} MB in use, {:.0} MB free",
        mb(info.arena + info.hblkhd),
        mb(info.hblkhd),
        mb(info.uordblks + info.hblkhd),
        mb(info.fordblks)
    )
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn glibc_heap() -> String {
    String::new()
}

/// Heap bytes of an optional string as the allocator is asked for them.
fn heap(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, String::capacity)
}

/// What the extraction holds, by owner.
fn owners(ex: &okur::extract::CorpusExtraction) {
    let mb = |n: usize| n as f64 / 1e6;
    let slots: usize = ex.mentions.iter().map(Vec::capacity).sum();
    let values: usize = ex.mentions.iter().flatten().map(|m| heap(&m.value)).sum();
    println!(
        "  mentions: {:.0} MB in slots of {} B, {:.0} MB of values, {:.0} MB of per-document vectors",
        mb(slots * std::mem::size_of::<okur::extract::Mention>()),
        std::mem::size_of::<okur::extract::Mention>(),
        mb(values),
        mb(ex.mentions.len() * 24)
    );
    let names: usize = ex
        .entities
        .iter()
        .map(|e| e.canonical.capacity() + e.aliases.capacity() * 24)
        .sum();
    let aliases: usize = ex
        .entities
        .iter()
        .flat_map(|e| &e.aliases)
        .map(String::capacity)
        .sum();
    println!(
        "  entities: {} x {} B, {:.0} MB of names and alias slots, {:.0} MB of alias text",
        ex.entities.len(),
        std::mem::size_of::<okur::extract::Entity>(),
        mb(names),
        mb(aliases)
    );
}

/// What the panels' facts hold, by part.
fn facts_owners(facts: &Facts) {
    let mb = |n: usize| n as f64 / 1e6;
    let mentions = facts.each_doc().flatten().count();
    let packed = facts.held_parts().first().map_or(0, |&(_, bytes)| bytes);
    let rows = facts.entities.len();
    let pairs: usize = (0..rows).map(|e| facts.docs_of(e).len()).sum();
    let names: usize = facts
        .entities
        .iter()
        .map(|r| r.name.capacity() + r.value.as_ref().map_or(0, String::capacity))
        .sum();
    println!(
        "  facts: {mentions} mentions ({:.1} bytes each) in {} documents, {rows} rows ({:.0} MB of names), {pairs} entity-document pairs",
        packed as f64 / mentions.max(1) as f64,
        facts.each_doc().len(),
        mb(names),
    );
}

/// Prints each part's bytes and its share of the corpus, as the index's are.
fn held_parts(owner: &str, parts: &[(&str, usize)], size: u64) {
    for (part, bytes) in parts {
        println!(
            "  {owner}: {part:<24} {:>6.1} MB ({:.3}x)",
            *bytes as f64 / 1e6,
            *bytes as f64 / size as f64
        );
    }
}

/// What the extraction's table holds by part, before the panels take it.
fn extraction_parts(table: &okur::extract::MentionTable, size: u64) {
    held_parts("table", &kept_parts::table(table), size);
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
    // As the reader does: an arena per core (see `okur::memory`).
    okur::memory::cap_arenas(okur::memory::arenas_for_cores());
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let size = folder_bytes(&dir).max(1);
    println!("{} bytes in {}", size, dir.display());
    let report = step("load", size, || load_paths(std::slice::from_ref(&dir)))?;
    let corpus = std::sync::Arc::new(report.corpus);
    let mut index = step("index", size, || Index::build(&corpus, &[]));
    // The words' postings, which the reader's search worker adds once idle.
    step("postings", size, || index.index_words());
    println!(
        "  index: {} lines held apart (their skeleton entries not their words')",
        index.lines_apart()
    );
    let (entries, texts) = index.skeleton_counts();
    println!("  index: {entries} skeleton entries, {texts} distinct texts");
    for (part, bytes) in index.held_parts() {
        println!(
            "  index: {part:<24} {:>6.1} MB ({:.3}x)",
            bytes as f64 / 1e6,
            bytes as f64 / size as f64
        );
    }
    let ex = Extractor::new();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let table = step("extract", size, || {
        extract_corpus_table(&ex, &corpus, &done)
    });
    let packed = table.held_parts().first().map_or(0, |&(_, bytes)| bytes);
    println!(
        "{} mentions, {:.1} B each, {} entities",
        table.len(),
        packed as f64 / table.len().max(1) as f64,
        table.entities.len()
    );
    if std::env::var_os("OKUR_MEM_FULL").is_some() {
        let full = step("as Mention", size, || table.to_extraction());
        owners(&full);
    }
    if std::env::var_os("OKUR_MEM_RAW").is_some() {
        let raw = step("raw", size, || {
            corpus
                .docs
                .iter()
                .map(|d| ex.extract_doc(d))
                .collect::<Vec<_>>()
        });
        let n: usize = raw.iter().map(Vec::len).sum();
        let strings: usize = raw
            .iter()
            .flatten()
            .map(|m| heap(&m.value) + heap(&m.canonical))
            .sum();
        println!(
            "raw: {n} mentions x {} B + {} MB of value/canonical strings",
            std::mem::size_of::<okur::extract::RawMention>(),
            strings / 1_000_000
        );
    }
    // As the reader takes them: the panels' facts and the search's items made together as
    // the table is freed.
    extraction_parts(&table, size);
    let (facts, items) = step("facts+items", size, || {
        // Each text read as its mentions are taken, as the reader does.
        let texts = corpus.docs.as_slice();
        Facts::with_items_from_table(table, texts)
    });
    facts_owners(&facts);
    held_parts("facts", &kept_parts::facts(&facts, &items), size);
    held_parts("documents", &kept_parts::documents(&corpus.docs), size);
    drop((index, facts, items));
    Ok(())
}
