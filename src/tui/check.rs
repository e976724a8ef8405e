//! The first-run display check, for terminals okur does not recognise (over SSH only `TERM`
//! arrives): one Arabic sentence in two orders, then in two letter forms; two keystrokes
//! tell okur who reorders and whether to shape. The answer is remembered for this `TERM`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::input_reader::DirectInput;
use super::terminal::Term;
use super::view::draw_line;
use crate::display::DisplayMode;
use crate::layout::{BidiMode, Direction, LayoutOptions, layout_line};

/// The sentence shown: words a reader knows at a glance, a bracket pair (mirrored when okur
/// reorders) and a number (left to right inside the right-to-left line).
pub const SAMPLE: &str = "قال وزير الخارجية لافروف (2020) إن المحادثات ستستمر";

/// One question of the check: a title, two renderings, and what each answer means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Which line reads right: okur's order or the terminal's.
    Order,
    /// Which line has joined letters: the terminal's forms or okur's presentation forms.
    Joining(BidiMode),
}

impl Question {
    /// The two modes the two lines are drawn in.
    pub fn options(self) -> [LayoutOptions; 2] {
        let opts = |bidi, shape| LayoutOptions {
            bidi,
            shape,
            ..LayoutOptions::new(1)
        };
        match self {
            Question::Order => [opts(BidiMode::App, false), opts(BidiMode::Terminal, false)],
            Question::Joining(bidi) => [opts(bidi, false), opts(bidi, true)],
        }
    }

    /// What the screen says above the two lines.
    pub fn prompt(self) -> [&'static str; 2] {
        match self {
            Question::Order => [
                "okur does not know this terminal. Which line reads right to left as Arabic should?",
                "(the word قال first, on the right; the number 2020 left to right)",
            ],
            Question::Joining(_) => [
                "Which line has its letters joined as in print?",
                "(if both look the same, press 1)",
            ],
        }
    }
}

/// Asks the two questions; italics and harakat stay as in `base`. `None` when the user declines (Esc, q, Ctrl-C) or a signal
/// arrives: okur then draws with the default and asks again next time.
pub fn ask(
    term: &mut Term,
    stop: &AtomicBool,
    term_name: &str,
    base: DisplayMode,
) -> std::io::Result<Option<DisplayMode>> {
    // Read through okur's input filter, as the reader reads keys: a broken paste cannot
    // hold the answer keys.
    let mut input = DirectInput::open()?;
    let Some(order) = ask_one(term, &mut input, stop, Question::Order, term_name)? else {
        return Ok(None);
    };
    let bidi = Question::Order.options()[order].bidi;
    let Some(joining) = ask_one(term, &mut input, stop, Question::Joining(bidi), term_name)? else {
        return Ok(None);
    };
    Ok(Some(DisplayMode {
        bidi,
        shape: joining == 1,
        ..base
    }))
}

/// Draws one question and waits for `1` or `2` (index 0 or 1).
fn ask_one(
    term: &mut Term,
    input: &mut DirectInput,
    stop: &AtomicBool,
    question: Question,
    term_name: &str,
) -> std::io::Result<Option<usize>> {
    loop {
        let drawn = term.draw(|frame| {
            let area = frame.area();
            draw(frame.buffer_mut(), area, question, term_name);
        });
        if let Err(err) = drawn {
            // A hung-up terminal fails the write before the read can tell.
            return hung_up(err);
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let events = match input.events(Duration::from_millis(100)) {
            Ok(events) => events,
            Err(err) => return hung_up(err),
        };
        for event in events {
            if let Some(answer) = answer_of(&event) {
                return Ok(answer);
            }
        }
    }
}

/// The terminal cannot be read or written (hung up): the watchdog sees it gone and ends okur with
/// status 0 within its grace; going on would only fail on the next draw. The error is
/// returned only if that does not come.
fn hung_up(err: std::io::Error) -> std::io::Result<Option<usize>> {
    std::thread::sleep(Duration::from_secs(3));
    Err(err)
}

/// What a key says to a question: `Some(Some(i))` option `i`, `Some(None)` declined,
/// `None` not an answer.
fn answer_of(event: &Event) -> Option<Option<usize>> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind != KeyEventKind::Press {
        return None;
    }
    match key.code {
        KeyCode::Char('1') => Some(Some(0)),
        KeyCode::Char('2') => Some(Some(1)),
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(None),
        KeyCode::Esc | KeyCode::Char('q') => Some(None),
        _ => None,
    }
}

/// The check screen: the question, the two lines in a column of their own, the keys.
pub fn draw(buf: &mut Buffer, area: Rect, question: Question, term_name: &str) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let width = usize::from(area.width.saturating_sub(2));
    let mut y = area.y;
    let say = |buf: &mut Buffer, y: &mut u16, text: &str, style: Style| {
        if *y < area.bottom() {
            buf.set_stringn(area.x + 1, *y, text, width, style);
        }
        *y += 1;
    };
    let [first, second] = question.prompt();
    say(buf, &mut y, first, bold);
    say(buf, &mut y, second, Style::new());
    y += 1;
    let line_width = width.saturating_sub(6).min(60);
    for (i, opts) in question.options().into_iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        buf.set_stringn(area.x + 2, y, format!("{}", i + 1), 1, bold);
        let opts = opts.at_width(line_width);
        if let Some(line) = layout_line(SAMPLE, &opts, Direction::Rtl) {
            let row = Rect::new(area.x + 5, y, u16::try_from(line_width).unwrap_or(0), 1);
            draw_line(buf, row, y, &line, &|_, _| Style::new());
        }
        y += 2;
    }
    say(
        buf,
        &mut y,
        "Press 1 or 2.  Esc: decide later.",
        Style::new(),
    );
    let remembered = format!(
        "The answer is remembered for TERM={term_name}; T in the reader cycles the display, okur doctor explains."
    );
    say(buf, &mut y, &remembered, Style::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(question: Question) -> Vec<String> {
        let area = Rect::new(0, 0, 100, 12);
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, question, "xterm-256color");
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn the_order_question_shows_okurs_order_then_logical_order() {
        let rows = screen(Question::Order);
        let first = rows
            .iter()
            .find(|r| r.trim_start().starts_with('1'))
            .expect("line 1");
        let second = rows
            .iter()
            .find(|r| r.trim_start().starts_with('2'))
            .expect("line 2");
        // okur's order puts the first word at the right end; logical order at the left.
        let words = |row: &str| {
            row.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        // Cells hold one letter each, left to right: okur's order spells the word backwards.
        assert_eq!(
            words(first).last().map(String::as_str),
            Some("لاق"),
            "{first}"
        );
        assert_eq!(
            words(second).get(1).map(String::as_str),
            Some("قال"),
            "{second}"
        );
        assert!(rows.iter().any(|r| r.contains("TERM=xterm-256color")));
    }

    #[test]
    fn the_joining_question_differs_only_in_letter_forms() {
        let [plain, shaped] = Question::Joining(BidiMode::App).options();
        assert_eq!((plain.bidi, shaped.bidi), (BidiMode::App, BidiMode::App));
        assert!(!plain.shape && shaped.shape);
        let rows = screen(Question::Joining(BidiMode::App));
        let second = rows
            .iter()
            .find(|r| r.trim_start().starts_with('2'))
            .expect("line 2");
        // Presentation forms (U+FE70..U+FEFF) on the shaped line only.
        assert!(
            second
                .chars()
                .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
            "{second}"
        );
        let first = rows
            .iter()
            .find(|r| r.trim_start().starts_with('1'))
            .expect("line 1");
        assert!(
            !first
                .chars()
                .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
            "{first}"
        );
    }
}
