//! The README's operator table, row by row, on Turkish, Arabic and mixed items; ranking
//! across the kinds of hit; and the set laws every operator keeps (see also
//! `search_laws.rs`).

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use okur::kind::Kind;
use okur::search::{EntityItem, Index, Query, filter_lines};

/// The items of the table: Turkish, Arabic and mixed lines.
const ITEMS: &[&str] = &[
    "Erdoğan konuştu",
    "أردوغان",
    "Vladimir Putin'le görüştü",
    "فلاديمير بوتين",
    "بايدن",
    "bütün taraflar",
    "Ankara",
    "Kara deniz",
    "Karşı Bakan",
    "Moskova'da görüşme",
    "في موسكو أمس",
    "Rusya Dışişleri Bakanı",
    "روسيا تعلن",
    "Bugün Rusya",
    "قالت روسيا",
    "Bakan Sergey Lavrov",
    "قال سيرغي لافروف",
    "لافروف: سنراقب مع تركيا",
    "أنقرة",
    "Ankara'da görüşme",
    "Lavrov konuştu",
    "Lavrov Ankara'da",
    "Lavrov Moskova'da",
    "Lavrov ve بوتين",
];

/// The items `raw` lists, through the index and through the stream filter (`okur find
/// --stdin`), which must agree.
fn listed(raw: &str) -> BTreeSet<&'static str> {
    let index = Index::lines(ITEMS.iter().copied());
    let query = Query::parse(raw);
    let stop = AtomicBool::new(false);
    let results = index.search(&query, None, &stop).expect("not cancelled");
    let got: BTreeSet<&str> = results
        .hits
        .iter()
        .map(|h| ITEMS[h.item as usize])
        .collect();
    let streamed = filter_lines(ITEMS, &query, &stop).expect("not cancelled");
    let streamed: BTreeSet<&str> = streamed.iter().map(|h| ITEMS[h.item as usize]).collect();
    assert_eq!(got, streamed, "{raw}: index and stream agree");
    got
}

/// One row of the table: the query lists every item of `yes` and none of `no`.
fn row(raw: &str, yes: &[&str], no: &[&str]) {
    let got = listed(raw);
    for item in yes {
        assert!(got.contains(item), "{raw} should match {item}: {got:?}");
    }
    for item in no {
        assert!(
            !got.contains(item),
            "{raw} should not match {item}: {got:?}"
        );
    }
}

#[test]
fn fuzzy_letters_in_order_in_the_own_text_only() {
    row("erdgn", &["Erdoğan konuştu"], &["أردوغان"]);
}

#[test]
fn plain_term_meets_whole_words_of_the_other_script() {
    row(
        "putin",
        &[
            "Vladimir Putin'le görüştü",
            "فلاديمير بوتين",
            "Lavrov ve بوتين",
        ],
        &["بايدن", "bütün taraflar"],
    );
    row("بوتين", &["Vladimir Putin'le görüştü"], &["bütün taraflar"]);
    row("lavr", &["قال سيرغي لافروف"], &[]);
    row("'lavr", &[], &["قال سيرغي لافروف"]);
}

#[test]
fn exact_is_a_substring() {
    row("'kara", &["Ankara", "Kara deniz"], &["Karşı Bakan"]);
    row("kara", &["Karşı Bakan"], &[]);
}

#[test]
fn exact_alias_spelling_as_whole_words() {
    row("'moskova", &["Moskova'da görüşme", "في موسكو أمس"], &[]);
    let index = Index::lines(["وصل إلى وموسكو", "موسكوفيتش"]);
    assert_eq!(
        texts(&index, "'moskova"),
        ["وصل إلى وموسكو"],
        "a proclitic may lead the word, nothing may follow it"
    );
}

#[test]
fn prefix_is_the_first_logical_word() {
    row(
        "^rusya",
        &["Rusya Dışişleri Bakanı", "روسيا تعلن"],
        &["Bugün Rusya", "قالت روسيا"],
    );
    row(
        "^lavrov",
        &["لافروف: سنراقب مع تركيا", "Lavrov konuştu"],
        &["قال سيرغي لافروف"],
    );
}

#[test]
fn suffix_is_the_last_logical_word() {
    row(
        "lavrov$",
        &["Bakan Sergey Lavrov", "قال سيرغي لافروف"],
        &["لافروف: سنراقب مع تركيا", "Lavrov konuştu"],
    );
}

#[test]
fn whole_item() {
    row("^ankara$", &["Ankara", "أنقرة"], &["Ankara'da görüşme"]);
}

#[test]
fn negation_excludes_on_every_key_form() {
    row(
        "!putin",
        &["Lavrov konuştu", "بايدن"],
        &[
            "Vladimir Putin'le görüştü",
            "فلاديمير بوتين",
            "Lavrov ve بوتين",
        ],
    );
    row(
        "lavrov !putin",
        &["Lavrov konuştu", "قال سيرغي لافروف"],
        &["Lavrov ve بوتين"],
    );
}

#[test]
fn negated_anchors() {
    row(
        "!^rusya",
        &["Bugün Rusya", "قالت روسيا"],
        &["Rusya Dışişleri Bakanı", "روسيا تعلن"],
    );
    row(
        "!lavrov$",
        &["Lavrov konuştu"],
        &["Bakan Sergey Lavrov", "قال سيرغي لافروف"],
    );
    row("!^ankara$", &["Ankara'da görüşme"], &["Ankara", "أنقرة"]);
}

#[test]
fn negated_fuzzy() {
    row(
        "!'erdgn",
        &["Lavrov konuştu", "أردوغان"],
        &["Erdoğan konuştu"],
    );
}

