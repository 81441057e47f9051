//! The archive's data model: days of ranked papers with the tweets about them.

use chrono::{NaiveDate, NaiveDateTime};
use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use super::tweet_url::TweetUrl;

pub use super::name::Name;

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

/// One ranked paper: where a day lists it (rank, counts, line) and what the paper is (its
/// `PaperInfo`, shared). A paper listed on several days with the same text holds one
/// `PaperInfo` for all of them (see `InfoPool`): real archives list a hot paper day after day,
/// and its abstract and tweets need not sit in memory once per listing.
///
/// The info's fields read as the paper's own (`paper.title`), through `Deref`; writing one
/// (`paper.title = ..`) copies the info first when another listing shares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub rank: u32,
    pub retweets: u64,
    pub favorites: u64,
    /// 1-based line of the paper's heading in its file.
    pub line: u32,
    pub info: Arc<PaperInfo>,
}

/// What a paper is, whichever day lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PaperInfo {
    pub title: Box<str>,
    pub authors: Box<[Name]>,
    /// Shared with `key` when the paper has one: one copy of the text a paper.
    pub arxiv_id: Option<Arc<str>>,
    /// The abs and pdf links (read them with `abs_url`, `pdf_url`).
    pub abs: PageLink,
    pub pdf: PageLink,
    pub categories: Box<[Name]>,
    pub abstract_text: String,
    pub tweets: Box<[Tweet]>,
    /// The paper's identity (see `PaperKey`), set by the loader once id and title are known.
    pub key: PaperKey,
    /// Whether `abstract_text` and the tweets' `text` are here, or were left in the post's
    /// file (see `archive::texts`).
    pub texts: Texts,
}

/// Where a paper's long texts (its abstract, its tweets' text) are. They are most of an
/// archive's bytes, and a reader shows one paper at a time: it keeps infos without them and
/// reads them back from the post when it shows the paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Texts {
    /// In the info.
    #[default]
    Here,
    /// Left in the post's file: the info's `abstract_text` and tweets' `text` are empty, and
    /// this is the hash of what they were (`PaperInfo::text_hash`), for telling whether the
    /// file still holds them and whether two listings are the same text.
    InFile(u64),
}

impl std::ops::Deref for Paper {
    type Target = PaperInfo;
    fn deref(&self) -> &PaperInfo {
        &self.info
    }
}

impl std::ops::DerefMut for Paper {
    fn deref_mut(&mut self) -> &mut PaperInfo {
        Arc::make_mut(&mut self.info)
    }
}

impl Paper {
    /// A paper ranked `rank` (on line 1, with no counts) that is `info`.
    pub fn new(rank: u32, info: PaperInfo) -> Paper {
        Paper {
            rank,
            retweets: 0,
            favorites: 0,
            line: 1,
            info: Arc::new(info),
        }
    }
}

// The fields in the order of the model before infos were shared, which exports keep.
impl Serialize for Paper {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Paper", 12)?;
        st.serialize_field("rank", &self.rank)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("authors", &self.authors)?;
        st.serialize_field("retweets", &self.retweets)?;
        st.serialize_field("favorites", &self.favorites)?;
        st.serialize_field("arxiv_id", &self.arxiv_id)?;
        st.serialize_field("abs_url", &self.abs_url())?;
        st.serialize_field("pdf_url", &self.pdf_url())?;
        st.serialize_field("categories", &self.categories)?;
        st.serialize_field("abstract", &self.abstract_text)?;
        st.serialize_field("tweets", &self.tweets)?;
        st.serialize_field("line", &self.line)?;
        st.end()
    }
}

/// A paper's abs or pdf link. Nearly every post links arXiv's own pages of the paper's id:
/// such a link is kept as that fact, not as 40 bytes of its own and an `Option<String>`
/// (13 MB at 91,000 papers). `PaperInfo::abs_url`/`pdf_url` give it back whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum PageLink {
    #[default]
    None,
    /// `https://arxiv.org/abs/ID` (or `/pdf/ID`) for the info's `arxiv_id`.
    Arxiv,
    /// Any other, as written. Rare, so boxed twice: a thin pointer keeps a link in 16
    /// bytes where a `Box<str>` made it 24.
    Given(Box<String>),
}

impl PageLink {
    /// The link `url` (none if `None`), as given.
    pub fn given(url: Option<impl Into<String>>) -> PageLink {
        url.map_or(PageLink::None, |u| PageLink::Given(Box::new(u.into())))
    }

    pub fn is_none(&self) -> bool {
        *self == PageLink::None
    }

