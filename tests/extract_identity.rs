//! Speed work on extraction must not change what it finds: the mentions of the rules alone
//! and of the shipped extractor (rules and both CRFs) on the seed-based documents of
//! `benches/extract.rs` are compared with `tests/fixtures/extraction_identity.tsv`, written
//! by the implementation before the tagger and rule lookups were made faster.
//!
//! A deliberate change of the results (new rules, lexicons or retrained models) rewrites the
//! fixture: `OKUR_BLESS=1 cargo test --test extract_identity`, and the diff shows what moved.

use std::fmt::Write as _;
use std::path::PathBuf;

use okur::extract::Extractor;

#[path = "../benches/support/mention_line.rs"]
mod mention_line;
use mention_line::mention_line;

/// The first `n` documents of the throughput bench's corpus: each seed, numbered and titled.
fn documents(n: usize) -> Vec<String> {
    let seeds = okur::corpus::load_seeds().corpus;
    (0..n)
        .map(|i| {
            let d = &seeds.docs[i % seeds.docs.len()];
            format!("{}\n{} {}\n", d.text().expect("reads"), i, d.title)
        })
        .collect()
}

/// One line per mention, as `benches/extract.rs` writes them with `OKUR_BENCH_DUMP`.
fn lines(out: &mut String, name: &str, ex: &Extractor, docs: &[String]) {
    for (n, d) in docs.iter().enumerate() {
        for m in ex.extract_text(d, Some("2020-11-13")) {
            writeln!(out, "{}", mention_line(n, name, &m)).expect("writing to a String");
        }
    }
}

#[test]
fn mentions_are_those_of_the_fixture() {
    let docs = documents(10);
    let mut got = String::new();
    lines(&mut got, "rules", &Extractor::rules_only(), &docs);
    lines(&mut got, "shipped", &Extractor::new(), &docs);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extraction_identity.tsv");
    if std::env::var_os("OKUR_BLESS").is_some() {
        std::fs::write(&path, &got).expect("writing the fixture");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("the fixture");
    // The first differing line, rather than two thousand lines of assert output.
    let first = got
        .lines()
        .zip(want.lines())
        .position(|(g, w)| g != w)
        .unwrap_or(got.lines().count().min(want.lines().count()));
    assert_eq!(
        got.lines().nth(first),
        want.lines().nth(first),
        "line {} differs ({} lines found, {} in the fixture)",
        first + 1,
        got.lines().count(),
        want.lines().count()
    );
    assert_eq!(got, want);
}
