//! The reader's writer: every change to the reading state goes through a queue to a thread
//! that owns the database, so that the reader never waits for SQLite. A change is written to
//! the session's journal first (see `journal`), then made in the database; one that cannot be
//! made yet (another program holds the lock, the disk is full) waits in the queue, tried again
//! and again, the reader told how many wait, and what the session ends with still waiting is
//! made by the next one. Answers the reader needs from the database (what an undo took back)
//! come back as reports.
//!
//! The thread also opens the database at start, with a short wait for a lock: first it makes
//! the changes left in the journals of sessions that ended before they were made, then it
//! loads the state. A state folder deleted while the reader runs is noticed within a second or
//! so, made again and said.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::error::StateError;
use super::journal::{self, Journal, Orphan};
use super::op::Outcome;
use super::queue::{Cmd, Inbox, Left, Opened, Pending, Report, lock};
use super::store::Store;

/// How long the writer waits for another program's lock in one try, so that it stays ready to
/// take the next change (a reader writing at the same time holds it for milliseconds).
const TRY_FOR: Duration = Duration::from_millis(200);
/// The first wait before trying again, doubled each time up to `MOST_BETWEEN`.
const FIRST_BETWEEN: Duration = Duration::from_millis(100);
const MOST_BETWEEN: Duration = Duration::from_secs(2);
/// How often an idle writer looks whether its folder is still there.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// How long `start` waits for the first opening (a disk that does not answer, not a lock: a
/// lock ends the first try after `TRY_FOR`).
pub(super) const START_FOR: Duration = Duration::from_secs(3);

/// Starts the writer's thread on the state folder `dir`: it answers its first opening on
/// `opened`, then takes the changes `rx` brings until told to finish.
pub(super) fn spawn(
    dir: PathBuf,
    inbox: Arc<Mutex<Inbox>>,
    reports: Sender<Report>,
    rx: Receiver<Cmd>,
    opened: Sender<Opened>,
) -> std::thread::JoinHandle<()> {
    let writer = Writer {
        dir,
        inbox,
        store: None,
        pending: VecDeque::new(),
        orphans: Vec::new(),
        reports,
        between: FIRST_BETWEEN,
        delayed: None,
        said_read_only: false,
        finishing: None,
    };
    std::thread::spawn(move || writer.run(&rx, &opened))
}

/// The writer's thread: the database, the queue, and what it last said.
struct Writer {
    dir: PathBuf,
    inbox: Arc<Mutex<Inbox>>,
    store: Option<Store>,
    pending: VecDeque<Pending>,
    /// Journals of earlier sessions whose entries are in the queue, with the number of the
    /// last one: the file is deleted once that is made.
    orphans: Vec<(Orphan, u64)>,
    reports: Sender<Report>,
    /// How long to wait before the next try.
    between: Duration,
    /// Saving has waited since it was said, with how many were said to wait.
    delayed: Option<usize>,
    said_read_only: bool,
    finishing: Option<(Instant, Sender<Left>)>,
}

impl Writer {
    fn run(mut self, rx: &Receiver<Cmd>, opened: &Sender<Opened>) {
        let _ = opened.send(self.first_open());
        loop {
            let mut wait = if self.pending.is_empty() {
                LOOK_EVERY
            } else {
                self.between
            };
            if let Some((until, _)) = &self.finishing {
                wait = wait.min(until.saturating_duration_since(Instant::now()));
            }
            match rx.recv_timeout(wait) {
                Ok(cmd) => self.take(cmd),
                Err(RecvTimeoutError::Timeout) => {}
                // The reader is gone without finishing: one last try, then end.
                Err(RecvTimeoutError::Disconnected) => {
                    self.finishing.get_or_insert((Instant::now(), channel().0));
                }
            }
            while let Ok(cmd) = rx.try_recv() {
                self.take(cmd);
            }
            self.look_for_folder(rx);
            self.save_pending();
            self.clear_journal(rx);
            if let Some((until, _)) = &self.finishing {
                if self.pending.is_empty() || Instant::now() >= *until {
                    self.close();
                    return;
                }
            }
        }
    }

