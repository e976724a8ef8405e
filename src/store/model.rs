//! What the store remembers: triage state per document, span annotations, and name decisions
//! that apply across the corpus. Every user action is a [`Change`]; [`State::inverse`] gives
//! the change that undoes it against the current state, and [`State::apply`] performs it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use serde::{Deserialize, Serialize};

use crate::corpus::DocKey;
use crate::kind::Kind;

pub use super::change::Change;

/// The kind of a span: an entity [`Kind`], or a user-defined label.
///
/// Serialised as a plain string: `person`, `place`, `date` (the kind's [`Kind::name`]), or
/// the custom name. Ordered people, places, dates, then custom labels by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Label {
    /// A person, place or date.
    Entity(Kind),
    /// A label of the user's choosing (never one of the built-in names).
    Custom(String),
}

impl Label {
    /// The label's name as stored and exported by okur's own formats.
    pub fn name(&self) -> &str {
        match self {
            Label::Entity(kind) => kind.name(),
            Label::Custom(name) => name,
        }
    }
}

impl From<Kind> for Label {
    fn from(kind: Kind) -> Label {
        Label::Entity(kind)
    }
}

impl From<String> for Label {
    /// The built-in label named `name` exactly, else a custom label of that name.
    fn from(name: String) -> Label {
        match name.parse::<Kind>() {
            Ok(kind) => Label::Entity(kind),
            Err(_) => Label::Custom(name),
        }
    }
}

impl From<Label> for String {
    fn from(label: Label) -> String {
        label.name().to_string()
    }
}

/// Where a stored span came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Drawn by the user.
    User,
    /// An extractor suggestion the user accepted.
    Accepted,
    /// Not a label: the user removed the label an accepted name put on this occurrence, so
    /// nothing found by name or suggested shows here (see `effective_spans`).
    Removed,
}

/// A span annotation: a byte range of the document text with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the span names.
    pub kind: Label,
    /// The covered text when the span was made (checked again on export).
    pub text: String,
    /// Who made it.
    pub source: Source,
}

/// The user's judgement of a document's relevance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relevance {
    /// Not judged yet.
    #[default]
    None,
    /// Relevant.
    Relevant,
    /// Not relevant.
    Irrelevant,
    /// Undecided.
    Unsure,
}

/// Triage state and annotations of one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocState {
    /// Has been read.
    pub read: bool,
    /// Starred.
    pub star: bool,
    /// Archived (hidden from the default list).
    pub archived: bool,
    /// Relevance judgement.
    pub relevance: Relevance,
    /// Free tags.
    pub tags: BTreeSet<String>,
    /// Free note.
    pub note: String,
    /// Span annotations, ordered by start, end, kind.
    pub spans: BTreeSet<Span>,
}

impl DocState {
    pub(super) fn is_default(&self) -> bool {
        *self == DocState::default()
    }
}

/// A name decision that applies across the whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The name is found in every document.
    Accepted,
    /// The name is never suggested anywhere.
    Rejected,
}

/// A name as decided on: its kind and exact surface text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name {
    /// The kind.
    pub kind: Label,
    /// The exact surface text.
    pub text: String,
}

/// Everything the store knows, rebuilt by replaying the journal.
///
/// Per text (by its hash): the spans, shared by every copy of the text, and triage recorded
/// for the text alone (by journals from before copies); per copy (hash and path): triage
/// of its own, kept only while it differs from the text's (see `copies.rs`).
#[derive(Debug, Clone)]
pub struct State {
    pub(super) docs: BTreeMap<String, super::copies::Text>,
    decisions: BTreeMap<Name, Decision>,
    /// Which edit this is (see [`State::revision`]); not part of what the state holds.
    revision: u64,
    /// The recent edits: lets what was worked out from an older revision be brought up
    /// to date for the texts edited since.
    edits: super::edit_log::EditLog,
}

/// The last revision given to a state: every new state and every edit takes the next one.
static LAST_REVISION: AtomicU64 = AtomicU64::new(0);

fn next_revision() -> u64 {
    LAST_REVISION.fetch_add(1, AtomicOrdering::Relaxed) + 1
}

impl Default for State {
    fn default() -> State {
        State {
            docs: BTreeMap::new(),
            decisions: BTreeMap::new(),
            revision: next_revision(),
            edits: Default::default(),
        }
    }
}

/// Two states are equal when they hold the same: their revisions are where they came from.
impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        self.docs == other.docs && self.decisions == other.decisions
    }
}

impl Eq for State {}

static EMPTY: DocState = DocState {
    read: false,
    star: false,
    archived: false,
    relevance: Relevance::None,
    tags: BTreeSet::new(),
    note: String::new(),
    spans: BTreeSet::new(),
};

impl State {
    /// The state of a document: for a copy, its own triage when it has some, else the
    /// text's; the text's spans (the default state when nothing was recorded).
    pub fn doc(&self, key: &DocKey) -> &DocState {
        match self.docs.get(&key.text) {
            Some(text) => text.shown(key.copy.as_deref()),
            None => &EMPTY,
        }
    }

