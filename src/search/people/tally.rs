//! `tweeters`' ranking straight from the archive, in two passes over its listings: what
//! `People::build(archive).ranked(since, until)` gives, without the listings index or the
//! pairs that the People box needs to answer for any span and to list an account's papers.
//!
//! What costs is reading memory: each listing's info, key, tweets, handles and links sit
//! somewhere in the heap. Building the listings and then People read every info twice and
//! wrote a row a listing and account, then sorted them into pairs. Here each listing's info
//! and key are read once, both cores taking half the days, into a flat list of key hashes;
//! then each core takes the papers of half the hashes, so that every paper is wholly one
//! core's and nothing is joined afterwards: it numbers them, reads each info's tweets once
//! however many listings share it, and counts. A paper with one info (almost all: an info
//! is a paper's text, which rarely changes) counts its accounts straight from what its info
//! says; only the few with several infos have their links merged. The cores' accounts are
//! then numbered in the order first met, newest day first, as `People::build` numbers them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use super::build::{BATCH, NONE, Part, Reader, Said};
use super::link::{Link, distinct, hashed};
use super::{Account, People, Tweeter, rank};
use crate::archive::{Archive, Tweet};
use crate::search::slots::Slots;

/// The papers of some days numbered by key, in the order first met: a table as `Listings`
/// keeps, made with room enough that it never grows.
struct Papers<'a> {
    slots: Slots,
    /// Each paper's first listing (day and index there), whose key is read only to tell
    /// apart papers of one hash's high half: a new paper reads no key.
    firsts: Vec<(u32, u32)>,
    archive: &'a Archive,
}

impl<'a> Papers<'a> {
    fn with_room(archive: &'a Archive, room: usize) -> Papers<'a> {
        Papers {
            slots: Slots::with_room(room),
            firsts: Vec::with_capacity(room),
            archive,
        }
    }

    fn key(&self, (day, paper): (u32, u32)) -> &str {
        self.archive.days[day as usize].papers[paper as usize]
            .key
            .as_str()
    }

    /// The first slot a key of hash `h` looks at.
    fn slot_of(&self, h: u64) -> u64 {
        self.slots.first_slot(h)
    }

    /// The number of the paper listed `at` (its key's hash `h`), new if it has none yet.
    fn find_or_add(&mut self, h: u64, at: (u32, u32)) -> u32 {
        match self
            .slots
            .find(h, |n| self.key(self.firsts[n as usize]) == self.key(at))
        {
            Ok(n) => n,
            Err(slot) => {
                let n = self.firsts.len() as u32;
                self.firsts.push(at);
                self.slots.put(slot, h, n);
                n
            }
        }
    }
}

/// One listing, read: its key's hash, its info's address and tweets, its day and its index
/// there: all that is needed of the info, read while it is in the cache, in 40 bytes (each
/// byte a listing is a third of a megabyte, written to fresh pages and read by both cores).
/// The address is no reference, so that no later read of the info can be hoisted where it
/// is not needed (one was, costing a miss a listing again).
struct Listing<'a> {
    hash: u64,
    info: usize,
    tweets: &'a [Tweet],
    day: u32,
    paper: u32,
}

/// Reads `days` newest first (one entry a listing). The listings go to the share of their hash's top bit, so that neither core walks past
/// the other's.
fn read_listings(archive: &Archive, days: Range<usize>) -> [Vec<Listing<'_>>; 2] {
    let listings: usize = archive.days[days.clone()]
        .iter()
        .map(|d| d.papers.len())
        .sum();
    let mut out = [(); 2].map(|_| Vec::with_capacity(listings / 2 + listings / 16 + 16));
    for d in days.rev() {
        for (i, p) in archive.days[d].papers.iter().enumerate() {
            // The key's hash was made with it: its text is not read here.
            let hash = p.info.key.fast_hash();
            out[(hash >> 63) as usize].push(Listing {
                hash,
                info: Arc::as_ptr(&p.info) as usize,
                tweets: &p.info.tweets[..],
                day: d as u32,
                paper: i as u32,
            });
        }
    }
    out
}

