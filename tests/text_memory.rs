//! What a loaded corpus holds for its documents' text (issue 13), under a counting
//! allocator: each text is held as one compressed frame (`corpus::DocText`), so the
//! documents hold about half the bytes their files have. Measured on real news (the
//! bundled seeds, 2.3–4 KB each) and on articles made of the seeds' words.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_texts.rs"]
mod seed_texts;
#[path = "support/seed_words.rs"]
mod seed_words;

use okur::corpus::Document;
use seed_texts::{corpus_of, texts};
use std::sync::MutexGuard;

/// The bytes a corpus made of `texts` holds for their text, over the texts' bytes: what
/// loading them keeps on the heap, less the documents themselves and their other strings
/// (path, key, title, dateline). The texts given are freed as they are taken (or kept, on
/// a build that holds them as they are): counted by their capacity.
///
/// The caller holds `_one` from its first line to its last: the counters are the
/// process's, so a test still making its texts, or printing a failure's backtrace (which
/// reads the binary's debug information, megabytes), would be counted here (CI saw 3.7 and
/// 11.7 times the text when the texts were made before the lock).
fn text_held_per_byte(_one: &MutexGuard<'static, ()>, texts: Vec<String>) -> f64 {
    let bytes: usize = texts.iter().map(String::len).sum();
    let given: usize =
        texts.iter().map(String::capacity).sum::<usize>() + texts.capacity() * size_of::<String>();
    // The patterns' caches fill on the first texts read and stay: filled before measuring.
    drop(corpus_of(texts.clone()));
    let (corpus, m) = counting_alloc::measure(|| corpus_of(texts));
    let kept = usize::try_from(m.kept.saturating_add(isize::try_from(given).unwrap_or(0)))
        .unwrap_or(usize::MAX);
    let others: usize = corpus
        .docs
        .iter()
        .map(|d| {
            d.path.capacity()
                + d.title.capacity()
                + d.key.text.capacity()
                + d.key.copy.as_ref().map_or(0, String::capacity)
                + d.dateline.as_ref().map_or(0, |x| x.iso.capacity())
        })
        .sum::<usize>()
        + corpus.docs.capacity() * size_of::<Document>();
    let held = kept.saturating_sub(others);
    held as f64 / bytes as f64
}

/// Real news, the bundled seeds (Turkish and Arabic): each text held in at most 0.56 of
/// its bytes (measured 0.47; zstd level 1 on each text alone, 0.40–0.52 by text). Before,
/// each was held whole (1.0 and its spare room).
#[test]
fn real_news_is_held_in_about_half_its_bytes() {
    let one = counting_alloc::one_at_a_time();
    let mut files: Vec<_> = std::fs::read_dir("seeds")
        .expect("the seeds folder")
        .map(|e| e.expect("a seed").path())
        .collect();
    files.sort();
    let texts: Vec<String> = (files.iter())
        .map(|f| std::fs::read_to_string(f).expect("a seed's text"))
        .collect();
    assert!(texts.len() >= 5, "{} seeds", texts.len());
    let ratio = text_held_per_byte(&one, texts);
    eprintln!("seeds: text held {ratio:.3} of its bytes");
    assert!(
        ratio <= 0.56,
        "the seeds' text held {ratio:.3} of its bytes"
    );
}

/// Articles of the seeds' words in an order of their own (less repetitive than news):
/// at most 0.56 of their bytes (measured 0.49).
#[test]
fn articles_of_seed_words_are_held_in_about_half_their_bytes() {
    let one = counting_alloc::one_at_a_time();
    let ratio = text_held_per_byte(&one, texts(300));
    eprintln!("seed-word articles: text held {ratio:.3} of its bytes");
    assert!(
        ratio <= 0.56,
        "the articles' text held {ratio:.3} of their bytes"
    );
}

/// Every text reads back as it was given, after being packed.
#[test]
fn packed_texts_read_back_whole() {
    let _one = counting_alloc::one_at_a_time();
    let given = texts(50);
    let corpus = corpus_of(given.clone());
    let back: Vec<String> = (corpus.docs.iter())
        .map(|d| d.text().expect("reads back").into_owned())
        .collect();
    assert_eq!(back, given);
}
