//! `hotpapers watch [--json] [--all]`: the matches of each watch list (the config file's
//! `[[watch]]` and those saved in the reader) not seen yet, marked seen once printed — a digest
//! for cron, as newsboat's `-x` is. With `--all`, every match, and nothing marked.

use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Serialize;

use super::library_state::{now, open_store};
use super::search::Hit;
use crate::archive::{Archive, PaperKey};
use crate::cli::Cli;
use crate::config::{Config, all_watches};
use crate::search::{Order, SearchIndex, once_per_paper, parse};

#[derive(Serialize)]
struct List<'a> {
    name: &'a str,
    query: &'a str,
    /// Every paper the query matches.
    matches: usize,
    /// The matches shown: the new ones, or all with `--all`; each paper once, newest first.
    papers: Vec<Hit<'a>>,
}

pub fn run(
    cli: &Cli,
    config: &Config,
    json: bool,
    all: bool,
    out: &mut super::output::Stdout,
) -> Result<ExitCode> {
    let store = open_store()?;
    let watches = all_watches(&config.watch, &store.saved_watches()?);
    if watches.is_empty() {
        bail!(
            "no watch lists: save a search as one in the reader (Ctrl-s in the search box), or add one to the config file, e.g. [[watch]] name = \"radiance\" query = \"ti:nerf\" (a table of its own)"
        );
    }
    // The cached index when there is one: matching needs no texts.
    let (archive, index) = super::load_indexed(cli, config, true)?;
    let index = index.ok_or_else(|| anyhow::anyhow!("the search index could not be made"))?;
    let mut lists = Vec::new();
    let mut to_mark: Vec<(String, Vec<PaperKey>)> = Vec::new();
    for w in &watches {
        // The queries were checked when they were read or saved.
        let Ok(query) = parse(&w.query) else { continue };
        let seen: HashSet<PaperKey> = if all {
            HashSet::new()
        } else {
            store.seen(&w.name)?
        };
        let found = matches(&archive, &index, &query, &seen);
        lists.push(List {
            name: &w.name,
            query: &w.query,
            matches: found.hits.len() + found.seen,
            papers: found.hits,
        });
        to_mark.push((w.name.clone(), found.keys));
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &lists)?;
        writeln!(out)?;
    } else {
        for l in &lists {
            let what = if all { "matches" } else { "new" };
            writeln!(out, "{} ({}): {} {what}", l.name, l.query, l.papers.len())?;
            for h in &l.papers {
                h.write(out, "  ")?;
            }
        }
    }
    // Seen means printed and read: output cut short (`| head`) marks nothing, so the next run
    // shows the same papers again rather than lose some.
    out.flush()?;
    if !all && !out.get_ref().cut() {
        let at = now();
        for (name, keys) in to_mark {
            store.mark_seen(&name, &keys, at)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `watch --forget NAME`: forgets a watch list saved in the reader. One of the config file's
/// is the file's to change, and the message says so.
pub fn forget(config: &Config, name: &str, out: &mut impl Write) -> Result<ExitCode> {
    if config.watch.iter().any(|w| w.name == name.trim()) {
        bail!(
            "watch list {:?} is in the config file: delete its [[watch]] there",
            name.trim()
        );
    }
    if !open_store()?.forget_watch(name.trim())? {
        bail!("no watch list {:?} was saved in the reader", name.trim());
    }
    writeln!(out, "forgot the watch list {:?}", name.trim())?;
    Ok(ExitCode::SUCCESS)
}

/// What a watch list's query matches.
struct Found<'a> {
    /// The papers not seen yet, each once at its newest listing, newest first.
    hits: Vec<Hit<'a>>,
    keys: Vec<PaperKey>,
    /// How many distinct papers it matches among the seen ones.
    seen: usize,
}

/// What `query` matches, the papers in `seen` counted apart: one search, each paper once.
fn matches<'a>(
    archive: &'a Archive,
    index: &SearchIndex,
    query: &crate::search::Query,
    seen: &HashSet<PaperKey>,
) -> Found<'a> {
    let mut found = Found {
        hits: Vec::new(),
        keys: Vec::new(),
        seen: 0,
    };
    for r in once_per_paper(archive, &index.search_by(query, Order::Newest)) {
        let key = &archive.days[r.day].papers[r.paper].key;
        if seen.contains(key) {
            found.seen += 1;
        } else {
            found.keys.push(key.clone());
            found.hits.push(Hit::at(archive, r));
        }
    }
    found
}
