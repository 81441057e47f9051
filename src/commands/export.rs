//! `hotpapers export`: the chosen days and papers in a format for other tools.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{Usage, describe, load, report, span, today};
use crate::cli::{Cli, ExportArgs};
use crate::config::Config;
use crate::export::{self, Selection};
use crate::state;

pub fn run(
    cli: &Cli,
    config: &Config,
    args: &ExportArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let archive = load(cli, config)?;
    let day = match args.date {
        None => None,
        Some(spec) => {
            let found = match spec.resolve(today()) {
                Some(d) => archive.days.iter().find(|day| day.date == d),
                None => archive.days.last(),
            };
            match found {
                Some(day) => Some(day.date),
                None => anyhow::bail!("no post for {}", describe(spec)),
            }
        }
    };
    let (since, until) = span(&archive, args.since, args.until)?;
    let tags = args
        .tags
        .iter()
        .map(|t| state::tag_name(t).map_err(|e| Usage(format!("--tag: {e}"))))
        .collect::<Result<_, _>>()?;
    let selection = Selection {
        day,
        since,
        until,
        starred: args.starred,
        unread: args.unread,
        tags,
    };
    // Always: the papers carry their tags and notes, whatever is selected.
    let (marks, notice) =
        export::marks(state::default_dir().as_deref()).context("reading the reading state")?;
    if let Some(n) = notice {
        report(n);
    }
    let days = export::select(&archive, &selection, &marks);
    let cells = if args.raw {
        export::csv::Cells::Raw
    } else {
        export::csv::Cells::Neutralized
    };
    export::write(out, args.format.into(), &days, &marks, cells)
        .and_then(|()| out.flush())
        .context("writing the export")?;
    Ok(ExitCode::SUCCESS)
}
