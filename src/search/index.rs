//! The search index: documents, entities and text lines, with keys folded once at build.

use crate::corpus::Document;
use crate::kind::Kind;
use crate::text::{fold_into, fold_str, is_word_char};

use super::aliases;
use super::item::{EntityItem, ItemKind, ItemView, TitleRow};
use super::matcher::Fields;
use super::skeleton::{push_skeleton_forms, push_skeletons_of};

/// A byte range in one of the index's string arenas.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Span {
    start: u32,
    len: u32,
}

/// One item's fields, all as spans into [`Index::strs`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub(crate) kind: ItemKind,
    /// The shown text (title, name or line).
    pub(crate) text: Span,
    /// The folded text.
    pub(crate) key: Span,
    /// Folded secondary text that also matches (dateline, file name, aliases), no positions.
    pub(crate) extra: Span,
    /// ISO date (documents, date entities).
    pub(crate) iso: Span,
    /// Word skeletons, each as ` a:<skeleton>` (Arabic word) or ` l:<skeleton>` (Latin).
    pub(crate) skel: Span,
    /// Documents, as a range of [`Index::doc_ids`].
    pub(crate) docs: Span,
    /// Byte offset of `text` in its document, when it is a slice of one.
    pub(crate) doc_offset: Option<u32>,
}

impl Item {
    /// Length of the shown text in bytes (the ranking tie-break: shorter first).
    pub(crate) fn text_len(&self) -> u32 {
        self.text.len
    }
}

/// One index over documents, entities and lines. Immutable once built, so it can be shared
/// with a background search thread (`Index: Send + Sync`).
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) items: Vec<Item>,
    strs: String,
    doc_ids: Vec<u32>,
    /// Folded tags per document, set by the caller (triage), ` | ` between two.
    pub(crate) tags: Vec<String>,
    /// Folded source (the path as given) per document, for `%src`.
    pub(crate) sources: Vec<String>,
    /// Fuzzy terms match lines as subsequences (standard input), not substrings.
    pub(crate) fuzzy_lines: bool,
}

impl Index {
    /// Indexes titles, datelines and lines of `docs`, and `entities`.
    pub fn build(docs: &[Document], entities: &[EntityItem]) -> Index {
        let mut index = Index::titles(docs);
        for e in entities {
            index.push_entity(e);
        }
        for (i, doc) in docs.iter().enumerate() {
            index.push_lines(i, &doc.text);
        }
        index
    }

    /// Indexes document titles only (parsed documents).
    pub fn titles(docs: &[Document]) -> Index {
        Index::from_titles(docs.iter().map(|doc| TitleRow {
            path: &doc.path,
            title: &doc.title,
            title_offset: doc.text.find(doc.title.as_str()),
            date: doc.date(),
        }))
    }

