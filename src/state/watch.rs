//! Watch lists saved in the reader, and the seen marks of every watch list: per watch list (by
//! its name), the papers matching it that were already seen, so that only new matches are
//! shown as new.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params};

use super::tx::write;
use crate::archive::PaperKey;

pub(super) fn mark(
    conn: &Connection,
    watch: &str,
    keys: &[PaperKey],
    now: i64,
) -> rusqlite::Result<usize> {
    write(conn, |tx| {
        let mut added = 0;
        let mut insert = tx
            .prepare("INSERT OR IGNORE INTO watch_seen (watch, id, seen_at) VALUES (?1, ?2, ?3)")?;
        for key in keys {
            added += insert.execute(params![watch, key.as_str(), now])?;
        }
        Ok(added)
    })
}

/// Every seen mark, `(watch, paper, seen_at)`, for an export.
pub(super) fn rows(conn: &Connection) -> rusqlite::Result<Vec<(String, String, i64)>> {
    let mut q = conn.prepare("SELECT watch, id, seen_at FROM watch_seen ORDER BY watch, id")?;
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect()
}

/// The papers seen in the watch list `watch`.
pub(super) fn seen(conn: &Connection, watch: &str) -> rusqlite::Result<HashSet<PaperKey>> {
    let mut q = conn.prepare("SELECT id FROM watch_seen WHERE watch = ?1")?;
    q.query_map([watch], |r| {
        r.get::<_, String>(0).map(PaperKey::from_stored)
    })?
    .collect()
}

/// Every watch list's seen papers, by the list's name.
pub(super) fn all_seen(conn: &Connection) -> rusqlite::Result<HashMap<String, HashSet<PaperKey>>> {
    let mut q = conn.prepare("SELECT watch, id FROM watch_seen")?;
    let mut out: HashMap<String, HashSet<PaperKey>> = HashMap::new();
    for row in q.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (watch, id) = row?;
        out.entry(watch)
            .or_default()
            .insert(PaperKey::from_stored(id));
    }
    Ok(out)
}

/// A watch list saved in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedWatch {
    pub name: String,
    pub query: String,
    /// When it was saved, seconds since 1970.
    pub saved_at: i64,
}

/// Saves the watch list `name` (replacing one of that name); whether it replaced one.
pub(super) fn save(conn: &Connection, name: &str, query: &str, now: i64) -> rusqlite::Result<bool> {
    write(conn, |tx| {
        let had: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM watches WHERE name = ?1)",
            [name],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO watches (name, query, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET query = ?2, saved_at = ?3",
            params![name, query, now],
        )?;
        Ok(had)
    })
}

/// Forgets the saved watch list `name` and its seen marks; whether there was one.
pub(super) fn forget(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    write(conn, |tx| {
        let gone = tx.execute("DELETE FROM watches WHERE name = ?1", [name])? > 0;
        if gone {
            tx.execute("DELETE FROM watch_seen WHERE watch = ?1", [name])?;
        }
        Ok(gone)
    })
}

/// The saved watch lists, in the order they were first saved (then by name).
pub(super) fn saved(conn: &Connection) -> rusqlite::Result<Vec<SavedWatch>> {
    let mut q = conn.prepare("SELECT name, query, saved_at FROM watches ORDER BY rowid")?;
    q.query_map([], |r| {
        Ok(SavedWatch {
            name: r.get(0)?,
            query: r.get(1)?,
            saved_at: r.get(2)?,
        })
    })?
    .collect()
}

/// A name that cannot be a watch list's, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadWatch(pub String);

/// A watch list's name as kept: trimmed, not empty, at most `MAX_WATCH_NAME` characters.
pub fn watch_name(name: &str) -> Result<String, BadWatch> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BadWatch("a watch list needs a name".into()));
    }
    if name.chars().count() > MAX_WATCH_NAME || name.chars().any(char::is_control) {
        return Err(BadWatch(format!(
            "a watch list's name is at most {MAX_WATCH_NAME} characters, without control characters"
        )));
    }
    Ok(name.to_string())
}

/// The longest name a watch list may have, in characters.
pub const MAX_WATCH_NAME: usize = 60;
