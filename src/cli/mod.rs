//! Headless commands: each prints what the core computes, for scripts, pipelines and tests.
//! Contracts are in DESIGN.md §2 and the README.

pub mod doctor;
pub mod export;
pub mod extract;
#[cfg(feature = "fetch")]
pub mod feeds;
pub mod find;
mod find_docs;
mod find_lines;
mod find_out;
mod find_read;
mod find_text;
#[cfg(feature = "tui")]
pub mod first_load;
pub mod list;
pub mod output;
pub mod render;
#[cfg(feature = "team")]
pub mod select;
#[cfg(feature = "team")]
pub mod team;
#[cfg(feature = "team")]
mod team_corpus;
#[cfg(feature = "team")]
pub mod team_export;

use std::path::PathBuf;

use anyhow::Context;

use crate::corpus::{self, LoadReport};

/// Loads the corpus the way every command and the TUI do: the given paths, or the bundled
/// seeds when there are none. Per-file notices (binary skipped, legacy encoding) go to stderr.
pub fn load_corpus(paths: &[PathBuf]) -> anyhow::Result<LoadReport> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        say_if_typed("standard input", "command | okur COMMAND -");
    }
    let report = load_quietly(paths)?;
    for notice in &report.notices {
        // A file name can hold a newline or an escape sequence: one line, nothing raw.
        eprintln!("okur: {}", crate::escape::message(notice));
    }
    Ok(report)
}

/// When standard input is a terminal, says on stderr that okur reads `what` typed there and
/// how to end it (or, as `piped`, to pipe it in): a command waiting for it looked hung.
pub(crate) fn say_if_typed(what: &str, piped: &str) {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprintln!(
            "okur: reading {what} from the terminal: type the text, then Ctrl-D on a line of \
             its own (or pipe it in: `{piped}`)"
        );
    }
}

/// [`load_corpus`] without printing the notices: for the reader, whose alternate screen
/// would hide them; it shows them itself.
pub fn load_quietly(paths: &[PathBuf]) -> anyhow::Result<LoadReport> {
    if paths.is_empty() {
        return Ok(corpus::load_seeds());
    }
    corpus::load_paths(paths).context("cannot open the corpus")
}

/// The reader's key map with the config's `[keys]` overrides; a bad entry names the config
/// file (`explicit`, else the default one), as every other config error does. `okur doctor`
/// checks it too, so a config it passes is one the reader takes.
#[cfg(feature = "tui")]
pub fn keymap_of(
    config: &crate::config::Config,
    explicit: Option<&std::path::Path>,
) -> anyhow::Result<crate::tui::keymap::Keymap> {
    crate::tui::keymap::Keymap::with_overrides(&config.keys).map_err(|e| {
        let path = crate::config::Config::path_in_use(explicit);
        let name = path.map_or_else(|| "(built-in)".into(), |p| p.display().to_string());
        anyhow::anyhow!("config {name}: {e}")
    })
}

/// Extraction over a corpus as the headless commands run it: each document's own mentions
/// come from the on-disk cache when an earlier run stored them (see
/// [`crate::extract::MentionCache`]).
pub fn extract_cached(corpus: &corpus::Corpus) -> crate::extract::CorpusExtraction {
    let ex = crate::extract::Extractor::new();
    let cache = ex
        .fingerprint()
        .and_then(crate::extract::MentionCache::open_default);
    crate::extract::extract_corpus_cached(&ex, corpus, cache.as_ref())
}
