//! Helpers for tests of upgrades and damage; not part of the reader.

use std::path::Path;

use rusqlite::Connection;

use super::error::StateError;

/// Runs SQL on a database file directly.
pub fn execute(db: &Path, sql: &str) -> Result<(), StateError> {
    let err = |source| StateError::Sqlite {
        path: db.to_path_buf(),
        source,
    };
    Connection::open(db)
        .map_err(err)?
        .execute_batch(sql)
        .map_err(err)
}

/// Another program's hold on a database, as tests need one: released when dropped.
pub struct Held {
    _conn: Connection,
}

/// Holds the write lock of the database `db` (`BEGIN EXCLUSIVE`): others can read it (in WAL
/// mode), and every write waits. With `all`, in SQLite's exclusive locking mode, so that others
/// cannot even read it.
pub fn hold(db: &Path, all: bool) -> Result<Held, StateError> {
    let err = |source| StateError::Sqlite {
        path: db.to_path_buf(),
        source,
    };
    let conn = Connection::open(db).map_err(err)?;
    if all {
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(err)?;
    }
    conn.execute_batch("BEGIN EXCLUSIVE").map_err(err)?;
    Ok(Held { _conn: conn })
}
