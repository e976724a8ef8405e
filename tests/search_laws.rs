//! The set laws of the operators, for random items and terms in Turkish, Arabic and both:
//! `!q` lists exactly the complement of what `q` (its exact form; `!'q` its fuzzy form)
//! lists within the scope, `'q` lists a subset of `q`, `^q` and `q$` subsets of `'q`, and
//! `^q$` a subset of both; the stream filter (`okur find --stdin`) agrees with the index.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use okur::corpus::Document;
use okur::kind::Kind;
use okur::search::{EntityItem, Index, Query, filter_lines};

/// Words that meet each other across scripts, words that almost do, and plain words.
const WORDS: &[&str] = &[
    "Putin",
    "بوتين",
    "Biden",
    "بايدن",
    "bütün",
    "Lavrov",
    "لافروف",
    "Lavrov'un",
    "Erdoğan",
    "أردوغان",
    "ERDOĞAN",
    "Ankara",
    "أنقرة",
    "Ankara'da",
    "Moskova",
    "موسكو",
    "Rusya",
    "روسيا",
    "Kara",
    "deniz",
    "Karşı",
    "İstanbul",
    "ışık",
    "Işık",
    "الدبلوماسية",
    "açıklaması",
    "ماسي",
    "Sergey",
    "سيرغي",
    "قال",
    "dedi",
    "ve",
    "و",
    "2020",
    "Mısır",
    "مصر",
];

fn item() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..5).prop_map(|w| w.join(" "))
}

/// A term: a word of the vocabulary, or a piece of one (the query as it is typed).
fn pattern() -> impl Strategy<Value = String> {
    (prop::sample::select(WORDS), 0usize..4).prop_map(|(word, cut)| {
        let chars: Vec<char> = word.chars().collect();
        let keep = chars.len().saturating_sub(cut).max(1);
        chars[..keep].iter().collect()
    })
}

/// Which items a query lists, by position.
fn listed(index: &Index, raw: &str) -> BTreeSet<u32> {
    let query = Query::parse(raw);
    let results = index
        .search(&query, None, &AtomicBool::new(false))
        .expect("not cancelled");
    results.hits.iter().map(|h| h.item).collect()
}

/// The laws on one index, for items `scope` (`%per ` and so on) lists.
fn laws(index: &Index, scope: &str, p: &str) -> Result<(), TestCaseError> {
    let all = listed(index, scope);
    let set = |ops: &str| listed(index, &format!("{scope}{}", ops.replace('P', p)));
    let (fuzzy, exact) = (set("P"), set("'P"));
    let (prefix, suffix, whole) = (set("^P"), set("P$"), set("^P$"));
    let not = |s: &BTreeSet<u32>| all.difference(s).copied().collect::<BTreeSet<u32>>();
    prop_assert_eq!(set("!P"), not(&exact), "!{} is the complement of '{}", p, p);
    prop_assert_eq!(
        set("!'P"),
        not(&fuzzy),
        "!'{} is the complement of {}",
        p,
        p
    );
    prop_assert_eq!(set("!^P"), not(&prefix), "!^{}", p);
    prop_assert_eq!(set("!P$"), not(&suffix), "!{}$", p);
    prop_assert_eq!(set("!^P$"), not(&whole), "!^{}$", p);
    prop_assert!(exact.is_subset(&fuzzy), "'{} within {}", p, p);
    prop_assert!(prefix.is_subset(&exact), "^{} within '{}", p, p);
    prop_assert!(suffix.is_subset(&exact), "{}$ within '{}", p, p);
    prop_assert!(
        whole.is_subset(&prefix) && whole.is_subset(&suffix),
        "^{}$ within ^{} and {}$",
        p,
        p,
        p
    );
    Ok(())
}

fn entity(kind: Kind, name: &str, aliases: Vec<String>) -> EntityItem {
    EntityItem {
        kind,
        name: name.to_string(),
        aliases,
        iso: None,
        docs: vec![0],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn laws_on_lines(items in prop::collection::vec(item(), 1..12), p in pattern()) {
        let index = Index::lines(items.iter().map(String::as_str));
        laws(&index, "", &p)?;
        let lines: Vec<&str> = items.iter().map(String::as_str).collect();
        for raw in [p.clone(), format!("'{p}"), format!("!{p}"), format!("^{p}$")] {
            let query = Query::parse(&raw);
            let stop = AtomicBool::new(false);
            let streamed = filter_lines(&lines, &query, &stop).expect("not cancelled");
            let indexed = index.search(&query, None, &stop).expect("not cancelled");
            prop_assert_eq!(streamed, indexed.hits, "stream and index agree on {}", raw);
        }
    }

    #[test]
    fn laws_on_entities_and_document_lines(
        names in prop::collection::vec((item(), prop::collection::vec(item(), 0..3)), 1..8),
        text in prop::collection::vec(item(), 1..8),
        p in pattern(),
    ) {
        let entities: Vec<EntityItem> = names
            .iter()
            .enumerate()
            .map(|(i, (name, aliases))| {
                let kind = if i % 2 == 0 { Kind::Person } else { Kind::Place };
                entity(kind, name, aliases.clone())
            })
            .collect();
        let doc = Document::from_text("doc.txt", format!("{}\n", text.join("\n")));
        let index = Index::of_documents(vec![doc], &entities);
        for scope in ["%per ", "%loc ", "%text ", "%doc "] {
            laws(&index, scope, &p)?;
        }
    }
}
