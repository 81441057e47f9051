//! The people who tweet: every account that tweeted about a paper of the archive, with the
//! papers it tweeted about, counted over any span of days. A paper listed on several days is
//! one paper (its `PaperKey`), so an account counts it once however often the digest repeats
//! it; its tweets are counted once each (by their status link).
//!
//! Built once per archive: for each (account, paper) pair, the days whose listing of the paper
//! holds the account's tweets and how many distinct tweets it wrote about it. A span then costs
//! one pass over the pairs, a binary search each, which keeps the People box and `tweeters`
//! within a frame's budget on hundreds of thousands of papers.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::index::PaperRef;
use super::listings::Listings;

mod build;
mod link;
#[cfg(test)]
mod random;
mod tally;
use crate::archive::PaperKey;

/// One account's figures over a span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tweeter {
    /// As written in the newest tweet (handles are compared ignoring case).
    pub handle: String,
    pub name: String,
    /// Distinct papers it tweeted about in the span.
    pub papers: usize,
    /// Its distinct tweets about them.
    pub tweets: usize,
    /// Of its papers, how many were marked (see `ranked_marking`: your starred ones).
    #[serde(skip)]
    pub marked: usize,
    #[serde(skip)]
    account: u32,
}

#[derive(Debug, Clone)]
struct Account {
    handle: String,
    name: String,
}

#[derive(Debug, Clone)]
struct Pair {
    account: u32,
    /// The paper's number in `Listings`.
    paper: u32,
    /// The days (indexes into the archive, ascending) listing the paper with its tweets, in
    /// `People::days`.
    days: std::ops::Range<u32>,
    tweets: u32,
}

#[derive(Debug, Clone, Default)]
pub struct People {
    accounts: Vec<Account>,
    pairs: Vec<Pair>,
    days: Vec<u32>,
    /// Each distinct paper's listings (the reader's own, when it made them first).
    listings: Arc<Listings>,
    dates: Vec<NaiveDate>,
}

impl People {
    /// How many accounts tweeted about some paper.
    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    /// The archive's days from `since` to `until` (either open), as indexes.
    fn span(&self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> (u32, u32) {
        let from = since.map_or(0, |s| self.dates.partition_point(|d| *d < s));
        let to = until.map_or(self.dates.len(), |u| {
            self.dates.partition_point(|d| *d <= u)
        });
        (from as u32, to as u32)
    }

    /// Whether pair `p` has a listing among the days `from..to`.
    fn in_span(&self, p: &Pair, (from, to): (u32, u32)) -> bool {
        let days = &self.days[p.days.start as usize..p.days.end as usize];
        let i = days.partition_point(|d| *d < from);
        days.get(i).is_some_and(|d| *d < to)
    }

    /// The accounts that tweeted about papers listed from `since` to `until`, most papers
    /// first, then most tweets, then by handle.
    pub fn ranked(&self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Vec<Tweeter> {
        self.ranked_marking(since, until, std::iter::empty())
    }

    /// As `ranked`, with each account's count of its papers among `marked` (your starred
    /// ones). The few marked are looked up once, not every pair's paper in them: asking a set
    /// of keys about each of 330,000 pairs took 60 ms.
    pub fn ranked_marking<'a>(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        marked: impl IntoIterator<Item = &'a PaperKey>,
    ) -> Vec<Tweeter> {
        let mut is_marked: Vec<bool> = Vec::new();
        for id in marked
            .into_iter()
            .filter_map(|k| self.listings.id_of(k.as_str()))
        {
            if is_marked.is_empty() {
                is_marked = vec![false; self.listings.len()];
            }
            is_marked[id as usize] = true;
        }
        let marked = |paper: u32| is_marked.get(paper as usize).copied().unwrap_or(false);
        let span = self.span(since, until);
        let mut counts = vec![(0usize, 0usize, 0usize); self.accounts.len()];
        for p in &self.pairs {
            if self.in_span(p, span) {
                let c = &mut counts[p.account as usize];
                c.0 += 1;
                c.1 += p.tweets as usize;
                c.2 += usize::from(marked(p.paper));
            }
        }
        rank(&self.accounts, counts)
    }

    /// The papers `who` tweeted about from `since` to `until`, each once at its newest listing
    /// in the span, newest day first (a day in rank order).
    pub fn papers_of(
        &self,
        who: &Tweeter,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Vec<(PaperRef, &PaperKey)> {
        let span = self.span(since, until);
        let first = self.pairs.partition_point(|p| p.account < who.account);
        let mut out: Vec<(PaperRef, &PaperKey)> = self.pairs[first..]
            .iter()
            .take_while(|p| p.account == who.account)
            .filter(|p| self.in_span(p, span))
            .filter_map(|p| {
                let days = &self.days[p.days.start as usize..p.days.end as usize];
                let newest = *days.iter().rev().find(|d| **d < span.1)?;
                let at = self
                    .listings
                    .of_id(p.paper)
                    .iter()
                    .rev()
                    .find(|r| r.day as u32 == newest)?;
                Some((*at, self.listings.key(p.paper)))
            })
            .collect();
        out.sort_by_key(|(r, _)| (std::cmp::Reverse(r.day), r.paper));
        out
    }
}

/// The accounts with a paper among `counts` (papers, tweets, marked, by account number), most
/// papers first, then most tweets, then by handle.
fn rank(accounts: &[Account], counts: Vec<(usize, usize, usize)>) -> Vec<Tweeter> {
    let mut out: Vec<Tweeter> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, (papers, _, _))| *papers > 0)
        .map(|(a, (papers, tweets, marked))| Tweeter {
            handle: accounts[a].handle.clone(),
            name: accounts[a].name.clone(),
            papers,
            tweets,
            marked,
            account: a as u32,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.papers, b.tweets)
            .cmp(&(a.papers, a.tweets))
            .then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Archive, Day, Paper, Tweet};

