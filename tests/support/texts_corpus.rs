//! A corpus of short texts (documents `d0`, `d1`, …) extracted as one, for the extraction
//! tests that need consistency across documents: linking, surnames spread corpus-wide.

use okur::corpus::{Corpus, Document};
use okur::extract::{CorpusExtraction, Extractor, extract_corpus};

/// The corpus of `texts`, one document each, and what the shipped extractor finds in it.
pub fn extract_texts(texts: &[&str]) -> (Corpus, CorpusExtraction) {
    let corpus = Corpus {
        docs: texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t.to_string()))
            .collect(),
    };
    let out = extract_corpus(&Extractor::new(), &corpus);
    (corpus, out)
}
