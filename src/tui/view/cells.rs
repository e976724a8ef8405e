//! Writing laid-out rows straight into the buffer, cell by cell, so that what the layout
//! computed (reordering, right alignment, clusters) is exactly what the terminal gets.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::layout::VisualLine;

/// Draws one row at `y` inside `area`, clipping at the area's right edge. `style_of` gives a
/// cell's style from its logical byte range.
pub fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &VisualLine,
    style_of: &dyn Fn(usize, usize) -> Style,
) {
    let right = area.x.saturating_add(area.width);
    let mut x = area
        .x
        .saturating_add(u16::try_from(line.indent).unwrap_or(u16::MAX));
    for cell in line.cells() {
        let w = u16::try_from(cell.width).unwrap_or(1);
        if x.saturating_add(w) > right {
            break;
        }
        let style = style_of(cell.start, cell.end);
        buf[(x, y)].set_symbol(cell.symbol).set_style(style);
        for extra in 1..w {
            buf[(x + extra, y)].reset();
            buf[(x + extra, y)].set_symbol("");
        }
        x += w;
    }
}
