//! The cache file of one archive folder, and whether and where this run keeps caches.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::file::{self, Unusable};
use super::posts;
use crate::archive::{Archive, Day, Kept};
use crate::bulk::Bulk;
use crate::search::SearchIndex;

static BYPASSED: AtomicBool = AtomicBool::new(false);

/// Turns the cache off for this process (`--no-cache`).
pub fn bypass() {
    BYPASSED.store(true, Ordering::Relaxed);
}

/// Whether the cache is used: not after `bypass`, nor with `HOTPAPERS_CACHE=off`.
pub fn enabled() -> bool {
    !BYPASSED.load(Ordering::Relaxed)
        && std::env::var_os("HOTPAPERS_CACHE").is_none_or(|v| v != "off")
}

/// Archives of fewer posts are parsed about as fast as a cache is read (0.1 s for 126 posts),
/// and their cache would be larger than half the archive (the index alone is some 3 MiB): none
/// is kept for them, unless `HOTPAPERS_CACHE=on`.
pub const MIN_POSTS: usize = 500;

/// Whether an archive of `posts` posts gets a cache (see `MIN_POSTS`).
pub fn worth_it(posts: usize) -> bool {
    posts >= MIN_POSTS || std::env::var_os("HOTPAPERS_CACHE").is_some_and(|v| v == "on")
}

/// The cache folder: `$XDG_CACHE_HOME/hotpapers`, else `~/.cache/hotpapers`.
pub fn dir() -> Option<PathBuf> {
    let env = |k| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("XDG_CACHE_HOME")
        .map(|d| d.join("hotpapers"))
        .or_else(|| env("HOME").map(|h| h.join(".cache/hotpapers")))
}

/// What a cache file held: the posts, and the index with the archive it describes (whose days
/// are the very `Arc`s of the posts, so that `SearchIndex::update` sees them as kept).
pub struct Warm {
    pub posts: posts::Posts,
    pub indexed: Option<(Archive, SearchIndex)>,
}

/// The cache of one archive folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    file: PathBuf,
    /// The folder's canonical path, the cache's key.
    key: PathBuf,
}

impl Cache {
    /// The cache of the archive folder `root`, in the cache folder `dir`; `None` when the
    /// folder cannot be resolved.
    pub fn in_dir(dir: &Path, root: &Path) -> Option<Cache> {
        let key = root.canonicalize().ok()?;
        let bytes = key.as_os_str().as_encoded_bytes();
        let name: String = key
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        let file = dir.join(format!(
            "{name}-{:016x}.cache",
            crate::codec::checksum(bytes)
        ));
        Some(Cache { file, key })
    }

    /// The cache of `root` where this run keeps it; `None` when the cache is off or there is
    /// no cache folder.
    pub fn of(root: &Path) -> Option<Cache> {
        if !enabled() {
            return None;
        }
        Cache::in_dir(&dir()?, root)
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Reads the cache, its paths joined to `root` (the folder as this run names it); `Ok(None)`
    /// when there is none yet.
    pub fn read(&self, root: &Path) -> Result<Option<Warm>, Unusable> {
        let bad = |why: &str| Unusable::invalid(&self.file, why);
        let read = file::read(&self.file, |s, bulk| {
            let stored = s.one(|inp| inp.bytes().map(<[u8]>::to_vec));
            if stored.map_err(|_| bad("the cache is damaged"))?
                != self.key.as_os_str().as_encoded_bytes()
            {
                return Err(bad("the cache of another archive folder"));
            }
            let (posts, days) = posts::read(s, root).map_err(|_| bad("the cache is damaged"))?;
            let indexed = match days {
                Some(days) => {
                    let archive = Archive {
                        days,
                        ..Archive::default()
                    };
                    let index = SearchIndex::read_from(s, bulk, &archive)
                        .map_err(|_| bad("the cache's index is damaged"))?;
                    Some((archive, index))
                }
                None => None,
            };
            Ok(Warm { posts, indexed })
        })?;
        Ok(read.map(|(warm, _)| warm))
    }

    /// Writes the posts of `root` (as a Reloader holds them) and, when given, the index with
    /// the days of the archive it describes, a section at a time. Atomic: see `file::write`.
    pub fn write(
        &self,
        root: &Path,
        posts: &[(&Path, &Kept)],
        indexed: Option<(&[Arc<Day>], &SearchIndex)>,
    ) -> std::io::Result<()> {
        file::write(&self.file, |s| {
            let mut bulk = Bulk::default();
            s.out.bytes(self.key.as_os_str().as_encoded_bytes());
            s.end()?;
            // The index only when its days were all found among the posts (see `posts::write`).
            if posts::write(s, root, posts, indexed.map(|(d, _)| d))?
                && let Some((_, index)) = indexed
            {
                index.write_to(s, &mut bulk)?;
            }
            Ok(bulk)
        })
    }

    /// Removes the cache file; whether there was one.
    pub fn clear(&self) -> std::io::Result<bool> {
        match std::fs::remove_file(&self.file) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The size of the cache file, if there is one.
    pub fn size(&self) -> Option<u64> {
        std::fs::metadata(&self.file).ok().map(|m| m.len())
    }
}
