//! Loading a folder again, reading only the posts that changed: a `git pull` that adds one post
//! to an archive of thousands must not parse them all again. Each post's file is known by what
//! `stat` says of it (size, modification and change times, inode); a file whose stamp is the
//! same as when it was read is not read again, its day and diagnostics are kept.
//!
//! A stamp is trusted only once it is safely in the past: a file modified within the last
//! couple of seconds of being read may be written again within the same tick of the clock
//! (git's "racily clean" entries), and one dated in the future says the clock moved. Both are
//! read again next time.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use foldhash::fast::FixedState;

use super::collection::Archive;
use super::diagnostic::{ArchiveError, Diagnostic};
use super::discover::{PostFile, posts_root};
use super::intern::InfoPool;
use super::lazy::Listing;
use super::model::Day;
use super::read;

mod changed;
pub use changed::Changed;
use changed::Named;

/// How recent a modification must not be for its stamp to be trusted.
const SETTLED: Duration = Duration::from_secs(2);

/// An archive folder's posts as last read, to load the folder again reading only what changed.
/// The first load gives papers without their long texts (see `archive::texts`): the reader
/// keeps them so, and what needs them reads them back.
#[derive(Debug, Default)]
pub struct Reloader {
    root: PathBuf,
    /// The files of the last load, in its order, and each one's post as read then.
    files: Vec<PostFile>,
    kept: Vec<Kept>,
    /// What listing the folder had to say then, for a reload that need not list it again.
    listed: Vec<Diagnostic>,
    /// The infos of the posts read, so that a post read again shares them with the others.
    pool: InfoPool,
}

/// One post as read: its file's stamp then (if it can be trusted), the checksum of the bytes
/// parsed (see `codec::checksum`; none when the file could not be read), its day and
/// diagnostics. Public for the cache, which stores them and gives them back (`seed`).
#[derive(Debug, Clone)]
pub struct Kept {
    pub stamp: Option<Stamp>,
    pub hash: Option<u64>,
    pub day: Option<Arc<Day>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What `stat` says of a file, enough to know it changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// Inode and change time: a file replaced by another (a fresh clone, a rename over it) or
    /// touched back to its old modification time is not the same file.
    #[cfg(unix)]
    pub inode: (u64, u64, i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be read and trusted at `now`.
    fn of(path: &std::path::Path, now: SystemTime) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok();
        let settled = now.checked_sub(SETTLED)?;
        if modified.is_none_or(|m| m > settled) {
            return None;
        }
        Some(Stamp {
            len: meta.len(),
            modified,
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
            },
        })
    }
}

/// A load's archive, and how many posts it read and kept from before.
#[derive(Debug)]
pub struct Reloaded {
    pub archive: Archive,
    pub read: usize,
    pub kept: usize,
    /// Of those kept, how many had a new stamp but the same content (a `touch`, a fresh clone).
    pub restamped: usize,
}

impl Reloader {
    /// Lists the folder `dir` (a folder of posts or a blog checkout) and loads it, reading only
    /// the posts that changed since the last load.
    pub fn reload(&mut self, dir: &Path) -> Result<Reloaded, ArchiveError> {
        self.reload_changed(dir, &Changed::all())
    }

    /// `reload`, trusting that of the files looked at before only those `changed` names may
    /// have changed: the others are not even looked at again (a file whose stamp could not be
    /// trusted last time always is). When all it names are files read before and still there,
    /// the folder is not even listed again: it holds the same files.
    pub fn reload_changed(
        &mut self,
        dir: &Path,
        changed: &Changed,
    ) -> Result<Reloaded, ArchiveError> {
        let done = AtomicUsize::new(0);
        Ok(match self.same_files(dir, changed) {
            Some(files) => {
                let listing = Listing {
                    root: self.root.clone(),
                    files,
                    diagnostics: self.listed.clone(),
                };
                self.load_listed(listing, true, &done, changed)
            }
            None => self.load_changed(Listing::scan(dir)?, &done, changed),
        })
    }

    /// The files of the last load (taken out) when what `changed` names cannot change the
    /// listing: files read before that are still files, and paths that are gone or are no
    /// posts (an editor's or `sed -i`'s temporary file, renamed over a post). Then listing the
    /// folder again would find the very same files.
    fn same_files(&mut self, dir: &Path, changed: &Changed) -> Option<Vec<PostFile>> {
        let named = Named::of(changed, &self.root)?;
        if self.files.is_empty() || posts_root(dir).ok()? != self.root {
            return None;
        }
        let mut known = HashSet::with_capacity_and_hasher(named.exact.len(), FixedState::default());
        for f in &self.files {
            if named.names(&f.rel) {
                if !named.exact.contains(f.rel.as_str()) {
                    // Under a folder that changed: it may hold other files now.
                    return None;
                }
                known.insert(f.rel.as_str());
            }
        }
        for rel in &named.exact {
            let path = self.root.join(rel);
            let same = if known.contains(rel.as_str()) {
                std::fs::metadata(&path).is_ok_and(|m| m.is_file())
            } else {
                match std::fs::symlink_metadata(&path) {
                    Err(_) => true,
                    Ok(m) => m.is_file() && !super::discover::is_post_name(rel),
                }
            };
            if !same {
                return None;
            }
        }
        Some(std::mem::take(&mut self.files))
    }

