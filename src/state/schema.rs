//! The database's schema, one migration per version, and bringing a database up to date.
//!
//! A database records its version in `PRAGMA user_version`; opening one at version N runs the
//! steps N.. in order, each in its own transaction, so an upgrade stopped halfway leaves a
//! database at some whole version that the next start continues from.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

/// The schema, one step per version; a database at version N runs steps N.. on open.
const MIGRATIONS: &[&str] = &[
    // 1: read and starred flags per paper.
    "CREATE TABLE papers (id TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0);",
    // 2: when a star was given (the starred list shows newest stars first), and a key/value
    //    table for the last position.
    "ALTER TABLE papers ADD COLUMN starred_at INTEGER;
     UPDATE papers SET starred_at = 0 WHERE starred = 1;
     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 3: the search history (`seq` orders it), and the papers the last bulk marking read that
    //    were unread before, with when it was done.
    "CREATE TABLE queries (seq INTEGER PRIMARY KEY, query TEXT NOT NULL UNIQUE, used_at INTEGER NOT NULL);
     CREATE TABLE bulk_undo (id TEXT PRIMARY KEY, marked_at INTEGER NOT NULL);",
    // 4: your own library. Tags, any number per paper, one row each; a tag is the same tag
    //    whatever the case of its ASCII letters (`LLM` and `llm`), and the index finds a tag's
    //    papers. A note per paper with when it was last written (an import keeps the newer of
    //    two). Papers marked "not for me", with when. And, per watch list (by its name), the
    //    papers of it already seen. Keys are paper keys, as in `papers`; rows stand alone, so a
    //    paper can be tagged without a row in `papers`.
    "CREATE TABLE tags (id TEXT NOT NULL, tag TEXT NOT NULL COLLATE NOCASE, tagged_at INTEGER NOT NULL,
                        PRIMARY KEY (id, tag));
     CREATE INDEX tags_by_tag ON tags (tag);
     CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at INTEGER NOT NULL);
     CREATE TABLE not_for_me (id TEXT PRIMARY KEY, marked_at INTEGER NOT NULL);
     CREATE TABLE watch_seen (watch TEXT NOT NULL, id TEXT NOT NULL, seen_at INTEGER NOT NULL,
                              PRIMARY KEY (watch, id));",
    // 5: watch lists saved in the reader (the config file's are not kept here), by name, with
    //    when each was saved (an import keeps the newer of two of a name).
    "CREATE TABLE watches (name TEXT PRIMARY KEY, query TEXT NOT NULL, saved_at INTEGER NOT NULL);",
];

pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// The schema version of the database.
pub(super) fn version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(v.max(0) as usize)
}

/// Brings the schema to the current version, one step per transaction; `Err(found)` (and
/// nothing done) when the database is of a newer schema `found`. Each step takes the write lock
/// first and looks at the version under it, so two processes opening an old database at once
/// upgrade it once: the second waits, then finds the step done.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<Result<(), usize>> {
    // Up to date, as nearly always: known without the write lock, so a database another
    // program is writing to opens at once.
    if version(conn)? == SCHEMA_VERSION {
        return Ok(Ok(()));
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = version(&tx)?;
        if found > SCHEMA_VERSION {
            return Ok(Err(found));
        }
        let Some(step) = MIGRATIONS.get(found) else {
            return Ok(Ok(()));
        };
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", (found + 1) as i64)?;
        tx.commit()?;
    }
}

/// Runs only the first `n` migrations, to test upgrades from an older schema.
pub(super) fn create_at_version(path: &Path, n: usize) -> rusqlite::Result<()> {
    let conn = Connection::open(path)?;
    for (i, step) in MIGRATIONS.iter().enumerate().take(n) {
        conn.execute_batch(step)?;
        conn.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    Ok(())
}
