//! A huge document's extraction and search index in memory proportional to its text: a
//! counting allocator records the bytes held and their peak while a document of several
//! megabytes is read in pieces, its spans linked piece by piece and its index built after
//! its extraction (the reader's whole process on such a file: `tmux_reader_memory.rs`).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_words.rs"]
mod seed_words;
#[path = "support/wrapped_text.rs"]
mod wrapped_text;

use counting_alloc::measured;
use okur::corpus::{Corpus, Document};
use okur::extract::{extract_corpus_table, extract_corpus_table_in_pieces};
use wrapped_text::{generated, huge_document};

/// A huge document in pieces (`okur::extract::chunk`), at its peak over the text:
/// - of a sixteenth of it (375 KB): two pieces' working memory at a time and the mentions
///   as compact spans; read whole (a piece of `usize::MAX`, as before pieces) the same
///   extraction peaked at about seven times the text, in pieces 2.2 times;
/// - in pieces so small (50 KB) that their working memory is nothing, what is left is the
///   spans and the table they are linked into. Every pass over the pieces held its input
///   and its output whole, and the pieces' spans beside their join: 1.61 times the text;
///   now each piece's spans are freed once no later window reads them and joined as they
///   come: 1.33 times.
#[test]
fn a_huge_document_read_in_pieces_holds_a_few_pieces_and_its_spans_about_once() {
    let _one = counting_alloc::one_at_a_time();
    let (ex, corpus, size) = huge_document(6_000_000);
    let done = std::sync::atomic::AtomicUsize::new(0);
    for (piece, percent) in [(size / 16, 300), (50_000, 145)] {
        let (table, _, peak) =
            measured(|| extract_corpus_table_in_pieces(&ex, &corpus, &done, piece));
        assert!(table.len() > 10_000, "{} mentions", table.len());
        assert!(
            peak <= size * percent / 100,
            "in pieces of {piece}, extraction peaked at {peak} bytes for a {size}-byte text"
        );
    }
}

/// A huge document with one line of three quarters of it (sentences, no line break): the
/// line was one piece, read whole (its tokens, tagger tables and mentions several times
/// it); now it is cut after its sentence ends.
#[test]
fn a_huge_documents_enormous_line_is_read_in_pieces() {
    let _one = counting_alloc::one_at_a_time();
    let (ex, _, _) = huge_document(10_000);
    let words = seed_words::seed_words();
    let mut text = generated(1_000_000);
    let (mut k, line_start) = (0usize, text.len());
    while text.len() - line_start < 3_000_000 {
        let word = &words[k % words.len()];
        text.push_str(word);
        // A sentence ends after every twelfth word long enough not to be an initial.
        let ends = k % 12 == 0 && word.len() > 3 && word.chars().all(char::is_alphabetic);
        text.push_str(if ends { ". " } else { " " });
        k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    text.push_str("\n\nSon.\n");
    let size = text.len();
    let corpus = Corpus {
        docs: vec![Document::from_text("line.txt", text)],
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (table, _, peak) = measured(|| extract_corpus_table(&ex, &corpus, &done));
    assert!(table.len() > 10_000, "{} mentions", table.len());
    // Read whole, the line made extraction peak at 8.5 times the text; in pieces 3.4.
    assert!(
        peak <= size * 4,
        "extraction peaked at {peak} bytes for a {size}-byte text"
    );
}

/// The reader's background work on a huge document: its search index was built on a
/// worker while extraction ran, its postings made as soon as the worker was idle, so the
/// two peaked together (at 40 MB, 25 MB of index in the reader's 146 MB peak of heap). Now
/// the index waits: when extraction ends nothing of it is held, and it is built once the
/// entities come (or for a query that comes first).
#[test]
fn a_huge_documents_search_index_is_built_after_its_extraction() {
    use okur::tui::inbox::Inbox;
    use okur::tui::jobs::Jobs;
    use okur::tui::msg::Msg;
    use std::time::{Duration, Instant};
    let _one = counting_alloc::one_at_a_time();
    let (_, corpus, size) = huge_document(3_000_000);
    let corpus = std::sync::Arc::new(corpus);
    let inbox = Inbox::new();
    // Polls `jobs` until `pick` takes a message, for at most ten minutes (debug builds
    // under load).
    let wait = |jobs: &mut Jobs, pick: &dyn Fn(Msg) -> Option<Vec<usize>>| {
        let end = Instant::now() + Duration::from_secs(600);
        while Instant::now() < end {
            if let Some(found) = jobs.poll().into_iter().find_map(pick) {
                return Some(found);
            }
            inbox.next(Duration::from_millis(200));
        }
        None
    };
    let done = |m: Msg| match m {
        Msg::ExtractionDone(_) => Some(Vec::new()),
        Msg::ExtractionFailed(why) => panic!("{why}"),
        _ => None,
    };
    let (mut jobs, kept, _) = measured(|| {
        let mut jobs = Jobs::default();
        jobs.set_waker(inbox.waker());
        jobs.run_in_background(&corpus, None);
        assert!(wait(&mut jobs, &done).is_some(), "extraction did not end");
        jobs
    });
    assert!(
        kept <= size / 10,
        "{kept} bytes held beside a {size}-byte document once its extraction ended"
    );
    // The index is built now, and answers.
    jobs.index_entities(Vec::new());
    assert!(jobs.search("büyük", 0, &corpus, false).is_none());
    let answered = |m: Msg| match m {
        Msg::SearchAnswered(outcome) if !outcome.partial => Some(outcome.docs),
        _ => None,
    };
    assert_eq!(wait(&mut jobs, &answered), Some(vec![0]));
}

/// Linking a huge document (read in pieces so small that their working memory is
/// nothing): its table grew by doubling, up to twice its mentions, beside all of its
/// spans, joined first into one list. Now the spans are linked piece by piece, each piece's
/// freed once linked, and the table grows by an eighth at a time.
#[test]
fn a_huge_documents_spans_are_linked_piece_by_piece() {
    let _one = counting_alloc::one_at_a_time();
    let (ex, corpus, size) = huge_document(6_000_000);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (table, _, peak) = measured(|| extract_corpus_table_in_pieces(&ex, &corpus, &done, 50_000));
    let n = table.len();
    let held = counting_alloc::held_by(table);
    // Before: 4.8 MB for a table of 2.2 MB (6 MB of text, 12 bytes a mention); then 3.6 MB.
    // The peak is the pieces' spans (16 bytes a mention until a piece is packed for
    // linking) beside the table as it grows (now about 5 bytes a mention, packed): 28 bytes
    // a mention at the peak here (the bound was about 35 while the table's were 12).
    assert!(
        peak <= 32 * n,
        "extraction peaked at {peak} bytes for {n} mentions, a table of {held} \
         ({size} bytes of text)"
    );
}
