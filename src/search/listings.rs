//! Every listing of each paper: the days a digest listed the same paper (its `PaperKey`), with
//! its rank and counts there. Built once per archive in one pass over its papers, so that the
//! paper pane, the leaderboard's arrows and the boxes that go to a paper's latest listing look
//! a paper up instead of scanning every day.
//!
//! Papers get numbers (in the order first listed); a listing's number is found by position
//! without hashing, and a paper's listings are one slice of a flat list, oldest first.

use std::ops::Range;
use std::sync::Arc;

use super::index::PaperRef;
use super::slots::Slots;
use super::top::Measure;
use crate::archive::{Archive, Day, PaperKey};

#[derive(Debug, Clone, Default)]
pub struct Listings {
    /// The archive's days, shared: a paper's key is read at its first listing instead of
    /// copied (a copy each was 330,000 allocations, a third of the build).
    days: Vec<Arc<Day>>,
    /// Where each day's papers start in `ids` (one more entry than days).
    day_starts: Vec<u32>,
    /// The paper number of each listing, day by day in rank order.
    ids: Vec<u32>,
    /// Where each paper's listings start in `refs` (one more entry than papers).
    starts: Vec<u32>,
    /// Every listing, grouped by paper, each paper's oldest first.
    refs: Vec<PaperRef>,
    /// Each paper's number by its key's hash (a key's text is read only when the hashes'
    /// high halves agree).
    slots: Slots,
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

/// The papers of some days numbered in the order first listed.
struct Numbering {
    /// As `Listings::slots`.
    slots: Slots,
    /// The number of each listing of the days, day by day.
    ids: Vec<u32>,
    /// Each paper's first listing, the hash of its key and how many listings it has.
    firsts: Vec<PaperRef>,
    hashes: Vec<u64>,
    counts: Vec<u32>,
}

impl Numbering {
    /// The papers of `days` numbered, with room for `room` papers (at least the days' own).
    fn of(all: &[Arc<Day>], days: Range<usize>, room: usize) -> Numbering {
        let listings: usize = all[days.clone()].iter().map(|d| d.papers.len()).sum();
        let mut n = Numbering {
            slots: Slots::with_room(room.max(listings)),
            ids: Vec::with_capacity(listings),
            firsts: Vec::new(),
            hashes: Vec::new(),
            counts: Vec::new(),
        };
        // Each key's hash was made with it: a key's text is read only to tell apart papers
        // whose hashes share their high half.
        for d in days {
            for (i, p) in all[d].papers.iter().enumerate() {
                let at = PaperRef { day: d, paper: i };
                let id = n.find_or_add(all, p.key.fast_hash(), at);
                n.counts[id as usize] += 1;
                n.ids.push(id);
            }
        }
        n
    }

    /// The number of the paper listed at `at` (its key's hash `h`), new if it has none yet.
    fn find_or_add(&mut self, all: &[Arc<Day>], h: u64, at: PaperRef) -> u32 {
        let key = |at: PaperRef| all[at.day].papers[at.paper].key.as_str();
        let firsts = &self.firsts;
        match self.slots.find(h, |n| key(firsts[n as usize]) == key(at)) {
            Ok(n) => n,
            Err(slot) => {
                let n = self.firsts.len() as u32;
                self.firsts.push(at);
                self.hashes.push(h);
                self.counts.push(0);
                self.slots.put(slot, h, n);
                n
            }
        }
    }
}

/// The day where the listings of `days` split in two halves, for two cores.
fn middle(day_starts: &[u32]) -> usize {
    let total = day_starts.last().copied().unwrap_or(0);
    day_starts
        .partition_point(|&s| s < total / 2)
        .min(day_starts.len().saturating_sub(1))
}

impl Listings {
    pub fn build(archive: &Archive) -> Listings {
        let mut day_starts = Vec::with_capacity(archive.days.len() + 1);
        let mut total = 0u32;
        for day in &archive.days {
            day_starts.push(total);
            total += day.papers.len() as u32;
        }
        day_starts.push(total);
        let mut l = Listings {
            days: archive.days.clone(),
            day_starts,
            ..Listings::default()
        };
        // Reading each listing's info is what costs (a cache miss each), so each half of the
        // days is numbered on its own core; the newer half's papers are then looked up among
        // the older's by hash, comparing only the keys of papers in both.
        let mid = middle(&l.day_starts);
        let (mut older, newer) = std::thread::scope(|s| {
            let older = s.spawn(|| Numbering::of(&l.days, 0..mid, total as usize));
            let newer = Numbering::of(&l.days, mid..l.days.len(), 0);
            (older.join().expect("numbering papers"), newer)
        });
        let renumber: Vec<u32> = (newer.firsts.iter().zip(&newer.hashes))
            .zip(&newer.counts)
            .map(|((&at, &h), &count)| {
                let id = older.find_or_add(&l.days, h, at);
                older.counts[id as usize] += count;
                id
            })
            .collect();
        let Numbering {
            slots,
            mut ids,
            counts,
            ..
        } = older;
        ids.extend(newer.ids.iter().map(|&id| renumber[id as usize]));
        (l.slots, l.ids) = (slots, ids);
        l.group(&counts);
        l
    }

