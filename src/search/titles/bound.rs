//! The most each title can score for a query, worked out for every title at once without
//! scoring any: nucleo's dynamic programme (score.rs, fuzzy_optimal.rs: 16 a character, its
//! bonus, twice for the first, the bonus of a run's start carried along the run, 3 off for a
//! gap and 1 for each character more, never below 0) run over [`LANES`] titles side by side,
//! one byte per title, so that each step is one vector instruction.
//!
//! Where nucleo keeps one path per cell, this keeps the best score and, apart, the best bonus
//! carried of every path there, so it never ends below any path nucleo may take: it is an
//! upper bound, and nearly always the score itself. It differs from the score only where
//! nucleo's single path is not the best one, or where a bonus of 9 is taken as 10.

use std::sync::Mutex;

use nucleo_matcher::Utf32Str;
use nucleo_matcher::pattern::Pattern;

use super::columns::{Columns, Group, LANES, Lanes, NONE, code};
use super::digest::letters_needed;

/// The longest run of an atom's characters worked through: 26 a character and 10 more must fit
/// in a byte.
const LONGEST: usize = 9;

/// The most a character can add to a score: 16, and a bonus of at most 10.
const MOST: u32 = 26;

/// Groups of titles bounded as one piece of work.
const CHUNK: usize = 16;

/// What one atom of a query asks of a title.
struct Needle {
    /// Its first characters, at most [`LONGEST`].
    keys: Vec<Key>,
    /// Every key compares the low five bits (letters in either case).
    folded: bool,
    /// The most the rest of its characters can add.
    rest: u32,
    /// It is one character, which nucleo scores apart in a title that is not ASCII, with
    /// the bonus of a character it passed over: such a title is given the most (36).
    single: bool,
}

/// A character of a needle: the bits of a title's byte compared, and the value they must have.
#[derive(Clone, Copy)]
struct Key {
    bits: u8,
    want: u8,
}

/// The bits compared for a letter in either case, and for any other letter or digit.
const FOLDED: u8 = 0x1f;
const EXACT: u8 = 0x3f;

/// What a query asks, for the bound: the atoms that must match.
pub(super) struct Bound {
    /// The letters and digits a title must have ([`letters_needed`]).
    needed: u64,
    needles: Vec<Needle>,
    /// The most any title can be given.
    pub(super) most: u32,
}

impl Bound {
    /// The bound of `pattern`, if it has an atom that must match (all of them ASCII: no
    /// ASCII title matches another).
    pub(super) fn new(pattern: &Pattern) -> Option<Bound> {
        let mut b = Bound {
            needed: letters_needed(pattern),
            needles: Vec::new(),
            most: 0,
        };
        for atom in pattern.atoms.iter().filter(|a| !a.negative) {
            let Utf32Str::Ascii(text) = atom.needle_text() else {
                return None;
            };
            if text.is_empty() {
                continue;
            }
            // Nucleo ignores case (smart case) unless the atom has a capital.
            let ignore_case = !text.iter().any(u8::is_ascii_uppercase);
            // A sign is compared as any character but a letter, a digit or a space: the bound
            // can only be higher for it.
            let keys: Vec<Key> = text
                .iter()
                .take(LONGEST)
                .map(|&c| match c {
                    b'a'..=b'z' if ignore_case => Key {
                        bits: FOLDED,
                        want: c - b'a',
                    },
                    _ => Key {
                        bits: EXACT,
                        want: code(c as char),
                    },
                })
                .collect();
            let rest = MOST * (text.len() - keys.len()) as u32;
            // The first character's bonus counts twice.
            b.most += MOST * text.len() as u32 + 10;
            b.needles.push(Needle {
                folded: keys.iter().all(|k| k.bits == FOLDED),
                single: text.len() == 1,
                keys,
                rest,
            });
        }
        (!b.needles.is_empty()).then_some(b)
    }
}

/// Every title's bound (0 for one that cannot match), with the title of each, lane by lane,
/// and how many titles have each bound.
pub(super) struct Bounds {
    pub(super) lanes: Vec<u32>,
    pub(super) titles: Vec<u32>,
    pub(super) counts: Vec<u32>,
}

