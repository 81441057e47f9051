//! Opening the database: creating it, bringing its schema up to date, moving a damaged one
//! aside, and opening it read-only when it cannot be written (a read-only file system, a
//! folder without write permission), so that what it holds is still shown and exported.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::StateError;
use super::schema::{self, SCHEMA_VERSION};
use super::store::Store;

/// How long a command waits for another program's lock on the database before failing.
pub const PATIENCE: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating) `dir/state.db`, waiting up to `PATIENCE` for another program's lock. A
    /// file that is not a usable database is renamed to `state.db.damaged-<unix time>` and a
    /// fresh one is started; the returned notice says so. A database that cannot be written is
    /// opened read-only (see `read_only`).
    pub fn open(dir: &Path) -> Result<(Store, Option<String>), StateError> {
        Store::open_waiting(dir, PATIENCE)
    }

    /// `open`, waiting up to `patience` for a lock (each statement then waits as long).
    pub fn open_waiting(
        dir: &Path,
        patience: Duration,
    ) -> Result<(Store, Option<String>), StateError> {
        let path = dir.join("state.db");
        if let Err(source) = std::fs::create_dir_all(dir) {
            if path.is_file() {
                return Store::open_read_only(&path).map(|s| (s, None));
            }
            return Err(StateError::Folder {
                path: dir.to_path_buf(),
                source,
            });
        }
        match Store::open_file(&path, patience) {
            Ok(store) => Ok((store, None)),
            Err(StateError::Sqlite { source, .. }) if is_damage(&source) => {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let aside = dir.join(format!("state.db.damaged-{stamp}"));
                std::fs::rename(&path, &aside).map_err(|source| StateError::Folder {
                    path: path.clone(),
                    source,
                })?;
                for ext in ["-wal", "-shm"] {
                    let side = dir.join(format!("state.db{ext}"));
                    let _ =
                        std::fs::rename(&side, dir.join(format!("state.db.damaged-{stamp}{ext}")));
                }
                let store = Store::open_file(&path, patience)?;
                let notice = format!(
                    "The reading state was damaged ({source}); it was moved to {} and a new one started",
                    aside.display()
                );
                Ok((store, Some(notice)))
            }
            Err(StateError::Sqlite { source, .. }) if cannot_write(&source) && path.is_file() => {
                Store::open_read_only(&path).map(|s| (s, None))
            }
            Err(e) => Err(e),
        }
    }

    fn open_file(path: &Path, patience: Duration) -> Result<Store, StateError> {
        let err = |source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(patience).map_err(err)?;
        // Reading the header here makes a damaged file fail now, not at the first write.
        // Turning a database of the old journal into WAL needs it to itself, and SQLite says
        // "busy" at once rather than through the busy timeout while another opener holds it:
        // try again for as long as the timeout would have waited (in all: a holder that makes
        // each try wait the timeout must not make it wait that many times over).
        let now = std::time::Instant::now();
        let until = now.checked_add(patience).unwrap_or(now);
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == ErrorCode::DatabaseBusy && std::time::Instant::now() < until =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => break other.map_err(err)?,
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        check(&conn).map_err(err)?;
        let mut conn = conn;
        match schema::migrate(&mut conn).map_err(err)? {
            Ok(()) => Ok(Store {
                conn,
                path: path.to_path_buf(),
                read_only: false,
            }),
            Err(found) => Err(StateError::TooNew {
                path: path.to_path_buf(),
                found,
            }),
        }
    }

    /// Opens the database at `path` only to read it. A database in WAL mode needs its shared
    /// memory file, which a read-only folder without one cannot get: it is then opened as
    /// immutable (nothing is locked, and a WAL file left beside it is not read: a reader that
    /// quit cleanly leaves none).
    fn open_read_only(path: &Path) -> Result<Store, StateError> {
        let err = |source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let plain = Connection::open_with_flags(path, flags).and_then(|c| check(&c).map(|_| c));
        let conn = match plain {
            Ok(c) => c,
            // SQLite says "cannot open", or (3.44 and later) "read-only directory".
            Err(e) if cannot_write(&e) => {
                let c = Connection::open_with_flags(immutable_uri(path), flags).map_err(err)?;
                check(&c).map_err(err)?;
                c
            }
            Err(e) => return Err(err(e)),
        };
        let found = schema::version(&conn).map_err(err)?;
        if found > SCHEMA_VERSION {
            return Err(StateError::TooNew {
                path: path.to_path_buf(),
                found,
            });
        }
        if found < SCHEMA_VERSION {
            // Its tables are of an older schema, which only a write could bring up to date.
            return Err(StateError::OldReadOnly {
                path: path.to_path_buf(),
                found,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }
}

/// Whether the database file is whole: SQLite's quick check says "ok".
fn check(conn: &Connection) -> rusqlite::Result<()> {
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(ok),
        ));
    }
    Ok(())
}

/// `file:` URI of `path` asking SQLite to treat it as immutable; every byte that is not
/// plainly safe in a URI path is percent-encoded.
fn immutable_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Whether `e` says the database or its folder cannot be written.
fn cannot_write(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_immutable_uri_encodes_what_a_uri_would_read_otherwise() {
        assert_eq!(
            immutable_uri(Path::new("/tmp/a b/50%?#x/state.db")),
            "file:/tmp/a%20b/50%25%3F%23x/state.db?immutable=1"
        );
    }
}
