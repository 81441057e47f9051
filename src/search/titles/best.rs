//! The best titles for a query, scored in the order of their bounds (`bound.rs`), the highest
//! first, until no title left can rank among those found: a title's score is never above its
//! bound, and among equal scores the lower index (the newer listing) ranks first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use super::bound::Bounds;

/// The `limit` best titles (by index) in order, given their bounds and `score` (nucleo's,
/// `None` where a title does not match).
pub(super) fn best(
    bounds: &Bounds,
    limit: usize,
    mut score: impl FnMut(u32) -> Option<u32>,
) -> Vec<u32> {
    let counts = &bounds.counts;
    // The worst of the best found so far on top: the lowest score, then the highest index.
    let mut kept: BinaryHeap<(Reverse<u32>, u32)> = BinaryHeap::new();
    // The titles with the highest bounds are laid out first, a few times `limit` of them, as
    // they nearly always hold the best; the others (down to 1: a bound of 0 is a title that
    // cannot match) only if they do not.
    let mut high = counts.len();
    let (mut low, mut n) = (high, 0);
    while low > 1 && n < 4 * limit {
        low -= 1;
        n += counts[low] as usize;
    }
    while high > 1 {
        let (order, starts) = lay_out(bounds, low..high);
        for (run, b) in starts
            .windows(2)
            .map(|w| &order[w[0]..w[1]])
            .zip((low..high).rev())
        {
            let mut run = run.to_vec();
            run.sort_unstable();
            for title in run {
                if let Some(&(Reverse(s), worst)) = kept.peek().filter(|_| kept.len() == limit) {
                    // Neither this title nor any after it can rank above the worst kept.
                    if (b as u32) < s || b as u32 == s && title > worst {
                        return in_order(kept);
                    }
                }
                if let Some(s) = score(title) {
                    debug_assert!(
                        s as usize <= b,
                        "title {title} scores {s} over its bound {b}"
                    );
                    kept.push((Reverse(s), title));
                    if kept.len() > limit {
                        kept.pop();
                    }
                }
            }
        }
        (low, high) = (1, low);
    }
    in_order(kept)
}

/// The titles whose bounds are in `bounds`, highest bound first, and where each bound's run
/// starts (and the last ends).
fn lay_out(b: &Bounds, bounds: Range<usize>) -> (Vec<u32>, Vec<usize>) {
    let mut starts = vec![0];
    for bound in bounds.clone().rev() {
        starts.push(starts[starts.len() - 1] + b.counts[bound] as usize);
    }
    let mut next = starts.clone();
    let mut order = vec![0; starts[starts.len() - 1]];
    for (&bound, &title) in b.lanes.iter().zip(&b.titles) {
        if bounds.contains(&(bound as usize)) {
            let run = &mut next[bounds.end - 1 - bound as usize];
            order[*run] = title;
            *run += 1;
        }
    }
    (order, starts)
}

fn in_order(kept: BinaryHeap<(Reverse<u32>, u32)>) -> Vec<u32> {
    let mut best = kept.into_vec();
    best.sort_unstable();
    best.into_iter().map(|(_, title)| title).collect()
}
