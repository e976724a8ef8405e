//! Finding the parts of an article: title, dateline, language, paragraphs.
//!
//! Paragraphs are separated by blank lines. Inside a block, lines are joined when the file is
//! hard-wrapped (many long lines of similar length, as in seed 004); otherwise each line stays
//! its own paragraph (bullet lists, tag lines). Every paragraph keeps [`Piece`]s that map its
//! joined text back to byte offsets in the document.

use std::borrow::Cow;
use std::sync::LazyLock;

use serde::Serialize;
use smallvec::SmallVec;

use super::dateline::find_dateline;
use super::long_paragraph::split_long;
use super::{DocKey, DocText, Document, Lang};

/// Paragraphs longer than this are cut at a space, so a 50 MB one-line file lays out in
/// bounded pieces instead of one enormous bidi paragraph.
pub const MAX_PARA_BYTES: usize = 64 * 1024;

/// Lines shorter than this (in characters) never count as hard-wrapped.
const MIN_WRAP_CHARS: usize = 50;

/// Lines known to be page furniture rather than article text; shown dimmed.
static BOILERPLATE: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/boilerplate.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// What role a paragraph plays on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParaKind {
    /// Article text.
    Body,
    /// Page furniture (`Haberin Devamı`, `news-picture`, `مشاركة :`): drawn dimmed.
    Boilerplate,
}

/// A stretch of a paragraph's text copied verbatim from the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset in the paragraph's text ([`Paragraph::text`]).
    pub para: usize,
    /// Byte offset in [`Document::text`].
    pub doc: usize,
    /// Length in bytes.
    pub len: usize,
}

/// A paragraph's pieces: one is held inline (most paragraphs are one line, and every cut of
/// a huge one is one piece), more on the heap. A vector of one piece was 24 bytes in the
/// paragraph and 24 more on the heap (32 as glibc hands them out), for every paragraph of
/// every document: most of what a corpus's documents held beside their text.
pub type Pieces = SmallVec<[Piece; 1]>;

/// A paragraph: where its display text (hard-wrapped lines joined) is in the document.
///
/// The text itself is not kept: it is the document's bytes the pieces name, with a single
/// space between two pieces that are apart in the paragraph. A paragraph of one line (most
/// of them, and every cut of a huge one) is a slice of the document; a hard-wrapped one is
/// joined when it is asked for. Keeping the joined text of every paragraph held each
/// document twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Verbatim pieces in order; the bytes between pieces are inserted joiners.
    pub pieces: Pieces,
    /// Body text or boilerplate.
    pub kind: ParaKind,
}

impl Paragraph {
    /// A paragraph of one piece: `len` bytes of the document from `doc`.
    pub fn of_range(doc: usize, len: usize, kind: ParaKind) -> Paragraph {
        Paragraph {
            pieces: smallvec::smallvec![Piece { para: 0, doc, len }],
            kind,
        }
    }

    /// The text as laid out, from `doc_text` (the text of the document the paragraph was
    /// made from): borrowed when the paragraph is one piece, joined otherwise. A piece that
    /// is not in `doc_text` (another document's paragraph) reads as nothing.
    pub fn text<'a>(&self, doc_text: &'a str) -> Cow<'a, str> {
        let slice = |p: &Piece| doc_text.get(p.doc..p.doc + p.len).unwrap_or("");
        match self.pieces.as_slice() {
            [] => Cow::Borrowed(""),
            [one] if one.para == 0 => Cow::Borrowed(slice(one)),
            pieces => {
                let mut out = String::with_capacity(self.len());
                for p in pieces {
                    while out.len() < p.para {
                        out.push(' ');
                    }
                    out.push_str(slice(p));
                }
                Cow::Owned(out)
            }
        }
    }

    /// Length of the paragraph's text in bytes.
    pub fn len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.para + p.len)
    }

    /// True when the paragraph has no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset in the document where this paragraph starts.
    pub fn doc_start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.doc)
    }

    /// Byte offset in the document just past this paragraph.
    pub fn doc_end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.doc + p.len)
    }

    /// Maps an offset in [`Paragraph::text`] to the document. An offset inside an inserted
    /// joiner maps to the end of the piece before it.
    pub fn to_doc(&self, para_off: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.para <= para_off);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(p) => p.doc + (para_off - p.para).min(p.len),
            None => self.doc_start(),
        }
    }

    /// Maps a document offset into this paragraph's text, if the paragraph covers it.
    pub fn to_para(&self, doc_off: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.doc <= doc_off);
        let p = self.pieces.get(i.checked_sub(1)?)?;
        (doc_off <= p.doc + p.len).then(|| p.para + (doc_off - p.doc))
    }
}

/// The article's own date, as printed near its top.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// Byte offset of the date in the document.
    pub start: usize,
    /// End of the date (exclusive).
    pub end: usize,
    /// ISO 8601 value with its grain: `2020-11-03` or `2020-01`.
    pub iso: String,
}

/// Documents longer than this have their paragraphs found as they are loaded (on the
/// loader's thread, not when first opened on the terminal's); shorter ones when first asked.
const EAGER_PARAGRAPHS_BYTES: usize = 256 * 1024;

/// Builds a [`Document`] from its path and decoded text.
pub fn parse_document(path: String, text: String) -> Document {
    let title = split_lines(&text)
        .next()
        .map(|(s, e)| truncate_title(&text[s..e]))
        .unwrap_or_default();
    let paragraphs = std::sync::OnceLock::new();
    if text.len() > EAGER_PARAGRAPHS_BYTES {
        let _ = paragraphs.set(find_paragraphs(&text));
    }
    Document {
        key: DocKey::of_copy(&text, &path),
        path,
        dateline: find_dateline(text.as_bytes()),
        lang: detect_language(&text),
        title,
        paragraphs,
        notices: Vec::new(),
        meta: None,
        // Packed as each document arrives: the plain text of a corpus is never all held.
        text: DocText::packed(text),
    }
}