    /// The link, given the paper's `arxiv_id`, and the page (`abs`, `pdf`) it is of.
    fn url<'a>(&'a self, arxiv_id: Option<&str>, page: &str) -> Option<Cow<'a, str>> {
        match self {
            PageLink::None => None,
            PageLink::Arxiv => arxiv_id.map(|id| Cow::Owned(format!("{ARXIV}{page}/{id}"))),
            PageLink::Given(url) => Some(Cow::Borrowed(url.as_str())),
        }
    }

    /// The link `url` of a paper whose id is `arxiv_id`, compacted as `compact` does it: the
    /// loader makes the links this way, so that arXiv's own (nearly all) are never copied.
    pub fn of(url: Option<&str>, arxiv_id: Option<&str>, page: &str) -> PageLink {
        match url {
            Some(url) if is_arxiv_page(url, arxiv_id, page) => PageLink::Arxiv,
            url => PageLink::given(url),
        }
    }

    /// `Arxiv` if this is arXiv's `page` of `arxiv_id`.
    fn compact(&mut self, arxiv_id: Option<&str>, page: &str) {
        if let PageLink::Given(url) = &*self
            && is_arxiv_page(url, arxiv_id, page)
        {
            *self = PageLink::Arxiv;
        }
    }
}

/// Whether `url` is arXiv's `page` (`abs`, `pdf`) of `arxiv_id`.
fn is_arxiv_page(url: &str, arxiv_id: Option<&str>, page: &str) -> bool {
    arxiv_id.is_some_and(|id| {
        url.strip_prefix(ARXIV)
            .and_then(|u| u.strip_prefix(page))
            .and_then(|u| u.strip_prefix('/'))
            == Some(id)
    })
}

const ARXIV: &str = "https://arxiv.org/";

impl PaperInfo {
    /// The abs page's link, if the post gave one.
    pub fn abs_url(&self) -> Option<Cow<'_, str>> {
        self.abs.url(self.arxiv_id.as_deref(), "abs")
    }

    /// The pdf's link, if the post gave one.
    pub fn pdf_url(&self) -> Option<Cow<'_, str>> {
        self.pdf.url(self.arxiv_id.as_deref(), "pdf")
    }

    /// Keeps the links that are arXiv's own pages of the paper's id as that fact (see
    /// `PageLink`); the links read the same. Call once the id is final.
    pub fn compact_links(&mut self) {
        let id = self.arxiv_id.as_deref();
        self.abs.compact(id, "abs");
        self.pdf.compact(id, "pdf");
    }
}

/// Who a paper is, whatever day lists it: its arXiv id, or its lowercased title when it has
/// none. Reading state is kept under it, and a paper listed on several days is one paper.
/// Computed once when the post is read, so lists can look it up without allocating.
///
/// It carries a hash of its text, made once: counting who tweeted what over 330,000 listings
/// groups them by paper, and reading each key's text to hash it was a cache miss a listing.
#[derive(Debug, Clone)]
pub struct PaperKey(Arc<str>, u64);

impl Default for PaperKey {
    fn default() -> PaperKey {
        // `Arc<str>`'s own empty text, which allocates nothing (one made from an empty
        // `String` does): every paper a post parses starts from a default info.
        PaperKey(Arc::default(), PaperKey::hash_of(""))
    }
}

// By the text alone (the hash follows from it), so that sets of keys can be asked about a
// `&str` (see `Borrow`).
impl PartialEq for PaperKey {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for PaperKey {}

impl std::hash::Hash for PaperKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl PartialOrd for PaperKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PaperKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl PaperKey {
    /// The key of a paper with this id (if any) and title.
    pub fn of(arxiv_id: Option<&str>, title: &str) -> PaperKey {
        match arxiv_id {
            Some(id) => PaperKey::from_stored(id),
            None => PaperKey::from_stored(format!("title:{}", title.to_lowercase())),
        }
    }

    /// As `of`, the key holding the very text of the id rather than a copy of it: most
    /// papers have an id: one allocation a paper fewer (10,000 posts where no paper repeats,
    /// 91,318 papers: 88.6 to 86.6 MB resident once loaded from the cache).
    pub fn of_paper(arxiv_id: Option<&Arc<str>>, title: &str) -> PaperKey {
        match arxiv_id {
            Some(id) => PaperKey(Arc::clone(id), PaperKey::hash_of(id)),
            None => PaperKey::of(None, title),
        }
    }

    /// A key as it was written to the reading state.
    pub fn from_stored(s: impl Into<String>) -> PaperKey {
        let s: String = s.into();
        let h = PaperKey::hash_of(&s);
        PaperKey(s.into(), h)
    }

    /// A hash of its text (foldhash's), made when the key was.
    pub fn fast_hash(&self) -> u64 {
        self.1
    }

