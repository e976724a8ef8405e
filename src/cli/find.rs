//! `okur find`: ranked search over a corpus, or over standard input like `fzf --filter`.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Context;

use super::find_out::Record;
use crate::corpus::Decoded;
use crate::search::{EntityItem, Index, ItemView, Query, Results, Scope};

/// Search documents, entities and text lines; print matches best first.
///
/// Query syntax as in fzf: space = AND, `|` = OR, `'exact`, `^prefix`, `suffix$`,
/// `!negation`; scopes `%per`, `%loc`, `%date` (ISO prefixes such as `2020-11`), `%doc`,
/// `%text`, `%src` (the document's path) apply to the terms after them. Exits 1 when nothing
/// matches.
#[derive(Debug, Clone, clap::Args)]
pub struct FindArgs {
    /// Which items to search (query scopes such as `%per` narrow it further).
    #[arg(long, value_enum, default_value_t = FindScope::All)]
    pub scope: FindScope,
    /// Print at most N matches (1 or more: `--limit 0` printed nothing and exited 0).
    #[arg(long, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub limit: Option<usize>,
    /// Rank the lines of standard input and print the matching lines (like `fzf --filter`).
    #[arg(long)]
    pub stdin: bool,
    /// Add a fifth column (`explain` in jsonl): which key of each match every term met (its
    /// text, another name, an alias spelling, a word of the other script), such as
    /// `lavrov: skeleton لافروف`.
    #[arg(long)]
    pub explain: bool,
    /// Output format: `tsv` (`kind<TAB>score<TAB>doc<TAB>text`, with `\t`, `\n`, `\r`
    /// and `\\` escaped) or `jsonl` (one object per match).
    #[arg(long, value_enum, default_value_t = FindFormat::Tsv)]
    pub format: FindFormat,
    /// The query.
    pub query: String,
    /// Files or folders to search (.txt, .md). None: the bundled seeds.
    pub paths: Vec<PathBuf>,
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FindFormat {
    /// Tab-separated `kind score doc text`, one match a line.
    Tsv,
    /// One JSON object per match: kind, score, doc, text, and for titles and lines the
    /// byte span in the document and the line number.
    Jsonl,
}

/// The `--scope` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FindScope {
    /// Documents, people, places, dates and text lines.
    All,
    /// Documents: title, dateline, file name.
    Docs,
    /// Person entities.
    People,
    /// Place entities.
    Places,
    /// Date entities and datelines.
    Dates,
    /// Lines of text.
    Text,
}

impl FindScope {
    fn scope(self) -> Scope {
        match self {
            FindScope::All => Scope::All,
            FindScope::Docs => Scope::Docs,
            FindScope::People => Scope::People,
            FindScope::Places => Scope::Places,
            FindScope::Dates => Scope::Dates,
            FindScope::Text => Scope::Text,
        }
    }
}

/// Most terms (words, alternatives, quoted phrases) a query may hold. Each term of a text
/// search is compiled into matchers of its own: 8,000 took 19 s and 60,000 did not end, where
/// no query a person types or a script sends comes near a few dozen.
pub const MAX_QUERY_TERMS: usize = 256;

/// Runs `okur find`. `entities` come from extraction over the same paths (the caller runs
/// it); it is called only when the scope or the query's `%per`/`%loc`/`%date` terms can match
/// an entity. Returns whether anything matched (exit 1 when not).
pub fn run(
    args: &FindArgs,
    entities: &dyn Fn(&crate::corpus::Corpus) -> Vec<EntityItem>,
) -> anyhow::Result<bool> {
    let query = Query::parse_in(&args.query, args.scope.scope());
    let terms: usize = query.groups.iter().map(|g| g.terms.len()).sum();
    if terms > MAX_QUERY_TERMS {
        anyhow::bail!(
            "the query has {terms} terms (words, alternatives, phrases); okur find takes at most {MAX_QUERY_TERMS}"
        );
    }
    if args.stdin {
        super::say_if_typed("the lines to rank", "command | okur find --stdin QUERY");
        let input = read_text(std::io::stdin().lock())?;
        let out = std::io::stdout();
        let terminal = std::io::IsTerminal::is_terminal(&out);
        return filter_lines(&input, &args.query, args.limit, terminal, &mut out.lock());
    }
    if let Some(matched) = super::find_docs::titles_only(args, &query)? {
        return Ok(matched);
    }
    if let Some(matched) = super::find_text::text_only(args, &query)? {
        return Ok(matched);
    }
    let corpus = std::sync::Arc::new(super::load_corpus(&args.paths)?.corpus);
    let docs = &corpus.docs;
    let found = match needs_entities(&query) {
        true => entities(&corpus),
        false => Vec::new(),
    };
    let index = Index::build(&corpus, &found);
    if index.too_big() {
        eprintln!(
            "okur: the corpus is too big to index whole (over 4 billion items); later items are not searched"
        );
    }
    warn_reader_words(&query);
    print_hits(args, &index, &query, |view, score| {
        Record::of_item(view, score, docs)
    })
}

