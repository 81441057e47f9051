//! `hotpapers watch [--json] [--all]`: the matches of each `[[watch]]` list of the config file
//! not seen yet, marked seen once printed — a digest for cron, as newsboat's `-x` is. With
//! `--all`, every match, and nothing marked.

use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::library_state::{now, open_store};
use super::load;
use crate::archive::{Archive, PaperKey};
use crate::cli::Cli;
use crate::config::Config;
use crate::search::{Order, SearchIndex, parse};

#[derive(Serialize)]
struct Hit<'a> {
    date: NaiveDate,
    rank: u32,
    arxiv_id: Option<&'a str>,
    title: &'a str,
    retweets: u64,
    favorites: u64,
    abs_url: Option<&'a str>,
}

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
    out: &mut impl Write,
) -> Result<ExitCode> {
    if config.watch.is_empty() {
        bail!(
            "no watch lists: add one to the config file, e.g.\n  [[watch]]\n  name = \"radiance\"\n  query = \"ti:nerf\""
        );
    }
    let archive = load(cli, config)?;
    let store = open_store()?;
    let index = SearchIndex::build(&archive);
    let mut lists = Vec::new();
    let mut to_mark: Vec<(String, Vec<PaperKey>)> = Vec::new();
    for w in &config.watch {
        // The config's queries were checked when it was read.
        let Ok(query) = parse(&w.query) else { continue };
        let seen: HashSet<PaperKey> = if all {
            HashSet::new()
        } else {
            store.seen(&w.name)?
        };
        let (papers, keys) = matches(&archive, &index, &query, &seen);
        lists.push(List {
            name: &w.name,
            query: &w.query,
            matches: papers.len()
                + if all {
                    0
                } else {
                    seen_matches(&archive, &index, &query, &seen)
                },
            papers,
        });
        to_mark.push((w.name.clone(), keys));
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &lists)?;
        writeln!(out)?;
    } else {
        for l in &lists {
            let what = if all { "matches" } else { "new" };
            writeln!(out, "{} ({}): {} {what}", l.name, l.query, l.papers.len())?;
            for h in &l.papers {
                writeln!(
                    out,
                    "  {}  #{:<2}  {:<12}  ♺{:>5} ♥{:>5}  {}",
                    h.date,
                    h.rank,
                    h.arxiv_id.unwrap_or("-"),
                    h.retweets,
                    h.favorites,
                    h.title
                )?;
            }
        }
    }
    if !all {
        let at = now();
        for (name, keys) in to_mark {
            store.mark_seen(&name, &keys, at)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The papers `query` matches that are not `seen`, each once at its newest listing, newest
/// first, with their keys.
fn matches<'a>(
    archive: &'a Archive,
    index: &SearchIndex,
    query: &crate::search::Query,
    seen: &HashSet<PaperKey>,
) -> (Vec<Hit<'a>>, Vec<PaperKey>) {
    let mut once = HashSet::new();
    let mut hits = Vec::new();
    let mut keys = Vec::new();
    for r in index.search_by(query, Order::Newest) {
        let day = &archive.days[r.day];
        let p = &day.papers[r.paper];
        if seen.contains(&p.key) || !once.insert(&p.key) {
            continue;
        }
        keys.push(p.key.clone());
        hits.push(Hit {
            date: day.date,
            rank: p.rank,
            arxiv_id: p.arxiv_id.as_deref(),
            title: &p.title,
            retweets: p.retweets,
            favorites: p.favorites,
            abs_url: p.abs_url.as_deref(),
        });
    }
    (hits, keys)
}

/// How many distinct papers `query` matches among the `seen` ones.
fn seen_matches(
    archive: &Archive,
    index: &SearchIndex,
    query: &crate::search::Query,
    seen: &HashSet<PaperKey>,
) -> usize {
    let mut once = HashSet::new();
    index
        .search_by(query, Order::Newest)
        .into_iter()
        .map(|r| &archive.days[r.day].papers[r.paper].key)
        .filter(|k| seen.contains(*k) && once.insert(*k))
        .count()
}
