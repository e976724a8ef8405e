//! Issue 12, bugs 2, 7 and 8: a label key labels the occurrence under the caret and nothing
//! else, `L` labels every occurrence after a y/n question that says how many, `D` removes
//! whatever the user made or accepted there, and the exports show exactly that; tags and
//! notes are shown (list, reading pane) and filtered (`%tag:"two words"`, `!%star`); the
//! status line keeps `· saved`, fits the notice summary, clears on Esc, shows the filter in
//! force and lays a right-to-left title out right to left. Labels on the user's own spans
//! replace them or are refused, deciding on every form of an entity is one step, and the
//! status line's messages read naturally (counts of one, undo and redo, `B`).

#![cfg(feature = "tui")]

mod common;
#[path = "tui_labels_and_status/labels.rs"]
mod labels;
#[path = "tui_labels_and_status/messages.rs"]
mod messages;
#[path = "tui_labels_and_status/own_spans.rs"]
mod own_spans;
#[path = "tui_labels_and_status/status.rs"]
mod status;
#[path = "tui_labels_and_status/tags_and_notes.rs"]
mod tags_and_notes;

use std::path::Path;

use common::tui::Harness;
use okur::tui::caret;

/// Puts the reading pane's caret on byte `offset` of the open document.
fn caret_at(h: &mut Harness, offset: usize) {
    let panes = h.prepare();
    caret::set_caret(&mut h.session.app, &panes, offset);
    assert_eq!(
        h.app().reader.caret,
        offset,
        "the caret is where the test put it"
    );
}

/// What `okur export --format jsonl` prints for the bundled seeds and the journal at
/// `journal`, one JSON value a line (spans and triage lines alike).
fn export_seeds(journal: &Path) -> Vec<serde_json::Value> {
    let out = assert_cmd::Command::cargo_bin("okur")
        .expect("the okur binary")
        .env_remove("OKUR_STORE")
        .args(["export", "--format", "jsonl", "--store"])
        .arg(journal)
        .output()
        .expect("okur export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 export")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The exported spans of kind `kind`, as (document, start, text, source).
fn exported(journal: &Path, kind: &str) -> Vec<(String, u64, String, String)> {
    export_seeds(journal)
        .into_iter()
        .filter(|l| l["kind"] == kind)
        .map(|l| {
            let s = |k: &str| l[k].as_str().unwrap_or_default().to_string();
            (
                s("doc"),
                l["start"].as_u64().unwrap_or(u64::MAX),
                s("text"),
                s("source"),
            )
        })
        .collect()
}
