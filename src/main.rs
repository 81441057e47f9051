//! The `hotpapers` program: parses the command line, loads the config, runs the command and
//! turns its outcome into an exit status. The commands live in `hotpapers::commands`.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use hotpapers::cli::{Cli, Command, SearchFlags, split_search_flags};
use hotpapers::commands::{self, Usage, output, report};
use hotpapers::config::{self, Config, ConfigError};
use hotpapers::tui::keymap::{self, Keymap};

fn main() -> ExitCode {
    fewer_malloc_arenas();
    match run() {
        Ok(code) => code,
        Err(failure) => failure.exit_code(),
    }
}

/// glibc gives threads malloc arenas of their own, up to eight a core, and each keeps what
/// was freed in it. The loader's, the index's and the people's threads each leave one
/// behind: 109 MiB at the peak of a warm start of 10,000 posts (233 MiB) with the default,
/// 104 with two arenas, 102 with one (scripts/search_ready.py). Two: a core each.
fn fewer_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a tunable; called first thing, before any thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Why a run did not get to decide its own exit status.
enum Failure {
    /// The command line is wrong in a way clap does not see (two archives, search flags
    /// without their values, a span ending before it starts): status 2, as clap's own errors.
    Usage(String),
    /// The config file is wrong: status 2, like a wrong command line.
    Config(ConfigError),
    /// The command failed: status 1.
    Command(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    /// A command's failure; one that found the command line wrong is a `Usage` failure.
    fn from(e: anyhow::Error) -> Self {
        match e.downcast::<Usage>() {
            Ok(Usage(message)) => Failure::Usage(message),
            Err(e) => Failure::Command(e),
        }
    }
}

impl Failure {
    /// The one exit policy: says what went wrong on stderr and picks the status.
    fn exit_code(self) -> ExitCode {
        match self {
            Failure::Usage(message) => {
                report(message);
                ExitCode::from(2)
            }
            Failure::Config(e) => {
                report(e);
                ExitCode::from(2)
            }
            // Output cut short (`| head`, `| true`) is no failure, as with ripgrep and coreutils.
            // Rust ignores SIGPIPE, so a closed stdout shows as EPIPE from some write.
            Failure::Command(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
            Failure::Command(e) => {
                report(format_args!("{e:#}"));
                ExitCode::FAILURE
            }
        }
    }
}

/// Whether a write to a pipe nobody reads any more is behind `e`. Only stdout and stderr are
/// pipes these commands write.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run() -> Result<ExitCode, Failure> {
    // Parsed in two steps to learn where --archive came from: $HOTPAPERS_ARCHIVE gives way to
    // an ARCHIVE argument, --archive on the command line must agree with it.
    let matches = Cli::command()
        .try_get_matches()
        .unwrap_or_else(|e| clap_exit(e));
    let mut cli = Cli::from_arg_matches(&matches)
        .unwrap_or_else(|e| clap_exit(e.format(&mut Cli::command())));
    let flag_given = matches.value_source("archive") == Some(ValueSource::CommandLine);
    let flag_in_query = take_search_flags(&mut cli).map_err(Failure::Usage)?;
    cli.settle_archive(flag_given || flag_in_query)
        .map_err(Failure::Usage)?;
    // Completions describe the command line; nothing in the config file changes them.
    let config = match &cli.command {
        Some(Command::Completions { .. }) => Config::default(),
        _ => config::load(cli.config.as_deref()).map_err(Failure::Config)?,
    };
    // The `[keys]` are the reader's to judge, but a mistake in them is a mistake in the file
    // whatever the command, as with every other setting.
    let keymap = keymap::from_config(&config).map_err(Failure::Config)?;
    Ok(dispatch(&cli, &config, &keymap)?)
}

/// Ends as clap would for `e` (help, version or a usage error, status 2), but writes an error
/// plain (without clap's colors) and escaped, line by line, with the helper every message
/// uses: clap quotes values as given, and on a terminal an escape sequence in an argument or
/// in `$HOTPAPERS_ARCHIVE` would act.
fn clap_exit(e: clap::Error) -> ! {
    if !e.use_stderr() {
        e.exit()
    }
    let text = e.render().to_string();
    let mut err = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(err, "{}", hotpapers::archive::Escaped(line));
    }
    std::process::exit(e.exit_code())
}

/// `search` takes every word after the query, flags too: moves its `--limit`, `--json`, `--sort`,
/// `--archive` and `--config` where the other commands have them. Whether an `--archive` was
/// among them.
fn take_search_flags(cli: &mut Cli) -> Result<bool, String> {
    let Some(Command::Search(args)) = &mut cli.command else {
        return Ok(false);
    };
    let mut flags = SearchFlags {
        limit: args.limit,
        json: args.json,
        sort: args.sort,
        ..SearchFlags::default()
    };
    let query = &mut args.query;
    *query = split_search_flags(query, &mut flags)?;
    (args.limit, args.json, args.sort) = (flags.limit, flags.json, flags.sort);
    let (mut archive, config) = (flags.archive, flags.config);
    // `search blog diffusion`: a first word that names a folder, with more words after it, is
    // the archive, as `check blog` takes one. A folder named like a search word in the current
    // folder is the price; with `--archive` given, every word is the query.
    if archive.is_none() && cli.path.is_none() && query.len() > 1 {
        let first = std::path::Path::new(&query[0]);
        if first.is_dir() {
            archive = Some(first.to_path_buf());
            query.remove(0);
        }
    }
    let given = archive.is_some();
    if given {
        cli.archive.archive = archive;
    }
    if config.is_some() {
        cli.config = config;
    }
    Ok(given)
}

fn dispatch(cli: &Cli, config: &Config, keymap: &Keymap) -> anyhow::Result<ExitCode> {
    if cli.no_cache {
        hotpapers::cache::bypass();
    }
    let Some(command) = &cli.command else {
        // The reader draws on the terminal itself.
        return commands::read::run(cli, config, keymap);
    };
    // Every command prints through this one writer (see `commands::output`): a closed pipe
    // ends the output quietly, any other failure to write is kept and reported here once.
    let mut out = output::stdout();
    let code = match command {
        Command::Check(_) => commands::check::run(cli, config, &mut out),
        Command::Export(args) => commands::export::run(cli, config, args, &mut out),
        // Library: stars, tags, notes, state
        Command::Library(cmd) => commands::library::run(cli, config, cmd, &mut out),
        Command::Completions { shell } => commands::completions::run(*shell, &mut out),
        Command::Search(args) => commands::search::run(cli, config, args, &mut out),
        Command::Top(args) => commands::top::run(cli, config, args, &mut out),
        Command::Tweeters(args) => commands::tweeters::run(cli, config, args, &mut out),
        Command::Trend(args) => commands::trend::run(cli, config, args, &mut out),
        // Library: similar and recommend
        Command::Similar(args) => commands::similar::run(cli, config, args, &mut out),
        Command::Recommend(args) => commands::recommend::run(cli, config, args, &mut out),
        Command::Cache { action } => commands::cache::run(cli, config, *action, &mut out),
    };
    // Flushed here so that a failing last write is an error too, not lost in the writer's drop.
    let flushed = out.flush();
    let code = code?;
    match out.get_mut().take_error() {
        Some(e) => Err(anyhow::Error::new(e).context("cannot write the output")),
        None => flushed.map(|()| code).map_err(Into::into),
    }
}
