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
mod reorder;
mod shape;
mod wrap;

pub use direction::{Direction, base_direction, paragraph_direction};
pub use document::{DocLayout, PaneRow, layout_document};
pub use reorder::{level_runs_order, line_visual_order, paragraph_levels, visual_order};
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

/// One terminal cell: a grapheme cluster (or its display copy) and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualCell {
    /// What the terminal cell holds: a whole grapheme cluster, mirrored or shaped if needed.
    pub symbol: String,
    /// Display width (1 or 2).
    pub width: usize,
    /// Logical byte range in the document that this cell shows.
    pub start: usize,
    /// End of the logical range (exclusive).
    pub end: usize,
}

/// One row of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Index of the paragraph in the document.
    pub para: usize,
    /// Base direction of the paragraph.
    pub dir: Direction,
    /// Byte range of the document that the row shows.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
    /// The row's text in logical order.
    pub logical: String,
    /// Cells left to right, without alignment padding.
    pub cells: Vec<VisualCell>,
    /// Blank cells to the left (right alignment of RTL rows).
    pub indent: usize,
}

impl VisualLine {
    /// The cells' symbols, left to right, without padding.
    pub fn visual(&self) -> String {
        self.cells.iter().map(|c| c.symbol.as_str()).collect()
    }

    /// Total width of the cells.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|c| c.width).sum()
    }

    /// The row as printed: padding then cells, trailing spaces trimmed.
    pub fn to_text(&self) -> String {
        let row = format!("{}{}", " ".repeat(self.indent), self.visual());
        row.trim_end().to_string()
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
    doc.paragraphs.get(index).map_or(Direction::Ltr, |p| {
        paragraph_direction(&p.text, document_direction(doc))
    })
}

/// Lays out one paragraph at the given options. `index` is the paragraph's number in the
/// document; `dir_override` forces a base direction (the user's toggle or the document's
/// direction for neutral paragraphs).
pub fn layout_paragraph(
    para: &Paragraph,
    index: usize,
    opts: &LayoutOptions,
    dir_override: Option<Direction>,
) -> Vec<VisualLine> {
    let dir = dir_override.unwrap_or_else(|| base_direction(&para.text));
    let text = para.text.as_str();
    let mut units = clusters(text);
    for unit in units.iter_mut().filter(|u| u.width > opts.width) {
        unit.width = opts.width;
        unit.replaced = true;
    }
    let levels = paragraph_levels(text, Some(dir));
    let shaped = opts.shape.then(|| shape_display(text));
    let mirror = opts.bidi == BidiMode::App;
    wrap_clusters(&units, opts.width)
        .into_iter()
        .map(|range| {
            let line_units = &units[range];
            let ordered = match opts.bidi {
                BidiMode::App => level_runs_order(&levels, line_units),
                BidiMode::Terminal | BidiMode::Off => line_units.to_vec(),
            };
            let cells = ordered
                .iter()
                .filter(|u| u.width > 0)
                .map(|u| {
                    let look = Look {
                        mirror: mirror && u.rtl,
                        shaped: shaped.as_deref(),
                        harakat: opts.harakat,
                    };
                    make_cell(para, text, u, &look)
                })
                .collect::<Vec<_>>();
            build_line(para, index, dir, text, line_units, cells, opts)
        })
        .collect()
}

/// How a cluster is drawn: mirrored, shaped, with or without its harakat.
struct Look<'a> {
    mirror: bool,
    shaped: Option<&'a [char]>,
    harakat: bool,
}

fn make_cell(para: &Paragraph, text: &str, unit: &Cluster, look: &Look) -> VisualCell {
    let symbol = display_symbol(text, unit, look);
    VisualCell {
        symbol,
        width: unit.width,
        start: para.to_doc(unit.start),
        end: para.to_doc(unit.end),
    }
}

/// What a cell shows for a cluster: tabs and controls as a space, mirrored brackets in RTL
/// runs, shaped letters when shaping is on, harakat left out when they are off, clusters
/// wider than the pane as a placeholder.
fn display_symbol(text: &str, unit: &Cluster, look: &Look) -> String {
    let raw = &text[unit.start..unit.end];
    if unit.replaced {
        return " ".repeat(unit.width);
    }
    if unit.orphan_mark {
        // A mark with no letter to sit on (paragraph start, after a control) would vanish;
        // draw it on a dotted circle as Unicode suggests.
        return format!("\u{25CC}{raw}");
    }
    let mut chars = raw.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    let first = match look.shaped.and_then(|s| s.get(unit.start)) {
        Some(&c) if c != '\0' => c,
        _ => first,
    };
    let first = if look.mirror {
        unicode_bidi_mirroring::get_mirrored(first).unwrap_or(first)
    } else {
        first
    };
    let mut symbol = String::with_capacity(raw.len());
    symbol.push(first);
    if look.harakat {
        symbol.push_str(rest);
    } else {
        symbol.extend(rest.chars().filter(|&c| !crate::text::is_arabic_mark(c)));
    }
    symbol
}

/// The display copy for `--shape on`: at each byte offset where an Arabic letter starts, its
/// presentation form (`'\0'` elsewhere); see [`shape`].
fn shape_display(text: &str) -> Vec<char> {
    shape::shape_display(text)
}

fn build_line(
    para: &Paragraph,
    index: usize,
    dir: Direction,
    text: &str,
    units: &[Cluster],
    cells: Vec<VisualCell>,
    opts: &LayoutOptions,
) -> VisualLine {
    let (s, e) = match (units.first(), units.last()) {
        (Some(f), Some(l)) => (f.start, l.end),
        _ => (0, 0),
    };
    let width: usize = cells.iter().map(|c| c.width).sum();
    let indent = match (dir, opts.bidi) {
        (Direction::Rtl, BidiMode::App | BidiMode::Terminal) => opts.width.saturating_sub(width),
        _ => 0,
    };
    VisualLine {
        para: index,
        dir,
        start: para.to_doc(s),
        end: para.to_doc(e),
        logical: text[s..e].to_string(),
        cells,
        indent,
    }
}

/// Lays out a short text (a title, a name, a status message) as one row of at most
/// `opts.width` cells, with the display options of the reading pane (who reorders, shaping):
/// its first wrapped line, with offsets relative to `text`, in direction `dir`.
pub fn layout_line(text: &str, opts: &LayoutOptions, dir: Direction) -> Option<VisualLine> {
    let para = Paragraph {
        text: text.to_string(),
        pieces: vec![crate::corpus::Piece {
            para: 0,
            doc: 0,
            len: text.len(),
        }],
        kind: crate::corpus::ParaKind::Body,
    };
    layout_paragraph(&para, 0, &opts.at_width(opts.width), Some(dir))
        .into_iter()
        .next()
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
