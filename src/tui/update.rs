//! `update`: the only place the app's state changes. Pure: every input and every result of
//! outside work arrives as a [`Msg`]; what should happen outside (saving, searching,
//! quitting) goes back as [`Effect`]s for the session to carry out.

use super::action::Action;
use super::app::{App, Focus};
use super::effect::Effect;
use super::key::{Key, KeyCode};
use super::mode::Mode;
use super::moves::{self, navigate_action};
use super::msg::Msg;
use super::view::Panes;
use super::{annotate, arrive, navigate, triage};

pub use super::moves::{open_doc, opened_message, prepare, sort};

/// Applies one message to the app, given the current pane geometry.
pub fn update(app: &mut App, msg: Msg, panes: &Panes) -> Vec<Effect> {
    let doc = app.reader.doc;
    let effects = match msg {
        Msg::Key(key) => on_key(app, key, panes),
        Msg::Action(action) => act(app, action, panes),
        Msg::Paste(text) => super::input::paste(app, &text, panes),
        Msg::Mouse(mouse) => super::mouse::mouse(app, mouse, panes),
        Msg::Resize => vec![Effect::Resized],
        other => arrive::arrive(app, other),
    };
    if app.reader.doc != doc {
        // Another document: its own spans; a find was for the one left.
        app.find = None;
        annotate::refresh_spans(app);
        super::team::refresh(app);
    }
    effects
}

/// A key, through the keys of the mode that is on. Suspend and redraw work in every mode.
fn on_key(app: &mut App, key: Key, panes: &Panes) -> Vec<Effect> {
    match app.keymap.action(key) {
        Some(Action::Suspend) => return vec![Effect::Suspend],
        Some(Action::Redraw) => return vec![Effect::Redraw],
        _ => {}
    }
    match app.mode {
        Mode::Confirm(_) => {
            let yes = matches!(key.code, KeyCode::Char('y' | 'Y')) && !key.is_command();
            annotate::answer(app, yes)
        }
        Mode::Prompt(_) => super::input::prompt_key(app, key, panes),
        Mode::Help { .. } | Mode::Normal => match app.keymap.action(key) {
            Some(action) => act(app, action, panes),
            None => {
                unbound(app, key);
                Vec::new()
            }
        },
    }
}

/// Says that a key does nothing, and where the keys are listed.
fn unbound(app: &mut App, key: Key) {
    if key.code == KeyCode::Other {
        return;
    }
    let help = app.keymap.key_for(Action::Help).unwrap_or_default();
    app.status.say(format!(
        "{} is not bound ({help} shows the keys)",
        key.label()
    ));
}

/// Applies one action (from a key bound to it, or named by a test).
pub fn act(app: &mut App, action: Action, panes: &Panes) -> Vec<Effect> {
    if app.mode.is_help() {
        help_action(app, action, panes);
        return Vec::new();
    }
    match action {
        // With one pane shown, `q` closes the article (or panel) view, as in mutt and tig.
        Action::Quit if app.focus != Focus::List && panes.list.is_none() => back_to_list(app),
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::Redraw => return vec![Effect::Redraw],
        Action::Open => return moves::open(app, panes),
        Action::Undo => return vec![Effect::Undo],
        Action::CycleDisplay => return vec![Effect::Display(moves::cycle_display(app))],
        Action::Redo => return vec![Effect::Redo],
        Action::Copy => return super::copy::copy(app),
        Action::CopyUrl => return super::copy::copy_url(app),
        Action::FetchFeeds => return super::fetching::start(app),
        Action::Reload => return super::reload::request(app),
        Action::NextUnread => return super::unread::open_unread(app, true),
        Action::PrevUnread => return super::unread::open_unread(app, false),
        Action::Select
        | Action::LabelPerson
        | Action::LabelPlace
        | Action::LabelDate
        | Action::LabelCustom(_)
        | Action::LabelEverywhere
        | Action::RemoveSpan
        | Action::Accept
        | Action::Reject
        | Action::AcceptAll => return annotate::annotate(app, action),
        Action::Star
        | Action::Archive
        | Action::Relevance
        | Action::ToggleRead
        | Action::Tag
        | Action::Note => return triage::triage(app, action),
        Action::Filter => triage::open_filter(app),
        Action::Find => return super::find::open(app),
        Action::Mark => super::marking::mark(app, panes),
        Action::MarkAll => super::marking::mark_all(app),
        // A message stays until the next one or Esc: after Esc, nothing stale is left.
        Action::Cancel => {
            app.status.clear();
            return navigate::clear(app);
        }
        _ => {
            let caret = app.reader.caret;
            navigate_action(app, action, panes);
            if app.focus == Focus::Reader && moves_caret(action) {
                annotate::say_span_under_caret(app, caret);
            }
        }
    }
    Vec::new()
}

/// The keys that move the caret in the text.
fn moves_caret(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Left | Right | WordNext | WordPrev | SentenceNext | SentencePrev | Up | Down
    )
}

/// Leaves the single pane shown for the list, saying how to quit from there.
fn back_to_list(app: &mut App) {
    app.focus = Focus::List;
    let quit = app.keymap.key_for(Action::Quit).unwrap_or_default();
    app.status.say(format!("document list ({quit} here quits)"));
}

/// While the help is open, keys close or scroll it and do nothing else.
fn help_action(app: &mut App, action: Action, panes: &Panes) {
    let page = navigate::help_page_rows(app, panes);
    match action {
        // `q` and Ctrl-C close the help, as they close less: a second one quits.
        Action::Help | Action::Cancel | Action::Quit => app.mode = Mode::Normal,
        Action::Down => navigate::scroll_help(app, panes, 1),
        Action::Up => navigate::scroll_help(app, panes, -1),
        Action::PageDown => navigate::scroll_help(app, panes, page),
        Action::PageUp => navigate::scroll_help(app, panes, -page),
        Action::Top => navigate::scroll_help(app, panes, isize::MIN / 2),
        Action::Bottom => navigate::scroll_help(app, panes, isize::MAX / 2),
        _ => {}
    }
}
