//! The reading pane's layout: paragraph -> base direction -> levels -> wrapped lines ->
//! per-line reordering and mirroring -> optional shaping -> [`VisualLine`]s of cells.
//!
//! okur does bidi itself (DESIGN.md §3): no terminal or widget can be trusted to. Levels are
//! computed once per paragraph; wrapping happens in logical order by the width of grapheme
//! clusters; each row is reordered by its own visual runs, reversing clusters (never code
//! points, so harakat stay on their letter). Every [`VisualCell`] keeps the logical byte range
//! it shows, so highlights map onto the right cells after reordering.

mod direction;
mod document;
mod index;
mod levels;
mod line;
mod lines;
mod plain;
mod reorder;
mod shape;
pub(crate) mod tail;
mod wrap;

pub use direction::{Direction, base_direction, paragraph_direction};
pub use document::{DocLayout, PaneRow, layout_document};
pub use line::{VisualCell, VisualLine};
pub use lines::ParaLines;
pub use reorder::{level_runs_order, line_visual_order, paragraph_levels, visual_order};
pub use tail::Shift;
pub use wrap::{Cluster, clusters, wrap_clusters};

use crate::corpus::Paragraph;

/// How okur treats bidirectional text (config `bidi`, flag `--bidi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// okur reorders and right-aligns; the terminal is told not to reorder (`CSI 8 l`).
    #[default]
    App,
    /// Rows are sent in logical order (right-aligned) for terminals that insist on reordering.
    Terminal,
    /// No bidi at all: logical order, left-aligned.
    Off,
}

impl BidiMode {
    /// The word the config file, the flags and `okur doctor` use: `app`, `terminal`, `off`.
    pub fn name(self) -> &'static str {
        match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
            BidiMode::Off => "off",
        }
    }
}

/// Options that change the layout; part of the cache key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Pane width in cells (at least 1).
    pub width: usize,
    /// Replace Arabic letters by presentation forms on the display copy.
    pub shape: bool,
    /// Who reorders.
    pub bidi: BidiMode,
    /// Draw Arabic harakat; off for terminals that draw them a cell away from their letter
    /// (display only, like shaping).
    pub harakat: bool,
}

impl LayoutOptions {
    /// Defaults for a width: okur reorders, no shaping.
    pub fn new(width: usize) -> LayoutOptions {
        LayoutOptions {
            width: width.max(1),
            shape: false,
            bidi: BidiMode::App,
            harakat: true,
        }
    }

    /// The same display options (who reorders, shaping, harakat) at another width: what
    /// every pane lays its text out with.
    pub fn at_width(self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width: width.max(1),
            ..self
        }
    }
}

/// The direction a document's neutral paragraphs take: RTL for Arabic documents.
pub fn document_direction(doc: &crate::corpus::Document) -> Direction {
    match doc.lang {
        crate::corpus::Lang::Ar => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// The direction paragraph `index` of `doc` is laid out in, before any user override.
pub fn natural_direction(doc: &crate::corpus::Document, index: usize) -> Direction {
    doc.paragraphs().get(index).map_or(Direction::Ltr, |p| {
        paragraph_direction(
            &p.text(&doc.text().unwrap_or_default()),
            document_direction(doc),
        )
    })
}

/// Lays out one paragraph (whose text, [`Paragraph::text`], is `text`) at the given options.
/// `index` is the paragraph's number in the document; `dir_override` forces a base direction (the user's toggle or the document's
/// direction for neutral paragraphs). For a long paragraph, [`ParaLines`] gives the same
/// rows one at a time.
pub fn layout_paragraph(
    para: &Paragraph,
    text: &str,
    index: usize,
    opts: &LayoutOptions,
    dir_override: Option<Direction>,
) -> Vec<VisualLine> {
    let dir = dir_override.unwrap_or_else(|| base_direction(text));
    ParaLines::new(para, text, index, opts, dir).collect()
}

/// Lays out a short text (a title, a name, a status message) as one row of at most
/// `opts.width` cells, with the display options of the reading pane (who reorders, shaping):
/// its first wrapped line, with offsets relative to `text`, in direction `dir`.
pub fn layout_line(text: &str, opts: &LayoutOptions, dir: Direction) -> Option<VisualLine> {
    let para = Paragraph::of_range(0, text.len(), crate::corpus::ParaKind::Body);
    layout_paragraph(&para, text, 0, &opts.at_width(opts.width), Some(dir))
        .into_iter()
        .next()
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "lines_tests.rs"]
mod lines_tests;

#[cfg(test)]
#[path = "tail_tests.rs"]
mod tail_tests;
