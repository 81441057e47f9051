//! Building the index of an archive whose papers left their texts in their posts (the
//! reader's, from its first load on: see `archive::texts`) without ever holding all the texts:
//! the days are taken a chunk at a time, newest first, on every core; a chunk's posts are
//! read back, the documents its listings make are indexed as a segment, and its texts are
//! dropped. The segments are then joined from their postings (no texts needed).
//!
//! With a spill file (see `spill`), each chunk's postings are moved there once made, and the
//! join writes the result there as it goes: the build then holds only the keys of the
//! postings in memory, never their groups (on 3,000 posts where no paper repeats, 17 MB of the
//! 26 MB the chunks came to), and the index reads them from the file as a warm start reads
//! them from the cache.
//!
//! Documents are numbered in result order (newest day first), so those a chunk of days makes
//! are consecutive, and the segments, joined in order, are the one segment a build of the
//! archive with its texts makes of them: the same index, to the byte.
//!
//! A post that changed or went since it was loaded may no longer hold the texts its papers
//! left. Such a paper's document takes them from another listing of the same text (another
//! day's post): the index is then still the one of the archive as loaded. A document none of
//! whose posts holds them any more is indexed as the reader holds the paper, by its title,
//! authors, categories, id and who tweeted (not by its abstract or its tweets' words); the
//! change brings a reload, which indexes the post as it is now and leaves that document
//! without a listing.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::SearchIndex;
use super::build::documents;
use super::doc::{Counts, Listing, PaperRef};
use super::postings::stream::Chunk;
use super::segment::Segment;
use crate::archive::{Archive, Paper, PaperInfo, TextsError, read_texts};
use crate::spill::Spill;

/// Days indexed at once, at least: what a chunk's builder holds grows with its days, and
/// the streamed chunks cost nothing until they are joined (the reader's peak memory on 3,000
/// posts where no paper repeats, first start: 200 days a chunk 53 MiB, 100 days 46 MiB,
/// 50 days 43 MiB).
const DAYS: usize = 50;
/// Chunks made at most: the join looks at every chunk for each key.
const CHUNKS: usize = 64;

/// The days a chunk of an archive of `days` days takes.
fn chunk_days(days: usize) -> usize {
    DAYS.max(days.div_ceil(CHUNKS))
}

impl SearchIndex {
    /// The index of `archive`, the texts its papers left in their posts read back a chunk of
    /// days at a time (see the module's comment), with the posts that could not be read. Its
    /// postings go to a spill file in the temporary folder when it takes more than one chunk.
    pub fn build_reading(archive: &Archive) -> (SearchIndex, Vec<TextsError>) {
        SearchIndex::build_reading_in(archive, None)
    }

    /// `build_reading`, its spill file in `dir` when it can be made there (the cache folder:
    /// on disk, where the temporary folder may be in memory).
    pub fn build_reading_in(
        archive: &Archive,
        dir: Option<&Path>,
    ) -> (SearchIndex, Vec<TextsError>) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let days = chunk_days(archive.days.len());
        // One chunk (the first screen's day, a small archive) is small: kept in memory, with
        // no file made for it.
        let spill = (archive.days.len() > days)
            .then(|| Spill::new(dir))
            .flatten();
        build_in_chunks(archive, days, threads, spill.as_ref())
    }
}

/// `build_reading`, `days` days a chunk, on `threads` threads, spilling to `spill` if given.
pub(super) fn build_in_chunks(
    archive: &Archive,
    days: usize,
    threads: usize,
    spill: Option<&Spill>,
) -> (SearchIndex, Vec<TextsError>) {
    let days = days.max(1);
    let (listings, makers) = documents(archive);
    let n = archive.days.len();
    let chunks = n.div_ceil(days);
    // Where each chunk's documents start: makers come in result order, newest day first.
    let chunk_of = |at: &PaperRef| (n - 1 - at.day) / days;
    let mut starts = vec![0usize; chunks + 1];
    for at in &makers {
        starts[chunk_of(at) + 1] += 1;
    }
    for k in 0..chunks {
        starts[k + 1] += starts[k];
    }
    // The chunks' streams in a file of their own, whose disk space goes back once they are
    // joined (the index's postings stay in `spill`).
    let own = spill.and_then(Spill::sibling);
    let streams = own.as_ref().or(spill);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Made>> = Vec::new();
    slots.resize_with(chunks, || None);
    let slots = Mutex::new(slots);
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, chunks.max(1)) {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= chunks {
                        break;
                    }
                    let part = &makers[starts[k]..starts[k + 1]];
                    let (mut seg, more, failed) =
                        index_chunk(archive, &listings, starts[k] as u32, part);
                    let docs = seg.first..seg.end();
                    let chunk = Chunk::of(std::mem::take(&mut seg.postings), streams, docs);
                    let made = (seg, chunk, more, failed);
                    slots.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(made);
                    crate::memory::give_back_freed();
                }
            });
        }
    });
    let (mut segments, mut postings) = (Vec::new(), Vec::new());
    let mut lengths = Vec::with_capacity(makers.len());
    let mut errors = Vec::new();
    let made = slots.into_inner().unwrap_or_else(|e| e.into_inner());
    for (segment, chunk, more, mut failed) in made.into_iter().flatten() {
        if !more.is_empty() {
            segments.push(segment);
            postings.push(chunk);
        }
        lengths.extend(more);
        errors.append(&mut failed);
    }
    let joined = Segment::join(segments, postings, spill);
    // The streams are read: their file, and its disk space, can go.
    drop(own);
    match joined {
        Ok(mut segment) => {
            // The values the reader's papers hold (the same for every listing of a document).
            let mut key = String::new();
            for (doc, at) in makers.iter().enumerate() {
                let paper = &archive.days[at.day].papers[at.paper];
                segment.add_held_values(doc as u32, paper, &mut key);
            }
            let index = SearchIndex::assemble(listings, lengths, vec![Arc::new(segment)]);
            (index, errors)
        }
        // The spill file failed us: built again, in memory.
        Err(_) => build_in_chunks(archive, days, threads, None),
    }
}

