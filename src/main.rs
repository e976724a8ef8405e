//! The `okur` binary: argument parsing and dispatch. Everything else lives in the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use okur::cli;
#[cfg(feature = "tui")]
use okur::cli::first_load::{Opened, open_corpus};

/// okur: read and triage Turkish and Arabic news in the terminal.
///
/// With no command, opens the three-pane reader on the given files and folders (.txt, .md,
/// feeds, HTML pages, JSON dumps, WARC; `-` reads standard input), or on the bundled sample
/// articles when none are given.
#[derive(Debug, Parser)]
#[command(name = "okur", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    open: OpenArgs,
}

/// Options of the interactive reader.
#[derive(Debug, clap::Args)]
struct OpenArgs {
    /// Who reorders and whether okur shapes letters (`okur doctor` shows what auto picks).
    #[command(flatten)]
    display: cli::doctor::DisplayArgs,
    /// The config file (default: $XDG_CONFIG_HOME/okur/config.toml if it exists).
    #[arg(long, env = "OKUR_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// The annotation journal (default: $XDG_DATA_HOME/okur/journal.jsonl).
    #[arg(long, env = "OKUR_STORE", value_name = "FILE")]
    store: Option<PathBuf>,
    /// Share triage and annotations through this team server (postgres://USER@HOST/DB;
    /// password from the URL, PGPASSWORD or PGPASSFILE). Default: `team` in the config.
    #[cfg(feature = "team")]
    #[arg(long, value_name = "URL")]
    team: Option<String>,
    /// Open a selection of the team server's corpus instead of files (see `okur list
    /// --select`).
    #[cfg(feature = "team")]
    #[command(flatten)]
    select: cli::select::SelectArgs,
    /// Also open the fetched feeds (the feeds folder that `okur fetch` fills).
    #[cfg(feature = "fetch")]
    #[arg(long)]
    feeds: bool,
    /// Files or folders to open (.txt, .md, feeds, pages, dumps, WARC; `-` reads standard
    /// input; `FILE#N` one article of a feed). None: the bundled seeds.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the reading pane's rows for a file, exactly as drawn.
    Render(cli::render::RenderArgs),
    /// Print the people, places and dates found in the documents.
    Extract(cli::extract::ExtractArgs),
    /// Search documents, people, places, dates and text lines (or standard input).
    Find(cli::find::FindArgs),
    /// List the documents as opened (one per article of a feed, page, dump or archive).
    List(cli::list::ListArgs),
    /// Export annotations, accepted extractions and triage state (brat, CoNLL, doccano, JSONL).
    Export(cli::export::ExportArgs),
    /// Say which terminal okur detects, how the reader will draw Arabic on it, and why.
    Doctor(cli::doctor::DoctorArgs),
    /// Team mode on PostgreSQL: set up the server (init), add analysts, see the status.
    #[cfg(feature = "team")]
    Team(cli::team::TeamArgs),
    /// Follow news feeds: add, list, remove, OPML import and export.
    #[cfg(feature = "fetch")]
    Feeds(cli::feeds::FeedsArgs),
    /// Fetch the followed feeds and their full articles into the feeds folder (`okur --feeds`).
    #[cfg(feature = "fetch")]
    Fetch(cli::feeds::FetchArgs),
}

fn main() -> ExitCode {
    // Before any thread starts: an arena per core, not eight (see `okur::memory`).
    okur::memory::cap_arenas(okur::memory::arenas_for_cores());
    // Big blocks freed (a huge document's pieces, the reader's background phases) go back
    // to the system, not to the arenas: at 40 MB `okur extract` peaked 10 to 15 MB higher
    // and the reader 15 to 20 MB (see `okur::memory::own_pages_from`).
    okur::memory::own_pages_from(okur::memory::OWN_PAGES_FROM);
    let cli = Cli::parse();
    let mut stdout = cli::output::Stdout::new(std::io::stdout().lock());
    let result = match &cli.command {
        Some(Command::Render(args)) => cli::render::run(args, &mut stdout),
        Some(Command::Export(args)) => cli::export::run(args),
        Some(Command::List(args)) => cli::list::run(args, &mut stdout),
        Some(Command::Doctor(args)) => cli::doctor::run(args, detect_for_doctor(), &mut stdout),
        Some(Command::Extract(args)) => cli::extract::run(args, &mut stdout),
        #[cfg(feature = "team")]
        Some(Command::Team(args)) => cli::team::run(args, &mut stdout),
        Some(Command::Find(args)) => {
            drop(stdout);
            return match cli::find::run(args, &extracted_entities).and_then(read_back) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
                Err(err) => report(&err),
            };
        }
        #[cfg(feature = "fetch")]
        Some(Command::Feeds(args)) => cli::feeds::run_feeds(args, &mut stdout),
        #[cfg(feature = "fetch")]
        Some(Command::Fetch(args)) => {
            drop(stdout);
            return match cli::feeds::run_fetch(args, &mut std::io::stdout()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(err) => report(&err),
            };
        }
        None => open(&cli.open),
    };
    // The last rows may still sit in the buffer: their write error is the command's. The
    // reader draws on the terminal itself; when the link drops (SIGHUP, the terminal gone)
    // what its last draw left cannot be written, and that is no error: it exits 0.
    let flushed = match cli.command {
        Some(_) => stdout.flush().map_err(anyhow::Error::from),
        None => {
            let _ = stdout.flush();
            Ok(())
        }
    };
    match result.and(flushed).and_then(read_back) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