    /// Loads the posts of `listing` (on every core), reading only those that changed since the
    /// last load, and counting every post in `done` as it is read or kept.
    pub fn load(&mut self, listing: Listing, done: &AtomicUsize) -> Reloaded {
        self.load_changed(listing, done, &Changed::all())
    }

    /// `load`, looking again only at the files `changed` names (see `reload_changed`).
    pub fn load_changed(
        &mut self,
        listing: Listing,
        done: &AtomicUsize,
        changed: &Changed,
    ) -> Reloaded {
        self.load_listed(listing, false, done, changed)
    }

    /// `load_changed`; `same_files` when `listing` holds the files of the last load, taken
    /// out of it (`same_files`).
    fn load_listed(
        &mut self,
        listing: Listing,
        same_files: bool,
        done: &AtomicUsize,
        changed: &Changed,
    ) -> Reloaded {
        if listing.root != self.root {
            // Another folder: nothing read before is of use.
            self.files.clear();
            self.kept.clear();
            self.pool = InfoPool::default();
            self.root.clone_from(&listing.root);
        }
        let named = Named::of(changed, &self.root);
        let now = SystemTime::now();
        let old_files = std::mem::take(&mut self.files);
        let mut old: Vec<Option<Kept>> = std::mem::take(&mut self.kept)
            .into_iter()
            .map(Some)
            .collect();
        // Where each file was in the last load: at the same place when the folder lists the
        // same files (the usual case, found without hashing a path), else found by its path.
        let same_order = same_files
            || old_files.len() == listing.files.len()
                && old_files
                    .iter()
                    .zip(&listing.files)
                    .all(|(a, b)| a.rel == b.rel);
        let by_rel: HashMap<&str, usize, FixedState> = if same_order {
            HashMap::default()
        } else {
            old_files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.rel.as_str(), i))
                .collect()
        };
        let was_at = |i: usize, f: &PostFile| {
            if same_order {
                Some(i)
            } else {
                by_rel.get(f.rel.as_str()).copied()
            }
        };
        // Each post read before is kept for one file only (a path listed twice is read again
        // for its second listing), so that the posts read line up with the rest.
        let mut claimed = vec![false; old.len()];
        let mut stamps = Vec::with_capacity(listing.files.len());
        let mut keep: Vec<Option<usize>> = Vec::with_capacity(listing.files.len());
        for (i, f) in listing.files.iter().enumerate() {
            let at = was_at(i, f).filter(|&j| !claimed[j]);
            let was = at.and_then(|j| old[j].as_ref()).and_then(|k| k.stamp);
            let unchanged = was.is_some() && named.as_ref().is_some_and(|n| !n.names(&f.rel));
            let stamp = if unchanged {
                was
            } else {
                Stamp::of(&f.path, now)
            };
            let kept = at.filter(|_| stamp.is_some() && was == stamp);
            if let Some(j) = kept {
                claimed[j] = true;
            }
            keep.push(kept);
            stamps.push(stamp);
        }
        // A file whose stamp changed may still hold what was parsed: compare its content.
        let check: Vec<(usize, usize, u64)> = listing
            .files
            .iter()
            .enumerate()
            .filter(|&(i, _)| keep[i].is_none())
            .filter_map(|(i, f)| {
                let j = was_at(i, f).filter(|&j| !claimed[j])?;
                Some((i, j, old[j].as_ref()?.hash?))
            })
            .collect();
        drop(by_rel);
        let mut restamped = 0;
        for (i, j) in same_content(&listing.files, &check) {
            if !claimed[j] {
                claimed[j] = true;
                keep[i] = Some(j);
                restamped += 1;
            }
        }
        let to_read: Vec<PostFile> = listing
            .files
            .iter()
            .zip(&keep)
            .filter(|(_, keep)| keep.is_none())
            .map(|(f, _)| f.clone())
            .collect();
        done.fetch_add(listing.files.len() - to_read.len(), Ordering::Relaxed);
        // A first load (nothing read before, nor given by a cache) leaves every paper's texts
        // in its post as soon as the post is parsed: the index is then built from the posts
        // read back a few at a time (see `SearchIndex::build_reading`), and all the texts are
        // never held at once. The posts a later load reads keep theirs, for the index update.
        let leave = old.is_empty();
        let pool = &self.pool;
        let read = read::read_all_hashed(&to_read, None, |mut p, hash| {
            if let Some(day) = p.day.as_mut() {
                if leave {
                    day.leave_texts();
                }
                pool.intern_day(day);
            }
            done.fetch_add(1, Ordering::Relaxed);
            (p, hash)
        });
        let (reads, kept) = (read.len(), listing.files.len() - read.len());
        let mut read = read.into_iter();
        let mut posts = Vec::with_capacity(listing.files.len());
        for (stamp, keep) in stamps.into_iter().zip(keep) {
            let post = match keep.and_then(|j| old[j].take()) {
                Some(k) => Kept { stamp, ..k },
                None => {
                    let (p, hash) = read.next().expect("a post read for each file not kept");
                    Kept {
                        stamp,
                        hash,
                        day: p.day.map(Arc::new),
                        diagnostics: p.diagnostics,
                    }
                }
            };
            posts.push(post);
        }
        let mut archive = Archive::assemble_shared(
            posts
                .iter()
                .map(|k| (k.day.clone(), k.diagnostics.iter().cloned())),
            &self.root,
        );
        let mut diagnostics = listing.diagnostics.clone();
        diagnostics.append(&mut archive.diagnostics);
        archive.diagnostics = diagnostics;
        archive.root = Some(self.root.clone());
        self.files = listing.files;
        self.listed = listing.diagnostics;
        self.kept = posts;
        self.pool.prune();
        Reloaded {
            archive,
            read: reads,
            kept,
            restamped,
        }
    }

    /// Starts from `posts` of the folder `root` (as a cache kept them) as if they had been
    /// read: the next `load` of `root` keeps those whose file did not change.
    pub fn seed(&mut self, root: PathBuf, posts: impl IntoIterator<Item = (PathBuf, Kept)>) {
        self.pool = InfoPool::default();
        self.files.clear();
        self.kept.clear();
        self.listed.clear();
        for (path, k) in posts {
            // The relative path as discovery writes it: `/` between the parts.
            let rel = path.strip_prefix(&root).unwrap_or(&path);
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for p in k.day.iter().flat_map(|d| &d.papers) {
                self.pool.adopt(&p.info);
            }
            self.files.push(PostFile {
                path,
                rel: rel.join("/"),
            });
            self.kept.push(k);
        }
        self.root = root;
    }

    /// `archive`, the last load's, with its papers' texts left in their files (see
    /// `Archive::without_texts`), the posts kept here now those days too, so that the next
    /// load shares them; `None` when `archive` is not the last load's.
    pub fn without_texts(&mut self, archive: &Archive) -> Option<Archive> {
        let lighter = archive.without_texts();
        let mut by_day: HashMap<*const Day, &Arc<Day>, FixedState> = archive
            .days
            .iter()
            .map(Arc::as_ptr)
            .zip(&lighter.days)
            .collect();
        let mut swapped = Vec::with_capacity(by_day.len());
        for (i, k) in self.kept.iter().enumerate() {
            if let Some(day) = k.day.as_ref().and_then(|d| by_day.remove(&Arc::as_ptr(d))) {
                swapped.push((i, Arc::clone(day)));
            }
        }
        if !by_day.is_empty() {
            return None;
        }
        for (i, day) in swapped {
            self.kept[i].day = Some(day);
        }
        // Its infos are the ones with texts, which nothing holds any more.
        self.pool = InfoPool::default();
        Some(lighter)
    }

    /// The folder last loaded.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The posts as last loaded, by path, for a cache to store.
    pub fn posts(&self) -> impl Iterator<Item = (&Path, &Kept)> {
        self.files.iter().map(|f| f.path.as_path()).zip(&self.kept)
    }
}

/// Which of the files `check` lists (file, post read before, its checksum) hold what that post
/// was parsed from: the pairs (file, post). Their checksums are taken on every core: after a
/// fresh clone, that is every file.
fn same_content(files: &[PostFile], check: &[(usize, usize, u64)]) -> Vec<(usize, usize)> {
    if check.is_empty() {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = check.len().div_ceil(threads);
    std::thread::scope(|s| {
        let jobs: Vec<_> = check
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut buf = Vec::new();
                    part.iter()
                        .filter(|&&(i, _, h)| read::content_hash(&files[i], &mut buf) == Some(h))
                        .map(|&(i, j, _)| (i, j))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        jobs.into_iter()
            .flat_map(|j| j.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
mod tests;
