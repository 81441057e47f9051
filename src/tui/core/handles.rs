//! An archive and a search index on their way into the app from the threads that build them.
//! Both are compared by identity: equal only when they are the same one.

use std::collections::HashSet;
use std::sync::Arc;

use crate::archive::{Archive, PaperKey};
use crate::search::{Listings, People, SearchIndex};
use crate::similar::Similarity;

/// A freshly loaded archive.
#[derive(Debug, Clone)]
pub struct ArchiveHandle(pub Arc<Archive>);

impl PartialEq for ArchiveHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for ArchiveHandle {}

/// The search index and the archive it describes (its results are positions in that archive,
/// so an index of a replaced archive must not be used).
#[derive(Debug, Clone)]
pub struct IndexHandle {
    pub index: Arc<SearchIndex>,
    /// The papers with a link to their code (`has:code`), for the lists' mark: read off the
    /// index, which found them, in a pass over its papers.
    pub code: Arc<HashSet<PaperKey>>,
    pub archive: Arc<Archive>,
}

impl IndexHandle {
    /// Builds the index of `archive` (slow on a large archive: call off the UI thread).
    pub fn build(archive: &Arc<Archive>) -> IndexHandle {
        IndexHandle::build_from(archive, None, None)
    }

    /// Builds the index of `archive` from `previous`, an index of the archive it replaced,
    /// indexing only the posts that changed when it can (see `SearchIndex::update`); a build
    /// from the posts spills to a file in `spill` if it can (see `SearchIndex::build_reading_in`).
    pub fn build_from(
        archive: &Arc<Archive>,
        previous: Option<&IndexHandle>,
        spill: Option<&std::path::Path>,
    ) -> IndexHandle {
        let index = previous
            .and_then(|p| p.index.update(&p.archive, archive))
            // Never all the texts at once: the posts are read back a few days at a time.
            .unwrap_or_else(|| SearchIndex::build_reading_in(archive, spill).0);
        IndexHandle::of(archive, index)
    }

    /// `index`, the index of `archive` (one read from the cache, say), as a handle.
    pub fn of(archive: &Arc<Archive>, index: SearchIndex) -> IndexHandle {
        let code = index.with_code().cloned().collect();
        IndexHandle {
            index: Arc::new(index),
            code: Arc::new(code),
            archive: Arc::clone(archive),
        }
    }
}

impl PartialEq for IndexHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index)
    }
}

impl Eq for IndexHandle {}

/// Who tweeted about what (the People box, `tweeters`) and the archive it describes, as
/// `IndexHandle`. Made after the index, so that no first search waits for it.
#[derive(Debug, Clone)]
pub struct PeopleHandle {
    pub people: Arc<People>,
    pub archive: Arc<Archive>,
}

impl PeopleHandle {
    /// Counts the people of `archive` from its `listings` (slow on a large archive: call off
    /// the UI thread).
    pub fn build(archive: &Arc<Archive>, listings: Arc<Listings>) -> PeopleHandle {
        PeopleHandle {
            people: Arc::new(People::build_with(archive, listings)),
            archive: Arc::clone(archive),
        }
    }
}

impl PartialEq for PeopleHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.people, &other.people)
    }
}

impl Eq for PeopleHandle {}

/// The similarity engine and the archive it describes, as `IndexHandle`.
#[derive(Debug, Clone)]
pub struct SimilarHandle {
    pub similar: Arc<Similarity>,
    pub archive: Arc<Archive>,
}

impl SimilarHandle {
    /// Builds the engine for `archive` (slow on a large archive: call off the UI thread).
    pub fn build(archive: &Arc<Archive>) -> SimilarHandle {
        SimilarHandle {
            // Reads the abstracts back itself, a post at a time.
            similar: Arc::new(Similarity::build(archive)),
            archive: Arc::clone(archive),
        }
    }
}

impl PartialEq for SimilarHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.similar, &other.similar)
    }
}

impl Eq for SimilarHandle {}
