//! Journal benchmarks: latency of one saved change (write + fsync) and of one batch of 100,
//! and start-up replay of a journal of 100k changes, one per line, 100 per batch line, or
//! one per line with keys naming their copy (as the reader writes them).

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use okur::corpus::DocKey;
use okur::kind::Kind;
use okur::store::{Change, Label, Source, Span, Store};

fn change(i: usize) -> Change {
    let doc = DocKey::of_text(&format!("doc {}", i % 500));
    match i % 4 {
        0 => Change::Star {
            doc,
            value: i.is_multiple_of(8),
        },
        1 => Change::Tag {
            doc,
            tag: format!("t{}", i % 7),
            value: i.is_multiple_of(3),
        },
        2 => Change::Note {
            doc,
            value: format!("not {i}"),
        },
        _ => Change::AddSpan {
            doc,
            span: Span {
                start: i,
                end: i + 6,
                kind: Label::Entity(Kind::Person),
                text: "Lavrov".into(),
                source: Source::User,
            },
        },
    }
}

fn append(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("journal.jsonl")).expect("store");
    let doc = DocKey::of_text("bench");
    let mut value = false;
    c.bench_function("append_change_fsync", |b| {
        b.iter(|| {
            value = !value;
            black_box(
                store
                    .apply(Change::Star {
                        doc: doc.clone(),
                        value,
                    })
                    .expect("append"),
            )
        })
    });
    let docs: Vec<DocKey> = (0..100)
        .map(|i| DocKey::of_text(&format!("bench {i}")))
        .collect();
    c.bench_function("append_batch_of_100_fsync", |b| {
        b.iter(|| {
            value = !value;
            let stars = docs.iter().map(|doc| Change::Star {
                doc: doc.clone(),
                value,
            });
            black_box(store.apply_all(stars.collect()).expect("append"))
        })
    });
}

fn replay(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.jsonl");
    let lines: String = (0..100_000)
        .map(|i| serde_json::to_string(&change(i)).expect("json") + "\n")
        .collect();
    std::fs::write(&path, lines).expect("write journal");
    let batched = dir.path().join("batches.jsonl");
    let lines: String = (0..1000)
        .map(|k| {
            let changes = (k * 100..(k + 1) * 100).map(change).collect();
            serde_json::to_string(&Change::Batch { changes }).expect("json") + "\n"
        })
        .collect();
    std::fs::write(&batched, lines).expect("write journal");
    // As the reader writes them: every key names its copy (hash and path).
    let copies = dir.path().join("copies.jsonl");
    let lines: String = (0..100_000)
        .map(|i| {
            let mut change = change(i);
            if let Change::Star { doc, .. } | Change::Tag { doc, .. } | Change::Note { doc, .. } =
                &mut change
            {
                *doc = doc.with_copy(format!("/home/analyst/haberler/2020/{}.txt", i % 500));
            }
            serde_json::to_string(&change).expect("json") + "\n"
        })
        .collect();
    std::fs::write(&copies, lines).expect("write journal");
    let mut group = c.benchmark_group("replay");
    group.sample_size(10);
    group.bench_function("replay_100k_changes", |b| {
        b.iter(|| {
            black_box(
                Store::open_read_only(&path)
                    .expect("replay")
                    .state()
                    .docs()
                    .count(),
            )
        })
    });
    group.bench_function("replay_100k_changes_in_1000_batches", |b| {
        b.iter(|| {
            black_box(
                Store::open_read_only(&batched)
                    .expect("replay")
                    .state()
                    .docs()
                    .count(),
            )
        })
    });
    group.bench_function("replay_100k_changes_with_paths", |b| {
        b.iter(|| {
            black_box(
                Store::open_read_only(&copies)
                    .expect("replay")
                    .state()
                    .docs()
                    .count(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, append, replay);
criterion_main!(benches);
