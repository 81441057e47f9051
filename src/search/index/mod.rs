//! The search index: an inverted index over the words of every paper (see `postings`), with
//! the whole values (handles, ids) in maps, ranked with BM25F (see `rank`).
//!
//! A paper listed on several days with the same text is one document, indexed once: real
//! archives list a hot paper again and again, and its words need not be stored twice. Results
//! are listings, each document standing for all of its days.

mod build;
mod doc;
mod postings;
mod rank;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use self::doc::PaperRef;
use self::doc::{Counts, FIELDS, Listing};
use self::postings::Postings;
pub use self::rank::Order;
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
    postings: Postings,
    orders: rank::Orders,
    /// Each document's paper.
    keys: Vec<PaperKey>,
    /// Lowercased handles, without `@`: the documents whose tweets they wrote.
    tweeters: HashMap<String, Vec<u32>>,
    /// Lowercased canonical ids (see `arxiv_id::canonical`): their documents.
    ids: HashMap<String, Vec<u32>>,
    /// What documents have, by name (`has:`): `code`, the documents with a link to code.
    has: HashMap<String, Vec<u32>>,
}

impl SearchIndex {
    /// Listings indexed.
    pub fn len(&self) -> usize {
        self.listings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listings.is_empty()
    }

    /// Distinct documents (papers with the same text on several days count once).
    pub fn documents(&self) -> usize {
        self.lengths.len()
    }

    /// Bytes the index holds on the heap, roughly (maps counted by their entries).
    pub fn heap_bytes(&self) -> usize {
        let map = |m: &HashMap<String, Vec<u32>>| {
            m.iter()
                .map(|(k, v)| k.capacity() + v.capacity() * 4 + 48)
                .sum::<usize>()
        };
        self.listings.capacity() * std::mem::size_of::<Listing>()
            + self.lengths.capacity() * std::mem::size_of::<Counts>()
            + self.postings.heap_bytes()
            + self.orders.heap_bytes()
            + map(&self.tweeters)
            + map(&self.ids)
            + map(&self.has)
    }

    /// The papers with a link to their code (what `has:code` finds).
    pub fn with_code(&self) -> impl Iterator<Item = &PaperKey> {
        let docs = self.has.get("code").map_or(&[][..], Vec::as_slice);
        docs.iter().map(|&d| &self.keys[d as usize])
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
        let keep = self.eval(&query.root, &mut sets.into_iter());
        let scores = match order {
            Order::Relevance => {
                let positive: Vec<&Vec<Counts>> = terms
                    .iter()
                    .zip(&counts)
                    .filter(|((t, negated), _)| !negated && t.is_text())
                    .map(|(_, c)| c)
                    .collect();
                Some(rank::scores(&positive, &self.lengths, &keep))
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
    fn term_counts(&self, term: &Term) -> Vec<Counts> {
        let mut counts = vec![[0u16; FIELDS.len()]; self.lengths.len()];
        let wanted = |f: u8| term.field == Field::Any || FIELDS[f as usize] == term.field;
        let values = match term.field {
            Field::Tweeter => Some(&self.tweeters),
            Field::Paper => Some(&self.ids),
            Field::Has => Some(&self.has),
            _ => None,
        };
        if let Some(values) = values {
            for &d in values.get(&term.needle).into_iter().flatten() {
                counts[d as usize][0] = 1;
            }
            return counts;
        }
        let words: Vec<&str> = term.words().filter(|w| !w.is_empty()).collect();
        // The parser makes no term without words; one made by hand finds nothing.
        let Some(head) = words.first() else {
            return counts;
        };
        let first = self.keys(head, term.infix);
        if words.len() == 1 {
            for k in first {
                self.postings.counts(k, true, |d, f, n| {
                    if wanted(f) {
                        let c = &mut counts[d as usize][f as usize];
                        *c = c.saturating_add(n.min(u32::from(u16::MAX)) as u16);
                    }
                });
            }
            return counts;
        }
        // A phrase: where each word occurs, moved back by its place in the phrase, and kept
        // where all of them agree.
        let mut at = self.occurrences(&first, true);
        for (i, w) in words.iter().enumerate().skip(1) {
            let next = self.occurrences(&self.keys(w, false), false);
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
        counts
    }

    /// Which documents' notes `term` matches (marked in the first field: notes are not ranked).
    fn note_counts(&self, term: &Term, notes: &Notes) -> Vec<Counts> {
        let mut counts = vec![[0u16; FIELDS.len()]; self.lengths.len()];
        if notes.is_empty() {
            return counts;
        }
        let mut found = Vec::new();
        for (d, key) in self.keys.iter().enumerate() {
            if let Some(note) = notes.get(key) {
                found.clear();
                term_ranges(&words(note), term, &mut found);
                if !found.is_empty() {
                    counts[d][0] = 1;
                }
            }
        }
        counts
    }

    /// The keys a word of a query matches: those it starts, or holds with `infix`.
    fn keys(&self, word: &str, infix: bool) -> Vec<usize> {
        if infix {
            self.postings.containing(word)
        } else {
            self.postings.with_prefix(word).collect()
        }
    }

    /// Every occurrence of these keys, sorted, each once.
    fn occurrences(&self, keys: &[usize], humps: bool) -> Vec<u64> {
        let mut out = Vec::new();
        for &k in keys {
            self.postings.positions(k, humps, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
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
