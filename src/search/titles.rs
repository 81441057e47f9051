//! A fuzzy finder over every title in the archive, each paper once at its latest listing,
//! scored as fzf scores (nucleo's matcher, as helix and television use it). Titles are held as
//! the screen shows them (LaTeX made readable), converted for the matcher once and laid end to
//! end, so a keystroke costs only the matching.
//!
//! A keystroke must answer within a frame (16 ms) over hundreds of thousands of titles, and
//! scoring one costs about a microsecond. So the finder scores as few titles as it can, and
//! still finds exactly what scoring every title and sorting them would:
//!
//! - No title can score more than a bound the query alone gives (`best_possible`), and only
//!   one holding each word of the query whole at the start of one of its words reaches it.
//!   Ties go to the newer listing, so once the newest titles hold `limit` at the bound nothing
//!   older can rank above them. The finder looks for those first, newest first: it tests each
//!   title cheaply (`Checks`), scores only the few that pass, and stops when it has `limit`.
//!   A word typed from its start (`t`, `tra`, `transf`, `diffusion model`) is answered from
//!   the newest few thousand titles.
//! - If there are fewer (or the first blocks show there will be, `Verdict::Hopeless`), every
//!   title that may match is scored; each core keeps its best `limit`, and only those are
//!   ordered. That costs what scoring every title costs: over 330,000 titles on two cores, a
//!   query matching most of them but few at the start of a word (`trnsfrmr`, `tion`) takes
//!   20 to 100 ms.
//! - What the tests read of a title (`Digest`: its letters and digits, what starts its
//!   words, its first characters) is kept in columns apart from the text, so that most titles
//!   are passed over reading a few bytes each.
//! - The titles are scanned a block at a time, the blocks shared among the cores once a scan
//!   takes longer than `ALONE`.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

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
    /// Matchers kept between keystrokes: each holds about 135 KB of scratch memory.
    spare: Mutex<Vec<Matcher>>,
}

/// Where a title's characters are.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    /// The number of characters, with [`WIDE`] set for a title in `wide`.
    len: u32,
}

const WIDE: u32 = 1 << 31;

/// Where a title starts, or how many there are.
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("titles take under 4 GiB")
}

/// A title's length, with the top bit free for [`WIDE`].
fn length(n: usize) -> u32 {
    let n = offset(n);
    assert!(n < WIDE, "a title under 2 GiB");
    n
}

/// The bit of an ASCII letter (either case) or digit; other characters have none.
fn letter_bit(c: char) -> u64 {
    u8::try_from(c).map_or(0, |c| BYTE_LETTERS[c as usize])
}

/// [`letter_bit`] of each byte.
const BYTE_LETTERS: [u64; 256] = {
    let mut bits = [0; 256];
    let mut c = 0;
    while c < 256 {
        let l = (c as u8).to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            bits[c] = 1 << (l - b'a');
        } else if l.is_ascii_digit() {
            bits[c] = 1 << (26 + l - b'0');
        }
        c += 1;
    }
    bits
};

