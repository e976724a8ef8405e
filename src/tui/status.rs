//! The status line's message: what the last input did, whether it reached the disk, and a
//! notice that waits for the end of the input so the input's own message does not hide it.

/// The end of the status line once a change is on disk; the status line never cuts it off.
pub const SAVED: &str = " · saved";

/// The status line's message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    text: String,
    /// The message was written while handling the current input (so a save confirms it
    /// rather than replacing it with a description of the change).
    fresh: bool,
    /// The change the message is about is on disk.
    saved: bool,
    /// Said after the current input is handled, over its message.
    notice: Option<String>,
    /// The message describes the span under the caret: it goes when the caret leaves.
    about_caret: bool,
}

impl Status {
    /// Shows a message (not yet saved).
    pub fn say(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.fresh = true;
        self.saved = false;
        self.about_caret = false;
    }

    /// Says what is under the caret: a message that [`Status::caret_left`] takes back.
    pub fn say_about_caret(&mut self, text: String) {
        self.say(text);
        self.about_caret = true;
    }

    /// The caret left what the message described: the message goes (other messages stay).
    pub fn caret_left(&mut self) {
        if self.about_caret {
            self.clear();
            self.about_caret = false;
        }
    }

    /// Adds to the message.
    pub fn append(&mut self, more: &str) {
        self.text.push_str(more);
    }

    /// Clears the message: nothing stale stays after Esc.
    pub fn clear(&mut self) {
        self.text.clear();
        self.saved = false;
    }

    /// The message, without the saved mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when nothing is said.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the message is about a change that is on disk.
    pub fn is_saved(&self) -> bool {
        self.saved
    }

    /// The message with its saved mark, as one line.
    pub fn line(&self) -> String {
        match self.saved {
            true => format!("{}{SAVED}", self.text),
            false => self.text.clone(),
        }
    }

    /// Starts handling an input: messages from before it are no longer fresh.
    pub fn begin_input(&mut self) {
        self.fresh = false;
    }

    /// A change reached the disk: the input's own message is marked saved; with none,
    /// `done` (what the change did) is said and marked saved.
    pub fn saved(&mut self, done: String) {
        if !self.fresh || self.text.is_empty() {
            self.text = done;
        }
        self.fresh = true;
        self.saved = true;
    }

    /// A notice said once the current input is handled.
    pub fn notice(&mut self, text: String) {
        self.notice = Some(text);
    }

    /// Ends an input: a waiting notice replaces the message.
    pub fn end_input(&mut self) {
        if let Some(notice) = self.notice.take() {
            self.say(notice);
        }
    }
}

/// A count and what is counted, in the singular for one: `1 document`, `4 documents`,
/// `0 mentions`. `what` is the singular; the plural adds `s` to its last word (`1 more
/// change`, `2 more changes`).
pub fn counted(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_confirms_the_inputs_own_message() {
        let mut status = Status::default();
        status.say("old");
        status.begin_input();
        status.saved("starred".into());
        assert_eq!(status.line(), "starred · saved");
        status.begin_input();
        status.say("Rusya → place");
        status.saved("label".into());
        assert_eq!(status.line(), "Rusya → place · saved");
        status.begin_input();
        status.say("next");
        assert!(!status.is_saved());
    }

    #[test]
    fn a_notice_waits_for_the_end_of_the_input() {
        let mut status = Status::default();
        status.begin_input();
        status.notice("journal damaged".into());
        status.say("opened");
        assert_eq!(status.text(), "opened");
        status.end_input();
        assert_eq!(status.text(), "journal damaged");
    }
}
