//! The terminal UI: a thin layer over the core. One loop: terminal event -> [`Action`] ->
//! [`update`] -> [`view::draw`].

pub mod action;
mod annotate;
pub mod app;
pub mod caret;
pub mod check;
mod copy;
pub mod display;
pub mod facts;
pub mod filter;
mod input;
pub mod keymap;
pub mod line_editor;
pub mod loading;
mod navigate;
pub mod notices;
pub mod probe;
pub mod ranges;
pub mod search;
pub mod session;
mod terminal;
pub mod theme;
mod triage;
mod unread;
pub mod update;
pub mod view;
mod watchdog;

use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

pub use action::Action;
pub use app::App;
pub use update::{Effect, prepare, update};

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

/// How long the loop waits for input before checking signals again.
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
    if display.needs_check() {
        first_run_check(&mut app, &mut display, &stop)?;
    }
    let mut handshake = display.handshake();
    app.loading = loader.is_some();
    let mut session = session::Session::new(app, store);
    session.set_display(display);
    let mut background = Background {
        loader,
        extraction: None,
    };
    if background.loader.is_none() {
        background.extraction = Some(facts::ExtractionJob::start(&session.app.corpus));
        session.search_in_background();
    }
    let mut term = terminal::enter(&handshake)?;
    let watchdog = watchdog::Watchdog::start(std::sync::Arc::clone(&stop));
    let result = event_loop(
        &mut session,
        &mut term,
        &stop,
        &mut handshake,
        &mut background,
    );
    drop(watchdog);
    terminal::leave();
    terminal::print_deferred_panics();
    notices::print_after_exit(&session.app.notices);
    result
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
        app.status = message;
    }
    Ok(())
}

/// Work running off the UI thread: the full corpus load, then extraction.
struct Background {
    loader: Option<loading::CorpusLoader>,
    extraction: Option<facts::ExtractionJob>,
}

fn event_loop(
    session: &mut session::Session,
    term: &mut terminal::Term,
    stop: &std::sync::atomic::AtomicBool,
    handshake: &mut Handshake,
    background: &mut Background,
) -> anyhow::Result<()> {
    while !session.app.quit && !stop.load(Ordering::Relaxed) {
        if let Err(err) = turn(session, term, handshake, background) {
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

/// One turn of the loop: take background results, draw, handle at most one key.
fn turn(
    session: &mut session::Session,
    term: &mut terminal::Term,
    handshake: &mut Handshake,
    background: &mut Background,
) -> std::io::Result<()> {
    poll_extraction(session, &mut background.extraction);
    session.poll_search();
    let size = term.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let panes = view::panes(area, &session.app);
    prepare(&mut session.app, &panes);
    term.draw(|frame| view::draw(frame, &session.app))?;
    // After the draw: the first call starts the full load once the titles are on screen.
    poll_loader(session, background);
    if !event::poll(TICK)? {
        return Ok(());
    }
    let key = match event::read()? {
        Event::Key(key) => key,
        Event::Resize(..) => return terminal::after_resize(handshake),
        _ => return Ok(()),
    };
    if key.kind != KeyEventKind::Press {
        return Ok(());
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('z') if ctrl => terminal::suspend(term, handshake)?,
        // A screen garbled by another program, or a terminal whose bidi mode was reset
        // behind okur's back: the whole handshake again, and every cell drawn anew.
        KeyCode::Char('l') if ctrl => terminal::retune(term, handshake)?,
        // With a prompt open, Ctrl-C cancels the prompt (the prompt's keys handle it).
        KeyCode::Char('c') if ctrl && session.app.input.is_none() => session.app.quit = true,
        _ => session.key(key, &panes),
    }
    if let Some(text) = session.take_copy() {
        use std::io::Write;
        let mut out = std::io::stdout();
        out.write_all(crate::display::osc52(&text).as_bytes())?;
        out.flush()?;
    }
    if let Some(new) = session.take_retune() {
        terminal::retune(term, &new)?;
        *handshake = new;
    }
    Ok(())
}

/// Swaps the full documents in when they are loaded, then starts extraction over them.
fn poll_loader(session: &mut session::Session, background: &mut Background) {
    let Some(result) = background.loader.as_mut().and_then(|l| l.poll()) else {
        return;
    };
    background.loader = None;
    match result {
        Ok(report) => {
            session.replace_corpus(report);
            background.extraction = Some(facts::ExtractionJob::start(&session.app.corpus));
        }
        // The stand-ins stay, read-only: the user sees why.
        Err(msg) => session.app.status = format!("loading failed: {msg}; nothing will be saved"),
    }
}

/// Takes the extraction result when it is ready; meanwhile shows progress.
fn poll_extraction(session: &mut session::Session, job: &mut Option<facts::ExtractionJob>) {
    facts::poll(session, job);
}
