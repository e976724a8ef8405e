//! A large generated document for the memory tests (included with `#[path]`, beside
//! `seed_words.rs`): Arabic and Turkish, hard-wrapped lines and very long paragraphs.

use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, extract_corpus_table};

/// About `size` bytes from the seeds' words: paragraphs of hard-wrapped lines of about 70
/// characters (joined into one paragraph each), a blank line between them, and every
/// tenth of the way one long line of a twentieth of the size.
pub fn generated(size: usize) -> String {
    let words = crate::seed_words::seed_words();
    let mut out = String::from("Büyük belge / وثيقة كبيرة\n\n");
    let (mut k, mut next_long) = (0usize, size / 20);
    while out.len() < size {
        let (len, wrap) = match out.len() >= next_long {
            true => {
                next_long += size / 10;
                (size / 20, usize::MAX)
            }
            false => (300 + k % 600, 70),
        };
        let (start, mut line) = (out.len(), 0);
        while out.len() - start < len {
            let word = &words[k % words.len()];
            out.push_str(word);
            line += word.chars().count() + 1;
            out.push(if line >= wrap { '\n' } else { ' ' });
            line = if line >= wrap { 0 } else { line };
            k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
        }
        out.push_str("\n\n");
    }
    out
}

/// A document of about `size` bytes and an extractor whose tables, built on first use for
/// the whole process, are built already; the document's size.
pub fn huge_document(size: usize) -> (Extractor, Corpus, usize) {
    let text = generated(size);
    let size = text.len();
    let corpus = Corpus {
        docs: vec![Document::from_text("big.txt", text)],
    };
    let ex = Extractor::new();
    let warm = Corpus {
        docs: vec![Document::from_text("warm.txt", generated(300_000))],
    };
    drop(extract_corpus_table(&ex, &warm, &Default::default()));
    (ex, corpus, size)
}
