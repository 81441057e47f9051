//! Papers without their long texts, and the texts read back from the posts.
//!
//! An abstract and its tweets' text are most of what a paper is in memory (at 10,000 posts
//! where no paper repeats: 123 of 186 MiB), yet a reader shows one paper at a time. So an info
//! can leave them in the post's file (`Texts::InFile`, with a hash of what they were) and get
//! them back when the paper is shown: the file is read and parsed again (a post is some 20 KiB)
//! and each paper takes the texts of the same paper there, if they hash the same. A file that
//! changed since gives nothing for the papers it changed: the reload that follows a change
//! brings them.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::collection::Archive;
use super::discover::PostFile;
use super::intern::InfoPool;
use super::model::{Day, Paper, PaperInfo, Texts, Tweet};
use super::read;

/// A post whose papers' texts could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct TextsError {
    pub path: PathBuf,
    pub message: String,
}

impl PaperInfo {
    /// A hash of the abstract and the tweets' texts: what `Texts::InFile` keeps of them.
    pub fn text_hash(&self) -> u64 {
        match self.texts {
            Texts::InFile(h) => h,
            Texts::Here => {
                let mut h = foldhash::quality::FixedState::default().build_hasher();
                // 0xff is in no UTF-8 text: the texts cannot run into each other.
                h.write(self.abstract_text.as_bytes());
                h.write_u8(0xff);
                for t in &self.tweets {
                    h.write(t.text.as_bytes());
                    h.write_u8(0xff);
                }
                h.finish()
            }
        }
    }

    /// Whether the abstract and the tweets' texts are here.
    pub fn holds_texts(&self) -> bool {
        self.texts == Texts::Here
    }

    /// This info with its long texts left in the file.
    pub fn without_texts(&self) -> PaperInfo {
        PaperInfo {
            title: self.title.clone(),
            authors: self.authors.clone(),
            arxiv_id: self.arxiv_id.clone(),
            abs: self.abs.clone(),
            pdf: self.pdf.clone(),
            categories: self.categories.clone(),
            abstract_text: String::new(),
            tweets: self
                .tweets
                .iter()
                .map(|t| Tweet {
                    author: t.author,
                    handle: t.handle,
                    url: t.url,
                    date: t.date,
                    lang: t.lang,
                    text: kept_text(t),
                })
                .collect(),
            key: self.key.clone(),
            texts: Texts::InFile(self.text_hash()),
        }
    }

    /// Whether the two have the same abstract and tweets' texts (by their hashes when either
    /// left them in its file).
    pub fn same_texts(&self, other: &PaperInfo) -> bool {
        match (self.texts, other.texts) {
            (Texts::Here, Texts::Here) => {
                self.abstract_text == other.abstract_text
                    && self.tweets.len() == other.tweets.len()
                    && self
                        .tweets
                        .iter()
                        .zip(&other.tweets)
                        .all(|(a, b)| a.text == b.text)
            }
            _ => self.text_hash() == other.text_hash(),
        }
    }

    /// `without_texts` in place: the texts given up rather than the rest copied. What a first
    /// load does to each paper right after parsing its post (see `Reloader`), so that no more
    /// than a post's texts are ever held at once.
    pub fn leave_texts(&mut self) {
        if !self.holds_texts() {
            return;
        }
        let hash = self.text_hash();
        self.abstract_text = String::new();
        for t in &mut self.tweets {
            if !t.url.is_empty() {
                t.text = String::new();
            }
        }
        self.texts = Texts::InFile(hash);
    }

    /// Whether `full`, an info with its texts, is this one with them: the texts it left in
    /// its file, and every other field the same.
    pub fn is_filled_by(&self, full: &PaperInfo) -> bool {
        full.holds_texts() && full.text_hash() == self.text_hash() && self.same_but_texts(full)
    }