/// One of 64 bits for the first two characters of a word (lowercase; 0 for none).
fn pair_bit(first: u8, second: u8) -> u64 {
    let pair = (u64::from(first) << 8) | u64::from(second);
    1 << (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// The first 8 bytes of `text`, lowercase, as one number (0 for bytes past its end).
fn head(text: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    for (b, c) in bytes.iter_mut().zip(text) {
        *b = c.to_ascii_lowercase();
    }
    u64::from_le_bytes(bytes)
}

/// What the cheap tests read of a title.
struct Digest {
    letters: u64,
    firsts: u64,
    pairs: u64,
    head: u64,
}

impl Digest {
    /// An ASCII title's: its letters and digits, and what starts its words (first, or after
    /// a space).
    fn ascii(title: &[u8]) -> Digest {
        let mut d = Digest {
            letters: title
                .iter()
                .fold(0, |bits, &c| bits | BYTE_LETTERS[c as usize]),
            firsts: 0,
            pairs: 0,
            head: head(title.trim_ascii_start()),
        };
        let mut word_at = |p: usize| {
            let c = title[p];
            let bit = BYTE_LETTERS[c as usize];
            if bit != 0 {
                d.firsts |= bit;
                let next = title.get(p + 1).map_or(0, u8::to_ascii_lowercase);
                d.pairs |= pair_bit(c.to_ascii_lowercase(), next);
            }
        };
        if !title.is_empty() {
            word_at(0);
        }
        let after = |p: usize| (p + 1 < title.len()).then_some(p + 1);
        // Words are nearly always apart by plain spaces, which are quick to find.
        if memchr::memchr3(b'\t', b'\n', b'\r', title).is_none() && !title.contains(&0x0c) {
            memchr::memchr_iter(b' ', title)
                .filter_map(after)
                .for_each(&mut word_at);
        } else {
            (0..title.len())
                .filter(|&p| title[p].is_ascii_whitespace())
                .filter_map(after)
                .for_each(&mut word_at);
        }
        d
    }

    /// Another title's: its letters and digits every way nucleo may compare its characters
    /// (as they are, normalized, case-folded, or both). The rest is only tested of ASCII
    /// titles: such a title is scored whenever it has the letters.
    fn wide(title: &[char]) -> Digest {
        let letters = title.iter().fold(0, |bits, &c| {
            let n = normalize(c);
            bits | letter_bit(c)
                | letter_bit(n)
                | letter_bit(to_lower_case(c))
                | letter_bit(to_lower_case(n))
        });
        Digest {
            letters,
            firsts: u64::MAX,
            pairs: u64::MAX,
            head: 0,
        }
    }
}

/// The letters and digits a title must have for `pattern` to match it: every one in an atom
/// that must match (a `!` atom must not, so it asks for none).
fn letters_needed(pattern: &Pattern) -> u64 {
    pattern
        .atoms
        .iter()
        .filter(|a| !a.negative)
        .flat_map(|a| a.needle_text().chars())
        .fold(0, |bits, c| bits | letter_bit(c))
}

/// The most any title can score for `pattern`. Nucleo scores a matched character 16 plus a
/// bonus of at most 10 (for the start of a word), doubles the bonus of an atom's first
/// character, and takes off for gaps; a `!` atom scores nothing. So an atom of `n` characters
/// scores at most `26 n + 10`, and only where it is whole at the start of a word.
fn best_possible(pattern: &Pattern) -> u32 {
    pattern
        .atoms
        .iter()
        .filter(|a| !a.negative)
        .map(|a| 26 * a.needle_text().len() as u32 + 10)
        .sum()
}

/// What the atoms that must match ask of an ASCII title, tested cheaply before it is scored:
/// whether it may match at all, and whether it may score [`best_possible`]. Each test is one
/// that every such title passes (case aside), so a title failing it is passed over.
struct Checks {
    atoms: Vec<Check>,
    /// An atom is not ASCII, so no ASCII title matches (nucleo never matches one then).
    never_ascii: bool,
    /// The beginnings `^` atoms want: the bits of [`head`] to compare, and their values.
    heads: Vec<(u64, u64)>,
    /// The first letters of the atoms, which a title at the bound has at the start of words.
    firsts: u64,
    /// And their first two characters.
    pairs: u64,
    /// Whether any title can reach the bound: not if an atom starts with anything but a
    /// letter, digit or space (its first character's bonus is then at most 8).
    can_top: bool,
}

/// An ASCII atom that starts with a letter or digit, lowercase.
struct Check {
    kind: AtomKind,
    word: Vec<u8>,
    /// Whether it also ends with a letter or digit (nucleo trims the title's spaces only then).
    trimmed: bool,
}

impl Checks {
    fn new(pattern: &Pattern) -> Checks {
        let mut checks = Checks {
            atoms: Vec::new(),
            never_ascii: false,
            heads: Vec::new(),
            firsts: 0,
            pairs: 0,
            can_top: true,
        };
        for atom in pattern.atoms.iter().filter(|a| !a.negative) {
            let needle = match atom.needle_text() {
                Utf32Str::Ascii(needle) => needle,
                Utf32Str::Unicode(_) => {
                    checks.never_ascii = true;
                    continue;
                }
            };
            let (first, last) = (needle[0], needle[needle.len() - 1]);
            if !first.is_ascii_alphanumeric() {
                // Any character before a space may do: the title is scored to know.
                checks.can_top &= first.is_ascii_whitespace();
                continue;
            }
            let word = needle.to_ascii_lowercase();
            checks.firsts |= letter_bit(first as char);
            if let Some(&second) = word.get(1) {
                checks.pairs |= pair_bit(word[0], second);
            }
            if matches!(atom.kind, AtomKind::Prefix | AtomKind::Exact) {
                let n = word.len().min(8);
                checks.heads.push((u64::MAX >> (64 - 8 * n), head(&word)));
            }
            checks.atoms.push(Check {
                kind: atom.kind,
                word,
                trimmed: last.is_ascii_alphanumeric(),
            });
        }
        checks
    }

    /// Whether an ASCII title whose [`head`] is `head` may match, not reading the title.
    fn head_may_match(&self, head: u64) -> bool {
        !self.never_ascii && self.heads.iter().all(|&(bits, want)| head & bits == want)
    }

    /// Whether an ASCII title may match: it holds the words that `^`, `$` and `^…$` want at
    /// its start, end or whole (spaces around it aside).
    fn may_match(&self, title: &[u8]) -> bool {
        self.atoms.iter().all(|c| match c.kind {
            AtomKind::Prefix => starts_with(title.trim_ascii_start(), &c.word),
            AtomKind::Postfix if c.trimmed => ends_with(title.trim_ascii_end(), &c.word),
            AtomKind::Exact if c.trimmed => title.trim_ascii().eq_ignore_ascii_case(&c.word),
            _ => true,
        })
    }

    /// Whether an ASCII title (of `digest`) may score the bound, not reading the title.
    fn digest_may_top(&self, firsts: u64, pairs: u64, head: u64) -> bool {
        firsts & self.firsts == self.firsts
            && pairs & self.pairs == self.pairs
            && self.head_may_match(head)
    }

    /// Whether an ASCII title may score the bound: each atom whole at the start of a word.
    fn may_top(&self, title: &[u8]) -> bool {
        self.may_match(title)
            && self.atoms.iter().all(|c| match c.kind {
                AtomKind::Fuzzy | AtomKind::Substring => at_word_start(title, &c.word),
                AtomKind::Postfix if c.trimmed => {
                    let t = title.trim_ascii_end();
                    let p = t.len() - c.word.len();
                    p == 0 || t[p - 1].is_ascii_whitespace()
                }
                _ => true,
            })
    }
}

fn starts_with(title: &[u8], word: &[u8]) -> bool {
    title.len() >= word.len() && title[..word.len()].eq_ignore_ascii_case(word)
}

fn ends_with(title: &[u8], word: &[u8]) -> bool {
    title.len() >= word.len() && title[title.len() - word.len()..].eq_ignore_ascii_case(word)
}

/// Whether `word` (ASCII, lowercase, starting with a letter or digit) is in `title`, case
/// aside, first or after a space.
fn at_word_start(title: &[u8], word: &[u8]) -> bool {
    let Some(last) = title.len().checked_sub(word.len()) else {
        return false;
    };
    let first = word[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &title[..=last]).any(|p| {
        (p == 0 || title[p - 1].is_ascii_whitespace())
            && title[p..p + word.len()].eq_ignore_ascii_case(word)
    })
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
        f
    }

    /// How many titles there are to find.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
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
        let found = match q.tops(self, limit) {
            Some(tops) => tops,
            None => q.ranked(self, limit),
        };
        found.into_iter().map(|i| self.refs[i as usize]).collect()
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
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let helpers = cores.min(8) - 1;
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

/// A parsed query, with what a title must have to match it and the best it can score.
struct Query {
    pattern: Pattern,
    needed: u64,
    best: u32,
    checks: Checks,
}

impl Query {
    fn new(pattern: Pattern) -> Query {
        Query {
            needed: letters_needed(&pattern),
            best: best_possible(&pattern),
            checks: Checks::new(&pattern),
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

    /// Every title scored, the best `limit` of them in order: each core keeps its best
    /// `limit`, and only those are ordered.
    fn ranked(&self, f: &TitleFinder, limit: usize) -> Vec<u32> {
        let c = &self.checks;
        let (hits, _) = f.scan(None, |m, range, hits: &mut Vec<Hit>| {
            for i in range {
                if f.letters[i] & self.needed != self.needed {
                    continue;
                }
                let text = f.text(i);
                if let Utf32Str::Ascii(bytes) = text
                    && !(c.head_may_match(f.heads[i]) && c.may_match(bytes))
                {
                    continue;
                }
                if let Some(score) = self.pattern.score(text, m) {
                    debug_assert!(score <= self.best, "{score} over {}", self.best);
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

    /// What `find` must give: every title scored, all of them ordered, the first `limit`.
    fn reference(titles: &[String], query: &str, limit: usize) -> Vec<usize> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut hits: Vec<(u32, usize)> = titles
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let text = Utf32String::from(t.as_str());
                Some((pattern.score(text.slice(..), &mut matcher)?, i))
            })
            .collect();
        hits.sort_by_key(|&(score, i)| (Reverse(score), i));
        hits.into_iter().take(limit).map(|(_, i)| i).collect()
    }

    /// Titles made of words drawn (repeatably) from a list with capitals, accents, LaTeX made
    /// readable, other scripts and punctuation, some of them the same title again.
    fn titles(n: usize) -> Vec<String> {
        const WORDS: &str = concat!(
            "Transformers|transfer|Training|tractable|Diffusion|Models|model|chain|",
            "Chain-of-Thought|of|the|for|with|Attention|Café|naïve|Fréchet|Über|K-means|",
            "α-Divergence|O(n log n)|Zürich|数据|ÉCOLE|RL:|GPT-4|Zero-Shot|quantum|Graph|tra|",
            "xq|self-attention|LLMs|3D|a|e\u{301}t\u{e9}|Transf|Chainsaw",
        );
        let words: Vec<&str> = WORDS.split('|').collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let mut out: Vec<String> = Vec::with_capacity(n);
        while out.len() < n {
            if !out.is_empty() && next(10) == 0 {
                let again = out[next(out.len())].clone();
                out.push(again);
                continue;
            }
            let words: Vec<&str> = (0..1 + next(9)).map(|_| words[next(words.len())]).collect();
            // Now and then spaces around it, or a tab or two spaces between words.
            let between = [" ", " ", " ", "  ", "\t"][next(5)];
            let around = [
                ("", ""),
                ("", ""),
                ("", ""),
                (" ", ""),
                ("", "\t "),
                ("\n", " "),
            ];
            let (before, after) = around[next(around.len())];
            out.push(format!("{before}{}{after}", words.join(between)));
        }
        out
    }

    fn finder(titles: &[String]) -> TitleFinder {
        TitleFinder::from_titles(
            titles
                .iter()
                .enumerate()
                .map(|(i, t)| (t.as_str(), PaperRef { day: i, paper: 0 })),
        )
    }

    /// Queries of every kind, with capitals, accents, escapes and signs.
    const QUERIES: &str = concat!(
        "t|tr|tra|tran|transf|transformer|diffusion model|^chain|zzqx|Tra|TRA|^Chain|",
        "chain$|^chain$|'chain|'ain-o|!tra|tra !former|!^chain|!model$|model !'diff|cafe|",
        "café|fre|frechet|uber|über|ecole|zurich|数|据|α|o(n|k-m|gpt4|3d|rl:|\\^chain|",
        "tra\\ ns|xq|q|etl|et|é|a a a|zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz|models$|",
        "^diffusion|^tra models$|^Tra|'Transf|ecole$|^ÉCOLE|^chain$|rl:$|o(n$|^(n|tra$|",
        "^transformers$|^a$|3d$|^3d|\\ chain|^数|^e\u{301}t|chain\\ |^k-means|-shot|",
        "^zero-shot !zürich|^ chain",
    );

    fn queries() -> impl Iterator<Item = &'static str> {
        QUERIES.split('|')
    }

    #[test]
    fn finds_what_scoring_every_title_finds_in_the_same_order() {
        // Several blocks, so that the scan is shared among cores and stops early.
        let titles = titles(5 * BLOCK + 77);
        let f = finder(&titles);
        for q in queries() {
            let all = reference(&titles, q, usize::MAX);
            for limit in [1, 7, 500, usize::MAX] {
                let want = &all[..all.len().min(limit)];
                let got: Vec<usize> = f.find(q, limit).iter().map(|r| r.day).collect();
                assert_eq!(got, want, "{q:?}, at most {limit}");
            }
        }
    }

    fn query(q: &str) -> Query {
        Query::new(Pattern::parse(q, CaseMatching::Smart, Normalization::Smart))
    }

    #[test]
    fn a_word_typed_from_its_start_is_answered_from_the_newest_titles_at_the_bound() {
        let titles = titles(5 * BLOCK + 77);
        let f = finder(&titles);
        for (q, limit) in [
            ("t", 500),
            ("tra", 500),
            ("diffusion model", 300),
            ("^chain", 40),
        ] {
            let tops = query(q).tops(&f, limit);
            let want: Vec<u32> = reference(&titles, q, limit)
                .iter()
                .map(|&i| i as u32)
                .collect();
            assert_eq!(tops, Some(want), "{q:?}, at most {limit}");
        }
        // Fewer at the bound than asked for (or none can reach it): every title is scored.
        for (q, limit) in [
            ("zzqx", 1),
            ("tra", titles.len()),
            ("ansf", 5),
            ("-shot", 5),
        ] {
            assert_eq!(query(q).tops(&f, limit), None, "{q:?}");
        }
        assert_eq!(
            query("ansf").ranked(&f, 5),
            reference(&titles, "ansf", 5)
                .iter()
                .map(|&i| i as u32)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn titles_at_the_bound_only_long_after_the_newest_or_too_few_are_still_found() {
        // Past the blocks a scan needs to judge it hopeless, the titles at the bound for
        // `^chain` and `graph` come only at the end, after a long run of titles without them.
        // Whether the scan for them gives up or gets there first, the answer is the same.
        let blocks = JUDGE_AFTER + 2;
        let titles: Vec<String> = (0..blocks * BLOCK)
            .map(|i| match i % BLOCK {
                _ if i < (blocks - 1) * BLOCK => format!("Agraph chained {i}"),
                0..=9 => format!("Chain graph {i}"),
                _ => format!("Plain {i}"),
            })
            .collect();
        let f = finder(&titles);
        for (q, limit) in [("^chain", 5), ("^chain", 10), ("graph", 10), ("graph", 600)] {
            let want = reference(&titles, q, limit);
            let got: Vec<usize> = f.find(q, limit).iter().map(|r| r.day).collect();
            assert_eq!(got, want, "{q:?}, at most {limit}");
        }
        assert_eq!(query("^chain").tops(&f, 11), None, "only 10 at the bound");
        assert_eq!(query("graph").tops(&f, 600), None, "only 10 at the bound");
    }

    #[test]
    fn the_scan_stops_once_the_blocks_before_the_rest_hold_enough_or_never_will() {
        let mut p = Progress::new(20, Some(5));
        assert_eq!(
            p.finished(2, 9),
            Verdict::Go,
            "blocks 0 and 1 may hold better"
        );
        assert_eq!(p.finished(0, 1), Verdict::Go);
        assert_eq!(
            p.finished(1, 0),
            Verdict::Enough,
            "1 + 0 + 9 before block 3"
        );
        // 2 in the first 8 blocks of 20: about 5 in all, which is worth going on for...
        let mut p = Progress::new(20, Some(5));
        for b in 0..JUDGE_AFTER {
            assert_eq!(p.finished(b, usize::from(b % 4 == 0)), Verdict::Go);
        }
        // ...but not 1 in the first 9 (2 in all), nor 0.
        let mut p = Progress::new(20, Some(5));
        for b in 0..JUDGE_AFTER {
            assert_eq!(p.finished(b, usize::from(b == 0)), Verdict::Go, "{b}");
        }
        assert_eq!(p.finished(JUDGE_AFTER, 0), Verdict::Hopeless);
        let mut p = Progress::new(20, None);
        assert_eq!(
            p.finished(0, 100),
            Verdict::Go,
            "a scan of every title never stops"
        );
    }

    #[test]
    fn no_title_scores_above_the_bound_and_a_word_start_reaches_it() {
        let titles = titles(3000);
        let mut matcher = Matcher::new(Config::DEFAULT);
        for q in queries() {
            let pattern = Pattern::parse(q, CaseMatching::Smart, Normalization::Smart);
            let bound = best_possible(&pattern);
            for t in &titles {
                let text = Utf32String::from(t.as_str());
                if let Some(score) = pattern.score(text.slice(..), &mut matcher) {
                    assert!(score <= bound, "{q:?} scores {score} > {bound} on {t:?}");
                }
            }
        }
        for (q, t) in [
            ("t", "The Theory"),
            ("tra", "On Transformers"),
            ("dif mo", "Diffusion Models"),
        ] {
            let pattern = Pattern::parse(q, CaseMatching::Smart, Normalization::Smart);
            let text = Utf32String::from(t);
            let score = pattern.score(text.slice(..), &mut matcher);
            assert_eq!(score, Some(best_possible(&pattern)), "{q:?} on {t:?}");
        }
    }

    #[test]
    fn a_title_lacking_a_letter_of_the_query_is_passed_over_and_accents_count_as_letters() {
        let needed = |q: &str| {
            letters_needed(&Pattern::parse(
                q,
                CaseMatching::Smart,
                Normalization::Smart,
            ))
        };
        let has = |t: &str| match Utf32String::from(t).slice(..) {
            Utf32Str::Ascii(bytes) => Digest::ascii(bytes).letters,
            Utf32Str::Unicode(chars) => Digest::wide(chars).letters,
        };
        assert_eq!(
            needed("Ab9 !z"),
            letter_bit('a') | letter_bit('b') | letter_bit('9')
        );
        assert_eq!(has("ÉCOLE"), has("ecole"));
        assert_eq!(has("Fréchet") & needed("frechet"), needed("frechet"));
        assert_eq!(has("Graph Networks") & needed("zzqx"), 0);
        let f = finder(&[
            "Fréchet Distances".to_string(),
            "Graph Networks".to_string(),
        ]);
        assert_eq!(f.find("frechet", 5).len(), 1);
        assert!(f.find("zzqx", 5).is_empty());
    }

    #[test]
    fn a_digest_tells_what_starts_the_words_of_a_title() {
        let d = Digest::ascii(b"  Graph nets\tfor 3D");
        let bits = |s: &str| s.chars().fold(0, |b, c| b | letter_bit(c));
        assert_eq!(d.letters, bits("graphnetsfor3d"));
        assert_eq!(d.firsts, bits("gnf3"), "first, or after a space or tab");
        let pairs = [(b'g', b'r'), (b'n', b'e'), (b'f', b'o'), (b'3', b'd')];
        assert_eq!(
            d.pairs,
            pairs.iter().fold(0, |b, &(x, y)| b | pair_bit(x, y))
        );
        assert_eq!(d.head, head(b"graph ne"), "leading spaces aside, lowercase");
        assert_eq!(Digest::ascii(b"A").pairs, pair_bit(b'a', 0));
        let checks = Checks::new(&Pattern::parse(
            "^Gra ne !zz",
            CaseMatching::Smart,
            Normalization::Smart,
        ));
        assert!(checks.digest_may_top(d.firsts, d.pairs, d.head));
        assert!(checks.may_top(b"  Graph nets\tfor 3D"));
        assert!(!checks.head_may_match(Digest::ascii(b"A graph").head));
        assert!(!checks.may_top(b"Graph genes"), "ne must start a word");
        assert!(checks.may_match(b"Graph genes"));
    }

    #[test]
    fn an_empty_query_or_no_room_lists_the_newest_or_nothing() {
        let titles = titles(100);
        let f = finder(&titles);
        let days = |q: &str, n| f.find(q, n).iter().map(|r| r.day).collect::<Vec<_>>();
        assert_eq!(days("", 3), vec![0, 1, 2]);
        assert_eq!(days("  ", 3), vec![0, 1, 2], "only spaces");
        assert_eq!(days("!", 2), vec![0, 1], "an operator alone");
        assert!(days("tra", 0).is_empty());
        assert!(finder(&[]).find("tra", 10).is_empty());
    }
}
