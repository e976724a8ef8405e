//! What `okur export` holds while it writes (issue 13): each document's text is held
//! compressed in the corpus, and export unpacks and prepares one document at a time, so its
//! peak stays a few texts above its start however many documents are exported. Preparing
//! every document first held every exported text plain at once (on 20k generated articles,
//! 165 MB peak RSS against 74 MB streamed).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/counting_sink.rs"]
mod counting_sink;
#[path = "support/seed_texts.rs"]
mod seed_texts;
#[path = "support/seed_words.rs"]
mod seed_words;

use counting_sink::CountingSink;
use okur::cli::export::stream;
use okur::store::Store;
use okur::store::export::Format;

/// Exports 400 articles of about 5 KB (2 MB of text) in each streamed format to a sink: the
/// peak above the start stays under a tenth of the text (measured: a few texts and their
/// tokens), where holding every text plain would take the whole of it.
#[test]
fn export_holds_a_few_documents_at_a_time() {
    let _one = counting_alloc::one_at_a_time();
    let texts = seed_texts::texts(400);
    let bytes: usize = texts.iter().map(String::len).sum();
    let corpus = seed_texts::corpus_of(texts);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open_read_only(&dir.path().join("journal.jsonl")).expect("no journal");
    for format in [Format::Conll, Format::Doccano, Format::Jsonl] {
        let mut out = CountingSink(0);
        let (written, _, peak) =
            counting_alloc::measured(|| stream(&corpus, store.state(), format, &mut out));
        written
            .expect("every text reads back")
            .expect("the sink takes it");
        assert!(out.0 > 0, "{format:?} wrote nothing");
        eprintln!("{format:?}: peak {peak} bytes for {bytes} bytes of text");
        assert!(
            peak * 10 < bytes,
            "{format:?} peaked {peak} bytes above its start for {bytes} bytes of text"
        );
    }
}
