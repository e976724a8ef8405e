//! The search index's memory (issue 13), under a counting allocator: what its build and
//! its updates hold at their peak beside what the index keeps. The figures of a generated
//! corpus are printed by `cargo run --release --example corpus_memory -- DIR`.

use std::sync::Arc;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_texts.rs"]
mod seed_texts;
#[path = "support/seed_words.rs"]
mod seed_words;

use okur::corpus::{Corpus, Document};
use okur::kind::Kind;
use okur::search::{EntityItem, Index};

/// `n` articles from the seeds' words (Turkish and Arabic news): a heading, a dateline and
/// paragraphs of 15 to 75 words, until about 4 KB.
fn articles(n: usize) -> Corpus {
    let words = seed_words::seed_words();
    let mut k = 17usize;
    let mut next = move || {
        k = k.wrapping_mul(1_103_515_245).wrapping_add(12_345) % (1 << 31);
        k
    };
    let mut line = |count: usize, text: &mut String| {
        for w in 0..count {
            text.push_str(if w == 0 { "" } else { " " });
            text.push_str(&words[next() % words.len()]);
        }
        text.push_str("\n\n");
    };
    let docs = (0..n)
        .map(|i| {
            let mut text = String::new();
            line(7, &mut text);
            text.push_str("12.03.2021\n\n");
            while text.len() < 4_000 {
                let count = 15 + i % 7 * 9 + text.len() % 5;
                line(count, &mut text);
            }
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    Corpus { docs }
}

/// The reader hands the index its entities once extraction ends, the whole index built:
/// replacing them moved every line's item (64 bytes a line, a quarter of the text) out of the
/// items and back, so the whole of them was held twice at that moment. Now the new entities'
/// items are put in place of the old, the lines moving once within their own room. (The
/// same number of entities each time, as a new extraction of the same corpus gives about.)
#[test]
fn replacing_the_entities_does_not_copy_the_lines() {
    let _one = counting_alloc::one_at_a_time();
    let corpus = Arc::new(articles(400));
    let mut index = Index::build(&corpus, &[]);
    let entities = |name: &str| -> Vec<EntityItem> {
        (0..60)
            .map(|i| EntityItem {
                kind: if i % 2 == 0 {
                    Kind::Person
                } else {
                    Kind::Place
                },
                name: format!("{name} {i}"),
                aliases: vec![format!("اسم {i}")],
                iso: None,
                docs: vec![i, i + 1],
            })
            .collect()
    };
    // The first entities (tables built on first use live for the process: built here).
    index.set_entities(&entities("Ad"));
    let lines = index.len() - index.first_line_id();
    assert!(lines > 400 * 10, "{lines} lines");
    let (before, ids) = (index.len(), index.first_line_id());
    let ((), m) = counting_alloc::measure(|| index.set_entities(&entities("Al")));
    assert_eq!((index.len(), index.first_line_id()), (before, ids));
    // The entities' own items and strings: a few kilobytes, far below a byte a line's item
    // would take a line; the copy of the lines took 64 bytes a line.
    assert!(
        m.peak < lines * 8,
        "setting 60 entities over {lines} lines peaked at {} bytes",
        m.peak
    );
}

/// Issue 13: the index of a corpus and its word postings, as the reader holds them, keep
/// less than the text again, and build at a peak not far above that. Each line's folded
/// key was stored, about the text again (1.66 bytes kept per text byte here); a line now
/// keeps its words' numbers (0.93 here), its key folded again where its text must be read.
#[test]
fn the_index_and_its_postings_keep_less_than_the_text_again() {
    let _one = counting_alloc::one_at_a_time();
    // Tables built on first use live for the process: built here.
    let mut warm = Index::build(&Arc::new(articles(2)), &[]);
    warm.index_words();
    let corpus = Arc::new(articles(600));
    let text: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
    let (index, m) = counting_alloc::measure(|| {
        let mut index = Index::build(&corpus, &[]);
        index.index_words();
        index
    });
    assert!(index.len() > 600 * 10, "{} items", index.len());
    let kept = m.kept as f64 / text as f64;
    let peak = m.peak as f64 / text as f64;
    assert!(kept < 1.2, "kept {kept:.2} bytes per text byte");
    assert!(peak < 1.3, "peaked at {peak:.2} bytes per text byte");
}

/// The search index with its word postings, per byte of the text it indexes (issue 13:
/// the largest share of the reader's memory beside the text). A line's skeleton entries
/// are read through its folded words, an entry's lines are its word's. A line item was 64 bytes,
/// now 56 (its entries' place is its strings' place, which a line has none of); a
/// skeleton entry's end was 64 bits, now 32. Every byte held is one of the parts
/// [`okur::search::Index::held_parts`] names.
#[test]
fn the_index_holds_its_parts_and_no_more() {
    let _one = counting_alloc::one_at_a_time();
    let corpus = std::sync::Arc::new(seed_texts::corpus_of(seed_texts::texts_with_new_words(400)));
    let text: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
    // Built once before: tables made on first use live for the process.
    drop(okur::search::Index::build(&corpus, &[]));
    let (index, m) = counting_alloc::measure(|| {
        let mut index = okur::search::Index::build(&corpus, &[]);
        index.index_words();
        index
    });
    let kept = usize::try_from(m.kept).unwrap_or(usize::MAX);
    let parts = index.held_parts();
    let counted: usize = parts.iter().map(|p| p.1).sum();
    assert!(
        kept.abs_diff(counted) <= kept / 50,
        "held {kept}, parts {counted}: {parts:?}"
    );
    // 783‰ since the folded words are numbered by count, each met once keeps its line
    // inline (`search::lists`), and the vocabularies' ends are 16 bits past their block's
    // (`search::ends`); 927‰ since a document line is 16 bytes of columns, not a 56-byte item
    // (`search::line_items`; items and line items 50‰ now); 1023‰ since each
    // distinct skeleton text is held once, not once per word (`search::words`; 1040‰
    // before, items 145‰). 1341‰ while the skeleton entries kept
    // their own per-line codes and lists beside the folded words' (one vocabulary now, see
    // `search::entry_words`); with items of 64 bytes alone it was 21‰ more again.
    let per_mille = kept * 1000 / text.max(1);
    assert!(
        per_mille <= 800,
        "index held {per_mille}‰ of the text: {parts:?}"
    );
}

#[test]
fn lines_held_apart_list_each_entry_once_while_the_words_are_indexed() {
    let _one = counting_alloc::one_at_a_time();
    // `3` folds to a word without a skeleton in the first document; written `٣` it is an
    // Arabic letter to the skeleton, so every long paragraph holding it is held apart, and
    // says the same few words thousands of times.
    let words = ["Lavrov", "Moskova", "ile", "görüştü", "قال", "بوتين", "٣"];
    let paragraph = |k: usize| {
        let mut p: Vec<&str> = (0..20_000)
            .map(|i| words[(i * 5 + k) % words.len()])
            .collect();
        p.push("\n\n");
        p.join(" ")
    };
    let huge: String = (0..10).map(paragraph).collect();
    let corpus = std::sync::Arc::new(seed_texts::corpus_of(vec!["3 kez".to_string(), huge]));
    let text: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
    let mut index = okur::search::Index::build(&corpus, &[]);
    let ((), m) = counting_alloc::measure(|| index.index_words());
    assert!(
        index.lines_apart() >= 10,
        "{} lines apart",
        index.lines_apart()
    );
    // A pair (entry, line) per occurrence took 8 bytes a word before duplicates were
    // dropped: about as much again as the text, at 40 MB a third of the reader's peak.
    // The words are read from each document's text unpacked one at a time (a text under
    // 2 MB is held as a zstd frame), so the largest text is counted on top.
    let largest = corpus.docs.iter().map(|d| d.text_len()).max().unwrap_or(0);
    assert!(
        m.peak <= text / 2 + largest,
        "indexing the words peaked {} bytes above the start for {text} bytes of text",
        m.peak
    );
}

/// About `size` bytes of made-up lowercase words of 3 to 12 letters (a word hardly comes
/// back), a line break after every `per_line` words (none when 0).
fn made_up_words(size: usize, per_line: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::with_capacity(size + 16);
    let mut words = 0usize;
    while text.len() < size {
        for _ in 0..3 + next() % 10 {
            let letter = u8::try_from(next() % 26).unwrap_or(0);
            text.push(char::from(b'a' + letter));
        }
        words += 1;
        text.push(if per_line > 0 && words.is_multiple_of(per_line) {
            '\n'
        } else {
            ' '
        });
    }
    text.push('\n');
    text
}

/// Issue 13: a document whose words hardly repeat (made-up words, hashes), in lines or on
/// one line, is indexed at a peak of under 4.6 (lines) and 5.6 (one line) bytes per text
/// byte: 4.07 and 5.03 here, 6.19 and 7.83 before. The words' postings, a list for nearly
/// every word, peaked at 4.3 times a 40 MB text above what the index held, for keys
/// answered at most about three times as fast as by reading the lines: they are not
/// built (`Index::index_words`); and one line's skeleton field was written out whole (66 MB
/// for 40) before its entries were numbered, now one entry at a time.
#[test]
fn words_that_hardly_repeat_are_indexed_at_a_lower_peak() {
    let _one = counting_alloc::one_at_a_time();
    drop(Index::build(&Arc::new(articles(2)), &[]));
    for (shape, per_line, bound) in [("lines", 120, 4.6), ("one line", 0, 5.6)] {
        let text = made_up_words(3_000_000, per_line);
        let corpus = Arc::new(seed_texts::corpus_of(vec![text]));
        let text: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
        let (_index, m) = counting_alloc::measure(|| {
            let mut index = Index::build(&corpus, &[]);
            index.index_words();
            index
        });
        let peak = m.peak as f64 / text as f64;
        assert!(
            peak < bound,
            "{shape}: peaked at {peak:.2} bytes per text byte"
        );
    }
}
