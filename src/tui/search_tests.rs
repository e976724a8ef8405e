use super::*;
use crate::kind::Kind;

/// The order the outcome must give: every hit ranked, then documents and entities taken in
/// that order (directly named documents first, then those reached through entities).
fn by_ranking_every_hit(index: &Index, raw: &str) -> (Vec<usize>, Vec<String>) {
    let query = Query::parse(raw);
    let stop = AtomicBool::new(false);
    let Some(mut results) = index.search(&query, None, &stop) else {
        return Default::default();
    };
    index.rank_all(&mut results);
    let every_scope = ScopeDocs::new(index, &query, &results);
    let mut docs = Vec::new();
    for direct in [true, false] {
        for hit in &results.hits {
            let item = &index.items[hit.item as usize];
            if matches!(item.kind, ItemKind::Doc | ItemKind::Line) != direct {
                continue;
            }
            for &d in index.docs(item) {
                let d = d as usize;
                if !docs.contains(&d) && every_scope.allows(d) {
                    docs.push(d);
                }
            }
        }
    }
    let entities = results
        .hits
        .iter()
        .filter_map(|h| index.item(h.item))
        .filter(|v| matches!(v.kind, ItemKind::Entity(_)))
        .map(|v| v.text.to_string())
        .collect();
    (docs, entities)
}

#[test]
fn documents_and_entities_come_in_rank_order_without_sorting_every_hit() {
    let texts = [
        "Lavrov Ankara'da\n\nSergey Lavrov Ankara'ya geldi.\nAnkara sakin.\n",
        "Ankara\n\nLavrov konuştu, Ankara dinledi.\n",
        "Putin\n\nPutin ve Lavrov Moskova'da.\nLavrov, Lavrov.\n",
        "Hava\n\nYarın yağmur var.\n",
        "لافروف في أنقرة\n\nقال لافروف إن روسيا ستراقب.\n",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("{i}.txt"), t.to_string()))
        .collect();
    let entity = |kind, name: &str, docs: Vec<usize>| EntityItem {
        kind,
        name: name.into(),
        aliases: Vec::new(),
        iso: None,
        docs,
    };
    let entities = [
        entity(Kind::Person, "Sergey Lavrov", vec![0, 2, 3, 4]),
        entity(Kind::Place, "Ankara", vec![0, 1, 3]),
        entity(Kind::Person, "Vladimir Putin", vec![2, 3]),
    ];
    let index = Index::of_documents(docs.clone(), &entities);
    let stop = AtomicBool::new(false);
    let queries = [
        "a",
        "lavrov",
        "ankara",
        "%per lavrov",
        "%per lavrov %loc ankara",
        "putin | yarın",
        "لافروف",
        "%loc ank",
        "zzz",
    ];
    for raw in queries {
        let got = run_query(&index, raw, None, &stop).map(|(_, o)| (o.docs, o.entities));
        assert_eq!(
            got,
            Some(by_ranking_every_hit(&index, raw)),
            "query {raw:?}"
        );
    }
    // Documents reached only through an entity come after the direct ones.
    let outcome = run_query(&index, "%per putin", None, &stop).map(|(_, o)| o.docs);
    assert_eq!(outcome, Some(vec![2, 3]));
}
