//! The search history: the queries searched for, newest first, each once.

use rusqlite::{Connection, params};

use super::tx::write;

/// How many queries are kept; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 100;

/// Records that `query` was searched for at `now`; see `Store::push_query`.
pub(super) fn push(conn: &Connection, query: &str, now: i64) -> rusqlite::Result<()> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(());
    }
    // Under the write lock, taken before reading, so a second reader writing at the same
    // time waits (busy timeout) instead of failing when this one upgrades.
    write(conn, |tx| {
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
        Ok(())
    })
}

/// The queries, newest first.
pub(super) fn all(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut q = conn.prepare("SELECT query FROM queries ORDER BY seq DESC LIMIT ?1")?;
    q.query_map([HISTORY_LIMIT as i64], |r| r.get(0))?.collect()
}

/// Every query with when it was last used, oldest first.
pub(super) fn entries(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut q = conn.prepare("SELECT query, used_at FROM queries ORDER BY seq")?;
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
}

/// Merges `incoming` (queries with when they were used) into the history, inside the caller's
/// transaction: a query already kept keeps the later of its two times, a new one is added, and
/// the whole is ordered by time (queries of one time in the order they were before, the kept
/// ones first) and cut to the newest `HISTORY_LIMIT`. Returns how many new queries are kept.
pub(super) fn merge(conn: &Connection, incoming: &[(String, i64)]) -> rusqlite::Result<usize> {
    let mut all: Vec<(String, i64, bool)> = entries(conn)?
        .into_iter()
        .map(|(q, at)| (q, at, false))
        .collect();
    for (query, at) in incoming {
        let query = query.trim();
        if query.is_empty() {
            continue;
        }
        match all.iter_mut().find(|(have, ..)| have == query) {
            Some(kept) => kept.1 = kept.1.max(*at),
            None => all.push((query.to_string(), *at, true)),
        }
    }
    all.sort_by_key(|(_, at, _)| *at);
    let keep = all.split_off(all.len().saturating_sub(HISTORY_LIMIT));
    conn.execute("DELETE FROM queries", [])?;
    let mut insert = conn.prepare("INSERT INTO queries (query, used_at) VALUES (?1, ?2)")?;
    for (query, at, _) in &keep {
        insert.execute(params![query, at])?;
    }
    Ok(keep.iter().filter(|(.., new)| *new).count())
}
