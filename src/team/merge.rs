//! The client-side merge of the team's changes, by the rules the README states and the SQL
//! views (`schema.rs`) compute the same way:
//! - read, star, archived and the note are each analyst's own ([`TeamView::votes`]);
//! - relevance and tags: the last change wins across the team ([`TeamView::team`]), each
//!   analyst's own latest value still in `votes`;
//! - spans: each analyst's own adds and removes decide their spans; the team view is the
//!   union, each span with who made it ([`TeamView::spans`]);
//! - "last" is the merge order: Lamport clock, then device, sequence number and part, the
//!   same on every client and on the server whatever order rows arrive in.
//!
//! Undo and redo arrive as the concrete change they made, so they need no rule of their
//! own. Name decisions (accept, reject) stay each analyst's own in this version.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::store::{Change, Span};

/// One change as stored on the server (and in the local cache, `cache.rs`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// The author's device.
    pub device: String,
    /// The device's sequence number of the entry.
    pub seq: u64,
    /// The analyst (database role).
    pub author: String,
    /// The Lamport clock the change was pushed with.
    pub clock: u64,
    /// The change (a batch is one row).
    pub change: Change,
}

/// Where a part of a change stands in the merge order.
type Order = (u64, String, u64, u64);

/// A span in the team view: document, byte range, kind, text and source as journalled.
pub type SpanKey = (String, usize, usize, String, String, String);

/// The team state (see the module doc), as the client merges it or the SQL views show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamState {
    /// (author, doc, field) -> that analyst's latest value. Fields: `read`, `star`,
    /// `archived`, `note`, `relevance`, `tag:NAME` (true when the tag is on).
    pub votes: BTreeMap<(String, String, String), Value>,
    /// (doc, field) -> the team's value and who set it last: `relevance` and `tag:NAME`.
    pub team: BTreeMap<(String, String), (Value, String)>,
    /// Every analyst's spans with their author.
    pub spans: BTreeSet<(SpanKey, String)>,
}

/// The client-side merge: the [`TeamState`] of the rows merged so far, equal on every
/// client that has merged the same rows, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamView {
    /// The merged state.
    pub state: TeamState,
    /// The order of the latest part behind each vote and each (author, span).
    vote_order: BTreeMap<(String, String, String), Order>,
    team_order: BTreeMap<(String, String), Order>,
    span_last: BTreeMap<(String, SpanKey), (Order, bool)>,
    /// Rows merged, by (device, seq): a row pulled twice counts once.
    seen: BTreeSet<(String, u64)>,
}

impl TeamView {
    /// Merges one row (again: ignored).
    pub fn merge(&mut self, row: &Row) {
        if !self.seen.insert((row.device.clone(), row.seq)) {
            return;
        }
        let parts = match &row.change {
            Change::Batch { changes } => changes.as_slice(),
            single => std::slice::from_ref(single),
        };
        for (part, change) in (1..).zip(parts) {
            let order = (row.clock, row.device.clone(), row.seq, part);
            self.merge_part(&row.author, order, change);
        }
    }

    /// How many rows were merged.
    pub fn rows(&self) -> usize {
        self.seen.len()
    }

    fn merge_part(&mut self, author: &str, order: Order, change: &Change) {
        if let Some((doc, field, value)) = vote(change) {
            let key = (author.to_string(), doc.clone(), field.clone());
            if self.vote_order.get(&key).is_none_or(|o| *o < order) {
                self.vote_order.insert(key.clone(), order.clone());
                self.state.votes.insert(key, value.clone());
            }
            let shared = field == "relevance" || field.starts_with("tag:");
            let key = (doc, field);
            if shared && self.team_order.get(&key).is_none_or(|o| *o < order) {
                self.team_order.insert(key.clone(), order);
                self.state.team.insert(key, (value, author.to_string()));
            }
            return;
        }
        let (span, added) = match change {
            Change::AddSpan { doc, span } => (span_key(&doc.text, span), true),
            Change::RemoveSpan { doc, span } => (span_key(&doc.text, span), false),
            _ => return,
        };
        let key = (author.to_string(), span);
        if self.span_last.get(&key).is_some_and(|(o, _)| *o > order) {
            return;
        }
        let shown = (key.1.clone(), key.0.clone());
        if added {
            self.state.spans.insert(shown);
        } else {
            self.state.spans.remove(&shown);
        }
        self.span_last.insert(key, (order, added));
    }
}

/// The triage field a change sets, on which document, to what (as the SQL view `votes`
/// reads it from the change's JSON).
fn vote(change: &Change) -> Option<(String, String, Value)> {
    use Change::*;
    let (doc, field, value) = match change {
        Seen { doc } => (doc, "read".to_string(), Value::Bool(true)),
        Read { doc, value } => (doc, "read".into(), Value::Bool(*value)),
        Star { doc, value } => (doc, "star".into(), Value::Bool(*value)),
        Archive { doc, value } => (doc, "archived".into(), Value::Bool(*value)),
        Note { doc, value } => (doc, "note".into(), Value::String(value.clone())),
        Relevance { doc, value } => (doc, "relevance".into(), serde_json::to_value(value).ok()?),
        Tag { doc, tag, value } => (doc, format!("tag:{tag}"), Value::Bool(*value)),
        _ => return None,
    };
    Some((doc.text.clone(), field, value))
}

fn span_key(doc: &str, span: &Span) -> SpanKey {
    let source = serde_json::to_value(span.source)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    (
        doc.to_string(),
        span.start,
        span.end,
        span.kind.name().to_string(),
        span.text.clone(),
        source,
    )
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
