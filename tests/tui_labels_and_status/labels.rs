//! Bug 2: a label is for the occurrence under the caret; every occurrence only through `L`
//! and its question; `D` removes what the user made or accepted; a label inside a longer
//! suggestion replaces it there and is exported alone.

use super::common::extraction::seeds_fixture;
use super::common::tui::Harness;
use super::{caret_at, exported};
use okur::kind::Kind;
use okur::store::{Change, Label, Origin};
use okur::tui::Msg;
use okur::tui::key::Key;
use okur::tui::{Action, Effect, update};

/// Occurrences of `Rusya` as a whole word (suffixes after an apostrophe allowed) in the
/// five seeds, in four of them.
const RUSYA_IN_SEEDS: usize = 16;

/// The seeds with their frozen extraction over a fresh store, custom label 1 = ORG, the
/// first seed (`000_…`, Turkish) open in the reading pane.
pub(super) fn seeds_open() -> Harness {
    let mut h = Harness::seeds().extraction(seeds_fixture()).store().start();
    h.app_mut().custom_labels = vec!["ORG".into()];
    h.keys("Enter");
    assert!(
        h.app()
            .open_doc()
            .is_some_and(|d| d.path.starts_with("000_"))
    );
    h
}

pub(super) fn text(h: &Harness) -> String {
    h.app()
        .open_doc()
        .map(|d| d.text().expect("reads").into_owned())
        .unwrap_or_default()
}

/// Byte offset of the `n`-th (from 0) whole-word `word` in the open document.
pub(super) fn nth(h: &Harness, word: &str, n: usize) -> usize {
    let text = text(h);
    okur::store::find_name(&text, word)
        .get(n)
        .map(|r| r.0)
        .expect("the seed has that many")
}

/// The labels shown over byte `at` of the open document, suggestions left out.
pub(super) fn labels_at(h: &Harness, at: usize) -> Vec<(String, Origin)> {
    h.app()
        .spans
        .iter()
        .filter(|s| s.start <= at && at < s.end && s.origin != Origin::Suggested)
        .map(|s| (s.kind.name().to_string(), s.origin))
        .collect()
}

pub(super) fn journal(h: &Harness) -> std::path::PathBuf {
    h.store_path().expect("a store").to_path_buf()
}

#[test]
fn a_digit_labels_the_occurrence_under_the_caret_only() {
    let mut h = seeds_open();
    let first = nth(&h, "Rusya", 0);
    caret_at(&mut h, first);
    h.keys("1");
    assert_eq!(h.status(), "Rusya → ORG · saved");
    let orgs = exported(&journal(&h), "ORG");
    assert_eq!(
        orgs.iter()
            .map(|(_, start, text, source)| (*start, text.as_str(), source.as_str()))
            .collect::<Vec<_>>(),
        [(first as u64, "Rusya", "user")],
        "one occurrence labelled, no other: {orgs:?}"
    );
    // The next occurrence is not labelled, so there is nothing there for D to fail on.
    let second = nth(&h, "Rusya", 1);
    caret_at(&mut h, second);
    h.keys("D");
    assert_eq!(labels_at(&h, second), []);
    assert_eq!(labels_at(&h, first), [("ORG".into(), Origin::User)]);
}

#[test]
fn capital_l_asks_with_the_count_and_labels_every_occurrence_on_yes() {
    let mut h = seeds_open();
    let first = nth(&h, "Rusya", 0);
    caret_at(&mut h, first);
    h.keys("1 L");
    let question = h.screen().last().cloned().unwrap_or_default();
    let asked = format!("Rusya → ORG at all {RUSYA_IN_SEEDS} occurrences in 4 documents? y/n");
    assert!(question.starts_with(&asked), "{question}");
    assert_eq!(exported(&journal(&h), "ORG").len(), 1, "nothing before y");
    h.keys("n");
    assert_eq!(h.status(), "answered no: nothing changed");
    assert_eq!(exported(&journal(&h), "ORG").len(), 1);
    h.keys("j");
    assert_ne!(
        h.app().reader.cursor.selected,
        0,
        "n answered; j moves again"
    );
    caret_at(&mut h, first);
    h.keys("L y");
    assert!(h.status().ends_with(" · saved"), "{}", h.status());
    let orgs = exported(&journal(&h), "ORG");
    assert_eq!(orgs.len(), RUSYA_IN_SEEDS, "{orgs:?}");
    assert!(orgs.iter().all(|(_, _, text, _)| text == "Rusya"));
    h.keys("u");
    assert_eq!(exported(&journal(&h), "ORG").len(), 1, "one undo step");
}