    /// Indexes title rows, document `i` being the `i`-th row: the quick index for the first
    /// frame, fed by [`crate::corpus::fast::read_titles`] before any full parse.
    pub fn from_titles<'a>(rows: impl IntoIterator<Item = TitleRow<'a>>) -> Index {
        let mut index = Index::default();
        for (i, row) in rows.into_iter().enumerate() {
            let name = row.path.rsplit('/').next().unwrap_or("");
            let date = row.date.unwrap_or("");
            index.push_doc(i, row.title, row.title_offset, date, name);
            index.tags.push(String::new());
            index.sources.push(fold_str(row.path));
        }
        index
    }

    /// Indexes plain lines (standard input for `okur find --stdin`), one item each.
    pub fn lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index {
            fuzzy_lines: true,
            ..Index::default()
        };
        for line in lines {
            let text = index.push_str(line);
            let key = index.push_folded(line);
            let skel = index.push_skeletons(line);
            index.items.push(Item {
                kind: ItemKind::Line,
                text,
                key,
                extra: Span::default(),
                iso: Span::default(),
                skel,
                docs: Span::default(),
                doc_offset: None,
            });
        }
        index
    }

    /// Sets a document's tags (they match on its document item).
    pub fn set_tags(&mut self, doc: usize, tags: &[String]) {
        if let Some(slot) = self.tags.get_mut(doc) {
            *slot = fold_str(&tags.join(" | "));
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The item with id `id`, for display.
    pub fn item(&self, id: u32) -> Option<ItemView<'_>> {
        let item = self.items.get(id as usize)?;
        Some(ItemView {
            kind: item.kind,
            text: self.str(item.text),
            doc: self.docs(item).first().map(|&d| d as usize),
            doc_offset: item.doc_offset.map(|o| o as usize),
        })
    }

    pub(crate) fn str(&self, span: Span) -> &str {
        let start = span.start as usize;
        self.strs
            .get(start..start + span.len as usize)
            .unwrap_or("")
    }

    pub(crate) fn docs(&self, item: &Item) -> &[u32] {
        let start = item.docs.start as usize;
        self.doc_ids
            .get(start..start + item.docs.len as usize)
            .unwrap_or(&[])
    }

    /// A document item's tags as matchable fields.
    pub(crate) fn tag_fields(&self, item: &Item) -> Option<Fields<'_>> {
        if item.kind != ItemKind::Doc {
            return None;
        }
        let tags = self.tags.get(*self.docs(item).first()? as usize)?;
        (!tags.is_empty()).then_some(Fields {
            key: "",
            extra: tags,
            skel: "",
            iso: "",
            fuzzy: true,
        })
    }

    /// A document item's source as matchable fields (its own text, for `%src`).
    pub(crate) fn source_fields(&self, item: &Item) -> Option<Fields<'_>> {
        if item.kind != ItemKind::Doc {
            return None;
        }
        let source = self.sources.get(*self.docs(item).first()? as usize)?;
        Some(Fields {
            key: source,
            extra: "",
            skel: "",
            iso: "",
            fuzzy: true,
        })
    }

    fn push_str(&mut self, s: &str) -> Span {
        let start = self.strs.len() as u32;
        self.strs.push_str(s);
        Span {
            start,
            len: s.len() as u32,
        }
    }

    fn push_folded(&mut self, s: &str) -> Span {
        let start = self.strs.len();
        fold_into(s, &mut self.strs);
        self.span_from(start)
    }

    fn span_from(&self, start: usize) -> Span {
        Span {
            start: start as u32,
            len: (self.strs.len() - start) as u32,
        }
    }

    /// Appends the word skeletons of `s` (see [`push_skeletons`]).
    fn push_skeletons(&mut self, s: &str) -> Span {
        let start = self.strs.len();
        push_skeletons(s, &mut self.strs);
        self.span_from(start)
    }

    fn push_docs(&mut self, docs: impl IntoIterator<Item = usize>) -> Span {
        let start = self.doc_ids.len() as u32;
        self.doc_ids.extend(docs.into_iter().map(|d| d as u32));
        Span {
            start,
            len: self.doc_ids.len() as u32 - start,
        }
    }

    fn push_doc(&mut self, doc: usize, title: &str, offset: Option<usize>, date: &str, name: &str) {
        let text = self.push_str(title);
        let key = self.push_folded(title);
        let extra = self.push_folded(&format!("{date} | {name}"));
        let iso = self.push_str(date);
        let skel = self.push_skeletons(title);
        let docs = self.push_docs([doc]);
        self.items.push(Item {
            kind: ItemKind::Doc,
            text,
            key,
            extra,
            iso,
            skel,
            docs,
            doc_offset: offset.map(|o| o as u32),
        });
    }

    fn push_entity(&mut self, e: &EntityItem) {
        let kind = ItemKind::Entity(e.kind);
        let mut also: Vec<String> = e.aliases.iter().map(|a| fold_str(a)).collect();
        if e.kind == Kind::Place {
            also.extend(aliases::expand(&fold_str(&e.name)));
        }
        let text = self.push_str(&e.name);
        let key = self.push_folded(&e.name);
        let iso_text = e.iso.clone().unwrap_or_default();
        let forms = std::iter::once(fold_str(&iso_text)).chain(also);
        let extra = forms.filter(|f| !f.is_empty()).collect::<Vec<_>>();
        let extra = self.push_str(&extra.join(" | "));
        let iso = self.push_str(&iso_text);
        let start = self.strs.len();
        let names = std::iter::once(&e.name).chain(&e.aliases);
        push_skeleton_forms(names.map(String::as_str), &mut self.strs);
        let skel = self.span_from(start);
        let docs = self.push_docs(e.docs.iter().copied());
        self.items.push(Item {
            kind,
            text,
            key,
            extra,
            iso,
            skel,
            docs,
            doc_offset: None,
        });
    }

    fn push_lines(&mut self, doc: usize, text: &str) {
        let mut offset = 0;
        for raw in text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim_start();
            let at = offset + (line.len() - trimmed.len());
            offset += raw.len();
            let trimmed = trimmed.trim_end();
            if trimmed.is_empty() || !trimmed.chars().any(is_word_char) {
                continue;
            }
            let text = self.push_str(trimmed);
            let key = self.push_folded(trimmed);
            let skel = self.push_skeletons(trimmed);
            let docs = self.push_docs([doc]);
            self.items.push(Item {
                kind: ItemKind::Line,
                text,
                key,
                extra: Span::default(),
                iso: Span::default(),
                skel,
                docs,
                doc_offset: Some(at as u32),
            });
        }
    }
}

/// Appends the skeleton entries of the words of `s` (see [`super::skeleton`]).
pub(crate) fn push_skeletons(s: &str, out: &mut String) {
    push_skeletons_of(s, None, out);
}