/// Bounds every title for `bound`, on `threads` threads.
pub(super) fn bounds(columns: &Columns, bound: &Bound, threads: usize) -> Bounds {
    let may_match = |g: &Group, lane: usize| {
        g.titles[lane] != NONE && g.letters[lane] & bound.needed == bound.needed
    };
    let alive: usize = columns
        .groups
        .iter()
        .map(|g| (0..LANES).filter(|&lane| may_match(g, lane)).count())
        .sum();
    // When many titles lack a letter of the query, those that have them all are bounded
    // side by side: the bound costs as much for a group of one title as of 32. Moving a
    // title costs about what bounding it for 12 characters does.
    let rows: usize = bound.needles.iter().map(|n| n.keys.len()).sum();
    let fewer;
    let columns = if alive * (12 + rows) < columns.groups.len() * LANES * rows {
        fewer = columns.only(may_match);
        &fewer
    } else {
        columns
    };
    let mut lanes = vec![0; columns.groups.len() * LANES];
    let mut titles = vec![NONE; lanes.len()];
    let chunks = Mutex::new(
        columns
            .groups
            .chunks(CHUNK)
            .zip(lanes.chunks_mut(CHUNK * LANES))
            .zip(titles.chunks_mut(CHUNK * LANES)),
    );
    let work = || {
        let mut counts = vec![0; bound.most as usize + 1];
        loop {
            let next = chunks.lock().unwrap_or_else(|e| e.into_inner()).next();
            let Some(((groups, lanes), titles)) = next else {
                return counts;
            };
            let lanes = lanes.chunks_mut(LANES);
            for ((group, lanes), titles) in groups.iter().zip(lanes).zip(titles.chunks_mut(LANES)) {
                let alive = std::array::from_fn(|lane| may_match(group, lane));
                if alive.contains(&true) {
                    bound_group(columns, group, bound, alive, lanes);
                }
                titles.copy_from_slice(&group.titles);
                for &b in lanes.iter() {
                    counts[b as usize] += 1;
                }
            }
        }
    };
    let counted: Vec<Vec<u32>> = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut counted = vec![work()];
        counted.extend(
            helpers
                .into_iter()
                .map(|h| h.join().expect("a bound thread panicked")),
        );
        counted
    });
    let mut counts = vec![0; bound.most as usize + 1];
    for c in counted {
        counts.iter_mut().zip(c).for_each(|(n, m)| *n += m);
    }
    Bounds {
        lanes,
        titles,
        counts,
    }
}

/// The bounds of one group's titles, into `out` (one a lane).
fn bound_group(columns: &Columns, group: &Group, bound: &Bound, alive: Alive, out: &mut [u32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: this CPU has AVX2, as just checked.
        return unsafe { bound_group_avx2(columns, group, bound, alive, out) };
    }
    bound_group_here(columns, group, bound, alive, out)
}

/// The lanes whose titles may match.
type Alive = [bool; LANES];

/// [`bound_group_here`] with AVX2, where a vector holds all [`LANES`] bytes.
///
/// # Safety
///
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn bound_group_avx2(
    columns: &Columns,
    group: &Group,
    bound: &Bound,
    alive: Alive,
    out: &mut [u32],
) {
    bound_group_here(columns, group, bound, alive, out)
}

#[inline(always)]
fn bound_group_here(
    columns: &Columns,
    group: &Group,
    bound: &Bound,
    mut alive: Alive,
    out: &mut [u32],
) {
    let cols = group.cols(&columns.cols);
    let mut sum = [0; LANES];
    for needle in &bound.needles {
        let best = needle_lanes(cols, needle);
        for lane in 0..LANES {
            let b = match best[lane] {
                0 => {
                    // Its last character is nowhere: the atom cannot match.
                    alive[lane] = false;
                    0
                }
                _ if needle.single && group.wide & (1 << lane) != 0 => 36,
                b => u32::from(b),
            };
            sum[lane] += b + needle.rest;
        }
    }
    for lane in 0..LANES {
        out[lane] = if alive[lane] { sum[lane] } else { 0 };
    }
}

