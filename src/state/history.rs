//! The search history: the queries searched for, newest first, each once.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

/// How many queries are kept; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 100;

/// Records that `query` was searched for at `now`; see `Store::push_query`.
pub(super) fn push(conn: &Connection, query: &str, now: i64) -> rusqlite::Result<()> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(());
    }
    // Immediate: the write lock is taken before reading, so a second reader writing at the same
    // time waits (busy timeout) instead of failing when this one upgrades.
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Deleted and inserted again rather than updated, so it gets the highest `seq`: the
    // history is ordered by `seq`, which follows the order of commits even if clocks do not.
    tx.execute("DELETE FROM queries WHERE query = ?1", [query])?;
    tx.execute(
        "INSERT INTO queries (query, used_at) VALUES (?1, ?2)",
        params![query, now],
    )?;
    tx.execute(
        "DELETE FROM queries WHERE seq NOT IN (SELECT seq FROM queries ORDER BY seq DESC LIMIT ?1)",
        [HISTORY_LIMIT as i64],
    )?;
    tx.commit()
}

/// The queries, newest first.
pub(super) fn all(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut q = conn.prepare("SELECT query FROM queries ORDER BY seq DESC LIMIT ?1")?;
    q.query_map([HISTORY_LIMIT as i64], |r| r.get(0))?.collect()
}