#[test]
fn and_or() {
    row(
        "lavrov ankara",
        &["Lavrov Ankara'da"],
        &["Lavrov Moskova'da"],
    );
    row(
        "putin | lavrov",
        &["فلاديمير بوتين", "Lavrov konuştu", "قال سيرغي لافروف"],
        &["Erdoğan konuştu"],
    );
}

fn entity(kind: Kind, name: &str, aliases: &[&str], docs: &[u32]) -> EntityItem {
    EntityItem {
        kind,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        iso: None,
        docs: docs.to_vec(),
    }
}

/// The seeds with a few entities, as the reader and `okur find` index them.
fn seed_index() -> Index {
    let docs = okur::corpus::load_seeds().corpus.docs;
    let mut date = entity(Kind::Date, "13 Kasım 2020", &[], &[1]);
    date.iso = Some("2020-11-13".into());
    let entities = [
        entity(Kind::Person, "Sergey Lavrov", &["سيرغي لافروف"], &[0, 3]),
        entity(Kind::Person, "Joe Biden", &["جو بايدن"], &[3]),
        entity(Kind::Person, "Vladimir Putin", &["فلاديمير بوتين"], &[3]),
        entity(Kind::Place, "Ankara", &[], &[0, 1]),
        entity(Kind::Place, "Dağlık Karabağ", &[], &[0]),
        entity(Kind::Place, "Kazakistan", &[], &[0]),
        entity(Kind::Place, "موسكو", &[], &[1]),
        date,
    ];
    Index::of_documents(docs.clone(), &entities)
}

fn texts(index: &Index, raw: &str) -> Vec<String> {
    let query = Query::parse(raw);
    let results = index
        .search(&query, None, &AtomicBool::new(false))
        .expect("not cancelled");
    results
        .hits
        .iter()
        .map(|h| index.item(h.item).expect("item").text.to_string())
        .collect()
}

#[test]
fn scopes() {
    let index = seed_index();
    assert_eq!(texts(&index, "%per lavrov"), ["Sergey Lavrov"]);
    assert_eq!(
        texts(&index, "%per 'putin"),
        ["Vladimir Putin"],
        "not Biden"
    );
    assert_eq!(texts(&index, "%per بوتين"), ["Vladimir Putin"]);
    assert_eq!(
        texts(&index, "%loc ankara"),
        ["Ankara"],
        "not Dağlık Karabağ"
    );
    assert_eq!(texts(&index, "%loc moskova"), ["موسكو"]);
    assert!(texts(&index, "%loc akkuyu").is_empty(), "not Kazakistan");
    assert!(texts(&index, "%date 2020-11").contains(&"13 Kasım 2020".to_string()));
    let docs = texts(&index, "%doc lavrov");
    assert!(!docs.is_empty() && docs.iter().all(|t| !t.is_empty()));
    let lines = texts(&index, "%text !putin lavrov");
    assert!(lines.iter().any(|l| l.contains("لافروف")), "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("بوتين") && !l.contains("Putin"))
    );
    let src = texts(&index, "%src '003");
    assert_eq!(src.len(), 1, "one document's path holds 003: {src:?}");
    assert!(src[0].contains("لافروف"), "{src:?}");
    let fuzzy = texts(&index, "%src 003");
    assert!(
        fuzzy.len() > 1 && fuzzy[0] == src[0],
        "paths match fuzzy too, the exact first"
    );
    assert!(texts(&index, "%src !003").len() == 4);
    let others = texts(&index, "!%per putin");
    assert!(others.contains(&"Sergey Lavrov".to_string()), "{others:?}");
    assert!(others.contains(&"Joe Biden".to_string()), "{others:?}");
    assert!(
        !others.contains(&"Vladimir Putin".to_string()),
        "{others:?}"
    );
    assert_eq!(others, texts(&index, "%per !putin"));
}

#[test]
fn anchors_on_seed_lines() {
    let index = seed_index();
    for line in texts(&index, "%text ^rusya") {
        assert!(
            line.starts_with("Rusya") || line.starts_with("روسيا"),
            "{line}"
        );
    }
    for line in texts(&index, "%text lavrov$") {
        let last = line.split_whitespace().last().unwrap_or("");
        assert!(last.contains("Lavrov") || last.contains("لافروف"), "{line}");
    }
}

#[test]
fn exact_over_alias_over_fuzzy() {
    let items = ["Moskof valisi", "في موسكو أمس", "Moskova'da görüşme"];
    let index = Index::lines(items);
    let got = texts(&index, "moskova");
    assert_eq!(got, ["Moskova'da görüşme", "في موسكو أمس", "Moskof valisi"]);
    let index = Index::lines(["Biden", "بايدن", "Bi d e n"]);
    assert_eq!(texts(&index, "biden"), ["Biden", "بايدن", "Bi d e n"]);
}

#[test]
fn turkish_suffix_match_above_an_arabic_one() {
    let items = ["ماسي", "الدبلوماسية الروسية", "Bakanlığın açıklaması"];
    let index = Index::lines(items);
    assert_eq!(
        texts(&index, "ması$"),
        ["Bakanlığın açıklaması", "ماسي"],
        "the Turkish suffix first, the alias spelling next, never a piece of a word"
    );
}

#[test]
fn ties_break_the_same_way_everywhere() {
    let items = ["Lavrov dedi", "Lavrov", "Lavrov dedi ki"];
    let index = Index::lines(items);
    let query = Query::parse("'lavrov");
    let stop = AtomicBool::new(false);
    let indexed = index.search(&query, None, &stop).expect("not cancelled");
    let streamed = filter_lines(&items, &query, &stop).expect("not cancelled");
    assert_eq!(indexed.hits, streamed);
    assert_eq!(
        texts(&index, "'lavrov"),
        ["Lavrov", "Lavrov dedi", "Lavrov dedi ki"]
    );
}
