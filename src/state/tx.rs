//! Write transactions that nest: a change of several rows is one transaction of its own, or,
//! when the writer already holds one (it records a journal entry's place with the change, see
//! `Store::apply_journaled`), a part of that one, so that both are committed or neither.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Runs `work` in a write transaction: its own, taken with the write lock first (a second
/// process writing at the same time then waits in the busy timeout rather than failing when
/// this one would upgrade), or the caller's when one is open.
pub(super) fn write<T>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    if !conn.is_autocommit() {
        // Inside the caller's transaction: an error rolls all of it back there.
        return work(conn);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let out = work(&tx)?;
    tx.commit()?;
    Ok(out)
}
