//! The reader's memory per corpus byte, step by step (issue 13), under a counting
//! allocator: what a corpus of news articles costs beside its text once parsed, and what
//! extraction holds at its peak. The figures of a real generated corpus are printed by
//! `cargo run --release --example corpus_memory -- DIR`.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_texts.rs"]
mod seed_texts;
#[path = "support/seed_words.rs"]
mod seed_words;

use okur::corpus::Document;
use okur::extract::{Extractor, extract_corpus_table};
use seed_texts::{corpus_of as corpus, texts};

/// A loaded article holds its text, its strings (path, key, its copy's path, title,
/// dateline) and the document itself, not its paragraphs: only an opened document needs
/// them, and every article's (56 bytes a paragraph, about 20 an article) were a fifth of
/// what a corpus's documents held beside their text. Asked for, they are the document's
/// ranges, held without spare room (they grew by doubling: 32 bytes a paragraph).
#[test]
fn loaded_articles_hold_no_paragraphs_until_asked() {
    let _one = counting_alloc::one_at_a_time();
    let texts = texts(500);
    // The patterns' caches (a lazy automaton's states) grow on the first texts they read
    // and stay for the process: filled before measuring, by the same texts. So does the
    // buffer a thread unpacks texts into (`DocText::read`), as large as the largest text it
    // read: grown before measuring by reading the same texts' paragraphs.
    let warm = corpus(texts.clone());
    for d in &warm.docs {
        let _ = d.paragraphs();
    }
    drop(warm);
    // The texts given are freed as they are packed: what is kept beside the text is what
    // loading kept, plus the texts given, less the text as held (`tests/text_memory.rs`).
    let given: usize = texts.iter().map(String::capacity).sum();
    let (corpus, m) = counting_alloc::measure(|| corpus(texts));
    let held: usize = corpus.docs.iter().map(|d| d.held_text().heap_bytes()).sum();
    let kept = isize::try_from(given)
        .ok()
        .and_then(|g| m.kept.checked_add(g));
    let kept = kept
        .and_then(|k| usize::try_from(k).ok())
        .unwrap_or(usize::MAX);
    let kept = kept.saturating_sub(held);
    // Each document and its strings; less the texts' vector, freed.
    let strings: usize = corpus
        .docs
        .iter()
        .map(|d| {
            d.path.len()
                + d.title.len()
                + d.key.text.len()
                + d.key.copy.as_ref().map_or(0, String::len)
                + d.dateline.as_ref().map_or(0, |x| x.iso.len())
        })
        .sum();
    let need =
        corpus.len() * (std::mem::size_of::<Document>() - std::mem::size_of::<String>()) + strings;
    assert!(
        kept <= need + need / 50,
        "{} articles kept {kept} bytes beside their text ({need} needed)",
        corpus.len()
    );
    let (paragraphs, pieces, m) = {
        let (counts, m) = counting_alloc::measure(|| {
            corpus
                .docs
                .iter()
                .map(|d| {
                    (
                        d.paragraphs().len(),
                        d.paragraphs().iter().map(|p| p.pieces.len()).sum::<usize>(),
                    )
                })
                .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
        });
        (counts.0, counts.1, m)
    };
    assert!(paragraphs > 500 * 10, "{paragraphs} paragraphs");
    // One piece is held in the paragraph; a paragraph of more holds them on the heap.
    let many: usize = corpus
        .docs
        .iter()
        .flat_map(|d| d.paragraphs())
        .filter(|p| p.pieces.len() > 1)
        .map(|p| p.pieces.len())
        .sum();
    let opened = usize::try_from(m.kept).unwrap_or(usize::MAX);
    // 40 bytes a paragraph of one piece, where its vector was 32 and the piece 24 more.
    let need = paragraphs * 40 + many * std::mem::size_of::<okur::corpus::Piece>();
    assert!(
        opened <= need + need / 50,
        "{paragraphs} paragraphs ({pieces} pieces) held {opened} bytes ({need} needed)"
    );
}

