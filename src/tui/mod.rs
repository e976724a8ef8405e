//! The terminal UI: a thin layer over the core. One loop: a terminal event becomes a
//! [`Msg`] at the edge, [`update`] applies it and returns [`Effect`]s, the session carries
//! them out (what they produce comes back as messages), and [`view::draw`] draws the app.

pub mod action;
mod annotate;
pub mod app;
mod arrive;
pub mod caret;
pub mod check;
mod copy;
pub mod display;
pub mod doc_list;
mod edge;
pub mod effect;
pub mod entity_panel;
pub mod facts;
mod feed_work;
pub mod fetching;
pub mod filter;
pub mod find;
mod held_facts;
pub mod inbox;
pub mod input;
mod input_filter;
mod input_parse;
mod input_reader;
pub mod jobs;
pub mod key;
pub mod keymap;
pub mod line_editor;
pub mod list_filter;
pub mod loading;
mod marking;
pub mod mode;
mod mouse;
mod moves;
pub mod msg;
mod navigate;
pub mod notices;
mod packed_mentions;
pub mod place;
pub mod probe;
pub mod ranges;
pub mod reload;
pub mod rows;
pub mod search;
mod search_answer;
pub mod session;
pub mod status;
pub mod team;
#[cfg(feature = "team")]
pub mod team_feed;
mod team_view;
mod terminal;
pub mod theme;
mod triage;
mod unread;
pub mod update;
pub mod view;
mod watchdog;

use std::sync::atomic::Ordering;
use std::time::Duration;

pub use action::Action;
pub use app::App;
pub use effect::Effect;
pub use msg::Msg;
pub use terminal::use_mouse;
pub use update::{prepare, update};

use crate::display::Handshake;

/// True when the reader can run here: standard output is a terminal, and so is standard
/// input or the controlling terminal (`okur -` reads the document from a pipe and the keys
/// from `/dev/tty`).
pub fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
        && (std::io::stdin().is_terminal()
            || std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")
                .is_ok())
}

/// How long the loop waits for input or an answer before checking signals and the slower
/// background work (extraction progress, the full load) again. Input and search answers
/// wake it at once (see [`inbox`]).
const TICK: Duration = Duration::from_millis(40);

/// Runs the interactive reader until the user quits or a terminating signal arrives. Every
/// change is already on disk when the UI says "saved", so a signal just ends the loop.
/// With a `loader`, the app holds title-only stand-ins until the full documents arrive.
pub fn run(
    mut app: App,
    store: Option<crate::store::Store>,
    loader: Option<loading::CorpusLoader>,
    mut display: display::DisplayControl,
) -> anyhow::Result<()> {
    let stop = terminal::termination_flag()?;
    terminal::install_panic_hook();
    terminal::install_abort_handler()?;
    // Watched from the first question on: a terminal that hangs up while the display check
    // waits for its answer leaves crossterm retrying the dead read, as it would in the loop.
    let release = store.as_ref().map(crate::store::Store::release_handle);
    let watchdog = watchdog::Watchdog::start(std::sync::Arc::clone(&stop), release);
    if display.needs_check() {
        first_run_check(&mut app, &mut display, &stop)?;
    }
    let mut handshake = display.handshake();
    let mut late = display.take_late();
    let mut session = session::Session::new(app, store);
    let mut inbox = inbox::Inbox::new();
    session.set_waker(inbox.waker());
    session.run_in_background(loader);
    if let Some(late) = late.as_mut() {
        late.probe.release_terminal();
    }
    let mut term = terminal::enter(&handshake)?;
    if let Some(late) = late
        && let Err(err) =
            take_late_answer(&mut session, &mut term, &mut display, late, &mut handshake)
    {
        // A terminal that hung up under the first frame: given back all the same.
        drop(watchdog);
        terminal::leave();
        terminal::forget(term);
        return match watchdog::terminal_gone() || hung_up(&err) {
            true => Ok(()),
            false => Err(err.into()),
        };
    }
    session.set_display(display);
    inbox.read_terminal();
    let result = event_loop(&mut session, &mut term, &inbox, &stop, &mut handshake);
    if let Err(err) = session.remember_place() {
        let why = format!("where you were is not remembered: {err}");
        session.app.notices.push(why);
    }
    drop(watchdog);
    // The input thread is told to stop before the terminal is given back, so that it
    // reads no key meant for the shell.
    drop(inbox);
    terminal::leave();
    terminal::forget(term);
    terminal::print_deferred_panics();
    notices::print_after_exit(&session.app.notices);
    result
}

