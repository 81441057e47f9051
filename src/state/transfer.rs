//! A whole library as one file, to move it to another machine or keep a copy: the stars, read
//! marks, tags, notes, "not for me" marks, saved watch lists and their seen marks, and search history, as JSON
//! with a format name and version. Importing merges a file into the state (a union; of two
//! notes of a paper the one written last wins) in one transaction, and refuses a file it does
//! not understand before changing anything.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::{history, tags, watch};

/// What a library file says it is, in its `format`.
pub const LIBRARY_FORMAT: &str = "hotpapers-library";

/// The version of the library file this hotpapers writes, and the only one it reads.
pub const LIBRARY_VERSION: u64 = 1;

/// A library file. Every list may be left out of a file (it is then empty), but nothing else may
/// be in it: a field this version does not know is a file it does not understand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// `LIBRARY_FORMAT`.
    pub format: String,
    /// `LIBRARY_VERSION`.
    pub version: u64,
    /// When the file was written (seconds since 1970); not used by an import.
    #[serde(default)]
    pub exported_at: i64,
    #[serde(default)]
    pub starred: Vec<Starred>,
    /// The keys of the papers read.
    #[serde(default)]
    pub read: Vec<String>,
    #[serde(default)]
    pub tags: Vec<Tagged>,
    #[serde(default)]
    pub notes: Vec<NoteRow>,
    #[serde(default)]
    pub not_for_me: Vec<NotForMe>,
    #[serde(default)]
    pub watch_seen: Vec<Seen>,
    /// The watch lists saved in the reader.
    #[serde(default)]
    pub watches: Vec<WatchRow>,
    /// The search history, oldest first.
    #[serde(default)]
    pub queries: Vec<Query>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Starred {
    pub paper: String,
    pub starred_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tagged {
    pub paper: String,
    pub tag: String,
    pub tagged_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRow {
    pub paper: String,
    pub text: String,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotForMe {
    pub paper: String,
    pub marked_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seen {
    pub watch: String,
    pub paper: String,
    pub seen_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchRow {
    pub name: String,
    pub query: String,
    pub saved_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    pub query: String,
    pub used_at: i64,
}

/// The latest time a library may hold: the last second of the year 9999.
pub const LATEST_TIME: i64 = 253_402_300_799;

/// Why a file is not a library this hotpapers can import. The JSON errors are in the message,
/// not sources: a message with its sources is printed as a chain, which said them twice.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("not JSON: {0}")]
    Json(serde_json::Error),
    #[error("not a hotpapers library (no \"format\": \"{LIBRARY_FORMAT}\")")]
    NotALibrary,
    #[error(
        "a library of version {0}, which this hotpapers does not know (it reads version {LIBRARY_VERSION})"
    )]
    Version(String),
    #[error("not a library of version {LIBRARY_VERSION}: {0}")]
    Shape(serde_json::Error),
    #[error("{0}")]
    Entry(String),
}

/// How much an import changed: how many stars, read marks, tags, "not for me" marks, seen
/// marks and queries were new, and how many notes were new or replaced an older one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub starred: usize,
    pub read: usize,
    pub tags: usize,
    pub notes: usize,
    pub not_for_me: usize,
    pub watch_seen: usize,
    pub watches: usize,
    pub queries: usize,
}

impl Library {
    /// A library with nothing in it, written at `now`.
    pub fn empty(now: i64) -> Library {
        Library {
            format: LIBRARY_FORMAT.to_string(),
            version: LIBRARY_VERSION,
            exported_at: now,
            starred: vec![],
            read: vec![],
            tags: vec![],
            notes: vec![],
            not_for_me: vec![],
            watch_seen: vec![],
            watches: vec![],
            queries: vec![],
        }
    }

    /// Reads a library file's text, checking its format, version, the types of its fields and
    /// its entries (see `check`).
    pub fn from_json(text: &str) -> Result<Library, LibraryError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(LibraryError::Json)?;
        if value.get("format").and_then(|f| f.as_str()) != Some(LIBRARY_FORMAT) {
            return Err(LibraryError::NotALibrary);
        }
        match value.get("version") {
            Some(v) if v.as_u64() == Some(LIBRARY_VERSION) => {}
            Some(v) => return Err(LibraryError::Version(v.to_string())),
            None => return Err(LibraryError::Version("none".into())),
        }
        // From the text again, not the value: serde_json's messages then say where.
        let library: Library = serde_json::from_str(text).map_err(LibraryError::Shape)?;
        library.check()?;
        Ok(library)
    }

    /// The file's text: pretty JSON ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Checks what the types do not: the format and version, that no paper key, watch name,
    /// note or query is empty, that every tag is one (see `tag_name`), and that every time is
    /// one (0 to `LATEST_TIME`). The first problem
    /// found is the error, naming the entry (`tags[3].tag`).
    pub fn check(&self) -> Result<(), LibraryError> {
        if self.format != LIBRARY_FORMAT {
            return Err(LibraryError::NotALibrary);
        }
        if self.version != LIBRARY_VERSION {
            return Err(LibraryError::Version(self.version.to_string()));
        }
        // Times are seconds since 1970: one before it or past the year 9999 is no time anything
        // was done, and nothing should have to do arithmetic on it.
        let time = |list: &str, i: usize, field: &str, t: i64| {
            if (0..=LATEST_TIME).contains(&t) {
                Ok(())
            } else {
                Err(LibraryError::Entry(format!(
                    "{list}[{i}].{field} is {t}, not a time (seconds since 1970, up to the year 9999)"
                )))
            }
        };
        if !(0..=LATEST_TIME).contains(&self.exported_at) {
            return Err(LibraryError::Entry(format!(
                "exported_at is {}, not a time (seconds since 1970, up to the year 9999)",
                self.exported_at
            )));
        }
        let filled = |list: &str, i: usize, field: &str, s: &str| {
            if s.trim().is_empty() {
                Err(LibraryError::Entry(format!("{list}[{i}].{field} is empty")))
            } else {
                Ok(())
            }
        };
        for (i, s) in self.starred.iter().enumerate() {
            filled("starred", i, "paper", &s.paper)?;
            time("starred", i, "starred_at", s.starred_at)?;
        }
        for (i, r) in self.read.iter().enumerate() {
            if r.trim().is_empty() {
                return Err(LibraryError::Entry(format!("read[{i}] is empty")));
            }
        }
        for (i, t) in self.tags.iter().enumerate() {
            filled("tags", i, "paper", &t.paper)?;
            time("tags", i, "tagged_at", t.tagged_at)?;
            tags::tag_name(&t.tag)
                .map_err(|e| LibraryError::Entry(format!("tags[{i}].tag: {e}")))?;
        }
        for (i, n) in self.notes.iter().enumerate() {
            filled("notes", i, "paper", &n.paper)?;
            filled("notes", i, "text", &n.text)?;
            time("notes", i, "updated_at", n.updated_at)?;
        }
        for (i, n) in self.not_for_me.iter().enumerate() {
            filled("not_for_me", i, "paper", &n.paper)?;
            time("not_for_me", i, "marked_at", n.marked_at)?;
        }
        for (i, s) in self.watch_seen.iter().enumerate() {
            filled("watch_seen", i, "watch", &s.watch)?;
            filled("watch_seen", i, "paper", &s.paper)?;
            time("watch_seen", i, "seen_at", s.seen_at)?;
        }
        for (i, w) in self.watches.iter().enumerate() {
            watch::watch_name(&w.name)
                .map_err(|e| LibraryError::Entry(format!("watches[{i}].name: {e}")))?;
            time("watches", i, "saved_at", w.saved_at)?;
            match crate::search::parse(&w.query) {
                Ok(q) if !q.is_empty() => {}
                Ok(_) => return Err(LibraryError::Entry(format!("watches[{i}].query is empty"))),
                Err(e) => {
                    return Err(LibraryError::Entry(format!("watches[{i}].query: {e}")));
                }
            }
        }
        for (i, q) in self.queries.iter().enumerate() {
            filled("queries", i, "query", &q.query)?;
            time("queries", i, "used_at", q.used_at)?;
        }
        Ok(())
    }
}

