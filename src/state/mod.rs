//! Reading state that lasts: which papers were read or starred, and where the reader was.
//!
//! Kept per arXiv id (so it survives moving or re-cloning the archive) in SQLite, which gives
//! atomic, crash-safe commits and safe concurrent use by two readers (WAL mode). Every change is
//! committed at once. A damaged database is moved aside and a fresh one started; one that cannot
//! be written is opened read-only (`open`). Also kept: the search history (`history`) and the
//! last bulk marking, so it can be undone (`bulk`); your own library of tags (`tags`), notes and
//! "not for me" marks (`notes`), and the watch lists saved in the reader with every list's seen
//! papers (`watch`); and a whole library as a file, to move it (`transfer`). The schema and its
//! migrations are in `schema`, the store in `store` and `library`.
//!
//! The reader changes the state through a writer on its own thread (`saver`, `writer`, passing
//! `queue` between them), so that it never waits for SQLite: each change is one `Op`, written to
//! a journal first (`journal`) so that none is lost when the database cannot take it yet.

use std::path::PathBuf;

mod bulk;
mod error;
mod history;
mod journal;
mod library;
mod notes;
mod op;
mod open;
mod queue;
mod saver;
mod schema;
mod store;
mod tags;
#[doc(hidden)]
pub mod testing;
mod transfer;
mod tx;
mod watch;
mod writer;

pub use error::StateError;
pub use history::HISTORY_LIMIT;
pub use notes::Note;
pub use op::{Op, Outcome};
pub use open::PATIENCE;
pub use queue::{Left, Opened, Report};
pub use saver::Saver;
pub use schema::SCHEMA_VERSION;
pub use store::{Snapshot, Store};
pub use tags::{BadTag, MAX_TAG_CHARS, tag_name};
pub use transfer::{
    LIBRARY_FORMAT, LIBRARY_VERSION, Library, LibraryError, Merged, NotForMe, NoteRow, Query, Seen,
    Starred, Tagged, WatchRow,
};
pub use watch::{BadWatch, MAX_WATCH_NAME, SavedWatch, watch_name};

/// The state folder: `$HOTPAPERS_STATE_DIR`, else `$XDG_STATE_HOME/hotpapers`, else
/// `~/.local/state/hotpapers`.
pub fn default_dir() -> Option<PathBuf> {
    let env = |k| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("HOTPAPERS_STATE_DIR")
        .or_else(|| env("XDG_STATE_HOME").map(|d| d.join("hotpapers")))
        .or_else(|| env("HOME").map(|h| h.join(".local/state/hotpapers")))
}
