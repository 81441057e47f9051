//! Watch lists' seen marks: per watch list (by its name), the papers matching it that were
//! already seen, so that only new matches are shown as new.

use std::collections::HashSet;

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::archive::PaperKey;

pub(super) fn mark(
    conn: &Connection,
    watch: &str,
    keys: &[PaperKey],
    now: i64,
) -> rusqlite::Result<usize> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut added = 0;
    {
        let mut insert = tx
            .prepare("INSERT OR IGNORE INTO watch_seen (watch, id, seen_at) VALUES (?1, ?2, ?3)")?;
        for key in keys {
            added += insert.execute(params![watch, key.as_str(), now])?;
        }
    }
    tx.commit()?;
    Ok(added)
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
