//! "Go to": what a reader may type to jump somewhere in the archive (a day, a month, the latest
//! day, or a paper by its arXiv id or link), and finding that place in an archive.

use chrono::{Datelike, NaiveDate};

use super::arxiv_id::{canonical, paper_id};
use super::index::PaperRef;
use crate::archive::{Archive, Paper};

/// Where to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Day(NaiveDate),
    /// A month; which of its days to show (see `month_start`) is the caller's choice.
    Month {
        year: i32,
        month: u32,
    },
    /// The newest day of the archive.
    Latest,
    /// A paper by its bare arXiv id: no `arXiv:`, no version, no subject class
    /// (`2201.04182`, `hep-th/9901001`).
    Paper(String),
}

/// What the reader typed cannot be gone to. The message says what can, for the prompt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GotoError {
    #[error("type where to go: {ACCEPTED}")]
    Empty,
    /// Shaped like a date, but not one of the calendar (`2021-02-30`, `2021-13`).
    #[error("{0} is not in the calendar")]
    NoSuchDate(String),
    #[error("not a day, month or paper; go to {ACCEPTED}")]
    Unknown,
}

const ACCEPTED: &str = "a day (2021-03-01), a month (2021-03), latest, \
                        or a paper's arXiv id or link (2201.04182, arxiv.org/abs/2201.04182)";

/// Reads a go-to target. Surrounding white space is ignored, and so is case where it carries
/// no meaning (`LATEST`, `arXiv:`, `HTTPS://ArXiv.org`). Papers are taken as an arXiv id, new
/// style (`2201.04182`, `2201.04182v2`) or old (`hep-th/9901001`, `math.GT/0309136v1`),
/// optionally after `arXiv:`, or as an abs or pdf link on arxiv.org, www.arxiv.org or
/// export.arxiv.org, with or without its `http(s)://`.
pub fn parse_target(input: &str) -> Result<Target, GotoError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(GotoError::Empty);
    }
    if s.eq_ignore_ascii_case("latest") {
        return Ok(Target::Latest);
    }
    if let Some(found) = date(s) {
        return found;
    }
    paper_id(s).map(Target::Paper).ok_or(GotoError::Unknown)
}

/// The newest listing of the paper with arXiv id `id`: days are searched from the newest, so
/// a paper listed on several days is found where it was last talked about. Versions and the old
/// ids' subject class are ignored on both sides (`2201.04182v2` finds `2201.04182`).
pub fn find_paper(archive: &Archive, id: &str) -> Option<PaperRef> {
    let want = canonical(id);
    let same = |have: &str| canonical(have).eq_ignore_ascii_case(&want);
    archive.days.iter().enumerate().rev().find_map(|(day, d)| {
        let listed = |p: &Paper| p.arxiv_id.as_deref().is_some_and(same);
        let paper = d.papers.iter().position(listed)?;
        Some(PaperRef { day, paper })
    })
}

/// The index of the first day of the archive on or after the 1st of `month`, so a month
/// without digests leads to the next day that has one; `None` when no day is that late, or the
/// month is not one of the calendar. Days are taken to be in order, oldest first.
pub fn month_start(archive: &Archive, year: i32, month: u32) -> Option<usize> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    archive.days.iter().position(|d| d.date >= first)
}

