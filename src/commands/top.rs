//! `hotpapers top`: the most talked-about papers over a span of days, for people or as JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{load, resolve_day};
use crate::archive::Archive;
use crate::cli::{Cli, TopArgs};
use crate::config::Config;
use crate::search::{Measure, top as rank};

pub fn run(cli: &Cli, config: &Config, args: &TopArgs) -> Result<ExitCode> {
    let archive = load(cli, config)?;
    let resolve = |d: Option<_>| d.map(|d| resolve_day(&archive, d));
    top(
        &archive,
        resolve(args.since),
        resolve(args.until),
        args.by.into(),
        args.limit,
        args.json,
    )
}

pub fn top(
    archive: &Archive,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    by: Measure,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let entries: Vec<_> = rank(archive, since, until, by, |_| true)
        .into_iter()
        .take(limit)
        .collect();
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &entries)?;
        writeln!(out)?;
    } else {
        for (i, e) in entries.iter().enumerate() {
            let days = if e.days.len() > 1 {
                format!("  ({} days)", e.days.len())
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
            )?;
        }
    }
    Ok(if entries.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
