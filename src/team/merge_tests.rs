//! The merge rules, on rows in any order.

use super::*;
use crate::corpus::DocKey;
use crate::store::{Label, Relevance, Source};

fn row(author: &str, seq: u64, clock: u64, change: Change) -> Row {
    Row {
        device: format!("dev-{author}"),
        seq,
        author: author.to_string(),
        clock,
        change,
    }
}

fn doc() -> DocKey {
    DocKey::from_hash("h")
}

fn span() -> Span {
    Span {
        start: 0,
        end: 5,
        kind: Label::Custom("org".into()),
        text: "Sabah".into(),
        source: Source::User,
    }
}

fn rows() -> Vec<Row> {
    let relevance = |value| Change::Relevance { doc: doc(), value };
    vec![
        row("ayse", 1, 1, relevance(Relevance::Relevant)),
        row("omar", 1, 2, relevance(Relevance::Irrelevant)),
        row(
            "ayse",
            2,
            3,
            Change::Star {
                doc: doc(),
                value: true,
            },
        ),
        row(
            "omar",
            2,
            4,
            Change::AddSpan {
                doc: doc(),
                span: span(),
            },
        ),
        row(
            "ayse",
            3,
            4,
            Change::AddSpan {
                doc: doc(),
                span: span(),
            },
        ),
        row(
            "omar",
            3,
            5,
            Change::RemoveSpan {
                doc: doc(),
                span: span(),
            },
        ),
        row(
            "ayse",
            4,
            6,
            Change::Batch {
                changes: vec![
                    Change::Tag {
                        doc: doc(),
                        tag: "x".into(),
                        value: true,
                    },
                    Change::Tag {
                        doc: doc(),
                        tag: "x".into(),
                        value: false,
                    },
                ],
            },
        ),
    ]
}

#[test]
fn the_rules_hold_whatever_order_rows_arrive_in() {
    let mut forward = TeamView::default();
    rows().iter().for_each(|r| forward.merge(r));
    let mut backward = TeamView::default();
    rows().iter().rev().for_each(|r| backward.merge(r));
    rows().iter().for_each(|r| backward.merge(r)); // again: counted once
    assert_eq!(forward, backward);
    assert_eq!(forward.rows(), 7);

    let team = |field: &str| {
        forward
            .state
            .team
            .get(&("h".to_string(), field.to_string()))
            .cloned()
    };
    // Relevance: the last change wins, each vote still visible.
    assert_eq!(
        team("relevance"),
        Some((Value::from("irrelevant"), "omar".into()))
    );
    let vote = |who: &str, field: &str| {
        forward
            .state
            .votes
            .get(&(who.to_string(), "h".to_string(), field.to_string()))
            .cloned()
    };
    assert_eq!(vote("ayse", "relevance"), Some(Value::from("relevant")));
    // Star is ayse's own; omar has none.
    assert_eq!(vote("ayse", "star"), Some(Value::Bool(true)));
    assert_eq!(vote("omar", "star"), None);
    // The later part of a batch wins.
    assert_eq!(team("tag:x"), Some((Value::Bool(false), "ayse".into())));
    // Omar removed his span; ayse's stays, with her name.
    let spans: Vec<&String> = forward.state.spans.iter().map(|(_, who)| who).collect();
    assert_eq!(spans, ["ayse"]);
}
