//! [`State::snapshot`]: the shortest list of changes that rebuilds a state, which compaction
//! writes in place of the history that led to it.

use super::model::{Change, Decision, DocState, Relevance, State};
use crate::corpus::DocKey;

impl State {
    /// The shortest list of changes that rebuilds this state from nothing (used by
    /// compaction).
    pub fn snapshot(&self) -> Vec<Change> {
        let mut out = Vec::new();
        for (hash, text) in &self.docs {
            let key = DocKey::from_hash(hash);
            snapshot_doc(&key, &text.shared, &mut out);
            // A copy's triage starts from the text's: only what differs.
            for (copy, own) in &text.copies {
                snapshot_copy(&key.with_copy(copy.clone()), own, &text.shared, &mut out);
            }
        }
        for (name, decision) in self.decisions() {
            let (kind, text) = (name.kind.clone(), name.text.clone());
            out.push(match decision {
                Decision::Accepted => Change::Accept {
                    kind,
                    text,
                    value: true,
                },
                Decision::Rejected => Change::Reject {
                    kind,
                    text,
                    value: true,
                },
            });
        }
        out
    }
}

fn snapshot_doc(key: &DocKey, d: &DocState, out: &mut Vec<Change>) {
    let doc = || key.clone();
    if d.read {
        out.push(Change::Read {
            doc: doc(),
            value: true,
        });
    }
    if d.star {
        out.push(Change::Star {
            doc: doc(),
            value: true,
        });
    }
    if d.archived {
        out.push(Change::Archive {
            doc: doc(),
            value: true,
        });
    }
    if d.relevance != Relevance::None {
        out.push(Change::Relevance {
            doc: doc(),
            value: d.relevance,
        });
    }
    for tag in &d.tags {
        out.push(Change::Tag {
            doc: doc(),
            tag: tag.clone(),
            value: true,
        });
    }
    if !d.note.is_empty() {
        out.push(Change::Note {
            doc: doc(),
            value: d.note.clone(),
        });
    }
    for span in &d.spans {
        out.push(Change::AddSpan {
            doc: doc(),
            span: span.clone(),
        });
    }
}

/// The changes that give a copy (`key`) its own triage, `own`, over the text's, `shared`.
fn snapshot_copy(key: &DocKey, own: &DocState, shared: &DocState, out: &mut Vec<Change>) {
    let doc = || key.clone();
    if own.read != shared.read {
        out.push(Change::Read {
            doc: doc(),
            value: own.read,
        });
    }
    if own.star != shared.star {
        out.push(Change::Star {
            doc: doc(),
            value: own.star,
        });
    }
    if own.archived != shared.archived {
        out.push(Change::Archive {
            doc: doc(),
            value: own.archived,
        });
    }
    if own.relevance != shared.relevance {
        out.push(Change::Relevance {
            doc: doc(),
            value: own.relevance,
        });
    }
    for (tag, value) in own
        .tags
        .symmetric_difference(&shared.tags)
        .map(|t| (t, own.tags.contains(t)))
    {
        out.push(Change::Tag {
            doc: doc(),
            tag: tag.clone(),
            value,
        });
    }
    if own.note != shared.note {
        out.push(Change::Note {
            doc: doc(),
            value: own.note.clone(),
        });
    }
}
