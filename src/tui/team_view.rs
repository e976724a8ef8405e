//! Drawing the team's work (see `team.rs`): a line at the foot of the reading pane (the
//! team's relevance and tags with who set them, each analyst's own relevance), the others'
//! spans underlined in their kind's colour, a box under the entity panel listing them with
//! their authors, and a mark at the end of a list row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Widget};

use super::app::App;
use super::team::{DocTeam, Vote};
use super::view::draw_line;
use crate::corpus::Document;
use crate::layout::{Direction, layout_line, paragraph_direction};

/// The side panel keeps at least this many rows for the entities.
const MIN_ENTITY_ROWS: u16 = 6;

/// The relevance mark as the list writes it.
fn relevance_mark(value: &str) -> &str {
    match value {
        "relevant" => "+",
        "irrelevant" => "-",
        "unsure" => "?",
        _ => "·",
    }
}

/// A team value or vote in a few characters: `+`, `#suriye`; `None` for a tag that is off.
fn short(vote: &Vote) -> Option<String> {
    match vote.field.strip_prefix("tag:") {
        Some(tag) => (vote.value == "on").then(|| format!("#{tag}")),
        None => Some(relevance_mark(&vote.value).to_string()),
    }
}

/// The team's work on the open document, if any.
fn open_team(app: &App) -> Option<&DocTeam> {
    let doc = app.open_doc()?;
    app.team.doc(&doc.key.text)
}

/// The line at the foot of the reading pane: `team + omar #suriye ayse │ ayse + omar -`
/// (the team's values with who set each, then every analyst's own relevance); `None`
/// when the document has no team values.
pub fn reader_line(app: &App, width: usize) -> Option<String> {
    let team = open_team(app)?;
    let values: Vec<String> = team
        .team
        .iter()
        .filter_map(|v| Some(format!("{} {}", short(v)?, v.author)))
        .collect();
    let own: Vec<String> = team
        .votes
        .iter()
        .filter(|v| v.field == "relevance")
        .map(|v| format!("{} {}", v.author, relevance_mark(&v.value)))
        .collect();
    if values.is_empty() && own.is_empty() {
        return None;
    }
    let mut line = format!(" team {}", values.join(" "));
    if !own.is_empty() {
        line.push_str(&format!(" │ {}", own.join(" ")));
    }
    line.push(' ');
    Some(fit(&line, width))
}

/// The style of a cell under another analyst's span: its kind's colour, underlined.
pub fn span_style(app: &App, s: usize, e: usize) -> Option<Style> {
    let span = app.team.span_at(s, e)?;
    let theme = &app.theme;
    let kind = match span.kind.as_str() {
        "person" => theme.person,
        "place" => theme.place,
        _ => theme.date,
    };
    Some(kind.add_modifier(Modifier::UNDERLINED))
}

/// `side` (a list row's note and tags) with the team's mark after it: `T+` for the team's
/// relevance, `T+#suriye` with the tags the team has on; `side` alone without team values.
pub fn with_list_mark(side: String, app: &App, doc: &Document) -> String {
    let marks: Vec<String> = app
        .team
        .doc(&doc.key.text)
        .map(|team| team.team.iter().filter_map(short).collect())
        .unwrap_or_default();
    match (marks.is_empty(), side.is_empty()) {
        (true, _) => side,
        (false, true) => format!("T{}", marks.join("")),
        (false, false) => format!("{side} T{}", marks.join("")),
    }
}

/// `text` cut to `width` cells, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let full: usize = text.chars().filter_map(UnicodeWidthChar::width).sum();
    if full <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The side panel's column split for the open document: the entities on top, and below
/// them a box of the others' spans when there are any and room for both.
pub fn split(app: &App, column: Rect) -> (Rect, Option<Rect>) {
    let n = u16::try_from(app.team.here.len()).unwrap_or(u16::MAX);
    if n == 0 || column.height < MIN_ENTITY_ROWS + 3 {
        return (column, None);
    }
    let rows = n
        .saturating_add(2)
        .min(column.height / 2)
        .min(column.height - MIN_ENTITY_ROWS);
    let top = Rect {
        height: column.height - rows,
        ..column
    };
    let bottom = Rect::new(column.x, column.y + top.height, column.width, rows);
    (top, Some(bottom))
}

/// The box of the others' spans in the open document: kind, text, author, in text order.
pub fn draw_spans(app: &App, area: Rect, buf: &mut Buffer) {
    let title = format!(" Team spans {} ", app.team.here.len());
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    for (span, y) in app.team.here.iter().zip(inner.y..inner.y + inner.height) {
        let mark = match span.kind.as_str() {
            "person" => "P",
            "place" => "L",
            "date" => "D",
            _ => "·",
        };
        let text: String = span.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let row = fit(&format!("{mark} {text} · {}", span.author), width);
        // Laid out as the entity panel lays out names: an Arabic name reads right to left.
        let opts = app.layout_base.at_width(width);
        let dir = paragraph_direction(&row, Direction::Ltr);
        if let Some(mut line) = layout_line(&row, &opts, dir) {
            line.indent = 0;
            let area = Rect::new(inner.x, y, inner.width, 1);
            draw_line(buf, area, y, &line, &|_, _| Style::new());
        }
    }
}

/// The rows under the entity panel's box in `screen` (what [`split`] took off).
pub fn below(entities: Rect, screen: Rect) -> Option<Rect> {
    let top = entities.y + entities.height;
    let bottom = screen.y + screen.height;
    (bottom > top).then(|| Rect::new(entities.x, top, entities.width, bottom - top))
}
