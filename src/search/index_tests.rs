//! The index's storage: items stay small, entities are replaced without touching the
//! documents' items, and every field reads back as it was given.

use std::sync::atomic::AtomicBool;

use super::*;
use crate::kind::Kind;
use crate::search::{Hit, Query, Results};

fn docs() -> Vec<Document> {
    vec![
        Document::from_text(
            "a.txt",
            "Lavrov Ankara'da\n\nRus Dışişleri Bakanı Sergey Lavrov Ankara'ya geldi.\n".into(),
        ),
        Document::from_text(
            "b.txt",
            "بوتين يلتقي أردوغان\n\nالتقى الرئيس الروسي بوتين في أنقرة.\n".into(),
        ),
    ]
}

fn entity(kind: Kind, name: &str, docs: &[u32]) -> EntityItem {
    EntityItem {
        kind,
        name: name.into(),
        aliases: Vec::new(),
        iso: None,
        docs: docs.to_vec(),
    }
}

/// Every hit of `raw`, as (item id, score), with the text shown for it.
fn hits(index: &Index, raw: &str) -> Vec<(u32, i32, String)> {
    let stop = AtomicBool::new(false);
    let Some(mut results) = index.search(&Query::parse(raw), None, &stop) else {
        return Vec::new();
    };
    index.rank_all(&mut results);
    let text = |id| {
        index
            .item(id)
            .map(|v| v.text.to_string())
            .unwrap_or_default()
    };
    results
        .hits
        .iter()
        .map(|h| (h.item, h.score, text(h.item)))
        .collect()
}

#[test]
fn items_stay_small() {
    // 48 bytes of strings' places and documents (a document line's word entries start
    // where a title's strings would), 8 of byte set (the scan's quick test): a line of some
    // 280 bytes of text costs 56, where it cost 64 with a field of its own for its entries.
    assert!(std::mem::size_of::<Item>() <= 56);
}

#[test]
fn replacing_the_entities_is_the_same_as_building_with_them() {
    let docs = docs();
    let first = [entity(Kind::Person, "Vladimir Putin", &[1])];
    let second = [
        entity(Kind::Person, "Sergey Lavrov", &[0]),
        entity(Kind::Place, "Ankara", &[0, 1]),
    ];
    let whole = Index::of_documents(docs.clone(), &second);
    let mut replaced = Index::of_documents(docs.clone(), &first);
    let lines = replaced.len() - first.len();
    replaced.set_entities(&second);
    replaced.set_entities(&second);
    assert_eq!(replaced.len(), lines + second.len());
    assert_eq!(replaced.len(), whole.len());
    for raw in [
        "lavrov",
        "ankara",
        "%per lavrov",
        "%loc ankara",
        "putin",
        "بوتين",
        "geldi",
    ] {
        assert_eq!(hits(&replaced, raw), hits(&whole, raw), "{raw}");
    }
    assert!(hits(&replaced, "%per putin").is_empty());
    assert!(!hits(&replaced, "%per lavrov").is_empty());
}

#[test]
fn fields_read_back_as_given() {
    let docs = docs();
    let index = Index::of_documents(docs.clone(), &[entity(Kind::Place, "Ankara", &[0, 1])]);
    let ankara = (0..index.len())
        .filter_map(|id| u32::try_from(id).ok())
        .find_map(|id| {
            let item = index.items.get(usize::try_from(id).ok()?)?;
            (item.kind == ItemKind::Entity(Kind::Place)).then_some(item)
        });
    let Some(ankara) = ankara else {
        panic!("no place item");
    };
    assert_eq!(index.text(&ankara), "Ankara");
    assert_eq!(index.key(&ankara, &mut String::new()), "ankara");
    assert_eq!(index.docs(&ankara), [0, 1]);
    let line = index
        .items
        .to_vec()
        .into_iter()
        .find(|i| i.kind == ItemKind::Line);
    let Some(line) = line else {
        panic!("no line item");
    };
    let text = index.text(&line);
    let view = (0..index.len())
        .filter_map(|id| index.item(u32::try_from(id).ok()?))
        .find(|v| v.kind == ItemKind::Line);
    let Some(view) = view else {
        panic!("no line view");
    };
    let (Some(doc), Some(at)) = (view.doc, view.doc_offset) else {
        panic!("a line without its place: {view:?}");
    };
    assert_eq!(
        docs[doc].text_in(at..at + text.len()).as_deref(),
        Some(&*text)
    );
    assert_eq!(index.docs(&line), [0]);
}

#[test]
fn standard_input_lines_have_no_document() {
    let index = Index::lines(["Ankara", "lavrov geldi"]);
    assert_eq!(index.len(), 2);
    let view = index.item(1);
    assert_eq!(
        view.map(|v| (v.text.into_owned(), v.doc, v.doc_offset)),
        Some(("lavrov geldi".to_string(), None, None))
    );
    assert!(!index.too_big());
    let kinds: Vec<_> = (0..3)
        .map(|id| {
            index
                .kind_and_docs(id)
                .map(|(k, d)| (k, d.collect::<Vec<_>>()))
        })
        .collect();
    assert_eq!(
        kinds,
        [
            Some((ItemKind::Line, vec![])),
            Some((ItemKind::Line, vec![])),
            None
        ]
    );
}

