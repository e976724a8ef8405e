//! The plain types around the index: entities handed in, item kinds, title rows, views.

use crate::corpus::fast::TitleEntry;
use crate::kind::Kind;

/// An entity as the index takes it: plain data, filled from extraction by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityItem {
    /// Person, place or date.
    pub kind: Kind,
    /// The canonical name.
    pub name: String,
    /// Other spellings seen in the corpus (any script).
    pub aliases: Vec<String>,
    /// The ISO 8601 value of a date, with its grain (`2020-11`, `2020-11-12`).
    pub iso: Option<String>,
    /// Indexes of the documents (in corpus order) that mention it, as 32-bit numbers (the
    /// index numbers its documents so): 64-bit ones were 0.07 times the corpus at 20,000
    /// generated articles, beside extraction's table as it was handed over.
    pub docs: Vec<u32>,
}

/// What an index item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A document (its title; dateline, file name and tags also match).
    Doc,
    /// A person, place or date entity.
    Entity(Kind),
    /// One line of a document's text.
    Line,
}

impl ItemKind {
    /// The word `okur find` prints in its first column: `doc`, `text`, or the entity's
    /// [`Kind::name`].
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Doc => "doc",
            ItemKind::Entity(kind) => kind.name(),
            ItemKind::Line => "text",
        }
    }
}

/// A document's title and dateline: all the title index needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleRow<'a> {
    /// The document's path.
    pub path: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Byte offset of the title in the document text.
    pub title_offset: Option<usize>,
    /// ISO date of its dateline.
    pub date: Option<&'a str>,
    /// The feed's or site's name, for `%src` beside the path.
    pub source: Option<&'a str>,
}

impl<'a> From<&'a TitleEntry> for TitleRow<'a> {
    fn from(e: &'a TitleEntry) -> TitleRow<'a> {
        TitleRow {
            path: &e.path,
            title: &e.title,
            title_offset: Some(e.title_offset),
            date: e.date.as_deref(),
            source: None,
        }
    }
}

/// A view of one item for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemView<'a> {
    /// What the item is.
    pub kind: ItemKind,
    /// The text shown for it: a title, a name or a line (a packed document's line is a
    /// copy).
    pub text: std::borrow::Cow<'a, str>,
    /// The first document it belongs to (corpus order).
    pub doc: Option<usize>,
    /// Byte offset of `text` inside that document's text, for titles and lines.
    pub doc_offset: Option<usize>,
}
