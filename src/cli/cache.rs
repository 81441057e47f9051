//! `hotpapers cache`'s actions.

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::Subcommand)]
pub enum CacheAction {
    /// Print where the archive's cache is and its size (the default).
    Info,
    /// Remove the archive's cache.
    Clear,
}