/// Searches `index` and prints the hits best first, each as `record` describes it.
/// Returns whether anything matched.
pub(super) fn print_hits<'a>(
    args: &FindArgs,
    index: &'a Index,
    query: &Query,
    record: impl Fn(&ItemView<'a>, i32) -> Record<'a>,
) -> anyhow::Result<bool> {
    let results = search(index, query, args.limit)?;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut line = String::new();
    for hit in results.hits.iter().take(args.limit.unwrap_or(usize::MAX)) {
        let Some(view) = index.item(hit.item) else {
            continue;
        };
        let mut record = record(&view, hit.score);
        if args.explain {
            record.explain = Some(index.explain(query, hit.item).join("; "));
        }
        line.clear();
        record.push_line(args.format, &mut line)?;
        if !write_or_stop(&mut out, line.as_bytes())? {
            break;
        }
    }
    finish(out)?;
    Ok(!results.hits.is_empty())
}

/// True when some item the query can match is an entity (people, places, dates): only
/// then is extraction worth running.
pub fn needs_entities(query: &Query) -> bool {
    let mut scopes = query.scopes();
    if scopes.is_empty() {
        scopes.push(query.scope);
    }
    scopes
        .iter()
        .any(|s| !matches!(s, Scope::Docs | Scope::Text))
}

/// Reads standard input as text, decoded as files are (a legacy encoding such as
/// Windows-1254 or -1256 is detected and converted, with a notice on stderr). Binary input is
/// an error: its "lines" would be noise.
fn read_text(input: impl Read) -> anyhow::Result<String> {
    let bytes = crate::corpus::read_stdin_bytes(input, crate::corpus::max_input_bytes())
        .context("cannot read standard input")?;
    match crate::corpus::decode_bytes(bytes) {
        Decoded::Text { text, notice } => {
            if let Some(notice) = notice {
                eprintln!("okur: standard input: {notice}");
            }
            Ok(text)
        }
        Decoded::Binary => anyhow::bail!("standard input looks like a binary file"),
    }
}

/// Ranks the lines of `input` against `query` and writes the matching lines, best first:
/// as they are, or to a `terminal` with their control characters shown, not obeyed
/// (`crate::escape::terminal_text`). Returns whether any line matched.
pub fn filter_lines(
    input: &str,
    query: &str,
    limit: Option<usize>,
    terminal: bool,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let lines: Vec<&str> = input.lines().collect();
    let query = Query::parse(query);
    warn_reader_words(&query);
    let hits = crate::search::filter_lines(&lines, &query, &AtomicBool::new(false))
        .context("search was cancelled")?;
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for hit in hits.iter().take(limit.unwrap_or(usize::MAX)) {
        let line = lines.get(hit.item as usize).copied().unwrap_or("");
        let line = crate::escape::output_text(line, terminal);
        if !write_or_stop(&mut out, line.as_bytes())? || !write_or_stop(&mut out, b"\n")? {
            break;
        }
    }
    finish(out)?;
    Ok(!hits.is_empty())
}

/// State words (`%star`, `%unread`, `%tag:x`) filter by triage state, which only the
/// reader has: say so rather than ignore them silently. Other `%words` are no filter at all
/// (`%per:`, a mistyped scope): say which words are.
pub(super) fn warn_reader_words(query: &Query) {
    for word in &query.filters {
        let (shown, bare) = match word.strip_prefix('!') {
            Some(w) => (format!("!%{w}"), w),
            None => (format!("%{word}"), word.as_str()),
        };
        if crate::search::is_triage_word(bare) {
            eprintln!("okur: `{shown}` is a reader filter (triage state); okur find ignores it");
        } else {
            eprintln!(
                "okur: `{shown}` is no filter word (scopes: %all %per %loc %date %doc %text \
                 %src:NAME); okur find ignores it"
            );
        }
    }
}

/// Searches and ranks every hit (the first `limit` when there is a limit).
fn search(index: &Index, query: &Query, limit: Option<usize>) -> anyhow::Result<Results> {
    let mut results = index
        .search(query, None, &AtomicBool::new(false))
        .context("search was cancelled")?;
    if results.ranked < results.hits.len().min(limit.unwrap_or(usize::MAX)) {
        index.rank_all(&mut results);
    }
    Ok(results)
}

/// Writes; `Ok(false)` when the reader went away (`okur find ... | head`).
pub(super) fn write_or_stop(out: &mut impl Write, bytes: &[u8]) -> anyhow::Result<bool> {
    match out.write_all(bytes) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("cannot write the results to standard output"),
    }
}

pub(super) fn finish(mut out: impl Write) -> anyhow::Result<()> {
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write the results to standard output")
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_for_a_terminal_show_their_escape_sequences_and_a_pipe_gets_them_whole()
    -> anyhow::Result<()> {
        let input = "Ankara \u{1b}]0;title\u{7} one\nnothing\nAnkara \u{1b}[2J two\n";
        let mut shown = Vec::new();
        assert!(filter_lines(input, "ankara", None, true, &mut shown)?);
        let shown = String::from_utf8(shown)?;
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("Ankara \\x1b[2J two\n"), "{shown:?}");
        let mut piped = Vec::new();
        filter_lines(input, "ankara", None, false, &mut piped)?;
        assert!(String::from_utf8(piped)?.contains("Ankara \u{1b}]0;title\u{7} one\n"));
        Ok(())
    }
}
