//! The store: opening (and repairing) the database, the reading marks and position, and what
//! is loaded at start. The library's own methods (tags, notes, …) are in `library`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// Opens (creating) `dir/state.db`. A file that is not a usable database is renamed to
    /// `state.db.damaged-<unix time>` and a fresh one is started; the returned notice says so.
    pub fn open(dir: &Path) -> Result<(Store, Option<String>), StateError> {
        std::fs::create_dir_all(dir).map_err(|source| StateError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join("state.db");
        match Store::open_file(&path) {
            Ok(store) => Ok((store, None)),
            Err(StateError::Sqlite { source, .. }) if is_damage(&source) => {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let aside = dir.join(format!("state.db.damaged-{stamp}"));
                std::fs::rename(&path, &aside).map_err(|source| StateError::Folder {
                    path: path.clone(),
                    source,
                })?;
                for ext in ["-wal", "-shm"] {
                    let side = dir.join(format!("state.db{ext}"));
                    let _ =
                        std::fs::rename(&side, dir.join(format!("state.db.damaged-{stamp}{ext}")));
                }
                let store = Store::open_file(&path)?;
                let notice = format!(
                    "The reading state was damaged ({source}); it was moved to {} and a new one started",
                    aside.display()
                );
                Ok((store, Some(notice)))
            }
            Err(e) => Err(e),
        }
    }

    fn open_file(path: &Path) -> Result<Store, StateError> {
        let err = |source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        // Reading the header here makes a damaged file fail now, not at the first write.
        // Turning a database of the old journal into WAL needs it to itself, and SQLite says
        // "busy" at once rather than through the busy timeout while another opener holds it:
        // try again for as long as the timeout would have waited.
        let mut tries = 0;
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 500 =>
                {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => break other.map_err(err)?,
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(err)?;
        if ok != "ok" {
            return Err(err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(ok),
            )));
        }
        let mut conn = conn;
        match schema::migrate(&mut conn).map_err(err)? {
            Ok(()) => Ok(Store {
                conn,
                path: path.to_path_buf(),
            }),
            Err(found) => Err(StateError::TooNew {
                path: path.to_path_buf(),
                found,
            }),
        }
    }

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

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}
