//! Team mode's state for the reader: the sync thread's merged [`TeamState`] turned into the
//! plain [`TeamShown`] the panes draw, and [`attach`], which gives the reader the link line
//! and the feed of a running [`Sync`].

use std::sync::Arc;

use serde_json::Value;

use super::app::{App, LinkLine};
use super::team::{TeamFeed, TeamShown, TeamSpan, Vote};
use crate::team::{Sync, TeamState};

/// The team state as the reader shows it: relevance and tags (the team's and each
/// analyst's own) and every span with its author. Read, star, archive and notes are each
/// analyst's own and stay out.
pub fn shown(state: &TeamState, me: &str, version: u64) -> TeamShown {
    let mut out = TeamShown {
        version,
        me: me.to_string(),
        ..TeamShown::default()
    };
    let shared = |field: &str| field == "relevance" || field.starts_with("tag:");
    for ((doc, field), (value, author)) in &state.team {
        let vote = vote(field, value, author);
        out.docs.entry(doc.clone()).or_default().team.push(vote);
    }
    for ((author, doc, field), value) in &state.votes {
        if shared(field) {
            let vote = vote(field, value, author);
            out.docs.entry(doc.clone()).or_default().votes.push(vote);
        }
    }
    for ((doc, start, end, kind, text, _source), author) in &state.spans {
        out.docs
            .entry(doc.clone())
            .or_default()
            .spans
            .push(TeamSpan {
                start: *start,
                end: *end,
                kind: kind.clone(),
                text: text.clone(),
                author: author.clone(),
            });
    }
    out
}

fn vote(field: &str, value: &Value, author: &str) -> Vote {
    let value = match value {
        Value::Bool(true) => "on".to_string(),
        Value::Bool(false) => "off".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Vote {
        field: field.to_string(),
        value,
        author: author.to_string(),
    }
}

/// Shows `sync`'s link on the status line and its team state in the panes; `me` is the
/// user's own name on the server (their spans are drawn as their own already).
pub fn attach(app: &mut App, sync: &Sync, me: &str) {
    let watch = sync.watcher();
    app.link = Some(LinkLine(Arc::new(move || watch().line())));
    let feed = sync.feed();
    let me = me.to_string();
    app.team.feed = Some(TeamFeed(Arc::new(move |seen| {
        feed(seen).map(|(version, state)| shown(&state, &me, version))
    })));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_star_and_notes_stay_personal() {
        let mut state = TeamState::default();
        for (field, value) in [
            ("star", Value::Bool(true)),
            ("read", Value::Bool(true)),
            ("note", Value::from("mine")),
            ("relevance", Value::from("relevant")),
            ("tag:suriye", Value::Bool(false)),
        ] {
            state
                .votes
                .insert(("omar".into(), "d".into(), field.into()), value);
        }
        let shown = shown(&state, "ayse", 7);
        let doc = shown.docs.get("d").expect("the document");
        let fields: Vec<(&str, &str)> = doc
            .votes
            .iter()
            .map(|v| (v.field.as_str(), v.value.as_str()))
            .collect();
        assert_eq!(fields, [("relevance", "relevant"), ("tag:suriye", "off")]);
        assert_eq!((shown.version, shown.me.as_str()), (7, "ayse"));
    }
}
