//! The archive as a whole: days oldest first, one per date, loaded from a folder (or counted
//! without keeping them), with what went wrong on the way.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::diagnostic::{ArchiveError, Diagnostic, Severity, count};
use super::discover::{discover, posts_root};
use super::intern::InfoPool;
use super::model::Day;
use super::post::Parsed;
use super::{read, sample};

/// A loaded archive: days oldest first, one per date, and what went wrong while loading.
#[derive(Debug, Default, Clone)]
pub struct Archive {
    /// The folder the posts came from; `None` for the bundled sample.
    pub root: Option<PathBuf>,
    /// Shared, so that a reload keeps the days of unchanged posts without copying them.
    pub days: Vec<Arc<Day>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The invented sample built into the binary, not anybody's archive.
    pub sample: bool,
}

impl Archive {
    /// Loads every post under `dir` (a folder of posts or a blog checkout), using all cores.
    pub fn load(dir: &Path) -> Result<Archive, ArchiveError> {
        let root = posts_root(dir)?;
        let (files, mut diagnostics) = discover(&root)?;
        let parsed = read::read_all(&files, Some(&InfoPool::default()), |p| p);
        let mut archive = Archive::assemble_in(parsed, &root);
        diagnostics.append(&mut archive.diagnostics);
        archive.diagnostics = diagnostics;
        archive.root = Some(root);
        Ok(archive)
    }

    /// What `load` would report about `dir` (its diagnostics, in the same order, and the counts),
    /// without keeping the days: each post is dropped as soon as it is counted, so memory stays
    /// small however large the archive. This is what `hotpapers check` needs.
    pub fn summarize(dir: &Path) -> Result<Summary, ArchiveError> {
        let root = posts_root(dir)?;
        let (files, mut diagnostics) = discover(&root)?;
        let parsed = read::count_all(&files, |p| {
            let day = p.day.map(|d| DayCounts {
                date: d.date,
                published: d.published,
                papers: d.papers.len(),
                tweets: d.papers.iter().map(|p| p.tweets.len()).sum(),
                file: d.file,
            });
            (day, p.diagnostics)
        });
        let mut days = Vec::with_capacity(parsed.len());
        for (day, mut diags) in parsed {
            diagnostics.append(&mut diags);
            days.extend(day);
        }
        let days = keep_newest(days, &root, &mut diagnostics);
        Ok(Summary {
            root: Some(root),
            days: days.len(),
            papers: days.iter().map(|d| d.papers).sum(),
            tweets: days.iter().map(|d| d.tweets).sum(),
            diagnostics,
        })
    }

    /// An archive of these days (as they are: not sorted, nothing checked), for tests and tools.
    pub fn from_days(days: Vec<Day>) -> Archive {
        Archive {
            days: days.into_iter().map(Arc::new).collect(),
            ..Archive::default()
        }
    }

    /// The sample archive embedded in the binary.
    pub fn sample() -> Archive {
        let mut a = Archive::assemble_in(sample::parse_all(), Path::new(sample::SAMPLE_PREFIX));
        a.sample = true;
        a
    }

    /// Builds an archive from parsed posts: sorts the days and keeps one post per date.
    pub fn assemble(parsed: Vec<Parsed>) -> Archive {
        Archive::assemble_in(parsed, Path::new(""))
    }

    /// `assemble` for posts whose files are relative to `base`. A day only knows its relative
    /// file, so the duplicate warning joins `base` back on to name the file like every other
    /// diagnostic does.
    pub(super) fn assemble_in(parsed: Vec<Parsed>, base: &Path) -> Archive {
        Archive::assemble_shared(
            parsed
                .into_iter()
                .map(|p| (p.day.map(Arc::new), p.diagnostics)),
            base,
        )
    }

    /// `assemble_in` for days that may be shared with another archive (see `Reloader`).
    pub(super) fn assemble_shared<D: IntoIterator<Item = Diagnostic>>(
        posts: impl ExactSizeIterator<Item = (Option<Arc<Day>>, D)>,
        base: &Path,
    ) -> Archive {
        let mut diagnostics = Vec::new();
        let mut days = Vec::with_capacity(posts.len());
        for (day, diags) in posts {
            diagnostics.extend(diags);
            days.extend(day);
        }
        let days = keep_newest(days, base, &mut diagnostics);
        Archive {
            root: None,
            days,
            diagnostics,
            sample: false,
        }
    }

    pub fn errors(&self) -> usize {
        count(&self.diagnostics, Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        count(&self.diagnostics, Severity::Warning)
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

/// What `Archive::summarize` reports: the counts and diagnostics of a full load.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The folder the posts came from.
    pub root: Option<PathBuf>,
    /// Days kept (one per date).
    pub days: usize,
    pub papers: usize,
    pub tweets: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Summary {
    pub fn errors(&self) -> usize {
        count(&self.diagnostics, Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        count(&self.diagnostics, Severity::Warning)
    }
}

/// What `summarize` keeps of a day.
struct DayCounts {
    date: NaiveDate,
    published: Option<NaiveDateTime>,
    file: String,
    papers: usize,
    tweets: usize,
}

/// A day, or what is kept of one, as far as choosing between two posts for one date goes.
trait Dated {
    fn key(&self) -> (NaiveDate, Option<NaiveDateTime>, &str);
}

impl Dated for Arc<Day> {
    fn key(&self) -> (NaiveDate, Option<NaiveDateTime>, &str) {
        (self.date, self.published, &self.file)
    }
}

impl Dated for DayCounts {
    fn key(&self) -> (NaiveDate, Option<NaiveDateTime>, &str) {
        (self.date, self.published, &self.file)
    }
}

/// Sorts days by date and keeps one per date, the newest publication, warning about the others.
/// A day only knows its file relative to `base`, so the warning joins `base` back on to name the
/// file like every other diagnostic does.
fn keep_newest<T: Dated>(
    mut days: Vec<T>,
    base: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<T> {
    // Newest publication last within a date, so the survivor of a duplicate is the last one.
    days.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut kept: Vec<T> = Vec::with_capacity(days.len());
    for day in days {
        let (date, _, file) = day.key();
        match kept.last_mut().filter(|d| d.key().0 == date) {
            Some(prev) => {
                diagnostics.push(Diagnostic::warning(
                    base.join(prev.key().2),
                    None,
                    format!("second post for {date}; {file} is newer and is shown instead"),
                ));
                *prev = day;
            }
            None => kept.push(day),
        }
    }
    kept
}
