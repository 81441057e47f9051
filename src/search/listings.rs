//! Every listing of each paper: the days a digest listed the same paper (its `PaperKey`), with
//! its rank and counts there. Built once per archive in one pass over its papers, so that the
//! paper pane, the leaderboard's arrows and the boxes that go to a paper's latest listing look
//! a paper up instead of scanning every day.
//!
//! Papers get numbers (in the order first listed); a listing's number is found by position
//! without hashing, and a paper's listings are one slice of a flat list, oldest first.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use super::index::PaperRef;
use super::top::Measure;
use crate::archive::{Archive, PaperKey};

#[derive(Debug, Clone, Default)]
pub struct Listings {
    /// Where each day's papers start in `ids` (one more entry than days).
    day_starts: Vec<u32>,
    /// The paper number of each listing, day by day in rank order.
    ids: Vec<u32>,
    /// Where each paper's listings start in `refs` (one more entry than papers).
    starts: Vec<u32>,
    /// Every listing, grouped by paper, each paper's oldest first.
    refs: Vec<PaperRef>,
    keys: Vec<PaperKey>,
    /// Each paper's number by its key: an open-addressed table of numbers plus one (0 for an
    /// empty slot) into `keys`, at least twice as many slots as listings, so that the keys
    /// are held once (a map of keys would copy each: 330,000 more allocations).
    slots: Vec<u32>,
}

/// How a paper's measure moved from its previous listing to this one (the leaderboard's arrow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The paper's first listing: nothing to compare with.
    First,
    Up,
    Down,
    Same,
}

impl Change {
    /// The mark a list shows: a shape, not a colour, so it reads the same under `NO_COLOR`.
    /// A first listing shows nothing, so that the few papers that came back stand out.
    pub fn mark(self) -> &'static str {
        match self {
            Change::First => " ",
            Change::Up => "↑",
            Change::Down => "↓",
            Change::Same => "=",
        }
    }
}

impl Listings {
    pub fn build(archive: &Archive) -> Listings {
        let total: usize = archive.days.iter().map(|d| d.papers.len()).sum();
        let mut l = Listings {
            day_starts: Vec::with_capacity(archive.days.len() + 1),
            ids: Vec::with_capacity(total),
            slots: vec![0; (total * 2).next_power_of_two().max(2)],
            ..Listings::default()
        };
        let mut counts: Vec<u32> = Vec::new();
        for day in &archive.days {
            l.day_starts.push(l.ids.len() as u32);
            for p in &day.papers {
                let id = match l.find(p.key.as_str()) {
                    Ok(id) => id,
                    Err(slot) => {
                        let id = l.keys.len() as u32;
                        l.keys.push(p.key.clone());
                        l.slots[slot] = id + 1;
                        counts.push(0);
                        id
                    }
                };
                counts[id as usize] += 1;
                l.ids.push(id);
            }
        }
        l.day_starts.push(l.ids.len() as u32);
        // Each paper's slice, then the listings dropped in day by day: oldest first.
        l.starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for c in &counts {
            l.starts.push(at);
            at += c;
        }
        l.starts.push(at);
        let mut next: Vec<u32> = l.starts[..counts.len()].to_vec();
        l.refs = vec![PaperRef { day: 0, paper: 0 }; l.ids.len()];
        for (d, day) in archive.days.iter().enumerate() {
            let first = l.day_starts[d] as usize;
            for i in 0..day.papers.len() {
                let id = l.ids[first + i] as usize;
                l.refs[next[id] as usize] = PaperRef { day: d, paper: i };
                next[id] += 1;
            }
        }
        l
    }

    /// How many distinct papers the archive lists.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The number of the paper listed at `at`, if the archive has that listing.
    pub fn id_at(&self, at: PaperRef) -> Option<u32> {
        let start = *self.day_starts.get(at.day)? as usize;
        let end = *self.day_starts.get(at.day + 1)? as usize;
        let i = start.checked_add(at.paper).filter(|&i| i < end)?;
        Some(self.ids[i])
    }

    /// The paper numbered `id`.
    pub fn key(&self, id: u32) -> &PaperKey {
        &self.keys[id as usize]
    }

    /// The listings of the paper numbered `id`, oldest first.
    pub fn of_id(&self, id: u32) -> &[PaperRef] {
        let (start, end) = (self.starts[id as usize], self.starts[id as usize + 1]);
        &self.refs[start as usize..end as usize]
    }

    /// The listings of the paper listed at `at` (that one among them), oldest first; none for
    /// a listing the archive lacks.
    pub fn of(&self, at: PaperRef) -> &[PaperRef] {
        self.id_at(at).map_or(&[], |id| self.of_id(id))
    }

    /// The number of the paper with `key`, if the archive lists it.
    pub fn id_of(&self, key: &str) -> Option<u32> {
        self.find(key).ok()
    }

