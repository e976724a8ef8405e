//! `okur extract`: mentions of people, places and dates, as JSON lines or a table.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use crate::corpus::Document;
use crate::extract::CorpusExtraction;

/// Output format of `okur extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per mention.
    #[default]
    Jsonl,
    /// Aligned columns: doc, kind, text, entity, value.
    Table,
}

/// Arguments of `okur extract`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExtractArgs {
    /// Output format: `jsonl` (one object per mention) or `table` (aligned columns).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Files or folders to read (`-` reads standard input). None: the bundled seeds.
    pub paths: Vec<PathBuf>,
}

/// Runs the extraction over the given paths and prints every mention.
pub fn run(args: &ExtractArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let report = crate::cli::load_corpus(&args.paths)?;
    let corpus = report.corpus;
    let res = super::extract_cached(&corpus);
    let docs = &corpus.docs;
    // One write call per 64 KiB, not per line. A reader that goes away (`| head`) ends
    // the output with a broken pipe, which the caller treats as success.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    match args.format {
        ExtractFormat::Jsonl => write_jsonl(docs, &res, &mut out)?,
        ExtractFormat::Table => write_table(docs, &res, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// One line of `okur extract --format jsonl`.
#[derive(serde::Serialize)]
struct JsonMention<'a> {
    doc: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    entity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

/// `docs`: the documents extracted (each text read once, as its mentions are written).
fn write_jsonl(
    docs: &[Document],
    res: &CorpusExtraction,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    for (d, ms) in docs.iter().zip(&res.mentions) {
        let text = d.text()?;
        for m in ms {
            let line = JsonMention {
                doc: &d.path,
                kind: m.kind.name(),
                start: m.start,
                end: m.end,
                text: m.text(&text),
                entity: &res.entities[m.entity].canonical,
                value: m.value.as_deref(),
            };
            crate::json::write_line(&mut *out, &line)?;
        }
    }
    Ok(())
}

/// Width in terminal columns, counting each character once (Arabic and Turkish are narrow).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_table(
    docs: &[Document],
    res: &CorpusExtraction,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut rows = vec![["doc", "kind", "text", "entity", "value"].map(String::from)];
    for (d, ms) in docs.iter().zip(&res.mentions) {
        let text = d.text()?;
        for m in ms {
            rows.push([
                crate::escape::record_field(&d.path).into_owned(),
                m.kind.to_string(),
                one_line(m.text(&text)),
                one_line(&res.entities[m.entity].canonical),
                m.value.clone().unwrap_or_default(),
            ]);
        }
    }
    let mut w = [0usize; 5];
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(width(c));
        }
    }
    for r in &rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(w[i] - width(c) + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
