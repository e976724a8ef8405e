//! The words' answer is the text's: on generated Turkish and Arabic lines, every query lists
//! the same lines with the same scores as a scan of every line's text, typed at once or one
//! character at a time (each key narrowing the last one's hits).

use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use crate::corpus::Document;
use crate::kind::Kind;
use crate::search::plan::Plan;
use crate::search::{EntityItem, Index, Query, Results};

/// Words that hold each other, meet across scripts, carry clitics or punctuation.
const WORDS: &[&str] = &[
    "Ankara",
    "Ankara'da",
    "ankaralı",
    "ANKARA",
    "Kara",
    "karanlık",
    "arkara",
    "anankara",
    "«Ankara»",
    "أنقرة",
    "وأنقرة",
    "بأنقرة",
    "انقره",
    "آنقره",
    "Lavrov",
    "لافروف",
    "Putin",
    "بوتين",
    "bütün",
    "Erdoğan",
    "أردوغان",
    "Moskova",
    "موسكو",
    "İstanbul",
    "ışık",
    "Işık",
    "2020",
    "12345",
    "a1b2",
    "dedi",
    "ve",
    "و",
    "قال",
    "aa",
    "aaa",
    "ara",
    "Mısır",
    "مصر",
    "mısırlı",
    "—",
    "(Ankara)",
];

/// What stands between two words: mostly a space, sometimes punctuation or nothing.
const GLUE: &[&str] = &[" ", " ", " ", ", ", "-", "'", ": ", ""];

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(WORDS), prop::sample::select(GLUE)),
        1..7,
    )
    .prop_map(|words| words.into_iter().map(|(w, g)| format!("{w}{g}")).collect())
}

/// A term as typed: a piece of a word, with an operator.
fn term() -> impl Strategy<Value = String> {
    let ops = prop::sample::select(&["", "", "'", "!", "!'", "^", "$"][..]);
    (prop::sample::select(WORDS), 0usize..6, 0usize..3, ops).prop_map(|(w, from, cut, op)| {
        let chars: Vec<char> = crate::text::fold_str(w).chars().collect();
        let from = from.min(chars.len().saturating_sub(1));
        let to = chars.len().saturating_sub(cut).max(from + 1);
        let piece: String = chars[from..to.min(chars.len())].iter().collect();
        match op {
            "$" => format!("{piece}$"),
            _ => format!("{op}{piece}"),
        }
    })
}

fn query() -> impl Strategy<Value = String> {
    let join = prop::sample::select(&[" ", " | "][..]);
    let scope = prop::sample::select(&["", "", "%text "][..]);
    (scope, term(), prop::option::of((join, term()))).prop_map(|(s, a, b)| match b {
        Some((j, b)) => format!("{s}{a}{j}{b}"),
        None => format!("{s}{a}"),
    })
}

fn index(docs: Vec<Vec<String>>) -> Index {
    let docs = docs
        .into_iter()
        .enumerate()
        .map(|(i, lines)| Document::from_text(format!("{i}.txt"), lines.join("\n")))
        .collect();
    let place = EntityItem {
        kind: Kind::Place,
        name: "Ankara".into(),
        aliases: vec!["أنقرة".into()],
        iso: None,
        docs: vec![0],
    };
    let mut index = Index::of_documents(docs, std::slice::from_ref(&place));
    index.index_words();
    // Entities come before lines: replacing them moves every line's id.
    index.set_entities(&[place.clone(), place]);
    index
}

/// Every item's score by reading its text: the scan the postings stand in for.
fn plain(index: &Index, raw: &str) -> Vec<(u32, i32)> {
    let mut plan = Plan::new(&Query::parse(raw));
    (0u32..)
        .zip(&index.items)
        .filter_map(|(id, item)| Some((id, plan.score(index, item)?)))
        .collect()
}

fn hits(results: &Results) -> Vec<(u32, i32)> {
    let mut out: Vec<(u32, i32)> = results.hits.iter().map(|h| (h.item, h.score)).collect();
    out.sort_unstable();
    out
}

fn same_as_plain(index: &Index, raw: &str) -> Result<(), TestCaseError> {
    let stop = AtomicBool::new(false);
    let whole = index.search_unranked(&Query::parse(raw), None, &stop);
    let whole = whole.ok_or_else(|| TestCaseError::fail("cancelled"))?;
    prop_assert_eq!(hits(&whole), plain(index, raw), "{}", raw);
    let mut prev: Option<Results> = None;
    for (at, c) in raw.char_indices() {
        let typed = &raw[..at + c.len_utf8()];
        let next = index.search_unranked(&Query::parse(typed), prev.as_ref(), &stop);
        let next = next.ok_or_else(|| TestCaseError::fail("cancelled"))?;
        prop_assert_eq!(hits(&next), plain(index, typed), "typed {}", typed);
        prev = Some(next);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_words_answer_as_every_line_read(
        docs in prop::collection::vec(prop::collection::vec(line(), 1..6), 1..5),
        raw in query(),
    ) {
        let index = index(docs);
        same_as_plain(&index, &raw)?;
    }
}

#[test]
fn a_plain_word_is_answered_from_the_postings_and_ranks_as_read() {
    let lines = [
        "Ankara'da ankaralı",
        "ankaralı Ankara",
        "«Ankara» dedi",
        "dedi وأنقرة",
        "karanlık",
        "قال أنقرة",
        "ANKARA",
    ];
    let index = index(vec![lines.iter().map(|l| l.to_string()).collect()]);
    for raw in [
        "ankara",
        "kara",
        "'ankara",
        "!ankara",
        "ank",
        "أنقرة",
        "2020",
        "ara | dedi",
    ] {
        let plan = Plan::new(&Query::parse(raw));
        assert!(index.line_filter(&plan, index.len()).is_some(), "{raw}");
        same_as_plain(&index, raw).unwrap_or_else(|e| panic!("{e}"));
    }
    for raw in ["^ankara", "ankara$", "ankara dedi"] {
        let plan = Plan::new(&Query::parse(raw));
        let words = raw
            .split(' ')
            .all(|t| !t.starts_with('^') && !t.ends_with('$'));
        assert_eq!(
            index.line_filter(&plan, index.len()).is_some(),
            words,
            "{raw}"
        );
        same_as_plain(&index, raw).unwrap_or_else(|e| panic!("{e}"));
    }
}
