//! The status line's prompt is drawn every frame (25 a second) whether or not anything is
//! typed, so a prompt full of text (a paste, cut at 1,000 characters) must cost a frame
//! about what a short one does. Fitting it to the line measured the text again for every
//! character cut off: with a 1,000-character paste in the filter, an idle reader took half a
//! core. The work is counted as allocations made by one frame, not timed.

#![cfg(feature = "tui")]

mod common;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use common::tui::Harness;
use okur::tui::{Msg, update};

/// The allocations of one frame with `typed` in the filter prompt, the caret at its end or
/// (with `home`) at its start. The frame before is not counted (it fills caches).
fn frame_allocations(typed: &str, home: bool) -> usize {
    let mut h = Harness::seeds().start();
    h.keys("/");
    let panes = h.prepare();
    update(&mut h.session.app, Msg::Paste(typed.to_string()), &panes);
    if home {
        h.keys("Home");
    }
    let text = h.app().mode.prompt().map(|p| p.text().to_string());
    assert_eq!(text.as_deref(), Some(typed), "the paste is in the prompt");
    h.screen();
    let (_, calls) = counting_alloc::allocations(|| h.screen());
    calls
}

#[test]
fn a_long_prompt_costs_a_frame_about_what_a_short_one_does() {
    // Latin and Arabic with harakat: clusters of several characters, both directions.
    let long: String = "Ankara'da قَالَ وزير 2020 "
        .chars()
        .cycle()
        .take(1000)
        .collect();
    for home in [false, true] {
        let short = frame_allocations("Ankara", home);
        let full = frame_allocations(&long, home);
        assert!(
            full <= short + 200,
            "a 1,000-character prompt made {full} allocations in a frame, a short one {short} \
             (caret at the {})",
            if home { "start" } else { "end" }
        );
    }
}
