//! `okur export --team URL --format jsonl`: the team view of the documents given, read
//! from the server and merged as every okur merges it (see `team::TeamView`):
//! - `{"doc","team":"relevance"|"tag:NAME","value","author"}`: the team's value (last
//!   change wins) and who set it;
//! - `{"doc","vote":"read"|"star"|"archived"|"note"|"relevance"|"tag:NAME","value","author"}`:
//!   each analyst's own latest value;
//! - `{"doc","kind","start","end","text","source","author"}`: every analyst's spans (byte
//!   offsets), each checked against the document's text; one that does not fit is left out
//!   and said on standard error.
//!
//! The other formats (doccano, CoNLL, brat) are written by `store::export::team` from
//! [`team_docs`]: every document given, with the team's spans (each once, with all its
//! authors), the team's values and each analyst's votes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde_json::{Value, json};

use std::borrow::Cow;

use crate::corpus::{Corpus, Document};
use crate::store::export::team::{TeamDoc, TeamValue};
use crate::store::export::{ExportDoc, ExportSpan, check_span};
use crate::store::{DocState, Label, Source};
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
    let mut docs: BTreeMap<&str, &Document> = BTreeMap::new();
    for d in &corpus.docs {
        docs.entry(d.key.text.as_str()).or_insert(d);
    }
    let mut missing = std::collections::BTreeSet::new();
    let mut lines = Vec::new();
    let mut doc_of = |hash: &str| {
        let found = docs.get(hash).map(|d| (d.path.as_str(), *d));
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
    // Spans come by document (by hash): each text is read once, for all of its spans.
    let mut read: Option<(&str, Cow<'_, str>)> = None;
    for ((hash, start, end, kind, text, source), author) in &team.spans {
        let Some((path, doc)) = doc_of(hash) else {
            continue;
        };
        if read.as_ref().is_none_or(|(h, _)| *h != hash.as_str()) {
            read = Some((hash.as_str(), doc.text()?));
        }
        let body = read.as_ref().map_or("", |(_, body)| body);
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

/// Every document of `corpus` with the team's work on it (see the module doc); spans that
/// do not fit their text are left out and said on standard error. `empty` stands for the
/// documents' own triage, which the team export does not carry. A text that does not read
/// back is the error.
pub fn team_docs<'a>(
    corpus: &'a Corpus,
    team: &TeamState,
    empty: &'a DocState,
) -> anyhow::Result<Vec<TeamDoc<'a>>> {
    type SpanAt = (usize, usize, String, String, String);
    let mut spans: BTreeMap<&str, BTreeMap<SpanAt, BTreeSet<&str>>> = BTreeMap::new();
    for ((hash, start, end, kind, text, source), author) in &team.spans {
        let key = (*start, *end, kind.clone(), text.clone(), source.clone());
        let by = spans
            .entry(hash.as_str())
            .or_default()
            .entry(key)
            .or_default();
        by.insert(author.as_str());
    }
    let value = |field: &str, value: &Value, author: &str| TeamValue {
        field: field.to_string(),
        value: value.clone(),
        author: author.to_string(),
    };
    corpus
        .docs
        .iter()
        .map(|d| {
            let hash = d.key.text.as_str();
            let mut out = TeamDoc {
                doc: ExportDoc {
                    path: &d.path,
                    text: d.text()?,
                    url: d.url(),
                    triage: empty,
                    spans: Vec::new(),
                },
                authors: Vec::new(),
                team: (team.team.iter())
                    .filter(|((h, _), _)| h == hash)
                    .map(|((_, f), (v, a))| value(f, v, a))
                    .collect(),
                votes: (team.votes.iter())
                    .filter(|((_, h, _), _)| h == hash)
                    .map(|((a, _, f), v)| value(f, v, a))
                    .collect(),
            };
            for ((start, end, kind, text, source), by) in spans.remove(hash).unwrap_or_default() {
                if let Err(bad) = check_span(&d.path, &out.doc.text, start, end, Some(&text)) {
                    eprintln!("okur: span skipped: {bad}");
                    continue;
                }
                let source = serde_json::from_value(Value::String(source)).unwrap_or(Source::User);
                let kind = Label::from(kind);
                let span = ExportSpan {
                    start,
                    end,
                    kind,
                    text,
                    source,
                };
                // The same range and label from two sources is one span to these formats.
                match out
                    .doc
                    .spans
                    .iter()
                    .position(|s| (s.start, s.end, &s.kind) == (start, end, &span.kind))
                {
                    Some(i) => out.authors[i].extend(by.iter().map(|a| a.to_string())),
                    None => {
                        out.doc.spans.push(span);
                        out.authors.push(by.iter().map(|a| a.to_string()).collect());
                    }
                }
            }
            out.authors.iter_mut().for_each(|a| {
                a.sort();
                a.dedup();
            });
            Ok(out)
        })
        .collect()
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

    #[test]
    fn every_format_carries_the_authors() -> anyhow::Result<()> {
        use crate::store::export::{Format, team};
        let text = "Ankara bugün Ankara";
        let hash = DocKey::of_text(text).text;
        let corpus = Corpus {
            docs: vec![Document::from_text("a.txt", text.to_string())],
        };
        let span = |start: usize, text: &str, kind: &str| {
            let end = start + text.len();
            (
                hash.clone(),
                start,
                end,
                kind.to_string(),
                text.to_string(),
                "user".to_string(),
            )
        };
        let mut state = TeamState::default();
        state
            .spans
            .insert((span(0, "Ankara", "place"), "omar".into()));
        state
            .spans
            .insert((span(0, "Ankara", "place"), "ayse".into()));
        state
            .spans
            .insert((span(7, "bugün", "date"), "omar".into()));
        state
            .spans
            .insert((span(1, "nkar!", "place"), "zeynep".into())); // does not fit
        state.team.insert(
            (hash.clone(), "relevance".into()),
            (Value::from("relevant"), "omar".into()),
        );
        state.votes.insert(
            ("ayse".into(), hash.clone(), "relevance".into()),
            Value::from("unsure"),
        );
        let empty = DocState::default();
        let docs = team_docs(&corpus, &state, &empty).expect("texts read");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].authors, [vec!["ayse", "omar"], vec!["omar"]]);

        let mut out = Vec::new();
        team::write_stream(Format::Conll, &docs, &mut out)?;
        let conll = String::from_utf8(out)?;
        let want = "# doc: a.txt\n# team: relevance = \"relevant\" (omar)\n\
            # vote: ayse relevance = \"unsure\"\nAnkara B-LOC ayse,omar\nbugün B-DATE omar\n\
            Ankara O _\n\n";
        assert_eq!(conll, want);

        let mut out = Vec::new();
        team::write_stream(Format::Doccano, &docs, &mut out)?;
        let line: Value = serde_json::from_slice(&out)?;
        assert_eq!(line["label"], json!([[0, 6, "LOC"], [7, 12, "DATE"]]));
        assert_eq!(line["authors"], json!([["ayse", "omar"], ["omar"]]));
        assert_eq!(
            line["team"]["relevance"],
            json!({"value": "relevant", "author": "omar"})
        );
        assert_eq!(
            line["votes"],
            json!([{"author": "ayse", "field": "relevance", "value": "unsure"}])
        );

        let ann = team::ann(&docs[0]);
        let want = "T1\tLOC 0 6\tAnkara\nT2\tDATE 7 12\tbugün\n\
            #1\tAnnotatorNotes T1\tby ayse, omar; team: relevance = \"relevant\" (omar); \
            vote: ayse relevance = \"unsure\"\n#2\tAnnotatorNotes T2\tby omar\n";
        assert_eq!(ann, want);
        Ok(())
    }
}