/// One core's papers (those of half the hashes): what their tweets say, counted.
struct Share<'a> {
    part: Part<'a>,
    /// Each account's first listing (as `met`: newest day first, then by rank).
    first: Vec<u64>,
    /// Papers, tweets and marked (none) of each account.
    counts: Vec<(usize, usize, usize)>,
}

impl<'a> Share<'a> {
    /// Counts the papers of the listings of this share, `newer`'s, then `older`'s.
    fn count(
        archive: &'a Archive,
        (newer, older): (&[Listing<'a>], &[Listing<'a>]),
        span: &Range<usize>,
    ) -> Share<'a> {
        let mine = newer.len() + older.len();
        let mut papers = Papers::with_room(archive, mine);
        let mut part = Part::default();
        part.entries.reserve(mine);
        part.links.reserve(mine);
        let mut said: Vec<Said> = Vec::with_capacity(mine);
        // Each said's paper, first listing, and whether a listing of it is in the span.
        let mut of: Vec<(u32, u64, bool)> = Vec::with_capacity(mine);
        // Each paper's newest said, by its number.
        let mut memo: Vec<u32> = Vec::with_capacity(mine);
        let mut reader = Reader::default();
        // A batch of this share's listings: their slots are read in a loop of their own
        // first, so that the table's misses wait on memory together (in the loop that
        // numbers them, each waited in turn: two thirds of its samples in a profile).
        let listings: Vec<&[Listing<'a>]> =
            newer.chunks(BATCH).chain(older.chunks(BATCH)).collect();
        for batch in listings {
            let warm = batch.iter().fold(0u64, |w, l| w ^ papers.slot_of(l.hash));
            std::hint::black_box(warm);
            for l in batch {
                // Newest day first, then by rank: the order `People::build` meets them.
                let at = u64::from(u32::MAX - l.day) << 32 | u64::from(l.paper);
                let paper = papers.find_or_add(l.hash, (l.day, l.paper));
                if paper as usize == memo.len() {
                    memo.push(NONE);
                }
                let mut s = memo[paper as usize];
                while s != NONE && said[s as usize].info != l.info {
                    s = said[s as usize].next;
                }
                if s == NONE {
                    s = said.len() as u32;
                    said.push(Said {
                        info: l.info,
                        entries: 0..0,
                        next: memo[paper as usize],
                        // Which papers have several infos is known once all are met.
                        links: true,
                    });
                    memo[paper as usize] = s;
                    of.push((paper, at, false));
                    reader.tweets.push((s, l.tweets));
                }
                of[s as usize].2 |= span.contains(&(l.day as usize));
            }
            reader.read(&mut part, &mut said);
        }
        let mut share = Share {
            first: vec![u64::MAX; part.accounts.len()],
            counts: vec![(0, 0, 0); part.accounts.len()],
            part,
        };
        let mut infos = vec![0u8; memo.len()];
        for &(paper, _, _) in &of {
            infos[paper as usize] = infos[paper as usize].saturating_add(1);
        }
        let mut several: Vec<(u32, Range<u32>, bool)> = Vec::new();
        for (s, &(paper, at, shown)) in said.iter().zip(&of) {
            let entries = &share.part.entries[s.entries.start as usize..s.entries.end as usize];
            for e in entries {
                let first = &mut share.first[e.account as usize];
                *first = (*first).min(at);
            }
            if infos[paper as usize] > 1 {
                several.push((paper, s.entries.clone(), shown));
            } else if shown {
                for e in entries {
                    let c = &mut share.counts[e.account as usize];
                    c.0 += 1;
                    c.1 += e.tweets as usize;
                }
            }
        }
        several_infos(&share.part, &mut several, &mut share.counts);
        share
    }
}

