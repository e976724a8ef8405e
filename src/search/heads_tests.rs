//! The heads are the whole search's own hits on titles and entities, and no line of the
//! whole search scores above the ceiling: on generated Turkish and Arabic documents, for
//! plain, exact, anchored, negated and joined terms.

use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use crate::search::test_docs::{WORDS, document, index};
use crate::search::{Heads, Hit, Index, Query};

fn query() -> impl Strategy<Value = String> {
    let ops = prop::sample::select(&["", "", "'", "!", "^", "%text ", "%doc "][..]);
    let term = (ops, prop::sample::select(WORDS), 1usize..7).prop_map(|(op, w, n)| {
        let piece: String = crate::text::fold_str(w).chars().take(n).collect();
        format!("{op}{piece}")
    });
    let join = prop::sample::select(&[" ", " | "][..]);
    (term.clone(), prop::option::of((join, term))).prop_map(|(a, b)| match b {
        Some((j, b)) => format!("{a}{j}{b}"),
        None => a,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn heads_are_the_searchs_own_and_no_line_passes_the_ceiling(
        docs in prop::collection::vec(document(), 1..8),
        raw in query(),
    ) {
        let index = index(docs);
        let query = Query::parse(&raw);
        let stop = AtomicBool::new(false);
        let whole = index.search_unranked(&query, None, &stop);
        let whole = whole.ok_or_else(|| TestCaseError::fail("cancelled"))?;
        let first = index.first_line();
        let Some(heads) = index.search_heads(&query, &stop) else {
            let whole_index = query.scopes() == [crate::search::Scope::All];
            prop_assert!(!whole_index || query.is_empty(), "{}", raw);
            return Ok(());
        };
        let (before, lines): (Vec<Hit>, Vec<Hit>) =
            whole.hits.iter().partition(|h| (h.item as usize) < first);
        prop_assert_eq!(sorted(&before), sorted(&heads.hits), "{}", raw);
        // The whole search after the heads scans the lines alone, to the same answer.
        let after = index.search_after_heads(&query, None, Some(&heads), &stop);
        let after = after.ok_or_else(|| TestCaseError::fail("cancelled"))?;
        prop_assert_eq!(&after.hits, &whole.hits, "{}", raw);
        for hit in lines {
            let (item, score) = (hit.item, hit.score);
            prop_assert!(score <= heads.line_ceiling, "{}: line {} scores {}", raw, item, score);
        }
    }
}

fn sorted(hits: &[Hit]) -> Vec<(u32, i32)> {
    let mut pairs: Vec<(u32, i32)> = hits.iter().map(|h| (h.item, h.score)).collect();
    pairs.sort_unstable();
    pairs
}

#[test]
fn a_title_starting_with_the_word_beats_every_line_and_a_mere_hit_does_not() {
    let index = index(vec![
        ("ankara dedi".into(), vec!["ankara".into()]),
        ("dedi ankaralı".into(), vec!["ve ankara".into()]),
    ]);
    let stop = AtomicBool::new(false);
    let heads = index
        .search_heads(&Query::parse("ankara"), &stop)
        .expect("a plain term over the whole index");
    let score = |item: u32| heads.hits.iter().find(|h| h.item == item).map(|h| h.score);
    // Titles are short texts: a six-letter hit anywhere in one outranks a line's best.
    assert!(score(0) > Some(heads.line_ceiling));
    assert!(score(1) > Some(heads.line_ceiling));
    let short = index
        .search_heads(&Query::parse("a"), &stop)
        .expect("a plain term");
    let score = |item: u32| short.hits.iter().find(|h| h.item == item).map(|h| h.score);
    // One letter inside a title's word could lie below a line that starts with the word.
    assert!(
        score(0) > Some(short.line_ceiling),
        "the title starts with it"
    );
    assert!(
        score(1) <= Some(short.line_ceiling),
        "inside a word of the title"
    );
    assert!(
        index
            .search_heads(&Query::parse("%text ankara"), &stop)
            .is_none()
    );
    assert!(
        index
            .search_heads(&Query::parse("%per x %doc y"), &stop)
            .is_none()
    );
}

#[test]
fn the_whole_search_after_heads_takes_only_heads_of_its_own_query() {
    let index = index(vec![
        ("ankara dedi".into(), vec!["ankara".into(), "lavrov".into()]),
        ("lavrov ve ankara".into(), vec!["dedi ankaralı".into()]),
    ]);
    let stop = AtomicBool::new(false);
    let ankara = Query::parse("ankara");
    let whole = index.search_unranked(&ankara, None, &stop);
    let whole = whole.unwrap_or_else(|| panic!("cancelled"));
    // Heads of another query would put its titles in this answer: they are not taken.
    let other = index.search_heads(&Query::parse("lavrov"), &stop);
    let other = other.unwrap_or_else(|| panic!("lavrov: no heads"));
    let after = index.search_after_heads(&ankara, None, Some(&other), &stop);
    assert_eq!(after.map(|r| r.hits), Some(whole.hits.clone()));
    // Narrowing the last key's hits, with this key's heads.
    let prev = index.search_unranked(&Query::parse("ank"), None, &stop);
    let narrowed = index.search_unranked(&ankara, prev.as_ref(), &stop);
    let own = index.search_heads(&ankara, &stop);
    let after = index.search_after_heads(&ankara, prev.as_ref(), own.as_ref(), &stop);
    assert_eq!(after.map(|r| r.hits), narrowed.map(|r| r.hits));
}

/// The documents the hits of `results` lead to: titles' and lines' own, entities' all.
fn docs_of(index: &Index, results: &crate::search::Results) -> Vec<bool> {
    let mut docs = vec![false; index.tags.len()];
    let items = index.items.to_vec();
    for hit in &results.hits {
        for &d in index.docs(&items[hit.item as usize]) {
            docs[d as usize] = true;
        }
    }
    docs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// Typed a key at a time: the heads after the key before score its titles and
    /// entities alone and find what a scan of every title finds; and reading each
    /// document's lines only up to its first match finds the documents of every hit of
    /// the whole search.
    #[test]
    fn heads_after_the_key_before_and_the_documents_they_count(
        docs in prop::collection::vec(document(), 1..8),
        raw in query(),
    ) {
        let index = index(docs);
        let stop = AtomicBool::new(false);
        let mut prev = None;
        for (at, c) in raw.char_indices() {
            let typed = Query::parse(&raw[..at + c.len_utf8()]);
            let after = index.search_heads_after(&typed, prev.as_ref(), &stop);
            let scratch = index.search_heads(&typed, &stop);
            let hits = |h: Option<&Heads>| h.map(|h| sorted(&h.hits));
            prop_assert_eq!(hits(after.as_ref()), hits(scratch.as_ref()), "{}", &typed.raw);
            let whole = index.search_unranked(&typed, prev.as_ref(), &stop);
            let whole = whole.ok_or_else(|| TestCaseError::fail("cancelled"))?;
            if let Some(heads) = after {
                let counted = index.answer_docs(&heads, prev.as_ref(), &stop);
                prop_assert_eq!(counted, Some(docs_of(&index, &whole)), "{}", &typed.raw);
            }
            prev = Some(whole);
        }
    }
}
