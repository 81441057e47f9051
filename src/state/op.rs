//! A change to the reading state as one value: what the reader's writer queues, journals and
//! applies (see `writer`), each in one transaction. New kinds of change are added here, with
//! the store's method that makes it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::error::StateError;
use super::store::Store;
use crate::archive::PaperKey;

/// One change to the reading state. Written to the journal as JSON, so its fields are its
/// format: a kind or field renamed here would not read the journal of an older session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    Read {
        #[serde(with = "key")]
        key: PaperKey,
        read: bool,
    },
    Star {
        #[serde(with = "key")]
        key: PaperKey,
        starred: bool,
        at: i64,
    },
    /// A note of nothing but white space deletes the paper's note.
    Note {
        #[serde(with = "key")]
        key: PaperKey,
        text: String,
        at: i64,
    },
    Tags {
        #[serde(with = "key")]
        key: PaperKey,
        add: Vec<String>,
        remove: Vec<String>,
        at: i64,
    },
    NotForMe {
        #[serde(with = "key")]
        key: PaperKey,
        on: bool,
        at: i64,
    },
    MarkReadBulk {
        #[serde(with = "keys")]
        keys: Vec<PaperKey>,
        at: i64,
    },
    UndoBulk,
    Query {
        query: String,
        at: i64,
    },
    /// Save a watch list with its matches marked seen, together.
    SaveWatch {
        name: String,
        query: String,
        #[serde(with = "keys")]
        seen: Vec<PaperKey>,
        at: i64,
    },
    ForgetWatch {
        name: String,
    },
    WatchSeen {
        name: String,
        #[serde(with = "keys")]
        keys: Vec<PaperKey>,
        at: i64,
    },
    Position {
        date: NaiveDate,
        #[serde(with = "key")]
        key: PaperKey,
    },
}

/// What applying a change answered, where the reader needs the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The last marking of many was taken back: these papers are unread again (none when there
    /// was nothing to take back).
    Undone(Vec<PaperKey>),
}

impl Store {
    /// Makes the change `op`, in one transaction.
    pub fn apply(&self, op: &Op) -> Result<Outcome, StateError> {
        fn done<T>(r: Result<T, StateError>) -> Result<Outcome, StateError> {
            r.map(|_| Outcome::Done)
        }
        match op {
            Op::Read { key, read } => done(self.set_read(key, *read)),
            Op::Star { key, starred, at } => done(self.set_starred(key, *starred, *at)),
            Op::Note { key, text, at } => done(self.set_note(key, text, *at)),
            Op::Tags {
                key,
                add,
                remove,
                at,
            } => {
                // One transaction for both; a refused tag refuses the whole change.
                self.in_transaction(|| {
                    if !add.is_empty() {
                        self.add_tags(key, add, *at)?;
                    }
                    if !remove.is_empty() {
                        self.remove_tags(key, remove)?;
                    }
                    Ok(Outcome::Done)
                })
            }
            Op::NotForMe { key, on, at } => done(self.set_not_for_me(key, *on, *at)),
            Op::MarkReadBulk { keys, at } => done(self.mark_read_bulk(keys, *at)),
            Op::UndoBulk => Ok(Outcome::Undone(self.undo_bulk()?.unwrap_or_default())),
            Op::Query { query, at } => done(self.push_query(query, *at)),
            Op::SaveWatch {
                name,
                query,
                seen,
                at,
            } => self.in_transaction(|| {
                self.save_watch(name, query, *at)?;
                self.mark_seen(name, seen, *at)?;
                Ok(Outcome::Done)
            }),
            Op::ForgetWatch { name } => done(self.forget_watch(name)),
            Op::WatchSeen { name, keys, at } => done(self.mark_seen(name, keys, *at)),
            Op::Position { date, key } => done(self.set_position(*date, key)),
        }
    }

    /// Makes the change `op`, entry `seq` of the journal `journal`, unless the database
    /// records that entry (or a later one of that journal) as made already: then `None`. The
    /// change and that record are committed together, so an entry replayed after a crash is
    /// made exactly once (a marking of many made twice would forget what it can undo).
    pub fn apply_journaled(
        &self,
        journal: &str,
        seq: u64,
        op: &Op,
    ) -> Result<Option<Outcome>, StateError> {
        let e = |e| self.sql_err(e);
        let tx =
            Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(e)?;
        let place = marker(journal);
        let made: Option<String> = tx
            .query_row("SELECT value FROM meta WHERE key = ?1", [&place], |r| {
                r.get(0)
            })
            .optional()
            .map_err(e)?;
        if made
            .and_then(|m| m.parse::<u64>().ok())
            .is_some_and(|m| m >= seq)
        {
            return Ok(None);
        }
        let outcome = self.apply(op)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
            params![place, seq.to_string()],
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(Some(outcome))
    }

    /// Forgets the journals' records of what was made, except those of `keep` (the journals
    /// still in the state folder): a journal gone is done with.
    pub fn forget_journals(&self, keep: &[String]) -> Result<(), StateError> {
        let e = |e| self.sql_err(e);
        let mut q = self
            .conn
            .prepare("SELECT key FROM meta WHERE key LIKE 'journal %'")
            .map_err(e)?;
        let known = q
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(e)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(e)?;
        for place in known {
            if !keep.iter().any(|k| marker(k) == place) {
                self.conn
                    .execute("DELETE FROM meta WHERE key = ?1", [&place])
                    .map_err(e)?;
            }
        }
        Ok(())
    }

    /// Runs `work` in one transaction (the changes it makes nest in it), committed when it
    /// succeeds; rolled back when it fails.
    fn in_transaction<T>(
        &self,
        work: impl FnOnce() -> Result<T, StateError>,
    ) -> Result<T, StateError> {
        if !self.conn.is_autocommit() {
            return work();
        }
        let e = |e| self.sql_err(e);
        let tx =
            Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(e)?;
        let out = work()?;
        tx.commit().map_err(e)?;
        Ok(out)
    }
}

/// Where the database records how far the journal `name` was made.
fn marker(name: &str) -> String {
    format!("journal {name}")
}

/// A paper key in the journal: its text.
mod key {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::archive::PaperKey;

    pub fn serialize<S: Serializer>(k: &PaperKey, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PaperKey, D::Error> {
        String::deserialize(d).map(PaperKey::from_stored)
    }
}

/// Paper keys in the journal: a list of their texts.
mod keys {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::archive::PaperKey;

    pub fn serialize<S: Serializer>(k: &[PaperKey], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(k.iter().map(PaperKey::as_str))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PaperKey>, D::Error> {
        Vec::<String>::deserialize(d).map(|v| v.into_iter().map(PaperKey::from_stored).collect())
    }
}