/// `YYYY-MM-DD` or `YYYY-MM` (month and day of one or two digits); `None` when `s` is not
/// shaped like either, so it may still be something else.
fn date(s: &str) -> Option<Result<Target, GotoError>> {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let shaped = (2..=3).contains(&parts.len()) && digits(parts[0], 4..=4);
    if !shaped || !parts[1..].iter().all(|p| digits(p, 1..=2)) {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let year = n[0] as i32;
    let found = match n[..] {
        [_, month] => NaiveDate::from_ymd_opt(year, month, 1).map(|d| Target::Month {
            year: d.year(),
            month: d.month(),
        }),
        [_, month, day] => NaiveDate::from_ymd_opt(year, month, day).map(Target::Day),
        _ => None,
    };
    Some(found.ok_or_else(|| GotoError::NoSuchDate(s.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn paper(id: &str) -> Target {
        Target::Paper(id.to_string())
    }

    #[test]
    fn days_and_months() {
        let day = |s: &str| Target::Day(s.parse().unwrap());
        assert_eq!(parse_target("2021-03-01"), Ok(day("2021-03-01")));
        assert_eq!(parse_target("  2021-3-1\n"), Ok(day("2021-03-01")));
        assert_eq!(
            parse_target("2021-03"),
            Ok(Target::Month {
                year: 2021,
                month: 3
            })
        );
        assert_eq!(
            parse_target("2021-7"),
            Ok(Target::Month {
                year: 2021,
                month: 7
            })
        );
    }

    #[test]
    fn dates_not_in_the_calendar_are_named() {
        for bad in [
            "2021-02-30",
            "2021-13",
            "2021-00",
            "2021-04-31",
            "2021-01-00",
        ] {
            assert_eq!(
                parse_target(bad),
                Err(GotoError::NoSuchDate(bad.into())),
                "{bad}"
            );
        }
        assert!(
            GotoError::NoSuchDate("2021-02-30".into())
                .to_string()
                .contains("2021-02-30 is not in the calendar")
        );
    }

    #[test]
    fn latest_in_any_case() {
        for s in ["latest", "LATEST", " Latest "] {
            assert_eq!(parse_target(s), Ok(Target::Latest));
        }
    }

    #[test]
    fn arxiv_ids_lose_their_version_and_prefix() {
        for (s, want) in [
            ("2201.04182", "2201.04182"),
            ("2201.04182v2", "2201.04182"),
            ("0704.0001", "0704.0001"),
            ("1412.1234", "1412.1234"),
            ("arXiv:2201.04182", "2201.04182"),
            ("ARXIV: 2201.04182v12", "2201.04182"),
            ("hep-th/9901001", "hep-th/9901001"),
            ("hep-th/9901001v3", "hep-th/9901001"),
            ("HEP-TH/9901001", "hep-th/9901001"),
            ("math.GT/0309136", "math/0309136"),
            ("arXiv:cond-mat/0102536v1", "cond-mat/0102536"),
        ] {
            assert_eq!(parse_target(s), Ok(paper(want)), "{s}");
        }
    }

    #[test]
    fn arxiv_links_give_their_id() {
        for s in [
            "https://arxiv.org/abs/2201.04182v2",
            "http://arxiv.org/pdf/2201.04182.pdf",
            "https://arxiv.org/pdf/2201.04182v1",
            "arxiv.org/abs/2201.04182",
            "www.arxiv.org/abs/2201.04182",
            "https://www.arxiv.org/abs/2201.04182/",
            "export.arxiv.org/abs/2201.04182",
            "HTTPS://ArXiv.org/ABS/2201.04182?context=cs#x",
            "  https://arxiv.org/abs/2201.04182\t",
        ] {
            assert_eq!(parse_target(s), Ok(paper("2201.04182")), "{s}");
        }
        assert_eq!(
            parse_target("https://arxiv.org/abs/hep-th/9901001v1"),
            Ok(paper("hep-th/9901001"))
        );
    }

    #[test]
    fn everything_else_is_explained() {
        for bad in [
            "yesterday",
            "2201.0418",
            "1412.12345",
            "2201.041823",
            "2213.04182",
            "22010.4182",
            "2201.04182v",
            "2201.04182vx",
            "arxiv:",
            "https://arxiv.org/list/cs.LG/recent",
            "https://evil.example/abs/2201.04182",
            "https://arxiv.org.evil.example/abs/2201.04182",
            "hep-th/990100",
            "-th/9901001",
            "hep-th./9901001",
            "hep th/9901001",
            "21-03-01",
            "2021-03-01-02",
            "2021/03/01",
        ] {
            assert_eq!(parse_target(bad), Err(GotoError::Unknown), "{bad}");
        }
        let why = GotoError::Unknown.to_string();
        assert!(why.contains("2021-03-01") && why.contains("latest") && why.contains("arXiv"));
        assert_eq!(parse_target(" \n"), Err(GotoError::Empty));
        assert!(GotoError::Empty.to_string().contains("2021-03"));
    }

    fn archive(days: &[(&str, &[&str])]) -> Archive {
        let day = |(date, ids): &(&str, &[&str])| {
            let papers = ids
                .iter()
                .map(|id| crate::archive::Paper::bare(1, id, (!id.is_empty()).then_some(*id)))
                .collect();
            crate::archive::Day::bare(date, papers)
        };
        Archive {
            days: days.iter().map(day).map(Arc::new).collect(),
            ..Archive::default()
        }
    }

    #[test]
    fn a_paper_is_found_at_its_newest_listing() {
        let a = archive(&[
            ("2022-01-10", &["2201.00001", "2201.04182"]),
            ("2022-01-11", &["", "2201.04182v2", "x"]),
            ("2022-01-12", &["2201.00002"]),
            ("2022-01-13", &["hep-th/9901001v1"]),
        ]);
        let at = |day, paper| Some(PaperRef { day, paper });
        assert_eq!(find_paper(&a, "2201.04182"), at(1, 1));
        assert_eq!(find_paper(&a, "2201.04182v1"), at(1, 1));
        assert_eq!(find_paper(&a, "2201.00001"), at(0, 0));
        assert_eq!(find_paper(&a, "hep-th/9901001"), at(3, 0));
        assert_eq!(find_paper(&a, "hep-th.X/9901001v2"), at(3, 0));
        assert_eq!(find_paper(&a, "2201.99999"), None);
        assert_eq!(find_paper(&a, ""), None, "a paper without id is no match");
        assert_eq!(find_paper(&archive(&[]), "2201.04182"), None);
    }

    #[test]
    fn a_month_starts_at_its_first_day_or_the_next_one_after() {
        let a = archive(&[
            ("2021-01-31", &[]),
            ("2021-03-02", &[]),
            ("2021-03-05", &[]),
            ("2021-05-01", &[]),
        ]);
        assert_eq!(month_start(&a, 2021, 1), Some(0));
        assert_eq!(month_start(&a, 2021, 3), Some(1));
        assert_eq!(
            month_start(&a, 2021, 2),
            Some(1),
            "no February: the next day"
        );
        assert_eq!(month_start(&a, 2021, 5), Some(3));
        assert_eq!(month_start(&a, 2020, 12), Some(0));
        assert_eq!(month_start(&a, 2021, 6), None);
        assert_eq!(month_start(&a, 2021, 13), None);
    }
}
