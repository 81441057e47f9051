//! The subcommands, one file each, and what they share: where the archive is, loading it, and
//! naming days. `main` parses the command line and hands each command its options.

pub mod check;
pub mod completions;
pub mod export;
pub mod read;
pub mod search;
pub mod top;

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::archive::Archive;
use crate::cli::{Cli, DaySpec};
use crate::config::Config;

/// Prints an error for people. Never panics (as `eprintln!` does when stderr is a terminal
/// that hung up): the message is lost then, but the exit status still tells.
pub fn report(message: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "hotpapers: {message}");
}

/// The archive folder: the positional ARCHIVE, else --archive or $HOTPAPERS_ARCHIVE, else the
/// config file's `archive`; `None` for the bundled sample.
pub fn archive_dir(cli: &Cli, config: &Config) -> Option<PathBuf> {
    cli.path
        .clone()
        .or_else(|| cli.archive.archive.clone())
        .or_else(|| config.archive.clone())
}

pub fn load(cli: &Cli, config: &Config) -> Result<Archive> {
    match archive_dir(cli, config) {
        Some(dir) => blame_config(Archive::load(&dir), cli, config),
        None => Ok(Archive::sample()),
    }
}

/// An archive load's result, naming the config file when the archive came from it.
pub fn blame_config<T, E>(r: Result<T, E>, cli: &Cli, config: &Config) -> Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match (
        &cli.path,
        &cli.archive.archive,
        &config.file,
        &config.archive,
    ) {
        (None, None, Some(file), Some(dir)) => {
            r.with_context(|| format!("the archive set in {} ({})", file.display(), dir.display()))
        }
        _ => Ok(r?),
    }
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A day as the user named it; `latest` is the archive's newest day.
pub fn resolve_day(archive: &Archive, spec: DaySpec) -> chrono::NaiveDate {
    spec.resolve(today())
        .or_else(|| archive.days.last().map(|d| d.date))
        .unwrap_or_else(today)
}

pub fn describe(spec: DaySpec) -> String {
    match spec {
        DaySpec::Date(d) => d.to_string(),
        DaySpec::Latest => "the latest day (the archive is empty)".into(),
        DaySpec::Today => format!("today ({})", today()),
        DaySpec::Yesterday => "yesterday".into(),
    }
}
