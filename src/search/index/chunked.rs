//! Building the index of an archive whose papers left their texts in their posts (the
//! reader's, from its first load on: see `archive::texts`) without ever holding all the texts:
//! the days are taken a chunk at a time, newest first, on every core; a chunk's posts are
//! read back, the documents its listings make are indexed as a segment, and its texts are
//! dropped. The segments are then joined from their postings (no texts needed), taken apart
//! as the result is made (see `Postings::join`).
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

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::SearchIndex;
use super::build::documents;
use super::doc::{Counts, Listing, PaperRef};
use super::segment::Segment;
use crate::archive::{Archive, Day, Paper, PaperInfo, TextsError, read_texts};

/// Days read back at once: some 200 posts (at 20 KiB each, 4 MiB of text per core). Fewer
/// make more segments, each with keys of its own to hold until they are joined; more hold more
/// texts and builders' buffers at once (no-cache `search` on 3,000 posts where no paper
/// repeats, peak memory: 100 days 139 MB, 200 days 120 MB, 500 days 133 MB, 1,000 days 161 MB).
const DAYS: usize = 200;

impl SearchIndex {
    /// The index of `archive`, the texts its papers left in their posts read back a chunk of
    /// days at a time (see the module's comment), with the posts that could not be read.
    pub fn build_reading(archive: &Archive) -> (SearchIndex, Vec<TextsError>) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        build_in_chunks(archive, DAYS, threads)
    }
}

/// `build_reading`, `days` days a chunk, on `threads` threads.
pub(super) fn build_in_chunks(
    archive: &Archive,
    days: usize,
    threads: usize,
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
                    let made = index_chunk(archive, &listings, starts[k] as u32, part);
                    slots.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(made);
                }
            });
        }
    });
    let mut segments: Vec<Segment> = Vec::new();
    let mut lengths = Vec::with_capacity(makers.len());
    let mut errors = Vec::new();
    let made = slots.into_inner().unwrap_or_else(|e| e.into_inner());
    for (segment, more, mut failed) in made.into_iter().flatten() {
        if !more.is_empty() {
            segments.push(segment);
        }
        lengths.extend(more);
        errors.append(&mut failed);
    }
    let segment = Segment::join(segments);
    let index = SearchIndex::assemble(listings, lengths, vec![Arc::new(segment)]);
    (index, errors)
}

/// A chunk's segment, its documents' lengths and the posts it could not read.
type Made = (Segment, Vec<Counts>, Vec<TextsError>);

/// Indexes the documents `makers` make (numbered from `first` on), their texts read back
/// from their posts where they left them. A document whose first listing's post no longer
/// holds its texts takes them from another of its listings (the same texts, by their hash).
fn index_chunk(archive: &Archive, listings: &[Listing], first: u32, makers: &[PaperRef]) -> Made {
    let mut reader = Reader {
        archive,
        read: HashMap::new(),
        errors: Vec::new(),
    };
    let mut papers: Vec<Paper> = Vec::with_capacity(makers.len());
    let mut lacking = Vec::new();
    for (n, &at) in makers.iter().enumerate() {
        let paper = reader.filled(at);
        if !paper.holds_texts() && archive.root.is_some() {
            lacking.push(n);
        }
        papers.push(paper);
    }
    if !lacking.is_empty() {
        let wanted: HashMap<u32, usize> = lacking.iter().map(|&n| (first + n as u32, n)).collect();
        let mut others: HashMap<usize, Vec<PaperRef>> = HashMap::new();
        for l in listings {
            if let Some(&n) = wanted.get(&l.doc) {
                others.entry(n).or_default().push(l.at);
            }
        }
        for (n, ats) in others {
            // In result order; the first is the maker, already tried.
            if let Some(p) = ats[1..]
                .iter()
                .map(|&at| reader.filled(at))
                .find(|p| p.holds_texts())
            {
                papers[n] = p;
            }
        }
    }
    let (segment, lengths) = Segment::build(first, &papers);
    (segment, lengths, reader.errors)
}

/// Reads days back, each once, for the papers that left their texts there.
struct Reader<'a> {
    archive: &'a Archive,
    read: HashMap<usize, Vec<Option<Arc<PaperInfo>>>>,
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
        let errors = &mut self.errors;
        let infos = self
            .read
            .entry(at.day)
            .or_insert_with(|| read_back(root, day, errors));
        match infos.get(at.paper).cloned().flatten() {
            Some(info) => Paper {
                info,
                ..paper.clone()
            },
            None => paper.clone(),
        }
    }
}

/// The texts of `day`'s papers read back (none for a post that cannot be read, said in
/// `errors`).
fn read_back(root: &Path, day: &Day, errors: &mut Vec<TextsError>) -> Vec<Option<Arc<PaperInfo>>> {
    read_texts(root, day).unwrap_or_else(|e| {
        errors.push(e);
        Vec::new()
    })
}

#[cfg(test)]
mod tests;
