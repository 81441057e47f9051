//! The best titles for a query, scored in the order of their bounds (`bound.rs`), the highest
//! first, until no title left can rank among those found: a title's score is never above its
//! bound, and among equal scores the lower index (the newer listing) ranks first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::bound::Bounds;

/// The `limit` best titles (by index) in order, given their bounds and `score` (nucleo's,
/// `None` where a title does not match).
pub(super) fn best(
    bounds: &Bounds,
    limit: usize,
    mut score: impl FnMut(u32) -> Option<u32>,
) -> Vec<u32> {
    // The worst of the best found so far on top: the lowest score, then the highest index.
    let mut kept: BinaryHeap<(Reverse<u32>, u32)> = BinaryHeap::new();
    // Titles are taken a band of bounds at a time, [low, top), the band below when one did
    // not end the search, each band holding twice as many as the one before.
    let mut top = bounds.counts.len();
    let mut want = limit;
    'bands: while top > 1 && limit > 0 {
        // A bound of 0 is a title that cannot match.
        let mut low = top - 1;
        let mut n = bounds.counts[low] as usize;
        while low > 1 && n < want {
            low -= 1;
            n += bounds.counts[low] as usize;
        }
        let mut band = Vec::with_capacity(n);
        for (&b, &title) in bounds.lanes.iter().zip(&bounds.titles) {
            if (low..top).contains(&(b as usize)) {
                band.push((Reverse(b), title));
            }
        }
        band.sort_unstable();
        for (Reverse(b), title) in band {
            if let Some(&(Reverse(s), worst)) = kept.peek().filter(|_| kept.len() == limit) {
                // Neither this title nor any after it can rank above the worst kept.
                if b < s || b == s && title > worst {
                    break 'bands;
                }
            }
            if let Some(s) = score(title) {
                debug_assert!(s <= b, "title {title} scores {s} over its bound {b}");
                kept.push((Reverse(s), title));
                if kept.len() > limit {
                    kept.pop();
                }
            }
        }
        top = low;
        want = want.saturating_mul(2);
    }
    let mut best = kept.into_vec();
    best.sort_unstable();
    best.into_iter().map(|(_, title)| title).collect()
}
