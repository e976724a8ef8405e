//! Ranking and the index API: exact and prefix hits above scattered ones, scopes, joins,
//! narrowing, cancelling.

use std::sync::atomic::AtomicBool;

use okur::kind::Kind;
use okur::search::{EntityItem, Index, ItemKind, Query, Results, Scope};

fn run(index: &Index, raw: &str, prev: Option<&Results>) -> Results {
    index
        .search(&Query::parse(raw), prev, &AtomicBool::new(false))
        .expect("not cancelled")
}

fn texts(index: &Index, r: &Results) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| index.item(h.item).expect("item").text.into_owned())
        .collect()
}

#[test]
fn exact_and_prefix_matches_rank_above_scattered_ones() {
    let lines = [
        "her dem doğru anlatan",
        "Recep Tayyip Erdoğan konuştu",
        "kerdoganlar",
        "Erdoğan",
        "her dogan gün",
    ];
    let index = Index::lines(lines);
    let r = run(&index, "erdogan", None);
    let got = texts(&index, &r);
    assert_eq!(got[0], "Erdoğan", "exact whole item first");
    assert_eq!(
        got[1], "Recep Tayyip Erdoğan konuştu",
        "word-start substring next"
    );
    assert_eq!(
        got.last(),
        Some(&"her dem doğru anlatan".to_string()),
        "scattered last"
    );
    assert_eq!(got.len(), 5);
}

#[test]
fn prefix_operator_and_negation() {
    let index = Index::lines(["Ankara", "Kara deniz", "Ankaralı", "Bakü"]);
    assert_eq!(texts(&index, &run(&index, "^kara", None)), ["Kara deniz"]);
    assert_eq!(texts(&index, &run(&index, "kara$", None)), ["Ankara"]);
    assert_eq!(texts(&index, &run(&index, "^ankara$", None)), ["Ankara"]);
    let r = run(&index, "kara !deniz", None);
    assert_eq!(texts(&index, &r), ["Ankara", "Ankaralı"]);
    let r = run(&index, "baku | ^kara", None);
    assert_eq!(r.hits.len(), 2);
}

fn entity(kind: Kind, name: &str, docs: &[u32]) -> EntityItem {
    EntityItem {
        kind,
        name: name.to_string(),
        aliases: Vec::new(),
        iso: None,
        docs: docs.to_vec(),
    }
}

fn seed_index() -> Index {
    let docs = okur::corpus::load_seeds().corpus.docs;
    let mut date = entity(Kind::Date, "13 Kasım 2020", &[1]);
    date.iso = Some("2020-11-13".into());
    let entities = [
        entity(Kind::Person, "Sergey Lavrov", &[1, 3]),
        entity(Kind::Person, "Vladimir Putin", &[3]),
        entity(Kind::Place, "Ankara", &[0, 1]),
        entity(Kind::Place, "Moskova", &[1]),
        date,
    ];
    Index::of_documents(docs.clone(), &entities)
}

#[test]
fn scopes_limit_kinds() {
    let index = seed_index();
    let r = run(&index, "%per lavrov", None);
    let kinds: Vec<ItemKind> = r
        .hits
        .iter()
        .map(|h| index.item(h.item).expect("item").kind)
        .collect();
    assert_eq!(kinds, [ItemKind::Entity(Kind::Person)]);
    let r = run(&index, "%date 2020-11", None);
    assert!(
        r.hits
            .iter()
            .any(|h| index.item(h.item).expect("item").kind == ItemKind::Entity(Kind::Date))
    );
    let r = run(&index, "%text لافروف", None);
    assert!(
        r.hits
            .iter()
            .all(|h| index.item(h.item).expect("item").kind == ItemKind::Line)
    );
    assert!(!r.hits.is_empty());
}

#[test]
fn two_scopes_join_on_documents() {
    let index = seed_index();
    let r = run(&index, "%per lavrov %loc moskova", None);
    let got = texts(&index, &r);
    assert!(
        got.iter().any(|t| t == "Sergey Lavrov") && got.iter().any(|t| t == "Moskova"),
        "{got:?}"
    );
    let r = run(&index, "%per putin %loc ankara", None);
    assert!(
        r.hits.is_empty(),
        "Putin (doc 3) and Ankara (docs 0, 1) share no document"
    );
}

#[test]
fn lavrov_finds_the_arabic_line_and_entity_aliases_cross_scripts() {
    let index = seed_index();
    let r = run(&index, "%text lavrov", None);
    let hit = r
        .hits
        .iter()
        .find(|h| index.item(h.item).expect("item").text.contains("لافروف"));
    let hit = hit.expect("an Arabic line with لافروف");
    let view = index.item(hit.item).expect("item");
    let ranges = index.highlight(&r.query, hit.item);
    assert!(ranges.iter().any(|x| &view.text[x.clone()] == "لافروف"));
    let r = run(&index, "%loc موسكو", None);
    assert_eq!(texts(&index, &r), ["Moskova"]);
}

#[test]
fn narrowing_gives_the_same_hits_as_a_full_scan() {
    let index = seed_index();
    let stop = AtomicBool::new(false);
    let mut prev: Option<Results> = None;
    let typed = "erdogan ank";
    for end in 1..=typed.len() {
        let q = Query::parse(&typed[..end]);
        let narrowed = index
            .search(&q, prev.as_ref(), &stop)
            .expect("not cancelled");
        let full = index.search(&q, None, &stop).expect("not cancelled");
        assert_eq!(narrowed.hits, full.hits, "at {:?}", &typed[..end]);
        prev = Some(narrowed);
    }
}

#[test]
fn empty_query_lists_its_scope_and_cancel_stops() {
    let index = seed_index();
    let r = run(&index, "%doc", None);
    assert_eq!(r.hits.len(), 5);
    let q = Query::parse_in("a", Scope::All);
    assert!(index.search(&q, None, &AtomicBool::new(true)).is_none());
}

#[test]
fn tags_match_documents() {
    let mut index = seed_index();
    index.set_tags(2, &["önemli".to_string()]);
    let r = run(&index, "%doc 'onemli", None);
    assert_eq!(r.hits.len(), 1);
    assert_eq!(index.item(r.hits[0].item).expect("item").doc, Some(2));
}

#[test]
fn index_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Index>();
    check::<Results>();
}

#[test]
fn very_many_hits_are_ranked_at_the_top_then_on_demand() {
    let lines: Vec<String> = (0..6000).map(|i| format!("satır {i} ankara")).collect();
    let index = Index::lines(lines.iter().map(String::as_str));
    let mut r = run(&index, "a", None);
    assert_eq!(r.hits.len(), 6000);
    assert_eq!(r.ranked, 5000);
    let ordered = |r: &Results| {
        r.hits[..r.ranked]
            .windows(2)
            .all(|w| w[0].score >= w[1].score)
    };
    assert!(ordered(&r));
    index.rank_all(&mut r);
    assert_eq!(r.ranked, 6000);
    assert!(ordered(&r));
}
