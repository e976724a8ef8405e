//! `--select FILTER` with `--team URL`: the working set comes from the team server's corpus
//! (see [`crate::team::corpus`]) instead of files: `okur list --team URL --select ...` prints
//! it, `okur --team URL --select ...` opens it in the reader, searched in memory as a local
//! corpus is.

use anyhow::bail;

use crate::corpus::Corpus;
use crate::team::TeamUrl;
use crate::team::corpus::{Selection, select};

/// Articles a selection loads at most unless `--max` says otherwise: about 250 MB of
/// average news in memory.
pub const DEFAULT_CAP: usize = 50_000;

/// The selection flags, on the reader and on `okur list`.
#[derive(Debug, Clone, clap::Args)]
pub struct SelectArgs {
    /// Open the articles of the team server's corpus that FILTER selects (needs --team):
    /// src:NAME since:DATE until:DATE tag:T lang:tr|ar, words and !words, e.g.
    /// 'src:trt since:2024-01-01 erdogan'.
    #[arg(long, value_name = "FILTER")]
    pub select: Option<String>,
    /// The most articles a selection loads (the newest first).
    #[arg(long = "max", value_name = "N", default_value_t = DEFAULT_CAP)]
    pub max: usize,
}

/// A working set read from the server, and what to tell the user about it.
#[derive(Debug)]
pub struct Loaded {
    /// The selected articles as documents, newest first.
    pub corpus: Corpus,
    /// Said when the selection held more than the cap.
    pub notice: Option<String>,
}

/// Reads the selection `filter` from `url`, at most `cap` articles.
pub fn load(url: &TeamUrl, filter: &str, cap: usize) -> anyhow::Result<Loaded> {
    if cap == 0 {
        bail!("--max 0 would load nothing: give at least 1");
    }
    let selection = Selection::parse(filter)?;
    let mut client = url.connect()?;
    let scrub = |e: crate::team::TeamError| anyhow::anyhow!(url.scrub(&e.to_string()));
    crate::team::schema::check(&mut client).map_err(scrub)?;
    let selected = select(&mut client, &selection, cap).map_err(scrub)?;
    let notice = selected.capped.then(|| {
        format!(
            "the selection holds more than {cap} articles: loaded the newest {cap}; narrow it (src:, since:, until:, tag:, words) or raise --max"
        )
    });
    Ok(Loaded {
        corpus: Corpus {
            docs: selected.docs,
        },
        notice,
    })
}
