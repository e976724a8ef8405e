//! Annotation behaviour written as text: a document with the caret marked `|`, the keys
//! pressed, and the document with the resulting spans marked `[text]{kind}` (suggestions the
//! user has not decided on are not shown). Turkish and Arabic.

#![cfg(feature = "tui")]

mod common;

use common::extraction::extract;
use common::tui::Harness;
use okur::corpus::{Corpus, Document};
use okur::store::{Origin, Store};
use okur::tui::app::{Facts, Focus};
use okur::tui::{Action, caret};

/// Opens `marked` (caret at `|`) in a session over a fresh store; `with_suggestions` adds
/// the extractor's.
fn open(marked: &str, with_suggestions: bool) -> Harness {
    open_with_journal(marked, with_suggestions, "")
}

/// As [`open`], over a journal that already holds `journal` (`{doc}` stands for the
/// document's key): for replayed lines the UI never wrote itself.
fn open_with_journal(marked: &str, with_suggestions: bool, journal: &str) -> Harness {
    let caret = marked.find('|').expect("caret marker");
    let text = marked.replacen('|', "", 1);
    let corpus = Corpus {
        docs: vec![Document::from_text("case.txt", text)],
    };
    let facts = if with_suggestions {
        Facts::from_extraction(&extract(&corpus))
    } else {
        Facts::default()
    };
    let journal = journal.replace("{doc}", &corpus.docs[0].key.text);
    let mut case = Harness::over(corpus)
        .facts(facts)
        .journal(&journal)
        .no_search()
        .start();
    case.dispatch(Action::Open);
    assert_eq!(case.app().focus, Focus::Reader);
    let panes = case.prepare();
    caret::set_caret(case.app_mut(), &panes, caret);
    case
}

