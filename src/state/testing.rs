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
