//! Damage a hostile pass found that the other hardening tests did not cover (issue 13):
//! each case once failed (a hang, a wrong message) and must now give a clear answer.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

#[cfg(feature = "tui")]
mod common;

/// A 50 MB note (one journal line, hand-edited or damaged) on the open document: the
/// reader drew it by joining and measuring all of it on every frame, seconds a key. Only
/// the start a row can show is taken now, so a frame allocates far less than the note.
#[cfg(feature = "tui")]
#[test]
fn a_note_of_fifty_megabytes_is_drawn_from_its_start() {
    use common::tui::Harness;
    use okur::store::Change;
    use okur::tui::Action;

    let note = "not ".repeat(12_500_000);
    let mut h = Harness::texts(&["Başlık\n\nMetin burada.\n"])
        .no_search()
        .start();
    let doc = h.app().corpus.docs[0].key.clone();
    std::sync::Arc::make_mut(&mut h.app_mut().state).apply(&Change::Note { doc, value: note });
    h.update(&[Action::Open]);
    let _one = counting_alloc::one_at_a_time();
    let (screen, m) = counting_alloc::measure(|| common::tui::buffer_text(&h.buffer()));
    assert!(screen.contains("✎ not not"), "{screen}");
    assert!(screen.contains('…'), "the note is cut: {screen}");
    assert!(
        m.peak < 4_000_000,
        "a frame allocated {} bytes for a 50 MB note",
        m.peak
    );
}
