//! The threads beside the run loop: terminal input, signals, the background load, the search
//! index and reloads (the archive's watcher is in `watcher`). Each reports to the loop as a
//! message.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

use super::messages::Msg;
use super::terminal;
use crate::archive::{Archive, Changed, Listing};
use crate::cache::Loader;
use crate::memory::give_back_freed;
use crate::search::Listings;
use crate::tui::core::handles::{IndexHandle, PeopleHandle, SimilarHandle};
use crate::tui::core::texts::TextsRead;

/// What the loads of this session have read, shared by the load and the reloads, so that a
/// reload reads only the posts that changed (one at a time: the timers start one reload at once).
/// The first load starts from the cache, and the index threads write it again.
pub type Posts = Arc<Mutex<Loader>>;

/// Reads every post on other threads, reporting progress a few times a second; the archive
/// arrives as a message once complete.
pub fn load(listing: Listing, posts: Posts, tx: Sender<Msg>) {
    let done = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    let total = listing.files.len();
    {
        let (done, finished, tx) = (Arc::clone(&done), Arc::clone(&finished), tx.clone());
        std::thread::spawn(move || {
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if tx
                    .send(Msg::Progress(done.load(Ordering::Relaxed), total))
                    .is_err()
                {
                    return;
                }
            }
        });
    }
    std::thread::spawn(move || {
        let mut posts = posts.lock().unwrap_or_else(|e| e.into_inner());
        let archive = posts.load(listing, &done).archive;
        let warnings = posts.take_warnings();
        drop(posts);
        give_back_freed();
        for w in warnings {
            let _ = tx.send(Msg::Cache(w));
        }
        finished.store(true, Ordering::Relaxed);
        let _ = tx.send(Msg::Loaded(archive));
    });
}

/// Builds the search index off the UI thread (from `previous`, the index of the archive this
/// one replaced, when there is one, else from the cache's); the reader answers keys
/// meanwhile. Then the cache is written, when the archive or the index changed, and with
/// `people` (the reader's own listings of `archive`, which the People box counts from) who
/// tweeted is counted.
pub fn index(
    archive: Arc<Archive>,
    previous: Option<IndexHandle>,
    people: Option<Arc<Listings>>,
    posts: Posts,
    tx: Sender<Msg>,
) {
    std::thread::spawn(move || {
        let reloaded = previous.is_some();
        // Not waiting for the loader: while it loads the whole archive, the first screen's
        // day is indexed without the cache.
        let (cached, spill) = match posts.try_lock() {
            Ok(mut l) => (
                previous
                    .is_none()
                    .then(|| l.cached_index(&archive))
                    .flatten(),
                l.spill_dir(),
            ),
            Err(_) => (None, None),
        };
        let index = match cached {
            Some(index) => IndexHandle::of(&archive, index),
            None => IndexHandle::build_from(&archive, previous.as_ref(), spill.as_deref()),
        };
        drop(previous);
        give_back_freed();
        let pending = if reloaded {
            // Written when the reader ends (see `finish_cache_write`), the latest replacing
            // any before it: at 30,000 posts a write costs about 0.1 s, as much as taking in
            // the changed post, and a `git pull` brings several in a row. Even what to write
            // is worked out then (the posts' list is 30,000 paths). Should the reader be
            // killed first, the next start reads the posts changed since.
            let latest = (
                Arc::clone(&archive),
                Arc::clone(&index.index),
                posts.clone(),
            );
            *DEFERRED.lock().unwrap_or_else(|e| e.into_inner()) = Some(latest);
            None
        } else {
            posts
                .try_lock()
                .ok()
                .and_then(|mut l| l.pending(&archive, Some(&index.index)))
        };
        let _ = tx.send(Msg::Index(index));
        if let Some(pending) = pending {
            let _writing = CACHE_WRITE.lock().unwrap_or_else(|e| e.into_inner());
            if let Err(w) = pending.write() {
                let _ = tx.send(Msg::Cache(w));
            }
        }
        // Then who tweets (`P`), which no first search should wait for: the People box says
        // it is counting meanwhile.
        if let Some(listings) = people {
            count_people(&archive, listings, &tx);
        }
        // Indexed and written: the papers' long texts can go (the shown paper's are read back
        // from its post). The index of the next reload needs no texts but the changed posts'.
        if archive.root.is_some()
            && archive
                .days
                .iter()
                .any(|d| d.papers.iter().any(|p| p.holds_texts()))
        {
            let lighter = posts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .without_texts(&archive);
            if let Some(lighter) = lighter {
                let lighter = Arc::new(lighter);
                // The write kept for the end is of the loader's days, which these are now.
                let mut deferred = DEFERRED.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(latest) = deferred.as_mut().filter(|l| Arc::ptr_eq(&l.0, &archive)) {
                    latest.0 = Arc::clone(&lighter);
                }
                drop(deferred);
                let _ = tx.send(Msg::TextsLeft(archive, lighter));
            }
        }
    });
}