    /// A number no other state value or edit has had in this process (a copy keeps its
    /// original's until either is edited): what was worked out from a state (the reader's
    /// per-document triage table) is still right while its revision is the same.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The hashes of the texts edited since `revision` (see [`State::revision`]), or
    /// `None` when this state cannot say (it never had that revision, or the edits since
    /// are too many to remember): a table made at that revision needs only those texts'
    /// documents made again.
    pub(super) fn texts_edited_since(
        &self,
        revision: u64,
    ) -> Option<impl Iterator<Item = u128> + '_> {
        self.edits.texts_since(revision)
    }

    /// Takes a new revision: every edit calls this before it changes anything, with the
    /// text it edits (`None`: no document's).
    pub(super) fn touch(&mut self, text: Option<&str>) {
        self.edits.push(self.revision, text);
        self.revision = next_revision();
    }

    /// Texts and copies with any recorded state, by key: each text (key without a copy)
    /// before its copies with triage of their own.
    pub fn docs(&self) -> impl Iterator<Item = (DocKey, &DocState)> {
        self.docs.iter().flat_map(|(hash, text)| {
            let shared =
                (!text.shared.is_default()).then(|| (DocKey::from_hash(hash), &text.shared));
            let copies = text
                .copies
                .iter()
                .map(move |(copy, d)| (DocKey::from_hash(hash).with_copy(copy.clone()), d));
            shared.into_iter().chain(copies)
        })
    }

    /// The corpus-wide decision on a name, if any.
    pub fn decision(&self, kind: &Label, text: &str) -> Option<Decision> {
        let name = Name {
            kind: kind.clone(),
            text: text.to_string(),
        };
        self.decisions.get(&name).copied()
    }

    /// All name decisions.
    pub fn decisions(&self) -> impl Iterator<Item = (&Name, Decision)> {
        self.decisions.iter().map(|(n, d)| (n, *d))
    }

    /// Performs a change; a batch performs its parts in order. Markers (`undo`, `redo`,
    /// `checkpoint`) leave the state alone; they are handled by the history.
    pub fn apply(&mut self, change: &Change) {
        use Change::*;
        match change {
            Seen { doc } => self.edit(doc, |d| d.read = true),
            Read { doc, value } => self.edit(doc, |d| d.read = *value),
            Star { doc, value } => self.edit(doc, |d| d.star = *value),
            Archive { doc, value } => self.edit(doc, |d| d.archived = *value),
            Relevance { doc, value } => self.edit(doc, |d| d.relevance = *value),
            Tag { doc, tag, value } => self.edit(doc, |d| match value {
                true => d.tags.insert(tag.clone()),
                false => d.tags.remove(tag),
            }),
            Note { doc, value } => self.edit(doc, |d| d.note = value.clone()),
            AddSpan { doc, span } => self.edit_spans(doc, |s| s.insert(span.clone())),
            RemoveSpan { doc, span } => self.edit_spans(doc, |s| s.remove(span)),
            Accept { kind, text, value } => self.decide(kind, text, Decision::Accepted, *value),
            Reject { kind, text, value } => self.decide(kind, text, Decision::Rejected, *value),
            Batch { changes } => changes.iter().for_each(|c| self.apply(c)),
            Undo | Redo | Checkpoint => {}
        }
    }

    fn decide(&mut self, kind: &Label, text: &str, decision: Decision, value: bool) {
        self.touch(None);
        let name = Name {
            kind: kind.clone(),
            text: text.to_string(),
        };
        if value {
            self.decisions.insert(name, decision);
        } else if self.decisions.get(&name) == Some(&decision) {
            self.decisions.remove(&name);
        }
    }

    /// Copies into `part` what `change` reads and writes (the parts' for a batch) as it is
    /// here: the triage of one text and its copies and one of its spans, or one name's
    /// decision. That is all [`State::inverse`] and [`State::apply`] look at, so a batch can
    /// be worked out on `part` for the cost of its parts, however many spans the documents
    /// it touches hold.
    pub(super) fn copy_touched(&self, change: &Change, part: &mut State) {
        use Change::*;
        part.touch(None);
        let Some(key) = change.doc() else {
            match change {
                Batch { changes } => changes.iter().for_each(|c| self.copy_touched(c, part)),
                Accept { kind, text, .. } | Reject { kind, text, .. } => {
                    if let Some(decision) = self.decision(kind, text) {
                        let (kind, text) = (kind.clone(), text.clone());
                        part.decisions.insert(Name { kind, text }, decision);
                    }
                }
                _ => {}
            }
            return;
        };
        // A text's triage is copied whole, its own and its copies': whether a copy has
        // triage of its own depends on the text's. Of the spans only the touched one.
        // A text with spans alone has no triage: the part keeps no empty text, as no state
        // does, or a batch that ends where it began would look like a change.
        if let Some(text) = self.docs.get(&key.text)
            && !part.docs.contains_key(&key.text)
        {
            let triage = text.triage_only();
            if !triage.is_empty() {
                part.docs.insert(key.text.clone(), triage);
            }
        }
        if let AddSpan { span, .. } | RemoveSpan { span, .. } = change
            && self.doc(key).spans.contains(span)
        {
            part.edit_spans(key, |to| to.insert(span.clone()));
        }
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
