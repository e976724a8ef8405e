//! Keys that act on what the screen shows (issue 12): `n`/`N` and Enter on an entity put the
//! caret on the mention they show; prompts are line editors (readline keys, history, Esc and
//! Ctrl-C cancel); a rejected entity leaves the panel, and `x` there rejects it; loading and
//! extracting say so, and a dead extraction says so instead of counting forever.

#![cfg(feature = "tui")]

mod common;
#[path = "tui_prompt_and_panel/panel.rs"]
mod panel;

use common::tui::Harness;
use okur::store::{Decision, Label};
use okur::tui::app::{App, Focus};
use okur::tui::facts::ExtractionJob;

/// The seeds, extracted, over a fresh store, searching on this thread.
fn seeds() -> Harness {
    Harness::seeds().store().extracted().start()
}

/// Bug 1: the keys of the issue, on the seeds. Each jump puts the caret on the start of the
/// mention it shows, so `a` accepts that mention and no other.
#[test]
fn n_and_enter_on_an_entity_put_the_caret_on_the_mention_shown() {
    let mut case = seeds();
    case.keys("j Enter Tab j Enter");
    let app = case.app();
    let entity = app.panel.selected().expect("Enter selected an entity");
    let doc = app.reader.doc;
    let starts: Vec<(usize, usize)> = app
        .open_mentions()
        .filter(|m| m.entity() == entity)
        .map(|m| (m.start(), m.end()))
        .collect();
    assert!(
        starts.len() >= 2,
        "the entity is mentioned twice: {starts:?}"
    );
    assert_eq!(app.reader.caret, starts[0].0, "Enter: on the first mention");
    case.keys("S-Tab n");
    assert_eq!(
        case.app().reader.caret,
        starts[1].0,
        "n: on the next mention"
    );
    case.keys("N");
    assert_eq!(case.app().reader.caret, starts[0].0, "N: back on the first");
    case.keys("n n a");
    let (start, end) = starts[2 % starts.len()];
    assert_eq!(case.app().reader.caret, start, "n n: two mentions on");
    let text = &case.app().corpus.docs[doc]
        .text_in(start..end)
        .expect("in the text");
    assert!(
        case.app()
            .status
            .text()
            .contains(&format!("accepted {text} ")),
        "a accepts the mention shown ({text}): {}",
        case.app().status
    );
}

/// Enter on an entity the open document does not mention opens the first document in list
/// order that does, the caret on its first mention there, and says so.
#[test]
fn enter_on_an_entity_mentioned_elsewhere_opens_its_first_mention() {
    let mut case = seeds();
    // Sorted by title, the list is not in corpus order.
    case.keys("o o Enter Tab");
    assert_eq!(case.app().focus, Focus::Entities);
    let app = case.app();
    let open = app.reader.doc;
    let first_in = |doc: usize, row: usize| {
        app.facts
            .mentions(doc)
            .filter(|m| m.entity() == row)
            .map(|m| m.start())
            .min()
    };
    let (pos, row) = app
        .panel
        .order()
        .iter()
        .enumerate()
        .find(|&(_, &row)| first_in(open, row).is_none())
        .map(|(pos, &row)| (pos, row))
        .expect("an entity the first document does not mention");
    let (doc, start) = app
        .list
        .order()
        .iter()
        .find_map(|&doc| Some((doc, first_in(doc, row)?)))
        .expect("a listed document mentions it");
    let name = app.facts.entities[row].name.clone();
    let path = app.corpus.docs[doc].path.clone();
    case.app_mut().panel.select_row(pos);
    case.keys("Enter");
    let app = case.app();
    assert_eq!(app.reader.doc, doc, "{name}: opened {path}");
    assert_eq!(app.reader.caret, start, "the caret on its first mention");
    assert_eq!(app.panel.selected(), Some(row));
    assert_eq!(app.list.order().get(app.list.cursor().selected), Some(&doc));
    let file = path.rsplit('/').next().unwrap_or(&path);
    let said = format!(" in {file} (none in the one open before), ");
    assert!(
        case.status().starts_with(&format!("{name}: ")),
        "{}",
        case.status()
    );
    assert!(case.status().contains(&said), "{}", case.status());
    assert!(case.app().state.doc(&case.app().corpus.docs[doc].key).read);
}

/// The open prompt's text.
fn line(case: &Harness) -> String {
    case.app()
        .mode
        .prompt()
        .map(|p| p.text().to_string())
        .unwrap_or_default()
}

