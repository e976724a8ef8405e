//! `okur list`: one line per document as opened, with the id the other commands accept for
//! an article inside a feed, dump or archive (`news.xml#3`).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::corpus::Document;

/// Output format of `okur list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One JSON object per document: doc, title, date, lang, source, url, bytes.
    Jsonl,
    /// Aligned columns for people: doc, date, lang, source, title.
    Table,
}

/// Arguments of `okur list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Jsonl)]
    pub format: ListFormat,
    /// The team server's corpus instead of files (`--team URL --select FILTER`).
    #[cfg(feature = "team")]
    #[command(flatten)]
    pub server: ServerSelect,
    /// Files and folders (none: the bundled seeds).
    pub paths: Vec<PathBuf>,
}

/// `okur list --team URL --select FILTER`: list a selection of the server's corpus.
#[cfg(feature = "team")]
#[derive(Debug, Clone, Args)]
pub struct ServerSelect {
    /// The team server (and the config that may name it).
    #[command(flatten)]
    pub team: super::team::TeamFlag,
    /// What to select.
    #[command(flatten)]
    pub select: super::select::SelectArgs,
}

/// The documents to list: the server's selection with `--select`, else the paths' (with
/// their notices on stderr).
fn documents(args: &ListArgs) -> anyhow::Result<crate::corpus::Corpus> {
    #[cfg(feature = "team")]
    if let Some(filter) = &args.server.select.select {
        if !args.paths.is_empty() {
            anyhow::bail!("give either files or --select, not both");
        }
        let url = args.server.team.resolve()?;
        let loaded = super::select::load(&url, filter, args.server.select.max)?;
        if let Some(notice) = loaded.notice {
            eprintln!("okur: {notice}");
        }
        return Ok(loaded.corpus);
    }
    #[cfg(feature = "team")]
    if args.server.team.url.is_some() {
        anyhow::bail!("--team on okur list needs --select FILTER (what to list from the server)");
    }
    Ok(super::load_corpus(&args.paths)?.corpus)
}

/// One line of `okur list --format jsonl`.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    /// The document's id: its path, or `FILE#N` for an item inside a file.
    pub doc: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its date (ISO, with its grain), when known.
    pub date: Option<&'a str>,
    /// `tr`, `ar` or `--`.
    pub lang: &'static str,
    /// The feed's or site's name, when it came with one.
    pub source: Option<&'a str>,
    /// The article's url, when known.
    pub url: Option<&'a str>,
    /// The size of its stored text, in bytes.
    pub bytes: usize,
}

impl<'a> From<&'a Document> for ListRow<'a> {
    fn from(doc: &'a Document) -> ListRow<'a> {
        ListRow {
            doc: &doc.path,
            title: &doc.title,
            date: doc.date(),
            lang: doc.lang.code(),
            source: doc.source(),
            url: doc.url(),
            bytes: doc.text_len(),
        }
    }
}

/// Prints every document of the given paths.
pub fn run(args: &ListArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = documents(args)?;
    let mut out = std::io::BufWriter::new(out);
    let rows: Vec<ListRow<'_>> = corpus.docs.iter().map(ListRow::from).collect();
    match args.format {
        ListFormat::Jsonl => {
            for row in &rows {
                crate::json::write_line(&mut out, row)?;
            }
        }
        ListFormat::Table => write_table(&rows, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// Columns padded to their widest cell (in terminal cells), the title last and unpadded.
fn write_table(rows: &[ListRow<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let cells = |r: &ListRow<'_>| {
        [
            crate::escape::record_field(r.doc).into_owned(),
            r.date.unwrap_or("-").to_string(),
            r.lang.to_string(),
            r.source.unwrap_or("-").to_string(),
        ]
    };
    let mut widths = [0usize; 4];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(cells(row)) {
            *w = (*w).max(cell.width());
        }
    }
    for row in rows {
        let mut line = String::new();
        for (w, cell) in widths.iter().zip(cells(row)) {
            line.push_str(&cell);
            line.extend(std::iter::repeat_n(' ', w - cell.width() + 2));
        }
        line.push_str(&crate::escape::message(row.title));
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
