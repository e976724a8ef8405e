//! `okur export`: the user's annotations, accepted extractions and triage state, read from
//! the journal (read-only, so it works while the TUI runs) and written as brat, CoNLL,
//! doccano or okur JSONL.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::corpus::Corpus;
use crate::store::export::{self, Format};
use crate::store::{Store, resolve_store_path};

/// Output format of `okur export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// brat standoff: NAME.txt and NAME.ann per document in --out DIR (offsets in characters).
    Brat,
    /// CoNLL BIO: `token LABEL` lines, `# doc: PATH` per document, blank line per sentence.
    Conll,
    /// doccano JSONL: {"text", "label": [[start, end, "PER"]]} per document (offsets in characters).
    Doccano,
    /// okur JSONL: one line per span (byte offsets) and one per document with its triage state.
    Jsonl,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Brat => Format::Brat,
            ExportFormat::Conll => Format::Conll,
            ExportFormat::Doccano => Format::Doccano,
            ExportFormat::Jsonl => Format::Jsonl,
        }
    }
}

/// Export annotations and triage state.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Folder to write into (created if needed). Required for brat; other formats write
    /// DIR/okur.conll, DIR/okur.doccano.jsonl or DIR/okur.jsonl, or standard output when
    /// no folder is given.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Journal to read. Default: $XDG_DATA_HOME/okur/journal.jsonl, else
    /// ~/.local/share/okur/journal.jsonl. Opened read-only: works while okur is running.
    #[arg(long, value_name = "FILE", env = "OKUR_STORE")]
    pub store: Option<PathBuf>,
    /// Export the team view from this team server instead of the journal (every format):
    /// each span and vote with its `author`.
    #[cfg(feature = "team")]
    #[arg(long = "team", value_name = "URL")]
    pub team: Option<String>,
    /// Files or folders whose documents are exported (.txt, .md; `-` reads standard input).
    /// None: the bundled seeds.
    pub paths: Vec<PathBuf>,
}

/// Runs `okur export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    let format = Format::from(args.format);
    if format == Format::Brat && args.out.is_none() {
        bail!("brat export writes one .txt and one .ann per document: pass --out DIR");
    }
    if let Some(dir) = &args.out {
        check_out_folder(dir)?;
    }
    let mut report = super::load_corpus(&args.paths)?;
    #[cfg(feature = "team")]
    if let Some(url) = &args.team {
        return export_team(args, format, &report.corpus, url);
    }
    let path = resolve_store_path(args.store.as_deref())?;
    // Only a journal known to be missing: a path that cannot be looked at (a symbolic link
    // to itself, a folder without permission) is said once, by the open below.
    if matches!(path.try_exists(), Ok(false)) {
        eprintln!("{}", no_journal_notice(&path));
    }
    let store = Store::open_read_only(&path)?;
    for warning in store.warnings() {
        eprintln!("okur: {}", crate::escape::message(&warning.to_string()));
    }
    crate::store::adopt_moved(store.state(), &mut report.corpus.docs);
    let corpus = &report.corpus;
    match (&args.out, format) {
        (Some(dir), Format::Brat) => {
            // Brat's file names are made from every document's path at once.
            let prepared = export::prepare_skipping(corpus, store.state())?;
            say_skipped(&prepared.skipped);
            export::brat::write_brat(dir, &prepared.docs)?;
        }
        (Some(dir), _) => {
            let (file, mut out) = create_in(dir, format)?;
            let written = stream(corpus, store.state(), format, &mut out)?;
            written.with_context(|| format!("cannot write {}", file.display()))?;
        }
        (None, _) => {
            let mut out = std::io::stdout().lock();
            let written = stream(corpus, store.state(), format, &mut out)?;
            written.context("cannot write to standard output")?;
        }
    }
    Ok(())
}

