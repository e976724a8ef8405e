use super::*;
use crate::corpus::Document;
use crate::kind::Kind;
use crate::search::{ItemKind, Query};
use crate::tui::search_answer::{FIRST_SCREEN, ScopeDocs};

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
    let items = index.items.to_vec();
    for direct in [true, false] {
        for hit in &results.hits {
            let item = &items[hit.item as usize];
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
    let entity = |kind, name: &str, docs: Vec<u32>| EntityItem {
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

/// The first screenful is the head of the whole answer: the same documents in the same
/// order, the same entities, sent only when a screenful is sure of its place.
#[test]
fn a_first_screen_heads_the_whole_answer() {
    const TITLES: &[&str] = &[
        "Ankara'da görüşme",
        "Lavrov Ankara'ya geldi",
        "Bugün ankaralı bir öğrenci",
        "Moskova'da kar",
        "أنقرة تعلن",
        "a sonra Ankara",
        "Hava",
    ];
    const LINES: &[&str] = &[
        "ankara sakin.",
        "Lavrov, Moskova'da konuştu.",
        "قال لافروف في موسكو",
        "Ankara ve Moskova anlaştı",
        "a b c",
    ];
    let docs: Vec<Document> = (0..400)
        .map(|i| {
            let title = TITLES[i % TITLES.len()];
            let line = LINES[i * 7 % LINES.len()];
            Document::from_text(format!("{i}.txt"), format!("{title}\n\n{line}\n{i}\n"))
        })
        .collect();
    // Ankara, named in two documents, also by its Arabic name.
    let place = EntityItem {
        docs: vec![0, 5],
        iso: None,
        name: "Ankara".into(),
        kind: Kind::Place,
        aliases: vec!["أنقرة".into()],
    };
    let mut index = Index::of_documents(docs, &[place]);
    index.index_words();
    let stop = AtomicBool::new(false);
    let mut sent = Vec::new();
    for raw in [
        "a",
        "an",
        "ank",
        "ankara",
        "lavrov",
        "موسكو",
        "ankara | hava",
        "!ankara",
        "%text ankara",
        "%loc ankara",
        "zzz",
    ] {
        let whole = run_query(&index, raw, None, &stop).map(|(_, o)| o);
        let whole = whole.expect("not cancelled");
        let Some(answer) = first_answer(&index, raw, &stop) else {
            continue;
        };
        let Some(first) = answer.screen else {
            continue;
        };
        assert!(first.partial && !whole.partial, "{raw}");
        assert!(first.docs.len() >= FIRST_SCREEN, "{raw}");
        assert_eq!(first.docs, whole.docs[..first.docs.len()], "{raw}");
        assert_eq!(first.entities, whole.entities, "{raw}");
        // Counted after it: the documents the whole answer lists, in any order.
        let counted = index.answer_docs(&answer.heads, None, &stop);
        let counted = counted.expect("not cancelled");
        let listed: Vec<usize> = (0..counted.len()).filter(|&d| counted[d]).collect();
        let mut whole_docs = whole.docs.clone();
        whole_docs.sort_unstable();
        assert_eq!(listed, whole_docs, "{raw}");
        sent.push(raw);
    }
    // `a`: two titles in seven start with it (114 documents); `lavrov` is in one (57);
    // `موسكو` meets titles across scripts only, below a line's own hit.
    assert_eq!(sent, ["a", "an", "ank", "ankara", "ankara | hava"]);
}

#[test]
fn a_key_reading_most_lines_is_counted_first_and_a_narrow_one_is_not() {
    // Twenty documents of twenty lines, one of which tells of a meeting.
    let docs: Vec<Document> = (0..20)
        .map(|i| {
            let lines: Vec<String> = (0..20).map(|n| format!("satır {n} haber")).collect();
            let text = format!("Haber {i}\n\n{}\nAnkara'da görüşme\n", lines.join("\n"));
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    let index = Index::of_documents(docs, &[]);
    let stop = AtomicBool::new(false);
    assert!(worth_a_count(&index, "a", None), "every line is read");
    let prev = run_query(&index, "görüşm", None, &stop).map(|(r, _)| r);
    assert!(
        !worth_a_count(&index, "görüşme", prev.as_ref()),
        "one line per document is read"
    );
}

#[test]
fn a_narrowing_key_scanning_more_than_the_titles_draws_their_screen_first() {
    // 200 documents titled `Ankara …`, each with two lines starting with `a` and one not:
    // `^a` hits about twice as many lines as there are titles, so `^an` after it scans
    // more items than the titles alone, though fewer than four times as many.
    let docs: Vec<Document> = (0..200)
        .map(|i| {
            let text = format!("Ankara {i}\n\nartık bir\nayrıca iki\nbugün {i}\n");
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    let mut index = Index::of_documents(docs, &[]);
    index.index_words();
    let stop = AtomicBool::new(false);
    let prev = run_query(&index, "^a", None, &stop).map(|(r, _)| r);
    let prev = prev.expect("not cancelled");
    assert!(
        prev.hits.len() > 2 * index.first_line_id(),
        "{}",
        prev.hits.len()
    );
    assert!(worth_a_first_screen(&index, "^an", Some(&prev)));
    let first = first_answer_after(&index, "^an", Some(&prev), &stop);
    let screen = first.and_then(|f| f.screen).expect("a first screen");
    let whole = run_query(&index, "^an", Some(&prev), &stop).map(|(_, o)| o.docs);
    let whole = whole.expect("not cancelled");
    assert_eq!(screen.docs, whole[..screen.docs.len()]);
}

#[test]
fn a_key_without_a_first_screen_sends_its_count_before_the_ordered_answer() {
    // Twenty documents of twenty lines holding a digit, titles without one: `1` has no
    // first screen (no title ranks above the lines), but reads most lines.
    let docs: Vec<Document> = (0..20)
        .map(|i| {
            let lines: Vec<String> = (0..20).map(|n| format!("satır {n}{i} haber")).collect();
            let text = format!("Haber\n\n{}\n", lines.join("\n"));
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    let corpus = Arc::new(Corpus { docs });
    let mut worker = SearchWorker::start(corpus, Waker::default());
    worker.query("1", 0);
    let mut sent = Vec::new();
    while let Ok(outcome) = worker.rx.recv_timeout(Duration::from_secs(60)) {
        let partial = outcome.partial;
        sent.push(outcome);
        if !partial {
            break;
        }
    }
    let [count, whole] = sent.as_slice() else {
        panic!("a count, then the whole answer: {sent:?}");
    };
    assert!(count.count_only && count.docs.is_empty(), "{count:?}");
    assert_eq!(count.generation, whole.generation);
    let counted = count.answer_docs.as_ref().expect("a count");
    let listed: Vec<usize> = (0..counted.len()).filter(|&d| counted[d]).collect();
    let mut ordered = whole.docs.clone();
    ordered.sort_unstable();
    assert_eq!(listed, ordered);
    assert!(listed.len() > 10, "{listed:?}");
}
