//! The archive: a folder of daily digest posts turned into a model, with diagnostics for every
//! problem found on the way. Nothing here knows about terminals.

mod body;
mod diagnostic;
mod discover;
mod frontmatter;
mod model;
mod post;
mod read;
pub mod sample;
pub mod text;
mod tweet;

use std::path::{Path, PathBuf};

pub use diagnostic::{ArchiveError, Diagnostic, Severity};
pub use discover::{PostFile, discover, posts_root};
pub use frontmatter::{find_date, parse_published};
pub use model::{Day, Paper, Tweet};
pub use post::{MAX_FILE_SIZE, Parsed, date_from_name, parse_post};
pub use read::read_post;

/// A loaded archive: days oldest first, one per date, and what went wrong while loading.
#[derive(Debug, Default, Clone)]
pub struct Archive {
    /// The folder the posts came from; `None` for the bundled sample.
    pub root: Option<PathBuf>,
    pub days: Vec<Day>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Archive {
    /// Loads every post under `dir` (a folder of posts or a blog checkout), using all cores.
    pub fn load(dir: &Path) -> Result<Archive, ArchiveError> {
        let root = posts_root(dir)?;
        let (files, mut diagnostics) = discover(&root)?;
        let parsed = read::read_all(&files);
        let mut archive = Archive::assemble_in(parsed, &root);
        diagnostics.append(&mut archive.diagnostics);
        archive.diagnostics = diagnostics;
        archive.root = Some(root);
        Ok(archive)
    }

    /// The sample archive embedded in the binary.
    pub fn sample() -> Archive {
        Archive::assemble_in(sample::parse_all(), Path::new(sample::SAMPLE_PREFIX))
    }

    /// Builds an archive from parsed posts: sorts the days and keeps one post per date.
    pub fn assemble(parsed: Vec<Parsed>) -> Archive {
        Archive::assemble_in(parsed, Path::new(""))
    }

    /// `assemble` for posts whose files are relative to `base`. A day only knows its relative
    /// file, so the duplicate warning joins `base` back on to name the file like every other
    /// diagnostic does.
    fn assemble_in(parsed: Vec<Parsed>, base: &Path) -> Archive {
        let mut diagnostics = Vec::new();
        let mut days = Vec::with_capacity(parsed.len());
        for p in parsed {
            diagnostics.extend(p.diagnostics);
            days.extend(p.day);
        }
        // Newest publication last within a date, so the survivor of a duplicate is the last one.
        days.sort_by(|a, b| (a.date, a.published, &a.file).cmp(&(b.date, b.published, &b.file)));
        let mut kept: Vec<Day> = Vec::with_capacity(days.len());
        for day in days {
            if let Some(prev) = kept.last_mut().filter(|d| d.date == day.date) {
                diagnostics.push(Diagnostic::warning(
                    base.join(&prev.file),
                    None,
                    format!(
                        "second post for {}; {} is newer and is shown instead",
                        day.date, day.file
                    ),
                ));
                *prev = day;
            } else {
                kept.push(day);
            }
        }
        Archive {
            root: None,
            days: kept,
            diagnostics,
        }
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn paper_count(&self) -> usize {
        self.days.iter().map(|d| d.papers.len()).sum()
    }

    pub fn tweet_count(&self) -> usize {
        self.days
            .iter()
            .flat_map(|d| &d.papers)
            .map(|p| p.tweets.len())
            .sum()
    }

    /// Index of the day for `date`, or of the nearest earlier day (the nearest later one if none
    /// is earlier). `None` only for an empty archive.
    pub fn nearest_day(&self, date: chrono::NaiveDate) -> Option<usize> {
        if self.days.is_empty() {
            return None;
        }
        match self.days.binary_search_by_key(&date, |d| d.date) {
            Ok(i) => Some(i),
            Err(0) => Some(0),
            Err(i) => Some(i - 1),
        }
    }
}
