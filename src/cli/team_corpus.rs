//! `okur team corpus add PATH... --team URL`: put documents on the team server, once each
//! by the hash of their text, for analysts to select from (`okur --team URL --select ...`).

use std::io::Write;
use std::path::PathBuf;

use super::team::TeamFlag;
use crate::team::corpus::{UploadCounts, upload};
use crate::team::schema;

/// `okur team corpus ...`.
#[derive(Debug, Clone, clap::Args)]
pub struct CorpusArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: CorpusCommand,
}

/// The corpus subcommands.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum CorpusCommand {
    /// Upload documents (any format okur opens); those already on the server are skipped.
    /// Needs an uploader (`okur team add NAME --uploader`) or the schema's owner.
    Add {
        /// Files or folders, as okur opens them (`-` reads standard input).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The team server.
        #[command(flatten)]
        team: TeamFlag,
        /// Tag every uploaded article (repeat for several): what `--select tag:NAME` finds.
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
    },
}

/// Runs `okur team corpus ...`.
pub fn run(args: &CorpusArgs, out: &mut impl Write) -> anyhow::Result<()> {
    match &args.command {
        CorpusCommand::Add { paths, team, tags } => {
            if let Some(bad) = tags.iter().find(|t| t.is_empty() || t.contains('\0')) {
                anyhow::bail!("{bad:?} cannot be a tag");
            }
            let url = team.resolve()?;
            let scrub = |e: crate::team::TeamError| anyhow::anyhow!(url.scrub(&e.to_string()));
            // Connect before reading the files: a wrong address is said at once.
            let mut client = url.connect()?;
            schema::check(&mut client).map_err(scrub)?;
            let report = super::load_corpus(paths)?;
            let counts = upload(&mut client, &report.corpus.docs, tags).map_err(scrub)?;
            writeln!(out, "{}", summary(&counts, &url.to_string()))?;
        }
    }
    Ok(())
}

/// The line an upload ends with.
fn summary(c: &UploadCounts, url: &str) -> String {
    let mut line = format!(
        "{} documents sent to {url}: {} added, {} already there",
        c.sent, c.added, c.existing
    );
    if c.skipped > 0 {
        line.push_str(&format!(", {} skipped (a NUL byte in the text)", c.skipped));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_kind() {
        let c = UploadCounts {
            sent: 5,
            added: 3,
            existing: 2,
            skipped: 1,
        };
        assert_eq!(
            summary(&c, "postgres://a@h/db"),
            "5 documents sent to postgres://a@h/db: 3 added, 2 already there, 1 skipped (a NUL byte in the text)"
        );
    }
}
