//! `okur export --team URL --format jsonl`: the team view of the documents given, read
//! from the server and merged as every okur merges it (see `team::TeamView`):
//! - `{"doc","team":"relevance"|"tag:NAME","value","author"}`: the team's value (last
//!   change wins) and who set it;
//! - `{"doc","vote":"read"|"star"|"archived"|"note"|"relevance"|"tag:NAME","value","author"}`:
//!   each analyst's own latest value;
//! - `{"doc","kind","start","end","text","source","author"}`: every analyst's spans (byte
//!   offsets), each checked against the document's text; one that does not fit is left out
//!   and said on standard error.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use crate::corpus::Corpus;
use crate::team::{TeamState, TeamUrl, TeamView, server};

/// Reads every change from the server and merges it.
pub fn fetch(url: &TeamUrl) -> anyhow::Result<TeamState> {
    let mut client = url.connect()?;
    crate::team::schema::check(&mut client)
        .map_err(|e| anyhow::anyhow!(url.scrub(&e.to_string())))?;
    let mut view = TeamView::default();
    let mut cursor = server::PullCursor::default();
    loop {
        let rows = server::pull(&mut client, None, &mut cursor, 10_000)
            .map_err(|e| anyhow::anyhow!(url.scrub(&e.to_string())))?;
        if rows.is_empty() {
            return Ok(view.state);
        }
        rows.iter().for_each(|r| view.merge(r));
    }
}

/// Writes the team view of `corpus`'s documents as JSONL to `out`; returns the number of
/// team documents not among them.
pub fn write(corpus: &Corpus, team: &TeamState, out: &mut impl Write) -> anyhow::Result<usize> {
    // Documents by text hash: a copy's path names it in the export.
    let mut docs: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for d in &corpus.docs {
        docs.entry(d.key.text.as_str())
            .or_insert((d.path.as_str(), d.text.as_str()));
    }
    let mut missing = std::collections::BTreeSet::new();
    let mut lines = Vec::new();
    let mut doc_of = |hash: &str| {
        let found = docs.get(hash).copied();
        if found.is_none() {
            missing.insert(hash.to_string());
        }
        found
    };
    for ((hash, field), (value, author)) in &team.team {
        if let Some((path, _)) = doc_of(hash) {
            lines.push(json!({"doc": path, "team": field, "value": value, "author": author}));
        }
    }
    for ((author, hash, field), value) in &team.votes {
        if let Some((path, _)) = doc_of(hash) {
            lines.push(json!({"doc": path, "vote": field, "value": value, "author": author}));
        }
    }
    for ((hash, start, end, kind, text, source), author) in &team.spans {
        let Some((path, body)) = doc_of(hash) else {
            continue;
        };
        if body.get(*start..*end) != Some(text.as_str()) {
            eprintln!(
                "okur: span skipped: {path}: {start}..{end} by {author} does not fit the text"
            );
            continue;
        }
        lines.push(json!({
            "doc": path, "kind": kind, "start": start, "end": end, "text": text,
            "source": source, "author": author,
        }));
    }
    for line in lines {
        writeln!(out, "{}", Value::to_string(&line))?;
    }
    Ok(missing.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocKey, Document};

    #[test]
    fn spans_and_votes_carry_their_author() -> anyhow::Result<()> {
        let text = "Ankara bugün";
        let hash = DocKey::of_text(text).text;
        let corpus = Corpus {
            docs: vec![Document::from_text("a.txt", text.to_string())],
        };
        let mut team = TeamState::default();
        team.team.insert(
            (hash.clone(), "relevance".into()),
            (Value::from("relevant"), "omar".into()),
        );
        team.votes.insert(
            ("ayse".into(), hash.clone(), "star".into()),
            Value::Bool(true),
        );
        let span = |end: usize, text: &str| {
            (
                hash.clone(),
                0,
                end,
                "place".to_string(),
                text.to_string(),
                "user".to_string(),
            )
        };
        team.spans.insert((span(6, "Ankara"), "ayse".into()));
        team.spans.insert((span(5, "Ankar!"), "omar".into())); // does not fit: left out
        team.votes.insert(
            ("ayse".into(), "elsewhere".into(), "star".into()),
            Value::Bool(true),
        );
        let mut out = Vec::new();
        let missing = write(&corpus, &team, &mut out)?;
        assert_eq!(missing, 1);
        let out = String::from_utf8(out)?;
        let want = [
            r#"{"author":"omar","doc":"a.txt","team":"relevance","value":"relevant"}"#,
            r#"{"author":"ayse","doc":"a.txt","value":true,"vote":"star"}"#,
            r#"{"author":"ayse","doc":"a.txt","end":6,"kind":"place","source":"user","start":0,"text":"Ankara"}"#,
        ];
        assert_eq!(out.lines().collect::<Vec<_>>(), want);
        Ok(())
    }
}
