//! A watch list as the reader holds it: its query, which of its matches were seen, and its
//! matches once the index has counted them (`watches` does the counting).

use std::collections::HashSet;

use crate::archive::PaperKey;
use crate::search::Query;

/// A watch list as the reader shows it.
#[derive(Debug, Clone)]
pub struct WatchList {
    pub name: String,
    pub query: String,
    pub(super) parsed: Query,
    /// Saved in the reader (it can be forgotten there), not written in the config file.
    pub saved: bool,
    /// The papers of its matches already seen.
    pub(super) seen: HashSet<PaperKey>,
    /// Each paper it matches once, newest first; `None` until the search index is built.
    pub(super) matches: Option<Vec<PaperKey>>,
}

impl WatchList {
    /// How many of its matches are not seen yet, once the index can tell.
    pub fn new_count(&self) -> Option<usize> {
        let m = self.matches.as_ref()?;
        Some(m.iter().filter(|k| !self.seen.contains(*k)).count())
    }

    /// Every paper it matches, once the index can tell.
    pub fn match_count(&self) -> Option<usize> {
        self.matches.as_ref().map(Vec::len)
    }
}
