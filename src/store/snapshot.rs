//! [`State::snapshot`]: the shortest list of changes that rebuilds a state, which compaction
//! writes in place of the history that led to it.

use super::model::{Change, Decision, DocState, Relevance, State};
use crate::corpus::DocKey;

impl State {
    /// The shortest list of changes that rebuilds this state from nothing (used by
    /// compaction).
    pub fn snapshot(&self) -> Vec<Change> {
        let mut out = Vec::new();
        for (key, d) in self.docs() {
            snapshot_doc(key, d, &mut out);
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
