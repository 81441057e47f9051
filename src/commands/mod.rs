//! The subcommands, one file each, and what they share: where the archive is, loading it,
//! naming days, a list for people or as JSON, and messages on stderr. `main` parses the command
//! line and hands each command its options and stdout.

pub mod cache;
pub mod check;
pub mod completions;
pub mod export;
// Library: stars, tags, notes, state
pub mod library;
pub mod library_state;
pub mod note;
pub mod output;
pub mod read;
pub mod search;
pub mod top;
pub mod transfer;
pub mod trend;
pub mod tweeters;
pub mod watch;
// Library: similar and recommend
pub mod recommend;
pub mod similar;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;

use crate::archive::{Archive, Escaped};
use crate::cli::{Cli, DaySpec};
use crate::config::Config;

/// Prints an error for people. Never panics (as `eprintln!` does when stderr is a terminal
/// that hung up): the message is lost then, but the exit status still tells.
///
/// Messages quote what came from outside — config keys and values, paths from the command
/// line or the config, ids, tags, file names — and any of it may hold an escape sequence
/// (`keys.\x1b]0;pwned\x07`): control characters and line breaks are shown escaped
/// (`\u{1b}`), as `check` shows file names, so nothing in a message acts on the terminal.
pub fn report(message: impl std::fmt::Display) {
    let text = message.to_string();
    let _ = writeln!(io::stderr(), "hotpapers: {}", Escaped(&text));
}

/// A mistake in the command line that shows only once the command runs, such as a span whose
/// ends are the wrong way round: `main` gives it the status of a bad command line, 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// What every command but the reader says on stderr when it reads the built-in sample: its
/// invented papers must never pass for a real archive's.
pub const SAMPLE_NOTICE: &str = concat!(
    "no archive given (an ARCHIVE argument, --archive, $HOTPAPERS_ARCHIVE or the config's ",
    "archive); using the built-in sample of invented papers"
);

/// The built-in sample, saying so on stderr.
fn sample() -> Archive {
    report(SAMPLE_NOTICE);
    Archive::sample()
}

/// The archive folder: the positional ARCHIVE, else --archive or $HOTPAPERS_ARCHIVE, else the
/// config file's `archive`; `None` for the built-in sample.
pub fn archive_dir(cli: &Cli, config: &Config) -> Option<PathBuf> {
    cli.path
        .clone()
        .or_else(|| cli.archive.archive.clone())
        .or_else(|| config.archive.clone())
}

/// The archive with every paper's abstract and tweets, for the commands that print or weigh
/// them (export, similar papers, recommendations).
pub fn load(cli: &Cli, config: &Config) -> Result<Archive> {
    Ok(with_texts(load_indexed(cli, config, false)?.0))
}

/// The archive as the cache gives it: papers from unchanged posts without their long texts
/// (see `archive::texts`), for the commands that need only titles, lists and counts.
pub fn load_lists(cli: &Cli, config: &Config) -> Result<Archive> {
    Ok(load_indexed(cli, config, false)?.0)
}

/// `archive` with the texts its papers left in their posts read back; a post that cannot be
/// read is said, its papers keep the rest.
fn with_texts(archive: Archive) -> Archive {
    if archive.holds_texts() {
        return archive;
    }
    let (full, errors) = archive.with_texts();
    for e in errors {
        report(e);
    }
    full
}

/// `load`, with the search index of the archive when `index` (the cached one brought up to
/// date, else built). Through the cache (see `cache::Loader`), which is written again when
/// something changed, before the command goes on.
pub fn load_indexed(
    cli: &Cli,
    config: &Config,
    index: bool,
) -> Result<(Archive, Option<std::sync::Arc<crate::search::SearchIndex>>)> {
    let Some(dir) = archive_dir(cli, config) else {
        let archive = sample();
        let index = index.then(|| std::sync::Arc::new(crate::search::SearchIndex::build(&archive)));
        return Ok((archive, index));
    };
    let mut loader = crate::cache::Loader::default();
    let archive = blame_config(loader.reload(&dir), cli, config)?.archive;
    let index = loader.cached_index(&archive).or_else(|| {
        // Built only when asked for: a command that needs no index does not pay for one.
        // The posts read back a few days at a time, as the reader does.
        index.then(|| {
            let spill = loader.spill_dir();
            let (index, errors) =
                crate::search::SearchIndex::build_reading_in(&archive, spill.as_deref());
            for e in errors {
                report(e);
            }
            index
        })
    });
    let index = index.map(std::sync::Arc::new);
    for w in loader.take_warnings() {
        report(w);
    }
    if let Some(pending) = loader.pending(&archive, index.as_ref())
        && let Err(w) = pending.write()
    {
        report(w);
    }
    Ok((archive, index))
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

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A day as the user named it; `latest` is the archive's newest day.
pub fn resolve_day(archive: &Archive, spec: DaySpec) -> NaiveDate {
    spec.resolve(today())
        .or_else(|| archive.days.last().map(|d| d.date))
        .unwrap_or_else(today)
}

/// The days from `since` to `until` (both inclusive, each end optional) as dates. A span that
/// ends before it starts is refused: it would print nothing, as if the archive had nothing.
pub fn span(
    archive: &Archive,
    since: Option<DaySpec>,
    until: Option<DaySpec>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), Usage> {
    let resolve = |d: Option<DaySpec>| d.map(|d| resolve_day(archive, d));
    match (resolve(since), resolve(until)) {
        (Some(s), Some(u)) if s > u => Err(Usage(format!(
            "--since {s} is after --until {u}: no day is in between"
        ))),
        span => Ok(span),
    }
}

pub fn describe(spec: DaySpec) -> String {
    match spec {
        DaySpec::Date(d) => d.to_string(),
        DaySpec::Latest => "the latest day (the archive is empty)".into(),
        DaySpec::Today => format!("today ({})", today()),
        DaySpec::Yesterday => "yesterday".into(),
    }
}

/// Writes `items` as a JSON array (`json`), else a line each with `line` (given the item's
/// index). Status 1 when there are none, like grep.
pub fn write_list<T: Serialize, W: Write>(
    out: &mut W,
    items: &[T],
    json: bool,
    mut line: impl FnMut(&mut W, usize, &T) -> io::Result<()>,
) -> io::Result<ExitCode> {
    if json {
        // As an io::Error: serde_json's own error hides it from `source()`, and `main` looks for
        // a closed stdout in the chain of sources.
        serde_json::to_writer_pretty(&mut *out, items).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        for (i, item) in items.iter().enumerate() {
            line(out, i, item)?;
        }
    }
    Ok(if items.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
