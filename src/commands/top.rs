//! `hotpapers top`: the most talked-about papers over a span of days, for people or as JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_lists, span, write_list};
use crate::archive::Archive;
use crate::cli::{Cli, TopArgs};
use crate::config::Config;
use crate::display::words::count;
use crate::search::top as rank;

pub fn run(cli: &Cli, config: &Config, args: &TopArgs, out: &mut impl Write) -> Result<ExitCode> {
    let archive = load_lists(cli, config)?;
    top(&archive, args, out)
}

/// Prints the leaderboard of `archive`; status 1 when no paper is in the span.
pub fn top(archive: &Archive, args: &TopArgs, out: &mut impl Write) -> Result<ExitCode> {
    let (since, until) = span(archive, args.since, args.until)?;
    let entries: Vec<_> = rank(archive, since, until, args.by.into(), |_| true)
        .into_iter()
        .take(args.limit)
        .collect();
    Ok(write_list(out, &entries, args.json, |out, i, e| {
        let days = if e.days.len() > 1 {
            format!("  ({})", count(e.days.len(), "day", "days"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>3}. {:<12}  ♺{:>5} ♥{:>5}  {}  {}{days}",
            i + 1,
            e.arxiv_id.as_deref().unwrap_or("-"),
            e.retweets,
            e.favorites,
            e.best_date,
            e.title
        )
    })?)
}
