//! The vocabulary of the keymap, the help overlay, the config file and the tests: every key
//! becomes one of these before anything changes.

/// A named thing the user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave okur.
    Quit,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Move down one row in the focused pane.
    Down,
    /// Move up one row in the focused pane.
    Up,
    /// Move the caret one cell left, as the eye sees it.
    Left,
    /// Move the caret one cell right, as the eye sees it.
    Right,
    /// Move the caret to the next word.
    WordNext,
    /// Move the caret to the previous word.
    WordPrev,
    /// Move the caret to the next sentence.
    SentenceNext,
    /// Move the caret to the previous sentence.
    SentencePrev,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Open the selected document (or select the entity under the cursor).
    Open,
    /// Show or hide the key help.
    Help,
    /// Close an overlay, clear a selection or filter.
    Cancel,
    /// Show or hide the entity panel.
    ToggleEntities,
    /// Flip the base direction of the paragraph under the cursor.
    FlipDirection,
    /// Cycle the document list's sort order.
    CycleSort,
    /// Jump to the next highlighted mention or match in the open document.
    NextMatch,
    /// Jump to the previous highlighted mention or match.
    PrevMatch,
    /// Show only documents that mention the selected entity.
    FilterByEntity,
    /// Open the filter line.
    Filter,
    /// Start or end a visual selection.
    Select,
    /// Label the selection (or the word under the caret) as a person.
    LabelPerson,
    /// Label it as a place.
    LabelPlace,
    /// Label it as a date.
    LabelDate,
    /// Label it with custom label N (1-9, from the config file).
    LabelCustom(u8),
    /// Label every occurrence of the labelled name under the caret, after a y/n question
    /// that says how many.
    LabelEverywhere,
    /// Remove the labels under the caret that the user made or accepted.
    RemoveSpan,
    /// Accept the suggestion under the caret.
    Accept,
    /// Reject the suggestion under the caret, everywhere.
    Reject,
    /// Accept every mention of the entity under the caret.
    AcceptAll,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Star or unstar the document.
    Star,
    /// Archive or unarchive the document.
    Archive,
    /// Cycle relevance: relevant, irrelevant, unsure, none.
    Relevance,
    /// Toggle the read mark.
    ToggleRead,
    /// Add or remove a tag (prompt).
    Tag,
    /// Edit the document's note (prompt).
    Note,
    /// Cycle who reorders right-to-left text and whether okur shapes letters, live; the
    /// choice is remembered for this terminal.
    CycleDisplay,
    /// Copy the selection, else the span or sentence under the caret, in logical order, to
    /// the clipboard (OSC 52): copying from the screen gives reversed Arabic.
    Copy,
    /// Open the next unread document in list order.
    NextUnread,
    /// Open the previous unread document in list order.
    PrevUnread,
    /// Give the terminal back and stop (the shell's `fg` resumes).
    Suspend,
    /// Set the terminal up again (bidi mode included) and draw every cell anew.
    Redraw,
    /// Mark or unmark the document under the list cursor and move down: triage keys then
    /// act on every marked document.
    Mark,
    /// Mark every listed document, or clear the marks when all are marked.
    MarkAll,
    /// Find words in the open article (a prompt; `n`/`N` then go from match to match).
    Find,
    /// Fetch every followed feed in the background; new articles join the list.
    FetchFeeds,
    /// Read the opened files and folders again (files changed on disk), keeping the place.
    Reload,
    /// Copy the open article's url to the clipboard.
    CopyUrl,
}

