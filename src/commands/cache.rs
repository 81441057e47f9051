//! `hotpapers cache`: where the archive's cache is and how big (`info`), or removing it
//! (`clear`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{archive_dir, blame_config};
use crate::archive::{Escaped, posts_root};
use crate::cache::{self, Cache};
use crate::cli::{CacheAction, Cli};
use crate::config::Config;

pub fn run(
    cli: &Cli,
    config: &Config,
    action: Option<CacheAction>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let Some(dir) = archive_dir(cli, config) else {
        anyhow::bail!("no archive given: the built-in sample has no cache");
    };
    let root = blame_config(posts_root(&dir), cli, config)?;
    if !cache::enabled() {
        writeln!(out, "The cache is off (--no-cache or HOTPAPERS_CACHE=off).")?;
        return Ok(ExitCode::SUCCESS);
    }
    let cache = cache::dir()
        .and_then(|d| Cache::in_dir(&d, &root))
        .context("no cache folder: set XDG_CACHE_HOME (or HOME)")?;
    let path = cache.path().display().to_string();
    let path = Escaped(&path);
    match action.unwrap_or(CacheAction::Info) {
        CacheAction::Info => match cache.size() {
            Some(n) => writeln!(out, "{path}: {n} bytes")?,
            None if !cache::worth_it(crate::archive::Listing::scan(&root)?.files.len()) => {
                writeln!(
                    out,
                    "{path}: none kept (archives of fewer than {} posts are read as fast without one; HOTPAPERS_CACHE=on keeps one)",
                    cache::MIN_POSTS
                )?
            }
            None => writeln!(out, "{path}: no cache yet")?,
        },
        CacheAction::Clear => {
            let removed = cache
                .clear()
                .with_context(|| format!("cannot remove {path}"))?;
            if removed {
                writeln!(out, "Removed {path}")?;
            } else {
                writeln!(out, "No cache to remove ({path})")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
