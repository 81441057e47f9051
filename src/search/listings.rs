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
        n.number(all, days);
        n
    }

    /// Numbers the papers of `days`, after those numbered already.
    fn number(&mut self, all: &[Arc<Day>], days: Range<usize>) {
        // Each key's hash was made with it: a key's text is read only to tell apart papers
        // whose hashes share their high half.
        for d in days {
            for (i, p) in all[d].papers.iter().enumerate() {
                let at = PaperRef { day: d, paper: i };
                let id = self.find_or_add(all, p.key.fast_hash(), at);
                self.counts[id as usize] += 1;
                self.ids.push(id);
            }
        }
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

/// Where each day's papers start among all the listings of `archive`, and then their number.
fn day_starts(archive: &Archive) -> Vec<u32> {
    let mut day_starts = Vec::with_capacity(archive.days.len() + 1);
    let mut total = 0u32;
    for day in &archive.days {
        day_starts.push(total);
        total += day.papers.len() as u32;
    }
    day_starts.push(total);
    day_starts
}

impl Listings {
    pub fn build(archive: &Archive) -> Listings {
        let day_starts = day_starts(archive);
        let total = day_starts.last().copied().unwrap_or(0);
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
        older
            .ids
            .extend(newer.ids.iter().map(|&id| renumber[id as usize]));
        l.take(older);
        l
    }

    /// The listings of `archive`, made from these, those of an archive it replaced (a
    /// reload): the days at its start that are the very same (`Arc`s the reload kept) keep
    /// their listings' numbers, and only the days after them are numbered again, reading none
    /// of the kept days' papers but each paper's first listing. The same as `build`, number
    /// for number. A post changed at random among 30,000 is numbered from halfway on average;
    /// a new day (a `git pull`) is the only one numbered. Made in these listings' own buffers,
    /// the old days let go first: the old and the new are never held at once. `None` when the
    /// first day is not the same (then `build` is the way).
    pub fn update(mut self, archive: &Archive) -> Option<Listings> {
        let same = (self.days.iter().zip(&archive.days))
            .take_while(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        if same == 0 {
            return None;
        }
        let kept = self.day_starts[same] as usize;
        // Papers are numbered in the order first listed: the kept days' are 0 up to their
        // highest, and each one's first listing (the first of its slice) is on a kept day,
        // which is the same in `archive`.
        let papers = self.ids[..kept].iter().max().map_or(0, |&m| m as usize + 1);
        let firsts: Vec<PaperRef> = (0..papers)
            .map(|id| self.refs[self.starts[id] as usize])
            .collect();
        let hashes: Vec<u64> = firsts
            .iter()
            .map(|at| archive.days[at.day].papers[at.paper].key.fast_hash())
            .collect();
        self.days.clear();
        self.days.extend(archive.days.iter().cloned());
        self.day_starts = day_starts(archive);
        let total = self.day_starts.last().copied().unwrap_or(0) as usize;
        let mut ids = std::mem::take(&mut self.ids);
        ids.truncate(kept);
        ids.reserve(total.saturating_sub(kept));
        let mut counts = vec![0; papers];
        for &id in &ids {
            counts[id as usize] += 1;
        }
        let mut slots = std::mem::take(&mut self.slots);
        if slots.room() >= total {
            slots.clear();
        } else {
            slots = Slots::with_room(total);
        }
        for (id, &h) in hashes.iter().enumerate() {
            slots.insert(h, id as u32);
        }
        let mut n = Numbering {
            slots,
            ids,
            firsts,
            hashes,
            counts,
        };
        n.number(&archive.days, same..archive.days.len());
        self.take(n);
        Some(self)
    }

    /// Takes the numbers of all the days' listings, then groups them by paper.
    fn take(&mut self, n: Numbering) {
        let Numbering {
            slots, ids, counts, ..
        } = n;
        (self.slots, self.ids) = (slots, ids);
        self.group(&counts);
    }

    /// Each paper's slice, then the listings dropped in day by day: oldest first.
    fn group(&mut self, counts: &[u32]) {
        // Into the buffers these listings have (an update's), else new ones.
        self.starts.clear();
        self.starts.reserve_exact(counts.len() + 1);
        let mut at = 0u32;
        for c in counts {
            self.starts.push(at);
            at += c;
        }
        self.starts.push(at);
        let mut next: Vec<u32> = self.starts[..counts.len()].to_vec();
        self.refs.clear();
        self.refs
            .resize(self.ids.len(), PaperRef { day: 0, paper: 0 });
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
#[path = "listings_tests.rs"]
mod tests;
