//! A one-line editor for the prompts (filter, tag, note), on readline's keys, and the
//! history of what was entered in each.
//!
//! The caret is a byte offset into the logical text, always on a character boundary. It
//! moves by grapheme cluster in logical order: in Arabic typed into a prompt `→` goes to the
//! next letter in reading order, which is leftwards on screen. Moving as seen would need the
//! laid-out row, which only the view has; the prompt is short, so the simple rule is kept.
//!
//! Why not the `tui-input` crate: its cursor counts characters, not bytes, it keeps no
//! history, and its drawing knows nothing of okur's bidi layout, which the prompt must use.

use unicode_segmentation::UnicodeSegmentation;

/// Something the user does to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the caret.
    Insert(char),
    /// One grapheme cluster back.
    Left,
    /// One grapheme cluster on.
    Right,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// Delete the character before the caret (a haraka alone, not its letter).
    DeleteBefore,
    /// Delete the grapheme cluster after the caret.
    DeleteAfter,
    /// Delete from the start of the line to the caret.
    DeleteToStart,
    /// Delete from the caret to the end of the line.
    DeleteToEnd,
    /// Delete the word before the caret, and the spaces after it.
    DeleteWordBefore,
}

/// A line of text and a caret in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    caret: usize,
}

impl LineEditor {
    /// A line with the caret at its end.
    pub fn new(text: String) -> LineEditor {
        let caret = text.len();
        LineEditor { text, caret }
    }

    /// A line with the caret at `caret`, moved back to a character boundary if needed (and
    /// to the end when past it).
    pub fn with_caret(text: String, caret: usize) -> LineEditor {
        let mut caret = caret.min(text.len());
        while !text.is_char_boundary(caret) {
            caret -= 1;
        }
        LineEditor { text, caret }
    }

    /// The text, in logical order.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The caret's byte offset.
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// The text and the caret, taken apart.
    pub fn into_parts(self) -> (String, usize) {
        (self.text, self.caret)
    }

    /// Applies an edit.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => {
                self.text.insert(self.caret, c);
                self.caret += c.len_utf8();
            }
            Edit::Left => self.caret = self.cluster_before(),
            Edit::Right => self.caret = self.cluster_after(),
            Edit::Home => self.caret = 0,
            Edit::End => self.caret = self.text.len(),
            Edit::DeleteBefore => {
                let from = self.text[..self.caret]
                    .char_indices()
                    .next_back()
                    .map_or(0, |(i, _)| i);
                self.delete(from, self.caret);
            }
            Edit::DeleteAfter => self.delete(self.caret, self.cluster_after()),
            Edit::DeleteToStart => self.delete(0, self.caret),
            Edit::DeleteToEnd => self.delete(self.caret, self.text.len()),
            Edit::DeleteWordBefore => self.delete(self.word_before(), self.caret),
        }
    }

    /// Removes `from..to` (both on character boundaries, `from <= to`); the caret goes to
    /// `from`.
    fn delete(&mut self, from: usize, to: usize) {
        self.text.replace_range(from..to, "");
        self.caret = from;
    }

    fn cluster_before(&self) -> usize {
        self.text[..self.caret]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn cluster_after(&self) -> usize {
        let rest = &self.text[self.caret..];
        self.caret + rest.graphemes(true).next().map_or(0, str::len)
    }

    /// Where the word before the caret starts, as readline's Ctrl-W finds it: back over
    /// spaces, then back over everything that is not a space.
    fn word_before(&self) -> usize {
        let before = &self.text[..self.caret];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }
}

/// Most lines a prompt's history keeps.
const HISTORY_LIMIT: usize = 100;

/// Lines entered in one kind of prompt, oldest first, for `↑`/`↓` (kept for the session).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// While browsing: the entry shown, and the line as it was before `↑`.
    browsing: Option<(usize, String)>,
}

impl History {
    /// Remembers an entered line (not an empty one, nor the one just before again), and
    /// ends browsing.
    pub fn push(&mut self, line: &str) {
        self.browsing = None;
        if line.trim().is_empty() || self.entries.last().is_some_and(|l| l == line) {
            return;
        }
        self.entries.push(line.to_string());
        if self.entries.len() > HISTORY_LIMIT {
            self.entries.remove(0);
        }
    }

    /// The entry before the one shown (`current` is the line being edited, given back by
    /// [`History::newer`] past the newest entry); `None` when there is none.
    pub fn older(&mut self, current: &str) -> Option<&str> {
        let at = match &self.browsing {
            Some((at, _)) => at.checked_sub(1)?,
            None => self.entries.len().checked_sub(1)?,
        };
        let draft = match self.browsing.take() {
            Some((_, draft)) => draft,
            None => current.to_string(),
        };
        self.browsing = Some((at, draft));
        self.entries.get(at).map(String::as_str)
    }

    /// The entry after the one shown, or the line as it was before browsing began; `None`
    /// when not browsing.
    pub fn newer(&mut self) -> Option<String> {
        let (at, draft) = self.browsing.take()?;
        match self.entries.get(at + 1) {
            Some(line) => {
                let line = line.clone();
                self.browsing = Some((at + 1, draft));
                Some(line)
            }
            None => Some(draft),
        }
    }

    /// Ends browsing (the prompt closed).
    pub fn stop_browsing(&mut self) {
        self.browsing = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, caret: usize, edits: &[Edit]) -> (String, usize) {
        let mut line = LineEditor::with_caret(text.to_string(), caret);
        for &e in edits {
            line.apply(e);
        }
        line.into_parts()
    }

    #[test]
    fn readline_deletions() {
        let text = "erdoğan  ankara";
        assert_eq!(
            edited(text, text.len(), &[Edit::DeleteWordBefore]),
            ("erdoğan  ".into(), 10)
        );
        assert_eq!(
            edited(text, 10, &[Edit::DeleteWordBefore]),
            ("ankara".into(), 0)
        );
        assert_eq!(
            edited(text, 3, &[Edit::DeleteToStart]),
            ("oğan  ankara".into(), 0)
        );
        assert_eq!(edited(text, 3, &[Edit::DeleteToEnd]), ("erd".into(), 3));
    }

    #[test]
    fn moves_by_cluster_and_deletes_a_haraka_alone() {
        // بَ: a letter and its fatha, one cluster of four bytes.
        let text = "بَت";
        assert_eq!(edited(text, 0, &[Edit::Right]), (text.into(), 4));
        assert_eq!(edited(text, 6, &[Edit::Left]), (text.into(), 4));
        assert_eq!(edited(text, 4, &[Edit::DeleteBefore]), ("بت".into(), 2));
        assert_eq!(edited(text, 0, &[Edit::DeleteAfter]), ("ت".into(), 0));
        assert_eq!(
            edited(text, 4, &[Edit::Insert('ا'), Edit::Home, Edit::End]),
            ("بَات".into(), 8)
        );
    }

    #[test]
    fn history_walks_back_and_returns_to_the_draft() {
        let mut h = History::default();
        for line in ["bir", "iki", "iki", ""] {
            h.push(line);
        }
        assert_eq!(h.older("yaz").map(str::to_string), Some("iki".into()));
        assert_eq!(h.older("iki").map(str::to_string), Some("bir".into()));
        assert_eq!(h.older("bir"), None);
        assert_eq!(h.newer(), Some("iki".into()));
        assert_eq!(h.newer(), Some("yaz".into()));
        assert_eq!(h.newer(), None);
    }
}