    fn tweet(handle: &str, url: &str) -> Tweet {
        Tweet {
            author: format!("Name of {handle}").into(),
            handle: handle.into(),
            url: url.into(),
            date: Default::default(),
            lang: Default::default(),
            text: String::new(),
        }
    }

    fn paper(id: &str, tweets: Vec<Tweet>) -> Paper {
        let mut p = Paper::bare(1, id, Some(id));
        p.tweets = tweets.into();
        p
    }

    fn world() -> Archive {
        let days = vec![
            Day::bare(
                "2024-01-01",
                vec![
                    paper("a", vec![tweet("ann", "u1"), tweet("bob", "u2")]),
                    paper("b", vec![tweet("Ann", "u3")]),
                ],
            ),
            // Paper a again, with the same tweets and one more of ann's.
            Day::bare(
                "2024-01-05",
                vec![paper(
                    "a",
                    vec![tweet("ann", "u1"), tweet("bob", "u2"), tweet("ann", "u4")],
                )],
            ),
            Day::bare("2024-01-09", vec![paper("c", vec![tweet("bob", "u5")])]),
        ];
        Archive::from_days(days)
    }

    fn figures(t: &[Tweeter]) -> Vec<(&str, usize, usize)> {
        t.iter()
            .map(|t| (t.handle.as_str(), t.papers, t.tweets))
            .collect()
    }

    #[test]
    fn each_paper_counts_once_per_account_and_each_tweet_once() {
        let people = People::build(&world());
        assert_eq!(people.len(), 2);
        // ann: papers a and b (handles compared ignoring case), tweets u1, u3, u4; bob: a, c.
        assert_eq!(
            figures(&people.ranked(None, None)),
            [("ann", 2, 3), ("bob", 2, 2)]
        );
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(
            figures(&people.ranked(d("2024-01-05"), None)),
            [("bob", 2, 2), ("ann", 1, 2)]
        );
        assert_eq!(
            figures(&people.ranked(None, d("2024-01-04"))),
            [("ann", 2, 3), ("bob", 1, 1)]
        );
        assert!(people.ranked(d("2024-02-01"), None).is_empty());
        let a = PaperKey::from_stored("a");
        let unknown = PaperKey::from_stored("not in the archive");
        let marked = people.ranked_marking(None, None, [&a, &unknown]);
        assert_eq!(marked.iter().map(|t| t.marked).collect::<Vec<_>>(), [1, 1]);
    }

    #[test]
    fn an_accounts_papers_are_each_at_its_newest_listing_in_the_span() {
        let people = People::build(&world());
        let ranked = people.ranked(None, None);
        let ann = &ranked[0];
        let keys = |v: Vec<(PaperRef, &PaperKey)>| {
            v.into_iter()
                .map(|(r, k)| (r.day, k.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys(people.papers_of(ann, None, None)),
            [(1, "a".to_string()), (0, "b".to_string())]
        );
        let until = "2024-01-04".parse().ok();
        assert_eq!(
            keys(people.papers_of(ann, None, until)),
            [(0, "a".to_string()), (0, "b".to_string())]
        );
    }
}
