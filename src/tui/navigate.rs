//! Moving between highlighted things: an entity's mentions, search matches; narrowing the
//! document list to the documents that mention an entity; and scrolling the help overlay.

use super::app::{App, MentionRef};
use super::effect::Effect;
use super::ranges::{Intervals, Marks, MarksKey};
use super::status::counted;
use super::view::Panes;
use crate::layout::PaneRow;

/// Mentions of the open document, without those whose name was rejected (they are no
/// longer suggestions, and `n` must not stop on them).
fn live_mentions(app: &App) -> impl Iterator<Item = MentionRef> + '_ {
    let doc = app.reader.doc;
    let rejections = &app.rejections;
    app.open_mentions()
        .filter(move |m| !rejections.rejects(app, doc, m))
}

/// Byte ranges highlighted in the open document: mentions of the selected entity and
/// matches of the filter line's search (unsorted).
fn highlight_ranges(app: &App) -> Vec<(usize, usize)> {
    // A find in this article is what the user is looking for now: only its matches.
    if let Some(find) = app.find.as_ref().filter(|f| f.doc == app.reader.doc) {
        return find.ranges.clone();
    }
    let mut ranges = app.search_ranges.clone();
    if let Some(entity) = app.panel.selected() {
        let mentions = live_mentions(app).filter(|m| m.entity() == entity);
        ranges.extend(mentions.map(|m| (m.start(), m.end())));
    }
    ranges
}

/// Mentions in the open document, per entity row.
fn mention_counts(app: &App) -> Vec<usize> {
    let mut here = vec![0usize; app.facts.entities.len()];
    for m in live_mentions(app) {
        if let Some(n) = here.get_mut(m.entity()) {
            *n += 1;
        }
    }
    here
}

/// Brings [`App::marks`] up to date with the open document, the selected entity and the
/// search matches; does nothing when none of them changed (the usual frame).
pub fn refresh_marks(app: &mut App) {
    let key = MarksKey {
        doc: app.reader.doc,
        entity: app.panel.selected(),
        query: app.search_ranges_for.clone(),
        find: app.find.as_ref().map(|f| (f.doc, f.query.clone())),
    };
    if app.marks.key.as_ref() == Some(&key) {
        return;
    }
    app.marks = Marks {
        highlights: Intervals::new(highlight_ranges(app)),
        here: mention_counts(app),
        key: Some(key),
    };
}

/// The entity row under the panel cursor.
pub fn entity_under_cursor(app: &App) -> Option<usize> {
    app.panel.under_cursor()
}

/// Selects the entity under the panel cursor and shows its first mention, the caret on it:
/// in the open document, else in the first document in list order that mentions it (the
/// first in corpus order when no listed one does), which is opened.
pub fn select_entity(app: &mut App, panes: &Panes) -> Vec<Effect> {
    let Some(row) = entity_under_cursor(app) else {
        return Vec::new();
    };
    let Some(entity) = app.facts.entities.get(row) else {
        return Vec::new();
    };
    let name = entity.name.clone();
    let corpus = format!(
        "{} in {}",
        entity.mentions,
        counted(entity.docs, "document")
    );
    app.panel.select(Some(row));
    if let Some((start, count)) = mentions_in(app, app.reader.doc, row) {
        let here = counted(count, "mention");
        app.status.say(format!("{name}: {here} here, {corpus}"));
        show_range(app, panes, start);
        return Vec::new();
    }
    let listed = app.list.order().to_vec();
    let found = listed
        .into_iter()
        .chain(0..app.corpus.len())
        .find_map(|doc| Some((doc, mentions_in(app, doc, row)?)));
    let Some((doc, (start, count))) = found else {
        app.status
            .say(format!("{name}: no mention left in any document"));
        return Vec::new();
    };
    let effects = super::moves::open_doc(app, doc);
    app.list.select_doc(doc);
    // The file's name, not its whole path: the counts must fit on the status line.
    let file = app
        .open_doc()
        .map(|d| d.path.rsplit('/').next().unwrap_or(&d.path).to_string())
        .unwrap_or_default();
    let there = counted(count, "mention");
    app.status.say(format!(
        "{name}: {there} in {file} (none in the one open before), {corpus}"
    ));
    show_range(app, panes, start);
    effects
}

/// Where the first live mention of entity `row` in document `doc` starts, and how many
/// there are; `None` when there is none.
fn mentions_in(app: &App, doc: usize, row: usize) -> Option<(usize, usize)> {
    let live = app
        .facts
        .mentions(doc)
        .filter(|m| m.entity() == row && !app.rejections.rejects(app, doc, m));
    let (first, count) = live.fold((None, 0), |(first, count), m| {
        (
            Some(first.map_or(m.start(), |f: usize| f.min(m.start()))),
            count + 1,
        )
    });
    Some((first?, count))
}

