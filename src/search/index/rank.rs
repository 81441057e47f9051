//! Putting results in order: by relevance (BM25F over the fields), newest first, or by
//! attention.
//!
//! BM25F weighs each field's term count by the field's weight and length before the one
//! saturation of BM25, so a word in a short title counts more than the same word deep in an
//! abstract or among the tweets. The weights put the title above authors and categories, those
//! above the abstract, and the abstract above the tweets.

use super::doc::{Counts, FIELDS, Listing, PaperRef};
use crate::search::query::{Field, Query};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Best match first, then the most talked-about, then the newest.
    #[default]
    Relevance,
    /// Newest day first, then the day's own order.
    Newest,
    /// Most retweets and favorites first, then the newest.
    Attention,
}

impl Order {
    /// Relevance when the query has words to rank by, else newest first.
    pub fn for_query(query: &Query) -> Order {
        if query.has_words() {
            Order::Relevance
        } else {
            Order::Newest
        }
    }

    pub fn next(self) -> Order {
        match self {
            Order::Relevance => Order::Newest,
            Order::Newest => Order::Attention,
            Order::Attention => Order::Relevance,
        }
    }

    /// What a title says about the order.
    pub fn name(self) -> &'static str {
        match self {
            Order::Relevance => "best match first",
            Order::Newest => "newest first",
            Order::Attention => "most talked-about first",
        }
    }

    /// The word for the order on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Order::Relevance => "relevance",
            Order::Newest => "newest",
            Order::Attention => "score",
        }
    }
}

/// BM25's saturation and length normalisation, as commonly tuned.
const K1: f32 = 1.2;
const B: f32 = 0.75;

fn weight(f: Field) -> f32 {
    match f {
        Field::Title => 3.0,
        Field::Authors | Field::Category => 2.0,
        Field::Abstract | Field::Id => 1.0,
        Field::Tweet => 0.5,
        Field::Any | Field::Tweeter | Field::Paper | Field::Note | Field::Has => 0.0,
    }
}

/// The relevance of each document `keep` holds (0 for the others), given each positive term's
/// counts per document and field and the documents' lengths. Only the `live` documents count
/// in the statistics (how many there are, their average lengths, how many hold a term), and
/// those are exact sums, so an updated index ranks exactly as a fresh one.
pub fn scores(
    terms: &[&Vec<Counts>],
    lengths: &[Counts],
    live: &[bool],
    keep: &[bool],
) -> Vec<f32> {
    let alive = live.iter().filter(|&&b| b).count();
    let n = alive.max(1) as f32;
    let mut sums = [0u64; FIELDS.len()];
    for (l, _) in lengths.iter().zip(live).filter(|(_, b)| **b) {
        for (a, &x) in sums.iter_mut().zip(l) {
            *a += u64::from(x);
        }
    }
    let avg = sums.map(|a| ((a as f64 / f64::from(n)) as f32).max(1.0));
    let weights: Vec<f32> = FIELDS.iter().map(|&f| weight(f)).collect();
    let mut out = vec![0f32; lengths.len()];
    for counts in terms {
        let df = counts
            .iter()
            .zip(live)
            .filter(|(c, live)| **live && c.iter().any(|&x| x > 0))
            .count() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (d, c) in counts.iter().enumerate() {
            if !keep[d] || c.iter().all(|&x| x == 0) {
                continue;
            }
            let mut tf = 0f32;
            for f in 0..FIELDS.len() {
                if c[f] > 0 {
                    let norm = 1.0 - B + B * f32::from(lengths[d][f]) / avg[f];
                    tf += weights[f] * f32::from(c[f]) / norm;
                }
            }
            out[d] += idf * tf * (K1 + 1.0) / (tf + K1);
        }
    }
    out
}

/// The listings in the orders that do not depend on the query, made once per index, so that a
/// keystroke sorts documents (a few thousand) rather than listings (hundreds of thousands).
#[derive(Debug, Default)]
pub struct Orders {
    /// Every listing, most talked-about first, then the newest.
    by_attention: Vec<u32>,
    /// Each document's listings, most talked-about first: document `d`'s are
    /// `of_doc[starts[d]..starts[d + 1]]`.
    of_doc: Vec<u32>,
    starts: Vec<u32>,
}

impl Orders {
    pub fn new(listings: &[Listing], documents: usize) -> Orders {
        let by_attention = by_attention(listings);
        let mut starts = vec![0u32; documents + 1];
        for l in listings {
            starts[l.doc as usize + 1] += 1;
        }
        for d in 0..documents {
            starts[d + 1] += starts[d];
        }
        let mut fill = starts.clone();
        let mut of_doc = vec![0u32; listings.len()];
        // The documents alone, read in order: the walk below reads them in attention order,
        // at random, and a miss into 4 bytes a listing is cheaper than into the listings' 32
        // (274,272 listings: most of a reload's index update, before).
        let docs: Vec<u32> = listings.iter().map(|l| l.doc).collect();
        // In attention order, so each document's run is too.
        for &i in &by_attention {
            let d = docs[i as usize] as usize;
            of_doc[fill[d] as usize] = i;
            fill[d] += 1;
        }
        Orders {
            by_attention,
            of_doc,
            starts,
        }
    }