impl People {
    /// The accounts that tweeted about papers listed from `since` to `until`, exactly as
    /// `People::build(archive).ranked(since, until)`, made without building People: for a
    /// single ranking (`hotpapers tweeters`), not for the box that ranks again and again.
    /// Nothing is marked (`marked` is 0).
    pub fn ranked_in(
        archive: &Archive,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Vec<Tweeter> {
        let dates: Vec<NaiveDate> = archive.days.iter().map(|d| d.date).collect();
        let from = since.map_or(0, |s| dates.partition_point(|d| *d < s));
        let to = until.map_or(dates.len(), |u| dates.partition_point(|d| *d <= u));
        let span = from..to.max(from);
        // The days split where half the listings are behind; the newer half comes first.
        let total: usize = archive.days.iter().map(|d| d.papers.len()).sum();
        let mut behind = 0;
        let mid = archive
            .days
            .iter()
            .position(|d| {
                behind += d.papers.len();
                behind * 2 > total
            })
            .unwrap_or(archive.days.len());
        let (newer, older) = std::thread::scope(|s| {
            let older = s.spawn(|| read_listings(archive, 0..mid));
            let newer = read_listings(archive, mid..archive.days.len());
            (newer, older.join().expect("reading listings"))
        });
        let [newer0, newer1] = &newer;
        let [older0, older1] = &older;
        let shares = std::thread::scope(|s| {
            let one = s.spawn(|| Share::count(archive, (newer1, older1), &span));
            let zero = Share::count(archive, (newer0, older0), &span);
            [zero, one.join().expect("counting tweets")]
        });
        // Every account once (one may have tweeted about papers of both shares), in the order
        // first met, named as where it was first met.
        let mut met: Vec<(u64, usize, usize)> = Vec::new();
        for (n, share) in shares.iter().enumerate() {
            met.extend(share.first.iter().enumerate().map(|(a, &at)| (at, n, a)));
        }
        met.sort_unstable();
        let mut by_handle: HashMap<String, usize> = HashMap::new();
        let mut accounts: Vec<Account> = Vec::new();
        let mut counts: Vec<(usize, usize, usize)> = Vec::new();
        for &(_, n, a) in &met {
            let account = &shares[n].part.accounts[a];
            let c = shares[n].counts[a];
            match by_handle.entry(account.handle.to_ascii_lowercase()) {
                Entry::Occupied(at) => {
                    let sum = &mut counts[*at.get()];
                    (sum.0, sum.1) = (sum.0 + c.0, sum.1 + c.1);
                }
                Entry::Vacant(at) => {
                    at.insert(accounts.len());
                    accounts.push(account.clone());
                    counts.push(c);
                }
            }
        }
        rank(&accounts, counts)
    }
}

/// Counts the papers with several infos (`several`: each info's paper, entries and whether
/// it is in the span): an account counts such a paper when one of its infos in the span has
/// its tweets, and its links across all of them, each once.
fn several_infos(
    part: &Part<'_>,
    several: &mut [(u32, Range<u32>, bool)],
    counts: &mut [(usize, usize, usize)],
) {
    several.sort_unstable_by_key(|(paper, _, _)| *paper);
    let mut rows: Vec<(u32, bool, u32)> = Vec::new();
    let mut links: Vec<(u64, Link)> = Vec::new();
    for infos in several.chunk_by(|a, b| a.0 == b.0) {
        rows.clear();
        for (_, entries, shown) in infos {
            for e in entries.clone() {
                rows.push((part.entries[e as usize].account, *shown, e));
            }
        }
        rows.sort_unstable();
        for account in rows.chunk_by(|a, b| a.0 == b.0) {
            if !account.iter().any(|r| r.1) {
                continue;
            }
            links.clear();
            for &(_, _, e) in account {
                let Range { start, end } = part.entries[e as usize].links.clone();
                links.extend(hashed(&part.links[start as usize..end as usize]));
            }
            let c = &mut counts[account[0].0 as usize];
            c.0 += 1;
            c.1 += distinct(&mut links) as usize;
        }
    }
}
