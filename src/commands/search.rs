//! `hotpapers search QUERY`: matching papers of every day, for people or as JSON for programs.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::write_list;
use crate::archive::Archive;
use crate::cli::{Cli, SearchArgs, SortBy};
use crate::config::Config;
use crate::search::{Field, Notes, Order, PaperRef, Query, SearchIndex, parse, query::join_args};

/// A paper found, as `search` and `watch` print it.
#[derive(Serialize)]
pub(super) struct Hit<'a> {
    date: NaiveDate,
    rank: u32,
    arxiv_id: Option<&'a str>,
    title: &'a str,
    retweets: u64,
    favorites: u64,
    abs_url: Option<std::borrow::Cow<'a, str>>,
}

impl Hit<'_> {
    /// The listing `r` of `archive`.
    pub(super) fn at(archive: &Archive, r: PaperRef) -> Hit<'_> {
        let day = &archive.days[r.day];
        let p = &day.papers[r.paper];
        Hit {
            date: day.date,
            rank: p.rank,
            arxiv_id: p.arxiv_id.as_deref(),
            title: &p.title,
            retweets: p.retweets,
            favorites: p.favorites,
            abs_url: p.abs_url(),
        }
    }

    /// One line for people, after `indent`.
    pub(super) fn write(&self, out: &mut impl Write, indent: &str) -> std::io::Result<()> {
        writeln!(
            out,
            "{indent}{}  #{:<2}  {:<12}  ♺{:>5} ♥{:>5}  {}",
            self.date,
            self.rank,
            self.arxiv_id.unwrap_or("-"),
            self.retweets,
            self.favorites,
            self.title
        )
    }
}

pub fn run(
    cli: &Cli,
    config: &Config,
    args: &SearchArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    if args.query.is_empty() {
        anyhow::bail!("search needs a query");
    }
    let (archive, index) = super::load_indexed(cli, config, true)?;
    let index = index.unwrap_or_else(|| std::sync::Arc::new(SearchIndex::build(&archive)));
    search_in(&archive, &index, args, out)
}

/// Prints the papers of `archive` that match the query, in the order asked for (by relevance
/// when the query has words, else newest first); status 1 for none.
pub fn search(archive: &Archive, args: &SearchArgs, out: &mut impl Write) -> Result<ExitCode> {
    search_in(archive, &SearchIndex::build(archive), args, out)
}

/// `search` with the archive's `index` already made.
fn search_in(
    archive: &Archive,
    index: &SearchIndex,
    args: &SearchArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let text = join_args(&args.query);
    let query = parse(&text).map_err(|e| anyhow::anyhow!("query {text:?}: {e}"))?;
    let order = match args.sort {
        None => Order::for_query(&query),
        Some(SortBy::Relevance) => Order::Relevance,
        Some(SortBy::Newest) => Order::Newest,
        Some(SortBy::Score) => Order::Attention,
    };
    let notes = notes_for(&query)?;
    let refs = index.search_with(&query, order, &notes);
    if index.take_damage_notice() {
        super::report(
            "part of the cached search index is damaged (results may be missing): `hotpapers cache clear` rebuilds it",
        );
    }
    let hits: Vec<Hit> = refs
        .iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|&r| Hit::at(archive, r))
        .collect();
    Ok(write_list(out, &hits, args.json, |out, _, h| {
        h.write(out, "")
    })?)
}

/// Your notes, if `query` searches them (`note:`): read from the reading state, which other
/// queries never open.
pub(super) fn notes_for(query: &Query) -> Result<Notes> {
    if !query
        .root
        .terms()
        .iter()
        .any(|(t, _)| t.field == Field::Note)
    {
        return Ok(Notes::new());
    }
    let (marks, notice) = crate::export::marks(crate::state::default_dir().as_deref())?;
    if let Some(n) = notice {
        super::report(n);
    }
    Ok(marks.notes.into_iter().map(|(k, n)| (k, n.text)).collect())
}
