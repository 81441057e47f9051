//! What can go wrong with the reading state.

use std::path::PathBuf;

use super::schema::SCHEMA_VERSION;
use super::tags::BadTag;
use super::transfer::LibraryError;
use super::watch::BadWatch;

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: cannot create the state folder")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path}: the database is from a newer hotpapers (schema {found}, this one knows {SCHEMA_VERSION})"
    )]
    TooNew { path: PathBuf, found: usize },
    #[error(
        "{path}: the database is of an older schema ({found}), which cannot be brought up to date while it cannot be written"
    )]
    OldReadOnly { path: PathBuf, found: usize },
    #[error("{0}")]
    BadTag(#[from] BadTag),
    /// A watch list's name that cannot be one.
    #[error("{0}")]
    BadWatch(#[from] BadWatch),
    #[error("{0}")]
    Library(#[from] LibraryError),
}

impl StateError {
    /// Whether another program holds the database's lock.
    pub fn is_locked(&self) -> bool {
        matches!(self, StateError::Sqlite { source, .. } if matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        ))
    }

    /// Whether the same change may succeed later: the database is locked, or cannot be opened,
    /// read or written just now (a full disk, an I/O error, the folder gone or read-only for a
    /// while). A refused change (a bad tag, say) or a database from a newer hotpapers is not.
    pub fn may_pass(&self) -> bool {
        use rusqlite::ErrorCode as C;
        match self {
            StateError::Folder { .. } => true,
            StateError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(
                    C::DatabaseBusy
                        | C::DatabaseLocked
                        | C::SystemIoFailure
                        | C::DiskFull
                        | C::CannotOpen
                        | C::ReadOnly
                        | C::PermissionDenied
                        | C::FileLockingProtocolFailed
                        | C::OutOfMemory
                )
            ),
            _ => false,
        }
    }
}
