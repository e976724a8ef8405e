//! Marking documents in the list (`Space`, `*`), as mutt tags messages: the triage keys
//! (star, archive, relevance, read, tag) then act on every marked document at once, as one
//! change that one `u` undoes. Esc clears the marks.

use super::action::Action;
use super::app::{App, Focus};
use super::status::counted;
use super::view::Panes;

/// Marks or unmarks the document under the list cursor, then moves down a row.
pub fn mark(app: &mut App, panes: &Panes) {
    if app.focus != Focus::List {
        app.status
            .say("marking works in the document list (Tab to it)");
        return;
    }
    let Some(doc) = app.selected_doc() else {
        return;
    };
    app.list.toggle_mark(doc);
    app.list.move_by(1, panes.list_height());
    say_marked(app);
}

/// Marks every listed document; when all are marked already, clears the marks.
pub fn mark_all(app: &mut App) {
    app.focus = Focus::List;
    app.list.toggle_mark_all();
    say_marked(app);
}

/// Says how many documents are marked and what acts on them.
fn say_marked(app: &mut App) {
    let n = app.list.marked().len();
    if n == 0 {
        app.status.say("no document marked");
        return;
    }
    let key = |a| app.keymap.key_for(a).unwrap_or_default();
    let keys = [
        Action::Star,
        Action::Archive,
        Action::Relevance,
        Action::ToggleRead,
        Action::Tag,
    ]
    .map(key)
    .join(" ");
    let cancel = key(Action::Cancel);
    let docs = counted(n, "document");
    app.status.say(format!(
        "{docs} marked: {keys} act on all · {cancel} clears"
    ));
}
