//! Copies of one text: spans belong to the text, triage to each copy.
//!
//! A document's key is its text's hash and its path ([`DocKey`]). The state of a text holds
//! its spans and the triage recorded for the text alone (journals from before copies wrote
//! keys without a path: such a change still applies to every copy). A copy gets triage of
//! its own at its first triage change, starting from the text's; it is dropped again when
//! it comes to equal the text's, so which copies are kept follows from what they show (and
//! a compacted journal rebuilds the same state).
//!
//! A file moved or renamed keeps its triage: when a text's only copy without state of its
//! own meets the text's only recorded copy whose path is no longer in the corpus, the
//! document takes that copy's key ([`adopt_moved`]).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::model::{DocState, Span, State};
use crate::corpus::{DocKey, Document};

/// The state of one text and its copies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// The spans, and triage recorded for the text alone.
    pub(super) shared: DocState,
    /// Copies with triage of their own, by path: each as it shows (spans equal to
    /// `shared`'s), and each differing from `shared` in its triage.
    pub(super) copies: BTreeMap<String, DocState>,
}

impl Text {
    /// The triage of the text and its copies, without spans.
    pub(super) fn triage_only(&self) -> Text {
        // Field by field: cloning the whole state would copy every span only to drop them.
        let strip = |d: &DocState| DocState {
            read: d.read,
            star: d.star,
            archived: d.archived,
            relevance: d.relevance,
            tags: d.tags.clone(),
            note: d.note.clone(),
            spans: BTreeSet::new(),
        };
        Text {
            shared: strip(&self.shared),
            copies: self
                .copies
                .iter()
                .map(|(p, d)| (p.clone(), strip(d)))
                .collect(),
        }
    }

    /// The state a document of this text shows: its copy's own triage when it has some,
    /// else the text's.
    pub(super) fn shown(&self, copy: Option<&str>) -> &DocState {
        copy.and_then(|c| self.copies.get(c))
            .unwrap_or(&self.shared)
    }

    /// True when nothing is recorded: a state never keeps such a text (see [`State::edit`]).
    pub(super) fn is_empty(&self) -> bool {
        self.shared.is_default() && self.copies.is_empty()
    }
}

/// True when two states show the same triage (spans aside).
pub(super) fn same_triage(a: &DocState, b: &DocState) -> bool {
    a.read == b.read
        && a.star == b.star
        && a.archived == b.archived
        && a.relevance == b.relevance
        && a.tags == b.tags
        && a.note == b.note
}

impl State {
    /// Changes the triage of a copy; for a key without a copy, of the text and every copy
    /// (as journals from before copies mean).
    pub(super) fn edit<R>(&mut self, key: &DocKey, mut f: impl FnMut(&mut DocState) -> R) {
        self.touch(Some(&key.text));
        let text = self.docs.entry(key.text.clone()).or_default();
        match &key.copy {
            Some(copy) => {
                let own = text
                    .copies
                    .entry(copy.clone())
                    .or_insert_with(|| text.shared.clone());
                f(own);
                if same_triage(own, &text.shared) {
                    text.copies.remove(copy);
                }
            }
            // As before copies: a change to the text changes every copy.
            None => {
                f(&mut text.shared);
                for own in text.copies.values_mut() {
                    f(own);
                }
                let shared = &text.shared;
                text.copies.retain(|_, own| !same_triage(own, shared));
            }
        }
        if text.is_empty() {
            self.docs.remove(&key.text);
        }
    }

    /// Changes the spans of a text, whichever copy `key` names.
    pub(super) fn edit_spans(&mut self, key: &DocKey, f: impl Fn(&mut BTreeSet<Span>) -> bool) {
        self.touch(Some(&key.text));
        let text = self.docs.entry(key.text.clone()).or_default();
        f(&mut text.shared.spans);
        for own in text.copies.values_mut() {
            f(&mut own.spans);
        }
        if text.is_empty() {
            self.docs.remove(&key.text);
        }
    }
}

/// Gives each moved or renamed file the key it had: for each text, when exactly one of its
/// documents has no triage of its own and exactly one recorded copy's path is in no
/// document, that document takes the recorded copy's key. Returns how many did.
pub fn adopt_moved(state: &State, docs: &mut [Document]) -> usize {
    let with_copies: HashSet<&str> = state
        .docs
        .iter()
        .filter(|(_, t)| !t.copies.is_empty())
        .map(|(hash, _)| hash.as_str())
        .collect();
    if with_copies.is_empty() {
        return 0;
    }
    // Per text with recorded copies: its documents without triage of their own, and the
    // paths of all its documents.
    let mut found: BTreeMap<String, (Vec<usize>, HashSet<String>)> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let (hash, Some(copy)) = (&doc.key.text, &doc.key.copy) else {
            continue;
        };
        if !with_copies.contains(hash.as_str()) {
            continue;
        }
        let entry = found.entry(hash.clone()).or_default();
        entry.1.insert(copy.clone());
        if !state.docs[hash].copies.contains_key(copy) {
            entry.0.push(i);
        }
    }
    let mut adopted = 0;
    for (hash, (without, present)) in found {
        let gone: Vec<&String> = state.docs[&hash]
            .copies
            .keys()
            .filter(|path| !present.contains(*path))
            .collect();
        if let ([doc], [path]) = (&without[..], &gone[..]) {
            docs[*doc].key = docs[*doc].key.with_copy((*path).clone());
            adopted += 1;
        }
    }
    adopted
}

#[cfg(test)]
#[path = "copies_tests.rs"]
mod tests;