/// Reads the texts of `day` back from its post under `root` (see `core::texts`).
pub fn read_texts(root: PathBuf, day: Arc<crate::archive::Day>, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let infos = crate::archive::read_texts(&root, &day);
        let _ = tx.send(Msg::TextsRead(TextsRead { day, infos }));
    });
}

/// Counts who tweeted (`Effect::People`) off the UI thread.
pub fn people(archive: Arc<Archive>, listings: Arc<Listings>, tx: Sender<Msg>) {
    std::thread::spawn(move || count_people(&archive, listings, &tx));
}

/// Who tweeted about what in `archive`, sent to the reader, and the count's tables given back.
fn count_people(archive: &Arc<Archive>, listings: Arc<Listings>, tx: &Sender<Msg>) {
    let _ = tx.send(Msg::People(PeopleHandle::build(archive, listings)));
    give_back_freed();
}

/// Works out which papers are alike (`=`) off the UI thread.
pub fn similar(archive: Arc<Archive>, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let _ = tx.send(Msg::Similar(SimilarHandle::build(&archive)));
    });
}

/// Held while the cache is written, so that quitting right after the first index (the cold
/// start's write takes a moment at 30,000 posts) waits for it rather than cutting it short.
static CACHE_WRITE: Mutex<()> = Mutex::new(());

/// The archive and index of the last reload, with the loader that made them: the cache write
/// made when the reader ends.
type Latest = (Arc<Archive>, Arc<crate::search::SearchIndex>, Posts);
static DEFERRED: Mutex<Option<Latest>> = Mutex::new(None);

/// Makes the deferred cache write and waits for any under way, up to `limit` (never longer: a
/// disk that hangs must not keep the reader from ending; the write is atomic, so the old cache
/// stays then).
pub fn finish_cache_write(limit: Duration) {
    let deferred = DEFERRED.lock().unwrap_or_else(|e| e.into_inner()).take();
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _writing = CACHE_WRITE.lock().unwrap_or_else(|e| e.into_inner());
        let pending = deferred.and_then(|(archive, index, posts)| {
            let mut loader = posts.lock().unwrap_or_else(|e| e.into_inner());
            loader.pending(&archive, Some(&index))
        });
        if let Some(pending) = pending {
            // Nobody is left to tell of a failure: the reader has ended.
            let _ = pending.write();
        }
        let _ = done.send(());
    });
    let _ = wait.recv_timeout(limit);
}

/// Loads the archive at `root` again, reading only the posts that changed; the result arrives
/// as a message.
pub fn reload(root: PathBuf, posts: Posts, changed: Changed, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let mut posts = posts.lock().unwrap_or_else(|e| e.into_inner());
        let loaded = posts.reload_changed(&root, &changed).map(|r| r.archive);
        drop(posts);
        let _ = tx.send(Msg::Reloaded(loaded));
    });
}

pub fn input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let mut failures = 0u32;
        loop {
            match crossterm::event::read() {
                Ok(ev) => {
                    failures = 0;
                    if tx.send(Msg::Input(ev, std::time::Instant::now())).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    // The terminal is gone (hang-up): reading would fail forever, so end.
                    failures += 1;
                    if failures > 3 {
                        let _ = tx.send(Msg::InputGone);
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    });
}

/// Set while an editor has the terminal: a Ctrl-c typed there is the editor's (its whole
/// process group gets the signal), not a reason for the reader to quit, as git ignores it while
/// the commit message is written.
pub static EDITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn signals(tx: Sender<Msg>) -> std::io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig == SIGINT && EDITING.load(std::sync::atomic::Ordering::SeqCst) {
                continue;
            }
            if matches!(sig, SIGTERM | SIGINT | SIGHUP) {
                // The loop normally ends at once and `run` restores the terminal. (Restoring
                // here first could race with a frame being drawn, which would then land on the
                // shell's screen.)
                let _ = tx.send(Msg::Signal(sig));
                std::thread::sleep(Duration::from_millis(500));
                // Still running: the loop is stuck, e.g. writing to a terminal that no longer
                // reads. Give back what can be given without blocking, and end anyway.
                terminal::restore_without_blocking();
                std::process::exit(128 + sig);
            }
            if tx.send(Msg::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}
