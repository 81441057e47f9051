//! Loading in two steps, so the reader can draw before a large archive is parsed: list the
//! posts (cheap: names only), parse just the day to show, then parse the rest in the background.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::collection::Archive;
use super::dates::find_date;
use super::diagnostic::{ArchiveError, Diagnostic};
use super::discover::{PostFile, discover, posts_root};
use super::intern::InfoPool;
use super::read;

/// The posts of an archive folder, not yet read.
#[derive(Debug, Clone)]
pub struct Listing {
    pub root: PathBuf,
    pub files: Vec<PostFile>,
    /// Problems found while listing (unreadable folders, symlink loops, ...).
    pub diagnostics: Vec<Diagnostic>,
}

impl Listing {
    pub fn scan(dir: &Path) -> Result<Listing, ArchiveError> {
        let root = posts_root(dir)?;
        let (files, diagnostics) = discover(&root)?;
        Ok(Listing {
            root,
            files,
            diagnostics,
        })
    }

    /// The day the file names point at for `want` (the newest when `None`): `want` itself if a
    /// file carries it, else the nearest earlier day, else the nearest later one. `None` when
    /// no file name has a date.
    pub fn day_for(&self, want: Option<NaiveDate>) -> Option<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self.files.iter().filter_map(name_date).collect();
        dates.sort_unstable();
        dates.dedup();
        let want = match want {
            None => return dates.last().copied(),
            Some(w) => w,
        };
        match dates.binary_search(&want) {
            Ok(i) => Some(dates[i]),
            Err(0) => dates.first().copied(),
            Err(i) => Some(dates[i - 1]),
        }
    }

    /// Parses only the posts whose file names carry `day`: enough for a first screen. The full
    /// load replaces it (a post whose name lacks its date appears then).
    pub fn first_day(&self, day: NaiveDate) -> Archive {
        let files: Vec<PostFile> = self
            .files
            .iter()
            .filter(|f| name_date(f) == Some(day))
            .cloned()
            .collect();
        let parsed = read::read_all(&files, Some(&InfoPool::default()), |p| p);
        let mut archive = Archive::assemble_in(parsed, &self.root);
        archive.root = Some(self.root.clone());
        archive
    }

    /// Parses every post on all cores, counting finished files in `done` as it goes.
    pub fn load_all(&self, done: &AtomicUsize) -> Archive {
        let parsed = read::read_all(&self.files, Some(&InfoPool::default()), |p| {
            done.fetch_add(1, Ordering::Relaxed);
            p
        });
        let mut archive = Archive::assemble_in(parsed, &self.root);
        let mut diagnostics = self.diagnostics.clone();
        diagnostics.append(&mut archive.diagnostics);
        archive.diagnostics = diagnostics;
        archive.root = Some(self.root.clone());
        archive
    }
}

/// `date_from_name` of a listed file, without taking its path apart: the file name is what
/// follows the last `/` of its relative path (its parts are names, never `.` or `..`).
fn name_date(file: &PostFile) -> Option<NaiveDate> {
    let rel = &file.rel;
    find_date(memchr::memrchr(b'/', rel.as_bytes()).map_or(rel.as_str(), |i| &rel[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(names: &[&str]) -> Listing {
        let files = names
            .iter()
            .map(|n| PostFile {
                path: PathBuf::from(n),
                rel: n.to_string(),
            })
            .collect();
        Listing {
            root: PathBuf::new(),
            files,
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn the_day_to_show_comes_from_file_names() {
        let l = listing(&[
            "2024-01-02---Hot-Papers.md",
            "2024-01-05---Hot-Papers.md",
            "notes/2023/2023-12-31-x.md",
            "about.md",
        ]);
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(l.day_for(None), d("2024-01-05"));
        assert_eq!(l.day_for(d("2024-01-02")), d("2024-01-02"));
        assert_eq!(l.day_for(d("2024-01-04")), d("2024-01-02"));
        assert_eq!(l.day_for(d("2020-01-01")), d("2023-12-31"));
        assert_eq!(listing(&["about.md"]).day_for(None), None);
    }
}
