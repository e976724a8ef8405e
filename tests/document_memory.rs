//! A document and its extraction in memory proportional to its text: a counting allocator
//! records the bytes held and their peak while a 4 MB document (Arabic and Turkish, hard-
//! wrapped lines and long paragraphs) is parsed and its people, places and dates found.
//! Parsing kept each paragraph's text beside the document's (twice the file); extraction
//! peaked at about twelve times the text (tokens of 40 bytes, a slot of 16 bytes per token
//! for the tagger, a copy of every mention's text).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_words.rs"]
mod seed_words;
#[path = "support/wrapped_text.rs"]
mod wrapped_text;

use counting_alloc::measured;
use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, extract_corpus, extract_corpus_table};
use okur::search::Index;
use wrapped_text::{generated, huge_document};

#[test]
fn a_parsed_document_holds_its_text_once() {
    let _one = counting_alloc::one_at_a_time();
    // Lazily built tables (the dateline patterns) live for the process, not the document:
    // build them before measuring.
    drop(Document::from_text("warm.txt", generated(10_000)));
    let text = generated(4_000_000);
    let size = text.len();
    let (doc, kept, _) = measured(|| Document::from_text("big.txt", text));
    assert!(
        doc.paragraphs().iter().any(|p| p.pieces.len() > 1),
        "hard-wrapped"
    );
    // The text moved in (not counted); paragraphs are their pieces, not a second copy.
    assert!(
        kept <= size / 4,
        "parsing kept {kept} bytes beside a {size}-byte text"
    );
}

/// The default run, mentions given as `RawMention`s (`extract_corpus`): the 4 MB document
/// is two pieces of 2 MB, read at once on two cores, each up to about seven times its
/// piece at its peak, plus the joined spans: up to 10.0 times the text, varying with the
/// threads' timing; 12 leaves a margin.
#[test]
fn extraction_peaks_within_twelve_times_the_text() {
    let _one = counting_alloc::one_at_a_time();
    let (ex, corpus, size) = huge_document(4_000_000);
    let (found, kept, peak) = measured(|| extract_corpus(&ex, &corpus));
    let mentions: usize = found.mentions.iter().map(Vec::len).sum();
    assert!(mentions > 10_000, "{mentions} mentions");
    assert!(
        peak <= 12 * size,
        "extraction peaked at {peak} bytes for a {size}-byte text"
    );
    assert!(
        kept <= 3 * size,
        "extraction kept {kept} bytes for a {size}-byte text"
    );
}

#[test]
fn the_search_index_holds_no_copy_of_the_text() {
    let _one = counting_alloc::one_at_a_time();
    // Forty articles of 100 KB: lines of about 70 characters, in both scripts.
    let docs: Vec<Document> = (0..40)
        .map(|i| Document::from_text(format!("{i}.txt"), generated(100_000)))
        .collect();
    let size: usize = docs.iter().map(|d| d.text_len()).sum();
    let corpus = std::sync::Arc::new(Corpus { docs });
    let (index, kept, peak) = measured(|| Index::build(&corpus, &[]));
    assert!(index.len() > 20_000, "{} items", index.len());
    // The lines' text is read from the shared documents; what is kept is their folded keys
    // where folding changes them, a few bytes per word and one small item per line. Each
    // line stored its text, its folded key and its words' skeletons: about six times.
    assert!(
        kept <= size * 3 / 2,
        "the index kept {kept} bytes for {size} bytes of text"
    );
    assert!(
        peak <= 2 * size,
        "building the index peaked at {peak} bytes for {size} bytes of text"
    );
}