/// Writes each document of `corpus` in `format` (not brat) as soon as it is prepared: one
/// text plain at a time (preparing them all first held every exported text at once, and
/// `tests/export_memory.rs` holds it to that). The outer error is a text that does not
/// read back, the inner one the writing's.
pub fn stream(
    corpus: &Corpus,
    state: &crate::store::State,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<std::io::Result<()>> {
    for doc in &corpus.docs {
        // A span that does not fit its document (a damaged or hand-edited journal) is left
        // out, said on standard error; everything else is exported.
        let mut skipped = Vec::new();
        let doc = export::prepare_document(doc, state, &mut skipped)?;
        say_skipped(&skipped);
        let chunk = match format {
            Format::Conll => export::conll::conll(&doc),
            Format::Doccano => export::doccano::doccano_line(&doc),
            Format::Jsonl => export::jsonl::jsonl(&doc),
            Format::Brat => export::brat::ann(&doc),
        };
        if let Err(e) = out.write_all(chunk.as_bytes()) {
            return Ok(Err(e));
        }
    }
    Ok(out.flush())
}

/// What `okur export` says when the journal it was given is not there: the path as every
/// notice shows a name (an escape sequence in it shown, not obeyed; a byte that is not
/// UTF-8 as `\xHH`).
fn no_journal_notice(path: &std::path::Path) -> String {
    let name = crate::escape::path_name(path);
    format!(
        "okur: no journal at {}: exporting without annotations",
        crate::escape::message(&name)
    )
}

/// `--out DIR` names a folder, or nothing yet (it is made). A file there was reported as
/// `cannot create folder DIR: File exists` (`cannot write /dev/full: File exists` for
/// brat), which did not say what to change.
fn check_out_folder(dir: &std::path::Path) -> anyhow::Result<()> {
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => bail!(
            "--out {}: not a folder; name a folder for the export (made if missing)",
            dir.display()
        ),
        _ => Ok(()),
    }
}

/// Says on standard error which spans were left out.
fn say_skipped(skipped: &[export::ExportError]) {
    for bad in skipped {
        eprintln!(
            "okur: span skipped: {}",
            crate::escape::message(&bad.to_string())
        );
    }
}

/// The export file for `format` in the folder `dir` (`--out`), created with the folder:
/// its path, for messages, and a buffered writer.
fn create_in(
    dir: &std::path::Path,
    format: Format,
) -> anyhow::Result<(std::path::PathBuf, std::io::BufWriter<std::fs::File>)> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let path = dir.join(format.file_name());
    let file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    Ok((path, std::io::BufWriter::new(file)))
}

/// `okur export --team URL`: the team view (see `cli::team_export`).
#[cfg(feature = "team")]
fn export_team(
    args: &ExportArgs,
    format: Format,
    corpus: &crate::corpus::Corpus,
    url: &str,
) -> anyhow::Result<()> {
    let url = crate::team::TeamUrl::parse(url)?;
    let team = super::team_export::fetch(&url)?;
    if format != Format::Jsonl {
        // doccano, CoNLL, brat: every document given, spans with their authors.
        let empty = crate::store::DocState::default();
        let docs = super::team_export::team_docs(corpus, &team, &empty)?;
        return match &args.out {
            Some(dir) if format == Format::Brat => {
                export::team::write_brat(dir, &docs)?;
                Ok(())
            }
            Some(dir) => {
                let (path, mut file) = create_in(dir, format)?;
                export::team::write_stream(format, &docs, &mut file)
                    .with_context(|| format!("cannot write {}", path.display()))
            }
            None => export::team::write_stream(format, &docs, &mut std::io::stdout().lock())
                .context("cannot write to standard output"),
        };
    }
    let missing = match &args.out {
        Some(dir) => {
            let (_, mut file) = create_in(dir, format)?;
            let missing = super::team_export::write(corpus, &team, &mut file)?;
            file.flush()?;
            missing
        }
        None => super::team_export::write(corpus, &team, &mut std::io::stdout().lock())?,
    };
    if missing > 0 {
        eprintln!("okur: {missing} documents of the team are not among the documents given");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_missing_journal_is_named_without_its_escape_sequences_acting() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"j\xff\x1b[2J\x1b]0;x\x07.jsonl");
        let said = no_journal_notice(std::path::Path::new(name));
        assert_eq!(
            said,
            "okur: no journal at j\\xff\\x1b[2J\\x1b]0;x\\x07.jsonl: exporting without annotations"
        );
    }
}