/// Moves the caret to the start of the next (or previous) highlighted range, counted from
/// the caret (so a second mention on the same row is not skipped), wrapping around at the
/// end; the row follows. Lays out the document only as far as the range it lands on.
pub fn jump(app: &mut App, panes: &Panes, forward: bool) {
    refresh_marks(app);
    let from = jump_origin(app);
    let ranges = app.marks.highlights.as_slice();
    let (len, next) = (ranges.len(), ranges.partition_point(|&(s, _)| s <= from));
    let prev = ranges.partition_point(|&(s, _)| s < from);
    // Indices, not ranges: landing needs the app mutably.
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((next..len).chain(0..next))
    } else {
        Box::new((0..prev).rev().chain((prev..len).rev()))
    };
    if len == 0 {
        app.status
            .say("nothing to jump to: Enter on an entity in the panel, or / to search");
        return;
    }
    for i in order {
        let start = app.marks.highlights.as_slice().get(i).map(|r| r.0);
        if start.is_some_and(|start| show_range(app, panes, start)) {
            app.status.say(position_message(app, i + 1, len));
            return;
        }
    }
}

/// Which highlight of how many the caret is on: `Sergey Lavrov: mention 3/8`, or
/// `"ankara": match 2/5` for the filter line's search.
fn position_message(app: &App, at: usize, of: usize) -> String {
    if let Some(find) = app.find.as_ref().filter(|f| f.doc == app.reader.doc) {
        return super::find::found_message(&find.query, at, of);
    }
    let entity = app
        .panel
        .selected()
        .and_then(|e| app.facts.entities.get(e))
        .map(|e| e.name.clone());
    let query = (!app.search_ranges.is_empty())
        .then(|| {
            app.search_ranges_for
                .as_ref()
                .map(|(_, q)| format!("\"{q}\""))
        })
        .flatten();
    let (name, what) = match (entity, query) {
        (Some(e), Some(q)) => (format!("{e}, {q}"), "mention or match"),
        (Some(e), None) => (e, "mention"),
        (None, Some(q)) => (q, "match"),
        (None, None) => (String::new(), "highlight"),
    };
    let name = if name.is_empty() {
        String::new()
    } else {
        format!("{name}: ")
    };
    format!("{name}{what} {at}/{of}")
}

/// Where `n`/`N` count from: the caret when it is on the cursor row (where the user sees
/// it), else the start of that row.
fn jump_origin(app: &App) -> usize {
    let caret = app.reader.caret;
    match super::caret::cursor_line(app) {
        Some(line) if super::caret::cell_index(line, caret).is_some() => caret,
        _ => row_bounds(&app.reader.layout, app.reader.cursor.selected).0,
    }
}

/// Puts the caret on `start` and its row a third of the way down the pane, laying out the
/// document as far as it. False when no row shows that offset.
pub fn show_range(app: &mut App, panes: &Panes, start: usize) -> bool {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return false;
    };
    app.reader.layout.ensure_offset(doc, start);
    super::moves::follow_shifts(app);
    let Some(row) = app.reader.layout.row_of_offset(start) else {
        return false;
    };
    app.reader.cursor.selected = row;
    app.reader.cursor.offset = row.saturating_sub(panes.reader_height() / 3);
    app.reader.caret = start;
    true
}

/// The document offsets where row `row` begins and ends (a blank row: the end of the text
/// row before it, for both).
fn row_bounds(layout: &crate::layout::DocLayout, row: usize) -> (usize, usize) {
    let text_row = (0..=row).rev().find_map(|r| match layout.row(r) {
        Some(PaneRow::Text(line)) => Some((r, line)),
        _ => None,
    });
    match text_row {
        Some((r, line)) if r == row => (line.start, line.end.max(line.start + 1)),
        Some((_, line)) => (line.end, line.end),
        None => (0, 0),
    }
}

/// Narrows the document list to documents mentioning the selected entity.
pub fn filter_by_entity(app: &mut App) {
    // In the entity panel the entity is the one under the caret: after a first `f`, `j`
    // then `f` lists the next one's documents (the selection would keep the first).
    let row = match app.focus {
        super::app::Focus::Entities => entity_under_cursor(app).or_else(|| app.panel.selected()),
        _ => app.panel.selected().or_else(|| entity_under_cursor(app)),
    };
    let Some(row) = row else {
        return;
    };
    let Some(name) = app.facts.entities.get(row).map(|e| e.name.clone()) else {
        return;
    };
    app.list.set_entity_filter(Some((row, name.clone())));
    app.panel.select(Some(row));
    super::filter::refresh_list(app);
    let mention = match app.list.order().len() {
        1 => "mentions",
        _ => "mention",
    };
    let docs = counted(app.list.order().len(), "document");
    app.status.say(format!("{docs} {mention} {name}"));
}

