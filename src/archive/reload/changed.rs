//! What a watcher saw change, and the files that names: a reload need look again only at those.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use foldhash::fast::FixedState;

/// What changed on disk since the last load, as a watcher saw it: some paths, or anything
/// (the watcher lost events, a folder moved, nobody watched).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changed {
    pub(super) all: bool,
    pub(super) paths: HashSet<PathBuf>,
}

impl Changed {
    /// Anything may have changed: every file is looked at.
    pub fn all() -> Changed {
        Changed {
            all: true,
            paths: HashSet::new(),
        }
    }

    /// These paths changed (files or folders; a folder means everything under it).
    pub fn paths(paths: impl IntoIterator<Item = PathBuf>) -> Changed {
        Changed {
            all: false,
            paths: paths.into_iter().collect(),
        }
    }

    /// Adds what `other` says changed.
    pub fn merge(&mut self, other: Changed) {
        self.all |= other.all;
        if !self.all {
            self.paths.extend(other.paths);
        } else {
            self.paths.clear();
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.all && self.paths.is_empty()
    }
}

/// More paths than this changed at once: every file is looked at (a `git pull` of many posts).
const NAMED_AT_MOST: usize = 256;

/// The files a `Changed` names, relative to the root: each path is taken as a file and as a
/// folder (a deleted path is no longer either). `None`: every file may have changed.
pub(super) struct Named {
    pub(super) exact: HashSet<String, FixedState>,
    folders: Vec<String>,
}

impl Named {
    pub(super) fn of(changed: &Changed, root: &Path) -> Option<Named> {
        if changed.all || changed.paths.len() > NAMED_AT_MOST {
            return None;
        }
        let mut named = Named {
            exact: HashSet::default(),
            folders: Vec::new(),
        };
        for path in &changed.paths {
            // A path outside the root (another spelling of it, say): nothing can be trusted.
            let rel = path.strip_prefix(root).ok()?;
            let mut parts = Vec::new();
            for c in rel.components() {
                parts.push(c.as_os_str().to_str()?);
            }
            if parts.is_empty() {
                return None;
            }
            let rel = parts.join("/");
            named.folders.push(format!("{rel}/"));
            named.exact.insert(rel);
        }
        Some(named)
    }

    pub(super) fn names(&self, rel: &str) -> bool {
        self.exact.contains(rel) || self.folders.iter().any(|f| rel.starts_with(f.as_str()))
    }
}