/// Prints the one-line error and returns exit status 2. A closed standard error (a dropped
/// link) loses the line rather than turning the exit into a panic.
fn report(err: &anyhow::Error) -> ExitCode {
    use std::io::Write;
    // Paths in the message may hold escape sequences or line breaks: shown, not obeyed.
    let line = okur::escape::error_line(err.as_ref());
    let _ = writeln!(std::io::stderr(), "okur: {}", okur::escape::message(&line));
    ExitCode::from(2)
}

/// What `okur doctor` reports on: the environment, and the terminal's own answers when it
/// names none and there is a controlling terminal to ask (also with output to a file).
fn detect_for_doctor() -> okur::display::Detected {
    #[cfg(feature = "tui")]
    return okur::tui::probe::detect_asking();
    #[cfg(not(feature = "tui"))]
    okur::display::detect_from_env()
}

/// People, places and dates of a corpus, for the search index of `okur find`.
fn extracted_entities(corpus: &okur::corpus::Corpus) -> Vec<okur::search::EntityItem> {
    let extraction = cli::extract_cached(corpus);
    extraction.entity_items(corpus.docs.as_slice())
}

/// `value`, unless a document's text held in memory did not read back during the command
/// (what read it could not stop there: an extraction pass, a search line): then that error.
fn read_back<T>(value: T) -> anyhow::Result<T> {
    match okur::corpus::text_failure() {
        Some(e) => Err(anyhow::anyhow!("{e}")),
        None => Ok(value),
    }
}

/// `okur render | head` closes the pipe early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The paths the reader opens: those given, and the feeds folder with `--feeds` (also
/// before anything was fetched into it: the reload after the fetch key reads it).
#[cfg(feature = "tui")]
fn reader_paths(args: &OpenArgs) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths = args.paths.clone();
    #[cfg(feature = "fetch")]
    if args.feeds {
        let dir = okur::fetch::default_feeds_dir()
            .ok_or_else(|| anyhow::anyhow!("no feeds folder: set HOME or XDG_DATA_HOME"))?;
        paths.push(dir);
    }
    Ok(paths)
}

/// The corpus of the paths given and the feeds folder. With `--feeds` before any fetch,
/// the feeds folder is left out of this first load: alone, the reader opens empty and
/// invites the fetch key (the list pane says so) rather than refusing to start.
#[cfg(feature = "tui")]
fn open_reader(args: &OpenArgs) -> anyhow::Result<Opened> {
    let mut paths = reader_paths(args)?;
    #[cfg(feature = "fetch")]
    if args.feeds
        && paths
            .last()
            .is_some_and(|dir| !okur::fetch::has_articles(dir))
    {
        paths.pop();
        if paths.is_empty() {
            return Ok(Opened {
                corpus: okur::corpus::Corpus::default(),
                status: "nothing fetched yet: U fetches the followed feeds".into(),
                notices: Vec::new(),
                loader: None,
            });
        }
    }
    open_corpus(&paths)
}

#[cfg(feature = "tui")]
fn open(args: &OpenArgs) -> anyhow::Result<()> {
    use okur::layout::LayoutOptions;
    use okur::tui::{App, app::Facts, theme::Theme};
    let config = okur::config::Config::load(args.config.as_deref())?;
    let keymap = cli::keymap_of(&config, args.config.as_deref())?;
    // Before the documents load (a bad config is still reported first): from a script or a
    // cron job the useful answer is what to run instead, not "No such device or address".
    if !okur::tui::has_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; use `okur render|extract|find|export` for scripts"
        );
    }
    // A dumb terminal (Emacs shell buffers, some CI logs) cannot move the cursor: the
    // alternate screen and colour escapes would arrive as garbage.
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        anyhow::bail!(
            "the reader needs a terminal that can move the cursor (TERM=dumb); use `okur render|extract|find|export`, or set TERM"
        );
    }
    // The journal is replayed while the corpus is read: a long journal (100k changes take
    // about 130 ms) then adds nothing to the time to the first frame.
    let (opened, store) = std::thread::scope(|s| {
        let store = s.spawn(|| {
            okur::store::resolve_store_path(args.store.as_deref())
                .and_then(|path| okur::store::Store::open_waiting(&path, okur::store::LOCK_WAIT))
        });
        let opened = open_selection(args, &config)
            .transpose()
            .unwrap_or_else(|| open_reader(args));
        let store = store
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (opened, store)
    });
    let mut opened = opened?;
    // A moved or renamed file keeps its triage state (see store::adopt_moved).
    if let Ok(store) = &store {
        okur::store::adopt_moved(store.state(), &mut opened.corpus.docs);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (resolved, late) = resolve_display(args, &config);
    let layout = LayoutOptions {
        shape: resolved.mode.shape,
        harakat: resolved.mode.harakat,
        bidi: resolved.mode.bidi,
        ..LayoutOptions::new(80)
    };
    let mut app = App::new(
        opened.corpus,
        Facts::default(),
        Theme::for_env(no_color, resolved.mode.italics),
        layout,
    );
    app.status.say(opened.status);
    // What the reload key (and a fetch that brought new articles) reads again.
    app.sources = reader_paths(args)?;
    if app.status.is_empty()
        && let Some(advice) = okur::display::advice_here(&resolved, &config)
    {
        app.status.say(advice.status);
    }
    app.notices = opened.notices;
    app.keymap = keymap;
    app.custom_labels = config.custom_labels();
    let mut store = match store {
        Ok(store) => Some(store),
        Err(err) => {
            app.status
                .say(format!("annotations will NOT be saved: {err}"));
            app.no_store = Some(err.to_string());
            None
        }
    };
    #[cfg(feature = "team")]
    let _team = start_team(args, &config, store.as_mut(), &mut app)?;
    let config_path = args
        .config
        .clone()
        .or_else(okur::config::default_config_path);
    let mut display = okur::tui::display::DisplayControl::new(resolved, config_path);
    if let Some(probe) = late {
        display.answer_later(probe, args.display.requested(), config.clone());
    }
    okur::tui::use_mouse(config.mouse);
    okur::tui::run(app, store, opened.loader, display)
}