    /// Whether the two are the same but for the texts an info leaves in its file: what
    /// `a.without_texts() == b.without_texts()` tells, without copying either (a cold start
    /// asks it of every paper it reads back). Taken apart field by field, so that a field
    /// added to the model is a field this must be told about.
    fn same_but_texts(&self, other: &PaperInfo) -> bool {
        let PaperInfo {
            title,
            authors,
            arxiv_id,
            abs,
            pdf,
            categories,
            abstract_text: _,
            tweets,
            key,
            texts: _,
        } = self;
        *title == other.title
            && *authors == other.authors
            && *arxiv_id == other.arxiv_id
            && *abs == other.abs
            && *pdf == other.pdf
            && *categories == other.categories
            && *key == other.key
            && tweets.len() == other.tweets.len()
            && tweets.iter().zip(&other.tweets).all(|(a, b)| {
                let Tweet {
                    author,
                    handle,
                    url,
                    date,
                    lang,
                    text: _,
                } = a;
                *author == b.author
                    && *handle == b.handle
                    && *url == b.url
                    && *date == b.date
                    && *lang == b.lang
                    && (!url.is_empty() || a.text == b.text)
            })
    }
}

/// What an info without its texts keeps of a tweet's text: nothing, unless the tweet has no
/// link, when its text is what tells it from the paper's other tweets (who tweeted what counts
/// each tweet once, see `search::People`). Such tweets are rare.
pub fn kept_text(t: &Tweet) -> String {
    if t.url.is_empty() {
        t.text.clone()
    } else {
        String::new()
    }
}

impl Day {
    /// Its papers' texts left in the file, in place (see `PaperInfo::leave_texts`); an info
    /// shared with another day is copied first.
    pub(super) fn leave_texts(&mut self) {
        for p in &mut self.papers {
            if p.holds_texts() {
                Arc::make_mut(&mut p.info).leave_texts();
            }
        }
    }

    /// The day with its papers' texts left in the file, each info once (`done` holds those
    /// made so far, by the info they came from, so that infos shared stay shared).
    fn without_texts(&self, done: &mut HashMap<*const PaperInfo, Arc<PaperInfo>>) -> Day {
        let papers = self
            .papers
            .iter()
            .map(|p| {
                let info = match p.info.texts {
                    Texts::InFile(_) => Arc::clone(&p.info),
                    Texts::Here => Arc::clone(
                        done.entry(Arc::as_ptr(&p.info))
                            .or_insert_with(|| Arc::new(p.info.without_texts())),
                    ),
                };
                Paper { info, ..p.clone() }
            })
            .collect();
        Day {
            date: self.date,
            title: self.title.clone(),
            file: self.file.clone(),
            published: self.published,
            papers,
        }
    }
}

/// Maps each day of `days` to itself without texts, infos shared staying shared; days that
/// hold no texts are kept as they are (the same `Arc`).
pub(super) fn days_without_texts(days: &[Arc<Day>]) -> Vec<Arc<Day>> {
    let mut done = HashMap::new();
    days.iter()
        .map(|d| {
            if d.papers.iter().all(|p| !p.holds_texts()) {
                Arc::clone(d)
            } else {
                Arc::new(d.without_texts(&mut done))
            }
        })
        .collect()
}

impl Archive {
    /// The archive with its papers' texts left in their files. The built-in sample, which has
    /// no files, keeps them.
    pub fn without_texts(&self) -> Archive {
        if self.root.is_none() {
            return self.clone();
        }
        Archive {
            root: self.root.clone(),
            days: days_without_texts(&self.days),
            diagnostics: self.diagnostics.clone(),
            sample: self.sample,
        }
    }

    /// How many distinct infos its papers point at (for tests of their sharing).
    #[cfg(test)]
    pub(crate) fn distinct_infos(&self) -> usize {
        let mut p: Vec<_> = self
            .days
            .iter()
            .flat_map(|d| d.papers.iter().map(|p| Arc::as_ptr(&p.info)))
            .collect();
        p.sort();
        p.dedup();
        p.len()
    }

    /// Whether every paper's texts are here.
    pub fn holds_texts(&self) -> bool {
        self.days
            .iter()
            .all(|d| d.papers.iter().all(|p| p.holds_texts()))
    }

