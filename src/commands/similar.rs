//! `hotpapers similar`: the papers most like one paper, for people or as JSON; and the rows
//! `recommend` prints too.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Serialize;

use super::{load_lists, write_list};
use crate::archive::{Archive, PaperKey};
use crate::cli::{Cli, SimilarArgs};
use crate::config::Config;
use crate::search::arxiv_id::{canonical, paper_id};
use crate::similar::Similarity;

pub fn run(
    cli: &Cli,
    config: &Config,
    args: &SimilarArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    // Without the texts: the engine reads the abstracts back a post at a time.
    let archive = load_lists(cli, config)?;
    similar(&archive, args, out)
}

/// Prints the papers of `archive` most like the one `args` names; an error naming it when the
/// archive does not have it.
pub fn similar(archive: &Archive, args: &SimilarArgs, out: &mut impl Write) -> Result<ExitCode> {
    let Some(key) = find(archive, &args.paper) else {
        bail!("{} is not in the archive", args.paper.trim());
    };
    let engine = Similarity::build(archive);
    let found = engine.similar(key.as_str(), args.limit);
    let rows = rows(archive, &engine, &found);
    Ok(write_list(out, &rows, args.json, line)?)
}

/// The key of the paper an id or link names (any version), or else of the stored key given.
fn find(archive: &Archive, given: &str) -> Option<PaperKey> {
    let papers = || archive.days.iter().flat_map(|d| &d.papers);
    match paper_id(given.trim()) {
        Some(id) => papers()
            .find(|p| {
                p.arxiv_id
                    .as_deref()
                    .is_some_and(|a| canonical(a).eq_ignore_ascii_case(&id))
            })
            .map(|p| p.key.clone()),
        None => papers()
            .find(|p| p.key.as_str() == given)
            .map(|p| p.key.clone()),
    }
}

/// A paper found, as printed.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// The similarity (0 to 1), or the recommendation's score.
    pub score: f32,
    pub arxiv_id: Option<&'a str>,
    pub title: &'a str,
    /// The day of the paper's latest listing, and its rank that day.
    pub date: chrono::NaiveDate,
    pub rank: u32,
    pub retweets: u64,
    pub favorites: u64,
    pub abs_url: Option<std::borrow::Cow<'a, str>>,
}

/// The rows of the papers `found`, from their latest listings.
pub fn rows<'a>(
    archive: &'a Archive,
    engine: &Similarity,
    found: &[(PaperKey, f32)],
) -> Vec<Row<'a>> {
    found
        .iter()
        .filter_map(|(key, score)| {
            let (d, i) = engine.latest(key.as_str())?;
            let day = archive.days.get(d)?;
            let p = day.papers.get(i)?;
            Some(Row {
                score: (score * 1000.0).round() / 1000.0,
                arxiv_id: p.arxiv_id.as_deref(),
                title: &p.title,
                date: day.date,
                rank: p.rank,
                retweets: p.retweets,
                favorites: p.favorites,
                abs_url: p.abs_url(),
            })
        })
        .collect()
}

/// One row for people: place, score, id, day and rank, counts, title.
pub fn line(out: &mut impl Write, i: usize, r: &Row<'_>) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>3}. {:.3}  {:<12}  {} #{:<2}  ♺{:>5} ♥{:>5}  {}",
        i + 1,
        r.score,
        r.arxiv_id.unwrap_or("-"),
        r.date,
        r.rank,
        r.retweets,
        r.favorites,
        r.title
    )
}
