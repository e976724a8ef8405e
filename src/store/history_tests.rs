//! History: implicit read marks, and the compacted journal against the history it came from,
//! batches included.

use super::*;
use crate::corpus::DocKey;
use crate::kind::Kind;
use proptest::prelude::*;

/// Texts 0 and 1, then copies of them: 0 at x and y, 1 at x.
fn key(d: u8) -> DocKey {
    match d {
        0 | 1 => DocKey::from_hash(d.to_string()),
        2 => DocKey::from_hash("0").with_copy("x"),
        3 => DocKey::from_hash("0").with_copy("y"),
        _ => DocKey::from_hash("1").with_copy("x"),
    }
}

/// A change that may go in a batch.
/// With `old`, on text keys, as journals from before copies hold (see `copies.rs`); else
/// on copies.
fn arb_change(old: bool) -> impl Strategy<Value = Change> {
    let doc = if old { 0..2u8 } else { 2..5u8 }.prop_map(key);
    let word = prop::sample::select(vec!["Lavrov", "Suriye", "تركيا"]);
    prop_oneof![
        (doc.clone(), any::<bool>()).prop_map(|(doc, value)| Change::Star { doc, value }),
        (doc.clone(), any::<bool>()).prop_map(|(doc, value)| Change::Read { doc, value }),
        (doc.clone(), word.clone(), any::<bool>()).prop_map(|(doc, t, value)| Change::Tag {
            doc,
            tag: t.into(),
            value
        }),
        (doc, word.clone()).prop_map(|(doc, t)| Change::Note {
            doc,
            value: t.into()
        }),
        (word.clone(), any::<bool>()).prop_map(|(t, value)| Change::Accept {
            kind: crate::store::Label::Entity(Kind::Person),
            text: t.into(),
            value
        }),
        (word, any::<bool>()).prop_map(|(t, value)| Change::Reject {
            kind: crate::store::Label::Entity(Kind::Person),
            text: t.into(),
            value
        }),
    ]
}

fn arb_entry(old: bool) -> impl Strategy<Value = Change> {
    let docs = if old { 0..2u8 } else { 2..5u8 };
    prop_oneof![
        4 => arb_change(old),
        1 => docs.prop_map(|d| Change::Seen { doc: key(d) }),
        2 => proptest::collection::vec(arb_change(old), 0..5)
            .prop_map(|changes| Change::Batch { changes }),
        2 => Just(Change::Undo),
        1 => Just(Change::Redo),
        1 => Just(Change::Checkpoint),
    ]
}

/// A history as the live store builds it: only effective entries are journalled (a batch
/// without its idle parts).
fn live(entries: &[Change]) -> History {
    let mut h = History::default();
    for e in entries.iter().filter(|e| !matches!(e, Change::Checkpoint)) {
        if let Some(e) = h.effective(e.clone()) {
            h.commit(&e);
        }
    }
    h
}

proptest! {
    #[test]
    fn compacted_journal_replays_to_the_same_history(
        old in proptest::collection::vec(arb_entry(true), 0..10),
        new in proptest::collection::vec(arb_entry(false), 0..80),
    ) {
        let entries: Vec<Change> = old.into_iter().chain(new).collect();
        let h = live(&entries);
        let Some(journal) = h.compacted() else {
            // Only a redo stack holding a read step opened around can refuse; see the docs.
            let seen = entries.iter().any(|e| matches!(e, Change::Seen { .. }));
            let read = |c: &Change| matches!(c, Change::Read { .. });
            let read_redo = h.redo.iter().any(|s| match &s.change {
                Change::Batch { changes } => changes.iter().any(read),
                single => read(single),
            });
            // Or an old journal's read mark on a text meets a read step on one of its copies:
            // replay cannot tell when the text was opened.
            let old_seen = entries.iter().any(|e| matches!(e, Change::Seen { doc } if doc.copy.is_none()));
            let copy_read = |c: &Change| matches!(c, Change::Read { doc, .. } if doc.copy.is_some());
            let copy_read_step = entries.iter().any(|e| match e {
                Change::Batch { changes } => changes.iter().any(copy_read),
                single => copy_read(single),
            });
            prop_assert!((seen && read_redo) || (old_seen && copy_read_step), "refused: {:?}", entries);
            return Ok(());
        };
        let mut replayed = History::default();
        journal.iter().for_each(|e| { replayed.commit(e); });
        // State, undo and redo stacks, inverses included: a restart after compaction
        // undoes and redoes exactly what it would have before.
        prop_assert_eq!(&replayed, &h);
        let markers = journal.iter().filter(|e| e.is_marker()).count();
        prop_assert_eq!(markers, 1 + h.redo.len(), "a checkpoint and one undo per redo level");
    }
}

#[test]
fn seen_changes_state_but_not_history() {
    let mut h = History::default();
    h.commit(&Change::Star {
        doc: key(0),
        value: true,
    });
    h.commit(&Change::Undo);
    assert!(h.is_effective(&Change::Seen { doc: key(1) }));
    assert!(h.commit(&Change::Seen { doc: key(1) }).is_some());
    assert!(
        !h.is_effective(&Change::Seen { doc: key(1) }),
        "already read"
    );
    assert!(
        !h.can_undo() && h.can_redo(),
        "seen neither records nor clears redo"
    );
    h.commit(&Change::Redo);
    assert!(h.state().doc(&key(0)).star && h.state().doc(&key(1)).read);
}

#[test]
fn a_read_step_redone_around_opening_refuses_compaction() {
    let seen = || Change::Seen { doc: key(0) };
    let unread = || Change::Read {
        doc: key(0),
        value: false,
    };
    // Opened, `R`, opened again, `R`, undo twice, redo once.
    let entries = [
        seen(),
        unread(),
        seen(),
        unread(),
        Change::Undo,
        Change::Undo,
        Change::Redo,
    ];
    let mut h = live(&entries);
    assert!(!h.state().doc(&key(0)).read && h.can_redo());
    assert_eq!(h.compacted(), None, "no journal replays to this");
    h.commit(&Change::Star {
        doc: key(1),
        value: true,
    });
    let journal = h.compacted().expect("a new change cleared the redo stack");
    let mut replayed = History::default();
    journal.iter().for_each(|e| {
        replayed.commit(e);
    });
    assert_eq!(replayed, h);
}
