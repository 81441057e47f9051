//! Loading an archive folder through its cache: the first load starts from what the cache
//! holds (posts whose file did not change are not parsed), the first index from the cached
//! index brought up to date, and after a load or an index that changed something, `pending`
//! hands over what to write (to be written off the caller's thread: see `Pending::write`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::file::Unusable;
use super::store::Cache;
use crate::archive::{
    Archive, ArchiveError, Changed, Day, Kept, Listing, Reloaded, Reloader, posts_root,
};
use crate::search::SearchIndex;

#[derive(Debug, Default)]
pub struct Loader {
    reloader: Reloader,
    /// Whether the cache was looked at for the folder last loaded.
    opened: bool,
    cache: Option<Cache>,
    /// The cached index and the archive it describes, until the first index takes it.
    warm: Option<(Archive, SearchIndex)>,
    /// Whether the cache holds an index.
    has_index: bool,
    /// Whether the posts changed since the cache was read or written.
    dirty: bool,
    /// Set once a write failed: no more tries this session, so the warning is said once.
    failed: Arc<AtomicBool>,
    warnings: Vec<String>,
    /// The cache folder, when not this run's (see `cache::dir`).
    dir: Option<PathBuf>,
}

impl Loader {
    /// A loader keeping its caches in `dir`, whatever this run's environment says (for tests
    /// and benches, which must not touch the user's cache).
    pub fn in_dir(dir: PathBuf) -> Loader {
        Loader {
            dir: Some(dir),
            ..Loader::default()
        }
    }

    /// Loads the posts of `listing` (see `Reloader::load`), from the cache the first time.
    pub fn load(&mut self, listing: Listing, done: &AtomicUsize) -> Reloaded {
        if !self.opened || listing.root != self.reloader.root() {
            self.open(&listing.root, listing.files.len());
        }
        let before = self.reloader.posts().count();
        let r = self.reloader.load(listing, done);
        self.note(before, &r);
        r
    }

    /// Lists the folder `dir` and loads it (see `load`).
    pub fn reload(&mut self, dir: &Path) -> Result<Reloaded, ArchiveError> {
        let listing = Listing::scan(dir)?;
        Ok(self.load(listing, &AtomicUsize::new(0)))
    }

    /// Loads `dir` again looking only at what `changed` names (see
    /// `Reloader::reload_changed`); the first load of a folder reads its cache and looks at
    /// everything.
    pub fn reload_changed(
        &mut self,
        dir: &Path,
        changed: &Changed,
    ) -> Result<Reloaded, ArchiveError> {
        if !self.opened || posts_root(dir)? != self.reloader.root() {
            return self.reload(dir);
        }
        let before = self.reloader.posts().count();
        let r = self.reloader.reload_changed(dir, changed)?;
        self.note(before, &r);
        Ok(r)
    }

    /// Whether a load of `before` posts changed what the cache holds: posts read, stamps
    /// taken again, or posts gone.
    fn note(&mut self, before: usize, r: &Reloaded) {
        if r.read > 0 || r.restamped > 0 || r.kept != before {
            self.dirty = true;
        }
    }

    fn open(&mut self, root: &Path, posts: usize) {
        self.opened = true;
        self.warm = None;
        self.has_index = false;
        self.dirty = true;
        self.cache = match &self.dir {
            Some(dir) => Cache::in_dir(dir, root),
            // A small archive is read as fast without one (see `MIN_POSTS`).
            None if !super::store::worth_it(posts) => None,
            None => Cache::of(root),
        };
        let Some(cache) = &self.cache else {
            return;
        };
        match cache.read(root) {
            Ok(Some(warm)) => {
                self.reloader.seed(root.to_path_buf(), warm.posts);
                self.has_index = warm.indexed.is_some();
                self.warm = warm.indexed;
                self.dirty = false;
            }
            Ok(None) => {}
            Err(e) => {
                // A file that cannot be read is in a folder that will not be written either:
                // one warning, not a second one for the write.
                if matches!(e, Unusable::Io { .. }) {
                    self.failed.store(true, Ordering::Relaxed);
                }
                self.warnings.push(e.to_string());
            }
        }
    }