    fn take(&mut self, cmd: Cmd) {
        match cmd {
            Cmd::Save(p) => self.pending.push_back(p),
            Cmd::Finish(until, answer) => self.finishing = Some((until, answer)),
        }
    }

    /// Claims the journals left behind, starts this session's, opens the database, makes
    /// what was left, and loads the state.
    fn first_open(&mut self) -> Opened {
        for orphan in journal::orphans(&self.dir) {
            if orphan.unreadable > 0 {
                let n = orphan.unreadable;
                let _ = self.reports.send(Report::NotSaved(format!(
                    "{n} change{} left by an earlier session in {} could not be read",
                    if n == 1 { "" } else { "s" },
                    orphan.path().display()
                )));
            }
            let Some(&(last, _)) = orphan.entries.last() else {
                let _ = orphan.remove();
                continue;
            };
            for (seq, op) in &orphan.entries {
                self.pending.push_back(Pending {
                    place: Some((orphan.name.clone(), *seq)),
                    op: op.clone(),
                    answer: false,
                });
            }
            self.orphans.push((orphan, last));
        }
        // The folder is made here, not only by the database's opening: the journal comes first.
        lock(&self.inbox).journal = std::fs::create_dir_all(&self.dir)
            .and_then(|_| Journal::create(&self.dir))
            .ok();
        let notice = match self.open() {
            Ok(notice) => notice,
            Err(e) => return Opened::Unavailable(why(&e)),
        };
        self.save_pending();
        let Some(store) = &self.store else {
            return Opened::Unavailable("the reading state could not be opened".into());
        };
        match store.load() {
            Ok(snapshot) => Opened::Loaded {
                snapshot: Box::new(snapshot),
                undo_kept: matches!(store.pending_undo(), Ok(Some(_))),
                notice,
                read_only: store.read_only(),
            },
            Err(e) => Opened::Unavailable(why(&e)),
        }
    }

    /// Opens the database; what opening had to say.
    fn open(&mut self) -> Result<Option<String>, StateError> {
        let (store, notice) = Store::open_waiting(&self.dir, TRY_FOR)?;
        if store.read_only() {
            // Nothing will be saved: no journal should promise otherwise, nor keep changes
            // for a later session.
            if let Some(j) = lock(&self.inbox).journal.take() {
                let _ = j.remove();
            }
            self.orphans.clear();
            self.pending.retain(|p| p.answer);
        }
        self.store = Some(store);
        Ok(notice)
    }