/// A chunk's segment (its postings apart), its documents' lengths and the posts it could not
/// read.
type Made = (Segment, Chunk, Vec<Counts>, Vec<TextsError>);

/// What `index_chunk` makes: the segment (postings and all), lengths and posts not read.
type Indexed = (Segment, Vec<Counts>, Vec<TextsError>);

/// Indexes the documents `makers` make (numbered from `first` on), their texts read back
/// from their posts where they left them, a day at a time: a paper's texts are dropped once
/// it is indexed, so that a chunk holds only one day's (a chunk of 200 days held them all, 10
/// MB on two cores on posts where no paper repeats). A document whose first listing's post no
/// longer holds its texts takes them from another of its listings (the same texts, by their
/// hash).
fn index_chunk(
    archive: &Archive,
    listings: &[Listing],
    first: u32,
    makers: &[PaperRef],
) -> Indexed {
    let mut reader = Reader {
        archive,
        last: None,
        failed: HashSet::new(),
        errors: Vec::new(),
    };
    // The listings of each document, found the first time a paper lacks its texts.
    let mut others: Option<HashMap<u32, Vec<PaperRef>>> = None;
    let docs = first..first + makers.len() as u32;
    let papers = makers.iter().zip(docs.clone()).map(|(&at, doc)| {
        let paper = reader.filled(at);
        if paper.holds_texts() || archive.root.is_none() {
            return paper;
        }
        let others = others.get_or_insert_with(|| {
            let mut m: HashMap<u32, Vec<PaperRef>> = HashMap::new();
            for l in listings.iter().filter(|l| docs.contains(&l.doc)) {
                m.entry(l.doc).or_default().push(l.at);
            }
            m
        });
        // In result order; the first is the maker, already tried.
        let ats = others.get(&doc).map_or(&[][..], |a| &a[1..]);
        ats.iter()
            .map(|&at| reader.filled(at))
            .find(|p| p.holds_texts())
            .unwrap_or(paper)
    });
    let (mut segment, lengths) = Segment::build_with(first, papers, false);
    // The documents' keys as the reader's papers hold them (the id's text, shared), not the
    // copies the posts read back made, which the index kept: each one made among the texts
    // being read, each held a page of freed texts resident (10,000 posts where no paper
    // repeats: the first start's peak 100 → 93 MB).
    for (key, at) in segment.keys.iter_mut().zip(makers) {
        let held = &archive.days[at.day].papers[at.paper].key;
        if held == key {
            *key = held.clone();
        }
    }
    (segment, lengths, reader.errors)
}

/// Reads days back for the papers that left their texts there.
struct Reader<'a> {
    archive: &'a Archive,
    /// The day read last, its papers' infos: a day's makers come one after the other, so
    /// this is the one day whose texts are held.
    last: Option<(usize, Vec<Option<Arc<PaperInfo>>>)>,
    /// The days that could not be read: each is said once (a day can be read again, when a
    /// changed post's paper takes its texts from another day's).
    failed: HashSet<usize>,
    errors: Vec<TextsError>,
}

impl Reader<'_> {
    /// The paper at `at` with its texts when they can be had, else as it is.
    fn filled(&mut self, at: PaperRef) -> Paper {
        let day = &self.archive.days[at.day];
        let paper = &day.papers[at.paper];
        let Some(root) = self
            .archive
            .root
            .as_deref()
            .filter(|_| !paper.holds_texts())
        else {
            return paper.clone();
        };
        if self.last.as_ref().is_none_or(|(d, _)| *d != at.day) {
            let infos = read_texts(root, day).unwrap_or_else(|e| {
                if self.failed.insert(at.day) {
                    self.errors.push(e);
                }
                Vec::new()
            });
            self.last = Some((at.day, infos));
        }
        let info = self
            .last
            .as_ref()
            .and_then(|(_, infos)| infos.get(at.paper).cloned().flatten());
        match info {
            Some(info) => Paper {
                info,
                ..paper.clone()
            },
            None => paper.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