/// Every item's kind and documents read by id as they are from the whole item: a document
/// line's from its columns, an entity's from its range, a title's inline.
#[test]
fn each_item_gives_its_kind_and_documents_by_id() {
    let entities = [
        entity(Kind::Place, "Ankara", &[0, 1]),
        entity(Kind::Person, "Lavrov", &[0]),
    ];
    let index = Index::of_documents(docs(), &entities);
    let by_id: Vec<_> = (0..index.len() + 1)
        .map(|id| {
            index
                .kind_and_docs(id)
                .map(|(k, d)| (k, d.collect::<Vec<u32>>()))
        })
        .collect();
    let whole: Vec<_> = (0..index.len() + 1)
        .map(|id| {
            let item = index.items.get(id)?;
            Some((item.kind, index.docs(&item).to_vec()))
        })
        .collect();
    assert_eq!(by_id, whole);
    let kinds = [ItemKind::Doc, ItemKind::Entity(Kind::Place), ItemKind::Line];
    for kind in kinds {
        assert!(by_id.iter().flatten().any(|(k, _)| *k == kind), "{kind:?}");
    }
    assert!(by_id.iter().flatten().any(|(_, d)| d == &[0, 1]));
}

#[test]
fn line_words_meet_terms_as_the_written_skeletons_do() {
    let text = "لافروف: سنراقب مع تركيا\n\nقال سيرغي لافروف\n\nلافروف\n\n\
                بوتين 2020 بايدن\n\nPutinle görüştü Lavrov\n\nbütünleşme ve Putin\n";
    let index = Index::of_documents(vec![Document::from_text("c.txt", text.into())], &[]);
    let lines: Vec<Item> = index
        .items
        .to_vec()
        .into_iter()
        .filter(|i| i.in_doc)
        .collect();
    assert_eq!(lines.len(), 6);
    let queries = [
        "lavrov",
        "'lavrov",
        "^lavrov",
        "lavrov$",
        "^lavrov$",
        "lavr",
        "lafrof",
        "putin",
        "'putin",
        "^putin",
        "putin$",
        "بوتين",
        "'بوتين",
        "^بوتين",
        "لافروف$",
        "!lavrov",
        "!'putin",
    ];
    let mut met = 0;
    for raw in queries {
        let mut plan = super::super::plan::Plan::new(&Query::parse(raw));
        for line in &lines {
            let mut key = String::new();
            let fields = index.fields(line, index.key(line, &mut key));
            assert!(fields.own.words.is_some() && fields.own.skel.is_empty());
            let mut written = fields;
            let mut skel = String::new();
            push_skeletons(&index.text(line), &mut skel);
            written.own.skel = &skel;
            written.own.words = None;
            let by_words = plan.score_fields(ItemKind::Line, &fields);
            let by_field = plan.score_fields(ItemKind::Line, &written);
            assert_eq!(by_words, by_field, "{raw} on {:?}", index.text(line));
            met += usize::from(by_words.is_some());
        }
    }
    assert!(met > 20, "{met} hits");
}

#[test]
fn unranked_search_keeps_index_order_and_narrows_as_a_full_scan() {
    let mut docs = docs();
    docs.push(Document::from_text(
        "c.txt",
        "Ankara\n\nLavrov dedi.\nAnkara'da Lavrov, Erdoğan ile.\nلافروف في أنقرة\n".into(),
    ));
    let index = Index::of_documents(docs, &[entity(Kind::Person, "Sergey Lavrov", &[0, 2])]);
    let stop = AtomicBool::new(false);
    let by_item = |mut hits: Vec<Hit>| {
        hits.sort_by_key(|h| h.item);
        hits
    };
    for typed in ["lavrov", "ankara", "erdogan ank"] {
        let mut prev: Option<Results> = None;
        for end in 1..=typed.len() {
            let q = Query::parse(&typed[..end]);
            let got = index.search_unranked(&q, prev.as_ref(), &stop);
            let Some(got) = got else {
                panic!("cancelled at {:?}", &typed[..end]);
            };
            let full = index.search(&q, None, &stop).map(|r| r.hits);
            assert_eq!(got.ranked, 0);
            assert!(got.hits.windows(2).all(|w| w[0].item < w[1].item));
            assert_eq!(
                Some(got.hits.clone()),
                full.map(by_item),
                "{:?}",
                &typed[..end]
            );
            prev = Some(got);
        }
    }
}

#[test]
fn previous_hits_are_rescanned_in_index_order() {
    let hits = [7, 3, 64, 0, 130].map(|item| Hit { item, score: 1 });
    assert_eq!(
        crate::search::engine::in_index_order(&hits, 131),
        [0, 3, 7, 64, 130]
    );
    assert!(crate::search::engine::in_index_order(&[], 0).is_empty());
}

#[test]
fn a_term_turning_to_the_other_script_as_it_is_typed_narrows_as_a_full_scan() {
    // `^ankara-` meets Arabic words by its skeleton; with an Arabic letter after it the
    // skeleton meets Latin words (`Ankara`), which the shorter query never met.
    let docs = vec![Document::from_text(
        "a.txt",
        "Ankara \n\nAnkara dedi.\n".into(),
    )];
    let index = Index::of_documents(docs, &[]);
    let stop = AtomicBool::new(false);
    let typed = "^ankara-انقره";
    let mut prev: Option<Results> = None;
    for (end, c) in typed.char_indices() {
        let q = Query::parse(&typed[..end + c.len_utf8()]);
        let Some(got) = index.search_unranked(&q, prev.as_ref(), &stop) else {
            panic!("cancelled");
        };
        let mut full = index
            .search(&q, None, &stop)
            .map(|r| r.hits)
            .unwrap_or_default();
        full.sort_by_key(|h| h.item);
        assert_eq!(got.hits, full, "{:?}", &typed[..end + c.len_utf8()]);
        prev = Some(got);
    }
}
