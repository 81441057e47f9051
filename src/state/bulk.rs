//! Marking many papers read at once, and undoing that: the last bulk marking's record is kept in
//! the database, so it can be undone after a restart too.

use rusqlite::{Connection, OptionalExtension, params};

use super::tx::write;
use crate::archive::PaperKey;

/// Marks `keys` read, remembering those that were not read before; see `Store::mark_read_bulk`.
pub(super) fn mark_read(conn: &Connection, keys: &[PaperKey], now: i64) -> rusqlite::Result<usize> {
    // Under the write lock: what was read is looked at there, so a second reader cannot
    // change it between the look and the write (nor make the upgrade fail).
    write(conn, |tx| {
        tx.execute("DELETE FROM bulk_undo", [])?;
        let mut changed = 0;
        let mut remember = tx.prepare(
            "INSERT OR IGNORE INTO bulk_undo (id, marked_at) SELECT ?1, ?2
             WHERE NOT EXISTS (SELECT 1 FROM papers WHERE id = ?1 AND read = 1)",
        )?;
        let mut mark = tx.prepare(
            "INSERT INTO papers (id, read) VALUES (?1, 1) ON CONFLICT(id) DO UPDATE SET read = 1",
        )?;
        for key in keys {
            changed += remember.execute(params![key.as_str(), now])?;
            mark.execute([key.as_str()])?;
        }
        Ok(changed)
    })
}

/// Marks the papers of the last bulk marking unread again and forgets it; `None` when there is
/// none.
pub(super) fn undo(conn: &Connection) -> rusqlite::Result<Option<Vec<PaperKey>>> {
    write(conn, |tx| {
        // In the order they were marked: rows are appended, so rowid order is that order.
        let keys = tx
            .prepare("SELECT id FROM bulk_undo ORDER BY rowid")?
            .query_map([], |r| r.get::<_, String>(0).map(PaperKey::from_stored))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if keys.is_empty() {
            return Ok(None);
        }
        tx.execute(
            "UPDATE papers SET read = 0 WHERE id IN (SELECT id FROM bulk_undo)",
            [],
        )?;
        tx.execute("DELETE FROM bulk_undo", [])?;
        Ok(Some(keys))
    })
}

/// How many papers the last bulk marking read, and when.
pub(super) fn pending(conn: &Connection) -> rusqlite::Result<Option<(usize, i64)>> {
    conn.query_row(
        "SELECT COUNT(*), MAX(marked_at) FROM bulk_undo HAVING COUNT(*) > 0",
        [],
        |r| Ok((r.get::<_, i64>(0)? as usize, r.get(1)?)),
    )
    .optional()
}