    /// Each paper's slice, then the listings dropped in day by day: oldest first.
    fn group(&mut self, counts: &[u32]) {
        self.starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for c in counts {
            self.starts.push(at);
            at += c;
        }
        self.starts.push(at);
        let mut next: Vec<u32> = self.starts[..counts.len()].to_vec();
        self.refs = vec![PaperRef { day: 0, paper: 0 }; self.ids.len()];
        for (d, w) in self.day_starts.windows(2).enumerate() {
            for (i, &id) in self.ids[w[0] as usize..w[1] as usize].iter().enumerate() {
                self.refs[next[id as usize] as usize] = PaperRef { day: d, paper: i };
                next[id as usize] += 1;
            }
        }
    }

    fn key_at(&self, at: PaperRef) -> &PaperKey {
        &self.days[at.day].papers[at.paper].key
    }

    /// How many distinct papers the archive lists.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of the paper listed at `at`, if the archive has that listing.
    pub fn id_at(&self, at: PaperRef) -> Option<u32> {
        let start = *self.day_starts.get(at.day)? as usize;
        let end = *self.day_starts.get(at.day + 1)? as usize;
        let i = start.checked_add(at.paper).filter(|&i| i < end)?;
        Some(self.ids[i])
    }

    /// Where each day's listings start among all listings, day by day in rank order (one
    /// more entry than days): a listing's position, for arrays with one entry a listing.
    pub(crate) fn day_starts(&self) -> &[u32] {
        &self.day_starts
    }

    /// The paper number of each listing of day `day`, in rank order.
    pub(crate) fn ids_of_day(&self, day: usize) -> &[u32] {
        &self.ids[self.day_starts[day] as usize..self.day_starts[day + 1] as usize]
    }

    /// The paper numbered `id`.
    pub fn key(&self, id: u32) -> &PaperKey {
        self.key_at(self.refs[self.starts[id as usize] as usize])
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
        self.find(key)
    }

    /// The number of the paper with `key`, if the archive lists it.
    fn find(&self, key: &str) -> Option<u32> {
        let h = PaperKey::hash_of(key);
        self.slots.find(h, |n| self.key(n).as_str() == key).ok()
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
        (self.day_starts.len() + self.ids.len() + self.starts.len()) * 4
            + self.days.len() * std::mem::size_of::<Arc<Day>>()
            + self.refs.len() * std::mem::size_of::<PaperRef>()
            + self.slots.heap_bytes()
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
    fn keys_of_one_hash_are_still_told_apart() {
        let a = world();
        let mut n = Numbering::of(&a.days, 0..0, 9);
        let ids: Vec<u32> = [at(0, 0), at(0, 1), at(0, 2), at(2, 1), at(2, 2), at(3, 1)]
            .into_iter()
            .map(|r| n.find_or_add(&a.days, 7, r))
            .collect();
        // Thrice, twice, no id here, the same in capitals, thrice, another title.
        assert_eq!(ids, [0, 1, 2, 2, 0, 3]);
        assert_eq!(n.firsts, [at(0, 0), at(0, 1), at(0, 2), at(3, 1)]);
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