    /// Makes the changes in the queue, in order, until one has to wait.
    fn save_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        if self.store.is_none() {
            if let Err(e) = self.open() {
                return self.wait(&e);
            }
        }
        if self.store.as_ref().is_some_and(Store::read_only) {
            let n = self.pending.len();
            self.pending.clear();
            if !std::mem::replace(&mut self.said_read_only, true) {
                let _ = self.reports.send(Report::NotSaved(format!(
                    "the reading state cannot be written, and {n} change{} went unsaved ({})",
                    if n == 1 { "" } else { "s" },
                    self.dir.display()
                )));
            }
            return;
        }
        while let Some(p) = self.pending.front() {
            let Some(store) = &self.store else { return };
            let made = match &p.place {
                Some((journal, seq)) => store.apply_journaled(journal, *seq, &p.op),
                None => store.apply(&p.op).map(Some),
            };
            match made {
                Ok(outcome) => {
                    self.between = FIRST_BETWEEN;
                    let Some(p) = self.pending.pop_front() else {
                        break;
                    };
                    if let (true, Some(Outcome::Undone(keys))) = (p.answer, outcome) {
                        if !keys.is_empty() {
                            let _ = self.reports.send(Report::Undone(keys));
                        }
                    }
                    self.done_with(&p);
                }
                Err(e) if e.may_pass() => return self.wait(&e),
                Err(e) => {
                    self.pending.pop_front();
                    let _ = self.reports.send(Report::NotSaved(e.to_string()));
                }
            }
        }
        if let Some(saved) = self.delayed.take() {
            let _ = self.reports.send(Report::CaughtUp { saved });
        }
    }

    /// A change has to wait: said when saving starts waiting and when more wait than said.
    fn wait(&mut self, e: &StateError) {
        let waiting = self.pending.len();
        if self.delayed.is_none_or(|said| said < waiting) {
            self.delayed = Some(waiting);
            let _ = self.reports.send(Report::Delayed {
                waiting,
                why: why(e),
            });
        }
        self.between = (self.between * 2).min(MOST_BETWEEN);
    }

    /// After the entry of `p` was made: a journal left behind whose last entry it was is done.
    fn done_with(&mut self, p: &Pending) {
        let Some((name, seq)) = &p.place else { return };
        if let Some(i) = self
            .orphans
            .iter()
            .position(|(o, last)| &o.name == name && last == seq)
        {
            let (orphan, _) = self.orphans.remove(i);
            let _ = orphan.remove();
            self.forget_journals();
        }
    }

    /// Empties this session's journal when the database holds all of it: nothing is queued,
    /// and (under the lock the reader journals under) nothing is on its way.
    fn clear_journal(&mut self, rx: &Receiver<Cmd>) {
        if !self.pending.is_empty() || !self.orphans.is_empty() {
            return;
        }
        let inbox = Arc::clone(&self.inbox);
        let mut inbox = lock(&inbox);
        let mut arrived = false;
        while let Ok(cmd) = rx.try_recv() {
            arrived = true;
            self.take(cmd);
        }
        if let (false, Some(j)) = (arrived, inbox.journal.as_mut()) {
            let _ = j.clear();
        }
    }

    /// Notices the state folder, its database or the journal deleted: the folder and database
    /// are made again (said), and what waits is journaled again (all of it when the folder
    /// went, with the journals of earlier sessions in it).
    fn look_for_folder(&mut self, rx: &Receiver<Cmd>) {
        let db_gone = self
            .store
            .as_ref()
            .is_some_and(|s| !s.read_only() && journal::gone(s.path()));
        let inbox = Arc::clone(&self.inbox);
        let mut inbox = lock(&inbox);
        let journal_gone = inbox.journal.as_ref().is_some_and(|j| !j.is_there());
        if !db_gone && !journal_gone {
            return;
        }
        if db_gone {
            self.store = None;
            self.orphans.clear();
            let _ = self.reports.send(Report::Recreated(self.dir.clone()));
        }
        // Under the lock: everything journaled so far is here once the channel is emptied.
        while let Ok(cmd) = rx.try_recv() {
            self.take(cmd);
        }
        let old = inbox.journal.take().map(|j| j.name().to_string());
        inbox.journal = std::fs::create_dir_all(&self.dir)
            .and_then(|_| Journal::create(&self.dir))
            .ok();
        for p in &mut self.pending {
            let ours = p
                .place
                .as_ref()
                .is_none_or(|(name, _)| Some(name) == old.as_ref());
            if db_gone || ours {
                p.place = inbox.journal.as_mut().and_then(|j| {
                    let seq = j.append(&p.op).ok()?;
                    Some((j.name().to_string(), seq))
                });
            }
        }
    }

    /// Forgets the database's records of journals no longer in the folder.
    fn forget_journals(&self) {
        if let Some(store) = &self.store {
            let _ = store.forget_journals(&journal::names(&self.dir));
        }
    }

    /// The session ends: its journal goes when the database holds all of it, else it stays
    /// for the next session. Says what is left.
    fn close(&mut self) {
        let waiting = self.pending.len();
        let journal = lock(&self.inbox).journal.take();
        let kept = match journal {
            Some(j) if waiting == 0 => {
                let _ = j.remove();
                self.forget_journals();
                None
            }
            Some(j) => Some(j.path().to_path_buf()),
            None => None,
        };
        if let Some((_, answer)) = self.finishing.take() {
            let _ = answer.send(Left {
                waiting,
                journal: kept,
            });
        }
    }
}

/// Why saving waits, for the status line.
fn why(e: &StateError) -> String {
    if e.is_locked() {
        "the state database is locked by another program".into()
    } else {
        e.to_string()
    }
}
