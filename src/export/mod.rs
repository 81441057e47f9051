//! Taking papers out of the reader: which papers (`Selection`, `select`) and in which format
//! (`Format`, `write`) for other tools. No terminal code.
//!
//! Every format lists days oldest first and papers in rank order. JSON, CSV and Markdown keep
//! one entry per listing (a paper listed on three days appears three times, with that day's
//! rank and counts); BibTeX gives each paper once, since a bibliography lists a work once.
//!
//! What a post holds is untrusted, and some formats are read by programs that act on it: the
//! Markdown and BibTeX links are only those the reader would open, Markdown and BibTeX text is
//! escaped so that it stays text, and CSV cells that a spreadsheet would run as formulas are
//! neutralized (see each format). JSON is data for programs, every field as loaded.

pub mod bibtex;
pub mod csv;
pub mod json;
pub mod markdown;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::archive::{Archive, Day, Paper};
use crate::state::{Snapshot, StateError, Store};

/// The output formats of `hotpapers export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An array of days, oldest first, with every field of every paper and tweet.
    Json,
    /// One arXiv-style @misc entry per paper.
    Bibtex,
    /// A header row, then one row per paper listing (RFC 4180).
    Csv,
    /// A readable digest: a heading per day and a numbered line per paper.
    Markdown,
}

/// Which days and papers to export. The default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Days from this one on (inclusive).
    pub since: Option<NaiveDate>,
    /// Days up to this one (inclusive).
    pub until: Option<NaiveDate>,
    /// Only starred papers.
    pub starred: bool,
    /// Only papers not yet read.
    pub unread: bool,
    /// Only papers with any of these tags (compared as the state compares tags, ignoring the
    /// case of ASCII letters); none: any paper.
    pub tags: Vec<String>,
}

impl Selection {
    fn wants_day(&self, date: NaiveDate) -> bool {
        self.day.is_none_or(|d| d == date)
            && self.since.is_none_or(|d| date >= d)
            && self.until.is_none_or(|d| date <= d)
    }

    /// Whether papers are chosen one by one (not just whole days).
    pub fn filters_papers(&self) -> bool {
        self.starred || self.unread || !self.tags.is_empty()
    }

    fn wants_paper(&self, paper: &Paper, marks: &Snapshot) -> bool {
        if !self.filters_papers() {
            return true;
        }
        let key = &paper.key;
        let tagged = || {
            marks.tags.get(key).is_some_and(|have| {
                have.iter()
                    .any(|h| self.tags.iter().any(|t| t.eq_ignore_ascii_case(h)))
            })
        };
        (!self.starred || marks.starred.contains_key(key))
            && (!self.unread || !marks.read.contains(key))
            && (self.tags.is_empty() || tagged())
    }
}

/// The selected days, oldest first. Days are chosen by date; with `starred` or `unread`, a day
/// keeps only its matching papers and a day left without any is dropped. Without those, a day
/// is exported whole, even one whose post lists no papers (so the whole span of an archive
/// exports exactly like the archive).
pub fn select<'a>(archive: &'a Archive, sel: &Selection, marks: &Snapshot) -> Vec<Cow<'a, Day>> {
    archive
        .days
        .iter()
        .filter(|d| sel.wants_day(d.date))
        .filter_map(|d| {
            if !sel.filters_papers() {
                return Some(Cow::Borrowed(&**d));
            }
            if d.papers.iter().all(|p| sel.wants_paper(p, marks)) && !d.papers.is_empty() {
                return Some(Cow::Borrowed(&**d));
            }
            let papers: Vec<Paper> = d
                .papers
                .iter()
                .filter(|p| sel.wants_paper(p, marks))
                .cloned()
                .collect();
            (!papers.is_empty()).then(|| {
                Cow::Owned(Day {
                    date: d.date,
                    title: d.title.clone(),
                    file: d.file.clone(),
                    published: d.published,
                    papers,
                })
            })
        })
        .collect()
}

/// The marks kept in the state folder `dir`: read and starred for `--starred` and `--unread`,
/// tags for `--tag` and the outputs, notes for the outputs. Without a folder or a database in
/// it, nothing is starred, read, tagged or noted; no database is created. The notice says a damaged database was moved aside (see `Store::open`).
pub fn marks(dir: Option<&Path>) -> Result<(Snapshot, Option<String>), StateError> {
    match dir {
        Some(dir) if dir.join("state.db").is_file() => {
            let (store, notice) = Store::open(dir)?;
            Ok((store.load()?, notice))
        }
        _ => Ok((Snapshot::default(), None)),
    }
}

