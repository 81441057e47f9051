//! `hotpapers star`, `unstar`, `tag`, `untag` and `tags`: your own library from the command
//! line, kept where the reader keeps it; `note` and `state` are in files of their own.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::library_state::{find, find_one, name, now, open_store};
use super::{Usage, load_lists, note, report, transfer, write_list};
use crate::cli::Cli;
use crate::cli::library::{LibraryCommand, PaperIds, TagArgs};
use crate::config::Config;
use crate::state::tag_name;

pub fn run(
    cli: &Cli,
    config: &Config,
    command: &LibraryCommand,
    out: &mut super::output::Stdout,
) -> Result<ExitCode> {
    match command {
        LibraryCommand::Star(ids) => star(cli, config, ids, true, out),
        LibraryCommand::Unstar(ids) => star(cli, config, ids, false, out),
        LibraryCommand::Tag(args) => tag(cli, config, args, true, out),
        LibraryCommand::Untag(args) => tag(cli, config, args, false, out),
        LibraryCommand::Tags { json } => tags(*json, out),
        LibraryCommand::Watch {
            forget: Some(name), ..
        } => super::watch::forget(config, name, out),
        LibraryCommand::Watch { json, all, .. } => super::watch::run(cli, config, *json, *all, out),
        LibraryCommand::Note(args) => note::run(cli, config, args, out),
        LibraryCommand::State { command } => transfer::run(command, out),
    }
}

/// Stars (`on`) or unstars every paper named, saying so a line each; a star given before keeps
/// its time. Names that are no paper of the archive are said on stderr and make the status 1,
/// without stopping the others.
fn star(
    cli: &Cli,
    config: &Config,
    ids: &PaperIds,
    on: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let archive = load_lists(cli, config)?;
    let store = open_store()?;
    let starred = store.load()?.starred;
    let mut code = ExitCode::SUCCESS;
    for given in &ids.ids {
        let paper = match find(&archive, given) {
            Ok(p) => p,
            Err(why) => {
                report(why);
                code = ExitCode::FAILURE;
                continue;
            }
        };
        let (id, was) = (name(paper), starred.contains_key(&paper.key));
        match (on, was) {
            (true, true) => writeln!(out, "{id} was starred already: {}", paper.title)?,
            (false, false) => writeln!(out, "{id} was not starred: {}", paper.title)?,
            _ => {
                store.set_starred(&paper.key, on, now())?;
                let what = if on { "starred" } else { "unstarred" };
                writeln!(out, "{what} {id}: {}", paper.title)?;
            }
        }
    }
    Ok(code)
}

/// Gives (`on`) or takes tags of one paper, then prints the tags it has. A tag to take that it
/// does not have is said on stderr; a name that cannot be a tag is a mistake of the command
/// line, and changes nothing.
fn tag(
    cli: &Cli,
    config: &Config,
    args: &TagArgs,
    on: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let tags = args
        .tags
        .iter()
        .map(|t| tag_name(t).map_err(|e| Usage(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let archive = load_lists(cli, config)?;
    let paper = find_one(&archive, &args.id)?;
    let store = open_store()?;
    let id = name(paper);
    if on {
        store.add_tags(&paper.key, &tags, now())?;
    } else {
        let had = store.tags_of(&paper.key)?;
        for t in &tags {
            if !had.iter().any(|h| h.eq_ignore_ascii_case(t)) {
                report(format!("{id} has no tag {t:?}"));
            }
        }
        store.remove_tags(&paper.key, &tags)?;
    }
    let now_has = store.tags_of(&paper.key)?;
    if now_has.is_empty() {
        writeln!(out, "{id} has no tags")?;
    } else {
        writeln!(out, "{id} tags: {}", now_has.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct TagCount {
    tag: String,
    count: usize,
}

/// Every tag and how many papers have it, in order of name: `tag<TAB>count` lines, or JSON.
fn tags(json: bool, out: &mut impl Write) -> Result<ExitCode> {
    let store = open_store()?;
    let counts: Vec<TagCount> = store
        .tag_counts()?
        .into_iter()
        .map(|(tag, count)| TagCount { tag, count })
        .collect();
    Ok(write_list(out, &counts, json, |out, _, t| {
        writeln!(out, "{}\t{}", t.tag, t.count)
    })?)
}