    /// The `fast_hash` of a key with this text, for looking one up by its text.
    pub fn hash_of(text: &str) -> u64 {
        use std::hash::BuildHasher;
        foldhash::fast::FixedState::default().hash_one(text)
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
        *self.0 == **other
    }
}

impl std::fmt::Display for PaperKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// How much of a post a parse makes. Either way it reports the same diagnostics, in the same
/// order, and the same days, papers and tweets: nothing that is skipped is ever a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every field, cleaned: what the reader, search and export show.
    All,
    /// What `hotpapers check` counts: a day's date and publication time, its papers with their
    /// ranks, counts and links, and an empty tweet for each tweet. No author, category,
    /// abstract or tweet text is made, and nothing is cleaned: three fifths of a full parse's
    /// work (3,000 real posts repeated: 199 ms of CPU whole, 76 ms counted), for text `check`
    /// would drop unread.
    Counts,
}

/// A tweet embedded under a paper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Tweet {
    pub author: Name,
    pub handle: Name,
    /// The status URL without its query string.
    pub url: TweetUrl,
    /// The date as the embed shows it, e.g. "June 29, 2020".
    pub date: Name,
    /// The tweet's language tag (`en`, `ja`, `und`, ...), empty when absent.
    pub lang: Name,
    /// The text with entities decoded, `<br>` as line breaks and links as their visible text.
    pub text: String,
}

/// Bare papers and days for the library's own unit tests, which need only a few fields.
#[cfg(test)]
impl Paper {
    pub(crate) fn bare(rank: u32, title: &str, arxiv_id: Option<&str>) -> Paper {
        Paper::new(
            rank,
            PaperInfo {
                title: title.to_string().into(),
                arxiv_id: arxiv_id.map(Into::into),
                key: PaperKey::of(arxiv_id, title),
                ..PaperInfo::default()
            },
        )
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

#[cfg(test)]
mod tests {
    use super::{PageLink, PaperInfo, PaperKey};

    #[test]
    fn only_arxivs_own_pages_of_the_id_are_kept_short_and_every_link_reads_back_the_same() {
        let info = |id: Option<&str>, abs: &str, pdf: &str| {
            let mut i = PaperInfo {
                arxiv_id: id.map(Into::into),
                abs: PageLink::given(Some(abs)),
                pdf: PageLink::given(Some(pdf).filter(|p| !p.is_empty())),
                ..PaperInfo::default()
            };
            let before = (i.abs_url().map(String::from), i.pdf_url().map(String::from));
            i.compact_links();
            let after = (i.abs_url().map(String::from), i.pdf_url().map(String::from));
            assert_eq!(before, after, "{abs} {pdf}");
            // The loader's way, compacted as it is made: the same links.
            let made = (
                PageLink::of(Some(abs), id, "abs"),
                PageLink::of(Some(pdf).filter(|p| !p.is_empty()), id, "pdf"),
            );
            assert_eq!(made, (i.abs.clone(), i.pdf.clone()), "{abs} {pdf}");
            (i.abs, i.pdf)
        };
        let given = |u: &str| PageLink::given(Some(u));
        let (a, p) = (
            "https://arxiv.org/abs/2007.00001",
            "https://arxiv.org/pdf/2007.00001",
        );
        assert_eq!(
            info(Some("2007.00001"), a, p),
            (PageLink::Arxiv, PageLink::Arxiv)
        );
        assert_eq!(
            info(Some("2007.00001"), a, ""),
            (PageLink::Arxiv, PageLink::None)
        );
        // Another form, another id, or no id: kept as written.
        let http = "http://arxiv.org/abs/2007.00001";
        assert_eq!(
            info(Some("2007.00001"), http, ""),
            (given(http), PageLink::None)
        );
        let pdf = "https://arxiv.org/pdf/2007.00001.pdf";
        assert_eq!(
            info(Some("2007.00001"), a, pdf),
            (PageLink::Arxiv, given(pdf))
        );
        assert_eq!(info(Some("2007.00002"), a, p), (given(a), given(p)));
        assert_eq!(info(None, a, p), (given(a), given(p)));
        let old = "https://arxiv.org/abs/hep-th/9901001";
        assert_eq!(
            info(Some("hep-th/9901001"), old, ""),
            (PageLink::Arxiv, PageLink::None)
        );
    }

    #[test]
    fn a_key_is_its_text_whichever_way_it_was_made_and_its_hash_follows_it() {
        let (a, b) = (
            PaperKey::of(Some("2401.00001"), "T"),
            PaperKey::from_stored("2401.00001"),
        );
        assert_eq!(a, b);
        assert_eq!(a.fast_hash(), b.fast_hash());
        assert_ne!(
            a.fast_hash(),
            PaperKey::from_stored("2401.00002").fast_hash()
        );
        assert_eq!(
            PaperKey::default().fast_hash(),
            PaperKey::from_stored("").fast_hash()
        );
        let set: std::collections::HashSet<PaperKey> = [a].into();
        assert!(set.contains("2401.00001"), "asked about a &str");
    }
}
