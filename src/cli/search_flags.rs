//! `search`'s flags: its order, and the flags that may come after its query words.

use std::path::PathBuf;

use clap::ValueEnum;

/// `search --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    Relevance,
    Newest,
    Score,
}

/// The flags of `search` that can come after its query.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SearchFlags {
    pub limit: Option<usize>,
    pub json: bool,
    pub sort: Option<SortBy>,
    pub archive: Option<PathBuf>,
    pub config: Option<PathBuf>,
}

/// Takes `--limit N`, `--json`, `--sort ORDER`, `--archive DIR` and `--config FILE` out of a
/// search query's words, into `flags`. The query must accept words starting with `-`
/// (exclusions), which makes clap hand it every later flag too.
pub fn split_search_flags(
    words: &[String],
    flags: &mut SearchFlags,
) -> Result<Vec<String>, String> {
    let mut query = Vec::new();
    let mut it = words.iter();
    while let Some(w) = it.next() {
        let (flag, inline) = match w.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (w.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match flag {
            "--json" if inline.is_none() => flags.json = true,
            "--limit" => {
                let v = value("--limit")?;
                flags.limit = Some(
                    v.parse()
                        .map_err(|_| format!("--limit takes a number, not {v:?}"))?,
                );
            }
            "--sort" => {
                let v = value("--sort")?;
                flags.sort =
                    Some(SortBy::from_str(&v, true).map_err(|_| {
                        format!("--sort takes relevance, newest or score, not {v:?}")
                    })?);
            }
            "--archive" => flags.archive = Some(PathBuf::from(value("--archive")?)),
            "--config" => flags.config = Some(PathBuf::from(value("--config")?)),
            _ => query.push(w.clone()),
        }
    }
    Ok(query)
}
