use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use hotpapers::archive::Archive;
use hotpapers::cli::{Cli, Command, DaySpec, split_search_flags};
use hotpapers::export::{self, Selection};
use hotpapers::tui::{self, theme::Theme};
use hotpapers::{commands, state};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("hotpapers: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn load(cli: &Cli) -> Result<Archive> {
    match cli.path.as_ref().or(cli.archive.archive.as_ref()) {
        Some(dir) => Ok(Archive::load(dir)?),
        None => Ok(Archive::sample()),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Check) => {
            let archive = load(&cli)?;
            let mut err = std::io::stderr().lock();
            for d in &archive.diagnostics {
                writeln!(err, "{d}")?;
            }
            println!(
                "{} days, {} papers, {} tweets, {} errors, {} warnings",
                archive.days.len(),
                archive.paper_count(),
                archive.tweet_count(),
                archive.errors(),
                archive.warnings()
            );
            Ok(if archive.errors() > 0 {
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
            let archive = load(&cli)?;
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
                    eprintln!("hotpapers: {n}");
                }
                marks
            } else {
                Default::default()
            };
            let days = export::select(&archive, &selection, &marks);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match export::write(&mut out, *format, &days).and_then(|_| out.flush()) {
                // A reader that stopped early (`| head`) is not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.context("writing the export")?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search { query, limit, json }) => {
            let (mut limit, mut json, mut dir) = (*limit, *json, None);
            let words = split_search_flags(query, &mut limit, &mut json, &mut dir)
                .map_err(|e| anyhow::anyhow!(e))?;
            if words.is_empty() {
                anyhow::bail!("search needs a query");
            }
            let archive = match dir {
                Some(d) => Archive::load(&d)?,
                None => load(&cli)?,
            };
            commands::search(&archive, &words, limit, json)
        }
        Some(Command::Top {
            since,
            until,
            by,
            limit,
            json,
        }) => {
            let archive = load(&cli)?;
            let resolve = |d: &Option<DaySpec>| d.map(|d| resolve_day(&archive, d));
            commands::top(&archive, resolve(since), resolve(until), *by, *limit, *json)
        }
        None => read(&cli),
    }
}

fn read(cli: &Cli) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for output to a pipe use `hotpapers export` or `hotpapers check`"
        );
    }
    let dir = cli.path.as_ref().or(cli.archive.archive.as_ref());
    let (app, options) = tui::prepare(
        dir.map(|d| d.as_path()),
        cli.date,
        cli.rank,
        today(),
        hotpapers::state::default_dir(),
        Theme::from_env(),
        !cli.no_mouse,
    )?;
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
