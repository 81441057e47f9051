//! The store: opening (and repairing) the database, the reading marks and position, and what
//! is loaded at start. The library's own methods (tags, notes, …) are in `library`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::error::StateError;
use super::notes::{self, Note};
use super::watch::{self, SavedWatch};
use super::{bulk, history, schema, tags};
use crate::archive::PaperKey;

pub struct Store {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    /// Opened read-only: the folder or the file cannot be written (see `Store::open`).
    pub(super) read_only: bool,
}

/// What was loaded at start.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub read: HashSet<PaperKey>,
    /// Starred keys with when they were starred (seconds since 1970).
    pub starred: HashMap<PaperKey, i64>,
    /// The day and paper last viewed.
    pub position: Option<(NaiveDate, PaperKey)>,
    /// The search history, newest first.
    pub queries: Vec<String>,
    /// The tags of each tagged paper, in order of name (ignoring case).
    pub tags: HashMap<PaperKey, Vec<String>>,
    /// The papers' notes.
    pub notes: HashMap<PaperKey, Note>,
    /// The papers marked "not for me".
    pub not_for_me: HashSet<PaperKey>,
    /// The watch lists saved in the reader, oldest first.
    pub watches: Vec<SavedWatch>,
    /// Every watch list's seen papers, by its name.
    pub watch_seen: HashMap<String, HashSet<PaperKey>>,
}

impl Snapshot {
    /// The tags of the paper `key` (none when it has none).
    pub fn tags_of(&self, key: &PaperKey) -> &[String] {
        self.tags.get(key).map_or(&[], Vec::as_slice)
    }

    /// The text of the note of the paper `key`.
    pub fn note_of(&self, key: &PaperKey) -> Option<&str> {
        self.notes.get(key).map(|n| n.text.as_str())
    }
}

impl Store {
    /// Runs only the first `n` migrations, to test upgrades from an older schema.
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, n: usize) -> Result<(), StateError> {
        schema::create_at_version(path, n).map_err(|source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The schema version of the database.
    pub fn version(&self) -> Result<usize, StateError> {
        schema::version(&self.conn).map_err(|e| self.sql_err(e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the database was opened read-only, because it cannot be written: it shows what
    /// it holds, and every change fails.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    pub(super) fn sql_err(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    pub fn load(&self) -> Result<Snapshot, StateError> {
        let e = |e| self.sql_err(e);
        let mut snap = Snapshot::default();
        let mut q = self
            .conn
            .prepare("SELECT id, read, starred, starred_at FROM papers")
            .map_err(e)?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            })
            .map_err(e)?;
        for row in rows {
            let (id, read, starred, at) = row.map_err(e)?;
            let key = PaperKey::from_stored(id);
            if read {
                snap.read.insert(key.clone());
            }
            if starred {
                snap.starred.insert(key, at.unwrap_or(0));
            }
        }
        let pos: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'position'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(e)?;
        snap.position = pos.and_then(|v| {
            let (d, id) = v.split_once(' ')?;
            Some((d.parse().ok()?, PaperKey::from_stored(id)))
        });
        snap.queries = history::all(&self.conn).map_err(e)?;
        snap.tags = tags::all(&self.conn).map_err(e)?;
        snap.notes = notes::all(&self.conn).map_err(e)?;
        snap.not_for_me = notes::not_for_me(&self.conn).map_err(e)?;
        snap.watches = watch::saved(&self.conn).map_err(e)?;
        snap.watch_seen = watch::all_seen(&self.conn).map_err(e)?;
        Ok(snap)
    }

    pub fn set_read(&self, id: &PaperKey, read: bool) -> Result<(), StateError> {
        self.conn
            .execute(
                "INSERT INTO papers (id, read) VALUES (?1, ?2) ON CONFLICT(id) DO UPDATE SET read = ?2",
                params![id.as_str(), read],
            )
            .map(|_| ())
            .map_err(|e| self.sql_err(e))
    }

    pub fn set_starred(&self, id: &PaperKey, starred: bool, now: i64) -> Result<(), StateError> {
        self.conn
            .execute(
                "INSERT INTO papers (id, starred, starred_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET starred = ?2, starred_at = ?3",
                params![id.as_str(), starred, starred.then_some(now)],
            )
            .map(|_| ())
            .map_err(|e| self.sql_err(e))
    }

    pub fn set_position(&self, date: NaiveDate, id: &PaperKey) -> Result<(), StateError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('position', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1",
                params![format!("{date} {id}")],
            )
            .map(|_| ())
            .map_err(|e| self.sql_err(e))
    }

    /// Adds `query` (trimmed; an empty one is ignored) to the front of the search history. A
    /// query already in it moves to the front instead of standing twice, and only the newest
    /// `HISTORY_LIMIT` are kept. Queries that differ only in case are different queries.
    pub fn push_query(&self, query: &str, now: i64) -> Result<(), StateError> {
        history::push(&self.conn, query, now).map_err(|e| self.sql_err(e))
    }

    /// The search history, newest first.
    pub fn queries(&self) -> Result<Vec<String>, StateError> {
        history::all(&self.conn).map_err(|e| self.sql_err(e))
    }

    /// Marks `keys` read in one transaction and returns how many were not read before. Those
    /// (only those) are recorded so that `undo_bulk` can make them unread again; the record
    /// replaces the previous one, so only the last bulk marking can be undone, also after a
    /// restart. A marking that changes nothing leaves nothing to undo.
    pub fn mark_read_bulk(&self, keys: &[PaperKey], now: i64) -> Result<usize, StateError> {
        bulk::mark_read(&self.conn, keys, now).map_err(|e| self.sql_err(e))
    }

    /// Undoes the last bulk marking in one transaction: marks exactly the papers it read unread
    /// again, forgets it, and returns them (in the order they were given); `None` when there is
    /// nothing to undo.
    pub fn undo_bulk(&self) -> Result<Option<Vec<PaperKey>>, StateError> {
        bulk::undo(&self.conn).map_err(|e| self.sql_err(e))
    }

    /// What `undo_bulk` would undo: how many papers, and when they were marked (the `now` given
    /// to `mark_read_bulk`).
    pub fn pending_undo(&self) -> Result<Option<(usize, i64)>, StateError> {
        bulk::pending(&self.conn).map_err(|e| self.sql_err(e))
    }
}
