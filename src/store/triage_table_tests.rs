//! The table agrees with the state for every document, whatever was changed, through which
//! key, one edit or several since it was made, and as documents arrive.

use proptest::prelude::*;

use super::*;
use crate::corpus::DocKey;
use crate::store::Change;

/// Documents over three texts, some texts with several copies.
fn docs(texts: &[usize]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, &t)| Document::from_text(format!("/c/{i}.txt"), format!("metin {t}")))
        .collect()
}

/// A change to document `doc`'s copy, or to its text alone (as old journals wrote).
fn change(docs: &[Document], doc: usize, whole_text: bool, what: u8, value: bool) -> Change {
    let Some(d) = docs.get(doc % docs.len().max(1)) else {
        return Change::Checkpoint;
    };
    let doc = match whole_text {
        true => DocKey::from_hash(d.key.text.clone()),
        false => d.key.clone(),
    };
    match what % 4 {
        0 => Change::Read { doc, value },
        1 => Change::Star { doc, value },
        2 => Change::Archive { doc, value },
        _ => Change::Tag {
            doc,
            tag: "Suriye".into(),
            value,
        },
    }
}

fn agrees(table: &TriageTable, state: &State, docs: &[Document]) -> Result<(), TestCaseError> {
    for (i, d) in docs.iter().enumerate() {
        prop_assert_eq!(
            table.get(i),
            TriageFlags::of(state.doc(&d.key)),
            "document {}",
            i
        );
    }
    let archived = docs.iter().any(|d| state.doc(&d.key).archived);
    prop_assert_eq!(table.any_archived(), archived);
    Ok(())
}

proptest! {
    #[test]
    fn the_table_agrees_with_the_state_after_every_change(
        texts in prop::collection::vec(0usize..3, 1..8),
        changes in prop::collection::vec(
            (0usize..8, any::<bool>(), 0u8..4, any::<bool>(), any::<bool>()),
            1..24,
        ),
        arrive_at in 0usize..8,
    ) {
        let all = docs(&texts);
        let mut state = State::default();
        let mut table = TriageTable::default();
        // Synced after some changes, not others: one edit since is brought up to date for
        // its text, more are made again whole.
        for (step, &(doc, whole, what, value, sync)) in changes.iter().enumerate() {
            // Documents arrive part-way, as titles do while loading.
            let shown = match step < arrive_at {
                true => &all[..all.len().min(arrive_at)],
                false => &all[..],
            };
            state.apply(&change(&all, doc, whole, what, value));
            if sync || step + 1 == changes.len() {
                table.sync(&state, shown);
                agrees(&table, &state, shown)?;
            }
        }
    }
}

#[test]
fn an_edit_in_place_is_seen_by_its_new_revision() {
    let docs = docs(&[0, 1]);
    let mut state = State::default();
    let mut table = TriageTable::default();
    table.sync(&state, &docs);
    assert!(!table.get(1).star());
    let before = state.revision();
    state.apply(&Change::Star {
        doc: docs[1].key.clone(),
        value: true,
    });
    assert_ne!(state.revision(), before);
    table.sync(&state, &docs);
    assert!(table.get(1).star() && !table.get(0).star());
}

#[test]
fn a_copy_keeps_the_revision_and_equality_ignores_it() {
    let state = State::default();
    let copy = state.clone();
    assert_eq!(copy.revision(), state.revision());
    let other = State::default();
    assert_ne!(other.revision(), state.revision());
    assert_eq!(other, state);
}

#[test]
fn replaced_documents_are_indexed_again_after_clear() {
    let first = docs(&[0]);
    let mut state = State::default();
    state.apply(&Change::Read {
        doc: first[0].key.clone(),
        value: true,
    });
    let mut table = TriageTable::default();
    table.sync(&state, &first);
    assert!(table.get(0).read());
    let other: Vec<Document> = vec![Document::from_text("/d.txt", "başka".into())];
    table.clear();
    table.sync(&state, &other);
    assert!(!table.get(0).read());
}