/// Linking reads every document's compact spans (16 bytes a mention) and writes the table
/// of linked mentions (16 bytes): both were held whole at once, the table's room taken for
/// every span before the first was linked. Now a document's spans go once it is linked and
/// the table grows a block at a time, so the peak is the spans, not both; and both are
/// packed as bytes (spans and linked mentions were 16 and 12 bytes, and the peak and what
/// extraction kept). Articles dense
/// with place names: the mentions, not the threads' working memory, make the peak.
#[test]
fn linking_does_not_hold_the_spans_and_the_table_whole_at_once() {
    let _one = counting_alloc::one_at_a_time();
    let ex = Extractor::new();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Tables built on first use live for the process, not the corpus: built before.
    let dense = |n: usize| {
        let places = [
            "Ankara",
            "İstanbul",
            "Kahire",
            "Moskova",
            "Şam",
            "Bağdat",
            "Tahran",
        ];
        let texts = (0..n).map(|i| {
            let mut text = String::from("Haberler\n\n");
            let mut k = i;
            while text.len() < 5_000 {
                text.push_str(places[k % places.len()]);
                text.push_str(if k % 9 == 0 { ".\n\n" } else { ", " });
                k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
            }
            text
        });
        corpus(texts.collect())
    };
    drop(extract_corpus_table(&ex, &dense(2), &done));
    let corpus = dense(400);
    let size: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
    let (table, m) = counting_alloc::measure(|| extract_corpus_table(&ex, &corpus, &done));
    let n = table.len();
    assert!(n * 20 > size, "{n} mentions");
    // The spans and the extraction's working memory at the peak; the table (16 bytes a
    // mention) joined them whole at once: 36 bytes a mention and more. Spans of 20 bytes
    // peaked at 23.5 a mention (234k mentions), of 16 at 20.6.
    // The spans and the extraction's working memory at the peak; the table (16 bytes a
    // mention) joined them whole at once: 36 bytes a mention and more. Spans of 20 bytes
    // peaked at 23.5 a mention (234k mentions), of 16 at 20.6; packed (about 4 bytes a
    // span, the table's mentions about 3), 6.4.
    assert!(
        m.peak <= 9 * n,
        "extracting {n} mentions peaked at {} bytes ({} a mention)",
        m.peak,
        m.peak / n.max(1)
    );
    // The table's rows were 12 bytes a mention; packed, 3 here.
    assert!(
        m.kept <= 4 * n as isize,
        "extraction kept {} bytes for {n} mentions",
        m.kept
    );
}

/// The panels' mentions are most of what the reader keeps of extraction: each document's
/// were collected through a filter, so grew by doubling and kept about a quarter of their
/// room unused. Now each is sized by its document's mentions, and a mention is 9 bytes
/// (it was three 32-bit numbers, 12). The documents of each entity (for `f`) were a list
/// per entity of 64-bit numbers: now one list of 32-bit ones, and a start per entity.
#[test]
fn the_panels_hold_their_mentions_without_spare_room() {
    use okur::tui::app::{EntityRow, Facts, MentionRef};
    let _one = counting_alloc::one_at_a_time();
    let ex = Extractor::new();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let corpus = corpus(texts(300));
    let table = extract_corpus_table(&ex, &corpus, &done);
    let in_table = table.len();
    let facts = Facts::from_owned_table(table);
    let mentions = facts.each_doc().flatten().count();
    assert_eq!(mentions, in_table);
    // What the facts need: each mention, each document's vector, each entity's row with
    // its names, and the documents each entity is in.
    let rows = &facts.entities;
    let names: usize = rows
        .iter()
        .map(|r| r.name.len() + r.value.as_ref().map_or(0, String::len))
        .sum();
    let pairs: usize = (0..rows.len()).map(|e| facts.docs_of(e).len()).sum();
    let need = mentions * 9
        + corpus.len() * std::mem::size_of::<Vec<MentionRef>>()
        + rows.len() * std::mem::size_of::<EntityRow>()
        + (rows.len() + 1) * std::mem::size_of::<usize>()
        + names
        + pairs * std::mem::size_of::<u32>();
    let kept = counting_alloc::held_by(facts);
    // Packed now (see the last test), at least three bytes a mention.
    assert!(kept >= mentions * 3, "{kept} bytes");
    assert!(
        kept <= need + need / 50,
        "the facts of {mentions} mentions kept {kept} bytes ({need} needed)"
    );
}

