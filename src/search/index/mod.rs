//! The search index: an inverted index over the words of every paper (see `postings`), with
//! the whole values (handles, ids) in maps, ranked with BM25F (see `rank`).
//!
//! A paper listed on several days with the same text is one document, indexed once: real
//! archives list a hot paper again and again, and its words need not be stored twice. Results
//! are listings, each document standing for all of its days.

mod build;
mod chunked;
mod doc;
mod persist;
mod postings;
mod rank;
mod segment;
#[cfg(test)]
mod tests;
mod update;

use std::collections::HashMap;
use std::sync::Arc;

pub use self::doc::PaperRef;
use self::doc::{Counts, FIELDS, Listing};
pub use self::rank::Order;
use self::segment::Segment;
use super::highlight::term_ranges;
use super::query::{Field, Node, Query, Term};
use super::words::words;
use crate::archive::PaperKey;

/// Your notes by paper, for `note:` (they live in the reading state, not in the archive).
pub type Notes = HashMap<PaperKey, String>;

/// `refs` with each paper once, at the first of its listings there: from results newest first,
/// each paper at its newest listing (what a watch list counts and shows).
pub fn once_per_paper(archive: &crate::archive::Archive, refs: &[PaperRef]) -> Vec<PaperRef> {
    let mut seen = std::collections::HashSet::new();
    refs.iter()
        .copied()
        .filter(|r| {
            archive
                .days
                .get(r.day)
                .and_then(|d| d.papers.get(r.paper))
                .is_some_and(|p| seen.insert(&p.key))
        })
        .collect()
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// In result order: newest day first, then the day's rank order.
    listings: Vec<Listing>,
    /// Words per field of each document, for BM25's length normalisation.
    lengths: Vec<Counts>,
    /// The documents' words, in segments of consecutive documents: one from a full build, and
    /// one more for each update since (see `update`).
    segments: Vec<Arc<Segment>>,
    orders: rank::Orders,
    /// Whether a listing holds each document. After an update, one whose text changed or
    /// whose post went stays in its segment but counts nowhere: a fresh build would not have
    /// it.
    live: Vec<bool>,
    /// How many are.
    documents: usize,
}

impl SearchIndex {
    /// The index of these listings, over documents whose words are in `segments`.
    fn assemble(
        listings: Vec<Listing>,
        lengths: Vec<Counts>,
        segments: Vec<Arc<Segment>>,
    ) -> SearchIndex {
        let mut live = vec![false; lengths.len()];
        for l in &listings {
            live[l.doc as usize] = true;
        }
        let documents = live.iter().filter(|&&b| b).count();
        let orders = rank::Orders::new(&listings, lengths.len());
        SearchIndex {
            listings,
            lengths,
            segments,
            orders,
            live,
            documents,
        }
    }

    /// Listings indexed.
    pub fn len(&self) -> usize {
        self.listings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listings.is_empty()
    }

    /// Distinct documents (papers with the same text on several days count once).
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Bytes the index holds on the heap, roughly (maps counted by their entries).
    pub fn heap_bytes(&self) -> usize {
        self.listings.capacity() * std::mem::size_of::<Listing>()
            + self.lengths.capacity() * std::mem::size_of::<Counts>()
            + self.segments.iter().map(|s| s.heap_bytes()).sum::<usize>()
            + self.orders.heap_bytes()
            + self.live.capacity()
    }

    /// True once, the first time a search met damaged postings read back from the cache (it
    /// found nothing there): for the caller to say so, and to build the index afresh.
    pub fn take_damage_notice(&self) -> bool {
        let mut found = false;
        for s in &self.segments {
            found |= s.postings.take_damage_notice();
        }
        found
    }

    /// The papers with a link to their code (what `has:code` finds).
    pub fn with_code(&self) -> impl Iterator<Item = &PaperKey> {
        self.segments.iter().flat_map(move |s| {
            let docs = s.has.get("code").map_or(&[][..], Vec::as_slice);
            docs.iter()
                .filter(|&&d| self.live[d as usize])
                .map(move |&d| &s.keys[(d - s.first) as usize])
        })
    }

    /// The papers the query matches, by relevance when it has words, else newest first.
    pub fn search(&self, query: &Query) -> Vec<PaperRef> {
        self.search_by(query, Order::for_query(query))
    }

    /// The papers the query matches, in `order`. A query without a positive term matches
    /// nothing, the empty one included (a search box that lists all 30,000 papers before you
    /// type, or everything but one word, helps nobody).
    pub fn search_by(&self, query: &Query, order: Order) -> Vec<PaperRef> {
        self.search_with(query, order, &Notes::new())
    }

