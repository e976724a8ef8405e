//! The terminal UI: a thin layer over the core. One loop: terminal event -> [`Action`] ->
//! [`update`] -> [`view::draw`].

pub mod action;
pub mod app;
pub mod facts;
pub mod keymap;
mod navigate;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

pub use action::Action;
pub use app::App;
pub use update::{Effect, prepare, update};

use crate::layout::BidiMode;

/// How long the loop waits for input before checking signals again.
const TICK: Duration = Duration::from_millis(100);

/// Runs the interactive reader until the user quits or a terminating signal arrives.
pub fn run(mut app: App) -> anyhow::Result<()> {
    let handshake = app.layout_base.bidi == BidiMode::App;
    let stop = terminal::termination_flag()?;
    terminal::install_panic_hook(handshake);
    let mut term = terminal::enter(handshake)?;
    let job = facts::ExtractionJob::start(&app.corpus);
    let result = event_loop(&mut app, &mut term, &stop, handshake, Some(job));
    terminal::leave(handshake);
    result
}

fn event_loop(
    app: &mut App,
    term: &mut terminal::Term,
    stop: &std::sync::atomic::AtomicBool,
    handshake: bool,
    mut job: Option<facts::ExtractionJob>,
) -> anyhow::Result<()> {
    while !app.quit && !stop.load(Ordering::Relaxed) {
        poll_extraction(app, &mut job);
        let size = term.size()?;
        let panes = view::panes(
            ratatui::layout::Rect::new(0, 0, size.width, size.height),
            app,
        );
        prepare(app, &panes);
        term.draw(|frame| view::draw(frame, app))?;
        if !event::poll(TICK)? {
            continue;
        }
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('z') if ctrl => terminal::suspend(term, handshake)?,
            KeyCode::Char('c') if ctrl => app.quit = true,
            _ => handle_key(app, &panes, key),
        }
    }
    Ok(())
}

/// Takes the extraction result when it is ready; meanwhile shows progress.
fn poll_extraction(app: &mut App, job: &mut Option<facts::ExtractionJob>) {
    let Some(j) = job else { return };
    match j.poll() {
        Ok(result) => {
            app.facts = app::Facts::from_extraction(&result);
            app.status = format!(
                "found {} people, places and dates",
                app.facts.entities.len()
            );
            *job = None;
        }
        Err((done, total)) => {
            app.status = format!("extracting people, places and dates… {done}/{total}")
        }
    }
}

fn handle_key(app: &mut App, panes: &view::Panes, key: event::KeyEvent) {
    let k = keymap::Key::from_event(&key);
    match app.keymap.action(k) {
        Some(action) => {
            update(app, action, panes);
        }
        None => {
            let help = app.keymap.key_for(Action::Help).unwrap_or_default();
            app.status = format!("{} is not bound ({help} shows the keys)", k.label());
        }
    }
}
