//! Taking a reloaded archive into the index without indexing it all again: the days a reload
//! kept (the very same `Arc`s, see `archive::Reloader`) keep their documents, and only the
//! papers of the other days are looked at. Each is one of the documents already made (same
//! paper, same text: a paper listed again) or a new one, indexed into a new segment. Documents
//! no listing holds any more stay in their segment but count nowhere.
//!
//! The result is the index a fresh build would make, to the ranking: documents are the same
//! classes of listings (same paper and same text), the statistics count only the documents a
//! listing holds and are exact sums, and documents of equal score are ordered by their
//! listings, never by their numbers. Segments made by updates are made one once there are
//! many; once the dead documents, or those made since the last full build, are a large part
//! of the whole, `update` declines and the caller builds afresh.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::SearchIndex;
use super::build::{listing_order, same_text};
use super::doc::Listing;
use super::segment::Segment;
use crate::archive::{Archive, Day, Paper, PaperKey};

/// At most this many segments after the first: then they are made one.
const MAX_SEGMENTS: usize = 16;

/// Whether `dead` documents (or documents made since the build) among `live` ones are too many
/// to keep updating: then a fresh build is smaller and no slower.
fn too_many(extra: usize, live: usize) -> bool {
    extra > (live / 4).max(2000)
}

impl SearchIndex {
    /// The index of `new`, made from this index of `old` by indexing only the papers of the
    /// days `new` does not share with `old`; `None` when building afresh is the better way
    /// (this index is not of `old`, or has taken in too much since its build).
    pub fn update(&self, old: &Archive, new: &Archive) -> Option<SearchIndex> {
        let base = self.segments.first()?;
        let since_build = self.lengths.len() - base.end() as usize;
        if self.listings.len() != old.paper_count()
            || too_many(self.lengths.len() - self.documents, self.documents)
            || too_many(since_build, self.documents)
        {
            return None;
        }
        // Where each day of `old` starts among the listings (newest day first).
        let mut start = vec![0usize; old.days.len()];
        let mut n = 0;
        for (d, day) in old.days.iter().enumerate().rev() {
            start[d] = n;
            n += day.papers.len();
        }
        let shared: HashMap<*const Day, usize, FixedState> = old
            .days
            .iter()
            .enumerate()
            .map(|(d, day)| (Arc::as_ptr(day), d))
            .collect();
        let kept = |day: &Arc<Day>| shared.get(&Arc::as_ptr(day)).copied();

        // The documents of the papers to place: those with the same paper's key.
        let wanted: HashSet<&PaperKey, FixedState> = new
            .days
            .iter()
            .filter(|day| kept(day).is_none())
            .flat_map(|day| day.papers.iter().map(|p| &p.key))
            .collect();
        let mut candidates: HashMap<&PaperKey, Vec<u32>, FixedState> = HashMap::default();
        if !wanted.is_empty() {
            for s in &self.segments {
                for (i, key) in s.keys.iter().enumerate() {
                    if let Some(&k) = wanted.get(key) {
                        candidates.entry(k).or_default().push(s.first + i as u32);
                    }
                }
            }
        }
        let candidate: HashSet<u32, FixedState> = candidates.values().flatten().copied().collect();

        // The listings of kept days keep their documents; a listing of each candidate that a
        // kept day holds is its text.
        let mut listings: Vec<Listing> = Vec::with_capacity(new.paper_count());
        let mut text_of: HashMap<u32, &Paper, FixedState> = HashMap::default();
        let mut unplaced = Vec::new();
        // Listings come day by day: each day is looked up once, not once a listing.
        let mut day_kept = (usize::MAX, None);
        for (at, paper) in listing_order(new) {
            if day_kept.0 != at.day {
                day_kept = (at.day, kept(&new.days[at.day]));
            }
            let doc = match day_kept.1 {
                Some(d) => {
                    let was = self.listings[start[d] + at.paper];
                    if was.at.day != d || was.at.paper != at.paper {
                        // Not the index of `old` after all.
                        return None;
                    }
                    let doc = was.doc;
                    if candidate.contains(&doc) {
                        text_of.entry(doc).or_insert(paper);
                    }
                    doc
                }
                None => {
                    unplaced.push(listings.len());
                    u32::MAX
                }
            };
            listings.push(Listing {
                at,
                doc,
                attention: paper.retweets.saturating_add(paper.favorites),
            });
        }

        // The others: an existing document of the same text, or a new one.
        let mut next = self.lengths.len() as u32;
        let mut texts: Vec<&Paper> = Vec::new();
        for i in unplaced {
            let at = listings[i].at;
            let paper = &new.days[at.day].papers[at.paper];
            let same = candidates.entry(&paper.key).or_default();
            let found = same
                .iter()
                .copied()
                .find(|d| text_of.get(d).is_some_and(|p| same_text(p, paper)));
            listings[i].doc = found.unwrap_or_else(|| {
                let doc = next;
                next += 1;
                same.push(doc);
                text_of.insert(doc, paper);
                texts.push(paper);
                doc
            });
        }

        // Words are indexed from texts: a paper that left its texts in its file (see
        // `archive::texts`) is indexed by a fresh build, from its post.
        if texts.iter().any(|p| !p.holds_texts()) {
            return None;
        }
        let mut segments = self.segments.clone();
        let mut lengths = self.lengths.clone();
        if !texts.is_empty() {
            let (segment, more) = Segment::build(self.lengths.len() as u32, texts);
            segments.push(Arc::new(segment));
            lengths.extend(more);
        }
        if segments.len() > MAX_SEGMENTS + 1 {
            // Made one from their postings: no texts needed.
            merge(&mut listings, &mut lengths, &mut segments);
        }
        Some(SearchIndex::assemble(listings, lengths, segments))
    }
}

/// Makes the segments after the first one, of the documents a listing holds, one: numbered
/// again in order, merged from their postings (their texts are not needed).
fn merge(
    listings: &mut [Listing],
    lengths: &mut Vec<super::doc::Counts>,
    segments: &mut Vec<Arc<Segment>>,
) {
    let from = segments[0].end();
    let mut live = vec![false; lengths.len() - from as usize];
    for l in listings.iter().filter(|l| l.doc >= from) {
        live[(l.doc - from) as usize] = true;
    }
    let (mut renumber, mut kept) = (Vec::with_capacity(live.len()), Vec::new());
    for (i, live) in live.into_iter().enumerate() {
        renumber.push(if live {
            kept.push(lengths[from as usize + i]);
            from + kept.len() as u32 - 1
        } else {
            u32::MAX
        });
    }
    for l in listings.iter_mut().filter(|l| l.doc >= from) {
        l.doc = renumber[(l.doc - from) as usize];
    }
    let segment = Segment::merge(&segments[1..], &renumber);
    segments.truncate(1);
    segments.push(Arc::new(segment));
    lengths.truncate(from as usize);
    lengths.extend(kept);
}

#[cfg(test)]
mod tests;
