//! A paper's listings as the reader shows them: the other days in the paper pane with a
//! sparkline of the counts, and the change since the previous listing the leaderboard marks.
//! All of it is looked up in the archive's `Listings`, made once per archive.

use std::sync::Arc;

use super::measure::{Also, Listed};
use super::state::{MAX_ALSO, Reader};
use crate::archive::PaperKey;
use crate::search::{Change, Listings, Measure, PaperRef};

impl Reader {
    /// Every listing of every paper (made on first asking, once per archive; the background
    /// work that follows the index is handed the same).
    pub fn listings(&self) -> &Arc<Listings> {
        self.listings
            .get_or_init(|| Arc::new(Listings::build(&self.archive)))
    }

    /// Every listing of the paper with `key`, oldest first.
    pub fn listings_of(&self, key: &PaperKey) -> &[PaperRef] {
        self.listings().of_key(key.as_str())
    }

    /// The other days that list the selected paper, newest first, at most `MAX_ALSO` of them
    /// (the paper pane says how many more).
    pub fn also_listed(&self) -> Vec<PaperRef> {
        let mut all = self.all_listings();
        all.truncate(MAX_ALSO);
        all
    }

    /// The selected paper's listings, the one shown included, oldest first.
    fn here_and_others(&self) -> (&[PaperRef], PaperRef) {
        let here = PaperRef {
            day: self.day,
            paper: self.paper,
        };
        if self.current_paper().is_none() {
            return (&[], here);
        }
        (self.listings().of(here), here)
    }

    /// The selected paper's other listings, newest first.
    pub(crate) fn all_listings(&self) -> Vec<PaperRef> {
        let (all, here) = self.here_and_others();
        all.iter().rev().copied().filter(|r| *r != here).collect()
    }

    /// What the paper pane says of the selected paper's listings.
    pub(crate) fn listed(&self) -> Listed {
        let (all, here) = self.here_and_others();
        let also: Vec<Also> = all
            .iter()
            .rev()
            .filter(|r| **r != here)
            .take(MAX_ALSO)
            .filter_map(|&r| {
                let (day, q) = self.paper_at(r)?;
                Some(Also {
                    date: day.date,
                    rank: q.rank,
                    retweets: q.retweets,
                    favorites: q.favorites,
                })
            })
            .collect();
        let mut days = all.iter().map(|r| r.day).collect::<Vec<_>>();
        days.dedup();
        let scores = all
            .iter()
            .filter_map(|&r| Some(self.paper_at(r)?.1.score()))
            .collect();
        Listed {
            more: all.len().saturating_sub(1).saturating_sub(also.len()),
            also,
            days: days.len(),
            scores,
            here: all.iter().position(|r| *r == here).unwrap_or(0),
        }
    }

    /// How `measure` of the paper at `at` moved since the paper's listing before.
    pub fn change_at(&self, at: PaperRef, measure: Measure) -> Change {
        self.listings().change(&self.archive, at, measure)
    }
}
