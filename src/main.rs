use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use hotpapers::archive::{Archive, Severity};
use hotpapers::cli::{Cli, Command, DaySpec, split_search_flags};
use hotpapers::config::{self, Config};
use hotpapers::export::{self, Selection};
use hotpapers::tui;
use hotpapers::{commands, state};

/// Prints an error for people. Never panics (as `eprintln!` does when stderr is a terminal
/// that hung up): the message is lost then, but the exit status still tells.
fn report(message: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "hotpapers: {message}");
}

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
    match run(cli, &config) {
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
    let Some(Command::Search { query, limit, json }) = &mut cli.command else {
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

/// The archive folder: the positional ARCHIVE, else --archive or $HOTPAPERS_ARCHIVE, else the
/// config file's `archive`; `None` for the bundled sample.
fn archive_dir(cli: &Cli, config: &Config) -> Option<PathBuf> {
    cli.path
        .clone()
        .or_else(|| cli.archive.archive.clone())
        .or_else(|| config.archive.clone())
}

fn load(cli: &Cli, config: &Config) -> Result<Archive> {
    match archive_dir(cli, config) {
        Some(dir) => blame_config(Archive::load(&dir), cli, config),
        None => Ok(Archive::sample()),
    }
}

/// An archive load's result, naming the config file when the archive came from it.
fn blame_config<T, E>(r: Result<T, E>, cli: &Cli, config: &Config) -> Result<T>
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

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn run(cli: Cli, config: &Config) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Check) => {
            // Counts and diagnostics only: each post is dropped once counted, so checking a
            // large archive needs little memory.
            let (days, papers, tweets, diagnostics) = match archive_dir(&cli, config) {
                Some(dir) => {
                    let s = blame_config(Archive::summarize(&dir), &cli, config)?;
                    (s.days, s.papers, s.tweets, s.diagnostics)
                }
                None => {
                    let a = Archive::sample();
                    (
                        a.days.len(),
                        a.paper_count(),
                        a.tweet_count(),
                        a.diagnostics,
                    )
                }
            };
            let mut err = std::io::stderr().lock();
            for d in &diagnostics {
                writeln!(err, "{d}")?;
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            println!(
                "{days} days, {papers} papers, {tweets} tweets, {errors} errors, {warnings} warnings"
            );
            Ok(if errors > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Export {
            date,
            since,
            until,
            starred,
            unread,
            format,
        }) => {
            let archive = load(&cli, config)?;
            let day = match date {
                None => None,
                Some(spec) => {
                    let found = match spec.resolve(today()) {
                        Some(d) => archive.days.iter().find(|day| day.date == d),
                        None => archive.days.last(),
                    };
                    match found {
                        Some(day) => Some(day.date),
                        None => anyhow::bail!("no post for {}", describe(*spec)),
                    }
                }
            };
            let selection = Selection {
                day,
                since: since.map(|d| resolve_day(&archive, d)),
                until: until.map(|d| resolve_day(&archive, d)),
                starred: *starred,
                unread: *unread,
            };
            let marks = if selection.filters_papers() {
                let (marks, notice) = export::marks(state::default_dir().as_deref())
                    .context("reading the reading state")?;
                if let Some(n) = notice {
                    report(n);
                }
                marks
            } else {
                Default::default()
            };
            let days = export::select(&archive, &selection, &marks);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match export::write(&mut out, (*format).into(), &days).and_then(|_| out.flush()) {
                // A reader that stopped early (`| head`) is not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.context("writing the export")?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            let script = hotpapers::cli::completions(*shell);
            match std::io::stdout().lock().write_all(&script) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.context("writing the completions")?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search { query, limit, json }) => {
            if query.is_empty() {
                anyhow::bail!("search needs a query");
            }
            let archive = load(&cli, config)?;
            commands::search(&archive, query, *limit, *json)
        }
        Some(Command::Top {
            since,
            until,
            by,
            limit,
            json,
        }) => {
            let archive = load(&cli, config)?;
            let resolve = |d: &Option<DaySpec>| d.map(|d| resolve_day(&archive, d));
            commands::top(
                &archive,
                resolve(since),
                resolve(until),
                (*by).into(),
                *limit,
                *json,
            )
        }
        None => read(&cli, config),
    }
}

fn read(cli: &Cli, config: &Config) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for output to a pipe use `hotpapers export` or `hotpapers check`"
        );
    }
    let dir = archive_dir(cli, config);
    let prepared = tui::prepare(
        dir.as_deref(),
        cli.date,
        cli.rank,
        today(),
        state::default_dir(),
        config.theme(config::no_color()),
        config.mouse(cli.no_mouse),
    );
    let (mut app, options) = blame_config(prepared, cli, config)?;
    app.keymap = config.keymap.clone();
    let code = tui::run(app, options)?;
    Ok(ExitCode::from(code.clamp(0, 255) as u8))
}

/// A day as the user named it; `latest` is the archive's newest day.
fn resolve_day(archive: &Archive, spec: DaySpec) -> chrono::NaiveDate {
    spec.resolve(today())
        .or_else(|| archive.days.last().map(|d| d.date))
        .unwrap_or_else(today)
}

fn describe(spec: DaySpec) -> String {
    match spec {
        DaySpec::Date(d) => d.to_string(),
        DaySpec::Latest => "the latest day (the archive is empty)".into(),
        DaySpec::Today => format!("today ({})", today()),
        DaySpec::Yesterday => "yesterday".into(),
    }
}