    /// As `search_by`, with your `notes` for `note:` terms.
    pub fn search_with(&self, query: &Query, order: Order, notes: &Notes) -> Vec<PaperRef> {
        if query.highlights().next().is_none() {
            return Vec::new();
        }
        let terms = query.root.terms();
        let counts: Vec<Vec<Counts>> = terms
            .iter()
            .map(|(t, _)| match t.field {
                Field::Note => self.note_counts(t, notes),
                _ => self.term_counts(t),
            })
            .collect();
        let sets: Vec<Vec<bool>> = counts
            .iter()
            .map(|c| c.iter().map(|n| n.iter().any(|&x| x > 0)).collect())
            .collect();
        let mut keep = self.eval(&query.root, &mut sets.into_iter());
        for (k, &live) in keep.iter_mut().zip(&self.live) {
            *k &= live;
        }
        let scores = match order {
            Order::Relevance => {
                let positive: Vec<&Vec<Counts>> = terms
                    .iter()
                    .zip(&counts)
                    .filter(|((t, negated), _)| !negated && t.is_text())
                    .map(|(_, c)| c)
                    .collect();
                Some(rank::scores(&positive, &self.lengths, &self.live, &keep))
            }
            _ => None,
        };
        rank::order(
            &self.listings,
            &self.orders,
            &keep,
            scores.as_deref(),
            order,
        )
    }

    /// How often `term` occurs in each field of each document (zeros where it does not).
    fn term_counts<'a>(&'a self, term: &Term) -> Vec<Counts> {
        let mut counts = vec![[0u16; FIELDS.len()]; self.lengths.len()];
        let wanted = |f: u8| term.field == Field::Any || FIELDS[f as usize] == term.field;
        let values = |s: &'a Segment| match term.field {
            Field::Tweeter => Some(&s.tweeters),
            Field::Paper => Some(&s.ids),
            Field::Has => Some(&s.has),
            _ => None,
        };
        if matches!(term.field, Field::Tweeter | Field::Paper | Field::Has) {
            for s in &self.segments {
                let docs = values(s).and_then(|v| v.get(&term.needle));
                for &d in docs.into_iter().flatten() {
                    counts[d as usize][0] = 1;
                }
            }
            return counts;
        }
        let words: Vec<&str> = term.words().filter(|w| !w.is_empty()).collect();
        // The parser makes no term without words; one made by hand finds nothing.
        let Some(head) = words.first() else {
            return counts;
        };
        // Each document is in one segment: its counts come from there alone.
        for s in &self.segments {
            let first = keys(s, head, term.infix);
            if words.len() == 1 {
                s.postings.counts(&first, true, |d, f, n| {
                    if wanted(f) {
                        let c = &mut counts[d as usize][f as usize];
                        *c = c.saturating_add(n.min(u32::from(u16::MAX)) as u16);
                    }
                });
                continue;
            }
            // A phrase: where each word occurs, moved back by its place in the phrase, and
            // kept where all of them agree.
            let mut at = occurrences(s, &first, true);
            for (i, w) in words.iter().enumerate().skip(1) {
                let next = occurrences(s, &keys(s, w, false), false);
                let shift = i as u64;
                let moved: Vec<u64> = next
                    .into_iter()
                    .filter(|o| o & 0x0fff_ffff >= shift)
                    .map(|o| o - shift)
                    .collect();
                at = intersect(&at, &moved);
                if at.is_empty() {
                    break;
                }
            }
            for o in at {
                let (d, f) = ((o >> 32) as usize, ((o >> 28) & 0xf) as u8);
                if wanted(f) {
                    let c = &mut counts[d][f as usize];
                    *c = c.saturating_add(1);
                }
            }
        }
        counts
    }

    /// Which documents' notes `term` matches (marked in the first field: notes are not ranked).
    fn note_counts(&self, term: &Term, notes: &Notes) -> Vec<Counts> {
        let mut counts = vec![[0u16; FIELDS.len()]; self.lengths.len()];
        if notes.is_empty() {
            return counts;
        }
        let mut found = Vec::new();
        for s in &self.segments {
            for (i, key) in s.keys.iter().enumerate() {
                if let Some(note) = notes.get(key) {
                    found.clear();
                    term_ranges(&words(note), term, &mut found);
                    if !found.is_empty() {
                        counts[s.first as usize + i][0] = 1;
                    }
                }
            }
        }
        counts
    }

    /// The documents `node` matches, given the hits of its terms in the order `Node::terms`
    /// lists them.
    fn eval(&self, node: &Node, hits: &mut impl Iterator<Item = Vec<bool>>) -> Vec<bool> {
        match node {
            Node::Term(_) => hits.next().expect("one set of hits per term"),
            Node::Not(n) => {
                let mut v = self.eval(n, hits);
                v.iter_mut().for_each(|b| *b = !*b);
                v
            }
            Node::And(ns) | Node::Or(ns) => {
                let or = matches!(node, Node::Or(_));
                let mut acc = vec![!or; self.lengths.len()];
                for n in ns {
                    let v = self.eval(n, hits);
                    for (a, b) in acc.iter_mut().zip(v) {
                        *a = if or { *a | b } else { *a & b };
                    }
                }
                acc
            }
        }
    }
}

/// The keys of segment `s` a word of a query matches: those it starts, or holds with `infix`.
fn keys(s: &Segment, word: &str, infix: bool) -> Vec<usize> {
    if infix {
        s.postings.containing(word)
    } else {
        s.postings.with_prefix(word).collect()
    }
}

/// Every occurrence of these keys of segment `s`, sorted, each once.
fn occurrences(s: &Segment, keys: &[usize], humps: bool) -> Vec<u64> {
    let mut out = Vec::new();
    s.postings.positions(keys, humps, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The values in both sorted lists.
fn intersect(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
