//! `hotpapers check`: load every post, print its problems and a count; exit status 1 on errors.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{archive_dir, blame_config, sample};
use crate::archive::{self, Archive, Severity};
use crate::cli::Cli;
use crate::config::Config;
use crate::display::words::count;

pub fn run(cli: &Cli, config: &Config, out: &mut impl Write) -> Result<ExitCode> {
    // Counts and diagnostics only: each post is dropped once counted, so checking a
    // large archive needs little memory.
    let (days, papers, tweets, diagnostics) = match archive_dir(cli, config) {
        Some(dir) => {
            let s = blame_config(Archive::summarize(&dir), cli, config)?;
            (s.days, s.papers, s.tweets, s.diagnostics)
        }
        None => {
            let a = sample();
            (
                a.days.len(),
                a.paper_count(),
                a.tweet_count(),
                a.diagnostics,
            )
        }
    };
    // Problems are messages, as `report`'s: a stderr nobody reads any more loses them, but
    // the count and the exit status still tell.
    let mut err = std::io::stderr().lock();
    for d in &diagnostics {
        if writeln!(err, "{d}").is_err() {
            break;
        }
    }
    let errors = archive::count(&diagnostics, Severity::Error);
    let warnings = diagnostics.len() - errors;
    writeln!(
        out,
        "{}, {}, {}, {}, {}",
        count(days, "day", "days"),
        count(papers, "paper", "papers"),
        count(tweets, "tweet", "tweets"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    )?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
