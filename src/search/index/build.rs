//! Building the index from an archive: listings newest first, each distinct text once.

use std::collections::HashMap;
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::SearchIndex;
use super::doc::{Listing, PaperRef};
use super::segment::Segment;
use crate::archive::{Archive, Paper, PaperKey};

/// Whether two listings hold the same text in every field the index reads (so that they are
/// one document: the same words, lengths, handles, id and links to code).
pub(super) fn same_text(a: &Paper, b: &Paper) -> bool {
    // Listings of one paper share its info when the loader interned them (see `InfoPool`).
    Arc::ptr_eq(&a.info, &b.info)
        || a.title == b.title
            && a.authors == b.authors
            && a.categories == b.categories
            && a.arxiv_id == b.arxiv_id
            && a.tweets.len() == b.tweets.len()
            && a.tweets
                .iter()
                .zip(&b.tweets)
                .all(|(x, y)| x.author == y.author && x.handle == y.handle)
            // The abstract and tweets' texts, by their hash when a listing left them in its
            // file (the reader's do, once indexed).
            && a.info.same_texts(&b.info)
}

/// The listings of `archive` in result order (newest day first, then the day's rank order).
pub(super) fn listing_order(archive: &Archive) -> impl Iterator<Item = (PaperRef, &Paper)> {
    archive.days.iter().enumerate().rev().flat_map(|(d, day)| {
        day.papers
            .iter()
            .enumerate()
            .map(move |(i, p)| (PaperRef { day: d, paper: i }, p))
    })
}

/// The documents of `archive`: its listings in result order, each with its document, and the
/// listing that made each document (its first), by document. Papers that left their texts in
/// their files are told apart by the texts' hashes, so this needs no texts.
pub(super) fn documents(archive: &Archive) -> (Vec<Listing>, Vec<PaperRef>) {
    let mut listings = Vec::with_capacity(archive.paper_count());
    // The documents already made for each paper, with the listing that made them.
    let mut made: HashMap<&PaperKey, Vec<(u32, &Paper)>, FixedState> = HashMap::default();
    let mut makers: Vec<PaperRef> = Vec::new();
    for (at, paper) in listing_order(archive) {
        let same = made.entry(&paper.key).or_default();
        let doc = match same.iter().find(|(_, p)| same_text(p, paper)) {
            Some(&(doc, _)) => doc,
            None => {
                let doc = makers.len() as u32;
                same.push((doc, paper));
                makers.push(at);
                doc
            }
        };
        listings.push(Listing {
            at,
            doc,
            attention: paper.retweets.saturating_add(paper.favorites),
        });
    }
    (listings, makers)
}

impl SearchIndex {
    /// The index of `archive`. Texts its papers left in their posts are read back a chunk of
    /// days at a time (see `build_reading`, which says which posts could not be read).
    pub fn build(archive: &Archive) -> SearchIndex {
        if archive.root.is_none() || archive.holds_texts() {
            SearchIndex::build_whole(archive)
        } else {
            SearchIndex::build_reading(archive).0
        }
    }

    /// The index of `archive` from the texts its papers hold (one that left them in its post
    /// is indexed without them), at once.
    pub(super) fn build_whole(archive: &Archive) -> SearchIndex {
        let (listings, makers) = documents(archive);
        let texts = makers
            .iter()
            .map(|at| &archive.days[at.day].papers[at.paper]);
        let (segment, lengths) = Segment::build(0, texts);
        SearchIndex::assemble(listings, lengths, vec![Arc::new(segment)])
    }
}
