//! The heads are the whole search's own hits on titles and entities, and no line of the
//! whole search scores above the ceiling: on generated Turkish and Arabic documents, for
//! plain, exact, anchored, negated and joined terms.

use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use crate::corpus::Document;
use crate::kind::Kind;
use crate::search::{EntityItem, Hit, Index, Query};

/// Words that start, end or hold each other, in both scripts, with short ones (`a`).
const WORDS: &[&str] = &[
    "a",
    "an",
    "Ankara",
    "Ankara'da",
    "ankaralı",
    "Kara",
    "ara",
    "أنقرة",
    "وأنقرة",
    "Lavrov",
    "لافروف",
    "Moskova",
    "موسكو",
    "dedi",
    "ve",
    "و",
    "12345",
    "2020",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|w| w.join(" "))
}

fn document() -> impl Strategy<Value = (String, Vec<String>)> {
    (text(), prop::collection::vec(text(), 0..5))
}

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

fn index(docs: Vec<(String, Vec<String>)>) -> Index {
    let docs = docs
        .into_iter()
        .enumerate()
        .map(|(i, (title, lines))| {
            Document::from_text(
                format!("{i}.txt"),
                format!("{title}\n\n{}", lines.join("\n")),
            )
        })
        .collect();
    // A place and a person, each with a name in the other script.
    let names = [
        (Kind::Place, "Ankara", "أنقرة"),
        (Kind::Person, "Sergey Lavrov", "لافروف"),
    ];
    let entities = names.map(|(kind, name, other)| EntityItem {
        kind,
        name: name.into(),
        aliases: vec![other.into()],
        iso: None,
        docs: vec![0],
    });
    let mut index = Index::of_documents(docs, &entities);
    index.index_words();
    index
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
