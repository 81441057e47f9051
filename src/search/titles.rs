//! A fuzzy finder over every title in the archive, each paper once at its latest listing,
//! scored as fzf scores (nucleo's matcher, as helix and television use it). Titles are held as
//! the screen shows them (LaTeX made readable) and converted for the matcher once, so a
//! keystroke costs only the matching.

use std::collections::HashSet;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use super::index::PaperRef;
use crate::archive::Archive;
use crate::display::latex::prettify;

pub struct TitleFinder {
    /// Newest listing first, so that among equal scores the newer paper comes first.
    titles: Vec<(Utf32String, PaperRef)>,
}

impl TitleFinder {
    pub fn build(archive: &Archive) -> TitleFinder {
        let mut seen = HashSet::new();
        let mut titles = Vec::new();
        for (d, day) in archive.days.iter().enumerate().rev() {
            for (i, p) in day.papers.iter().enumerate() {
                if seen.insert(&p.key) {
                    titles.push((prettify(&p.title), PaperRef { day: d, paper: i }));
                }
            }
        }
        TitleFinder::from_titles(titles)
    }

    /// A finder over these titles (as shown), best-first ties in the order given.
    pub fn from_titles<S: AsRef<str>>(
        titles: impl IntoIterator<Item = (S, PaperRef)>,
    ) -> TitleFinder {
        TitleFinder {
            titles: titles
                .into_iter()
                .map(|(t, r)| (Utf32String::from(t.as_ref()), r))
                .collect(),
        }
    }

    /// How many titles there are to find.
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// The titles `query` matches, best first (the newer listing first among equals), at most
    /// `limit`; every title, newest first, for an empty query. Case is ignored unless the
    /// query has a capital; `^`, `$`, `'` and `!` work as in fzf.
    pub fn find(&self, query: &str, limit: usize) -> Vec<PaperRef> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        // Scoring is the cost of a keystroke: the titles are split over the cores, each part
        // with a matcher of its own, as nucleo's own worker pool does.
        let parts = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let chunk = self.titles.len().div_ceil(parts).max(1);
        let score = |from: usize, part: &[(Utf32String, PaperRef)]| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            part.iter()
                .enumerate()
                .filter_map(|(i, (t, _))| {
                    Some((pattern.score(t.slice(..), &mut matcher)?, from + i))
                })
                .collect::<Vec<(u32, usize)>>()
        };
        let mut hits: Vec<(u32, usize)> = if parts == 1 || self.titles.len() < 4096 {
            score(0, &self.titles)
        } else {
            std::thread::scope(|s| {
                let workers: Vec<_> = self
                    .titles
                    .chunks(chunk)
                    .enumerate()
                    .map(|(n, part)| s.spawn(move || score(n * chunk, part)))
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| w.join().unwrap_or_default())
                    .collect()
            })
        };
        // Only the best `limit` are ordered; among equal scores the newer listing (a lower
        // index) first.
        let key = |&(score, i): &(u32, usize)| (std::cmp::Reverse(score), i);
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by_key(limit - 1, key);
            hits.truncate(limit);
        }
        hits.sort_unstable_by_key(key);
        hits.into_iter()
            .take(limit)
            .map(|(_, i)| self.titles[i].1)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Day, Paper};

    fn archive(days: &[(&str, &[&str])]) -> Archive {
        let day = |(date, titles): &(&str, &[&str])| {
            let papers = titles
                .iter()
                .enumerate()
                .map(|(i, t)| Paper::bare(i as u32 + 1, t, None))
                .collect();
            Day::bare(date, papers)
        };
        Archive {
            days: days.iter().map(day).collect(),
            ..Archive::default()
        }
    }

    #[test]
    fn fuzzy_matches_rank_the_closest_first_and_list_a_paper_once() {
        let a = archive(&[
            ("2024-01-01", &["Neural Radiance Fields", "Graph Networks"]),
            ("2024-01-02", &["Neural Radiance Fields", "Radiant Nights"]),
        ]);
        let f = TitleFinder::build(&a);
        assert_eq!(f.len(), 3, "a title listed twice is one paper");
        let got = f.find("nerf", 10);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0], PaperRef { day: 1, paper: 0 }, "its latest listing");
        let got = f.find("radian", 10);
        assert_eq!(got.len(), 2);
        assert!(f.find("zzz", 10).is_empty());
        assert_eq!(
            f.find("", 2).len(),
            2,
            "an empty query lists the newest, up to the limit"
        );
        // LaTeX is matched as the screen shows it.
        let a = archive(&[("2024-01-01", &["Fr\\'echet Distances"])]);
        assert_eq!(TitleFinder::build(&a).find("frechet", 5).len(), 1);
    }
}
