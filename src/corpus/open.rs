//! The document the reader has open, with its text plain while it is open.

use super::{Corpus, Document, TextError};

/// A plain copy of the open document when its text is packed: the reading pane lays it out
/// and reads it every frame, so it is decompressed once when opened, not at each read. One
/// document at most: opening another drops it.
#[derive(Debug, Clone, Default)]
pub struct OpenCopy {
    held: Option<(usize, Document)>,
}

impl OpenCopy {
    /// Makes the copy of document `doc` of `corpus` (none when its text is plain, read in
    /// place), unless the copy held is of it already.
    pub fn follow(&mut self, corpus: &Corpus, doc: usize) -> Result<(), TextError> {
        let Some(own) = corpus.docs.get(doc) else {
            self.held = None;
            return Ok(());
        };
        if self.is_of(own, doc) {
            return Ok(());
        }
        // The old copy goes before the new is made: two are never held.
        self.held = None;
        self.held = own.with_plain_text()?.map(|copy| (doc, copy));
        Ok(())
    }

    /// Document `doc` of `corpus`: the plain copy when it is of that document (same place,
    /// same key), else the corpus's own.
    pub fn get<'a>(&'a self, corpus: &'a Corpus, doc: usize) -> Option<&'a Document> {
        let own = corpus.docs.get(doc)?;
        match &self.held {
            Some((_, copy)) if self.is_of(own, doc) => Some(copy),
            _ => Some(own),
        }
    }

    fn is_of(&self, own: &Document, doc: usize) -> bool {
        matches!(&self.held, Some((at, copy)) if *at == doc && copy.key == own.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DocText;

    /// A document with its text packed, whatever loading does.
    fn packed(path: &str, text: String) -> Document {
        Document {
            text: DocText::packed(text.clone()),
            ..Document::from_text(path, text)
        }
    }

    fn corpus() -> Corpus {
        let article =
            "Başlık\n\nAnkara'da bugün bakanlar toplandı ve ekonomi görüşüldü. ".repeat(6);
        Corpus {
            docs: vec![
                packed("a.txt", article.clone()),
                packed("b.txt", "kısa".to_string()),
                packed("c.txt", article.replace("Ankara", "İzmir")),
            ],
        }
    }

    #[test]
    fn the_open_document_is_read_plain_and_one_copy_is_held() {
        let corpus = corpus();
        assert!(corpus.docs[0].held_text().is_packed());
        let mut open = OpenCopy::default();
        open.follow(&corpus, 0).expect("reads");
        let doc = open.get(&corpus, 0).expect("doc");
        assert!(!doc.held_text().is_packed());
        assert_eq!(
            doc.text().expect("reads"),
            corpus.docs[0].text().expect("reads")
        );
        // Another document: the corpus's own until followed, then its copy alone.
        assert!(open.get(&corpus, 2).expect("doc").held_text().is_packed());
        open.follow(&corpus, 2).expect("reads");
        assert!(!open.get(&corpus, 2).expect("doc").held_text().is_packed());
        assert!(open.get(&corpus, 0).expect("doc").held_text().is_packed());
        // A plain document needs no copy.
        open.follow(&corpus, 1).expect("reads");
        assert!(open.held.is_none());
        assert!(open.get(&corpus, 9).is_none());
    }
}
