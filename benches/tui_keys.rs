//! What a key costs in the reader on a large corpus, `update` alone (no drawing): moving
//! in the list, and re-listing with an entity filter on (what `f`, `s` and every filter
//! keystroke do). Corpora of N one-line documents, one entity mentioned in every third.
//! `cargo bench --bench tui_keys [-- N...]` (default 20000 100000).

use std::time::{Duration, Instant};

use okur::corpus::{Corpus, Document};
use okur::kind::Kind;
use okur::layout::LayoutOptions;
use okur::store::{Change, State};
use okur::tui::app::{App, EntityRow, Facts, MentionRef};
use okur::tui::theme::Theme;
use okur::tui::{Action, Msg, prepare, update, view};
use ratatui::layout::Rect;

fn app_of(n: usize) -> App {
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            Document::from_text(
                format!("{i}.txt"),
                format!("Haber {i}\n\nAnkara'da görüşme {i}."),
            )
        })
        .collect();
    let mentions: Vec<Vec<MentionRef>> = (0..n)
        .map(|i| match i % 3 {
            0 => MentionRef::new(0, 5, 0).into_iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    let facts = Facts::new(
        vec![EntityRow {
            kind: Kind::Place,
            name: "Ankara".into(),
            value: None,
            docs: n / 3,
            mentions: n / 3,
        }],
        mentions,
    );
    // A working analyst's journal: every tenth document read, so that asking a document's
    // triage state is a real lookup (an empty state answers before looking).
    let mut state = State::default();
    for d in docs.iter().step_by(10) {
        state.apply(&Change::Read {
            doc: d.key.clone(),
            value: true,
        });
    }
    let mut app = App::new(
        Corpus { docs },
        facts,
        Theme::colored(),
        LayoutOptions::new(80),
    );
    app.state = std::sync::Arc::new(state);
    app
}

/// Median and worst of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    all.sort();
    (all[runs / 2], all[runs - 1])
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![20_000, 100_000]
    } else {
        sizes
    };
    for n in sizes {
        let mut app = app_of(n);
        let panes = view::panes(Rect::new(0, 0, 120, 40), &app);
        prepare(&mut app, &panes);
        let (med, worst) = time(50, || {
            update(&mut app, Msg::Action(Action::Down), &panes);
        });
        println!("{n} docs: j (list down): median {med:?}, worst {worst:?}");
        app.focus = okur::tui::app::Focus::Entities;
        update(&mut app, Msg::Action(Action::FilterByEntity), &panes);
        assert_eq!(app.list.len(), n.div_ceil(3), "the entity filter is on");
        let (med, worst) = time(20, || okur::tui::filter::refresh_list(&mut app));
        println!("{n} docs: re-list with an entity filter on: median {med:?}, worst {worst:?}");
        let (med, worst) = time(20, || {
            update(&mut app, Msg::Action(Action::CycleSort), &panes);
        });
        println!("{n} docs: o (sort again, filter on): median {med:?}, worst {worst:?}");
        triage_cases(&mut app, n);
        first_title_sort(n);
    }
}

/// The first sort by title on a corpus of news-length titles, no filter: every title is
/// folded, then ordered.
fn first_title_sort(n: usize) {
    let mut all: Vec<Duration> = (0..5)
        .map(|_| {
            let docs: Vec<Document> = (0..n)
                .map(|i| {
                    let title = format!("Dışişleri Bakanı {i} Ankara'da mevkidaşıyla görüştü");
                    Document::from_text(format!("{i}.txt"), format!("{title}\n\nmetin"))
                })
                .collect();
            let mut app = App::new(
                Corpus { docs },
                Facts::default(),
                Theme::colored(),
                LayoutOptions::new(80),
            );
            let t = Instant::now();
            app.list.set_sort(okur::tui::app::SortOrder::Title);
            okur::tui::filter::refresh_list(&mut app);
            t.elapsed()
        })
        .collect();
    all.sort();
    println!(
        "{n} docs: the first sort by title: median {:?}, worst {:?}",
        all[2], all[4]
    );
}

/// The list's triage filters once the journal says more: one document archived (every
/// document's state can hide it), `%unread` typed, and a change saved before each re-list
/// (the per-document triage is made again from the new state).
fn triage_cases(app: &mut App, n: usize) {
    let first = app.corpus.docs[0].key.clone();
    let toggle = |app: &mut App, value: bool| {
        std::sync::Arc::make_mut(&mut app.state).apply(&Change::Star {
            doc: first.clone(),
            value,
        });
    };
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Archive {
        doc: app.corpus.docs[1].key.clone(),
        value: true,
    });
    okur::tui::filter::refresh_list(app);
    let (med, worst) = time(20, || okur::tui::filter::refresh_list(app));
    println!("{n} docs: re-list, entity filter on, one archived: median {med:?}, worst {worst:?}");
    app.list.set_filter_text("%unread");
    okur::tui::filter::refresh_list(app);
    let (med, worst) = time(20, || okur::tui::filter::refresh_list(app));
    println!("{n} docs: re-list, entity filter and %unread: median {med:?}, worst {worst:?}");
    let mut on = false;
    let (med, worst) = time(20, || {
        on = !on;
        toggle(app, on);
        okur::tui::filter::refresh_list(app);
    });
    println!("{n} docs: a change saved, then re-list: median {med:?}, worst {worst:?}");
    app.list.set_entity_filter(None);
    let (med, worst) = time(10, || {
        on = !on;
        toggle(app, on);
        okur::tui::filter::refresh_list(app);
    });
    println!("{n} docs: the same, no entity filter: median {med:?}, worst {worst:?}");
    let (med, worst) = time(20, || {
        on = !on;
        toggle(app, on);
        app.triage.sync(&app.state, &app.corpus.docs);
    });
    println!("{n} docs: a change saved, the triage table alone: median {med:?}, worst {worst:?}");
    let (med, worst) = time(20, || {
        on = !on;
        toggle(app, on);
    });
    println!("{n} docs: a change alone: median {med:?}, worst {worst:?}");
    let (med, worst) = time(20, || {
        on = !on;
        star_batch(app, on);
        app.triage.sync(&app.state, &app.corpus.docs);
    });
    println!("{n} docs: a batch of 100 saved, the triage table: median {med:?}, worst {worst:?}");
}

/// Stars (or unstars) 100 documents spread over the corpus in one batch, as marked
/// documents are.
fn star_batch(app: &mut App, value: bool) {
    let step = (app.corpus.docs.len() / 100).max(1);
    let changes = (app.corpus.docs.iter().step_by(step).take(100))
        .map(|d| Change::Star {
            doc: d.key.clone(),
            value,
        })
        .collect();
    std::sync::Arc::make_mut(&mut app.state).apply(&Change::Batch { changes });
}
