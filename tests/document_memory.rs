//! A document and its extraction in memory proportional to its text: a counting allocator
//! records the bytes held and their peak while a 4 MB document (Arabic and Turkish, hard-
//! wrapped lines and long paragraphs) is parsed and its people, places and dates found.
//! Parsing kept each paragraph's text beside the document's (twice the file); extraction
//! peaked at about twelve times the text (tokens of 40 bytes, a slot of 16 bytes per token
//! for the tagger, a copy of every mention's text).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, extract_corpus};

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time: the counters are the whole process's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn grew(by: usize) {
    let now = HELD.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
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
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc` and `dealloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::SeqCst);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Runs `f`; returns its result, the bytes it left held and its peak above the start.
fn measured<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    let kept = HELD.load(Ordering::SeqCst).saturating_sub(before);
    (out, kept, PEAK.load(Ordering::SeqCst) - before)
}

/// About `size` bytes from the seeds' words: paragraphs of hard-wrapped lines of about 70
/// characters (joined into one paragraph each), a blank line between them, and every
/// tenth of the way one long line of a twentieth of the size.
fn generated(size: usize) -> String {
    let seeds = format!("{}/seeds", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let mut words = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("seed text");
        words.extend(text.split_whitespace().map(str::to_string));
    }
    let mut out = String::from("Büyük belge / وثيقة كبيرة\n\n");
    let (mut k, mut next_long) = (0usize, size / 20);
    while out.len() < size {
        let (len, wrap) = match out.len() >= next_long {
            true => {
                next_long += size / 10;
                (size / 20, usize::MAX)
            }
            false => (300 + k % 600, 70),
        };
        let (start, mut line) = (out.len(), 0);
        while out.len() - start < len {
            let word = &words[k % words.len()];
            out.push_str(word);
            line += word.chars().count() + 1;
            out.push(if line >= wrap { '\n' } else { ' ' });
            line = if line >= wrap { 0 } else { line };
            k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
        }
        out.push_str("\n\n");
    }
    out
}

#[test]
fn a_parsed_document_holds_its_text_once() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Lazily built tables (the dateline patterns) live for the process, not the document:
    // build them before measuring.
    drop(Document::from_text("warm.txt", generated(10_000)));
    let text = generated(4_000_000);
    let size = text.len();
    let (doc, kept, _) = measured(|| Document::from_text("big.txt", text));
    assert!(
        doc.paragraphs.iter().any(|p| p.pieces.len() > 1),
        "hard-wrapped"
    );
    // The text moved in (not counted); paragraphs are their pieces, not a second copy.
    assert!(
        kept <= size / 4,
        "parsing kept {kept} bytes beside a {size}-byte text"
    );
}

#[test]
fn extraction_peaks_within_ten_times_the_text() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let text = generated(4_000_000);
    let size = text.len();
    let corpus = Corpus {
        docs: vec![Document::from_text("big.txt", text)],
    };
    let ex = Extractor::new();
    let (found, kept, peak) = measured(|| extract_corpus(&ex, &corpus));
    let mentions: usize = found.mentions.iter().map(Vec::len).sum();
    assert!(mentions > 10_000, "{mentions} mentions");
    assert!(
        peak <= 10 * size,
        "extraction peaked at {peak} bytes for a {size}-byte text"
    );
    assert!(
        kept <= 3 * size,
        "extraction kept {kept} bytes for a {size}-byte text"
    );
}