/// Writes `days` in `format`, ending with a newline, each paper with its tags and note from
/// `marks`; CSV cells as `cells` says.
pub fn write<W: Write>(
    out: &mut W,
    format: Format,
    days: &[Cow<'_, Day>],
    marks: &Snapshot,
    cells: csv::Cells,
) -> io::Result<()> {
    let days_ = || days.iter().map(|d| d.as_ref());
    match format {
        Format::Json => json::write(out, days, marks),
        Format::Bibtex => bibtex::write(out, days_(), marks),
        Format::Csv => csv::write(out, days_(), marks, cells),
        Format::Markdown => markdown::write(out, days_(), marks),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(days: &[Cow<'_, Day>]) -> Vec<String> {
        days.iter().map(|d| d.date.to_string()).collect()
    }

    #[test]
    fn days_by_date_and_papers_by_mark() {
        let a = Archive::sample();
        let none = Snapshot::default();
        let all = select(&a, &Selection::default(), &none);
        assert_eq!(all.len(), a.days.len());
        assert!(all.iter().all(|d| matches!(d, Cow::Borrowed(_))));

        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let span = Selection {
            since: Some(d("2024-03-07")),
            until: Some(d("2024-03-11")),
            ..Default::default()
        };
        // 2024-03-08 has a post without papers: kept, as in a plain export.
        assert_eq!(
            dates(&select(&a, &span, &none)),
            ["2024-03-07", "2024-03-08", "2024-03-11"]
        );

        let mut marks = Snapshot::default();
        let first = &a.days[0].papers[0];
        marks.starred.insert(first.key.clone(), 1);
        let starred = Selection {
            starred: true,
            ..Default::default()
        };
        let got = select(&a, &starred, &marks);
        assert_eq!(got[0].papers, std::slice::from_ref(first));
        // A paper listed again later is starred there too; nothing else is kept.
        assert!(
            got.iter()
                .all(|d| d.papers.len() == 1 && d.papers[0].key == first.key)
        );

        // Unread: everything but the read papers; a day read through is dropped.
        for p in &a.days[1].papers {
            marks.read.insert(p.key.clone());
        }
        let unread = Selection {
            unread: true,
            ..Default::default()
        };
        let got = select(&a, &unread, &marks);
        assert!(!dates(&got).contains(&a.days[1].date.to_string()));
        assert!(!dates(&got).contains(&"2024-03-08".to_string()));
        // A day with nothing read is lent as it is; one with some read papers is a copy.
        let day = |date: &str| got.iter().find(|d| d.date.to_string() == date).unwrap();
        assert!(matches!(day("2024-03-06"), Cow::Borrowed(_)));
        assert!(matches!(day("2024-03-04"), Cow::Owned(_)));
        assert_eq!(day("2024-03-04").papers.len(), a.days[0].papers.len() - 1);
    }

    #[test]
    fn papers_by_tag_any_of_several_ignoring_case() {
        let a = Archive::sample();
        let mut marks = Snapshot::default();
        let first = &a.days[0].papers[0];
        let tagged = |marks: &Snapshot, tags: &[&str]| {
            let sel = Selection {
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..Default::default()
            };
            select(&a, &sel, marks)
                .iter()
                .flat_map(|d| d.papers.iter().map(|p| p.key.clone()))
                .collect::<Vec<_>>()
        };
        assert!(tagged(&marks, &["rl"]).is_empty());
        marks
            .tags
            .insert(first.key.clone(), vec!["RL".into(), "theory".into()]);
        let second = a
            .days
            .iter()
            .flat_map(|d| &d.papers)
            .find(|p| p.key != first.key)
            .unwrap();
        marks.tags.insert(second.key.clone(), vec!["vision".into()]);
        assert!(tagged(&marks, &["rl"]).iter().all(|k| *k == first.key));
        assert!(!tagged(&marks, &["rl"]).is_empty());
        let either = tagged(&marks, &["vision", "theory", "nothing"]);
        assert!(either.contains(&first.key) && either.contains(&second.key));
        assert!(either.iter().all(|k| *k == first.key || *k == second.key));
    }
}
