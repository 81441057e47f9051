//! A fuzzy finder over every title in the archive, each paper once at its latest listing,
//! scored as fzf scores (nucleo's matcher, as helix and television use it). Titles are held as
//! the screen shows them (LaTeX made readable), converted for the matcher once and laid end to
//! end, so a keystroke costs only the matching.
//!
//! A keystroke must answer within a frame (16 ms) over hundreds of thousands of titles, and
//! scoring one costs about half a microsecond. So the finder scores as few titles as it can,
//! and still finds exactly what scoring every title and sorting them would:
//!
//! - No title can score more than a bound the query alone gives (`best_possible`), and only
//!   one holding each word of the query whole at the start of one of its words reaches it.
//!   Ties go to the newer listing, so once the newest titles hold `limit` at the bound nothing
//!   older can rank above them. The finder looks for those first, newest first: it tests each
//!   title cheaply (`Checks`), scores only the few that pass, and stops when it has `limit`.
//!   A word typed from its start (`t`, `tra`, `transf`, `diffusion model`) is answered from
//!   the newest few thousand titles.
//! - If there are fewer (or the first blocks show there will be, `Verdict::Hopeless`), each
//!   title gets a bound of its own (`bound.rs`): nucleo's scoring worked through for 32
//!   titles at once, a byte each in a vector register, from a copy of the titles packed for
//!   it (`columns.rs`: per character, the letter it matches and the bonus it earns there).
//!   No title scores above its bound, and nearly every one scores it. The titles are then
//!   scored in the order of their bounds, the highest first, until none left can rank among
//!   the `limit` found (`best.rs`): for a query matching most titles but few at the start of
//!   a word (`tion`, `trnsfrmr`) that is about `limit` titles scored, and the bounds cost
//!   what scoring a fifteenth of the titles would. Over 330,000 titles that is 3–11 ms of CPU
//!   time on two cores together (7–18 ms a keystroke while other builds shared them; it was
//!   20–190 ms scoring every title).
//! - A query the bound cannot work through (each word starting with no letter or digit, or in
//!   another script), or a `limit` near the number of titles: every title that may match is
//!   scored; each core keeps its best `limit`, and only those are ordered.
//! - What the tests read of a title (`Digest`: its letters and digits, what starts its
//!   words, its first characters) is kept in columns apart from the text, so that most titles
//!   are passed over reading a few bytes each.
//! - The titles are scanned a block at a time, the blocks shared among the cores once a scan
//!   takes longer than `ALONE`; the bounds are shared among them from the start.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

mod best;
mod bound;
mod columns;
mod digest;

use self::bound::Bound;
use self::columns::Columns;
use self::digest::*;
use super::index::PaperRef;
use crate::archive::Archive;
use crate::display::latex::prettify;

/// Titles scanned as one piece of work.
const BLOCK: usize = 2048;

/// How long a scan runs on the calling thread alone before the other cores are asked.
const ALONE: Duration = Duration::from_millis(1);

pub struct TitleFinder {
    /// The characters of the titles that are all ASCII, one title after another.
    ascii: Vec<u8>,
    /// The characters of the other titles (the first of each grapheme, as nucleo has them).
    wide: Vec<char>,
    /// Where each title is in `ascii` or `wide`, newest listing first, so that among equal
    /// scores the newer paper comes first. The columns after it are in the same order, and
    /// apart, so that a scan reads only what it tests.
    spans: Vec<Span>,
    /// The bits ([`letter_bit`]) of every letter and digit a title has, in either case and
    /// also as nucleo normalizes it (`é` counts as `e`).
    letters: Vec<u64>,
    /// The bits of the letters and digits that start its words ([`Digest`]).
    firsts: Vec<u64>,
    /// The bits of the pairs of characters that start its words ([`pair_bit`]).
    pairs: Vec<u64>,
    /// Its first 8 characters, spaces before them aside, lowercase ([`head`]).
    heads: Vec<u64>,
    /// The paper of each title.
    refs: Vec<PaperRef>,
    /// The titles again, packed for bounding their scores all at once.
    columns: Columns,
    /// Matchers kept between keystrokes: each holds about 135 KB of scratch memory.
    spare: Mutex<Vec<Matcher>>,
}

/// A match: its score and the title's index.
type Hit = (u32, u32);

