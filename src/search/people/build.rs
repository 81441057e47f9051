//! Building `People`: each paper's tweets read once, however many listings share them.
//!
//! The build is bound by memory, not arithmetic: each tweet's handle sits somewhere in the
//! archive's heap and reading it is a cache miss. Listings of the same paper with the same
//! text share one `PaperInfo` (tweets included), so the tweets are read once an info: what
//! they say (each account's distinct links, or only how many when the paper has no other
//! info) is kept, and every listing of that info only points at it. The days are read newest
//! first, so that an account keeps its newest spelling and name, in one pass on one core: two
//! halves at once, joined after, took 44 ms where one pass takes 72 ms (10,000 posts where no
//! paper repeats), but held both halves' tables growing at once, and the join copied them:
//! the reader's peak at a warm start was the People build's, 2.2 MB higher (VmHWM, three runs
//! each). People are built in the background, after the index.
//!
//! The pairs then come out already in order, without sorting a row a tweet: the listings are
//! walked paper by paper, each paper's oldest first, and dropped into one bucket an account.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::link::{Link, distinct, hashed};
use super::{Account, Pair, People};
use crate::archive::{Archive, Name, PaperInfo, Tweet};
use crate::search::PaperRef;
use crate::search::listings::Listings;
use crate::search::slots::Slots;

/// No account: a tweet whose handle is empty once trimmed.
const NOBODY: u32 = u32::MAX;

/// No said (the end of a paper's chain of them).
pub(super) const NONE: u32 = u32::MAX;

/// One account's tweets in one info: how many distinct ones, and their distinct links (in
/// `Part::links`).
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) account: u32,
    pub(super) tweets: u32,
    pub(super) links: Range<u32>,
}

/// What one info's tweets say, read once: its entries (in `Part::entries`).
pub(super) struct Said {
    /// The info's address, to tell the infos of one paper apart (an edited post gives the
    /// same paper another text); only compared, never followed.
    pub(super) info: usize,
    pub(super) entries: Range<u32>,
    /// The said of another info of the same paper read before, or `NONE`.
    pub(super) next: u32,
    /// Whether its entries keep their links (in `Part::links`), to be counted with those of
    /// the paper's other infos; without, an entry has only its count.
    pub(super) links: bool,
}

/// The tweets of some days, with the accounts they name.
#[derive(Default)]
pub(super) struct Part<'a> {
    pub(super) accounts: Vec<Account>,
    by_handle: HashMap<String, u32, FixedState>,
    pub(super) entries: Vec<Entry>,
    /// Each tweet's link (its text when it has none: still one tweet, told apart by it).
    pub(super) links: Vec<Link<'a>>,
    /// The entries of each listing of the part's days (its info's), by position from the
    /// part's first: looked up here, on the part's core, not when the rows are made.
    of_listing: Vec<(u32, u32)>,
}

impl<'a> Part<'a> {
    /// `several`: which papers have several infos (see `of_several_infos`).
    fn read(
        archive: &'a Archive,
        listings: &Listings,
        several: &[bool],
        days: Range<usize>,
    ) -> Part<'a> {
        let starts = listings.day_starts();
        let first = starts[days.start];
        let listed = (starts[days.end] - first) as usize;
        // At most a said a listing, and seldom more than two entries and links: reserved at
        // once (pages never written are not resident), where growing them held the old and
        // the new size for a moment.
        let mut part = Part::default();
        part.entries.reserve(2 * listed);
        if several.contains(&true) {
            part.links.reserve(2 * listed);
        }
        let mut said: Vec<Said> = Vec::with_capacity(listed);
        let mut said_of = vec![NONE; listed];
        // Each paper's newest said, by paper number: a listing's info is looked up without
        // hashing, and there is rarely more than one info a paper to compare.
        let mut memo = vec![NONE; listings.len()];
        let mut reader = Reader::default();
        // Newest first, so an account's name and spelling are its newest tweet's: an info is
        // read at its newest listing, which is where its tweets are first met.
        let mut days = days.rev().peekable();
        while let Some(d) = days.next() {
            let at = (starts[d] - first) as usize;
            let ids = listings.ids_of_day(d);
            for (i, (p, &id)) in archive.days[d].papers.iter().zip(ids).enumerate() {
                let info = Arc::as_ptr(&p.info) as usize;
                let mut s = memo[id as usize];
                while s != NONE && said[s as usize].info != info {
                    s = said[s as usize].next;
                }
                if s == NONE {
                    s = said.len() as u32;
                    said.push(Said {
                        info,
                        entries: 0..0,
                        next: memo[id as usize],
                        links: several[id as usize],
                    });
                    memo[id as usize] = s;
                    reader.infos.push((s, &p.info));
                }
                said_of[at + i] = s;
            }
            if reader.infos.len() >= BATCH || days.peek().is_none() {
                reader.read(&mut part, &mut said);
            }
        }
        part.of_listing = said_of
            .iter()
            .map(|&s| (said[s as usize].entries.start, said[s as usize].entries.end))
            .collect();
        // Reserved for more than they hold (or grown to it): what is kept is what they hold.
        part.links.shrink_to_fit();
        part.entries.shrink_to_fit();
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
}