    /// The number of the paper with `key`, or the empty slot where it goes.
    fn find(&self, key: &str) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = FixedState::default().hash_one(key) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return Err(slot),
                n if self.keys[n as usize - 1].as_str() == key => return Ok(n - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The listings of the paper with `key`, oldest first.
    pub fn of_key(&self, key: &str) -> &[PaperRef] {
        self.id_of(key).map_or(&[], |id| self.of_id(id))
    }

    /// The listing of the same paper before `at`, if there is one.
    pub fn previous(&self, at: PaperRef) -> Option<PaperRef> {
        let all = self.of(at);
        let i = all.iter().position(|r| *r == at)?;
        all.get(i.checked_sub(1)?).copied()
    }

    /// How `measure` of the paper at `at` moved since its previous listing.
    pub fn change(&self, archive: &Archive, at: PaperRef, measure: Measure) -> Change {
        let value = |r: PaperRef| {
            archive
                .days
                .get(r.day)
                .and_then(|d| d.papers.get(r.paper))
                .map(|p| measure.of(p))
        };
        let (Some(before), Some(now)) = (self.previous(at).and_then(value), value(at)) else {
            return Change::First;
        };
        match now.cmp(&before) {
            std::cmp::Ordering::Greater => Change::Up,
            std::cmp::Ordering::Less => Change::Down,
            std::cmp::Ordering::Equal => Change::Same,
        }
    }

    /// Roughly the heap this holds, for the benches.
    pub fn heap_bytes(&self) -> usize {
        let keys: usize = self.keys.iter().map(|k| k.as_str().len()).sum();
        (self.day_starts.len() + self.ids.len() + self.starts.len()) * 4
            + self.refs.len() * std::mem::size_of::<PaperRef>()
            + self.keys.len() * std::mem::size_of::<PaperKey>()
            + self.slots.len() * 4
            + keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Day, Paper};

    fn scored(rank: u32, title: &str, id: Option<&str>, score: u64) -> Paper {
        Paper {
            retweets: score,
            ..Paper::bare(rank, title, id)
        }
    }

    /// Paper "once" on one day, "twice" on two, "thrice" on three; two papers without an id
    /// whose titles differ only in case (one paper), and one with another title.
    fn world() -> Archive {
        let days = vec![
            Day::bare(
                "2024-01-01",
                vec![
                    scored(1, "Thrice", Some("3"), 10),
                    scored(2, "Twice", Some("2"), 50),
                    scored(3, "No Id Here", None, 7),
                ],
            ),
            Day::bare("2024-01-02", vec![]),
            Day::bare(
                "2024-01-03",
                vec![
                    scored(1, "Once", Some("1"), 5),
                    scored(2, "no id HERE", None, 7),
                    scored(3, "Thrice", Some("3"), 30),
                    scored(4, "Twice", Some("2"), 20),
                ],
            ),
            Day::bare(
                "2024-01-04",
                vec![
                    scored(1, "Thrice", Some("3"), 30),
                    scored(2, "Another Title", None, 1),
                ],
            ),
        ];
        Archive::from_days(days)
    }

    fn at(day: usize, paper: usize) -> PaperRef {
        PaperRef { day, paper }
    }

    #[test]
    fn a_paper_on_one_two_or_three_days_has_each_listing_oldest_first() {
        let l = Listings::build(&world());
        assert_eq!(l.len(), 5, "once, twice, thrice and two titles without id");
        assert_eq!(l.of_key("1"), [at(2, 0)]);
        assert_eq!(l.of_key("2"), [at(0, 1), at(2, 3)]);
        assert_eq!(l.of_key("3"), [at(0, 0), at(2, 2), at(3, 0)]);
        // Any of its listings finds them all.
        assert_eq!(l.of(at(2, 2)), l.of_key("3"));
        assert_eq!(l.of(at(3, 0)), l.of_key("3"));
        assert_eq!(l.key(l.id_at(at(2, 3)).unwrap()).as_str(), "2");
        assert!(l.of_key("4").is_empty());
    }

    #[test]
    fn papers_without_an_id_are_one_paper_by_their_title_in_any_case() {
        let l = Listings::build(&world());
        assert_eq!(l.of_key("title:no id here"), [at(0, 2), at(2, 1)]);
        assert_eq!(l.of_key("title:another title"), [at(3, 1)]);
        assert_eq!(l.of(at(2, 1)), [at(0, 2), at(2, 1)]);
    }

    #[test]
    fn positions_the_archive_lacks_have_no_listings() {
        let l = Listings::build(&world());
        assert!(l.of(at(1, 0)).is_empty(), "an empty day");
        assert!(l.of(at(0, 3)).is_empty(), "past a day's papers");
        assert!(l.of(at(9, 0)).is_empty(), "past the days");
        assert_eq!(l.id_at(at(0, 3)), None);
        assert!(Listings::build(&Archive::default()).is_empty());
    }

    #[test]
    fn the_change_compares_a_listing_with_the_one_before_it() {
        let a = world();
        let l = Listings::build(&a);
        let change = |r| l.change(&a, r, Measure::Score);
        assert_eq!(change(at(0, 0)), Change::First, "thrice, first day");
        assert_eq!(change(at(2, 2)), Change::Up, "thrice 10 to 30");
        assert_eq!(change(at(3, 0)), Change::Same, "thrice 30 and 30");
        assert_eq!(change(at(2, 3)), Change::Down, "twice 50 to 20");
        assert_eq!(change(at(2, 0)), Change::First, "once");
        assert_eq!(l.previous(at(3, 0)), Some(at(2, 2)));
        assert_eq!(l.previous(at(0, 0)), None);
        assert_eq!(
            l.change(&a, at(2, 2), Measure::Favorites),
            Change::Same,
            "by the measure asked for: no favorites either day"
        );
        let marks: Vec<&str> = [Change::First, Change::Up, Change::Down, Change::Same]
            .iter()
            .map(|c| c.mark())
            .collect();
        assert_eq!(marks, [" ", "↑", "↓", "="]);
    }
}
