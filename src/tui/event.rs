//! What can happen to the reader: a command from a key, typing, the terminal's size and mouse,
//! and what the runtime's workers and timers report. `update` takes these one at a time.

use std::sync::Arc;

use crate::archive::{ArchiveError, PaperKey};

use super::command::Command;
use super::core::handles::{ArchiveHandle, IndexHandle, PeopleHandle, SimilarHandle};
use super::core::notice::Level;

#[derive(Debug, Clone)]
pub enum Event {
    /// A key asked for this.
    Command(Command),
    /// A character typed into a prompt.
    Text(char),
    /// Text pasted into the terminal (bracketed paste): one edit of the prompt open, never
    /// keys.
    Paste(String),
    /// The input there was is handled and a frame is about to be drawn: work put off while
    /// keys came in (a search as you type) is done now, once.
    Settle,
    /// A digit typed in the reader: a count for the next command (`5j`, `3]`).
    Count(u8),
    /// A key that means nothing where it was pressed (it still dismisses an error).
    Unbound,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a cell.
    Click { col: u16, row: u16 },
    /// A second left click at the same cell, soon after the first.
    DoubleClick { col: u16, row: u16 },
    /// The wheel turned over a cell.
    Wheel { col: u16, row: u16, down: bool },
    /// The time now, seconds since 1970 (stars and notices are stamped with it).
    Clock(i64),
    /// The paper with this key has been on screen long enough to count as read.
    Seen(PaperKey),
    /// A message for the status line from outside the app (the browser failed, a save failed).
    Notice { level: Level, text: String },
    /// The database took back its last marking of many: these papers are unread again.
    Undone(Vec<PaperKey>),
    /// The paper's note as the editor left it and the state now holds it (empty: deleted).
    NoteSaved { key: PaperKey, text: String },
    /// The background index is built.
    IndexReady(IndexHandle),
    /// The similarity engine for the archive shown (or one since replaced).
    SimilarReady(SimilarHandle),
    /// Who tweeted about what, counted after the index (the People box waits for it).
    PeopleReady(PeopleHandle),
    /// The background load has read this many posts of so many.
    Progress(usize, usize),
    /// The background load finished: the whole archive replaces the first day.
    Loaded(ArchiveHandle),
    /// A reload finished, or failed.
    Reloaded(Result<ArchiveHandle, Arc<ArchiveError>>),
    /// The archive `from`, indexed, is `to` now: the same without its papers' long texts
    /// (see `core::texts`).
    TextsLeft {
        from: ArchiveHandle,
        to: ArchiveHandle,
    },
    /// A day's abstracts and tweets, read back from its post.
    TextsRead(crate::tui::core::texts::TextsRead),
}

impl From<Command> for Event {
    fn from(c: Command) -> Event {
        Event::Command(c)
    }
}