/// Everything in the state, read in one transaction so that it is one moment's state.
pub(super) fn export(conn: &Connection, now: i64) -> rusqlite::Result<Library> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
    let list = |sql: &str| -> rusqlite::Result<Vec<(String, i64)>> {
        let mut q = tx.prepare(sql)?;
        q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
    };
    let starred =
        list("SELECT id, COALESCE(starred_at, 0) FROM papers WHERE starred = 1 ORDER BY id")?
            .into_iter()
            .map(|(paper, starred_at)| Starred { paper, starred_at })
            .collect();
    let read = list("SELECT id, 0 FROM papers WHERE read = 1 ORDER BY id")?
        .into_iter()
        .map(|(paper, _)| paper)
        .collect();
    let tags = tags::rows(&tx)?
        .into_iter()
        .map(|(paper, tag, tagged_at)| Tagged {
            paper,
            tag,
            tagged_at,
        })
        .collect();
    let notes = {
        let mut q = tx.prepare("SELECT id, text, updated_at FROM notes ORDER BY id")?;
        q.query_map([], |r| {
            Ok(NoteRow {
                paper: r.get(0)?,
                text: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let not_for_me = list("SELECT id, marked_at FROM not_for_me ORDER BY id")?
        .into_iter()
        .map(|(paper, marked_at)| NotForMe { paper, marked_at })
        .collect();
    let watch_seen = watch::rows(&tx)?
        .into_iter()
        .map(|(watch, paper, seen_at)| Seen {
            watch,
            paper,
            seen_at,
        })
        .collect();
    let watches = watch::saved(&tx)?
        .into_iter()
        .map(|w| WatchRow {
            name: w.name,
            query: w.query,
            saved_at: w.saved_at,
        })
        .collect();
    let queries = history::entries(&tx)?
        .into_iter()
        .map(|(query, used_at)| Query { query, used_at })
        .collect();
    tx.commit()?;
    Ok(Library {
        format: LIBRARY_FORMAT.to_string(),
        version: LIBRARY_VERSION,
        exported_at: now,
        starred,
        read,
        tags,
        notes,
        not_for_me,
        watch_seen,
        watches,
        queries,
    })
}

/// Merges `lib` (already checked) into the state in one transaction.
pub(super) fn import(conn: &Connection, lib: &Library) -> rusqlite::Result<Merged> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut merged = Merged::default();
    {
        let mut star = tx.prepare(
            "INSERT INTO papers (id, starred, starred_at) VALUES (?1, 1, ?2)
             ON CONFLICT(id) DO UPDATE SET starred = 1, starred_at = excluded.starred_at
             WHERE papers.starred = 0",
        )?;
        for s in &lib.starred {
            merged.starred += star.execute(params![s.paper.trim(), s.starred_at])?;
        }
        let mut read = tx.prepare(
            "INSERT INTO papers (id, read) VALUES (?1, 1)
             ON CONFLICT(id) DO UPDATE SET read = 1 WHERE papers.read = 0",
        )?;
        for r in &lib.read {
            merged.read += read.execute([r.trim()])?;
        }
        let mut tag =
            tx.prepare("INSERT OR IGNORE INTO tags (id, tag, tagged_at) VALUES (?1, ?2, ?3)")?;
        for t in &lib.tags {
            // Checked before: every tag is one.
            let name = tags::tag_name(&t.tag).unwrap_or_else(|_| t.tag.clone());
            merged.tags += tag.execute(params![t.paper.trim(), name, t.tagged_at])?;
        }
        // A note replaces the one kept only when it was written later, and says something else.
        let mut note = tx.prepare(
            "INSERT INTO notes (id, text, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
             WHERE excluded.updated_at > notes.updated_at AND excluded.text <> notes.text",
        )?;
        for n in &lib.notes {
            merged.notes += note.execute(params![n.paper.trim(), n.text, n.updated_at])?;
        }
        let mut nfm =
            tx.prepare("INSERT OR IGNORE INTO not_for_me (id, marked_at) VALUES (?1, ?2)")?;
        for n in &lib.not_for_me {
            merged.not_for_me += nfm.execute(params![n.paper.trim(), n.marked_at])?;
        }
        let mut seen = tx
            .prepare("INSERT OR IGNORE INTO watch_seen (watch, id, seen_at) VALUES (?1, ?2, ?3)")?;
        for s in &lib.watch_seen {
            merged.watch_seen += seen.execute(params![s.watch, s.paper.trim(), s.seen_at])?;
        }
        // Of two watch lists of a name, the one saved last is kept.
        let mut watch = tx.prepare(
            "INSERT INTO watches (name, query, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at
             WHERE excluded.saved_at > watches.saved_at AND excluded.query <> watches.query",
        )?;
        for w in &lib.watches {
            merged.watches += watch.execute(params![w.name.trim(), w.query, w.saved_at])?;
        }
    }
    let queries: Vec<(String, i64)> = lib
        .queries
        .iter()
        .map(|q| (q.query.clone(), q.used_at))
        .collect();
    merged.queries = history::merge(&tx, &queries)?;
    tx.commit()?;
    Ok(merged)
}