/// The display mode, and the terminal's answers still to come when its first frame need
/// not wait for them: only the display check (asked when nothing says how to draw here)
/// waits the full deadline, since its questions depend on the answers.
#[cfg(feature = "tui")]
fn resolve_display(
    args: &OpenArgs,
    config: &okur::config::Config,
) -> (okur::display::Resolved, Option<okur::tui::probe::Probe>) {
    use okur::tui::probe::{Asked, ask_quickly};
    let requested = args.display.requested();
    let probe = match ask_quickly() {
        Asked::Done(detected) => {
            return (okur::display::resolve(detected, requested, config), None);
        }
        Asked::Pending(probe) => probe,
    };
    let resolved = okur::display::resolve(probe.detected(), requested, config);
    match resolved.ask {
        true => (
            okur::display::resolve(probe.wait(), requested, config),
            None,
        ),
        false => (resolved, Some(probe)),
    }
}

/// Team mode (`--team URL` or `team` in the config): the store's changes also wait in an
/// outbox that a background thread pushes, and the status line shows the link. Without a
/// team server, nothing.
#[cfg(all(feature = "tui", feature = "team"))]
fn start_team(
    args: &OpenArgs,
    config: &okur::config::Config,
    store: Option<&mut okur::store::Store>,
    app: &mut okur::tui::App,
) -> anyhow::Result<Option<okur::team::Sync>> {
    let url = match args.team.as_deref().or(config.team.as_deref()) {
        Some(url) => okur::team::TeamUrl::parse(url)?,
        None => return Ok(None),
    };
    let Some(store) = store else {
        app.status.say("team: not syncing, the store did not open");
        return Ok(None);
    };
    let outbox = match store.track_pushes() {
        Ok(outbox) => outbox,
        Err(err) => {
            app.status.say(format!("team: not syncing: {err}"));
            return Ok(None);
        }
    };
    let me = url.user().to_string();
    let sync = okur::team::Sync::start(url, outbox, okur::team::SyncOptions::default());
    // The link on the status line, the team's work in the panes.
    okur::tui::team_feed::attach(app, &sync, &me);
    Ok(Some(sync))
}

/// With `--select`, the team server's articles it selects (read before the first frame: a
/// selection of 20,000 articles takes well under a second); `None` without it.
#[cfg(feature = "tui")]
fn open_selection(
    args: &OpenArgs,
    config: &okur::config::Config,
) -> anyhow::Result<Option<Opened>> {
    #[cfg(feature = "team")]
    if let Some(filter) = &args.select.select {
        if !args.paths.is_empty() {
            anyhow::bail!("give either files or --select, not both");
        }
        let Some(url) = args.team.as_deref().or(config.team.as_deref()) else {
            anyhow::bail!(
                "--select reads the team server's corpus: pass --team URL or set team = \"URL\" in the config"
            );
        };
        let url = okur::team::TeamUrl::parse(url)?;
        let loaded = cli::select::load(&url, filter, args.select.max)?;
        let status = loaded.notice.unwrap_or_else(|| {
            format!(
                "{} articles selected on the team server",
                loaded.corpus.len()
            )
        });
        return Ok(Some(Opened {
            corpus: loaded.corpus,
            status,
            notices: Vec::new(),
            loader: None,
        }));
    }
    let _ = (args, config);
    Ok(None)
}

#[cfg(not(feature = "tui"))]
fn open(_args: &OpenArgs) -> anyhow::Result<()> {
    anyhow::bail!("this okur was built without the `tui` feature; use a subcommand (okur --help)")
}
