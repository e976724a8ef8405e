//! `okur render`: the reading pane's rows for a file, exactly as drawn.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::layout::{BidiMode, LayoutOptions, ParaLines, VisualLine, natural_direction};

/// Output format of `okur render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// One row per line, visual order, RTL rows right-aligned, a blank row between paragraphs.
    Text,
    /// One JSON object per row: para, dir, start, end (bytes), logical, visual.
    Jsonl,
}

/// On or off, for `--shape`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    /// Enabled.
    On,
    /// Disabled.
    Off,
}

/// Who reorders right-to-left text, for `--bidi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiArg {
    /// okur reorders and tells the terminal not to (default).
    App,
    /// Logical order, for terminals that reorder by themselves.
    Terminal,
    /// No bidi handling: logical order, left-aligned.
    Off,
}

impl From<BidiArg> for BidiMode {
    fn from(arg: BidiArg) -> BidiMode {
        match arg {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Terminal,
            BidiArg::Off => BidiMode::Off,
        }
    }
}

/// Arguments of `okur render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Pane width in terminal cells.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: u16,
    /// Replace Arabic letters by presentation forms (for terminals that do not join letters).
    #[arg(long, value_enum, default_value_t = Switch::Off)]
    pub shape: Switch,
    /// Who reorders right-to-left text.
    #[arg(long, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,
    /// Draw Arabic harakat (off: as the reader draws them on terminals that misplace them).
    #[arg(long, value_enum, default_value_t = Switch::On)]
    pub harakat: Switch,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
    pub format: RenderFormat,
    /// Print each document's stored text as it is (the text every offset counts in: for an
    /// article from a feed, page, dump or archive, the text okur made of it) instead of the
    /// pane's rows.
    #[arg(long, conflicts_with = "format")]
    pub text: bool,
    /// The file to render (a folder renders every document in it; none: the bundled seeds).
    pub paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    para: usize,
    dir: &'static str,
    start: usize,
    end: usize,
    logical: &'a str,
    visual: String,
}

/// Prints the rows of every document given, one paragraph at a time: each row is written as
/// soon as it is laid out and dropped, so memory does not grow with the document.
pub fn run(args: &RenderArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let report = super::load_corpus(&args.paths)?;
    if args.text {
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        let mut out = std::io::BufWriter::new(out);
        for doc in &report.corpus.docs {
            write_stored(&doc.text()?, terminal, &mut out)?;
        }
        out.flush()?;
        return Ok(());
    }
    let opts = LayoutOptions {
        width: usize::from(args.width),
        shape: args.shape == Switch::On,
        bidi: args.bidi.into(),
        harakat: args.harakat == Switch::On,
    };
    let mut out = std::io::BufWriter::new(out);
    for doc in &report.corpus.docs {
        let mut last_para = None;
        let whole = doc.text()?;
        for (index, para) in doc.paragraphs().iter().enumerate() {
            let dir = natural_direction(doc, index);
            let text = para.text(&whole);
            for line in ParaLines::new(para, &text, index, &opts, dir) {
                let line = std::slice::from_ref(&line);
                match args.format {
                    RenderFormat::Text => write_text(line, &mut last_para, &mut out)?,
                    RenderFormat::Jsonl => write_jsonl(line, &mut out)?,
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes a document's stored text: as it is, byte for byte, to a pipe or a file (what
/// every offset counts in); to a `terminal` with its control characters shown, not obeyed
/// (see [`crate::escape::terminal_text`]).
fn write_stored(text: &str, terminal: bool, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(crate::escape::output_text(text, terminal).as_bytes())
}

/// Writes rows as text, with a blank row where the paragraph changes (`last_para` is the
/// paragraph of the row written before, across calls).
fn write_text(
    lines: &[VisualLine],
    last_para: &mut Option<usize>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for line in lines {
        if last_para.is_some_and(|p| p != line.para) {
            writeln!(out)?;
        }
        *last_para = Some(line.para);
        writeln!(out, "{}", line.to_text())?;
    }
    Ok(())
}

fn write_jsonl(lines: &[VisualLine], out: &mut dyn Write) -> anyhow::Result<()> {
    for line in lines {
        let row = JsonRow {
            para: line.para,
            dir: line.dir.as_str(),
            start: line.start,
            end: line.end,
            logical: &line.logical,
            visual: line.visual(),
        };
        crate::json::write_line(&mut *out, &row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_text_keeps_its_bytes_for_a_pipe_and_shows_controls_to_a_terminal()
    -> std::io::Result<()> {
        let text = "Başlık \u{1b}]52;c;eA==\u{7}\r\n\nmetin\tiki\n";
        let mut piped = Vec::new();
        write_stored(text, false, &mut piped)?;
        assert_eq!(piped, text.as_bytes());
        let mut shown = Vec::new();
        write_stored(text, true, &mut shown)?;
        let shown = String::from_utf8_lossy(&shown);
        assert_eq!(shown, "Başlık \\x1b]52;c;eA==\\x07\r\n\nmetin\tiki\n");
        Ok(())
    }
}