/// Bug 4: readline's keys edit the line instead of typing their letters; Enter saves it.
#[test]
fn prompt_keys_edit_the_line() {
    let mut case = seeds();
    case.keys("Enter m").type_text("ankara suriye");
    let steps = [
        ("C-w", "ankara "),
        ("C-a", "ankara "),
        ("C-e C-h", "ankara"),
        ("← ← C-k", "anka"),
        ("← C-u", "a"),
        ("End Bksp", ""),
    ];
    for (keys, expected) in steps {
        case.keys(keys);
        assert_eq!(line(&case), expected, "after {keys}");
    }
    case.type_text("nto").keys("Home → Del ← C-d");
    assert_eq!(line(&case), "o", "Home → Del ← C-d");
    case.type_text("y").keys("C-e").type_text("k").keys("Enter");
    let key = case.app().corpus.docs[case.app().reader.doc].key.clone();
    assert_eq!(
        case.app().state.doc(&key).note,
        "yok",
        "{}",
        case.app().status
    );
}

/// Bug 4: Esc and Ctrl-C close a prompt without saving; Ctrl-C does not quit from one.
#[test]
fn esc_and_ctrl_c_cancel_a_prompt() {
    let mut case = seeds();
    case.keys("Enter m").type_text("yarım").keys("C-c");
    assert!(
        case.app().mode.prompt().is_none(),
        "Ctrl-C closed the prompt"
    );
    assert!(!case.quitting(), "and did not quit");
    let key = case.app().corpus.docs[case.app().reader.doc].key.clone();
    assert_eq!(case.app().state.doc(&key).note, "");
    case.keys("/").type_text("ankara").keys("C-c");
    assert!(case.app().mode.prompt().is_none());
    assert_eq!(
        case.app().list.filter_text(),
        "",
        "the filter is cleared as Esc clears it"
    );
    case.keys("m").type_text("yok").keys("Esc");
    assert!(case.app().mode.prompt().is_none());
    assert_eq!(case.app().state.doc(&key).note, "");
}

/// Bug 4: `↑`/`↓` walk back through what was entered in the same kind of prompt, and
/// forward again to the line being typed.
#[test]
fn up_and_down_recall_the_prompts_history() {
    let mut case = seeds();
    case.keys("Enter t").type_text("suriye").keys("Enter");
    case.keys("t").type_text("ab").keys("↑");
    assert_eq!(line(&case), "suriye");
    case.keys("↓");
    assert_eq!(line(&case), "ab");
    case.keys("Esc m ↑");
    assert_eq!(line(&case), "", "the note prompt has its own history");
}

/// The status row's cells: symbols, and whether each is drawn reversed.
fn status_cells(case: &mut Harness) -> Vec<(String, bool)> {
    use ratatui::style::Modifier;
    let buf = case.buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width)
        .map(|x| {
            let cell = &buf[(x, y)];
            let reversed = cell.style().add_modifier.contains(Modifier::REVERSED);
            (cell.symbol().to_string(), reversed)
        })
        .collect()
}

/// Bug 4: the prompt draws its caret where it is: on the cell that shows the caret's
/// character in the laid-out text (the status line is reversed, the caret not), and as a
/// block after the text at its end. In Arabic, the first letter is at the right.
#[test]
fn the_prompt_draws_its_caret_in_the_laid_out_text() {
    let mut case = seeds();
    case.keys("/").type_text("abc");
    let cells = status_cells(&mut case);
    assert_eq!(cells[4].0, "█", "at the end: a block after the text");
    case.keys("← ←");
    let cells = status_cells(&mut case);
    let shown: String = cells.iter().take(5).map(|c| c.0.as_str()).collect();
    assert_eq!(shown, "/abc ", "no block inside the text");
    let plain: Vec<usize> = (0..10).filter(|&x| !cells[x].1).collect();
    assert_eq!(plain, [2], "the caret is on b");
    case.keys("C-u").type_text("لافروف").keys("Home");
    let cells = status_cells(&mut case);
    let shown: String = cells.iter().take(7).map(|c| c.0.as_str()).collect();
    assert_eq!(shown, "/فورفال");
    let plain: Vec<usize> = (0..10).filter(|&x| !cells[x].1).collect();
    assert_eq!(plain, [6], "the caret is on ل, drawn rightmost");
}

/// Bug 4, in the real loop: Ctrl-C with a prompt open closes the prompt and okur goes on;
/// with none open it quits.
#[test]
fn ctrl_c_in_a_prompt_cancels_it_and_okur_goes_on() {
    if !common::tmux_available() {
        return;
    }
    let store = tempfile::tempdir().expect("temp dir");
    let command = format!(
        "{} --store {}/j.jsonl",
        common::okur(),
        store.path().display()
    );
    let t = common::Tmux::start(&command, 100, 30);
    t.wait_for("Documents");
    t.send(&["Enter", "m", "y", "a", "r", "C-c"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!t.exit_file.exists(), "Ctrl-C in the prompt quit okur");
    let screen = t.capture();
    assert!(
        !screen.contains("note: yar"),
        "the prompt is closed:\n{screen}"
    );
    t.send(&["C-c"]);
    assert_eq!(t.wait_exit(), Some(0));
}
