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
    /// Export annotations and triage state (brat, CoNLL, doccano, okur JSONL).
    Export(okur::cli::export::ExportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Export(args)) = &cli.command {
        return match okur::cli::export::run(args) {
            Ok(()) => ExitCode::SUCCESS,
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
