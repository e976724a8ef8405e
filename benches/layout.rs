//! Layout benchmarks: a ~5 KB Arabic article at 80 columns, scrolling one row, and the first
//! screen of a 50 MB single-line file.
//!
//! Run with `cargo bench --no-default-features --bench layout`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_main};
use okur::corpus::Document;
use okur::layout::{DocLayout, LayoutOptions, layout_document};

const WIDTH: usize = 80;
const HEIGHT: usize = 40;
const ARTICLE_BYTES: usize = 5 * 1024;

fn seed_003() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_604562b84a66c7a6.txt"
    );
    std::fs::read_to_string(path).expect("seed 003 exists")
}

/// Seed 003 repeated and cut (at a line end) to about 5 KB.
fn article() -> Document {
    let seed = seed_003();
    let mut text = String::new();
    while text.len() < ARTICLE_BYTES {
        text.push_str(&seed);
        text.push_str("\n\n");
    }
    let cut = text[..ARTICLE_BYTES].rfind('\n').unwrap_or(ARTICLE_BYTES);
    text.truncate(cut);
    Document::from_text("article.txt", text)
}

/// Reads the rows of a viewport, as the pane does when it draws. (`PaneRow` is not
/// re-exported from `okur::layout`, so the rows are only handed to `black_box`.)
fn read_rows(layout: &DocLayout, top: usize) -> usize {
    let mut seen = 0;
    for row in (top..top + HEIGHT).filter_map(|i| layout.row(i)) {
        black_box(row);
        seen += 1;
    }
    seen
}

fn bench_article(c: &mut Criterion) {
    let doc = article();
    let mut group = c.benchmark_group("article_5k");
    group.bench_function("layout_80_cols", |b| {
        b.iter(|| layout_document(black_box(&doc), &LayoutOptions::new(WIDTH)))
    });
    let shaped = LayoutOptions {
        shape: true,
        ..LayoutOptions::new(WIDTH)
    };
    group.bench_function("layout_80_cols_shaped", |b| {
        b.iter(|| layout_document(black_box(&doc), &shaped))
    });
    group.finish();
}

fn bench_scroll(c: &mut Criterion) {
    let doc = article();
    let mut prepared = DocLayout::new(LayoutOptions::new(WIDTH));
    prepared.ensure_rows(&doc, 10 + HEIGHT);
    // The viewport ends on the last laid-out row, so the step needs the next paragraph laid
    // out: the worst case of a single step (one paragraph, never the document).
    let top = prepared.row_count() - HEIGHT;
    assert!(
        !prepared.is_complete(&doc),
        "the article must be longer than the viewport"
    );
    let mut group = c.benchmark_group("scroll_one_row");
    group.bench_function("needs_next_paragraph", |b| {
        b.iter_batched_ref(
            || prepared.clone(),
            |layout| {
                layout.ensure_rows(&doc, top + HEIGHT + 1);
                read_rows(layout, top + 1)
            },
            BatchSize::SmallInput,
        )
    });
    // Rows already laid out: what every further step costs.
    let mut warm = prepared.clone();
    warm.ensure_rows(&doc, top + HEIGHT + 1);
    group.bench_function("rows_already_laid_out", |b| {
        b.iter(|| {
            warm.ensure_rows(&doc, top + HEIGHT + 1);
            read_rows(&warm, top + 1)
        })
    });
    group.finish();
}

/// About 50 MB of Turkish, Latin and Arabic words on one line.
fn huge_line() -> String {
    let phrase = "Dışişleri Bakanı Çavuşoğlu (AFP) قال وزير الخارجية الروسي سيرغي لافروف 2020 ";
    let mut text = String::with_capacity(50 * 1024 * 1024 + phrase.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(phrase);
    }
    text
}

fn bench_huge(c: &mut Criterion) {
    let text = huge_line();
    let mut group = c.benchmark_group("single_line_50mb");
    group.sample_size(10);
    group.bench_function("from_text", |b| {
        b.iter_batched(
            || text.clone(),
            |t| Document::from_text("huge.txt", t),
            BatchSize::LargeInput,
        )
    });
    let doc = Document::from_text("huge.txt", text.clone());
    group.bench_function("first_screen", |b| {
        b.iter(|| {
            let mut layout = DocLayout::new(LayoutOptions::new(WIDTH));
            layout.ensure_rows(black_box(&doc), HEIGHT);
            read_rows(&layout, 0)
        })
    });
    group.finish();
}

/// All layout benchmarks (written out: `criterion_group!` makes an undocumented `pub fn`).
fn benches() {
    let mut c = Criterion::default().configure_from_args();
    bench_article(&mut c);
    bench_scroll(&mut c);
    bench_huge(&mut c);
}

criterion_main!(benches);