/// The document with decided spans marked.
fn marked(case: &Harness) -> String {
    let app = case.app();
    let text = app.corpus.docs[0].text().expect("reads");
    let mut spans: Vec<_> = app
        .spans
        .iter()
        .filter(|s| s.origin != Origin::Suggested)
        .collect();
    spans.sort_by_key(|s| s.start);
    let mut out = String::new();
    let mut at = 0;
    for s in spans {
        out.push_str(&text[at..s.start]);
        out.push_str(&format!("[{}]{{{}}}", &text[s.start..s.end], s.kind.name()));
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

#[track_caller]
fn check(doc: &str, keys: &str, expected: &str) {
    let mut case = open(doc, false);
    case.keys(keys);
    assert_eq!(marked(&case), expected, "keys: {keys}");
}

#[test]
fn turkish_selection_by_word_and_character() {
    check(
        "Rusya Dışişleri |Bakanı Sergey Lavrov konuştu.",
        "w v w → → → → → p",
        "Rusya Dışişleri Bakanı [Sergey Lavrov]{person} konuştu.",
    );
}

#[test]
fn label_without_selection_takes_the_word_minus_its_suffix() {
    check(
        "Lavrov |Türkiye'ye gitti.",
        "l",
        "Lavrov [Türkiye]{place}'ye gitti.",
    );
    check(
        "Toplantı |dün yapıldı.",
        "d",
        "Toplantı [dün]{date} yapıldı.",
    );
}

#[test]
fn arabic_left_moves_forward_in_reading_order() {
    // On an RTL row the eye reads leftwards: five cells left from the first letter of
    // لافروف cover the whole name, while the stored span stays logical.
    check(
        "قال |لافروف إن بلاده مستعدة",
        "v ← ← ← ← ← p",
        "قال [لافروف]{person} إن بلاده مستعدة",
    );
}

#[test]
fn arabic_proclitic_stays_outside_when_selected_so() {
    check(
        "وصل الوفد |وتركيا مستعدة",
        "← v ← ← ← ← l",
        "وصل الوفد و[تركيا]{place} مستعدة",
    );
}

#[test]
fn arabic_label_on_a_word_with_a_proclitic_takes_the_suggestion_in_it() {
    // Once سيرغي لافروف is named, the extractor finds لافروف after the و of "and".
    let doc = "قال سيرغي لافروف إن تركيا شريكة. والتقى بوتين |ولافروف أمس";
    let mut case = open(doc, true);
    let suggested = spans_on(&case, "لافروف");
    assert_eq!(suggested, [Origin::Suggested], "the extractor leaves و out");
    case.keys("p");
    let labelled = "قال سيرغي لافروف إن تركيا شريكة. والتقى بوتين و[لافروف]{person} أمس";
    assert_eq!(marked(&case), labelled);
    // A word the user selected whole stays whole: another label replaces theirs.
    let mut case = open(doc, true);
    case.keys("v ← ← ← ← ← ← p l");
    let relabelled = "قال سيرغي لافروف إن تركيا شريكة. والتقى بوتين [ولافروف]{place} أمس";
    assert_eq!(marked(&case), relabelled);
    // With no suggestion inside, the word is labelled whole: وزير is a word.
    let mut case = open("قال |وزير الخارجية", true);
    case.keys("p");
    assert_eq!(marked(&case), "قال [وزير]{person} الخارجية");
}

#[test]
fn undo_and_redo_many_levels() {
    let doc = "|Putin ve Erdoğan Ankara'da görüştü.";
    check(doc, "p w w l u u", doc.replace('|', "").as_str());
    check(
        doc,
        "p w w l u u C-r",
        "[Putin]{person} ve Erdoğan Ankara'da görüştü.",
    );
    check(
        doc,
        "p w w p w l u",
        "[Putin]{person} ve [Erdoğan]{person} Ankara'da görüştü.",
    );
}

#[test]
fn remove_span_under_caret() {
    check("|Lavrov konuştu.", "p D", "Lavrov konuştu.");
}

#[test]
fn escape_cancels_a_selection() {
    check(
        "|Lavrov konuştu.",
        "v → → Esc p",
        "[Lavrov]{person} konuştu.",
    );
}

#[test]
fn reject_a_suggestion_and_it_is_gone_everywhere() {
    let mut case = open(
        "Dışişleri Bakanı |Sergey Lavrov Ankara'ya geldi. Lavrov konuştu.",
        true,
    );
    let suggested = |c: &Harness| {
        c.app()
            .spans
            .iter()
            .filter(|s| s.origin == Origin::Suggested)
            .count()
    };
    let before = suggested(&case);
    assert!(before >= 3, "extractor suggests Lavrov twice and Ankara");
    case.keys("x");
    assert!(suggested(&case) < before);
    case.keys("w w w w");
    assert!(marked(&case).find('[').is_none(), "{}", marked(&case));
}

#[test]
fn accept_all_marks_every_form_of_the_entity() {
    let mut case = open(
        "Dışişleri Bakanı |Sergey Lavrov geldi. Lavrov konuştu.",
        true,
    );
    case.keys("A");
    assert_eq!(
        marked(&case),
        "Dışişleri Bakanı [Sergey Lavrov]{person} geldi. [Lavrov]{person} konuştu."
    );
}

#[test]
fn decisions_survive_a_restart() {
    let mut case = open("|Lavrov konuştu.", false);
    case.keys("p s");
    let path = case.store_path().expect("a store").to_path_buf();
    let key = case.app().corpus.docs[0].key.clone();
    drop(case.session);
    let store = Store::open(&path).expect("reopens");
    let state = store.doc(&key);
    assert!(state.star && state.read);
    assert_eq!(state.spans.len(), 1);
}

#[test]
fn custom_label_from_the_config_on_a_digit_key() {
    let mut case = open("|Kremlin açıklama yaptı.", false);
    case.app_mut().custom_labels = vec!["ORG".into()];
    case.keys("1");
    assert_eq!(marked(&case), "[Kremlin]{ORG} açıklama yaptı.");
    case.keys("2");
    assert!(case.status().contains("no custom label 2"));
}

/// A journal line naming a span of the test document.
fn span_line(start: usize, end: usize, text: &str) -> String {
    format!(
        r#"{{"op":"add_span","doc":"{{doc}}","start":{start},"end":{end},"kind":"person","text":"{text}","source":"user"}}"#
    ) + "\n"
}

#[test]
fn spans_from_the_journal_that_do_not_fit_are_hidden_with_a_notice() {
    // Past the end, and (in Arabic, two bytes a letter) one byte into a letter. (The texts
    // do not occur in the documents: a stored span's text is also a name found everywhere.)
    let cases = [
        ("|Lavrov konuştu.", span_line(0, 999_999, "Sergey Lavrov")),
        ("قال |لافروف إن بلاده مستعدة", span_line(1, 7, "سيرغي لافروف")),
    ];
    for (doc, line) in cases {
        // The document is in the reading pane from the start: the notice comes at once.
        let mut case = open_with_journal(doc, true, &line);
        let status = case.initial_status();
        assert!(
            status.starts_with("case.txt: 1 stored span does not fit the text"),
            "{status}"
        );
        let clean = doc.replace('|', "");
        assert_eq!(marked(&case), clean, "the misfit is not shown");
        case.keys("a");
        assert!(
            marked(&case).contains("]{person}"),
            "the suggestion under the caret is accepted: {}",
            marked(&case)
        );
        assert!(!case.status().contains("does not fit"), "said once");
        case.keys("w a u");
        assert!(!case.status().contains("does not fit"), "said once");
    }
}

/// The spans at `name` (every occurrence), with their origin, suggestions included.
fn spans_on(case: &Harness, name: &str) -> Vec<Origin> {
    let app = case.app();
    let text = app.corpus.docs[0].text().expect("reads");
    app.spans
        .iter()
        .filter(|s| text.get(s.start..s.end) == Some(name))
        .map(|s| s.origin)
        .collect()
}

const AR_NEWS: &str =
    "وزير الخارجية الروسي |سيرغي لافروف قال إن تركيا شريكة. وأكد لافروف أن تركيا مستعدة";

#[test]
fn arabic_accept_a_suggestion_then_undo_and_redo() {
    let mut case = open(AR_NEWS, true);
    assert_eq!(spans_on(&case, "سيرغي لافروف"), [Origin::Suggested]);
    case.keys("a");
    let accepted =
        "وزير الخارجية الروسي [سيرغي لافروف]{person} قال إن تركيا شريكة. وأكد لافروف أن تركيا مستعدة";
    assert_eq!(marked(&case), accepted);
    case.keys("u");
    assert_eq!(marked(&case), AR_NEWS.replace('|', ""));
    assert_eq!(spans_on(&case, "سيرغي لافروف"), [Origin::Suggested]);
    case.keys("C-r");
    assert_eq!(marked(&case), accepted);
}

#[test]
fn arabic_reject_a_suggestion_everywhere_then_undo_and_redo() {
    let mut case = open(AR_NEWS, true);
    assert_eq!(
        spans_on(&case, "تركيا"),
        [Origin::Suggested, Origin::Suggested]
    );
    // Caret from سيرغي to تركيا: four words on (لافروف قال إن تركيا).
    case.keys("w w w w x");
    assert!(
        spans_on(&case, "تركيا").is_empty(),
        "rejected in both places"
    );
    assert!(
        case.status().contains("rejected تركيا"),
        "{}",
        case.status()
    );
    case.keys("u");
    assert_eq!(
        spans_on(&case, "تركيا"),
        [Origin::Suggested, Origin::Suggested]
    );
    case.keys("C-r");
    assert!(spans_on(&case, "تركيا").is_empty());
    assert_eq!(
        marked(&case),
        AR_NEWS.replace('|', ""),
        "nothing is marked by rejecting"
    );
}

#[test]
fn arabic_undo_and_redo_many_levels() {
    let doc = "|بوتين التقى أردوغان في أنقرة";
    let plain = doc.replace('|', "");
    check(doc, "p w w p w w l u u u", &plain);
    check(
        doc,
        "p w w p w w l u u",
        "[بوتين]{person} التقى أردوغان في أنقرة",
    );
    check(
        doc,
        "p w w p w w l u u u C-r C-r",
        "[بوتين]{person} التقى [أردوغان]{person} في أنقرة",
    );
    check(
        doc,
        "p w w p w w l u C-r",
        "[بوتين]{person} التقى [أردوغان]{person} في [أنقرة]{place}",
    );
}
