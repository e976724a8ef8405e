//! The `okur` binary: argument parsing and dispatch. Everything else lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// okur: read and triage Turkish and Arabic news in the terminal.
#[derive(Debug, Parser)]
#[command(name = "okur", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to open (.txt, .md; `-` reads standard input). None: the bundled seeds.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Search documents, people, places, dates and text lines (or standard input).
    Find(okur::cli::find::FindArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Temporary wiring (search branch): the lead passes extracted entities here.
    if let Some(Command::Find(args)) = &cli.command {
        return match okur::cli::find::run(args, Vec::new()) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(err) => {
                eprintln!("okur: {err:#}");
                ExitCode::from(2)
            }
        };
    }
    match okur::cli::load_corpus(&cli.paths) {
        Ok(report) => {
            println!("{} documents", report.corpus.len());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("okur: {err:#}");
            ExitCode::from(2)
        }
    }
}
