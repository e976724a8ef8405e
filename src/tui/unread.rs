//! `J`/`K`: the next or previous unread document in list order, opened (newsboat's and
//! mutt's "next new" habit).

use super::app::{App, Focus};
use super::effect::Effect;
use super::update::open_doc;

/// Opens the nearest unread document in list order, wrapping around the list. `J` starts
/// at the list cursor's own document when it is unread and not the one being read (at
/// start, or after moving the cursor, the unread document in front of the user comes
/// first); `K` looks before the cursor, its own document last.
pub fn open_unread(app: &mut App, forward: bool) -> Vec<Effect> {
    app.triage.sync(&app.state, &app.corpus.docs);
    let Some(pos) = find_unread(app, forward) else {
        app.status.say("no unread document in the list");
        return Vec::new();
    };
    let Some(&doc) = app.list.order().get(pos) else {
        return Vec::new();
    };
    app.list.select_row(pos);
    app.focus = Focus::Reader;
    open_doc(app, doc)
}

/// The list position of the nearest unread document, if any (the triage table in step).
fn find_unread(app: &App, forward: bool) -> Option<usize> {
    let len = app.list.order().len();
    let from = app.list.cursor().selected.min(len.saturating_sub(1));
    let reading = |pos: usize| {
        app.focus == Focus::Reader && app.list.order().get(pos) == Some(&app.reader.doc)
    };
    let unread = |pos: &usize| {
        app.list
            .order()
            .get(*pos)
            .is_some_and(|&d| !app.triage.get(d).read())
    };
    let mut order: Box<dyn Iterator<Item = usize>> = match (forward, reading(from)) {
        (true, false) => Box::new((from..len).chain(0..from)),
        (true, true) => Box::new((from + 1..len).chain(0..=from)),
        (false, _) => Box::new((0..from).rev().chain((from..len).rev())),
    };
    order.find(unread)
}
