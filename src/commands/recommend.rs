//! `hotpapers recommend`: unread, unstarred papers ranked from the starred ones.

use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::similar::{line, rows};
use super::{Usage, load_lists, report, resolve_day, write_list};
use crate::archive::Archive;
use crate::cli::{Cli, RecommendArgs, parse_day};
use crate::config::Config;
use crate::export;
use crate::similar::{Feedback, Method, Similarity};
use crate::state;

/// What to say when there is nothing to go on.
pub const NO_STARS: &str = "nothing is starred yet: star a few papers with * in the reader, or \
                            hotpapers star ID, and recommend ranks the unread papers like them";

pub fn run(
    cli: &Cli,
    config: &Config,
    args: &RecommendArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    // Without the texts: the engine reads the abstracts back a post at a time.
    let archive = load_lists(cli, config)?;
    let (marks, notice) =
        export::marks(state::default_dir().as_deref()).context("reading the reading state")?;
    if let Some(n) = notice {
        report(n);
    }
    let feedback = Feedback::new(
        marks.starred.keys(),
        marks.tags.keys(),
        &marks.not_for_me,
        &marks.read,
    );
    recommend(&archive, &feedback, args, out)
}

/// Prints the recommendations for `feedback` from `archive`.
pub fn recommend(
    archive: &Archive,
    feedback: &Feedback,
    args: &RecommendArgs,
    out: &mut impl Write,
) -> Result<ExitCode> {
    if feedback.positives.is_empty() {
        report(NO_STARS);
        return Ok(ExitCode::FAILURE);
    }
    let mut exclude = feedback.exclude.clone();
    let since = args.since.as_deref().map(parse_day).transpose();
    let since = since.map_err(|e| Usage(format!("--since: {e}")))?;
    if let Some(since) = since.map(|d| resolve_day(archive, d)) {
        // Papers whose latest listing is older: their latest day decides, as in the list.
        let mut newer = HashSet::new();
        for day in archive.days.iter().rev() {
            for p in &day.papers {
                if day.date >= since {
                    newer.insert(&p.key);
                } else if !newer.contains(&p.key) {
                    exclude.insert(p.key.clone());
                }
            }
        }
    }
    let engine = Similarity::build(archive);
    let recs = engine.recommend(
        &feedback.positives,
        &feedback.negatives,
        &exclude,
        args.limit,
    );
    if recs.method == Method::Nothing {
        report(format_args!(
            "none of the {} starred papers is in this archive: {NO_STARS}",
            feedback.positives.len()
        ));
        return Ok(ExitCode::FAILURE);
    }
    // How they were ranked goes to stderr, so the list stays the list (and JSON stays JSON).
    report(match recs.method {
        Method::Centroid {
            positives,
            negatives,
        } => format!(
            "ranked by likeness to {positives} liked and away from {negatives} not-for-me papers \
             (their centroid; a model is trained from 5 liked papers on)"
        ),
        Method::Logistic {
            positives, epochs, ..
        } => format!(
            "ranked by a logistic regression trained on {positives} liked papers ({epochs} passes)"
        ),
        Method::Nothing => String::new(),
    });
    let rows = rows(archive, &engine, &recs.papers);
    Ok(write_list(out, &rows, args.json, line)?)
}