/// Esc: clears the selection; else the find; else the entity selection and the list
/// filters; else, with nothing else left to clear, the marks.
pub fn clear(app: &mut App) -> Vec<Effect> {
    if app.reader.anchor.take().is_some() || app.find.take().is_some() {
        return Vec::new();
    }
    let narrowed = app.panel.selected().is_some()
        || app.list.entity_filter().is_some()
        || !app.list.filter_text().is_empty();
    // Marks are work: they go last, with an Esc of their own.
    if !narrowed {
        let n = app.list.marked().len();
        if n > 0 {
            app.list.clear_marks();
            app.status.say(format!("marks cleared ({n})"));
        }
        return Vec::new();
    }
    app.panel.select(None);
    app.list.set_entity_filter(None);
    // The list widens at once; the search is told too, so that an answer to the old words
    // still on its way is not taken for the new ones.
    super::search::apply(app, Default::default());
    super::filter::set_filter(app, "").into_iter().collect()
}

/// The paragraph under the reading cursor, if it is on a text row.
pub fn cursor_para(app: &App) -> Option<usize> {
    match app.reader.layout.row(app.reader.cursor.selected)? {
        PaneRow::Text(line) => Some(line.para),
        PaneRow::Blank => None,
    }
}

/// Widest key column the help gives room to.
const HELP_KEY_WIDTH: usize = 14;
/// Description width the help counts its columns at; room left over widens descriptions.
const HELP_TEXT_WIDTH: usize = 24;

/// The help overlay laid out for a screen: its lines (keys, what they do), in as many
/// columns as fit side by side, and how far it can scroll when they do not fit in height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    /// Keys and description, column by column.
    pub lines: Vec<(String, &'static str)>,
    /// Width of the keys column.
    pub key_width: usize,
    /// Width of the description column.
    pub text_width: usize,
    /// Columns of lines side by side.
    pub columns: usize,
    /// Lines in one column.
    pub rows: usize,
    /// Lines of a column shown at once.
    pub visible: usize,
}

impl HelpPage {
    /// The help for a screen of `width` x `height` cells (the box's borders included).
    pub fn new(app: &App, width: u16, height: u16) -> HelpPage {
        let lines = help_lines(app);
        let widest = |f: &dyn Fn(&(String, &str)) -> usize| lines.iter().map(f).max();
        let key_width = widest(&|(k, _)| k.chars().count()).unwrap_or(0);
        let widest_text = widest(&|(_, t)| t.chars().count()).unwrap_or(0);
        let key_width = key_width.min(HELP_KEY_WIDTH);
        let inner_width = usize::from(width.saturating_sub(2));
        let fit_rows = usize::from(height.saturating_sub(2)).max(1);
        // Columns are counted at the narrow description width; what room is left over
        // then goes to descriptions, so that a single column shows them whole.
        let narrow = key_width + widest_text.min(HELP_TEXT_WIDTH) + 3;
        let fit_columns = (inner_width / narrow).max(1);
        let columns = lines.len().div_ceil(fit_rows).clamp(1, fit_columns);
        let room = (inner_width / columns).saturating_sub(key_width + 3);
        let text_width = widest_text.min(room.max(HELP_TEXT_WIDTH));
        let rows = lines.len().div_ceil(columns);
        HelpPage {
            lines,
            key_width,
            text_width,
            columns,
            rows,
            visible: rows.min(fit_rows),
        }
    }

    /// Width of one column: keys, a space, the description, two spaces.
    pub fn column_width(&self) -> usize {
        self.key_width + self.text_width + 3
    }

    /// The furthest the lines can scroll: 0 when they all fit.
    pub fn max_scroll(&self) -> usize {
        self.rows.saturating_sub(self.visible)
    }
}

/// The keymap's help lines: every action with all its keys.
fn help_lines(app: &App) -> Vec<(String, &'static str)> {
    app.keymap
        .help_entries()
        .into_iter()
        .map(|(keys, action)| (keys, action.describe()))
        .collect()
}

/// Scrolls the help overlay by `delta` lines, within what the screen leaves hidden.
pub fn scroll_help(app: &mut App, panes: &Panes, delta: isize) {
    let screen = panes.screen.union(panes.status);
    let page = HelpPage::new(app, screen.width, screen.height);
    if let super::mode::Mode::Help { scroll } = &mut app.mode {
        *scroll = scroll.saturating_add_signed(delta).min(page.max_scroll());
    }
}

/// Lines one help page scrolls by (a line of the last page stays on screen).
pub fn help_page_rows(app: &App, panes: &Panes) -> isize {
    let screen = panes.screen.union(panes.status);
    let page = HelpPage::new(app, screen.width, screen.height);
    isize::try_from(page.visible.saturating_sub(1).max(1)).unwrap_or(1)
}