/// Best first, and among equal scores the newer listing (a lower index) first.
fn rank(&(score, i): &Hit) -> (Reverse<u32>, u32) {
    (Reverse(score), i)
}

/// Keeps only the best `limit` of `hits` (in no order).
fn keep_best(hits: &mut Vec<Hit>, limit: usize) {
    if hits.len() > limit {
        hits.select_nth_unstable_by_key(limit - 1, rank);
        hits.truncate(limit);
    }
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
        let titles = titles.into_iter();
        let n = titles.size_hint().0;
        let mut f = TitleFinder {
            ascii: Vec::new(),
            wide: Vec::new(),
            spans: Vec::with_capacity(n),
            letters: Vec::with_capacity(n),
            firsts: Vec::with_capacity(n),
            pairs: Vec::with_capacity(n),
            heads: Vec::with_capacity(n),
            refs: Vec::with_capacity(n),
            columns: Columns::default(),
            spare: Mutex::new(Vec::new()),
        };
        for (t, r) in titles {
            // Converted as nucleo converts a string, so that the matcher sees the same text.
            let t = t.as_ref();
            let wide;
            let text = if t.is_ascii() {
                Utf32Str::Ascii(t.as_bytes())
            } else {
                wide = Utf32String::from(t);
                wide.slice(..)
            };
            let (span, digest) = match text {
                Utf32Str::Ascii(bytes) => {
                    let start = offset(f.ascii.len());
                    f.ascii.extend_from_slice(bytes);
                    let len = length(bytes.len());
                    (Span { start, len }, Digest::ascii(bytes))
                }
                Utf32Str::Unicode(chars) => {
                    let start = offset(f.wide.len());
                    f.wide.extend_from_slice(chars);
                    let len = length(chars.len()) | WIDE;
                    (Span { start, len }, Digest::wide(chars))
                }
            };
            f.spans.push(span);
            f.letters.push(digest.letters);
            f.firsts.push(digest.firsts);
            f.pairs.push(digest.pairs);
            f.heads.push(digest.head);
            f.refs.push(r);
        }
        // Every title's end, and every index, fits in 32 bits.
        offset(f.ascii.len().max(f.wide.len()));
        offset(f.spans.len());
        f.columns = Columns::build(f.spans.len(), |i| f.text(i), |i| f.letters[i]);
        f
    }

    /// How many titles there are to find.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The bytes the finder holds, and of them those of the titles packed for the bound.
    pub fn size(&self) -> (usize, usize) {
        let columns = self.columns.size();
        let per_title = std::mem::size_of::<Span>() + 4 * 8 + std::mem::size_of::<PaperRef>();
        let text = self.ascii.len() + 4 * self.wide.len();
        (text + per_title * self.len() + columns, columns)
    }

    /// Title `i`'s text, as the matcher reads it.
    fn text(&self, i: usize) -> Utf32Str<'_> {
        let t = self.spans[i];
        let start = t.start as usize;
        let end = start + (t.len & !WIDE) as usize;
        if t.len & WIDE == 0 {
            Utf32Str::Ascii(&self.ascii[start..end])
        } else {
            Utf32Str::Unicode(&self.wide[start..end])
        }
    }

    /// The titles `query` matches, best first (the newer listing first among equals), at most
    /// `limit`; every title, newest first, for an empty query. Case is ignored unless the
    /// query has a capital; `^`, `$`, `'` and `!` work as in fzf.
    pub fn find(&self, query: &str, limit: usize) -> Vec<PaperRef> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        if limit == 0 || pattern.atoms.is_empty() {
            // Every title scores the same.
            return self.refs.iter().take(limit).copied().collect();
        }
        let q = Query::new(pattern);
        let found = match (q.tops(self, limit), &q.bound) {
            (Some(tops), _) => tops,
            // After the bounds, the titles are scored one after another: while `limit` is a
            // small part of the titles, that is quicker than scoring them all on every core.
            // Not when a `^` or `^…$` word must start the title: its first characters pass
            // over nearly every title unread, so scoring them all costs less than the bounds.
            (None, Some(bound))
                if limit.saturating_mul(8) <= self.len() && q.checks.heads.is_empty() =>
            {
                q.by_bound(self, bound, limit)
            }
            (None, _) => q.ranked(self, limit),
        };
        found.into_iter().map(|i| self.refs[i as usize]).collect()
    }

    /// A matcher kept from a keystroke before, or a new one.
    fn matcher(&self) -> Matcher {
        let spare = self.spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
        spare.unwrap_or_else(|| Matcher::new(Config::DEFAULT))
    }

    /// Runs `block` over the titles a block at a time, newest first, sharing the blocks among
    /// the cores once it takes longer than [`ALONE`], each core gathering into a `T` of its
    /// own; `block` says how many titles of its block count towards `enough`. Stops early once
    /// the blocks before the rest are done and hold `enough`, and says whether it did; stops
    /// too when that looks hopeless ([`Verdict::Hopeless`]).
    fn scan<T: Default + Send>(
        &self,
        enough: Option<usize>,
        block: impl Fn(&mut Matcher, Range<usize>, &mut T) -> usize + Sync,
    ) -> (Vec<T>, bool) {
        let blocks = self.spans.len().div_ceil(BLOCK);
        let next = AtomicUsize::new(0);
        let progress = Mutex::new(Progress::new(blocks, enough));
        let work = |m: &mut Matcher, into: &mut T, until: Option<Instant>| {
            while until.is_none_or(|t| Instant::now() < t) {
                let b = next.fetch_add(1, Ordering::Relaxed);
                if b >= blocks {
                    return;
                }
                let range = b * BLOCK..((b + 1) * BLOCK).min(self.spans.len());
                let counted = block(m, range, into);
                let mut progress = progress.lock().unwrap_or_else(|e| e.into_inner());
                if progress.finished(b, counted) != Verdict::Go {
                    next.fetch_max(blocks, Ordering::Relaxed);
                }
            }
        };
        let mut spare = std::mem::take(&mut *self.spare.lock().unwrap_or_else(|e| e.into_inner()));
        let mut matcher = || spare.pop().unwrap_or_else(|| Matcher::new(Config::DEFAULT));
        let mut first = matcher();
        let mut gathered = vec![T::default()];
        // A short scan is done alone: another thread can take longer to start (on a busy
        // machine, a time slice) than the whole scan.
        work(&mut first, &mut gathered[0], Some(Instant::now() + ALONE));
        let helpers = cores() - 1;
        let mut matchers = vec![first];
        if next.load(Ordering::Relaxed) < blocks && helpers > 0 {
            let helping: Vec<Matcher> = (0..helpers).map(|_| matcher()).collect();
            let work = &work;
            std::thread::scope(|s| {
                let workers: Vec<_> = helping
                    .into_iter()
                    .map(|mut m| {
                        s.spawn(move || {
                            let mut into = T::default();
                            work(&mut m, &mut into, None);
                            (m, into)
                        })
                    })
                    .collect();
                work(&mut matchers[0], &mut gathered[0], None);
                for w in workers {
                    let (m, into) = w.join().expect("a finder thread panicked");
                    matchers.push(m);
                    gathered.push(into);
                }
            });
        } else {
            work(&mut matchers[0], &mut gathered[0], None);
        }
        spare.extend(matchers);
        *self.spare.lock().unwrap_or_else(|e| e.into_inner()) = spare;
        let progress = progress.into_inner().unwrap_or_else(|e| e.into_inner());
        let stopped = enough.is_some_and(|n| progress.before >= n);
        (gathered, stopped)
    }
}

