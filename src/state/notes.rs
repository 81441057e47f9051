//! A note per paper, and the papers marked "not for me".

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::archive::PaperKey;

/// A paper's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    /// When it was last written (seconds since 1970).
    pub updated_at: i64,
}

pub(super) fn all(conn: &Connection) -> rusqlite::Result<HashMap<PaperKey, Note>> {
    let mut q = conn.prepare("SELECT id, text, updated_at FROM notes")?;
    q.query_map([], |r| {
        Ok((
            PaperKey::from_stored(r.get::<_, String>(0)?),
            Note {
                text: r.get(1)?,
                updated_at: r.get(2)?,
            },
        ))
    })?
    .collect()
}

pub(super) fn not_for_me(conn: &Connection) -> rusqlite::Result<HashSet<PaperKey>> {
    let mut q = conn.prepare("SELECT id FROM not_for_me")?;
    q.query_map([], |r| r.get::<_, String>(0).map(PaperKey::from_stored))?
        .collect()
}

/// Sets the note of `id`.
pub(super) fn set(conn: &Connection, id: &str, text: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO notes (id, text, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET text = ?2, updated_at = ?3",
        params![id, text, now],
    )
    .map(|_| ())
}

/// The note of `id`.
pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Note>> {
    conn.query_row(
        "SELECT text, updated_at FROM notes WHERE id = ?1",
        [id],
        |r| {
            Ok(Note {
                text: r.get(0)?,
                updated_at: r.get(1)?,
            })
        },
    )
    .optional()
}

/// Deletes the note of `id`; whether there was one.
pub(super) fn delete(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.execute("DELETE FROM notes WHERE id = ?1", [id])
        .map(|n| n > 0)
}

/// Marks `id` "not for me" (keeping the time of a mark there is), or takes the mark away.
pub(super) fn mark_not_for_me(
    conn: &Connection,
    id: &str,
    on: bool,
    now: i64,
) -> rusqlite::Result<()> {
    if on {
        conn.execute(
            "INSERT OR IGNORE INTO not_for_me (id, marked_at) VALUES (?1, ?2)",
            params![id, now],
        )?;
    } else {
        conn.execute("DELETE FROM not_for_me WHERE id = ?1", [id])?;
    }
    Ok(())
}