/// Draws the first frame, then takes the terminal's late answers (before any key is
/// read, so none is taken for a key): a terminal they name gets its own mode, and the
/// next frame is drawn in it.
fn take_late_answer(
    session: &mut session::Session,
    term: &mut terminal::Term,
    display: &mut display::DisplayControl,
    late: display::LateAnswer,
    handshake: &mut Handshake,
) -> std::io::Result<()> {
    let panes = panes_now(session, term)?;
    prepare(&mut session.app, &panes);
    term.draw(|frame| view::draw(frame, &session.app))?;
    let Some(resolved) = late.resolve() else {
        return Ok(());
    };
    session.app.set_display_mode(resolved.mode);
    display.adopt(resolved);
    let new = display.handshake();
    if new != *handshake {
        terminal::retune(term, &new)?;
        *handshake = new;
    }
    Ok(())
}

/// Asks the two questions of the display check (an unrecognised terminal, nothing in the
/// config), in explicit bidi mode so that okur's own order shows as okur sent it; takes and
/// remembers the answer, or says how to decide later.
fn first_run_check(
    app: &mut App,
    display: &mut display::DisplayControl,
    stop: &std::sync::atomic::AtomicBool,
) -> std::io::Result<()> {
    let probe = Handshake {
        explicit_bidi: true,
        mlterm_ctl_off: false,
    };
    let mut term = terminal::enter(&probe)?;
    let base = app.display_mode();
    let answer = check::ask(&mut term, stop, &display.term_name(), base);
    terminal::leave();
    terminal::forget(term);
    let message = match answer? {
        Some(mode) => {
            app.set_display_mode(mode);
            let said = display.change(mode);
            display.take_retune();
            format!("display: {}{said} · T cycles", mode.short())
        }
        None => "display check skipped: T cycles who reorders and shaping".to_string(),
    };
    if app.status.is_empty() {
        app.status.say(message);
    }
    Ok(())
}

fn event_loop(
    session: &mut session::Session,
    term: &mut terminal::Term,
    inbox: &inbox::Inbox,
    stop: &std::sync::atomic::AtomicBool,
    handshake: &mut Handshake,
) -> anyhow::Result<()> {
    while !session.quitting() && !stop.load(Ordering::Relaxed) {
        if let Err(err) = turn(session, term, inbox, handshake) {
            // A dropped link hangs the terminal up (so this draw or read failed) and then
            // sends SIGHUP, in that order: either sign means the same clean exit.
            if stop.load(Ordering::Relaxed) || watchdog::terminal_gone() || hung_up(&err) {
                return Ok(());
            }
            return Err(err.into());
        }
    }
    Ok(())
}

/// True for the errors a hung-up terminal gives before SIGHUP arrives (EIO on read or write,
/// ENXIO, ENOTTY; the same numbers on Linux and the BSDs): the link is gone, not broken.
fn hung_up(err: &std::io::Error) -> bool {
    matches!(err.raw_os_error(), Some(5 | 6 | 25)) || err.kind() == std::io::ErrorKind::BrokenPipe
}

/// One turn of the loop: take background results, draw, wait for the next event or answer
/// and handle at most one event.
fn turn(
    session: &mut session::Session,
    term: &mut terminal::Term,
    inbox: &inbox::Inbox,
    handshake: &mut Handshake,
) -> std::io::Result<()> {
    let panes = panes_now(session, term)?;
    session.poll(&panes);
    prepare(&mut session.app, &panes);
    term.draw(|frame| view::draw(frame, &session.app))?;
    // After the draw: the first call starts the full load once the titles are on screen.
    session.poll_loader(&panes);
    let event = match inbox.next(TICK) {
        // Nothing, or background work: the next turn polls it and draws.
        None | Some(inbox::Wake::Work) => return Ok(()),
        Some(inbox::Wake::Failed(err)) => return Err(err),
        Some(inbox::Wake::Input(event)) => event,
    };
    let Some(msg) = edge::message(event) else {
        return Ok(());
    };
    // A resize is handled over the panes of the new size.
    let panes = panes_now(session, term)?;
    session.handle(msg, &panes);
    for effect in session.take_terminal_effects() {
        for_terminal(effect, term, handshake)?;
    }
    if let Some(new) = session.take_retune() {
        terminal::retune(term, &new)?;
        *handshake = new;
    }
    Ok(())
}

/// The panes for the terminal's size now.
fn panes_now(session: &session::Session, term: &terminal::Term) -> std::io::Result<view::Panes> {
    let size = term.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    Ok(view::panes(area, &session.app))
}

/// Carries out an effect only the terminal can: the clipboard, Ctrl-Z, Ctrl-L, a resize.
fn for_terminal(
    effect: Effect,
    term: &mut terminal::Term,
    handshake: &Handshake,
) -> std::io::Result<()> {
    use std::io::Write;
    match effect {
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            out.write_all(crate::display::osc52(&text).as_bytes())?;
            out.flush()
        }
        Effect::Suspend => terminal::suspend(term, handshake),
        // A screen garbled by another program, or a terminal whose bidi mode was reset
        // behind okur's back: the whole handshake again, and every cell drawn anew.
        Effect::Redraw => terminal::retune(term, handshake),
        Effect::Resized => terminal::after_resize(handshake),
        _ => Ok(()),
    }
}
