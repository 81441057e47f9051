//! The reader's side of the writer of the reading state (see `writer`): a change is queued in
//! no time, and the writer's reports come back on a channel of their own.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::op::Op;
use super::queue::{Cmd, Inbox, Left, Opened, Pending, Report, lock};
use super::writer::{self, START_FOR};

/// The reader's side of the writer.
pub struct Saver {
    inbox: Arc<Mutex<Inbox>>,
    thread: Option<std::thread::JoinHandle<()>>,
    reports: Option<Receiver<Report>>,
}

impl Saver {
    /// Starts the writer on the state folder `dir` and waits for its first opening of the
    /// database (briefly: a locked one is reported as unavailable after `TRY_FOR`).
    pub fn start(dir: PathBuf) -> (Saver, Opened) {
        let (tx, rx) = channel();
        let (report_tx, reports) = channel();
        let (opened_tx, opened_rx) = channel();
        let inbox = Arc::new(Mutex::new(Inbox { journal: None, tx }));
        let thread = writer::spawn(dir, Arc::clone(&inbox), report_tx, rx, opened_tx);
        let opened = opened_rx.recv_timeout(START_FOR).unwrap_or_else(|_| {
            Opened::Unavailable(format!(
                "the state folder did not answer within {} s",
                START_FOR.as_secs()
            ))
        });
        let saver = Saver {
            inbox,
            thread: Some(thread),
            reports: Some(reports),
        };
        (saver, opened)
    }

    /// Queues `op`, written to the journal first. Never waits for the database.
    pub fn save(&self, op: Op) {
        let mut inbox = lock(&self.inbox);
        let place = match inbox.journal.as_mut().map(|j| (j.append(&op), j.name())) {
            Some((Ok(seq), name)) => Some((name.to_string(), seq)),
            // A journal that failed once may hold a torn line: the changes go on without one.
            Some((Err(_), _)) => {
                inbox.journal = None;
                None
            }
            None => None,
        };
        let _ = inbox.tx.send(Cmd::Save(Pending {
            place,
            op,
            answer: true,
        }));
    }

    /// The writer's reports, once: they come from its thread as they happen.
    pub fn take_reports(&mut self) -> Option<Receiver<Report>> {
        self.reports.take()
    }

    /// Stops the writer, after it saved what waits if that takes at most `patience`; what
    /// could not be saved stays in the journal for the next session.
    pub fn finish(mut self, patience: Duration) -> Left {
        self.stop(patience)
    }

    fn stop(&mut self, patience: Duration) -> Left {
        let Some(thread) = self.thread.take() else {
            return Left {
                waiting: 0,
                journal: None,
            };
        };
        let (tx, rx) = channel();
        // A patience past what the clock holds is no patience at all, not a panic.
        let now = Instant::now();
        let until = now.checked_add(patience).unwrap_or(now);
        let _ = lock(&self.inbox).tx.send(Cmd::Finish(until, tx));
        let left = rx.recv().unwrap_or(Left {
            waiting: 0,
            journal: None,
        });
        let _ = thread.join();
        left
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.stop(Duration::ZERO);
    }
}