/// A text's paragraphs (see [`Document::paragraphs`]).
///
/// The lines are read twice (once for the wrap width, once to join them), never collected:
/// a list of every line's bounds was 16 bytes a line, eight times a file of one-letter lines.
pub(super) fn find_paragraphs(text: &str) -> Vec<Paragraph> {
    build_paragraphs(text, wrap_width(text))
}

/// True when the text holds a visible character: when it has paragraphs.
pub(super) fn has_visible_text(text: &str) -> bool {
    text.chars().any(|c| !is_blank_char(c))
}

fn truncate_title(line: &str) -> String {
    match line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Non-blank lines as trimmed byte ranges, in order.
fn split_lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len();
        let trimmed_start = line.len() - line.trim_start_matches(is_blank_char).len();
        let body = line.trim_matches(is_blank_char);
        (!body.is_empty()).then(|| (start + trimmed_start, start + trimmed_start + body.len()))
    })
}

fn build_paragraphs(text: &str, wrap: Option<usize>) -> Vec<Paragraph> {
    let mut paras = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut lines = split_lines(text).peekable();
    while let Some(line) = lines.next() {
        current.push(line);
        let joins_next = lines
            .peek()
            .is_some_and(|&next| soft_break(text, line, next, wrap));
        if !joins_next {
            push_paragraph(text, &current, &mut paras);
            current.clear();
        }
    }
    // Kept as long as the document: the room doubling left (a third of the vector on
    // average, 32 bytes a paragraph) would be held with it.
    paras.shrink_to_fit();
    paras
}

/// The width of a hard-wrapped file, if it is one: the longest line among at least three
/// long lines that continue onto the next line.
fn wrap_width(text: &str) -> Option<usize> {
    let (mut continued, mut widest) = (0usize, 0usize);
    let mut lines = split_lines(text).peekable();
    while let Some(line) = lines.next() {
        let Some(&next) = lines.peek() else { break };
        if !same_block(text, line, next) {
            continue;
        }
        let n = text[line.0..line.1].chars().count();
        if n >= MIN_WRAP_CHARS {
            continued += 1;
            widest = widest.max(n);
        }
    }
    (continued >= 3).then_some(widest)
}

fn same_block(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    text[a.1..b.0].matches('\n').count() <= 1
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('•' | '-' | '*' | '·' | '–')) && chars.next() == Some(' ')
}

fn soft_break(text: &str, line: (usize, usize), next: (usize, usize), wrap: Option<usize>) -> bool {
    let Some(width) = wrap else { return false };
    let (cur, nxt) = (&text[line.0..line.1], &text[next.0..next.1]);
    same_block(text, line, next)
        && !is_bullet(cur)
        && !is_bullet(nxt)
        && cur.chars().count() * 10 >= width * 6
}

fn push_paragraph(text: &str, lines: &[(usize, usize)], out: &mut Vec<Paragraph>) {
    let mut joined = String::new();
    let mut pieces = Pieces::with_capacity(lines.len());
    for &(s, e) in lines {
        let line = &text[s..e];
        if !joined.is_empty() && !ends_with_word_hyphen(&joined) {
            joined.push(' ');
        }
        pieces.push(Piece {
            para: joined.len(),
            doc: s,
            len: e - s,
        });
        // A paragraph of one line is read from the document; only joined ones are built.
        if lines.len() > 1 {
            joined.push_str(line);
        }
    }
    let para_text = match lines {
        [(s, e)] => &text[*s..*e],
        _ => joined.as_str(),
    };
    let kind = match BOILERPLATE.contains(&para_text) {
        true => ParaKind::Boilerplate,
        false => ParaKind::Body,
    };
    split_long(Paragraph { pieces, kind }, para_text, out);
}

/// `El-` at a line end followed by `Nusra` is one word broken by the wrap.
fn ends_with_word_hyphen(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

/// Decides tr / ar / other from the letters in (the first 64 KiB of) a text.
pub fn detect_language(text: &str) -> Lang {
    let (mut arabic, mut latin, mut turkish) = (0usize, 0usize, 0usize);
    for c in text.chars().take(64 * 1024) {
        if c.is_ascii() {
            latin += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        match c {
            c if crate::text::is_arabic(c) => arabic += usize::from(is_letter(c)),
            'ğ' | 'Ğ' | 'ı' | 'İ' | 'ş' | 'Ş' => {
                latin += 1;
                turkish += 1;
            }
            c if c <= '\u{024F}' && is_letter(c) => latin += 1,
            _ => {}
        }
    }
    if arabic > latin {
        Lang::Ar
    } else if turkish > 0 || has_turkish_words(text) {
        Lang::Tr
    } else {
        Lang::Other
    }
}

/// `is_alphabetic`, with Latin (Turkish letters included) and the Arabic block, U+0000 to
/// U+06FF, looked up in a table built once: the general lookup was the costliest step of
/// giving 20k stand-in titles a language.
fn is_letter(c: char) -> bool {
    static TABLE: LazyLock<[bool; 0x700]> = LazyLock::new(|| {
        std::array::from_fn(|i| {
            u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .is_some_and(char::is_alphabetic)
        })
    });
    TABLE
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| c.is_alphabetic())
}

fn has_turkish_words(text: &str) -> bool {
    const WORDS: [&str; 6] = ["ve", "bir", "bu", "ile", "için", "olarak"];
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    head.split_whitespace()
        .filter(|w| WORDS.contains(w))
        .count()
        >= 2
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
