//! `okur render` in memory proportional to the document: a counting allocator records the
//! peak of bytes allocated while a 5 MB document (Arabic and Turkish, many short paragraphs
//! and a few very long ones) is loaded and rendered, and the peak must stay within three
//! times the file. Laying the whole document out before printing took about 97 times.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/counting_sink.rs"]
mod counting_sink;
#[path = "support/seed_words.rs"]
mod seed_words;

use counting_sink::CountingSink;
use okur::cli::render::{BidiArg, RenderArgs, RenderFormat, Switch, run};

/// About `size` bytes of text from the seeds: short paragraphs of a few sentences, and
/// every tenth of the way a paragraph of a twentieth of the size.
fn generated(size: usize) -> String {
    let words = seed_words::seed_words();
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
    let mut out = CountingSink(0);
    let ((), m) = counting_alloc::measure(|| run(&args, &mut out).expect("rendered"));
    let peak = m.peak;
    assert!(out.0 > size, "every row printed ({} bytes)", out.0);
    assert!(
        peak <= 3 * size,
        "peak {peak} bytes allocated for a {size}-byte file"
    );
}
