//! What the library's commands share: the reading state's store (the reader's, see
//! `state::default_dir`), naming papers of the archive by arXiv id or link, and the time.

use anyhow::{Context, Result};

use super::report;
use crate::archive::{Archive, Paper};
use crate::search::{Target, find_paper, parse_target};
use crate::state::{self, Store};

/// The reader's store, created when there is none yet; a damaged one moved aside is said on
/// stderr.
pub fn open_store() -> Result<Store> {
    let dir = state::default_dir().context(
        "no folder for the reading state: set HOTPAPERS_STATE_DIR (or XDG_STATE_HOME or HOME)",
    )?;
    let (store, notice) = Store::open(&dir).context("opening the reading state")?;
    if let Some(n) = notice {
        report(n);
    }
    Ok(store)
}

/// The paper of the archive that `given` names: an arXiv id, new or old style, with or without
/// a version or `arXiv:`, or an abs or pdf link. Of a paper listed on several days, the last
/// listing. The error says which, for people.
pub fn find<'a>(archive: &'a Archive, given: &str) -> Result<&'a Paper, String> {
    let Ok(Target::Paper(id)) = parse_target(given) else {
        return Err(format!("{given:?} is not an arXiv id or link"));
    };
    let at = find_paper(archive, &id).ok_or_else(|| format!("{id} is not in the archive"))?;
    Ok(&archive.days[at.day].papers[at.paper])
}

/// The paper `given` names, or an error saying why there is none.
pub fn find_one<'a>(archive: &'a Archive, given: &str) -> Result<&'a Paper> {
    find(archive, given).map_err(anyhow::Error::msg)
}

/// How a paper is named in messages: its arXiv id, else its key.
pub fn name(paper: &Paper) -> &str {
    paper.arxiv_id.as_deref().unwrap_or(paper.key.as_str())
}

/// Seconds since 1970.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
