//! Loading a folder again, reading only the posts that changed: a `git pull` that adds one post
//! to an archive of thousands must not parse them all again. Each post's file is known by what
//! `stat` says of it (size, modification and change times, inode); a file whose stamp is the
//! same as when it was read is not read again, its day and diagnostics are kept.
//!
//! A stamp is trusted only once it is safely in the past: a file modified within the last
//! couple of seconds of being read may be written again within the same tick of the clock
//! (git's "racily clean" entries), and one dated in the future says the clock moved. Both are
//! read again next time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use super::collection::Archive;
use super::diagnostic::{ArchiveError, Diagnostic};
use super::discover::PostFile;
use super::intern::InfoPool;
use super::lazy::Listing;
use super::model::Day;
use super::read;

/// How recent a modification must not be for its stamp to be trusted.
const SETTLED: Duration = Duration::from_secs(2);

/// An archive folder's posts as last read, to load the folder again reading only what changed.
#[derive(Debug, Default)]
pub struct Reloader {
    root: PathBuf,
    kept: HashMap<PathBuf, Kept>,
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
        let listing = Listing::scan(dir)?;
        Ok(self.load(listing, &AtomicUsize::new(0)))
    }

    /// Loads the posts of `listing` (on every core), reading only those that changed since the
    /// last load, and counting every post in `done` as it is read or kept.
    pub fn load(&mut self, listing: Listing, done: &AtomicUsize) -> Reloaded {
        if listing.root != self.root {
            // Another folder: nothing read before is of use.
            self.kept.clear();
            self.pool = InfoPool::default();
            self.root.clone_from(&listing.root);
        }
        let now = SystemTime::now();
        let stamps: Vec<Option<Stamp>> = listing
            .files
            .iter()
            .map(|f| Stamp::of(&f.path, now))
            .collect();
        let mut old = std::mem::take(&mut self.kept);
        // Which files are kept as read before: each path once (a path listed twice is read
        // again for its second listing), so that the posts read line up with the rest.
        let mut claimed = std::collections::HashSet::new();
        let mut keep: Vec<bool> = listing
            .files
            .iter()
            .zip(&stamps)
            .map(|(f, s)| {
                s.is_some()
                    && old.get(&f.path).is_some_and(|k| k.stamp == *s)
                    && claimed.insert(f.path.clone())
            })
            .collect();
        // A file whose stamp changed may still hold what was parsed: compare its content.
        let restamped = same_content(&listing.files, &mut keep, &old, &mut claimed);
        let to_read: Vec<PostFile> = listing
            .files
            .iter()
            .zip(&keep)
            .filter(|(_, keep)| !**keep)
            .map(|(f, _)| f.clone())
            .collect();
        done.fetch_add(listing.files.len() - to_read.len(), Ordering::Relaxed);
        let read = read::read_all_hashed(&to_read, Some(&self.pool), |p, hash| {
            done.fetch_add(1, Ordering::Relaxed);
            (p, hash)
        });
        let (reads, kept) = (read.len(), listing.files.len() - read.len());
        let mut read = read.into_iter();
        let mut posts = Vec::with_capacity(listing.files.len());
        for ((file, stamp), keep) in listing.files.into_iter().zip(stamps).zip(keep) {
            let post = match old.remove(&file.path).filter(|_| keep) {
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
            posts.push((file.path, post));
        }
        let mut archive = Archive::assemble_shared(
            posts
                .iter()
                .map(|(_, k)| (k.day.clone(), k.diagnostics.iter().cloned())),
            &self.root,
        );
        let mut diagnostics = listing.diagnostics;
        diagnostics.append(&mut archive.diagnostics);
        archive.diagnostics = diagnostics;
        archive.root = Some(self.root.clone());
        self.kept = posts.into_iter().collect();
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
        self.root = root;
        self.pool = InfoPool::default();
        self.kept = posts.into_iter().collect();
        for day in self.kept.values().filter_map(|k| k.day.as_ref()) {
            for p in &day.papers {
                self.pool.adopt(&p.info);
            }
        }
    }

    /// The folder last loaded.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The posts as last loaded, by path, for a cache to store.
    pub fn posts(&self) -> impl Iterator<Item = (&Path, &Kept)> {
        self.kept.iter().map(|(p, k)| (p.as_path(), k))
    }
}

