//! What takes the keys: the panes (normal), the help overlay, a prompt on the status line,
//! or a y/n question. Each mode has its own keys; one value says which mode is on, so a
//! prompt and a question can never both wait for the same key.

use super::effect::Effect;
use super::line_editor::{History, LineEditor};

/// Who takes the next key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The panes, through the keymap.
    #[default]
    Normal,
    /// The help overlay: keys scroll or close it.
    Help {
        /// Lines scrolled past, when the help is taller than the screen.
        scroll: usize,
    },
    /// A prompt on the status line: keys edit its line.
    Prompt(Prompt),
    /// A y/n question on the status line: `y` answers yes, any other key no.
    Confirm(Confirm),
}

/// What a text prompt on the status line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Add or remove a tag (of the document, or of every marked document).
    Tag,
    /// Edit the note.
    Note,
    /// The filter line.
    Filter,
    /// Find words in the open article.
    Find,
}

/// A text prompt being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: InputKind,
    /// The document a tag or note is for.
    pub doc: usize,
    /// The line and its caret.
    pub line: LineEditor,
}

impl Prompt {
    /// A prompt starting with `text`, the caret after it.
    pub fn new(kind: InputKind, doc: usize, text: String) -> Prompt {
        Prompt {
            kind,
            doc,
            line: LineEditor::new(text),
        }
    }

    /// The text typed so far, in logical order.
    pub fn text(&self) -> &str {
        self.line.text()
    }
}

/// A question on the status line waiting for `y` (any other key answers no), and what `y`
/// does: asked before a change that reaches beyond what the screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The question, with the count of what it would change.
    pub question: String,
    /// What `y` carries out.
    pub effects: Vec<Effect>,
    /// The status line after `y`.
    pub done: String,
}

/// What was entered in each kind of prompt this session, for `↑`/`↓`.
#[derive(Debug, Clone, Default)]
pub struct PromptHistory {
    tag: History,
    note: History,
    filter: History,
    find: History,
}

impl PromptHistory {
    /// The history of one kind of prompt.
    pub fn of(&mut self, kind: InputKind) -> &mut History {
        match kind {
            InputKind::Tag => &mut self.tag,
            InputKind::Note => &mut self.note,
            InputKind::Filter => &mut self.filter,
            InputKind::Find => &mut self.find,
        }
    }
}

impl Mode {
    /// The open prompt, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        match self {
            Mode::Prompt(p) => Some(p),
            _ => None,
        }
    }

    /// The question being asked, if any.
    pub fn confirm(&self) -> Option<&Confirm> {
        match self {
            Mode::Confirm(c) => Some(c),
            _ => None,
        }
    }

    /// True while the help overlay is open.
    pub fn is_help(&self) -> bool {
        matches!(self, Mode::Help { .. })
    }

    /// Lines of help scrolled past (0 when the help is closed).
    pub fn help_scroll(&self) -> usize {
        match self {
            Mode::Help { scroll } => *scroll,
            _ => 0,
        }
    }
}
