//! The compact mention table gives what extraction gave before it: the same mentions,
//! entities, panel rows and search items as extracting each document, spreading the people
//! it names and linking ([`link`]) with every mention held as a `RawMention`.

#[path = "support/seed_words.rs"]
mod seed_words;

use okur::corpus::{Corpus, Document, load_seeds};
use okur::extract::{
    CorpusExtraction, Extractor, KnownPeople, MentionTable, extract_corpus, extract_corpus_table,
    link,
};
use okur::tui::app::Facts;

/// Extraction as it was done before the table: every document's mentions held whole.
fn reference(ex: &Extractor, corpus: &Corpus) -> CorpusExtraction {
    let mut raw: Vec<_> = corpus.docs.iter().map(|d| ex.extract_doc(d)).collect();
    let mut known = KnownPeople::default();
    for (doc, ms) in corpus.docs.iter().zip(&raw) {
        known.merge(KnownPeople::from_mentions(&doc.text().expect("reads"), ms));
    }
    let known = known.corpus_wide(ex.lexicon());
    for (doc, ms) in corpus.docs.iter().zip(&mut raw) {
        ex.add_known(&doc.text().expect("reads"), &known, ms);
    }
    let owned = corpus.plain_texts().expect("reads");
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    link(ex.lexicon(), &texts, raw)
}

/// The seeds, documents naming people the others name by surname only, and documents of
/// seed words in another order.
fn corpus() -> Corpus {
    let mut docs = load_seeds().corpus.docs;
    let texts = [
        "Dışişleri Bakanı Sergey Lavrov 3 Mart 2024'te Ankara'ya geldi. Lavrov konuştu.",
        "Lavrov ile Çavuşoğlu İstanbul'da görüştü; Helmut Kohl da anıldı.",
        "قال وزير الخارجية الروسي سيرغي لافروف في موسكو يوم 5 مارس 2024 إن لافروف سيزور أنقرة.",
        "Kohl'un Bonn'daki konuşması 12.04.1990 tarihinde yapıldı. Kaya Güneş de oradaydı.",
    ];
    for (i, text) in texts.iter().enumerate() {
        docs.push(Document::from_text(format!("p{i}.txt"), text.to_string()));
    }
    let words = seed_words::seed_words();
    for i in 0..6 {
        let text: Vec<&str> = (0..400)
            .map(|k| words[(k * 37 + i * 101) % words.len()].as_str())
            .collect();
        docs.push(Document::from_text(format!("g{i}.txt"), text.join(" ")));
    }
    Corpus { docs }
}

#[test]
fn the_table_holds_the_same_mentions_entities_rows_and_items() {
    let ex = Extractor::new();
    let corpus = corpus();
    let before = reference(&ex, &corpus);
    let mentions: usize = before.mentions.iter().map(Vec::len).sum();
    assert!(mentions > 200, "{mentions} mentions");
    assert!(before.mentions.iter().flatten().any(|m| m.value.is_some()));
    let table = extract_corpus_table(&ex, &corpus, &Default::default());
    assert_eq!(table.len(), mentions);
    let now = table.to_extraction();
    assert_eq!(now.mentions, before.mentions);
    assert_eq!(now.entities, before.entities);
    assert_eq!(extract_corpus(&ex, &corpus).mentions, before.mentions);
    // The search and the panels take the same from the table as from the mentions (the
    // panels last: they take the table apart).
    let texts = corpus.docs.as_slice();
    assert_eq!(table.entity_items(texts), before.entity_items(texts));
    let (rows, old_rows) = (
        Facts::from_owned_table(table),
        Facts::from_extraction(&before),
    );
    assert_eq!(rows.entities, old_rows.entities);
    let docs = |f: &Facts| f.each_doc().map(Vec::from_iter).collect::<Vec<Vec<_>>>();
    assert_eq!(docs(&rows), docs(&old_rows));
    // An extraction made elsewhere (the tests' own) comes through the table unchanged.
    assert_eq!(
        MentionTable::from(before.clone()).to_extraction().mentions,
        before.mentions
    );
}
