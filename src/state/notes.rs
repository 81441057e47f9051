//! A note per paper, and the papers marked "not for me".

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{StateError, Store};
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

impl Store {
    /// Sets the note of the paper `id` to `text`, written at `now`. A note of nothing but white
    /// space is no note: it deletes the one there was.
    pub fn set_note(&self, id: &PaperKey, text: &str, now: i64) -> Result<(), StateError> {
        if text.trim().is_empty() {
            return self.delete_note(id).map(|_| ());
        }
        self.conn
            .execute(
                "INSERT INTO notes (id, text, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET text = ?2, updated_at = ?3",
                params![id.as_str(), text, now],
            )
            .map(|_| ())
            .map_err(|e| self.sql_err(e))
    }

    /// The note of the paper `id`, if it has one.
    pub fn note(&self, id: &PaperKey) -> Result<Option<Note>, StateError> {
        self.conn
            .query_row(
                "SELECT text, updated_at FROM notes WHERE id = ?1",
                [id.as_str()],
                |r| {
                    Ok(Note {
                        text: r.get(0)?,
                        updated_at: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// Deletes the note of the paper `id`; whether it had one.
    pub fn delete_note(&self, id: &PaperKey) -> Result<bool, StateError> {
        self.conn
            .execute("DELETE FROM notes WHERE id = ?1", [id.as_str()])
            .map(|n| n > 0)
            .map_err(|e| self.sql_err(e))
    }

    /// Marks the paper `id` "not for me" (at `now`), or takes the mark away. Marking a paper
    /// marked already keeps the time it was first marked.
    pub fn set_not_for_me(&self, id: &PaperKey, on: bool, now: i64) -> Result<(), StateError> {
        let done = if on {
            self.conn.execute(
                "INSERT OR IGNORE INTO not_for_me (id, marked_at) VALUES (?1, ?2)",
                params![id.as_str(), now],
            )
        } else {
            self.conn
                .execute("DELETE FROM not_for_me WHERE id = ?1", [id.as_str()])
        };
        done.map(|_| ()).map_err(|e| self.sql_err(e))
    }
}
