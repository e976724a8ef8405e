//! Generated article texts from the seeds' words, for the memory tests: news-like
//! paragraphs, and the same with made-up words as the generated corpora of issue 13 have.
//! Each test file uses a part, hence `dead_code` is allowed.
#![allow(dead_code)]

use okur::corpus::{Corpus, Document};

use super::seed_words;

/// The corpus of `texts`, one document each (`0.txt`, `1.txt`, …).
pub fn corpus_of(texts: Vec<String>) -> Corpus {
    let docs = (texts.into_iter().enumerate())
        .map(|(i, t)| Document::from_text(format!("{i}.txt"), t))
        .collect();
    Corpus { docs }
}

/// `n` texts of about 5 KB from the seeds' words, as a corpus of news is: a title, then
/// paragraphs of a few hundred bytes with a blank line between them.
pub fn texts(n: usize) -> Vec<String> {
    let words = seed_words::seed_words();
    (0..n)
        .map(|i| {
            let mut text = String::new();
            let mut k = i * 7919;
            let mut para = 0;
            while text.len() < 5_000 {
                text.push_str(&words[k % words.len()]);
                para += 1;
                // A title of six words, then paragraphs of about 40 (some 300 bytes).
                let end = para == 6 || (para > 6 && para % 40 == 6);
                text.push_str(if end { "\n\n" } else { " " });
                k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
            }
            text
        })
        .collect()
}

/// Texts as [`texts`] makes them, one word in five made up (3 to 9 letters): as in the
/// generated corpora of issue 13, most distinct words are seen once, and each costs the
/// index its folded word, its skeleton entry, their ends and lists beside its codes.
pub fn texts_with_new_words(n: usize) -> Vec<String> {
    const LETTERS: [char; 12] = ['a', 'e', 'ı', 'i', 'o', 'ü', 'k', 'l', 'm', 'r', 'ş', 't'];
    let mut state = 0x9e37_79b9_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % 1_000_003).unwrap_or(0)
    };
    texts(n)
        .into_iter()
        .map(|text| {
            let mut out = String::with_capacity(text.len() + text.len() / 4);
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                if i % 5 == 4 {
                    out.push(' ');
                    out.extend((0..3 + next() % 7).map(|_| LETTERS[next() % LETTERS.len()]));
                }
            }
            out
        })
        .collect()
}