    /// The archive with the texts its papers left in their files read back, every post
    /// on every core; a paper whose file no longer holds its texts stays without them, and
    /// each post that could not be read is an error in the list returned.
    pub fn with_texts(&self) -> (Archive, Vec<TextsError>) {
        let Some(root) = self.root.as_deref() else {
            return (self.clone(), Vec::new());
        };
        let wanted: Vec<usize> = (0..self.days.len())
            .filter(|&d| self.days[d].papers.iter().any(|p| !p.holds_texts()))
            .collect();
        let files: Vec<PostFile> = wanted
            .iter()
            .map(|&d| post_file(root, &self.days[d]))
            .collect();
        // Shared as a fresh load shares them: with each other and with the infos here.
        let pool = InfoPool::default();
        for p in self.days.iter().flat_map(|d| &d.papers) {
            if p.holds_texts() {
                pool.adopt(&p.info);
            }
        }
        let read = read::read_all(&files, Some(&pool), |parsed| parsed);
        let mut days = self.days.clone();
        let mut errors = Vec::new();
        for ((&d, parsed), file) in wanted.iter().zip(read).zip(&files) {
            match filled(&self.days[d], file, parsed) {
                Ok(day) => days[d] = Arc::new(day),
                Err(e) => errors.push(e),
            }
        }
        let archive = Archive {
            root: self.root.clone(),
            days,
            diagnostics: self.diagnostics.clone(),
            sample: self.sample,
        };
        (archive, errors)
    }
}

fn post_file(root: &Path, day: &Day) -> PostFile {
    PostFile {
        path: root.join(&day.file),
        rel: day.file.clone(),
    }
}

/// Reads the texts of `day`'s papers back from its post under `root`: for each paper, its
/// info with them, or `None` when the file no longer holds them (or the info has them).
pub fn read_texts(root: &Path, day: &Day) -> Result<Vec<Option<Arc<PaperInfo>>>, TextsError> {
    let file = post_file(root, day);
    let parsed = read::read_post(&file);
    Ok(texts_from(day, &parsed_day(&file, parsed)?))
}

/// For each paper of `day`, the info of the same paper in `full` (the same post read with its
/// texts) if it holds the texts the paper left, else `None`.
pub fn texts_from(day: &Day, full: &Day) -> Vec<Option<Arc<PaperInfo>>> {
    day.papers
        .iter()
        .enumerate()
        .map(|(i, p)| match_in(full, i, p).map(|f| Arc::clone(&f.info)))
        .collect()
}

fn parsed_day(file: &PostFile, parsed: super::post::Parsed) -> Result<Day, TextsError> {
    parsed.day.ok_or_else(|| TextsError {
        path: file.path.clone(),
        message: parsed
            .diagnostics
            .first()
            .map_or("no longer a post".to_string(), |d| d.message.clone()),
    })
}

/// `day` with the texts its file's fresh parse holds for its papers.
fn filled(day: &Day, file: &PostFile, parsed: super::post::Parsed) -> Result<Day, TextsError> {
    let full = parsed_day(file, parsed)?;
    let papers = day
        .papers
        .iter()
        .enumerate()
        .map(|(i, p)| match match_in(&full, i, p) {
            Some(f) => Paper {
                info: Arc::clone(&f.info),
                ..p.clone()
            },
            None => p.clone(),
        })
        .collect();
    Ok(Day {
        date: day.date,
        title: day.title.clone(),
        file: day.file.clone(),
        published: day.published,
        papers,
    })
}

/// The paper of `full` (a fresh parse of the post) that fills `p`, the `i`-th paper of the
/// day as read before: the `i`-th again, else any.
fn match_in<'a>(full: &'a Day, i: usize, p: &Paper) -> Option<&'a Paper> {
    if p.holds_texts() {
        return None;
    }
    full.papers
        .get(i)
        .filter(|f| p.info.is_filled_by(&f.info))
        .or_else(|| full.papers.iter().find(|f| p.info.is_filled_by(&f.info)))
}

#[cfg(test)]
mod tests;
