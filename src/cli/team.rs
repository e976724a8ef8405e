//! `okur team init|add|status|corpus`: set up a PostgreSQL server for a team and see who is
//! connected and what is waiting. The server's address comes from `--team URL`, else
//! `team = "..."` in the config; its password is never printed.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::team::{TeamUrl, schema, server};

/// `okur team ...`.
#[derive(Debug, Clone, clap::Args)]
pub struct TeamArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: TeamCommand,
}

/// The team subcommands.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum TeamCommand {
    /// Create okur's schema on a PostgreSQL server, or migrate it to this okur's version
    /// (as a role that may create schemas and roles).
    Init {
        /// The server, e.g. postgres://admin@db.example/news.
        url: String,
    },
    /// Create a database role for an analyst (or give an existing role okur's grants).
    Add {
        /// The analyst's role name (what they put in their URL as the user).
        name: String,
        /// The team server, as an administrator.
        #[command(flatten)]
        team: TeamFlag,
        /// A file whose first line is the analyst's password. Without it the role gets no
        /// password (for servers that authenticate otherwise: peer, certificates).
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        /// Also let the analyst upload articles (`okur team corpus add`).
        #[arg(long)]
        uploader: bool,
    },
    /// Who is connected, what each device has waiting, and how many changes the server holds.
    Status {
        /// The team server.
        #[command(flatten)]
        team: TeamFlag,
    },
    /// The corpus on the server: `okur team corpus add PATH... --team URL`.
    Corpus(super::team_corpus::CorpusArgs),
}

/// `--team URL`, else the config's `team`.
#[derive(Debug, Clone, clap::Args)]
pub struct TeamFlag {
    /// The team server: postgres://USER@HOST/DB (password from the URL, PGPASSWORD or
    /// PGPASSFILE). Default: `team` in the config.
    #[arg(long = "team", value_name = "URL")]
    pub url: Option<String>,
    /// The config file (default: $XDG_CONFIG_HOME/okur/config.toml if it exists).
    #[arg(long, env = "OKUR_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl TeamFlag {
    /// The server's address from the flag or the config; an error when neither gives one.
    pub fn resolve(&self) -> anyhow::Result<TeamUrl> {
        match resolve_team(self.url.as_deref(), self.config.as_deref())? {
            Some(url) => Ok(url),
            None => bail!("no team server: pass --team URL or set team = \"URL\" in the config"),
        }
    }
}

/// The team server from `flag`, else from the config's `team` key; `None` when neither
/// names one (a lone user: no network at all).
pub fn resolve_team(
    flag: Option<&str>,
    config: Option<&std::path::Path>,
) -> anyhow::Result<Option<TeamUrl>> {
    let url = match flag {
        Some(url) => Some(url.to_string()),
        None => crate::config::Config::load(config)?.team,
    };
    Ok(url.map(|u| TeamUrl::parse(&u)).transpose()?)
}

/// Runs `okur team ...`.
pub fn run(args: &TeamArgs, out: &mut impl Write) -> anyhow::Result<()> {
    match &args.command {
        TeamCommand::Init { url } => {
            let url = TeamUrl::parse(url)?;
            let mut client = url.connect()?;
            let applied = schema::migrate(&mut client).map_err(|e| scrub(&url, e))?;
            match applied.last() {
                Some(v) => writeln!(out, "okur schema at version {v} on {url}")?,
                None => writeln!(
                    out,
                    "okur schema already at version {} on {url}",
                    schema::SCHEMA_VERSION
                )?,
            }
        }
        TeamCommand::Add {
            name,
            team,
            password_file,
            uploader,
        } => {
            let url = team.resolve()?;
            let password = match password_file {
                Some(file) => Some(read_password(file)?),
                None => None,
            };
            let mut client = url.connect()?;
            let created = schema::add_analyst(&mut client, name, password.as_deref())
                .map_err(|e| scrub(&url, e))?;
            if *uploader {
                schema::grant_uploader(&mut client, name).map_err(|e| scrub(&url, e))?;
            }
            let what = if created {
                "created"
            } else {
                "already there; grants given"
            };
            let how = if password.is_some() {
                "with the password from the file"
            } else {
                "without a password"
            };
            let role = if *uploader {
                ", may upload articles"
            } else {
                ""
            };
            writeln!(out, "analyst {name}: {what}, {how}{role}")?;
        }
        TeamCommand::Status { team } => status(&team.resolve()?, out)?,
        TeamCommand::Corpus(args) => super::team_corpus::run(args, out)?,
    }
    Ok(())
}

/// The first line of `file`, which must not be empty.
fn read_password(file: &std::path::Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the password file {}", file.display()))?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        bail!("the password file {} is empty", file.display());
    }
    Ok(line.to_string())
}

/// `e` with the URL's password removed from its message.
fn scrub(url: &TeamUrl, e: crate::team::TeamError) -> anyhow::Error {
    anyhow::anyhow!(url.scrub(&e.to_string()))
}

/// How long since a device was seen before it counts as disconnected: its sync thread
/// reports every 5 s.
const ONLINE_SECONDS: i64 = 30;

/// Prints one line per device: analyst, online or when last seen, waiting changes,
/// changes on the server.
fn status(url: &TeamUrl, out: &mut impl Write) -> anyhow::Result<()> {
    let mut client = url.connect()?;
    schema::check(&mut client).map_err(|e| scrub(url, e))?;
    let devices = server::devices(&mut client).map_err(|e| scrub(url, e))?;
    let total: i64 = devices.iter().map(|d| d.changes).sum();
    writeln!(
        out,
        "{url}: schema {}, {} devices, {total} changes",
        schema::SCHEMA_VERSION,
        devices.len()
    )?;
    for d in devices {
        let seen = if d.idle_seconds <= ONLINE_SECONDS {
            "connected".to_string()
        } else {
            format!("last seen {}", ago(d.idle_seconds))
        };
        writeln!(
            out,
            "{}\t{}\t{seen}\t{} waiting\t{} on the server",
            d.author,
            d.device.chars().take(8).collect::<String>(),
            d.waiting,
            d.changes
        )?;
    }
    Ok(())
}

/// `seconds` as a rough age: `40 s ago`, `12 min ago`, `3 h ago`, `5 days ago`.
fn ago(seconds: i64) -> String {
    match seconds {
        s if s < 60 => format!("{s} s ago"),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s => format!("{} days ago", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_config_and_neither_means_no_team() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "team = \"postgres://ayse:pw@db/news\"\n")?;
        let from_config = resolve_team(None, Some(&config))?.map(|u| u.to_string());
        assert_eq!(from_config.as_deref(), Some("postgres://ayse:***@db/news"));
        let flag = resolve_team(Some("postgres://omar@db/news"), Some(&config))?;
        assert_eq!(flag.map(|u| u.user().to_string()).as_deref(), Some("omar"));
        let empty = dir.path().join("empty.toml");
        std::fs::write(&empty, "")?;
        assert!(resolve_team(None, Some(&empty))?.is_none());
        Ok(())
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(ago(5), "5 s ago");
        assert_eq!(ago(125), "2 min ago");
        assert_eq!(ago(7300), "2 h ago");
        assert_eq!(ago(200_000), "2 days ago");
    }
}
