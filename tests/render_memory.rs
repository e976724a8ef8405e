//! `okur render` in memory proportional to the document: a counting allocator records the
//! peak of bytes allocated while a 5 MB document (Arabic and Turkish, many short paragraphs
//! and a few very long ones) is loaded and rendered, and the peak must stay within three
//! times the file. Laying the whole document out before printing took about 97 times.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use okur::cli::render::{BidiArg, RenderArgs, RenderFormat, Switch, run};

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

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

/// About `size` bytes of text from the seeds: short paragraphs of a few sentences, and
/// every tenth of the way a paragraph of a twentieth of the size.
fn generated(size: usize) -> String {
    let seeds = format!("{}/seeds", env!("CARGO_MANIFEST_DIR"));
    let mut words = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("seed text");
        words.extend(text.split_whitespace().map(str::to_string));
    }
    let mut out = String::from("Büyük belge / وثيقة كبيرة\n\n");
    let (mut k, mut next_long) = (0usize, size / 20);
    while out.len() < size {
        let len = if out.len() >= next_long {
            next_long += size / 10;
            size / 20
        } else {
            200 + k % 400
        };
        let start = out.len();
        while out.len() - start < len {
            out.push_str(&words[k % words.len()]);
            out.push(' ');
            k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
        }
        out.push_str("\n\n");
    }
    out
}

#[test]
fn rendering_five_megabytes_allocates_at_most_three_times_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    let text = generated(5_000_000);
    std::fs::write(&path, &text).expect("written");
    let size = text.len();
    drop(text);
    let args = RenderArgs {
        width: 80,
        shape: Switch::Off,
        bidi: BidiArg::App,
        harakat: Switch::On,
        format: RenderFormat::Jsonl,
        text: false,
        paths: vec![path],
    };
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let mut out = CountingSink(0);
    run(&args, &mut out).expect("rendered");
    let peak = PEAK.load(Ordering::SeqCst) - before;
    assert!(out.0 > size, "every row printed ({} bytes)", out.0);
    assert!(
        peak <= 3 * size,
        "peak {peak} bytes allocated for a {size}-byte file"
    );
}

/// Counts the bytes written and keeps none.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
