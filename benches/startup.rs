//! Start-up to the first frame on the bundled seeds: load, build the app, lay out the visible
//! rows and draw once (to a TestBackend, so the terminal is not measured). Extraction runs in
//! the background in the real app and is measured separately (`extract_seeds`).

#![allow(missing_docs)] // criterion_group! generates undocumented functions.

use criterion::{Criterion, criterion_group, criterion_main};
use okur::corpus::load_seeds;
use okur::extract::{Extractor, extract_corpus};
use okur::layout::LayoutOptions;
use okur::tui::app::{App, Facts};
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

fn bench(c: &mut Criterion) {
    c.bench_function("first_frame_seeds_120x40", |b| b.iter(first_frame));
    c.bench_function("extract_seeds", |b| {
        let corpus = load_seeds().corpus;
        b.iter(|| extract_corpus(&Extractor::new(), &corpus))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