#[test]
fn capital_d_removes_labels_the_user_made_or_accepted() {
    let mut h = seeds_open();
    let (first, second) = (nth(&h, "Rusya", 0), nth(&h, "Rusya", 1));
    caret_at(&mut h, first);
    h.keys("1 L y");
    assert_eq!(labels_at(&h, second), [("ORG".into(), Origin::Accepted)]);
    caret_at(&mut h, second);
    h.keys("D");
    assert_eq!(labels_at(&h, second), [], "an accepted occurrence goes");
    assert!(h.status().contains("removed"), "{}", h.status());
    assert_eq!(exported(&journal(&h), "ORG").len(), RUSYA_IN_SEEDS - 1);
    caret_at(&mut h, first);
    h.keys("D");
    assert_eq!(
        labels_at(&h, first),
        [],
        "the user's own span goes, and the accepted name does not show through"
    );
    assert_eq!(exported(&journal(&h), "ORG").len(), RUSYA_IN_SEEDS - 2);
    // A name accepted with `a` is removed the same way, here only.
    let lavrov = nth(&h, "Sergey Lavrov", 0);
    caret_at(&mut h, lavrov);
    h.keys("a D");
    assert_eq!(labels_at(&h, lavrov), []);
    assert!(
        !exported(&journal(&h), "person").is_empty(),
        "elsewhere it stays"
    );
}

#[test]
fn a_label_inside_a_longer_suggestion_replaces_it_there_and_is_exported_alone() {
    let mut h = seeds_open();
    // The title: "Dünya Rusya'dan Türkiye'ye Dağlık Karabağ mesajı", where the extractor
    // suggests "Dağlık Karabağ".
    let in_title = nth(&h, "Karabağ", 0);
    let daglik = in_title - "Dağlık ".len();
    let suggested = |h: &Harness, at: usize| {
        let text = text(h);
        h.app()
            .spans
            .iter()
            .filter(|s| s.start <= at && at < s.end)
            .map(|s| (text[s.start..s.end].to_string(), s.origin))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        suggested(&h, in_title),
        [("Dağlık Karabağ".to_string(), Origin::Suggested)]
    );
    caret_at(&mut h, in_title);
    h.keys("l");
    assert_eq!(
        suggested(&h, in_title),
        [("Karabağ".to_string(), Origin::User)]
    );
    assert_eq!(
        suggested(&h, daglik),
        [],
        "no piece of the suggestion is left"
    );
    let next = nth(&h, "Karabağ", 1);
    assert_eq!(
        suggested(&h, next),
        [("Dağlık Karabağ".to_string(), Origin::Suggested)],
        "other occurrences keep the whole suggestion"
    );
    let places = exported(&journal(&h), "place");
    assert_eq!(places.len(), 1, "{places:?}");
    assert_eq!(
        (places[0].1, places[0].2.as_str(), places[0].3.as_str()),
        (in_title as u64, "Karabağ", "user")
    );
}

#[test]
fn capital_l_changes_nothing_until_answered() {
    let mut h = seeds_open();
    let first = nth(&h, "Rusya", 0);
    // The extractor suggests Rusya as a place there: L offers that label.
    caret_at(&mut h, first);
    let panes = h.prepare();
    let effects = update(
        &mut h.session.app,
        Msg::Action(Action::LabelEverywhere),
        &panes,
    );
    assert_eq!(effects, [], "asking saves nothing");
    let asked = h.app().mode.confirm().cloned().expect("a question");
    let accept = Change::Accept {
        kind: Label::Entity(Kind::Place),
        text: "Rusya".into(),
        value: true,
    };
    assert_eq!(asked.effects, [Effect::Save(accept.clone())]);
    let answered = update(&mut h.session.app, Msg::Key(Key::char('y')), &panes);
    assert_eq!(answered, [Effect::Save(accept)]);
    assert!(h.app().mode.confirm().is_none());
}

#[test]
fn a_span_from_an_old_journal_replays_on_its_occurrence_only() {
    let corpus = okur::corpus::load_seeds().corpus;
    let doc = &corpus.docs[0];
    let start = okur::store::find_name(&doc.text().expect("reads"), "Rusya")[0].0;
    // As okur wrote it before labels stopped spreading: the journal format is the same.
    let line = format!(
        r#"{{"op":"add_span","doc":"{}","start":{start},"end":{},"kind":"ORG","text":"Rusya","source":"user"}}"#,
        doc.key.text,
        start + "Rusya".len()
    );
    let h = Harness::seeds().journal(&(line + "\n")).start();
    assert!(h.app().state.doc(&doc.key).spans.len() == 1, "replayed");
    let orgs = exported(&journal(&h), "ORG");
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!((orgs[0].1, orgs[0].3.as_str()), (start as u64, "user"));
}
