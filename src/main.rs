//! The `hotpapers` program: parses the command line, loads the config, runs the command and
//! turns its outcome into an exit status. The commands live in `hotpapers::commands`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use hotpapers::cli::{Cli, Command, SearchArgs, split_search_flags};
use hotpapers::commands::{self, report};
use hotpapers::config::{self, Config};

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Err(e) = take_search_flags(&mut cli) {
        report(e);
        return ExitCode::FAILURE;
    }
    // Completions describe the command line; nothing in the config file changes them.
    let config = match &cli.command {
        Some(Command::Completions { .. }) => Config::default(),
        _ => match config::load(cli.config.as_deref()) {
            Ok(c) => c,
            Err(e) => {
                report(e);
                return ExitCode::from(2);
            }
        },
    };
    match run(&cli, &config) {
        Ok(code) => code,
        Err(e) => {
            report(format_args!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// `search` takes every word after the query, flags too: moves its `--limit`, `--json`,
/// `--archive` and `--config` where the other commands have them.
fn take_search_flags(cli: &mut Cli) -> Result<(), String> {
    let Some(Command::Search(SearchArgs { query, limit, json })) = &mut cli.command else {
        return Ok(());
    };
    let (mut archive, mut config) = (None, None);
    *query = split_search_flags(query, limit, json, &mut archive, &mut config)?;
    if archive.is_some() {
        cli.archive.archive = archive;
    }
    if config.is_some() {
        cli.config = config;
    }
    Ok(())
}

fn run(cli: &Cli, config: &Config) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Check) => commands::check::run(cli, config),
        Some(Command::Export(args)) => commands::export::run(cli, config, args),
        Some(Command::Completions { shell }) => commands::completions::run(*shell),
        Some(Command::Search(args)) => commands::search::run(cli, config, args),
        Some(Command::Top(args)) => commands::top::run(cli, config, args),
        None => commands::read::run(cli, config),
    }
}
