//! Leaderboards: the most talked-about papers over a span of days. A paper listed on several
//! days is one entry; the counts in posts are running totals, so its best day counts, never a sum.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::index::PaperRef;
use crate::archive::{Archive, Paper, PaperKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Retweets plus favorites.
    #[default]
    Score,
    Retweets,
    Favorites,
}

impl Measure {
    pub fn of(self, p: &Paper) -> u64 {
        match self {
            Measure::Score => p.score(),
            Measure::Retweets => p.retweets,
            Measure::Favorites => p.favorites,
        }
    }

    pub fn next(self) -> Measure {
        match self {
            Measure::Score => Measure::Retweets,
            Measure::Retweets => Measure::Favorites,
            Measure::Favorites => Measure::Score,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::Score => "retweets+favorites",
            Measure::Retweets => "retweets",
            Measure::Favorites => "favorites",
        }
    }
}

/// One paper of a leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub arxiv_id: Option<String>,
    pub title: String,
    /// Counts of the best day.
    pub retweets: u64,
    pub favorites: u64,
    pub score: u64,
    /// The best day, and every day the paper was listed on (oldest first).
    pub best_date: NaiveDate,
    pub days: Vec<NaiveDate>,
    #[serde(skip)]
    pub best: PaperRef,
    /// The paper's newest listing in the span (what the leaderboard's arrow is about).
    #[serde(skip)]
    pub last: PaperRef,
}

/// Ranks the papers listed from `since` to `until` (both inclusive) by `measure`, keeping only
/// those `keep` accepts. Ties go to the earlier best day, then the arXiv id.
pub fn top(
    archive: &Archive,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    measure: Measure,
    keep: impl Fn(&Paper) -> bool,
) -> Vec<Entry> {
    let mut by_key: HashMap<&PaperKey, Entry> = HashMap::new();
    for (d, day) in archive.days.iter().enumerate() {
        if since.is_some_and(|s| day.date < s) || until.is_some_and(|u| day.date > u) {
            continue;
        }
        for (p, paper) in day.papers.iter().enumerate() {
            if !keep(paper) {
                continue;
            }
            let key = &paper.key;
            let here = PaperRef { day: d, paper: p };
            let e = by_key.entry(key).or_insert_with(|| Entry {
                arxiv_id: paper.arxiv_id.as_deref().map(str::to_string),
                title: paper.title.to_string(),
                retweets: paper.retweets,
                favorites: paper.favorites,
                score: paper.score(),
                best_date: day.date,
                days: Vec::new(),
                best: here,
                last: here,
            });
            // Days come oldest first.
            e.last = here;
            if !e.days.contains(&day.date) {
                e.days.push(day.date);
            }
            let best = &archive.days[e.best.day].papers[e.best.paper];
            if measure.of(paper) > measure.of(best) {
                e.retweets = paper.retweets;
                e.favorites = paper.favorites;
                e.score = paper.score();
                e.best_date = day.date;
                e.best = here;
                e.title = paper.title.to_string();
            }
        }
    }
    let mut entries: Vec<Entry> = by_key.into_values().collect();
    let value = |e: &Entry| match measure {
        Measure::Score => e.score,
        Measure::Retweets => e.retweets,
        Measure::Favorites => e.favorites,
    };
    entries.sort_by(|a, b| {
        value(b)
            .cmp(&value(a))
            .then(a.best_date.cmp(&b.best_date))
            .then_with(|| a.arxiv_id.cmp(&b.arxiv_id))
    });
    entries
}
