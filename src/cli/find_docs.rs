//! `okur find` when only documents can match (`--scope docs`, or only `%doc` terms): a
//! document item is its title, dateline and file name, all in the first kilobytes of the
//! file, so only those are read, as the reader's first frame reads them. A search of 20k
//! articles then reads 40 MB less than the whole corpus and parses nothing.

use crate::corpus::fast::{TitleEntry, read_titles_noticed};
use crate::search::{Index, ItemView, Query, Scope, TitleRow};

use super::find::{FindArgs, print_hits};
use super::find_out::Record;

/// Runs the search over titles alone when the query can only match documents; `None` when
/// it can match more, or when the full load must speak (standard input, the bundled seeds,
/// news formats, no title found at all: its error says why).
pub(super) fn titles_only(args: &FindArgs, query: &Query) -> anyhow::Result<Option<bool>> {
    if !docs_only(query) || args.paths.is_empty() || args.paths.iter().any(|p| p == "-") {
        return Ok(None);
    }
    // A feed's articles, a page's main text: only the full load reads them.
    if crate::corpus::holds_news_formats(&args.paths) {
        return Ok(None);
    }
    let (titles, notices) = match read_titles_noticed(&args.paths) {
        Ok(found) => found,
        // The full load gives the same error, with its context.
        Err(_) => return Ok(None),
    };
    if titles.is_empty() {
        return Ok(None);
    }
    for notice in &notices {
        eprintln!("okur: {}", crate::escape::message(notice));
    }
    let index = Index::from_titles(titles.iter().map(TitleRow::from));
    print_hits(args, &index, query, |view, score| {
        record(view, score, &titles)
    })
    .map(Some)
}

/// True when every scope the query uses is documents.
fn docs_only(query: &Query) -> bool {
    let scopes = query.scopes();
    match scopes.is_empty() {
        true => query.scope == Scope::Docs,
        false => scopes.iter().all(|&s| s == Scope::Docs),
    }
}

/// The record of a document item from its title entry: the span only when the title is
/// whole (a long one is shortened with `…`).
fn record<'a>(view: &ItemView<'a>, score: i32, titles: &'a [TitleEntry]) -> Record<'a> {
    let title = view.doc.and_then(|d| titles.get(d));
    let whole =
        title.filter(|t| view.doc_offset == Some(t.title_offset) && !t.title.ends_with('…'));
    Record {
        kind: view.kind.label(),
        score,
        doc: title.map(|t| t.path.as_str()),
        end: whole.map(|t| t.title_offset + view.text.len()),
        text: view.text.clone(),
        start: whole.map(|t| t.title_offset),
        line: whole.map(|t| t.title_line),
        explain: None,
    }
}
