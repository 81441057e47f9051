//! What the reader and the writer of the reading state pass each other: the changes queued
//! (journaled and sent under one lock), and what the writer answers.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::MutexGuard;
use std::sync::mpsc::Sender;
use std::time::Instant;

use super::journal::Journal;
use super::op::Op;
use super::store::Snapshot;
use crate::archive::PaperKey;

/// The state as the first opening found it.
#[derive(Debug)]
pub enum Opened {
    Loaded {
        snapshot: Box<Snapshot>,
        /// The last marking of many from before can be undone.
        undo_kept: bool,
        /// What opening had to say (a damaged database moved aside).
        notice: Option<String>,
        /// The database cannot be written: it is shown, and changes are not saved.
        read_only: bool,
    },
    /// Not loaded, for this reason; changes are kept and saved once it can be opened.
    Unavailable(String),
}

/// What the writer tells the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// The last marking of many was taken back: these papers are unread again.
    Undone(Vec<PaperKey>),
    /// Saving waits (why): `waiting` changes are kept until it can go on.
    Delayed { waiting: usize, why: String },
    /// The changes that waited are saved.
    CaughtUp { saved: usize },
    /// A change was not saved and will not be, for this reason.
    NotSaved(String),
    /// The state folder (or its database) was deleted while the reader ran: a new one was
    /// started there, with the changes still waiting.
    Recreated(PathBuf),
}

/// What a session left to the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// Changes not saved yet.
    pub waiting: usize,
    /// The journal keeping them, if they are kept.
    pub journal: Option<PathBuf>,
}

/// What the reader and the writer share: a change is journaled and sent under its lock, so
/// the writer, holding it, knows every change journaled is in its queue or its channel.
pub(super) struct Inbox {
    pub(super) journal: Option<Journal>,
    pub(super) tx: Sender<Cmd>,
}

pub(super) enum Cmd {
    Save(Pending),
    /// Stop, after saving what waits if that takes no longer than until this instant; answer
    /// what is left.
    Finish(Instant, Sender<Left>),
}

/// A change in the queue, with its place in a journal (none when it could not be written to
/// one) and whether the reader wants its answer (not for those of an earlier session).
#[derive(Debug)]
pub(super) struct Pending {
    pub(super) place: Option<(String, u64)>,
    pub(super) op: Op,
    pub(super) answer: bool,
}

pub(super) fn lock(inbox: &Mutex<Inbox>) -> MutexGuard<'_, Inbox> {
    inbox.lock().unwrap_or_else(|e| e.into_inner())
}
