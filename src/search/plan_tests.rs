//! [`Plan::score`] takes an item's score from its own text whenever that text decides it
//! ([`Plan::key_score`]); it must give every item the score read from all its fields, for
//! every scope (a document's source and an ISO date are read before the text), operator
//! and number of terms, on titles, entities and lines, of documents and of standard input.

use proptest::prelude::*;

use super::Plan;
use crate::search::test_docs::{WORDS, document, index, text};
use crate::search::{Index, Query};

/// One to three terms, each with an operator and maybe a scope of its own.
fn query() -> impl Strategy<Value = String> {
    const SCOPES: &[&str] = &[
        "", "", "%text ", "%doc ", "%src ", "%date ", "%loc ", "%per ",
    ];
    const OPS: &[&str] = &["", "", "'", "!", "^", "!'"];
    let term = (
        prop::sample::select(SCOPES),
        prop::sample::select(OPS),
        prop::sample::select(WORDS),
        1usize..8,
    )
        .prop_map(|(scope, op, w, n)| {
            let piece: String = crate::text::fold_str(w).chars().take(n).collect();
            format!("{scope}{op}{piece}")
        });
    let join = prop::sample::select(&[" ", " | "][..]);
    (term.clone(), prop::collection::vec((join, term), 0..3))
        .prop_map(|(a, rest)| rest.into_iter().fold(a, |q, (j, t)| format!("{q}{j}{t}")))
}

/// Every item of `index` scored both ways, as (item, short way, read).
fn both_ways(index: &Index, raw: &str) -> Vec<(usize, Option<i32>, Option<i32>)> {
    let mut plan = Plan::new(&Query::parse(raw));
    index
        .items
        .to_vec()
        .iter()
        .enumerate()
        .map(|(id, item)| (id, plan.score(index, item), plan.score_read(index, item)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_short_way_scores_every_item_as_read(
        docs in prop::collection::vec(document(), 1..6),
        lines in prop::collection::vec(text(), 1..6),
        raw in query(),
    ) {
        for (id, short, read) in both_ways(&index(docs), &raw) {
            prop_assert_eq!(short, read, "{}: item {}", raw, id);
        }
        let stdin = Index::lines(lines.iter().map(String::as_str));
        for (id, short, read) in both_ways(&stdin, &raw) {
            prop_assert_eq!(short, read, "{}: standard input line {}", raw, id);
        }
    }
}

#[test]
fn a_multi_term_query_is_scored_from_the_text_when_every_term_meets_it() {
    let index = index(vec![("Ankara dedi".into(), vec!["dedi Ankara'da".into()])]);
    let plan = Plan::new(&Query::parse("ankara dedi"));
    let lines = index.first_line();
    let mut buf = String::new();
    for item in &index.items.to_vec()[lines..] {
        let key = index.key(item, &mut buf);
        assert!(plan.key_score(item.kind, key, false).is_some(), "{key}");
    }
    // A negated term needs every field, and so does a term the text lacks.
    for raw in ["ankara !lavrov", "ankara لافروف"] {
        let plan = Plan::new(&Query::parse(raw));
        let item = &index.items.to_vec()[lines];
        assert_eq!(
            plan.key_score(item.kind, index.key(item, &mut buf), false),
            None,
            "{raw}"
        );
    }
}

#[test]
fn a_bare_operator_scores_every_item_as_its_fields_do_without_reading_them() {
    let index = index(vec![("Ankara dedi".into(), vec!["dedi Ankara'da".into()])]);
    let mut buf = String::new();
    for raw in ["'", "^", "!", "$"] {
        let mut plan = Plan::new(&Query::parse(raw));
        for item in &index.items.to_vec() {
            let key = index.key(item, &mut buf).to_string();
            let read = plan.score_fields(item.kind, &index.fields(item, &key));
            assert_eq!(plan.score(&index, item), read, "{raw}");
            assert_eq!(read, Some(0), "{raw}");
        }
    }
}
