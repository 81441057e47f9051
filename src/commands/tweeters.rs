//! `hotpapers tweeters`: the accounts that tweeted about the most papers over a span of days.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{load_lists, span, write_list};
use crate::cli::{Cli, TweetersArgs};
use crate::config::Config;
use crate::search::People;

pub fn run(
    cli: &Cli,
    config: &Config,
    args: &TweetersArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let archive = load_lists(cli, config)?;
    let (since, until) = span(&archive, args.since, args.until)?;
    // One ranking: counted straight from the archive, without the People the box keeps.
    let ranked: Vec<_> = People::ranked_in(&archive, since, until)
        .into_iter()
        .take(args.limit)
        .collect();
    Ok(write_list(out, &ranked, args.json, |out, i, t| {
        writeln!(
            out,
            "{:>3}. @{:<20} {:>5} papers {:>5} tweets  {}",
            i + 1,
            t.handle,
            t.papers,
            t.tweets,
            t.name
        )
    })?)
}
