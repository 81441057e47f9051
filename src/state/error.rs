//! What can go wrong with the reading state.

use std::path::PathBuf;

use super::schema::SCHEMA_VERSION;
use super::tags::BadTag;
use super::transfer::LibraryError;
use super::watch::BadWatchName;

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
    #[error("{0}")]
    BadTag(#[from] BadTag),
    #[error("{0}")]
    BadWatch(#[from] BadWatchName),
    #[error("{0}")]
    Library(#[from] LibraryError),
}