/// The reader took the extraction's table in two passes: the search's entity items from the
/// whole table, then the panels' facts as the table was freed a block at a time, so the
/// whole table and the whole items were held at once (at 200k articles the table is 0.59
/// times the corpus and the items 0.13: the reader's peak). Now both are made in the one
/// pass that frees the table, and the items take the entities' names and aliases rather
/// than copies. The same facts and items; a peak above the table of no more than what is
/// kept and one block of the table.
#[test]
fn the_panels_and_the_items_are_made_as_the_table_is_freed() {
    use okur::extract::{CorpusExtraction, Entity, Kind, Mention, MentionTable};
    use okur::tui::app::Facts;
    let _one = counting_alloc::one_at_a_time();
    // 3,000 documents of 120 names each, 30 entities 4 times each (as in the generated
    // corpora: 3.6 million mentions of 870,000 entity-document pairs at 20k articles), of
    // 1,500 entities: 360,000 mentions, six blocks.
    let (docs, per_doc, n_entities) = (3_000, 120, 1_500);
    let entity_of = |d: usize, i: usize| (d * 7 + (i / 4) * 131) % n_entities;
    let texts: Vec<String> = (0..docs)
        .map(|d| {
            (0..per_doc)
                .map(|i| format!("ad{:05} ", entity_of(d, i)))
                .collect()
        })
        .collect();
    let mentions: Vec<Vec<Mention>> = (0..docs)
        .map(|d| {
            (0..per_doc)
                .map(|i| Mention {
                    start: i * 8,
                    end: i * 8 + 7,
                    kind: Kind::Person,
                    value: None,
                    entity: entity_of(d, i),
                })
                .collect()
        })
        .collect();
    let entities = (0..n_entities)
        .map(|e| Entity {
            kind: Kind::Person,
            canonical: format!("Adı {e}"),
            aliases: vec![format!("ad{e:05}")],
            doc_count: 1,
            mention_count: 1 + e % 5,
        })
        .collect();
    let table = MentionTable::from(CorpusExtraction { mentions, entities });
    // A linked mention was a 12-byte row; packed, a byte of gap, one of length and two of
    // entity here.
    let packed = table
        .held_parts()
        .first()
        .map_or(usize::MAX, |&(_, bytes)| bytes);
    assert!(
        packed <= 4 * table.len(),
        "{} mentions in {packed} bytes",
        table.len()
    );
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // As the reader took it before: the items from the whole table, then the facts.
    let before = table.clone();
    let ((old_facts, old_items), old) = counting_alloc::measure(|| {
        let items = before.entity_items(&texts);
        (Facts::from_owned_table(before), items)
    });
    let ((facts, items), new) =
        counting_alloc::measure(|| Facts::with_items_from_table(table, &texts));
    assert_eq!(items, old_items);
    assert_eq!(facts.entities, old_facts.entities);
    assert!(
        facts
            .each_doc()
            .flatten()
            .eq(old_facts.each_doc().flatten())
    );
    assert!(
        facts
            .each_doc()
            .map(Iterator::count)
            .eq(old_facts.each_doc().map(Iterator::count))
    );
    for e in 0..facts.entities.len() {
        assert!(facts.docs_of(e).eq(old_facts.docs_of(e)), "entity {e}");
    }
    drop((old_facts, old_items));
    let items_bytes = counting_alloc::held_by(items);
    let facts_bytes = counting_alloc::held_by(facts);
    let why = format!(
        "the facts ({facts_bytes} bytes) and items ({items_bytes}) of {} bytes of table: \
         {new:?} against {old:?}",
        packed
    );
    // The items made from the whole table were held beside it; now the peak above the
    // table is the facts and items of the mentions read since a block was last freed.
    assert!(new.peak < old.peak, "{why}");
    // The facts' mentions were one buffer, its room for all of them taken while the table
    // was still whole: the step peaked that much above what it kept. Now they are blocks of
    // whole documents, as the table's are, and the peak above what is kept is less than a
    // block (256 KiB). Measured: 66 KB above (main: 579 KB; at 20k articles the step
    // peaked 9 MB above its start and 4 above what it kept, main 16 and 8).
    let kept = usize::try_from(new.kept).unwrap_or(0);
    assert!(new.peak <= kept + (256 << 10), "{why}");
}

/// The panels' mentions were 9 bytes each, one vector per document: 0.32 times the corpus
/// at 20,000 generated articles, the most the reader kept of extraction. Now each
/// document's are packed, in blocks of whole documents ([`Facts::mentions`] reads them back): the gap
/// from the mention before, the length and the entity's code (entities numbered by their
/// corpus count) as LEB128 numbers, about 4 bytes a mention, read back as they were given.
#[test]
fn the_panels_pack_their_mentions_in_a_few_bytes_each() {
    use okur::tui::app::{Facts, MentionRef};
    let _one = counting_alloc::one_at_a_time();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let table = extract_corpus_table(&Extractor::new(), &corpus(texts(300)), &done);
    let given: Vec<Vec<MentionRef>> = table
        .per_doc()
        .map(|ms| {
            let ms = ms.map(|m| (m.start(), m.end(), m.entity()));
            ms.filter_map(|(s, e, r)| MentionRef::new(s, e, r))
                .collect()
        })
        .collect();
    let n: usize = given.iter().map(Vec::len).sum();
    let rows = Facts::from_owned_table(table.clone()).entities;
    assert!(n > 10_000, "{n} mentions");
    // Each document's vector is freed as it is packed.
    let input = given.clone();
    let (facts, m) = counting_alloc::measure(move || Facts::new(rows, input));
    // Read back as given, document by document.
    assert_eq!(facts.each_doc().len(), given.len());
    for (doc, ms) in given.iter().enumerate() {
        assert!(facts.mentions(doc).eq(ms.iter().copied()), "document {doc}");
    }
    let parts = facts.held_parts();
    let packed = parts.iter().find(|(part, _)| *part == "mentions");
    let packed = packed.map_or(usize::MAX, |&(_, bytes)| bytes);
    // Measured: 3.6 bytes a mention here; main held 9 and a vector per document.
    assert!(
        packed * 10 <= n * 45,
        "{n} mentions packed in {packed} bytes"
    );
    let held = counting_alloc::held_by(facts);
    let other: usize = parts.iter().skip(1).map(|&(_, bytes)| bytes).sum();
    assert_eq!(held, packed + other, "{parts:?}");
    // Made a document at a time: a block grows by an eighth at a time, the rest is the
    // index of each entity's documents.
    assert!(m.peak <= 2 * packed + other, "{m:?}: {parts:?}");
}
