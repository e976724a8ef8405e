//! `J`/`K`: the next or previous unread document in list order, opened (newsboat's and
//! mutt's "next new" habit).

use super::app::{App, Focus};
use super::effect::Effect;
use super::update::open_doc;

/// Opens the nearest unread document after (or before) the list cursor, wrapping around the
/// list; the cursor's own document comes last, so a lone unread document under it opens too.
pub fn open_unread(app: &mut App, forward: bool) -> Vec<Effect> {
    let Some(pos) = find_unread(app, forward) else {
        app.status.say("no unread document in the list");
        return Vec::new();
    };
    let Some(&doc) = app.order.get(pos) else {
        return Vec::new();
    };
    app.list.selected = pos;
    app.focus = Focus::Reader;
    open_doc(app, doc)
}

/// The list position of the nearest unread document, if any.
fn find_unread(app: &App, forward: bool) -> Option<usize> {
    let len = app.order.len();
    let from = app.list.selected.min(len.saturating_sub(1));
    let unread = |pos: &usize| app.order.get(*pos).is_some_and(|&d| !app.doc_state(d).read);
    let mut order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((from + 1..len).chain(0..from))
    } else {
        Box::new((0..from).rev().chain((from + 1..len).rev()))
    };
    order.find(unread).or_else(|| Some(from).filter(unread))
}
