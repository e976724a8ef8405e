//! Start-up to the first frame on the bundled seeds: load, build the app, lay out the visible
//! rows and draw once (to a TestBackend, so the terminal is not measured). Extraction runs in
//! the background in the real app and is measured separately (`extract_seeds`). With
//! `OKUR_BENCH_CORPUS=DIR`, also the first frame of a large folder (titles first): write one
//! with `cargo bench --bench search -- corpus DIR 20000` (20k articles, 100 MB). The wall time
//! of the real binary, process start, journal and terminal included, is measured by
//! `python3 benches/support/first_frame.py RUNS target/release/okur --store J.jsonl DIR`.

#![allow(missing_docs)] // criterion_group! generates undocumented functions.

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use okur::corpus::fast::read_titles;
use okur::corpus::load_seeds;
use okur::extract::{Extractor, extract_corpus};
use okur::layout::LayoutOptions;
use okur::tui::app::{App, Facts};
use okur::tui::loading::placeholder_corpus;
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn first_frame() {
    let corpus = load_seeds().corpus;
    let mut app = App::new(
        corpus,
        Facts::default(),
        Theme::colored(),
        LayoutOptions::new(80),
    );
    let panes = view::panes(Rect::new(0, 0, 120, 40), &app);
    prepare(&mut app, &panes);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal.draw(|f| view::draw(f, &app)).expect("draw");
    std::hint::black_box(terminal);
}

/// The first frame of a large folder as `okur DIR` draws it: titles from the head of each
/// file, stand-in documents, the app and the session (no store), one draw at 120x40.
fn first_frame_titles(dir: &Path, verbose: bool) {
    let t = Instant::now();
    let titles = read_titles(&[dir.to_path_buf()]).expect("titles");
    let read = t.elapsed();
    let mut app = App::new(
        placeholder_corpus(&titles),
        Facts::default(),
        Theme::colored(),
        LayoutOptions::new(80),
    );
    app.loading = true;
    let mut session = Session::new(app, None);
    let built = t.elapsed();
    let panes = view::panes(Rect::new(0, 0, 120, 40), &session.app);
    prepare(&mut session.app, &panes);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal
        .draw(|f| view::draw(f, &session.app))
        .expect("draw");
    if verbose {
        println!(
            "{} titles: read {:.1} ms, app+session {:.1} ms, first frame {:.1} ms",
            titles.len(),
            read.as_secs_f64() * 1e3,
            (built - read).as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    std::hint::black_box(terminal);
}

fn bench(c: &mut Criterion) {
    c.bench_function("first_frame_seeds_120x40", |b| b.iter(first_frame));
    // `OKUR_BENCH_CORPUS=DIR` (e.g. written by `cargo bench --bench search -- corpus DIR 20000`).
    if let Some(dir) = std::env::var_os("OKUR_BENCH_CORPUS") {
        let dir = PathBuf::from(dir);
        for _ in 0..3 {
            first_frame_titles(&dir, true);
        }
        let mut group = c.benchmark_group("large");
        group.sample_size(10);
        group.bench_function("first_frame_titles_120x40", |b| {
            b.iter(|| first_frame_titles(&dir, false))
        });
        group.finish();
    }
    c.bench_function("extract_seeds", |b| {
        let corpus = load_seeds().corpus;
        b.iter(|| extract_corpus(&Extractor::new(), &corpus))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
