use std::collections::HashMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::*;
use crate::corpus::{Corpus, Document};
use crate::layout::{BidiMode, LayoutOptions};
use crate::tui::app::Facts;
use crate::tui::theme::Theme;
use crate::tui::view::{self, Panes};

const TEXT: &str = "Erdoğan Ankara'da konuştu\n\nCumhurbaşkanı Erdoğan bugün Ankara'da konuştu.";

fn app() -> App {
    let docs = vec![
        Document::from_text("a.txt", TEXT.to_string()),
        Document::from_text(
            "b.txt",
            "Meclis toplandı\n\nMeclis bugün toplandı.".to_string(),
        ),
    ];
    let layout = LayoutOptions {
        width: 80,
        shape: false,
        bidi: BidiMode::App,
        harakat: true,
    };
    App::new(Corpus { docs }, Facts::default(), Theme::colored(), layout)
}

fn vote(field: &str, value: &str, author: &str) -> Vote {
    Vote {
        field: field.into(),
        value: value.into(),
        author: author.into(),
    }
}

fn span(text: &str, at: usize, kind: &str, author: &str) -> TeamSpan {
    TeamSpan {
        start: at,
        end: at + text.len(),
        kind: kind.into(),
        text: text.into(),
        author: author.into(),
    }
}

/// The team as ayse sees it: omar set the team's relevance, ayse a tag; omar marked a
/// place, ayse a person (her own: drawn as hers already), and a span that does not fit.
fn team(version: u64) -> TeamShown {
    let hash = Document::from_text("a.txt", TEXT.to_string()).key.text;
    let ankara = TEXT.rfind("Ankara").unwrap_or(0);
    let doc = DocTeam {
        team: vec![
            vote("relevance", "relevant", "omar"),
            vote("tag:suriye", "on", "ayse"),
        ],
        votes: vec![
            vote("relevance", "irrelevant", "ayse"),
            vote("relevance", "relevant", "omar"),
        ],
        spans: vec![
            span("Erdoğan", 0, "person", "ayse"),
            span("Ankara", ankara, "place", "omar"),
            span("Nowhere", 3, "place", "zeynep"),
        ],
    };
    TeamShown {
        version,
        me: "ayse".into(),
        docs: HashMap::from([(hash, doc)]),
    }
}

/// Draws the whole screen as the loop does: prepare, then draw.
fn screen(app: &mut App, width: u16, height: u16) -> (Buffer, Panes) {
    let panes = view::panes(Rect::new(0, 0, width, height), app);
    crate::tui::prepare(app, &panes);
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    term.draw(|frame| view::draw(frame, app)).expect("draw");
    // The panes the draw used (the team box follows the open document).
    let panes = view::panes(Rect::new(0, 0, width, height), app);
    (term.backend().buffer().clone(), panes)
}

fn row(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buf[(x, y)].symbol()).collect()
}

fn find(buf: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    (area.y..area.y + area.height).find_map(|y| {
        let line = row(buf, y, area.x, area.x + area.width);
        let at = line.find(needle)?;
        let x = u16::try_from(line[..at].chars().count()).ok()?;
        Some((area.x + x, y))
    })
}

/// The feed the sync thread would give: `team(1)` once, then nothing new.
fn feed() -> TeamFeed {
    TeamFeed(Arc::new(|seen| (seen != 1).then(|| team(1))))
}

#[test]
fn the_team_arrives_as_a_message_and_is_drawn_with_its_authors() {
    let mut app = app();
    let (_, panes) = screen(&mut app, 140, 20);
    assert!(poll(&app).is_none(), "no team mode, no message");
    app.team.feed = Some(feed());
    let msg = poll(&app).expect("a new team state");
    assert!(matches!(msg, Msg::TeamArrived(_)));
    let _ = crate::tui::update(&mut app, msg, &panes);
    assert!(poll(&app).is_none(), "nothing newer than what is shown");

    let (buf, panes) = screen(&mut app, 140, 20);
    let all = Rect::new(0, 0, 140, 20);
    // The reading pane's foot: the team's values with who set them, every analyst's own.
    assert!(
        find(&buf, all, "team + omar #suriye ayse │ ayse - omar +").is_some(),
        "{buf:?}"
    );
    // The side panel lists the others' spans with their authors: not ayse's own, not one
    // that does not fit the text.
    let side = panes.entities.expect("entity panel");
    let below = crate::tui::team_view::below(side, panes.screen).expect("team box");
    assert!(find(&buf, below, "Team spans 1").is_some(), "{buf:?}");
    assert!(find(&buf, below, "L Ankara · omar").is_some(), "{buf:?}");
    assert!(find(&buf, below, "zeynep").is_none(), "{buf:?}");
    // omar's place is underlined in the reading pane; the text around it is not.
    let reader = panes.reader.expect("reading pane");
    let (x, y) = find(&buf, reader, "bugün Ankara").expect("the body row");
    let at = x + 6;
    for dx in 0..6 {
        let cell = &buf[(at + dx, y)];
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "{dx}: {cell:?}"
        );
    }
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    // The list row carries the team's mark.
    let list = panes.list.expect("list");
    assert!(find(&buf, list, "T+#suriye").is_some(), "{buf:?}");
}

#[test]
fn another_document_shows_its_own_team_work() {
    let mut app = app();
    app.team.feed = Some(feed());
    let (_, panes) = screen(&mut app, 140, 20);
    let msg = poll(&app).expect("a new team state");
    let _ = crate::tui::update(&mut app, msg, &panes);
    let _ = screen(&mut app, 140, 20);
    assert_eq!(app.team.here.len(), 1);
    let _ = crate::tui::update::open_doc(&mut app, 1);
    let (buf, panes) = screen(&mut app, 140, 20);
    assert!(app.team.here.is_empty());
    assert!(find(&buf, Rect::new(0, 0, 140, 20), "team +").is_none());
    assert_eq!(
        panes.entities.map(|r| r.height),
        Some(19),
        "the box is gone"
    );
}
