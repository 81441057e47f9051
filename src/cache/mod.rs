//! The persistent cache: an archive folder's parsed posts and search index kept on disk, so
//! that a second start reads only what changed. One file per archive folder, in
//! `$XDG_CACHE_HOME/hotpapers/` (else `~/.cache/hotpapers/`), named after the folder's
//! canonical path, which the file also holds and is checked against: a cache copied from
//! another folder is never trusted.
//!
//! A cache is only ever an optimisation: one that is missing, of another version, damaged,
//! truncated or foreign is reported once and rebuilt; one that cannot be written (a read-only
//! or full folder) means no cache, with one warning. Nothing here knows of the terminal.

mod file;
mod loader;
mod posts;
mod store;
#[cfg(test)]
mod tests;

pub use file::{FORMAT, Unusable};
pub use loader::{Loader, Pending};
pub use store::{Cache, MIN_POSTS, Warm, bypass, dir, enabled, worth_it};