/// `n` articles of about 5 KB from the seeds' words, as a corpus of news is.
fn articles(n: usize) -> Corpus {
    let words = seed_words::seed_words();
    let docs = (0..n)
        .map(|i| {
            let mut text = String::new();
            let mut k = i * 7919;
            while text.len() < 5_000 {
                text.push_str(&words[k % words.len()]);
                text.push(if k % 17 == 0 { '\n' } else { ' ' });
                k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
            }
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    Corpus { docs }
}

#[test]
fn a_corpus_extraction_and_its_panel_rows_hold_less_than_its_text() {
    let _one = counting_alloc::one_at_a_time();
    let ex = Extractor::new();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Tables built on first use live for the process, not the corpus: built before.
    drop(extract_corpus_table(&ex, &articles(2), &done));
    let corpus = articles(300);
    let size: usize = corpus.docs.iter().map(|d| d.text_len()).sum();
    let (table, kept, peak) = measured(|| extract_corpus_table(&ex, &corpus, &done));
    assert!(table.len() * 60 > size, "{} mentions", table.len());
    // Every mention held as a `RawMention` (72 bytes and two strings) until linked, then
    // as a `Mention` (56 bytes): extraction peaked at four times the text and kept two.
    assert!(
        peak <= size * 3 / 2,
        "extraction peaked at {peak} bytes for {size} bytes of text"
    );
    assert!(
        kept <= size * 2 / 3,
        "extraction kept {kept} bytes for {size} bytes of text"
    );
    // The panel's rows: a mention was 24 bytes there, its offsets 64 bits wide; now it is
    // packed, three numbers of a byte or more each.
    let mentions = table.len();
    let facts = okur::tui::app::Facts::from_owned_table(table);
    assert_eq!(facts.each_doc().flatten().count(), mentions);
    let kept = counting_alloc::held_by(facts);
    assert!(kept >= mentions * 3, "the panel's facts held {kept} bytes");
    assert!(
        kept <= size / 2,
        "the panel's facts kept {kept} bytes for {size} bytes of text"
    );
}

/// The spans the reader shows for a document with hundreds of thousands of mentions: each
/// suggestion carried a copy of its text (a `String` of its own), and the kept spans and the
/// candidates were both grown by doubling and held at once, so that working out the spans
/// of a 40 MB document peaked at 190 MB. Now a suggestion is its range and kind, and the
/// spans are held once, sized once: the peak is the candidates and the overlap index.
#[test]
fn a_documents_spans_are_worked_out_holding_each_span_once() {
    use okur::store::{DocState, EffectiveSpan, Label, State, Suggestion, effective_spans};
    let _one = counting_alloc::one_at_a_time();
    let text = "Lavrov Ankara'da. ".repeat(200_000);
    let kind = Label::from(okur::extract::Kind::Person);
    let suggestions: Vec<Suggestion> = text
        .match_indices("Lavrov")
        .map(|(start, m)| Suggestion {
            start,
            end: start + m.len(),
            kind: kind.clone(),
        })
        .collect();
    let n = suggestions.len();
    let (state, doc) = (State::default(), DocState::default());
    let (shown, _, peak) = measured(|| effective_spans(&text, &doc, &suggestions, &state));
    assert_eq!(shown.len(), n);
    // The spans (48 bytes each) once, and the index of the ranges taken (a B-tree entry of
    // about 30 bytes each); 20 % over both for the tree's slack.
    let bound = n * (std::mem::size_of::<EffectiveSpan>() + 36) * 12 / 10;
    assert!(
        peak <= bound,
        "{n} spans peaked at {peak} bytes (bound {bound})"
    );
}

/// The spans the reader shows for a huge document, worked out from its mentions: the
/// suggestions (40 bytes each), the candidates (48) and the tree of ranges taken (about
/// 28) were all held for the whole document at once before the set kept 16 bytes a span:
/// 110 MB for the 940,000 mentions of a 40 MB document, the reader's peak. Now a block of
/// the text at a time.
#[test]
fn a_huge_documents_shown_spans_are_worked_out_a_block_at_a_time() {
    use okur::store::{DocState, Label, State};
    use okur::tui::app::MentionRef;
    use okur::tui::ranges::shown::shown_spans;
    let _one = counting_alloc::one_at_a_time();
    let (text, mentions) = lavrov("\n");
    let n = mentions.len();
    let kinds = [okur::kind::Kind::Person, okur::kind::Kind::Place];
    let kind = |m: &MentionRef| kinds.get(m.entity()).map(|k| Label::from(*k));
    let (state, doc) = (State::default(), DocState::default());
    let (shown, kept, peak) =
        measured(|| shown_spans(&text, &doc, &state, mentions.iter().copied(), kind));
    assert_eq!(shown.len(), n);
    assert!(kept <= n * 17, "{n} spans kept {kept} bytes");
    // The set, and one megabyte block's suggestions, candidates and tree (some 60,000
    // mentions here).
    let bound = n * 16 + 12_000_000;
    assert!(
        peak <= bound,
        "{n} spans peaked at {peak} bytes (bound {bound})"
    );
}

/// 8 MB of one sentence, `Sergey Lavrov Ankara'da Çavuşoğlu ile görüştü.`, each followed
/// by `end`, and its mentions: of entity row 0 (the two persons) and 1 (the place).
fn lavrov(end: &str) -> (String, Vec<okur::tui::app::MentionRef>) {
    let line = format!("Sergey Lavrov Ankara'da Çavuşoğlu ile görüştü.{end}");
    let text = line.repeat(8_000_000 / line.len());
    let mentions = text
        .match_indices(&line)
        .flat_map(|(at, _)| {
            [("Sergey Lavrov", 0), ("Ankara", 1), ("Çavuşoğlu", 0)].map(|(name, entity)| {
                let start = at + line.find(name).unwrap_or(0);
                okur::tui::app::MentionRef::new(start, start + name.len(), entity)
            })
        })
        .flatten()
        .collect();
    (text, mentions)
}

/// The spans the reader holds for a huge document: all of them were worked out and held,
/// 16 bytes each (8 MB for the 500,000 mentions of the 8 MB here, 15 MB at 40 MB), when it
/// was opened or a label saved. Now those of its blocks about the rows shown, made again
/// when the rows leave them (after `G` here): a megabyte or two of text's spans.
#[test]
fn the_reader_holds_a_huge_documents_spans_about_the_rows_shown() {
    use okur::kind::Kind;
    use okur::store::{Label, Origin, State};
    use okur::tui::app::{App, EntityRow, Facts, Focus};
    use okur::tui::{Action, Msg, prepare, update};
    let _one = counting_alloc::one_at_a_time();
    let (text, mentions) = lavrov("\n\n");
    let (size, n) = (text.len(), mentions.len());
    let last_place = text.rfind("Ankara").unwrap_or(0);
    let row = |name: &str, kind| EntityRow {
        kind,
        name: name.to_string(),
        value: None,
        docs: 1,
        mentions: n,
    };
    let rows = vec![
        row("Sergey Lavrov", Kind::Person),
        row("Ankara", Kind::Place),
    ];
    let corpus = Corpus {
        docs: vec![Document::from_text("big.txt", text)],
    };
    let facts = Facts::new(rows, vec![mentions]);
    let theme = okur::tui::theme::Theme::colored();
    let mut app = App::new(corpus, facts, theme, okur::layout::LayoutOptions::new(80));
    app.focus = Focus::Reader;
    let panes = okur::tui::view::panes(ratatui::layout::Rect::new(0, 0, 120, 40), &app);
    prepare(&mut app, &panes);
    // A change saved: the shown spans are worked out again, about the caret at the top.
    let saved = Msg::Saved(std::sync::Arc::new(State::default()), None);
    let (_, kept, peak) = measured(|| update(&mut app, saved, &panes));
    let spans = app.spans.len();
    assert!(spans > 1_000 && spans < n / 4, "{spans} of {n} spans held");
    assert!(
        kept <= size / 4,
        "{n} spans: {kept} bytes held for a {size}-byte document"
    );
    // The set, and one block's suggestions, candidates and tree (as above, under 12 MB for
    // some 60,000 mentions); all the spans (8 MB) and a block were more.
    assert!(peak <= size * 3 / 2, "{n} spans peaked at {peak} bytes");
    // `G`: the rows shown are at the end, and so are the spans held.
    update(&mut app, Msg::Action(Action::Bottom), &panes);
    prepare(&mut app, &panes);
    let place = app
        .spans
        .over(last_place)
        .next()
        .map(|s| (s.kind.clone(), s.origin));
    assert_eq!(place, Some((Label::from(Kind::Place), Origin::Suggested)));
    assert!(app.spans.len() < n / 4, "{} spans held", app.spans.len());
}

/// A file of one-letter lines is a paragraph for every two bytes: parsing it must hold no
/// more than the paragraphs themselves (with the room their list grows into). It also held a
/// list of every line's bounds while the paragraphs were made (16 bytes a line, as much again
/// as 40 % of the paragraphs): `okur render` of 8 MB of such lines peaked at 214 MB.
#[test]
fn parsing_one_letter_lines_holds_no_list_of_lines() {
    let _one = counting_alloc::one_at_a_time();
    drop(Document::from_text("warm.txt", generated(10_000)));
    // 2^20 lines less a few: the paragraphs' list and a list of the lines would both
    // have grown to 2^20 entries.
    let lines = (1 << 20) - 1000;
    let text: String = (0..lines)
        .map(|i| if i % 2 == 0 { "x\n" } else { "y\n" })
        .collect();
    let (doc, _, peak) = measured(|| Document::from_text("lines.txt", text));
    assert_eq!(doc.paragraphs().len(), lines);
    let list = (1 << 20) * std::mem::size_of::<okur::corpus::Paragraph>();
    assert!(
        peak <= list + list / 10,
        "parsing {lines} one-letter lines peaked at {peak} bytes; their paragraphs take {list}"
    );
}
