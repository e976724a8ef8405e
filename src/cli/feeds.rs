//! `okur feeds add|list|remove|import|export` (the followed feeds) and `okur fetch` (fetch
//! them into the feeds folder, where `okur --feeds` reads them offline).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};

use crate::fetch::{self, Client, FeedList, FeedResult, Outcome};

/// Where the feeds list and the fetched articles are.
#[derive(Debug, Clone, clap::Args)]
pub struct FeedsPlace {
    /// The feeds list (default: $XDG_CONFIG_HOME/okur/feeds.toml).
    #[arg(long, env = "OKUR_FEEDS", value_name = "FILE", global = true)]
    pub feeds_file: Option<PathBuf>,
}

impl FeedsPlace {
    fn file(&self) -> anyhow::Result<PathBuf> {
        match &self.feeds_file {
            Some(file) => Ok(file.clone()),
            None => Ok(fetch::default_feeds_file()?),
        }
    }
}

/// Manage the followed feeds.
#[derive(Debug, Clone, clap::Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    action: FeedsAction,
    #[command(flatten)]
    place: FeedsPlace,
}

#[derive(Debug, Clone, clap::Subcommand)]
enum FeedsAction {
    /// Follow a feed (RSS, Atom or JSON Feed) at URL.
    Add {
        /// The feed's address.
        url: String,
        /// A short name (default: made from the URL); `%src:NAME` finds its articles.
        #[arg(long)]
        name: Option<String>,
    },
    /// List the followed feeds: name, url, last fetch.
    List,
    /// Stop following a feed (by url or name); its fetched articles stay.
    Remove {
        /// The feed's url or name.
        feed: String,
    },
    /// Follow every feed listed in an OPML file (as other feed readers export).
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print the followed feeds as OPML, for other feed readers.
    Export,
}

/// Runs `okur feeds ACTION`.
pub fn run_feeds(args: &FeedsArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let path = args.place.file()?;
    let mut list = FeedList::load(&path)?;
    match &args.action {
        FeedsAction::Add { url, name } => {
            let feed = list.add(url, name.as_deref())?;
            writeln!(out, "following {} as {}", feed.url, feed.name)?;
            list.save(&path)?;
        }
        FeedsAction::Remove { feed } => {
            let gone = list.remove(feed)?;
            list.save(&path)?;
            writeln!(out, "no longer following {} ({})", gone.url, gone.name)?;
        }
        FeedsAction::List => print_list(&list, out)?,
        FeedsAction::Import { file } => {
            let bytes = crate::corpus::read_small_file(file, 16 << 20)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let outlines = fetch::read_opml(&String::from_utf8_lossy(&bytes))
                .with_context(|| file.display().to_string())?;
            let mut added = 0;
            for outline in outlines {
                if let Ok(feed) = list.add(&outline.url, None) {
                    let name = feed.name.clone();
                    if let Some(f) = list.feeds.iter_mut().find(|f| f.name == name) {
                        f.title = outline.title;
                    }
                    added += 1;
                }
            }
            list.save(&path)?;
            writeln!(
                out,
                "following {added} new feeds ({} in all)",
                list.feeds.len()
            )?;
        }
        FeedsAction::Export => out.write_all(fetch::write_opml(&list.feeds).as_bytes())?,
    }
    Ok(())
}

fn print_list(list: &FeedList, out: &mut dyn Write) -> anyhow::Result<()> {
    let dir = fetch::default_feeds_dir();
    for feed in &list.feeds {
        let state = dir
            .as_deref()
            .map(|d| fetch::FeedState::load(d, &feed.name))
            .unwrap_or_default();
        let last = match (&state.last_error, state.fetched_at) {
            (Some(err), _) => format!("failed: {err}"),
            (None, 0) => "never fetched".to_string(),
            (None, at) => format!("fetched {}", utc_time(at)),
        };
        writeln!(out, "{}\t{}\t{last}", feed.name, feed.url)?;
    }
    Ok(())
}

/// `2026-12-05T11:45:14+00:00` for seconds since the epoch.
fn utc_time(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or_else(|| secs.to_string(), |t| t.to_rfc3339())
}

/// Fetch the followed feeds.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// Fetch only these feeds (names or urls); default: all.
    pub only: Vec<String>,
    /// Seconds one request may take.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
    /// The largest feed or page fetched, in MB.
    #[arg(long, default_value_t = 20)]
    pub max_mb: u64,
    #[command(flatten)]
    place: FeedsPlace,
}

/// Runs `okur fetch`: one line per feed on standard output as it finishes. Returns false
/// when a feed failed (the others were still fetched).
pub fn run_fetch(args: &FetchArgs, out: &mut (dyn Write + Send)) -> anyhow::Result<bool> {
    let list = FeedList::load(&args.place.file()?)?;
    let feeds: Vec<_> = list
        .feeds
        .into_iter()
        .filter(|f| args.only.is_empty() || args.only.iter().any(|o| *o == f.name || *o == f.url))
        .collect();
    if feeds.is_empty() {
        bail!("no feeds to fetch: add one with `okur feeds add URL`");
    }
    let dir = fetch::default_feeds_dir().context("no feeds folder: set HOME or XDG_DATA_HOME")?;
    let _lock = lock_feeds_dir(&dir)?;
    let client = Client::new(
        Duration::from_secs(args.timeout.max(1)),
        args.max_mb.max(1).saturating_mul(1 << 20),
    );
    let out = std::sync::Mutex::new(out);
    let results = fetch::fetch_all(&client, &dir, &feeds, &|r| {
        let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
        let _ = writeln!(out, "{}", describe(r));
    });
    Ok(results
        .iter()
        .all(|r| !matches!(r.outcome, Outcome::Failed(_))))
}

/// One line for a feed's result: `NAME: 3 new (2 full articles)`.
fn describe(r: &FeedResult) -> String {
    match &r.outcome {
        Outcome::Unchanged => format!("{}: unchanged", r.name),
        Outcome::Failed(why) => format!("{}: failed: {why}", r.name),
        Outcome::Read(added) => {
            let mut line = format!("{}: {} new", r.name, added.new);
            if added.new > 0 {
                line.push_str(&format!(" ({} full articles)", added.full_text));
            }
            if let Some(first) = added.page_errors.first() {
                let more = added.page_errors.len() - 1;
                line.push_str(&format!("; page not read: {first}"));
                if more > 0 {
                    line.push_str(&format!(" and {more} more"));
                }
            }
            line
        }
    }
}

/// One fetch run at a time per feeds folder: two would append the same items twice.
fn lock_feeds_dir(dir: &Path) -> anyhow::Result<fetch::state::FetchLock> {
    Ok(fetch::state::FetchLock::take(dir)?)
}