/// Infos gathered before their tweets are read.
pub(super) const BATCH: usize = 256;

/// The infos not read yet, each with its said, and what reading them needs.
#[derive(Default)]
pub(super) struct Reader<'a> {
    pub(super) infos: Vec<(u32, &'a PaperInfo)>,
    /// Each said's tweets: read off `infos`, or given when already read.
    pub(super) tweets: Vec<(u32, &'a [Tweet])>,
    batch: Vec<(u32, &'a Tweet)>,
    /// Each tweet's handle hashed, and its link.
    hashes: Vec<(u64, Link<'a>)>,
    accounts: Vec<u32>,
    by_written: Spellings,
    /// One info's tweets: account and link.
    said: Vec<(u32, Link<'a>)>,
}

impl<'a> Reader<'a> {
    /// Reads the batch into `part`: each info's entries, one an account.
    pub(super) fn read(&mut self, part: &mut Part<'a>, said: &mut [Said]) {
        // Each info, tweet and handle is somewhere in the heap: each read in a loop of its
        // own, that does nothing else, the reads of a batch wait on memory together, not in
        // turn (the info's were half the build, in the loop over the listings).
        self.tweets
            .extend(self.infos.iter().map(|&(s, i)| (s, &i.tweets[..])));
        self.infos.clear();
        self.batch.clear();
        for &(s, tweets) in &self.tweets {
            self.batch.extend(tweets.iter().map(|t| (s, t)));
        }
        self.tweets.clear();
        self.hashes.clear();
        self.hashes.extend(
            self.batch
                .iter()
                .map(|(_, t)| (spelling_hash(t.handle), Link::of(t))),
        );
        self.accounts.clear();
        for (&(_, t), &(h, _)) in self.batch.iter().zip(&self.hashes) {
            let account = match self.by_written.get(h, t.handle) {
                Some(a) => a,
                None => {
                    let a = part.account_of(t);
                    self.by_written.insert(h, t.handle, a);
                    a
                }
            };
            self.accounts.push(account);
        }
        let mut at = 0;
        for run in self.batch.chunk_by(|a, b| a.0 == b.0) {
            self.said.clear();
            let tweets = at..at + run.len();
            for (&account, &(_, link)) in self.accounts[tweets.clone()]
                .iter()
                .zip(&self.hashes[tweets])
            {
                if account != NOBODY {
                    self.said.push((account, link));
                }
            }
            at += run.len();
            self.said.sort_unstable();
            let start = part.entries.len() as u32;
            let keep = said[run[0].0 as usize].links;
            for same in self.said.chunk_by(|a, b| a.0 == b.0) {
                let from = part.links.len() as u32;
                if keep {
                    part.links.push(same[0].1);
                }
                let mut tweets = 1;
                // Sorted, an account's links repeat side by side.
                for w in same.windows(2) {
                    if w[0].1 != w[1].1 {
                        tweets += 1;
                        if keep {
                            part.links.push(w[1].1);
                        }
                    }
                }
                part.entries.push(Entry {
                    account: same[0].0,
                    tweets,
                    links: from..part.links.len() as u32,
                });
            }
            said[run[0].0 as usize].entries = start..part.entries.len() as u32;
        }
        self.batch.clear();
    }
}

/// A hash of a handle as written, from its name's `id`: the handle's text is not read (a
/// cache miss a tweet, when the accounts are counted over 330,000 listings).
fn spelling_hash(written: Name) -> u64 {
    FixedState::default().hash_one(written.id())
}

/// The account of each handle as written: a few thousand accounts write hundreds of
/// thousands of tweets, so trimming and lowercasing once a spelling, not once a tweet, saved
/// a fifth of the build. By a hash computed beforehand, in its batch.
#[derive(Default)]
struct Spellings {
    slots: Slots,
    /// Each spelling's name's `id`, hash and account.
    written: Vec<(usize, u64, u32)>,
}

impl Spellings {
    fn get(&self, h: u64, written: Name) -> Option<u32> {
        let written = written.id();
        let n = self
            .slots
            .find(h, |n| self.written[n as usize].0 == written)
            .ok()?;
        Some(self.written[n as usize].2)
    }

    /// Adds a spelling `get` did not find.
    fn insert(&mut self, h: u64, written: Name, account: u32) {
        self.written.push((written.id(), h, account));
        if self.written.len() > self.slots.room() {
            self.slots = Slots::with_room((self.written.len() * 2).max(512));
            for (n, &(_, h, _)) in self.written.iter().enumerate() {
                self.slots.insert(h, n as u32);
            }
        } else {
            self.slots.insert(h, self.written.len() as u32 - 1);
        }
    }
}

/// Whether each paper (by number) is listed with more than one info (an edited post gives
/// the same paper another text): only those papers' entries keep their links, to count them
/// across the infos. A paper of one info (nearly every paper of a real archive) needs only
/// each entry's count: a link is 24 bytes a tweet, 2.4 MB at 100,000 tweets.
fn of_several_infos(archive: &Archive, listings: &Listings) -> Vec<bool> {
    (0..listings.len() as u32)
        .map(|id| match listings.of_id(id) {
            [first, rest @ ..] if !rest.is_empty() => {
                let info = |r: &PaperRef| &archive.days[r.day].papers[r.paper].info;
                rest.iter().any(|r| !Arc::ptr_eq(info(r), info(first)))
            }
            _ => false,
        })
        .collect()
}

impl People {
    pub fn build(archive: &Archive) -> People {
        // The listings first, as the tweets are read by paper number (each on both cores).
        People::build_with(archive, Arc::new(Listings::build(archive)))
    }

    /// As `build`, with the archive's listings already made (`listings` must be of `archive`).
    pub fn build_with(archive: &Archive, listings: Arc<Listings>) -> People {
        let several = of_several_infos(archive, &listings);
        let part = Part::read(archive, &listings, &several, 0..archive.days.len());
        drop(several);
        People::finish(archive, listings, part)
    }

    fn finish(archive: &Archive, listings: Arc<Listings>, part: Part<'_>) -> People {
        let Part {
            accounts,
            entries,
            links,
            of_listing,
            ..
        } = part;
        // One row a listing and an account that tweeted about it (its paper, day and entry),
        // dropped into its account's bucket walking the papers in order, each paper's
        // listings oldest first: each bucket comes out sorted by paper, then day.
        let mut bounds = vec![0u32; accounts.len() + 1];
        for &(start, end) in &of_listing {
            for e in &entries[start as usize..end as usize] {
                bounds[e.account as usize + 1] += 1;
            }
        }
        for a in 1..bounds.len() {
            bounds[a] += bounds[a - 1];
        }
        let mut next = bounds.clone();
        // Paper, day, entry and its tweets (so that a pair of one entry reads no entry).
        let mut rows = vec![(0u32, 0u32, 0u32, 0u32); *bounds.last().unwrap_or(&0) as usize];
        let starts = listings.day_starts();
        for paper in 0..listings.len() as u32 {
            for r in listings.of_id(paper) {
                let (start, end) = of_listing[starts[r.day] as usize + r.paper];
                for (e, entry) in (start..end).zip(&entries[start as usize..end as usize]) {
                    let account = entry.account as usize;
                    rows[next[account] as usize] = (paper, r.day as u32, e, entry.tweets);
                    next[account] += 1;
                }
            }
        }
        drop(of_listing);
        // A pair of listings of several infos: their links counted together, each once, into
        // its first row, so that the entries and links can go before the pairs are made.
        let mut pair_links: Vec<(u64, Link)> = Vec::new();
        let mut pair_entries: Vec<u32> = Vec::new();
        for w in bounds.windows(2) {
            let bucket = &mut rows[w[0] as usize..w[1] as usize];
            for pair in bucket.chunk_by_mut(|a, b| a.0 == b.0) {
                let first = pair[0].2;
                // Listings of one info say the same.
                if pair.iter().all(|r| r.2 == first) {
                    continue;
                }
                pair_entries.clear();
                pair_entries.extend(pair.iter().map(|r| r.2));
                pair_entries.sort_unstable();
                pair_entries.dedup();
                pair_links.clear();
                for &e in &pair_entries {
                    let Range { start, end } = entries[e as usize].links;
                    debug_assert_eq!(end - start, entries[e as usize].tweets, "links kept");
                    pair_links.extend(hashed(&links[start as usize..end as usize]));
                }
                pair[0].3 = distinct(&mut pair_links);
            }
        }
        drop((entries, links, pair_links));
        let mut people = People {
            dates: archive.days.iter().map(|d| d.date).collect(),
            listings,
            accounts,
            ..People::default()
        };
        // At most a pair and a day a row: reserved at once rather than grown to twice that.
        people.pairs.reserve_exact(rows.len());
        people.days.reserve_exact(rows.len());
        for (account, w) in bounds.windows(2).enumerate() {
            let bucket = &rows[w[0] as usize..w[1] as usize];
            for pair in bucket.chunk_by(|a, b| a.0 == b.0) {
                let start = people.days.len();
                for &(_, day, _, _) in pair {
                    if people.days.len() == start || people.days.last() != Some(&day) {
                        people.days.push(day);
                    }
                }
                people.pairs.push(Pair {
                    account: account as u32,
                    paper: pair[0].0,
                    days: start as u32..people.days.len() as u32,
                    tweets: pair[0].3,
                });
            }
        }
        people.pairs.shrink_to_fit();
        people.days.shrink_to_fit();
        people
    }
}
