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