#[inline(always)]
fn needle_lanes(cols: &[Lanes], needle: &Needle) -> Lanes {
    let keys = &needle.keys[..];
    macro_rules! by_length {
        ($($n:literal)*) => {
            match (keys.len(), needle.folded) {
                $(
                    ($n, true) => best::<$n, true>(cols, keys.try_into().expect("of that length")),
                    ($n, false) => best::<$n, false>(cols, keys.try_into().expect("of that length")),
                )*
                (n, _) => unreachable!("a needle of {n} characters"),
            }
        };
    }
    by_length!(1 2 3 4 5 6 7 8 9)
}

/// Lane by lane, `f` of each byte.
#[inline(always)]
fn map(a: Lanes, f: impl Fn(u8) -> u8) -> Lanes {
    let mut out = [0; LANES];
    for (o, a) in out.iter_mut().zip(a) {
        *o = f(a);
    }
    out
}

/// Lane by lane, `f` of each pair of bytes.
#[inline(always)]
fn zip(a: Lanes, b: Lanes, f: impl Fn(u8, u8) -> u8) -> Lanes {
    let mut out = [0; LANES];
    for i in 0..LANES {
        out[i] = f(a[i], b[i]);
    }
    out
}

/// All ones for true.
#[inline(always)]
fn ones(t: bool) -> u8 {
    u8::from(t).wrapping_neg()
}

/// The bonus a byte's top two bits stand for (`columns::BONUS`), worked out in a way that
/// vectorizes: 8 for the top bit, 5 for the next alone, 2 more for both.
#[inline(always)]
pub(super) fn bonus_of(byte: u8) -> u8 {
    let (top, next) = (ones(byte >= 0x80), ones(byte & 0x40 != 0));
    (top & 8) | (next & !top & 5) | (next & top & 2)
}

/// The best score of `N` characters in each lane's title (0 where its last is nowhere), with
/// every key compared in the low five bits if `FOLDED`. For each character `j`, three rows:
/// `score` (it matched here), `carried` (16 and the bonus its run carries: nucleo's
/// `consecutive_bonus`) and `gap` (it matched before and the characters since were passed
/// over: nucleo's `p_score`). Saturating arithmetic is nucleo's own.
#[inline(always)]
fn best<const N: usize, const FOLDED: bool>(cols: &[Lanes], keys: &[Key; N]) -> Lanes {
    let mut score = [[0u8; LANES]; N];
    let mut carried = [[0u8; LANES]; N];
    let mut gap = [[0u8; LANES]; N];
    let mut best = [0u8; LANES];
    for &col in cols {
        let bonus = map(col, bonus_of);
        let first = map(bonus, |b| 16 + 2 * b);
        let after_gap = map(bonus, |b| 16 + b);
        let in_run = map(bonus, |b| 16 + b.max(4));
        let folded = map(col, |x| x & self::FOLDED);
        // From the last row up, so that each reads the row above as it was one column back.
        for j in (0..N).rev() {
            let key = keys[j];
            let here = if FOLDED {
                map(folded, |x| ones(x == key.want))
            } else {
                map(col, |x| ones(x & key.bits == key.want))
            };
            let (s, c) = if j == 0 {
                (first, after_gap)
            } else {
                // Going on from the character before (carrying its run's bonus), or after a gap.
                let c = zip(carried[j - 1], in_run, u8::max);
                let on = zip(score[j - 1], c, u8::saturating_add);
                let after = zip(gap[j - 1], after_gap, u8::saturating_add);
                (zip(on, after, u8::max), c)
            };
            gap[j] = zip(score[j], gap[j], |s, g| {
                s.saturating_sub(3).max(g.saturating_sub(1))
            });
            score[j] = zip(here, s, |h, s| h & s);
            carried[j] = zip(here, c, |h, c| h & c);
        }
        best = zip(best, score[N - 1], u8::max);
    }
    best
}
