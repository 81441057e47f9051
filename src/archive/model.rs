//! The archive's data model: days of ranked papers with the tweets about them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// One digest: the papers of one day, in rank order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// The digest's day (from the title, else the slug, else the file name).
    pub date: NaiveDate,
    pub title: String,
    /// Path relative to the archive root, with `/` separators.
    pub file: String,
    /// The front matter's publication time, read leniently, in UTC.
    #[serde(serialize_with = "serialize_published")]
    pub published: Option<NaiveDateTime>,
    pub papers: Vec<Paper>,
}

/// One ranked paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paper {
    pub rank: u32,
    pub title: String,
    pub authors: Vec<String>,
    pub retweets: u64,
    pub favorites: u64,
    pub arxiv_id: Option<String>,
    pub abs_url: Option<String>,
    pub pdf_url: Option<String>,
    pub categories: Vec<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub tweets: Vec<Tweet>,
    /// 1-based line of the paper's heading in its file.
    pub line: usize,
    /// The paper's identity (see `PaperKey`), set by the loader once id and title are known.
    #[serde(skip)]
    pub key: PaperKey,
}

/// Who a paper is, whatever day lists it: its arXiv id, or its lowercased title when it has
/// none. Reading state is kept under it, and a paper listed on several days is one paper.
/// Computed once when the post is read, so lists can look it up without allocating.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaperKey(String);

impl PaperKey {
    /// The key of a paper with this id (if any) and title.
    pub fn of(arxiv_id: Option<&str>, title: &str) -> PaperKey {
        match arxiv_id {
            Some(id) => PaperKey(id.to_string()),
            None => PaperKey(format!("title:{}", title.to_lowercase())),
        }
    }

    /// A key as it was written to the reading state.
    pub fn from_stored(s: impl Into<String>) -> PaperKey {
        PaperKey(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// The key is its text: hashing and comparing agree, so sets of keys can be asked about a `&str`.
impl std::borrow::Borrow<str> for PaperKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for PaperKey {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for PaperKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A tweet embedded under a paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tweet {
    pub author: String,
    pub handle: String,
    /// The status URL without its query string.
    pub url: String,
    /// The date as the embed shows it, e.g. "June 29, 2020".
    pub date: String,
    /// The tweet's language tag (`en`, `ja`, `und`, ...), empty when absent.
    pub lang: String,
    /// The text with entities decoded, `<br>` as line breaks and links as their visible text.
    pub text: String,
}

/// Bare papers and days for the library's own unit tests, which need only a few fields.
#[cfg(test)]
impl Paper {
    pub(crate) fn bare(rank: u32, title: &str, arxiv_id: Option<&str>) -> Paper {
        Paper {
            rank,
            title: title.to_string(),
            authors: vec![],
            retweets: 0,
            favorites: 0,
            arxiv_id: arxiv_id.map(str::to_string),
            abs_url: None,
            pdf_url: None,
            categories: vec![],
            abstract_text: String::new(),
            tweets: vec![],
            line: 1,
            key: PaperKey::of(arxiv_id, title),
        }
    }
}

#[cfg(test)]
impl Day {
    pub(crate) fn bare(date: &str, papers: Vec<Paper>) -> Day {
        Day {
            date: date.parse().expect("a date"),
            title: String::new(),
            file: String::new(),
            published: None,
            papers,
        }
    }
}

impl Paper {
    /// Retweets plus favorites: the measure used for "most talked about".
    pub fn score(&self) -> u64 {
        self.retweets.saturating_add(self.favorites)
    }
}

fn serialize_published<S: serde::Serializer>(
    value: &Option<NaiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(t) => s.serialize_str(&t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        None => s.serialize_none(),
    }
}
