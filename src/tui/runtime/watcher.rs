//! Watching the archive folder, so that new or changed posts show up without a restart.
//!
//! Each folder is watched on its own rather than the whole tree at once: a folder that cannot
//! be watched (unreadable, the system's limit of watches reached) is named in the status line,
//! and the others are still watched. Hidden folders (`.git`) are not, as the loader reads none.
//! The archive folder itself is looked at every second: deleted, it is waited for; back (a
//! fresh clone, a new folder of that name), it is watched again and read.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::messages::Msg;
use crate::archive::Changed;

/// How often the archive folder itself is looked at.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// How many of the folders that cannot be watched the status line names.
const NAMED: usize = 3;

/// Watches `root` for the session; changes arrive as `Msg::FsChanged`, what cannot be watched
/// as `Msg::Watch`. The folders are watched before it returns (as they were when notify walked
/// them itself), so that a post written once the reader is up is seen; the watching goes on on
/// a thread of its own.
pub fn watch(root: PathBuf, tx: Sender<Msg>) {
    let (events_tx, events) = channel();
    let mut w = Watching {
        root,
        tx,
        events_tx,
        watcher: None,
        armed: None,
        said: Vec::new(),
    };
    w.arm();
    std::thread::spawn(move || w.run(&events));
}

struct Watching {
    root: PathBuf,
    tx: Sender<Msg>,
    events_tx: Sender<notify::Result<notify::Event>>,
    watcher: Option<RecommendedWatcher>,
    /// The archive folder watched (its identity); `None` while it is gone.
    armed: Option<(u64, u64)>,
    /// The folders that could not be watched, as last said.
    said: Vec<PathBuf>,
}

impl Watching {
    fn run(&mut self, events: &Receiver<notify::Result<notify::Event>>) {
        loop {
            match events.recv_timeout(LOOK_EVERY) {
                Ok(Ok(ev)) => {
                    if relevant(&ev) {
                        // Lost events (the kernel's queue overflowed): anything may have changed.
                        let changed = if ev.need_rescan() {
                            Changed::all()
                        } else {
                            Changed::paths(ev.paths.iter().cloned())
                        };
                        if self.tx.send(Msg::FsChanged(changed)).is_err() {
                            return;
                        }
                    }
                    // A new folder (a new month, a clone under way, one moved in) is watched too.
                    if matches!(
                        ev.kind,
                        EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
                    ) {
                        let dirs: Vec<PathBuf> =
                            ev.paths.into_iter().filter(|p| p.is_dir()).collect();
                        let mut failed = Vec::new();
                        for dir in dirs {
                            self.add_tree(&dir, &mut failed);
                        }
                        self.say(failed, false);
                    }
                }
                // The watcher's own trouble (events lost, say): read the archive again anyway.
                Ok(Err(_)) => {
                    if self.tx.send(Msg::FsChanged(Changed::all())).is_err() {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            let now = identity(&self.root);
            if now != self.armed {
                // Gone (the reload that its events start says so), or back, or replaced.
                self.watcher = None;
                self.armed = None;
                if now.is_some() {
                    self.arm();
                    if self.tx.send(Msg::FsChanged(Changed::all())).is_err() {
                        return;
                    }
                }
            }
        }
    }

    /// Watches the archive folder and every folder under it that can be.
    fn arm(&mut self) {
        let Some(id) = identity(&self.root) else {
            return;
        };
        match notify::recommended_watcher(self.events_tx.clone()) {
            Ok(w) => self.watcher = Some(w),
            Err(e) => {
                let _ = self.tx.send(Msg::Watch(format!(
                    "New posts will not show up by themselves: cannot watch the archive folder ({e})"
                )));
                return;
            }
        }
        self.armed = Some(id);
        let mut failed = Vec::new();
        let root = self.root.clone();
        self.add_tree(&root, &mut failed);
        self.say(failed, true);
    }

    /// Watches `dir` and the folders under it (not hidden ones), each on its own; those that
    /// cannot be are added to `failed`, with why. (Watching one again does no harm.)
    fn add_tree(&mut self, dir: &Path, failed: &mut Vec<(PathBuf, String)>) {
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        // A folder reached twice (a symlink to one above it) is entered once.
        let mut entered = HashSet::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let Some(id) = identity(&dir) else { continue };
            if !entered.insert(id) {
                continue;
            }
            if let Err(e) = watcher.watch(&dir, RecursiveMode::NonRecursive) {
                failed.push((dir, e.to_string()));
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                failed.push((dir, "cannot list it".into()));
                continue;
            };
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                // The entry's own type costs no system call on most file systems (an archive
                // folder can hold thousands of posts); a symlink is followed, as the loader
                // follows it.
                let dir = match entry.file_type() {
                    Ok(t) if t.is_symlink() => entry.path().is_dir(),
                    Ok(t) => t.is_dir(),
                    Err(_) => false,
                };
                if dir {
                    stack.push(entry.path());
                }
            }
        }
    }

    /// Says which folders cannot be watched, when that changed (`all`: `failed` is every one
    /// of them, else ones to add to those said).
    fn say(&mut self, failed: Vec<(PathBuf, String)>, all: bool) {
        let before = self.said.clone();
        if all {
            self.said.clear();
        }
        let mut named = Vec::new();
        for (dir, why) in &failed {
            if !self.said.contains(dir) {
                self.said.push(dir.clone());
            }
            named.push((dir, why));
        }
        if failed.is_empty() || self.said == before {
            return;
        }
        let n = self.said.len();
        let shown: Vec<String> = named
            .iter()
            .take(NAMED)
            .map(|(dir, why)| {
                let rel = dir.strip_prefix(&self.root).unwrap_or(dir);
                let rel = if rel.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    rel
                };
                format!("{} ({why})", rel.display())
            })
            .collect();
        let more = named.len().saturating_sub(NAMED);
        let text = format!(
            "Not watching {n} folder{} of the archive for new posts: {}{}",
            if n == 1 { "" } else { "s" },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
        let text = crate::archive::text::sanitize(&text).into_owned();
        let _ = self.tx.send(Msg::Watch(text));
    }
}

/// Whether a change matters to the reader: a post or a folder, not under `.git`.
fn relevant(ev: &notify::Event) -> bool {
    !matches!(ev.kind, EventKind::Access(_))
        && ev.paths.iter().any(|p| {
            let name = p.to_string_lossy().to_ascii_lowercase();
            !name.contains("/.git/")
                && (name.ends_with(".md") || name.ends_with(".markdown") || p.is_dir())
        })
}

/// A folder's device and inode (following symlinks); `None` when there is none there.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_dir())
        .map(|m| (m.dev(), m.ino()))
}