/// The threads a scan runs on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// A parsed query, with what a title must have to match it and the best it can score.
struct Query {
    pattern: Pattern,
    needed: u64,
    best: u32,
    checks: Checks,
    bound: Option<Bound>,
}

impl Query {
    fn new(pattern: Pattern) -> Query {
        Query {
            needed: letters_needed(&pattern),
            best: best_possible(&pattern),
            checks: Checks::new(&pattern),
            bound: Bound::new(&pattern),
            pattern,
        }
    }

    /// The newest `limit` titles at the best possible score, if there are as many, newest
    /// first: then nothing else can rank above them.
    fn tops(&self, f: &TitleFinder, limit: usize) -> Option<Vec<u32>> {
        if !self.checks.can_top || limit >= f.spans.len() {
            return None;
        }
        let c = &self.checks;
        let (found, enough) = f.scan(Some(limit), |m, range, found: &mut Vec<u32>| {
            let before = found.len();
            for i in range {
                if f.letters[i] & self.needed != self.needed {
                    continue;
                }
                let text = f.text(i);
                if let Utf32Str::Ascii(bytes) = text
                    && !(c.digest_may_top(f.firsts[i], f.pairs[i], f.heads[i]) && c.may_top(bytes))
                {
                    continue;
                }
                if self.pattern.score(text, m) == Some(self.best) {
                    found.push(i as u32);
                }
            }
            found.len() - before
        });
        if !enough {
            return None;
        }
        let mut found: Vec<u32> = found.into_iter().flatten().collect();
        found.sort_unstable();
        found.truncate(limit);
        Some(found)
    }