    /// The index of `archive` (the result of the first load) made from the cached one, if
    /// the cache held one and it could be brought up to date.
    pub fn cached_index(&mut self, archive: &Archive) -> Option<SearchIndex> {
        if self.warm.is_none() || !self.made(archive) {
            return None;
        }
        let (old, index) = self.warm.take()?;
        // Nothing changed since the cache was written (the very same days): the index is
        // this archive's as it is. Updating would copy its listings and lengths, 5 MB at
        // 10,000 posts, at the start's peak.
        if old.days.len() == archive.days.len()
            && old
                .days
                .iter()
                .zip(&archive.days)
                .all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return Some(index);
        }
        let updated = index.update(&old, archive);
        if updated.is_none() {
            self.has_index = false;
        }
        updated
    }

    /// What to write now that `archive` is loaded (and `index` is its index, if made), or
    /// `None` when the cache already holds it, is off, or cannot be written.
    pub fn pending(
        &mut self,
        archive: &Archive,
        index: Option<&Arc<SearchIndex>>,
    ) -> Option<Pending> {
        let more_index = index.is_some() && !self.has_index;
        if !(self.dirty || more_index) || self.failed.load(Ordering::Relaxed) || !self.made(archive)
        {
            return None;
        }
        let cache = self.cache.clone()?;
        self.dirty = false;
        self.has_index = index.is_some();
        Some(Pending {
            cache,
            root: self.reloader.root().to_path_buf(),
            posts: self
                .reloader
                .posts()
                .map(|(p, k)| (p.to_path_buf(), k.clone()))
                .collect(),
            days: archive.days.clone(),
            index: index.cloned(),
            failed: Arc::clone(&self.failed),
        })
    }

    /// Whether `archive` is what the last load made (not the first screen's day, nor an
    /// archive a later load replaced): its days are all the loader's.
    fn made(&self, archive: &Archive) -> bool {
        let ours: std::collections::HashSet<*const Day> = self
            .reloader
            .posts()
            .filter_map(|(_, k)| k.day.as_ref().map(Arc::as_ptr))
            .collect();
        archive.root.as_deref() == Some(self.reloader.root())
            && archive.days.iter().all(|d| ours.contains(&Arc::as_ptr(d)))
    }

    /// `archive`, the last load's, without its papers' texts (see `Reloader::without_texts`):
    /// what the reader keeps once the archive is indexed and the cache written (which holds
    /// no texts either).
    pub fn without_texts(&mut self, archive: &Archive) -> Option<Archive> {
        self.reloader.without_texts(archive)
    }

    /// The warnings about the cache not yet given (one per problem).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Where an index build should spill its postings (see `spill`): the cache's folder, on
    /// disk (the temporary folder may be in memory), when the cache is on.
    pub fn spill_dir(&self) -> Option<PathBuf> {
        Some(self.cache.as_ref()?.path().parent()?.to_path_buf())
    }

    /// The cache of the folder last loaded, if it is on.
    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }
}

/// A cache write to make: the posts as loaded and the index, shared with the loader (the
/// days and infos are `Arc`s), so that making it costs little under the loader's lock.
#[derive(Debug)]
pub struct Pending {
    cache: Cache,
    root: PathBuf,
    posts: Vec<(PathBuf, Kept)>,
    days: Vec<Arc<Day>>,
    index: Option<Arc<SearchIndex>>,
    failed: Arc<AtomicBool>,
}

impl Pending {
    /// Writes the cache; on failure, the one warning to give (and no write is tried again).
    pub fn write(self) -> Result<(), String> {
        let posts: Vec<(&Path, &Kept)> = self.posts.iter().map(|(p, k)| (p.as_path(), k)).collect();
        let indexed = self.index.as_deref().map(|i| (&self.days[..], i));
        self.cache.write(&self.root, &posts, indexed).map_err(|e| {
            self.failed.store(true, Ordering::Relaxed);
            format!(
                "{}: cannot write the cache ({e}); going on without it",
                self.cache.path().display()
            )
        })
    }
}
