//! Building `People`: every tweet read once, on both cores.
//!
//! The build is bound by memory, not arithmetic: each tweet's handle sits somewhere in the
//! archive's heap and reading it is a cache miss. So the tweets are read in two halves of the
//! days at once (or, when the listings are still to be made, beside them), each half naming
//! its own accounts; the halves are then joined, the newer half's accounts first so that an
//! account keeps its newest spelling and name.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::{Account, Pair, People};
use crate::archive::{Archive, Tweet};
use crate::search::index::PaperRef;
use crate::search::listings::Listings;

/// A tweet while building: its account, then where it was listed (before the listings are
/// known: day and position; after: paper and day), then the number of its link, 32 bits each
/// from high to low, so that sorting the rows compares no strings.
type Row = u128;

/// No account: a tweet whose handle is empty once trimmed.
const NOBODY: u32 = u32::MAX;

/// The tweets of some days, with the accounts they name.
struct Part<'a> {
    accounts: Vec<Account>,
    by_handle: HashMap<String, u32, FixedState>,
    /// Account, day, position on the day, link: the days newest first.
    rows: Vec<Row>,
    /// Each tweet's link (its text when it has none: still one tweet, told apart by it).
    links: Vec<&'a str>,
}

impl<'a> Part<'a> {
    fn read(archive: &'a Archive, days: Range<usize>) -> Part<'a> {
        let mut part = Part {
            accounts: Vec::new(),
            by_handle: HashMap::default(),
            rows: Vec::new(),
            links: Vec::new(),
        };
        let mut by_written = Spellings::default();
        let mut batch: Vec<(u32, u32, &'a Tweet)> = Vec::with_capacity(BATCH);
        let mut hashes: Vec<u64> = Vec::with_capacity(BATCH);
        // Newest first, so an account's name and spelling are its newest tweet's.
        let mut days = days.rev().peekable();
        while let Some(d) = days.next() {
            for (i, p) in archive.days[d].papers.iter().enumerate() {
                batch.extend(p.tweets.iter().map(|t| (d as u32, i as u32, t)));
            }
            if batch.len() < BATCH && days.peek().is_some() {
                continue;
            }
            // Each tweet and its handle are somewhere in the heap: gathered and hashed in a
            // loop of their own, the reads of a batch wait on memory together, not in turn.
            hashes.clear();
            hashes.extend(batch.iter().map(|(_, _, t)| spelling_hash(&t.handle)));
            for (&(d, i, t), &h) in batch.iter().zip(&hashes) {
                let account = match by_written.get(h, &t.handle) {
                    Some(a) => a,
                    None => {
                        let a = part.account_of(t);
                        by_written.insert(h, &t.handle, a);
                        a
                    }
                };
                if account == NOBODY {
                    continue;
                }
                part.rows.push(row(account, d, i, part.links.len()));
                part.links
                    .push(if t.url.is_empty() { &t.text } else { &t.url });
            }
            batch.clear();
        }
        part
    }

    /// The account of `t`'s handle (compared ignoring case, without its `@`), a new one named
    /// after `t` if none has it yet; `NOBODY` for an empty handle.
    fn account_of(&mut self, t: &Tweet) -> u32 {
        let written = t.handle.trim().trim_start_matches('@');
        if written.is_empty() {
            return NOBODY;
        }
        let accounts = &mut self.accounts;
        *self
            .by_handle
            .entry(written.to_ascii_lowercase())
            .or_insert_with(|| {
                accounts.push(Account {
                    handle: written.to_string(),
                    name: t.author.trim().to_string(),
                });
                (accounts.len() - 1) as u32
            })
    }

    /// This part, newer, followed by `older`: its new accounts numbered after this part's.
    fn then(mut self, older: Part<'a>) -> Part<'a> {
        let renumber: Vec<u32> = older
            .accounts
            .into_iter()
            .map(|a| {
                let accounts = &mut self.accounts;
                *self
                    .by_handle
                    .entry(a.handle.to_ascii_lowercase())
                    .or_insert_with(|| {
                        accounts.push(a);
                        (accounts.len() - 1) as u32
                    })
            })
            .collect();
        let shift = self.links.len();
        self.rows.extend(older.rows.iter().map(|&r| {
            let (account, day, at, link) = fields(r);
            row(renumber[account as usize], day, at, shift + link as usize)
        }));
        self.links.extend(older.links);
        self
    }
}

/// How many distinct texts `links` (each with its hash) holds. Sorted by hash, each text is
/// read once or twice; sorting the texts read each a dozen times, from memory (a fifth of
/// the build on an archive that repeats its papers).
fn distinct(links: &mut [(u64, &str)]) -> u32 {
    links.sort_unstable_by_key(|(h, _)| *h);
    let mut n = 0;
    for run in links.chunk_by(|a, b| a.0 == b.0) {
        // One hash is one text but for a collision, when the run's texts are counted apart.
        n += if run.iter().all(|(_, s)| *s == run[0].1) {
            1
        } else {
            let mut texts: Vec<&str> = run.iter().map(|(_, s)| *s).collect();
            texts.sort_unstable();
            texts.dedup();
            texts.len() as u32
        };
    }
    n
}

/// Tweets gathered before their handles are looked up.
const BATCH: usize = 256;

fn spelling_hash(written: &str) -> u64 {
    FixedState::default().hash_one(written)
}

/// The account of each handle as written: a few thousand accounts write hundreds of
/// thousands of tweets, so trimming and lowercasing once a spelling, not once a tweet, saved
/// a fifth of the build. Open-addressed by a hash computed beforehand, in its batch.
#[derive(Default)]
struct Spellings<'a> {
    /// The hash's high half above the spelling's number plus one; 0 for an empty slot.
    slots: Vec<u64>,
    written: Vec<(&'a str, u64, u32)>,
}

impl<'a> Spellings<'a> {
    fn get(&self, h: u64, written: &str) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = h as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return None,
                s if s >> 32 == h >> 32 && self.written[s as u32 as usize - 1].0 == written => {
                    return Some(self.written[s as u32 as usize - 1].2);
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Adds a spelling `get` did not find.
    fn insert(&mut self, h: u64, written: &'a str, account: u32) {
        self.written.push((written, h, account));
        if self.written.len() * 2 > self.slots.len() {
            self.slots = vec![0; (self.slots.len() * 2).max(1024)];
            for n in 0..self.written.len() {
                self.place(n);
            }
        } else {
            self.place(self.written.len() - 1);
        }
    }

    fn place(&mut self, n: usize) {
        let h = self.written[n].1;
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = h >> 32 << 32 | (n as u64 + 1);
    }
}

fn row(account: u32, high: u32, low: u32, link: usize) -> Row {
    (account as u128) << 96 | (high as u128) << 64 | (low as u128) << 32 | link as u32 as u128
}

fn fields(r: Row) -> (u32, u32, u32, u32) {
    (
        (r >> 96) as u32,
        (r >> 64) as u32,
        (r >> 32) as u32,
        r as u32,
    )
}

/// The tweets of the days `days`, read in two halves at once when there are days to halve.
fn read_halves(archive: &Archive, days: Range<usize>) -> Part<'_> {
    let mid = days.start + days.len() / 2;
    if mid == days.start {
        return Part::read(archive, days);
    }
    std::thread::scope(|s| {
        let older = s.spawn(|| Part::read(archive, days.start..mid));
        let newer = Part::read(archive, mid..days.end);
        newer.then(older.join().expect("reading tweets"))
    })
}

impl People {
    pub fn build(archive: &Archive) -> People {
        // The listings made beside the tweets being read: the two one after the other, each
        // on both cores, measured slower (110-140 ms against 100-120 ms at 274,272 papers).
        let (listings, part) = std::thread::scope(|s| {
            let listings = s.spawn(|| Listings::build(archive));
            let part = Part::read(archive, 0..archive.days.len());
            (listings.join().expect("building listings"), part)
        });
        People::finish(archive, Arc::new(listings), part)
    }

    /// As `build`, with the archive's listings already made (`listings` must be of `archive`).
    pub fn build_with(archive: &Archive, listings: Arc<Listings>) -> People {
        let part = read_halves(archive, 0..archive.days.len());
        People::finish(archive, listings, part)
    }

    fn finish(archive: &Archive, listings: Arc<Listings>, part: Part<'_>) -> People {
        let Part {
            accounts,
            mut rows,
            links,
            ..
        } = part;
        // Positions become paper numbers; sorted, the rows of a pair are together, its days
        // ascending. (A map of pairs to sets of links cost two allocations a pair: 0.5 s at
        // 330,000 papers.)
        for r in &mut rows {
            let (account, day, at, link) = fields(*r);
            let at = PaperRef {
                day: day as usize,
                paper: at as usize,
            };
            let paper = listings
                .id_at(at)
                .expect("the listings are of this archive");
            *r = row(account, paper, day, link as usize);
        }
        rows.sort_unstable();
        let mut people = People {
            dates: archive.days.iter().map(|d| d.date).collect(),
            listings,
            accounts,
            ..People::default()
        };
        let mut pair_links: Vec<(u64, &str)> = Vec::new();
        for pair in rows.chunk_by(|a, b| a >> 64 == b >> 64) {
            let start = people.days.len();
            for &r in pair {
                let day = fields(r).2;
                if people.days.len() == start || people.days.last() != Some(&day) {
                    people.days.push(day);
                }
            }
            let tweets = if pair.len() == 1 {
                1
            } else {
                pair_links.clear();
                pair_links.extend(pair.iter().map(|&r| {
                    let link = links[fields(r).3 as usize];
                    (FixedState::default().hash_one(link), link)
                }));
                distinct(&mut pair_links)
            };
            let (account, paper, _, _) = fields(pair[0]);
            people.pairs.push(Pair {
                account,
                paper,
                days: start as u32..people.days.len() as u32,
                tweets,
            });
        }
        people
    }
}

#[cfg(test)]
mod tests {
    use super::distinct;

    #[test]
    fn texts_of_one_hash_are_counted_apart() {
        let mut links = [(7, "u1"), (7, "u2"), (3, "u3"), (7, "u1"), (3, "u3")];
        assert_eq!(distinct(&mut links), 3);
        assert_eq!(distinct(&mut [(1, "a"), (2, "a")]), 2, "as hashed");
        assert_eq!(distinct(&mut []), 0);
    }
}