    /// The best `limit` titles in order, scoring only those whose bound ([`bound`]) may
    /// still rank them among the best found, the highest bounds first.
    fn by_bound(&self, f: &TitleFinder, bound: &Bound, limit: usize) -> Vec<u32> {
        let bounds = bound::bounds(&f.columns, bound, cores());
        let mut m = f.matcher();
        let found = best::best(&bounds, limit, |i| self.score(f, i as usize, &mut m));
        f.spare.lock().unwrap_or_else(|e| e.into_inner()).push(m);
        found
    }

    /// Title `i`'s score, if it matches; the cheap tests first.
    fn score(&self, f: &TitleFinder, i: usize, m: &mut Matcher) -> Option<u32> {
        if f.letters[i] & self.needed != self.needed {
            return None;
        }
        let text = f.text(i);
        if let Utf32Str::Ascii(bytes) = text
            && !(self.checks.head_may_match(f.heads[i]) && self.checks.may_match(bytes))
        {
            return None;
        }
        let score = self.pattern.score(text, m)?;
        debug_assert!(score <= self.best, "{score} over {}", self.best);
        Some(score)
    }

    /// Every title scored, the best `limit` of them in order: each core keeps its best
    /// `limit`, and only those are ordered.
    fn ranked(&self, f: &TitleFinder, limit: usize) -> Vec<u32> {
        let (hits, _) = f.scan(None, |m, range, hits: &mut Vec<Hit>| {
            for i in range {
                if let Some(score) = self.score(f, i, m) {
                    hits.push((score, i as u32));
                }
            }
            if hits.len() >= limit.saturating_mul(2).saturating_add(BLOCK) {
                keep_best(hits, limit);
            }
            0
        });
        let mut hits: Vec<Hit> = hits.into_iter().flatten().collect();
        keep_best(&mut hits, limit);
        hits.sort_unstable_by_key(rank);
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

/// How far a scan has come, and whether it can stop.
struct Progress {
    /// How many counted titles the scan is after, if it stops once it has them.
    enough: Option<usize>,
    blocks: usize,
    /// For each finished block, how many of its titles counted.
    counted: Vec<Option<usize>>,
    /// The blocks before this one are all finished...
    upto: usize,
    /// ...and this many of their titles counted.
    before: usize,
}

#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Go,
    /// The finished blocks before the rest hold `enough`.
    Enough,
    /// At the rate so far, all the blocks would hold fewer than half of `enough`: the scan
    /// is not worth finishing.
    Hopeless,
}

/// The blocks a scan runs through before it can judge it hopeless.
const JUDGE_AFTER: usize = 8;

impl Progress {
    fn new(blocks: usize, enough: Option<usize>) -> Progress {
        Progress {
            enough,
            blocks,
            counted: vec![None; blocks],
            upto: 0,
            before: 0,
        }
    }

    /// Notes that block `b` is finished with `counted` titles.
    fn finished(&mut self, b: usize, counted: usize) -> Verdict {
        self.counted[b] = Some(counted);
        while let Some(&Some(n)) = self.counted.get(self.upto) {
            self.before += n;
            self.upto += 1;
        }
        match self.enough {
            Some(n) if self.before >= n => Verdict::Enough,
            Some(n)
                if self.upto >= JUDGE_AFTER
                    && self.upto < self.blocks
                    && self.before.saturating_mul(self.blocks).saturating_mul(2)
                        < n.saturating_mul(self.upto) =>
            {
                Verdict::Hopeless
            }
            _ => Verdict::Go,
        }
    }
}

#[cfg(test)]
mod bound_tests;
#[cfg(test)]
mod tests;