/// Every action without a parameter, with its config name and help text.
const TABLE: &[(Action, &str, &str)] = &[
    (Action::Quit, "quit", "quit"),
    (Action::FocusNext, "focus_next", "next pane"),
    (Action::FocusPrev, "focus_prev", "previous pane"),
    (Action::Down, "down", "down"),
    (Action::Up, "up", "up"),
    (Action::Left, "left", "caret left (as seen)"),
    (Action::Right, "right", "caret right (as seen)"),
    (Action::WordNext, "word_next", "next word"),
    (Action::WordPrev, "word_prev", "previous word"),
    (Action::SentenceNext, "sentence_next", "next sentence"),
    (Action::SentencePrev, "sentence_prev", "previous sentence"),
    (Action::PageDown, "page_down", "page down"),
    (Action::PageUp, "page_up", "page up"),
    (Action::Top, "top", "first row"),
    (Action::Bottom, "bottom", "last row"),
    (Action::Open, "open", "open doc / select entity"),
    (Action::Help, "help", "this help"),
    (Action::Cancel, "cancel", "close, clear selection/filters"),
    (
        Action::ToggleEntities,
        "toggle_entities",
        "show/hide entity panel",
    ),
    (
        Action::FlipDirection,
        "flip_direction",
        "flip paragraph RTL/LTR",
    ),
    (Action::CycleSort, "cycle_sort", "sort: file/date/title/…"),
    (Action::NextMatch, "next_match", "next mention/match"),
    (Action::PrevMatch, "prev_match", "prev mention/match"),
    (
        Action::FilterByEntity,
        "filter_by_entity",
        "list docs with entity",
    ),
    (Action::Filter, "filter", "filter line"),
    (Action::Select, "select", "start/end selection"),
    (Action::LabelPerson, "label_person", "label person"),
    (Action::LabelPlace, "label_place", "label place"),
    (Action::LabelDate, "label_date", "label date"),
    (
        Action::LabelEverywhere,
        "label_everywhere",
        "label every occurrence",
    ),
    (Action::RemoveSpan, "remove_span", "remove label here"),
    (Action::Accept, "accept", "accept suggestion"),
    (Action::Reject, "reject", "reject suggestion (all)"),
    (Action::AcceptAll, "accept_all", "accept entity (all forms)"),
    (Action::Undo, "undo", "undo"),
    (Action::Redo, "redo", "redo"),
    (Action::Star, "star", "star / unstar"),
    (Action::Archive, "archive", "archive / unarchive"),
    (Action::Relevance, "relevance", "cycle relevance"),
    (Action::ToggleRead, "toggle_read", "mark read / unread"),
    (Action::Tag, "tag", "add or remove a tag"),
    (Action::Note, "note", "edit note"),
    (
        Action::CycleDisplay,
        "cycle_display",
        "display: bidi / shaping",
    ),
    (Action::Copy, "copy", "copy (OSC 52, logical)"),
    (Action::NextUnread, "next_unread", "next unread document"),
    (
        Action::PrevUnread,
        "prev_unread",
        "previous unread document",
    ),
    (Action::Suspend, "suspend", "suspend (fg resumes)"),
    (Action::Redraw, "redraw", "redraw (terminal set up again)"),
    (Action::Mark, "mark", "mark document, next row"),
    (Action::MarkAll, "mark_all", "mark all listed / none"),
    (Action::Find, "find", "find in this article"),
    (Action::FetchFeeds, "fetch_feeds", "fetch followed feeds"),
    (Action::Reload, "reload", "reload files from disk"),
    (Action::CopyUrl, "copy_url", "copy the article's url"),
];

impl Action {
    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::LabelCustom(_) => "custom labels (config)",
            other => TABLE
                .iter()
                .find(|(a, _, _)| *a == other)
                .map_or("", |(_, _, d)| d),
        }
    }

    /// The name used in the config file's `[keys]` table (`label_1` … `label_9` for custom).
    pub fn name(self) -> String {
        match self {
            Action::LabelCustom(n) => format!("label_{n}"),
            other => TABLE
                .iter()
                .find(|(a, _, _)| *a == other)
                .map_or(String::new(), |(_, n, _)| (*n).to_string()),
        }
    }

    /// The action a config name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        if let Some(n) = name
            .strip_prefix("label_")
            .and_then(|d| d.parse::<u8>().ok())
        {
            return (1..=9).contains(&n).then_some(Action::LabelCustom(n));
        }
        TABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| *a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (action, name, _) in TABLE {
            assert_eq!(Action::from_name(name), Some(*action));
            assert_eq!(&action.name(), name);
        }
        assert_eq!(Action::from_name("label_3"), Some(Action::LabelCustom(3)));
        assert_eq!(Action::from_name("label_0"), None);
        assert_eq!(Action::from_name("fly"), None);
    }
}