/// Marks in `keep` the files not kept by their stamp whose content is what was read before,
/// each path once (see `claimed`), and returns how many. Their checksums are taken on every
/// core: after a fresh clone, that is every file.
fn same_content(
    files: &[PostFile],
    keep: &mut [bool],
    old: &HashMap<PathBuf, Kept>,
    claimed: &mut std::collections::HashSet<PathBuf>,
) -> usize {
    let check: Vec<(usize, u64)> = files
        .iter()
        .enumerate()
        .filter(|&(i, f)| !keep[i] && !claimed.contains(&f.path))
        .filter_map(|(i, f)| Some((i, old.get(&f.path)?.hash?)))
        .collect();
    if check.is_empty() {
        return 0;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = check.len().div_ceil(threads);
    let same: Vec<usize> = std::thread::scope(|s| {
        let jobs: Vec<_> = check
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut buf = Vec::new();
                    part.iter()
                        .filter(|&&(i, h)| read::content_hash(&files[i], &mut buf) == Some(h))
                        .map(|&(i, _)| i)
                        .collect::<Vec<usize>>()
                })
            })
            .collect();
        jobs.into_iter()
            .flat_map(|j| j.join().unwrap_or_default())
            .collect()
    });
    let mut n = 0;
    for i in same {
        if claimed.insert(files[i].path.clone()) {
            keep[i] = true;
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(day: &str, title: &str) -> String {
        format!(
            "---\ntitle: Hot Papers {day}\ndate: {day}T00:00:00Z\n---\n\n\
             # 1. {title}\nAnn Author\n\n- retweets: 1, favorites: 2 (01/01/2024 09:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/2401.00001) | [pdf](https://arxiv.org/pdf/2401.00001)\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nAn abstract.\n"
        )
    }

    /// Sets a file's modification time well in the past, so that its stamp is trusted.
    fn settle(path: &std::path::Path, secs_ago: u64) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
            .unwrap();
    }

    fn titles(a: &Archive) -> Vec<String> {
        a.days.iter().map(|d| d.papers[0].title.clone()).collect()
    }

    #[test]
    fn only_changed_posts_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let name = |d: &str| dir.path().join(format!("{d}---Hot-Papers.md"));
        for d in ["2024-01-01", "2024-01-02", "2024-01-03"] {
            std::fs::write(name(d), post(d, &format!("Paper of {d}"))).unwrap();
            settle(&name(d), 60);
        }
        let mut r = Reloader::default();
        let first = r.reload(dir.path()).unwrap();
        assert_eq!((first.read, first.kept), (3, 0));
        let again = r.reload(dir.path()).unwrap();
        assert_eq!((again.read, again.kept), (0, 3));
        assert_eq!(again.archive.days, first.archive.days);
        // The same days, not copies of them.
        assert!(Arc::ptr_eq(&again.archive.days[0], &first.archive.days[0]));

        // Edited (same length, an older time than before: a clock set back), added, deleted.
        std::fs::write(
            name("2024-01-02"),
            post("2024-01-02", "Paper of 2024-01-0X"),
        )
        .unwrap();
        settle(&name("2024-01-02"), 3600);
        std::fs::write(
            name("2024-01-04"),
            post("2024-01-04", "Paper of 2024-01-04"),
        )
        .unwrap();
        settle(&name("2024-01-04"), 60);
        std::fs::remove_file(name("2024-01-01")).unwrap();
        let next = r.reload(dir.path()).unwrap();
        assert_eq!((next.read, next.kept), (2, 1));
        assert_eq!(
            titles(&next.archive),
            [
                "Paper of 2024-01-0X",
                "Paper of 2024-01-03",
                "Paper of 2024-01-04"
            ]
        );
        let fresh = Archive::load(dir.path()).unwrap();
        assert_eq!(next.archive.days, fresh.days);
        assert_eq!(next.archive.diagnostics, fresh.diagnostics);
    }

    #[test]
    fn a_file_modified_just_now_or_in_the_future_is_checked_again_by_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let now = dir.path().join("2024-01-01---Hot-Papers.md");
        let later = dir.path().join("2024-01-02---Hot-Papers.md");
        std::fs::write(&now, post("2024-01-01", "Now")).unwrap();
        std::fs::write(&later, post("2024-01-02", "Later")).unwrap();
        let f = std::fs::File::options().write(true).open(&later).unwrap();
        f.set_modified(SystemTime::now() + Duration::from_secs(3600))
            .unwrap();
        let mut r = Reloader::default();
        r.reload(dir.path()).unwrap();
        let again = r.reload(dir.path()).unwrap();
        // Their stamps are not trusted, their content is compared: still what was parsed.
        assert_eq!((again.read, again.kept, again.restamped), (0, 2, 2));
        // Rewritten within the same tick, to the same length: read again.
        std::fs::write(&now, post("2024-01-01", "Wow")).unwrap();
        let third = r.reload(dir.path()).unwrap();
        assert_eq!((third.read, third.kept, third.restamped), (1, 1, 1));
        assert_eq!(third.archive.days[0].papers[0].title, "Wow");
    }

    #[test]
    fn diagnostics_of_kept_posts_are_reported_again_in_the_same_order() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("2024-01-01---Hot-Papers.md");
        let dup = dir.path().join("2024-01-01-again.md");
        std::fs::write(&bad, "---\ntitle: [unclosed\n---\n# 1. X\n").unwrap();
        std::fs::write(&dup, post("2024-01-01", "Second")).unwrap();
        settle(&bad, 60);
        settle(&dup, 60);
        let mut r = Reloader::default();
        let first = r.reload(dir.path()).unwrap();
        assert!(!first.archive.diagnostics.is_empty());
        let again = r.reload(dir.path()).unwrap();
        assert_eq!(again.kept, 2);
        assert_eq!(again.archive.diagnostics, first.archive.diagnostics);
        assert_eq!(
            again.archive.diagnostics,
            Archive::load(dir.path()).unwrap().diagnostics
        );
    }

    #[test]
    fn a_file_listed_twice_is_kept_once_and_read_again_for_its_second_listing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2024-01-01---Hot-Papers.md");
        std::fs::write(&path, post("2024-01-01", "Twice")).unwrap();
        settle(&path, 60);
        let mut listing = Listing::scan(dir.path()).unwrap();
        listing.files.push(listing.files[0].clone());
        let mut r = Reloader::default();
        let first = r.load(listing.clone(), &AtomicUsize::new(0));
        assert_eq!(first.read, 2);
        let again = r.load(listing, &AtomicUsize::new(0));
        assert_eq!((again.read, again.kept), (1, 1));
        assert_eq!(again.archive.days, first.archive.days);
    }
}