    pub fn heap_bytes(&self) -> usize {
        (self.by_attention.capacity() + self.of_doc.capacity() + self.starts.capacity()) * 4
    }

    fn of(&self, doc: usize) -> &[u32] {
        &self.of_doc[self.starts[doc] as usize..self.starts[doc + 1] as usize]
    }
}

/// The listings' numbers, most talked-about first, then in listing order. Sorted as one
/// integer each, attention above number, where attention fits 32 bits (every real count does):
/// a sort of plain integers, where sorting numbers by a field of their listings read the
/// listings (9 MB at 30,000 posts) in random order (274,000 listings of random counts: 4.6 -> 3.5 ms).
fn by_attention(listings: &[Listing]) -> Vec<u32> {
    let small = listings.iter().all(|l| l.attention <= u64::from(u32::MAX));
    if !small {
        return stably(listings);
    }
    let mut keyed: Vec<u64> = listings
        .iter()
        .enumerate()
        .map(|(i, l)| (u64::from(u32::MAX) - l.attention) << 32 | i as u64)
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|k| k as u32).collect()
}

/// `by_attention` for any counts: the numbers sorted by a field of their listings, stably.
fn stably(listings: &[Listing]) -> Vec<u32> {
    let mut all: Vec<u32> = (0..listings.len() as u32).collect();
    all.sort_by_key(|&i| std::cmp::Reverse(listings[i as usize].attention));
    all
}

/// The listings of the kept documents in `order` (`scores` by document for relevance).
pub fn order(
    listings: &[Listing],
    orders: &Orders,
    keep: &[bool],
    scores: Option<&[f32]>,
    order: Order,
) -> Vec<PaperRef> {
    let at = |i: &u32| listings[*i as usize].at;
    match (order, scores) {
        (Order::Newest, _) | (Order::Relevance, None) => listings
            .iter()
            .filter(|l| keep[l.doc as usize])
            .map(|l| l.at)
            .collect(),
        (Order::Attention, _) => orders
            .by_attention
            .iter()
            .filter(|&&i| keep[listings[i as usize].doc as usize])
            .map(at)
            .collect(),
        (Order::Relevance, Some(scores)) => {
            // Best first as one integer per document (non-negative floats order as their
            // bits): an unstable sort of plain integers is the quickest there is. Documents
            // of equal relevance are next to each other whatever their numbers, and their
            // listings are put in order together below, so the numbers never show (an
            // updated index numbers documents otherwise than a fresh build).
            let mut keyed: Vec<u64> = (0..keep.len())
                .filter(|&d| keep[d])
                .map(|d| (u64::from(u32::MAX - scores[d].max(0.0).to_bits()) << 32) | d as u64)
                .collect();
            keyed.sort_unstable();
            let docs: Vec<u32> = keyed.into_iter().map(|k| k as u32).collect();
            let mut out = Vec::new();
            let mut run = Vec::new();
            let mut k = 0;
            while k < docs.len() {
                // Documents of equal relevance share out their listings by attention.
                let same = docs[k..]
                    .iter()
                    .take_while(|&&d| scores[d as usize] == scores[docs[k] as usize])
                    .count();
                if same == 1 {
                    out.extend(orders.of(docs[k] as usize).iter().map(at));
                } else {
                    run.clear();
                    for &d in &docs[k..k + same] {
                        run.extend_from_slice(orders.of(d as usize));
                    }
                    run.sort_by_key(|&i| (std::cmp::Reverse(listings[i as usize].attention), i));
                    out.extend(run.iter().map(at));
                }
                k += same;
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listings(attention: impl Iterator<Item = u64>) -> Vec<Listing> {
        attention
            .enumerate()
            .map(|(i, attention)| Listing {
                at: PaperRef { day: i, paper: 0 },
                doc: 0,
                attention,
            })
            .collect()
    }

    #[test]
    fn listings_go_most_talked_about_first_and_in_order_among_equals() {
        let mut next = crate::test_rng::xorshift(7);
        // Many ties (a few values), the 32-bit edge, and counts past it (the slow way). The
        // stable sort is what the packed one stands for.
        for top in [3, 1000, u64::from(u32::MAX) + 1, u64::MAX] {
            let l = listings((0..5000).map(|_| next() % top.saturating_add(1)));
            assert_eq!(by_attention(&l), stably(&l), "attention up to {top}");
        }
        let edge = listings([u64::from(u32::MAX), 0, u64::from(u32::MAX), 5].into_iter());
        assert_eq!(by_attention(&edge), [0, 2, 3, 1]);
        assert!(by_attention(&[]).is_empty());
    }
}
